import type { FluidState } from '../state.js';
import type { PureFluid } from '../pure/pure-fluid.js';
import { SaturationPoint } from '../pure/saturation.js';
import { MolarProperties, evaluateProperties } from '../eos/properties.js';
import { singlePhaseLabel, stateFromProperties, twoPhaseState } from './build.js';
import { checkDensity, checkStateNotSolid, checkTemperature, withinPressureLimit } from './validate.js';
import { FluidInputError } from '../errors.js';
import { FLASH_TOLERANCE, verifyInputs } from './verify.js';

const sat = new SaturationPoint();
const m = new MolarProperties();

/** (ρ, T) flash: ρ in kg/m³. Inside the saturation dome the state is two-phase (lever rule on specific volume). */
export function flashDT(fluid: PureFluid, rho: number, T: number): FluidState {
  const what = '(rho, T) flash';
  checkTemperature(fluid, T, what);
  checkDensity(fluid, rho, what);
  const rhoMolar = rho / fluid.eos.M;
  let liquidLike = rhoMolar >= fluid.critical.rhoMolar;
  if (T < fluid.saturation.Tmax && T < fluid.critical.T) {
    fluid.saturation.atT(T, sat);
    // (a pseudo-pure fluid's bubble and dew points are states to the round-off of a density, FLASH_TOLERANCE's)
    const slack = fluid.pseudoPure ? FLASH_TOLERANCE.densityRoundOff : 0;
    if (rhoMolar < sat.rhoL * (1 - slack) && rhoMolar > sat.rhoV * (1 + slack)) {
      if (fluid.pseudoPure) {
        throw new FluidInputError(`${fluid.name} ${what}`, 'rho', rho, `rho ≤ ${sat.rhoV * fluid.eos.M} or ≥ ${sat.rhoL * fluid.eos.M} kg/m3 at T = ${T} K: between them lies the two-phase band the pseudo-pure model does not describe`, 'kg/m3');
      }
      const Q = (1 / rhoMolar - 1 / sat.rhoL) / (1 / sat.rhoV - 1 / sat.rhoL);
      const state = twoPhaseState(fluid, T, Q, sat.rhoL, sat.rhoV, sat.pL);
      verifyInputs(fluid, what, 'rho', rho, state.rho, 'T', T, state.T, 0);
      return state;
    }
    liquidLike = rhoMolar >= sat.rhoL * (1 - slack);
  }
  const p = evaluateProperties(fluid.eos, T, rhoMolar, m).p;
  if (!withinPressureLimit(fluid, p, m.rhoMolar * m.dpdrhoMolar)) {
    throw new FluidInputError(`${fluid.name} ${what}`, 'rho', rho, `a density whose pressure at T = ${T} K lies in (0, ${fluid.pmax}] Pa (it gives ${p} Pa)`, 'kg/m3');
  }
  checkStateNotSolid(fluid, T, p, m.rhoMolar * m.dpdrhoMolar, what, 'rho', rho, 'kg/m3');
  return stateFromProperties(fluid, m, singlePhaseLabel(fluid, T, p, liquidLike));
}
