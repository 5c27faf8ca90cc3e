import type { FluidState } from '../state.js';
import type { PureFluid } from '../pure/pure-fluid.js';
import { SaturationPoint } from '../pure/saturation.js';
import { singlePhaseState, twoPhaseState } from './build.js';
import { checkPressure, checkQuality, checkTemperature } from './validate.js';
import { FluidInputError } from '../errors.js';

const satL = new SaturationPoint();
const satV = new SaturationPoint();

/** (T, Q) flash: the saturated state at T with vapour mass fraction Q (bubble point Q = 0, dew point Q = 1). */
export function flashTQ(fluid: PureFluid, T: number, Q: number): FluidState {
  const what = '(T, Q) flash';
  checkTemperature(fluid, T, what);
  checkQuality(fluid, Q, what);
  const sat = fluid.saturation;
  if (T > sat.Tmax) throw new FluidInputError(`${fluid.name} ${what}`, 'T', T, `T ≤ ${sat.Tmax} K (the critical temperature: no saturation above it)`, 'K');
  if (fluid.pseudoPure) return pseudoPureEnd(fluid, Q, T, T, what);
  sat.atT(T, satL);
  return twoPhaseState(fluid, T, Q, satL.rhoL, satL.rhoV, satL.pL);
}

/** (p, Q) flash: the saturated state at p with vapour mass fraction Q. */
export function flashPQ(fluid: PureFluid, p: number, Q: number): FluidState {
  const what = '(p, Q) flash';
  checkPressure(fluid, p, what);
  checkQuality(fluid, Q, what);
  const sat = fluid.saturation;
  if (p > sat.pmax || p < sat.pmin) {
    throw new FluidInputError(`${fluid.name} ${what}`, 'p', p, `${sat.pmin} Pa ≤ p ≤ ${sat.pmax} Pa (triple to critical pressure)`, 'Pa');
  }
  if (fluid.pseudoPure) return pseudoPureEnd(fluid, Q, sat.temperature(p, 'liquid'), sat.temperature(p, 'vapor'), what);
  const T = sat.temperature(p, 'liquid');
  sat.atT(T, satL);
  return twoPhaseState(fluid, T, Q, satL.rhoL, satL.rhoV, p);
}

/** Pseudo-pure fluids have a bubble point (Q = 0) and a dew point (Q = 1), but no mixture in between. */
function pseudoPureEnd(fluid: PureFluid, Q: number, Tbubble: number, Tdew: number, what: string): FluidState {
  if (Q !== 0 && Q !== 1) {
    throw new FluidInputError(`${fluid.name} ${what}`, 'Q', Q, 'Q = 0 (bubble point) or Q = 1 (dew point): the pseudo-pure model has no two-phase mixtures');
  }
  const sat = fluid.saturation;
  sat.atT(Tbubble, satL);
  sat.atT(Tdew, satV);
  const liquid = singlePhaseState(fluid, Tbubble, satL.rhoL, 'twophase', 0, satL.pL);
  const vapor = singlePhaseState(fluid, Tdew, satV.rhoV, 'twophase', 1, satV.pV);
  const state = Q === 0 ? liquid : vapor;
  const copy = Object.create(Object.getPrototypeOf(state), Object.getOwnPropertyDescriptors(state));
  Object.defineProperty(copy, 'liquid', { value: liquid, enumerable: true });
  Object.defineProperty(copy, 'vapor', { value: vapor, enumerable: true });
  return Object.freeze(copy) as FluidState;
}
