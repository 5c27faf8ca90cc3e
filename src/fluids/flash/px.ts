import type { FluidState } from '../state.js';
import type { PureFluid } from '../pure/pure-fluid.js';
import { SaturationPoint } from '../pure/saturation.js';
import { MolarProperties, evaluateProperties } from '../eos/properties.js';
import { IsobaricSolution, solveIsobar } from './isobaric.js';
import { DensityResult, densityTP, type Branch } from './density-tp.js';
import { singlePhaseLabel, singlePhaseState, stateFromProperties, twoPhaseState } from './build.js';
import { Guess, isobarTable } from './isobar-table.js';
import { CONVERGED_ON_WRONG_SIDE, newton2D, newtonPX } from './newton2d.js';
import { brent } from '../../numerics/roots.js';
import { checkPressure, isSolid } from './validate.js';
import { FluidInputError, FluidSolveError, requireFinite } from '../errors.js';
import { FLASH_TOLERANCE, reproduces, verifyInputs } from './verify.js';

const satL = new SaturationPoint();
const satV = new SaturationPoint();
const mL = new MolarProperties();
const mV = new MolarProperties();
const mEnd = new MolarProperties();
const sol = new IsobaricSolution();
const dr = new DensityResult();
const guess = new Guess();
const cal = { hL: 0, hV: 0, sL: 0, sV: 0 };
const mNewton = new MolarProperties();

/** (p, h) flash: the state at pressure p with specific enthalpy h (J/kg). */
export function flashPH(fluid: PureFluid, p: number, h: number): FluidState {
  return flashPX(fluid, p, h, 'h');
}

/** (p, s) flash: the state at pressure p with specific entropy s (J/(kg K)). */
export function flashPS(fluid: PureFluid, p: number, s: number): FluidState {
  return flashPX(fluid, p, s, 's');
}

/**
 * At fixed p: below the critical pressure, compare with the saturated liquid and vapour (two-phase in between,
 * by the lever rule); otherwise search the one isobar on the right side of the saturation temperature. Every
 * result is checked against (p, x) (FLASH_TOLERANCE) before it is returned.
 */
function flashPX(fluid: PureFluid, p: number, x: number, which: 'h' | 's'): FluidState {
  const what = which === 'h' ? '(p, h) flash' : '(p, s) flash';
  checkPressure(fluid, p, what);
  if (!Number.isFinite(x)) requireFinite(`${fluid.name} ${what}`, which, x, which === 'h' ? 'J/kg' : 'J/(kg K)');
  const eos = fluid.eos;
  const target = x * eos.M;
  const sat = fluid.saturation;

  // A pressure within FLASH_TOLERANCE of the triple point's is the triple point's: a liquid's p(T, ρ) there may fall
  // below it by the round-off its density carries (oxygen's by 1e-8, its liquid magnifying ρ's last bit 1e7-fold).
  const slack = FLASH_TOLERANCE.p * sat.pmin + FLASH_TOLERANCE.densityRoundOff * fluid.tripleLiquidStiffness;
  if (p < sat.pmax && p >= sat.pmin - slack) {
    // a pseudo-pure fluid between its triple-point dew and bubble pressures has a dew point but no liquid
    const liquidExists = p >= sat.pminLiquid - slack;
    const TV = p > sat.pmin ? sat.temperature(p, 'vapor') : sat.Tmin;
    // a pure fluid's bubble and dew temperatures are one saturation temperature
    const TL = fluid.pseudoPure && liquidExists ? (p > sat.pminLiquid ? sat.temperature(p, 'liquid') : sat.Tmin) : TV;
    let xL: number;
    let xV: number;
    if (!fluid.pseudoPure) {
      // one saturation temperature: h', h'', s', s'' from the saturation expansions (no EOS evaluation)
      sat.atT(TL, satL);
      satV.rhoV = satL.rhoV;
      fluid.saturatedCaloric(TL, satL, cal);
      xL = which === 'h' ? cal.hL : cal.sL;
      xV = which === 'h' ? cal.hV : cal.sV;
    } else {
      if (p <= sat.pmaxVapor) sat.atT(TV, satV);
      else {
        // above the dew line's end the isobar leaves the band only at T_c (the curves' end), as a single phase
        densityTP(fluid, TV, p, 'vapor', dr);
        satV.rhoV = dr.rhoMolar;
        satV.pV = p;
      }
      xV = valueOf(evaluateProperties(eos, TV, satV.rhoV, mV), which);
      if (!liquidExists) {
        if (target >= xV - 1e-11 * (Math.abs(xV) + eos.R)) return finish(fluid, p, target, which, TV, fluid.Tmax, TV, 'vapor', what, 0);
        throw new FluidInputError(`${fluid.name} ${what}`, which, x, `${which} ≥ ${xV / eos.M} (the dew point at p = ${p} Pa, below the triple-point bubble pressure: no liquid exists)`);
      }
      sat.atT(TL, satL);
      xL = valueOf(evaluateProperties(eos, TL, satL.rhoL, mL), which);
    }
    // within round-off of a saturated phase, that phase it is (labelled two-phase with Q = 0 or 1, as CoolProp does)
    const band = 1e-11 * (Math.abs(xV - xL) + Math.abs(xL) + Math.abs(xV));
    if (Math.abs(target - xL) <= band) {
      const state = fluid.pseudoPure
        ? singlePhaseState(fluid, TL, satL.rhoL, singlePhaseLabel(fluid, TL, p, true), null, p)
        : twoPhaseState(fluid, TL, 0, satL.rhoL, satV.rhoV, p);
      return checked(fluid, what, p, satL.pL, which, x, state, 0);
    }
    if (Math.abs(target - xV) <= band) {
      const state = fluid.pseudoPure
        ? singlePhaseState(fluid, TV, satV.rhoV, singlePhaseLabel(fluid, TV, p, false), null, p)
        : twoPhaseState(fluid, TL, 1, satL.rhoL, satV.rhoV, p);
      return checked(fluid, what, p, fluid.pseudoPure ? satV.pV : satL.pL, which, x, state, 0);
    }
    if (target < xL) return finish(fluid, p, target, which, fluid.Tmin, TL, TL, 'liquid', what, 0);
    // the saturated vapour's density at TV bounds the vapour side at every T ≥ TV (see newton2D)
    if (target > xV) return finish(fluid, p, target, which, TV, fluid.Tmax, TV, 'vapor', what, fluid.pseudoPure ? 0 : satL.rhoV);
    if (fluid.pseudoPure) {
      throw new FluidInputError(`${fluid.name} ${what}`, which, x, `outside the two-phase band [${xL / eos.M}, ${xV / eos.M}] at p = ${p} Pa, which the pseudo-pure model does not describe`);
    }
    const Q = (target - xL) / (xV - xL);
    // p found: the saturation pressure at the temperature used (the check on T(p))
    return checked(fluid, what, p, satL.pL, which, x, twoPhaseState(fluid, TL, Q, satL.rhoL, satL.rhoV, p, cal), 0);
  }
  // supercritical pressure (or below the triple-point pressure): one branch from the lowest to the highest T
  const fast = tryNewton(fluid, p, target, which, 'auto', fluid.Tmin, fluid.Tmax, 0);
  if (fast) return fast;
  const Tlow = fluid.lowestTemperature(p);
  const Tc = fluid.critical.T;
  const Tmid = Math.min(Math.max(Tc, Tlow), fluid.Tmax);
  densityTP(fluid, Tmid, p, 'auto', dr);
  const xm = valueOf(evaluateProperties(eos, Tmid, dr.rhoMolar, mL), which);
  const T0 = Tmid + (target - xm) / (which === 'h' ? mL.cpMolar : mL.cpMolar / mL.T);
  return target < xm
    ? finish(fluid, p, target, which, Tlow, Tmid, T0, 'auto', what, 0)
    : finish(fluid, p, target, which, Tmid, fluid.Tmax, T0, 'auto', what, 0);
}

/** The molar h or s of m. */
function valueOf(m: MolarProperties, which: 'h' | 's'): number {
  return which === 'h' ? m.hMolar : m.sMolar;
}

/**
 * A two-phase or saturated state, returned once it reproduces (p, x); `pFound` is the saturation pressure at its T.
 * Below the triple point's pressure (within the slack above) that is the triple point's, and p is held to it with
 * the round-off a triple-point liquid's density carries into p.
 */
function checked(fluid: PureFluid, what: string, p: number, pFound: number, which: 'h' | 's', x: number, state: FluidState, iterations: number): FluidState {
  verifyInputs(fluid, what, 'p', p, pFound, which, x, state[which], iterations, p < fluid.saturation.pminLiquid ? fluid.tripleLiquidStiffness : 0);
  return state;
}

function finish(
  fluid: PureFluid,
  p: number,
  target: number,
  which: 'h' | 's',
  Tlo: number,
  Thi: number,
  T0: number,
  branch: Branch,
  what: string,
  vaporBound: number,
): FluidState {
  const fast = tryNewton(fluid, p, target, which, branch, Tlo, Thi, vaporBound);
  if (fast) return fast;
  if (Tlo === fluid.Tmin) Tlo = Math.min(Thi, fluid.lowestTemperature(p));
  solveIsobar(fluid, p, target, which, Tlo, Thi, T0, branch, sol);
  // The search converges in T, but near the critical point ρ(T, p) is ill-conditioned and h(T) steep, so its h or s
  // may miss the target by far more than round-off: polish in (T, ρ), where the problem is well conditioned.
  // (bounded by the fluid's limits only: near T_c the saturation temperature that bounds a branch is itself
  // uncertain to round-off, and the polished state's side is checked at the end)
  const it = newton2D(fluid, 'p', p, which, target, 'auto', fluid.Tmin, fluid.Tmax, sol.T, sol.rhoMolar, mNewton, 40);
  const M = fluid.eos.M;
  if (it > 0 && accepts(fluid, p, target, which, mNewton)) return stateFromProperties(fluid, mNewton, singlePhaseLabel(fluid, mNewton.T, p, sideOf(fluid, branch, mNewton)), null, p);
  const inside = it === CONVERGED_ON_WRONG_SIDE ? twoPhaseAt(fluid, p, target, which, mNewton.T) : undefined;
  if (inside) return inside;
  evaluateProperties(fluid.eos, sol.T, sol.rhoMolar, mEnd);
  if (accepts(fluid, p, target, which, mEnd)) return stateFromProperties(fluid, mEnd, singlePhaseLabel(fluid, sol.T, p, sol.liquidLike), null, p);
  const critical = atCriticalPressure(fluid, p, target, which);
  if (critical) return critical;
  if (reproduces(fluid, 'p', p, mEnd.p, which, target / M, (which === 'h' ? mEnd.hMolar : mEnd.sMolar) / M, mEnd.rhoMolar * mEnd.dpdrhoMolar)) {
    // the state exists in the EOS but not as a fluid (water's melting line is not monotonic near 273.31 K, where
    // ice V gives way to ice VI, so an isobar can pass from liquid into solid and back)
    const unit = which === 'h' ? 'J/kg' : 'J/(kg K)';
    throw new FluidInputError(`${fluid.name} ${what}`, which, target / M, `a fluid state: at p = ${p} Pa this ${which} is reached at T = ${sol.T} K, above the melting pressure ${fluid.meltingPressure(sol.T)} Pa (solid)`, unit);
  }
  const atEnd = Math.abs(sol.T - Tlo) <= 1e-12 * Tlo ? Tlo : Math.abs(sol.T - Thi) <= 1e-12 * Thi ? Thi : 0;
  if (atEnd === 0 || (atEnd === Tlo ? sol.residual < 0 : sol.residual > 0)) {
    // inside the bracket, or at an end on the side of the target: the search failed, not the input
    const x = target / M;
    throw new FluidSolveError(`${fluid.name} ${what}`, { p, [which]: x }, `isobaric search ended at T = ${sol.T} K (bracket [${Tlo}, ${Thi}] K) and the (T, ρ) polish did not converge`, {
      residuals: { p: mEnd.p - p, [which]: (which === 'h' ? mEnd.hMolar : mEnd.sMolar) / M - x },
      iterations: sol.iterations + Math.abs(it),
    });
  }
  // the target lies beyond the bracket: say which limit it breaks
  densityTP(fluid, atEnd, p, branch, dr);
  const m = evaluateProperties(fluid.eos, atEnd, dr.rhoMolar, mEnd);
  const bound = (which === 'h' ? m.hMolar : m.sMolar) / M;
  const unit = which === 'h' ? 'J/kg' : 'J/(kg K)';
  throw new FluidInputError(
    `${fluid.name} ${what}`,
    which,
    target / M,
    atEnd === Thi
      ? `${which} ≤ ${bound} ${unit} (its value at Tmax = ${atEnd} K)`
      : branch === 'vapor'
        ? `${which} ≥ ${bound} ${unit} (its value at ${atEnd} K, the saturated vapour at p = ${p} Pa)`
        : `${which} ≥ ${bound} ${unit} (its value at ${atEnd} K, the lowest fluid temperature at p = ${p} Pa)`,
    unit,
  );
}

/** Whether the single-phase properties m reproduce (p, x) within FLASH_TOLERANCE and lie outside the solid. */
function accepts(fluid: PureFluid, p: number, target: number, which: 'h' | 's', m: MolarProperties): boolean {
  const M = fluid.eos.M;
  if (!reproduces(fluid, 'p', p, m.p, which, target / M, (which === 'h' ? m.hMolar : m.sMolar) / M, m.rhoMolar * m.dpdrhoMolar)) return false;
  return !isSolid(fluid, m.T, p);
}

/** Liquid-like for the phase label: the branch if forced, else denser than the critical density. */
function sideOf(fluid: PureFluid, branch: Branch, m: MolarProperties): boolean {
  return branch === 'liquid' || (branch === 'auto' && m.rhoMolar >= fluid.critical.rhoMolar);
}

/**
 * The fast path: Newton in (T, ρ) from the isobar table's starting value; undefined if it gives up. `vaporBound`:
 * ρ''(Tlo) for the vapour branch of a pure fluid (newton2D's `vaporBound`), else 0.
 */
function tryNewton(fluid: PureFluid, p: number, target: number, which: 'h' | 's', branch: Branch, Tlo: number, Thi: number, vaporBound: number): FluidState | undefined {
  isobarTable(fluid).byProperty(p, target, which, branch === 'auto' ? 'any' : branch, guess);
  const it = newtonPX(fluid, p, target, which, branch, Tlo, Thi, guess.T, guess.rhoMolar, mNewton, vaporBound);
  if (it === CONVERGED_ON_WRONG_SIDE) return twoPhaseAt(fluid, p, target, which, mNewton.T);
  if (it < 0) return undefined;
  // the fast path brackets T from Tmin: a solution beyond the melting line goes to the careful path (and its error)
  if (!accepts(fluid, p, target, which, mNewton)) return undefined;
  return stateFromProperties(fluid, mNewton, singlePhaseLabel(fluid, mNewton.T, p, sideOf(fluid, branch, mNewton)), null, p);
}

/**
 * Next to T_c a (T, ρ) Newton may converge an ulp of T inside the saturation dome, where the metastable state and the
 * two-phase one differ by round-off: the two-phase state at that T, if it reproduces (p, x); else undefined.
 */
function twoPhaseAt(fluid: PureFluid, p: number, target: number, which: 'h' | 's', T: number): FluidState | undefined {
  if (fluid.pseudoPure || !(T < fluid.saturation.Tmax)) return undefined;
  fluid.saturation.atT(T, satL);
  const eos = fluid.eos;
  const xL = which === 'h' ? evaluateProperties(eos, T, satL.rhoL, mL).hMolar : evaluateProperties(eos, T, satL.rhoL, mL).sMolar;
  const xV = which === 'h' ? evaluateProperties(eos, T, satL.rhoV, mV).hMolar : evaluateProperties(eos, T, satL.rhoV, mV).sMolar;
  const Q = (target - xL) / (xV - xL);
  if (!(Q >= 0 && Q <= 1)) return undefined;
  const state = twoPhaseState(fluid, T, Q, satL.rhoL, satL.rhoV, satL.pL);
  return reproduces(fluid, 'p', p, satL.pL, which, target / eos.M, state[which]) ? state : undefined;
}

/**
 * At the critical pressure itself the critical isotherm is flat (∂p/∂ρ = 0): ρ(T, p) is lost to round-off near Tc,
 * and the isobaric search can miss states that exist. There, solve along the critical isotherm for the density
 * with the wanted h or s, and accept it if it reproduces (p, x).
 */
function atCriticalPressure(fluid: PureFluid, p: number, target: number, which: 'h' | 's'): FluidState | undefined {
  const c = fluid.critical;
  if (fluid.pseudoPure || Math.abs(p / c.p - 1) > 1e-6) return undefined;
  const eos = fluid.eos;
  const f = (rho: number) => {
    evaluateProperties(eos, c.T, rho, mEnd);
    return (which === 'h' ? mEnd.hMolar : mEnd.sMolar) - target;
  };
  const r = brent(f, 0.5 * c.rhoMolar, 1.5 * c.rhoMolar, { rtol: 1e-15 });
  if (!r.ok) return undefined;
  evaluateProperties(eos, c.T, r.value, mEnd);
  if (!accepts(fluid, p, target, which, mEnd)) return undefined;
  return stateFromProperties(fluid, mEnd, 'supercritical', null, p);
}
