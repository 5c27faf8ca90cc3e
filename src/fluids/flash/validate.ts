import type { PureFluid } from '../pure/pure-fluid.js';
import { FluidInputError, requireFinite } from '../errors.js';
import { FLASH_TOLERANCE } from './verify.js';


/** Checks T against the fluid's limits; names the flash in the error. */
export function checkTemperature(fluid: PureFluid, T: unknown, what: string): number {
  const v = requireFinite(`${fluid.name} ${what}`, 'T', T, 'K');
  // limits hold to round-off: a value recomputed from a state at the limit may sit an ulp outside
  if (!(v >= fluid.Tmin * (1 - 1e-13) && v <= fluid.Tmax * (1 + 1e-13))) {
    throw new FluidInputError(`${fluid.name} ${what}`, 'T', v, `${fluid.Tmin} K ≤ T ≤ ${fluid.Tmax} K`, 'K');
  }
  return v;
}

/** Checks p against the fluid's limits. */
export function checkPressure(fluid: PureFluid, p: unknown, what: string): number {
  // (the subject string is built only for an error: this runs once per flash)
  const v = typeof p === 'number' && Number.isFinite(p) ? p : requireFinite(`${fluid.name} ${what}`, 'p', p, 'Pa');
  if (!(v >= fluid.pmin && v <= fluid.pmax * (1 + 1e-12))) throw new FluidInputError(`${fluid.name} ${what}`, 'p', v, `${fluid.pmin} Pa ≤ p ≤ ${fluid.pmax} Pa`, 'Pa');
  return v;
}

/**
 * Whether a pressure found from a density lies in (0, pmax]: to round-off in pmax, and to the round-off the density
 * carries into p (`rhoDpdrho` = ρ(∂p/∂ρ)_T, Pa; see FLASH_TOLERANCE.densityRoundOff).
 */
export function withinPressureLimit(fluid: PureFluid, p: number, rhoDpdrho: number): boolean {
  return p > 0 && p <= fluid.pmax * (1 + 1e-12) + FLASH_TOLERANCE.densityRoundOff * Math.abs(rhoDpdrho);
}

/** Checks a mass density against (0, 2 ρ'(T_triple)]. */
export function checkDensity(fluid: PureFluid, rho: unknown, what: string): number {
  const v = requireFinite(`${fluid.name} ${what}`, 'rho', rho, 'kg/m3');
  const max = fluid.rhoMaxMolar * fluid.eos.M;
  if (!(v >= 1e-12 && v <= max)) throw new FluidInputError(`${fluid.name} ${what}`, 'rho', v, `1e-12 kg/m3 ≤ rho ≤ ${max} kg/m3`, 'kg/m3');
  return v;
}

/**
 * Whether (T, p) lies in the solid region (PureFluid.isSolid); for a state whose p comes from its density, beyond
 * that density's round-off too (`rhoDpdrho` = ρ(∂p/∂ρ)_T, Pa; FLASH_TOLERANCE.densityRoundOff).
 */
export function isSolid(fluid: PureFluid, T: number, p: number, rhoDpdrho = 0): boolean {
  return fluid.isSolid(T, p, FLASH_TOLERANCE.densityRoundOff * Math.abs(rhoDpdrho));
}

/** Throws if (T, p) lies in the solid region (above the melting pressure). */
export function checkNotSolid(fluid: PureFluid, T: number, p: number, what: string): void {
  if (isSolid(fluid, T, p)) {
    throw new FluidInputError(`${fluid.name} ${what}`, 'p', p, `p ≤ ${fluid.meltingPressure(T)} Pa, the melting pressure at T = ${T} K (above it the fluid is solid)`, 'Pa');
  }
}

/** Checks a vapour quality. */
export function checkQuality(fluid: PureFluid, Q: unknown, what: string): number {
  const v = requireFinite(`${fluid.name} ${what}`, 'Q', Q);
  if (!(v >= 0 && v <= 1)) throw new FluidInputError(`${fluid.name} ${what}`, 'Q', v, '0 ≤ Q ≤ 1');
  return v;
}

/** Throws if a state found from other inputs (T, its pressure p) is solid (see isSolid), naming the input that put it there. */
export function checkStateNotSolid(fluid: PureFluid, T: number, p: number, rhoDpdrho: number, what: string, field: string, value: number, unit: string): void {
  if (!isSolid(fluid, T, p, rhoDpdrho)) return;
  throw new FluidInputError(
    `${fluid.name} ${what}`,
    field,
    value,
    `a state below the melting pressure (this one has p = ${p} Pa at T = ${T} K, above p_m = ${fluid.meltingPressure(T)} Pa, where the fluid is solid)`,
    unit,
  );
}
