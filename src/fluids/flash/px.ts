import type { FluidState } from '../state.js';
import type { PureFluid } from '../pure/pure-fluid.js';
import { SaturationPoint } from '../pure/saturation.js';
import { MolarProperties, evaluateProperties } from '../eos/properties.js';
import { IsobaricSolution, solveIsobar } from './isobaric.js';
import { DensityResult, densityTP, type Branch } from './density-tp.js';
import { singlePhaseLabel, singlePhaseState, stateFromProperties, twoPhaseState } from './build.js';
import { Guess, isobarTable } from './isobar-table.js';
import { newtonPX } from './newton2d.js';
import { brent } from '../../numerics/roots.js';
import { checkPressure } from './validate.js';
import { FluidInputError, requireFinite } from '../errors.js';

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
 * by the lever rule); otherwise search the one isobar on the right side of the saturation temperature.
 */
function flashPX(fluid: PureFluid, p: number, x: number, which: 'h' | 's'): FluidState {
  const what = `(p, ${which}) flash`;
  checkPressure(fluid, p, what);
  requireFinite(`${fluid.name} ${what}`, which, x, which === 'h' ? 'J/kg' : 'J/(kg K)');
  const eos = fluid.eos;
  const target = x * eos.M;
  const pick = (m: MolarProperties) => (which === 'h' ? m.hMolar : m.sMolar);
  const slope = (m: MolarProperties) => (which === 'h' ? m.cpMolar : m.cpMolar / m.T);
  const sat = fluid.saturation;

  if (p < sat.pmax && p >= sat.pmin) {
    // a pseudo-pure fluid between its triple-point dew and bubble pressures has a dew point but no liquid
    const liquidExists = p >= sat.pminLiquid;
    const TV = sat.temperature(p, 'vapor');
    const TL = liquidExists ? sat.temperature(p, 'liquid') : TV;
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
      sat.atT(TV, satV);
      xV = pick(evaluateProperties(eos, TV, satV.rhoV, mV));
      if (!liquidExists) {
        if (target >= xV - 1e-11 * (Math.abs(xV) + eos.R)) return finish(fluid, p, target, which, TV, fluid.Tmax, TV, 'vapor', what);
        throw new FluidInputError(`${fluid.name} ${what}`, which, x, `${which} ≥ ${xV / eos.M} (the dew point at p = ${p} Pa, below the triple-point bubble pressure: no liquid exists)`);
      }
      sat.atT(TL, satL);
      xL = pick(evaluateProperties(eos, TL, satL.rhoL, mL));
    }
    // within round-off of a saturated phase, that phase it is (labelled two-phase with Q = 0 or 1, as CoolProp does)
    const band = 1e-11 * (Math.abs(xV - xL) + Math.abs(xL) + Math.abs(xV));
    if (Math.abs(target - xL) <= band) {
      return fluid.pseudoPure
        ? singlePhaseState(fluid, TL, satL.rhoL, singlePhaseLabel(fluid, TL, p, true), null, p)
        : twoPhaseState(fluid, TL, 0, satL.rhoL, satV.rhoV, p);
    }
    if (Math.abs(target - xV) <= band) {
      return fluid.pseudoPure
        ? singlePhaseState(fluid, TV, satV.rhoV, singlePhaseLabel(fluid, TV, p, false), null, p)
        : twoPhaseState(fluid, TL, 1, satL.rhoL, satV.rhoV, p);
    }
    if (target < xL) return finish(fluid, p, target, which, fluid.Tmin, TL, TL, 'liquid', what);
    if (target > xV) return finish(fluid, p, target, which, TV, fluid.Tmax, TV, 'vapor', what);
    if (fluid.pseudoPure) {
      throw new FluidInputError(`${fluid.name} ${what}`, which, x, `outside the two-phase band [${xL / eos.M}, ${xV / eos.M}] at p = ${p} Pa, which the pseudo-pure model does not describe`);
    }
    const Q = (target - xL) / (xV - xL);
    return twoPhaseState(fluid, TL, Q, satL.rhoL, satV.rhoV, p, cal);
  }
  // supercritical pressure (or below the triple-point pressure): one branch from the lowest to the highest T
  const fast = tryNewton(fluid, p, target, which, 'auto', fluid.Tmin, fluid.Tmax);
  if (fast) return fast;
  const Tlow = fluid.lowestTemperature(p);
  const Tc = fluid.critical.T;
  const Tmid = Math.min(Math.max(Tc, Tlow), fluid.Tmax);
  densityTP(fluid, Tmid, p, 'auto', dr);
  const xm = pick(evaluateProperties(eos, Tmid, dr.rhoMolar, mL));
  const T0 = Tmid + (target - xm) / slope(mL);
  return target < xm
    ? finish(fluid, p, target, which, Tlow, Tmid, T0, 'auto', what)
    : finish(fluid, p, target, which, Tmid, fluid.Tmax, T0, 'auto', what);
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
): FluidState {
  const fast = tryNewton(fluid, p, target, which, branch, Tlo, Thi);
  if (fast) return fast;
  if (Tlo === fluid.Tmin) Tlo = Math.min(Thi, fluid.lowestTemperature(p));
  solveIsobar(fluid, p, target, which, Tlo, Thi, T0, branch, sol);
  // scale by the value found, not the target (a target of 1e300 must not make any residual look small)
  const found = Math.abs(target + sol.residual);
  const scale = which === 'h' ? Math.max(found, fluid.eos.R * fluid.critical.T) : Math.max(found, fluid.eos.R);
  if (!(Math.abs(sol.residual) <= 1e-9 * scale + 1e-11 * sol.slope * sol.T)) {
    const critical = atCriticalPressure(fluid, p, target, which);
    if (critical) return critical;
    // the target lies beyond the bracket: say which limit it breaks
    const Tend = Math.abs(sol.T - Tlo) < Math.abs(sol.T - Thi) ? Tlo : Thi;
    densityTP(fluid, Tend, p, branch, dr);
    const m = evaluateProperties(fluid.eos, Tend, dr.rhoMolar, mEnd);
    const bound = (which === 'h' ? m.hMolar : m.sMolar) / fluid.eos.M;
    const unit = which === 'h' ? 'J/kg' : 'J/(kg K)';
    throw new FluidInputError(
      `${fluid.name} ${what}`,
      which,
      target / fluid.eos.M,
      `${Tend === Tlo ? `${which} ≥ ${bound} ${unit} (its value at ${Tend} K, the lowest fluid temperature at p = ${p} Pa)` : `${which} ≤ ${bound} ${unit} (its value at Tmax = ${Tend} K)`}`,
      unit,
    );
  }
  return singlePhaseState(fluid, sol.T, sol.rhoMolar, singlePhaseLabel(fluid, sol.T, p, sol.liquidLike), null, p);
}

/** The fast path: Newton in (T, ρ) from the isobar table's starting value; undefined if it gives up. */
function tryNewton(fluid: PureFluid, p: number, target: number, which: 'h' | 's', branch: Branch, Tlo: number, Thi: number): FluidState | undefined {
  isobarTable(fluid).byProperty(p, target, which, branch === 'auto' ? 'any' : branch, guess);
  if (!newtonPX(fluid, p, target, which, branch, Tlo, Thi, guess.T, guess.rhoMolar, mNewton)) return undefined;
  // the fast path brackets T from Tmin: a solution beyond the melting line goes to the careful path (and its error)
  const pm = fluid.meltingPressure(mNewton.T);
  if (pm !== undefined && p > pm) return undefined;
  const liquidLike = branch === 'liquid' || (branch === 'auto' && mNewton.rhoMolar >= fluid.critical.rhoMolar);
  return stateFromProperties(fluid, mNewton, singlePhaseLabel(fluid, mNewton.T, p, liquidLike), null, p);
}

/**
 * At the critical pressure itself the critical isotherm is flat (∂p/∂ρ = 0): ρ(T, p) is lost to round-off near Tc,
 * and the isobaric search can miss states that exist. There, solve along the critical isotherm for the density
 * with the wanted h or s, and accept it if its pressure is p to round-off.
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
  if (Math.abs(mEnd.p / p - 1) > 1e-8) return undefined;
  return stateFromProperties(fluid, mEnd, 'supercritical', null, p);
}
