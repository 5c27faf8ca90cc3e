import type { FluidState } from '../state.js';
import type { PureFluid } from '../pure/pure-fluid.js';
import { POLISH_WITHIN, SaturationPoint } from '../pure/saturation.js';
import { MolarProperties, evaluateProperties } from '../eos/properties.js';
import { singlePhaseLabel, stateFromProperties, twoPhaseState } from './build.js';
import { FLASH_TOLERANCE, verifyInputs } from './verify.js';
import { brent } from '../../numerics/roots.js';
import { checkDensity, checkStateNotSolid, withinPressureLimit } from './validate.js';
import { FluidInputError, FluidSolveError, requireFinite } from '../errors.js';

const sat = new SaturationPoint();
const m = new MolarProperties();
const mL = new MolarProperties();
const mV = new MolarProperties();
const cal = { hL: 0, hV: 0, sL: 0, sV: 0 };

/**
 * (ρ, u) flash — the state of a closed tank or cavern from its mass, volume and internal energy. ρ in kg/m³,
 * u in J/kg. At fixed ρ, u rises with T (c_v > 0), in one phase and in two, so:
 *  - if ρ lies between the saturated densities at the triple point, find the temperature T_b where the saturation
 *    boundary passes through ρ (ρ'(T_b) = ρ on the liquid side, ρ''(T_b) = ρ on the vapour side); below
 *    u(T_b, ρ) the state is two-phase at the T where the lever-rule u equals u, above it single-phase;
 *  - otherwise single-phase: Newton on T with du/dT = c_v inside a bracket.
 */
export function flashDU(fluid: PureFluid, rho: number, u: number): FluidState {
  const what = '(rho, u) flash';
  const subject = `${fluid.name} ${what}`;
  checkDensity(fluid, rho, what);
  requireFinite(subject, 'u', u, 'J/kg');
  const eos = fluid.eos;
  const M = eos.M;
  const rhoMolar = rho / M;
  const target = u * M;
  const satCurve = fluid.saturation;
  let Tlo = fluid.Tmin;
  let Thi = fluid.Tmax;

  if (!fluid.pseudoPure) {
    satCurve.atT(satCurve.Tmin, sat);
    const rhoLt = sat.rhoL;
    const rhoVt = sat.rhoV;
    /** The lever-rule u at T, ρ between the saturated densities there (molar). */
    const lever = (T: number) => {
      satCurve.atT(T, sat);
      const uL = evaluateProperties(eos, T, sat.rhoL, mL).uMolar;
      const uV = evaluateProperties(eos, T, sat.rhoV, mV).uMolar;
      const Q = (1 / rhoMolar - 1 / sat.rhoL) / (1 / sat.rhoV - 1 / sat.rhoL);
      return uL + Q * (uV - uL);
    };
    /**
     * The same from the saturation expansions' h' and h'' (u = h − p/ρ; the EOS next to T_c): no EOS evaluation, and
     * within ~1e-12 of `lever` (the liquid's p(T, ρ') carries ρ''s last bits), which the search's last step removes.
     */
    const leverCaloric = (T: number) => {
      satCurve.atT(T, sat);
      fluid.saturatedCaloric(T, sat, cal);
      const uL = cal.hL - sat.pL / sat.rhoL;
      const uV = cal.hV - sat.pV / sat.rhoV;
      const Q = (1 / rhoMolar - 1 / sat.rhoL) / (1 / sat.rhoV - 1 / sat.rhoL);
      return uL + Q * (uV - uL);
    };
    const densest = fluid.liquidDensityMaximum;
    if (densest && rhoMolar >= rhoLt && rhoMolar < densest.rhoMolar) {
      // Water's saturated liquid is densest at 277 K: a density between ρ'(T_triple) and that maximum is liquid below
      // T₁ and above T₂ (where ρ'(T) = ρ on either side of the maximum) and two-phase in between, where u rises from
      // u(T₁, ρ) to u(T₂, ρ)
      const root = (lo: number, hi: number) => {
        const r = brent((T) => satCurve.atT(T, sat).rhoL - rhoMolar, lo, hi, { rtol: 1e-15 });
        if (!r.ok) throw new FluidSolveError(subject, { rho, u }, `saturated-liquid density at this density: ${r.reason}`, { iterations: r.iterations });
        return r.value;
      };
      const T1 = rhoMolar === rhoLt ? satCurve.Tmin : root(satCurve.Tmin, densest.T);
      const T2 = root(densest.T, satCurve.Tmax);
      const u1 = evaluateProperties(eos, T1, rhoMolar, m).uMolar;
      const u2 = evaluateProperties(eos, T2, rhoMolar, m).uMolar;
      const band = 1e-11 * (Math.abs(target) + eos.R * fluid.critical.T);
      if (target <= u1 + band) Thi = T1;
      else if (target >= u2 - band) Tlo = T2;
      else {
        const r = brent((T) => (T <= T1 ? u1 : T >= T2 ? u2 : lever(T)) - target, T1, T2, { rtol: 1e-15 });
        if (!r.ok) throw new FluidSolveError(subject, { rho, u }, `two-phase temperature: ${r.reason}`, { iterations: r.iterations });
        satCurve.atT(r.value, sat);
        const Q = Math.min(1, Math.max(0, (1 / rhoMolar - 1 / sat.rhoL) / (1 / sat.rhoV - 1 / sat.rhoL)));
        const state = twoPhaseState(fluid, r.value, Q, sat.rhoL, sat.rhoV, sat.pL);
        verifyInputs(fluid, what, 'rho', rho, state.rho, 'u', u, state.u, r.iterations);
        return state;
      }
    } else if (rhoMolar < rhoLt && rhoMolar > rhoVt) {
      const liquidSide = rhoMolar >= fluid.critical.rhoMolar;
      const Tc = satCurve.Tmax;
      /** T_b in [lo, hi], where ρ'(T_b) = ρ on the liquid side, ρ''(T_b) = ρ on the vapour side. */
      const boundary = (lo: number, hi: number) => {
        const rb = brent(
          (T) => {
            satCurve.atT(T, sat);
            return liquidSide ? sat.rhoL - rhoMolar : sat.rhoV - rhoMolar;
          },
          lo,
          hi,
          { rtol: 1e-15 },
        );
        if (!rb.ok) throw new FluidSolveError(subject, { rho, u }, `saturation boundary at this density: ${rb.reason}`, { iterations: rb.iterations });
        return rb.value;
      };
      /**
       * The two-phase state with u, its temperature in [T_triple, Thi] where 0 = u_lever(T) − u, given the value
       * at Thi (at a boundary T_b it is u(T_b, ρ) − u: ρ is a saturated density there, and at T_c the lever rule is 0/0).
       */
      const twoPhaseBelow = (Thi: number, fHi: number, atBoundary: boolean): FluidState => {
        const two = (T: number) => (T >= Thi ? fHi : lever(T) - target);
        // (the expansions' value where it lies far below the band around 0: the EOS's has the same sign there)
        const lowCaloric = leverCaloric(satCurve.Tmin) - target;
        const low = lowCaloric < -1e-9 * (Math.abs(target) + eos.R * fluid.critical.T) ? lowCaloric : two(satCurve.Tmin);
        if (low > 1e-11 * (Math.abs(target) + eos.R * fluid.critical.T)) {
          throw new FluidInputError(subject, 'u', u, `u ≥ ${(low + target) / M} J/kg at rho = ${rho} kg/m3 (the triple-point two-phase value; below it the fluid freezes)`, 'J/kg');
        }
        // at the triple point itself to round-off: that state. Else search on the expansions' lever rule (each step
        // a saturation evaluation, where the EOS's lever rule costs two EOS evaluations besides), then one Newton step
        // on the EOS's from there (its slope from the expansions'): the EOS's root to round-off
        const r = low >= 0 ? { ok: true as const, value: satCurve.Tmin, iterations: 0 } : brent((T) => (T >= Thi ? fHi : leverCaloric(T) - target), satCurve.Tmin, Thi, { rtol: 1e-15 });
        if (!r.ok) throw new FluidSolveError(subject, { rho, u }, `two-phase temperature: ${r.reason}`, { iterations: r.iterations });
        const T = r.value > satCurve.Tmin && r.value < Thi ? polishTwoPhase(r.value, satCurve.Tmin, Thi, two, leverCaloric) : r.value;
        // the saturation boundary itself: the saturated phase, i.e. the single-phase state at (T_b, ρ)
        if (atBoundary && T >= Thi) return finishSingle(fluid, Thi, rhoMolar, evaluateProperties(eos, Thi, rhoMolar, m), subject, rho, u, r.iterations);
        satCurve.atT(T, sat);
        // round-off may put ρ an ulp outside the saturated densities at a T next to T_b
        const Q = Math.min(1, Math.max(0, (1 / rhoMolar - 1 / sat.rhoL) / (1 / sat.rhoV - 1 / sat.rhoL)));
        const state = twoPhaseState(fluid, T, Q, sat.rhoL, sat.rhoV, sat.pL);
        verifyInputs(fluid, what, 'rho', rho, state.rho, 'u', u, state.u, r.iterations);
        return state;
      };
      // Within POLISH_WITHIN of T_c every saturation evaluation is an extended-precision solve (about 2 ms). Where
      // the boundary lies there (ρ within about 1e-3 of ρ_c), let u decide first: at or below the lever-rule u at
      // T_z = T_c − POLISH_WITHIN the state is two-phase below T_z; at or above u(T_c, ρ) single-phase above T_c
      // (u rises with T along an isochore). Only between the two is T_b itself needed.
      const Tz = Math.max(satCurve.Tmin, Tc - 1.01 * POLISH_WITHIN);
      satCurve.atT(Tz, sat);
      let Tb: number;
      if (rhoMolar < sat.rhoL && rhoMolar > sat.rhoV) {
        // (which side of it u lies on, and its sign as the search's end value, from the expansions where u is far)
        const uzCaloric = leverCaloric(Tz);
        const uz = Math.abs(target - uzCaloric) > 1e-9 * (Math.abs(target) + eos.R * fluid.critical.T) ? uzCaloric : lever(Tz);
        if (target <= uz) return twoPhaseBelow(Tz, uz - target, false);
        if (target >= evaluateProperties(eos, Tc, rhoMolar, m).uMolar) Tb = Tc;
        else Tb = boundary(Tz, Tc);
      } else Tb = boundary(satCurve.Tmin, Tz);
      // within about 5e-7 of the critical density T_b rounds to T_c itself, where ρ' = ρ'' = ρ_c
      const ub = evaluateProperties(eos, Tb, rhoMolar, m).uMolar;
      const band = 1e-11 * (Math.abs(ub) + eos.R * fluid.critical.T);
      if (target < ub - band) return twoPhaseBelow(Tb, ub - target, true);
      Tlo = Tb;
    }
  } else if (target >= evaluateProperties(eos, satCurve.Tmax, rhoMolar, m).uMolar) {
    // at or above u(T_c, ρ) the state lies at or above T_c (u rises with T along an isochore), where every density
    // is a state: the band below needs no bubble or dew line (each point of which is two density solves)
    Tlo = satCurve.Tmax;
  } else {
    // The pseudo-pure band (no states) lies between the dew and bubble densities below T_c: a density inside the
    // band at the triple point leaves it where it meets the bubble or dew line, or, between their densities at T_c
    // (air: 271 to 351 kg/m3), at T_c itself. Only states above that temperature exist.
    satCurve.atT(satCurve.Tmin, sat);
    if (rhoMolar < sat.rhoL && rhoMolar > sat.rhoV) {
      satCurve.atT(satCurve.Tmax, sat);
      let Tb = satCurve.Tmax;
      if (!(rhoMolar < sat.rhoL && rhoMolar > sat.rhoV)) {
        const liquidSide = rhoMolar >= sat.rhoL;
        const rb = brent(
          (T) => {
            satCurve.atT(T, sat);
            return liquidSide ? sat.rhoL - rhoMolar : sat.rhoV - rhoMolar;
          },
          satCurve.Tmin,
          satCurve.Tmax,
          { rtol: 1e-15 },
        );
        if (!rb.ok) throw new FluidSolveError(subject, { rho, u }, `bubble or dew line at this density: ${rb.reason}`, { iterations: rb.iterations });
        Tb = rb.value;
      }
      const ub = evaluateProperties(eos, Tb, rhoMolar, m).uMolar;
      if (target < ub - 1e-11 * (Math.abs(ub) + eos.R * fluid.critical.T)) {
        throw new FluidInputError(subject, 'u', u, `u ≥ ${ub / M} J/kg at rho = ${rho} kg/m3 (its value at ${Tb} K; below it lies the two-phase band, which the pseudo-pure model does not describe)`, 'J/kg');
      }
      Tlo = Tb;
    }
  }

  // single phase: Newton on T with du/dT|ρ = c_v, bracketed in [Tlo, Thi]
  const uHi = evaluateProperties(eos, Thi, rhoMolar, m).uMolar;
  // the same band as the boundary test above: a u within it of u(T_b, ρ) is the boundary state
  const tol = 1e-11 * (Math.abs(uHi) + eos.R * fluid.critical.T);
  if (target > uHi + tol) throw new FluidInputError(subject, 'u', u, `u ≤ ${uHi / M} J/kg at rho = ${rho} kg/m3 (its value at ${Thi === fluid.Tmax ? 'Tmax = ' : ''}${Thi} K)`, 'J/kg');
  if (target >= uHi) return finishSingle(fluid, Thi, rhoMolar, m, subject, rho, u, 0);
  const uLo = evaluateProperties(eos, Tlo, rhoMolar, m).uMolar;
  if (target < uLo - tol) throw new FluidInputError(subject, 'u', u, `u ≥ ${uLo / M} J/kg at rho = ${rho} kg/m3 (its value at ${Tlo} K)`, 'J/kg');
  if (target <= uLo) return finishSingle(fluid, Tlo, rhoMolar, m, subject, rho, u, 0);
  let T = Tlo + ((target - uLo) / (uHi - uLo)) * (Thi - Tlo);
  for (let it = 1; it <= 100; it++) {
    evaluateProperties(eos, T, rhoMolar, m);
    const f = m.uMolar - target;
    if (f < 0) Tlo = T;
    else Thi = T;
    const newton = f / m.cvMolar;
    if (Math.abs(newton) <= 1e-13 * T || f === 0 || Thi - Tlo <= 1e-13 * T) return finishSingle(fluid, T, rhoMolar, m, subject, rho, u, it);
    let next = T - newton;
    if (!(next > Tlo && next < Thi)) next = 0.5 * (Tlo + Thi);
    T = next;
  }
  throw new FluidSolveError(subject, { rho, u }, `temperature iteration did not converge (bracket [${Tlo}, ${Thi}] K)`, {
    residuals: { u: m.uMolar / M - u },
    iterations: 100,
  });
}

/**
 * One Newton step from T0 in (Tlo, Thi) on f (the EOS's lever-rule u minus the target), with the slope of the
 * expansions' lever rule g there (a difference over 1e-6 T0 within [Tlo, Thi]); the step is kept within that width.
 */
function polishTwoPhase(T0: number, Tlo: number, Thi: number, f: (T: number) => number, g: (T: number) => number): number {
  const f0 = f(T0);
  if (f0 === 0) return T0;
  const d = 1e-6 * T0;
  const a = Math.max(Tlo, T0 - d);
  const b = Math.min(Thi, T0 + d);
  const T = T0 - (f0 * (b - a)) / (g(b) - g(a));
  return Number.isFinite(T) ? Math.min(b, Math.max(a, T)) : T0;
}

/** The single-phase state whose properties m holds (at the input density), once it reproduces (ρ, u). */
function finishSingle(fluid: PureFluid, T: number, rhoMolar: number, m: MolarProperties, subject: string, rho: number, u: number, iterations: number): FluidState {
  const p = m.p;
  if (!withinPressureLimit(fluid, p, m.rhoMolar * m.dpdrhoMolar)) {
    throw new FluidInputError(subject, 'rho', rhoMolar * fluid.eos.M, `a state with 0 < p ≤ ${fluid.pmax} Pa (this one has p = ${p} Pa at T = ${T} K)`, 'kg/m3');
  }
  let liquidLike = rhoMolar >= fluid.critical.rhoMolar;
  if (T < fluid.critical.T && T < fluid.saturation.Tmax) {
    fluid.saturation.atT(T, sat);
    const slack = FLASH_TOLERANCE.densityRoundOff;
    if (fluid.pseudoPure && rhoMolar < sat.rhoL * (1 - slack) && rhoMolar > sat.rhoV * (1 + slack)) {
      throw new FluidInputError(subject, 'rho', rhoMolar * fluid.eos.M, `a density outside the two-phase band [${sat.rhoV * fluid.eos.M}, ${sat.rhoL * fluid.eos.M}] kg/m3 at T = ${T} K, which the pseudo-pure model does not describe`, 'kg/m3');
    }
    if (!fluid.pseudoPure && rhoMolar < sat.rhoL && rhoMolar > sat.rhoV) {
      // Next to T_c, c_v is so large that u pins T only to ~1e-13 and ρ'(T), ρ''(T) move by more than ρ's width per
      // ulp of T: a state found an ulp inside the dome is the two-phase one there (which differs in u by round-off)
      const state = twoPhaseState(fluid, T, (1 / rhoMolar - 1 / sat.rhoL) / (1 / sat.rhoV - 1 / sat.rhoL), sat.rhoL, sat.rhoV, sat.pL);
      verifyInputs(fluid, '(rho, u) flash', 'rho', rho, state.rho, 'u', u, state.u, iterations);
      return state;
    }
    liquidLike = rhoMolar >= sat.rhoL;
  }
  checkStateNotSolid(fluid, T, p, m.rhoMolar * m.dpdrhoMolar, '(rho, u) flash', 'u', u, 'J/kg');
  verifyInputs(fluid, '(rho, u) flash', 'rho', rho, rhoMolar * fluid.eos.M, 'u', u, m.uMolar / fluid.eos.M, iterations);
  return stateFromProperties(fluid, m, singlePhaseLabel(fluid, T, p, liquidLike));
}
