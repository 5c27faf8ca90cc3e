import type { FluidState } from '../state.js';
import type { PureFluid } from '../pure/pure-fluid.js';
import { SaturationPoint } from '../pure/saturation.js';
import { MolarProperties, evaluateProperties } from '../eos/properties.js';
import { singlePhaseState, twoPhaseState } from './build.js';
import { checkPressure, checkQuality, checkTemperature } from './validate.js';
import { verifyInputs } from './verify.js';
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
  if (fluid.pseudoPure) {
    checkPseudoPureQuality(fluid, Q, what);
    sat.atT(T, satL);
    return pseudoPureEnd(fluid, Q, T, T, true, true, what, 'T', T);
  }
  sat.atT(T, satL);
  const state = twoPhaseState(fluid, T, Q, satL.rhoL, satL.rhoV, satL.pL);
  verifyInputs(fluid, what, 'T', T, state.T, 'Q', Q, state.Q as number, 0);
  return state;
}

/** (p, Q) flash: the saturated state at p with vapour mass fraction Q. */
export function flashPQ(fluid: PureFluid, p: number, Q: number): FluidState {
  const what = '(p, Q) flash';
  checkPressure(fluid, p, what);
  checkQuality(fluid, Q, what);
  const sat = fluid.saturation;
  if (fluid.pseudoPure) {
    checkPseudoPureQuality(fluid, Q, what);
    // the bubble line runs from the triple point's bubble pressure to pmax, the dew line from pmin to pmaxVapor
    const bubble = Q === 0;
    const lo = bubble ? sat.pminLiquid : sat.pmin;
    const hi = bubble ? sat.pmax : sat.pmaxVapor;
    if (p > hi || p < lo) {
      throw new FluidInputError(`${fluid.name} ${what}`, 'p', p, `${lo} Pa ≤ p ≤ ${hi} Pa (the ${bubble ? 'bubble' : 'dew'} line, from the triple point to ${sat.Tmax} K)`, 'Pa');
    }
    const liquidExists = p >= sat.pminLiquid && p <= sat.pmax;
    const vaporExists = p >= sat.pmin && p <= sat.pmaxVapor;
    return pseudoPureEnd(fluid, Q, sat.temperature(p, 'liquid'), sat.temperature(p, 'vapor'), liquidExists, vaporExists, what, 'p', p);
  }
  const T = saturationTemperatureAtP(fluid, p, what);
  const state = twoPhaseState(fluid, T, Q, satL.rhoL, satL.rhoV, p);
  // the saturation pressure at the temperature found must be p (the check on T(p))
  verifyInputs(fluid, what, 'p', p, satL.pL, 'Q', Q, state.Q as number, 0);
  return state;
}

/**
 * A pure fluid's saturated liquid and vapour at p, the same states as `flashPQ(p, 0)` and `flashPQ(p, 1)` (with
 * the same checks and errors) for one saturation solve and one EOS evaluation per phase, where the two flashes
 * build both phases each and copy one of them.
 */
export function saturatedPhasesAtP(fluid: PureFluid, p: number): { readonly T: number; readonly p: number; readonly liquid: FluidState; readonly vapor: FluidState } {
  const T = checkedSaturationAtP(fluid, p);
  const liquid = singlePhaseState(fluid, T, satL.rhoL, 'twophase', 0, p);
  const vapor = singlePhaseState(fluid, T, satL.rhoV, 'twophase', 1, p);
  return Object.freeze({ T, p, liquid, vapor });
}

const m = new MolarProperties();

/**
 * A pure fluid's saturated-liquid and -vapour specific enthalpies h', h'' (J/kg) at p, with saturatedPhasesAtP's
 * checks and errors, bit for bit those of its states without building them. (Not the saturation expansions' h' and
 * h'', though they agree to 1.3e-13: a state set to h'' must flash back to exactly the saturated vapour state, or a
 * machine between two such states shows a power of round-off, 1e-7 W, and an efficiency where it had none.)
 */
export function saturatedEnthalpiesAtP(fluid: PureFluid, p: number): [number, number] {
  const T = checkedSaturationAtP(fluid, p);
  const M = fluid.eos.M;
  const rhoV = satL.rhoV;
  const hL = evaluateProperties(fluid.eos, T, satL.rhoL, m).hMolar / M;
  return [hL, evaluateProperties(fluid.eos, T, rhoV, m).hMolar / M];
}

/** T_sat(p) of a pure fluid, its saturation point left in satL, checked as the (p, Q) flash checks it. */
function checkedSaturationAtP(fluid: PureFluid, p: number): number {
  const what = '(p, Q) flash';
  checkPressure(fluid, p, what);
  const T = saturationTemperatureAtP(fluid, p, what);
  const { rhoL, rhoV } = satL;
  if (!(rhoL >= rhoV && rhoV > 0)) twoPhaseState(fluid, T, 0, rhoL, rhoV, p); // throws the two-phase state's error
  verifyInputs(fluid, what, 'p', p, satL.pL, 'Q', 0, 0, 0);
  return T;
}

/** T_sat(p) of a pure fluid after checking p's range; leaves the saturation point there in satL. */
function saturationTemperatureAtP(fluid: PureFluid, p: number, what: string): number {
  const sat = fluid.saturation;
  if (p > sat.pmax || p < sat.pmin) {
    throw new FluidInputError(`${fluid.name} ${what}`, 'p', p, `${sat.pmin} Pa ≤ p ≤ ${sat.pmax} Pa (triple to critical pressure)`, 'Pa');
  }
  const T = sat.temperature(p, 'liquid');
  sat.atT(T, satL);
  return T;
}

function checkPseudoPureQuality(fluid: PureFluid, Q: number, what: string): void {
  if (Q !== 0 && Q !== 1) {
    throw new FluidInputError(`${fluid.name} ${what}`, 'Q', Q, 'Q = 0 (bubble point) or Q = 1 (dew point): the pseudo-pure model has no two-phase mixtures');
  }
}

/**
 * Pseudo-pure fluids have a bubble point (Q = 0) and a dew point (Q = 1), but no mixture in between; the state is
 * the one asked for, with the other attached where it exists at the same T or p.
 */
function pseudoPureEnd(
  fluid: PureFluid,
  Q: number,
  Tbubble: number,
  Tdew: number,
  liquidExists: boolean,
  vaporExists: boolean,
  what: string,
  key: 'T' | 'p',
  x: number,
): FluidState {
  const sat = fluid.saturation;
  sat.atT(Tbubble, satL);
  sat.atT(Tdew, satV);
  const liquid = liquidExists ? singlePhaseState(fluid, Tbubble, satL.rhoL, 'twophase', 0, satL.pL) : undefined;
  const vapor = vaporExists ? singlePhaseState(fluid, Tdew, satV.rhoV, 'twophase', 1, satV.pV) : undefined;
  const state = (Q === 0 ? liquid : vapor) as FluidState;
  verifyInputs(fluid, what, key, x, state[key], 'Q', Q, state.Q as number, 0);
  const copy = Object.create(Object.getPrototypeOf(state), Object.getOwnPropertyDescriptors(state));
  if (liquid) Object.defineProperty(copy, 'liquid', { value: liquid, enumerable: true });
  if (vapor) Object.defineProperty(copy, 'vapor', { value: vapor, enumerable: true });
  return Object.freeze(copy) as FluidState;
}
