import type { PureFluid } from './pure/pure-fluid.js';
import { MolarProperties, evaluateProperties } from './eos/properties.js';
import { SaturationPoint } from './pure/saturation.js';
import { FluidInputError } from './errors.js';

/**
 * Enthalpy and entropy reference states:
 * - DEF: the default of the reference data (CoolProp's default for each fluid; see each fluid's `referenceState`);
 * - IIR: h = 200 kJ/kg, s = 1 kJ/(kg K) for the saturated liquid at 0 °C;
 * - ASHRAE: h = 0, s = 0 for the saturated liquid at −40 °C;
 * - NBP: h = 0, s = 0 for the saturated liquid at 1 atm (the normal boiling point).
 */
export type ReferenceStateName = 'DEF' | 'IIR' | 'ASHRAE' | 'NBP';

export const REFERENCE_STATES: readonly ReferenceStateName[] = ['DEF', 'IIR', 'ASHRAE', 'NBP'];

/**
 * The shift of the ideal-gas part (α⁰ += a1 + a2 τ) that moves the default reference state to `name`:
 * Δh = R T_r a2 and Δs = −R a1 (molar), computed from the default h, s at the reference point.
 */
export function referenceShift(fluid: PureFluid, name: ReferenceStateName): { a1: number; a2: number } {
  if (name === 'DEF') return { a1: 0, a2: 0 };
  const M = fluid.eos.M;
  const curve = fluid.saturation;
  let T: number;
  let h0: number;
  let s0: number;
  if (name === 'NBP') {
    T = curve.temperature(101325, 'liquid');
    [h0, s0] = [0, 0];
  } else {
    T = name === 'IIR' ? 273.15 : 233.15;
    [h0, s0] = name === 'IIR' ? [200e3, 1e3] : [0, 0];
  }
  if (!(T >= curve.Tmin && T < curve.Tmax)) {
    throw new FluidInputError(`${fluid.name} reference state`, 'referenceState', name, `a reference state whose saturated liquid exists (T_ref = ${T} K is outside ${curve.Tmin}–${curve.Tmax} K)`);
  }
  const sat = curve.atT(T, new SaturationPoint());
  const m = evaluateProperties(fluid.eos, T, sat.rhoL, new MolarProperties());
  const dh = h0 * M - m.hMolar;
  const ds = s0 * M - m.sMolar;
  return { a1: -ds / fluid.eos.R, a2: dh / (fluid.eos.R * fluid.eos.Tr) };
}
