import type { FluidState } from '../state.js';
import type { PureFluid } from '../pure/pure-fluid.js';
import { SaturationPoint } from '../pure/saturation.js';
import { singlePhaseLabel, singlePhaseState, twoPhaseState } from './build.js';
import { checkDensity, checkTemperature } from './validate.js';
import { FluidInputError, requireFinite } from '../errors.js';

const sat = new SaturationPoint();

/** (ρ, T) flash: ρ in kg/m³. Inside the saturation dome the state is two-phase (lever rule on specific volume). */
export function flashDT(fluid: PureFluid, rho: number, T: number): FluidState {
  const what = '(rho, T) flash';
  checkTemperature(fluid, T, what);
  checkDensity(fluid, rho, what);
  const rhoMolar = rho / fluid.eos.M;
  let liquidLike = rhoMolar >= fluid.critical.rhoMolar;
  if (T < fluid.saturation.Tmax && T < fluid.critical.T) {
    fluid.saturation.atT(T, sat);
    if (rhoMolar < sat.rhoL && rhoMolar > sat.rhoV) {
      if (fluid.pseudoPure) {
        throw new FluidInputError(`${fluid.name} ${what}`, 'rho', rho, `rho ≤ ${sat.rhoV * fluid.eos.M} or ≥ ${sat.rhoL * fluid.eos.M} kg/m3 at T = ${T} K: between them lies the two-phase band the pseudo-pure model does not describe`, 'kg/m3');
      }
      const Q = (1 / rhoMolar - 1 / sat.rhoL) / (1 / sat.rhoV - 1 / sat.rhoL);
      return twoPhaseState(fluid, T, Q, sat.rhoL, sat.rhoV, sat.pL);
    }
    liquidLike = rhoMolar >= sat.rhoL;
  }
  const p = fluid.eos.pressure(T, rhoMolar);
  if (!(p > 0 && p <= fluid.pmax)) {
    throw new FluidInputError(`${fluid.name} ${what}`, 'rho', rho, `a density whose pressure at T = ${T} K lies in (0, ${fluid.pmax}] Pa (it gives ${p} Pa)`, 'kg/m3');
  }
  return singlePhaseState(fluid, T, rhoMolar, singlePhaseLabel(fluid, T, p, liquidLike));
}
