import type { FluidState } from '../state.js';
import type { PureFluid } from '../pure/pure-fluid.js';
import { POLISH_WITHIN, SaturationPoint } from '../pure/saturation.js';
import { MolarProperties, evaluateProperties } from '../eos/properties.js';
import { singlePhaseLabel, stateFromProperties, twoPhaseState } from './build.js';
import { newton2D } from './newton2d.js';
import { isSolid, withinPressureLimit } from './validate.js';
import { flashTolerance, reproduces, verifyInputs } from './verify.js';
import { flashPS } from './px.js';
import { DensityResult, densityTP } from './density-tp.js';
import { brent } from '../../numerics/roots.js';
import { FluidInputError, FluidSolveError, requireFinite } from '../errors.js';

const sat = new SaturationPoint();
const mL = new MolarProperties();
const mV = new MolarProperties();
const m = new MolarProperties();
const dr = new DensityResult();

/**
 * (h, s) flash (mass basis). Two facts make it a chain of one-dimensional searches:
 *  - along an isentrope h rises with p (dh = v dp), so in one phase h(p) at fixed s has one root;
 *  - in the two-phase region, at fixed s the mixture enthalpy h' + T(s − s') rises with T (again dh = v dp).
 * Where s lies between the triple-point s' and s'', the saturation boundary at that entropy (T_b, where
 * s'(T_b) = s or s''(T_b) = s) splits the isentrope: below h(T_b) two-phase, above it single-phase with
 * p > p_sat(T_b). Elsewhere the isentrope is single-phase from where it meets the triple-point temperature (or
 * pmin). It ends at pmax, at Tmax, or at the melting line, whichever it meets first. Near the critical point, where
 * the searches through (p, s) states lose digits, the state is finished by Newton in (T, ρ), which stays well
 * conditioned there; every result is checked against (h, s) (FLASH_TOLERANCE) before it is returned.
 */
export function flashHS(fluid: PureFluid, h: number, s: number): FluidState {
  const state = solveHS(fluid, h, s);
  verifyInputs(fluid, '(h, s) flash', 'h', h, state.h, 's', s, state.s, 0);
  return state;
}

function solveHS(fluid: PureFluid, h: number, s: number): FluidState {
  const what = '(h, s) flash';
  const subject = `${fluid.name} ${what}`;
  requireFinite(subject, 'h', h, 'J/kg');
  requireFinite(subject, 's', s, 'J/(kg K)');
  const eos = fluid.eos;
  const M = eos.M;
  const hm = h * M;
  const sm = s * M;
  const hScale = Math.abs(hm) + eos.R * fluid.critical.T;
  const curve = fluid.saturation;
  const Tt = curve.Tmin;

  const satProps = (T: number) => {
    curve.atT(T, sat);
    evaluateProperties(eos, T, sat.rhoL, mL);
    evaluateProperties(eos, T, sat.rhoV, mV);
  };
  satProps(Tt);
  const sLt = mL.sMolar;
  const sVt = mV.sMolar;
  const rhoLt = mL.rhoMolar;
  const rhoVt = mV.rhoMolar;

  let plo: number;
  let onBoundary = false;
  if (sm > sLt && sm < sVt) {
    // the isentrope crosses the saturation boundary: find where (s' rises and s'' falls with T)
    satProps(curve.Tmax);
    const liquidSide = sm <= 0.5 * (mL.sMolar + mV.sMolar);
    const f = (T: number) => {
      satProps(T);
      return liquidSide ? mL.sMolar - sm : sm - mV.sMolar;
    };
    if (fluid.pseudoPure && f(curve.Tmax) < 0) {
      // A pseudo-pure fluid's bubble and dew lines end at T_c apart (air: 271 and 351 kg/m3): an entropy between
      // their entropies there meets the band at its top edge, T = T_c, at the density with that entropy.
      const Te = curve.Tmax;
      satProps(Te);
      const rb = brent((lnRho) => evaluateProperties(eos, Te, Math.exp(lnRho), m).sMolar - sm, Math.log(sat.rhoV), Math.log(sat.rhoL), { rtol: 1e-15 });
      if (!rb.ok) throw new FluidSolveError(subject, { h, s }, `top of the two-phase band at this entropy: ${rb.reason}`, { iterations: rb.iterations });
      evaluateProperties(eos, Te, Math.exp(rb.value), m);
      if (hm < m.hMolar - 1e-11 * hScale) {
        throw new FluidInputError(subject, 'h', h, `h ≥ ${m.hMolar / M} J/kg at s = ${s} J/(kg K): below it lies the two-phase band, which the pseudo-pure model does not describe`, 'J/kg');
      }
      plo = m.p;
      onBoundary = true;
    } else {
      // (bracketed on the side of T_z = T_c − POLISH_WITHIN it lies on: above T_z each saturation evaluation is an
      // extended-precision solve, about 2 ms, and an entropy away from s_c never needs one)
      const Tz = polishEdge(fluid);
      const rb = Tz > Tt && f(Tz) < 0 ? brent(f, Tz, curve.Tmax, { rtol: 1e-15 }) : brent(f, Tt, Math.max(Tt, Tz), { rtol: 1e-15 });
      if (!rb.ok) throw new FluidSolveError(subject, { h, s }, `saturation boundary at this entropy: ${rb.reason}`, { iterations: rb.iterations });
      const Tb = rb.value;
      satProps(Tb);
      // h at the boundary point with entropy s: h_sat(T_b) + T_b (s − s_sat(T_b)), exact where s_sat(T_b) = s and
      // right to first order where T_b is rounded (within about 1e-18 K of T_c, where s'' − s' is still ~1e-4 s)
      const hb = liquidSide ? mL.hMolar + Tb * (sm - mL.sMolar) : mV.hMolar + Tb * (sm - mV.sMolar);
      if (fluid.pseudoPure) {
        if (hm < hb - 1e-11 * hScale) {
          throw new FluidInputError(subject, 'h', h, `h ≥ ${hb / M} J/kg at s = ${s} J/(kg K): below it lies the two-phase band, which the pseudo-pure model does not describe`, 'J/kg');
        }
      } else if (hm <= hb + 1e-11 * hScale) {
        // within round-off of the boundary, the saturated phase it is (Q = 0 or 1)
        return twoPhase(fluid, hm, sm, Tb, liquidSide, subject, h, s, satProps);
      }
      plo = liquidSide ? sat.pL : sat.pV;
      onBoundary = true;
    }
  } else {
    // (starting from a saturated phase at T_triple, whose pressure is the curve's, not the EOS's at its density)
    plo = sm >= sVt ? isentropeEnd(fluid, Tt, sm, rhoVt, true, curve.pmin) : isentropeEnd(fluid, Tt, sm, rhoLt, false, curve.pminLiquid);
  }

  // single phase: h(p) at fixed s, Newton in ln p with dh/d ln p = p/ρ, bracketed
  const range = isentropeRange(fluid, sm, plo, s, h);
  if (range.isolated !== undefined) {
    // the saturated liquid where the isentrope begins is fluid, the liquid just above it solid (see isentropeRange)
    const start = flashPS(fluid, range.isolated, s);
    if (Math.abs(start.h - h) <= flashTolerance(fluid, 'h', h)) return start;
  }
  plo = range.lo;
  const phi = range.hi;
  const at = (p: number): FluidState => flashPS(fluid, Math.min(phi, Math.max(plo, p)), s);
  const bottom = range.bottom ?? at(plo);
  const top = range.top ?? at(phi);
  // an end within FLASH_TOLERANCE of h is the state (the ln p search cannot move by less than an ulp of p there)
  if (Math.abs(bottom.h - h) <= flashTolerance(fluid, 'h', h)) return bottom;
  if (Math.abs(top.h - h) <= flashTolerance(fluid, 'h', h)) return top;
  if (h <= bottom.h) {
    if (range.isolated !== undefined) {
      throw new FluidInputError(subject, 'h', h, `h ≥ ${bottom.h} J/kg at s = ${s} J/(kg K): below it, down to the saturated liquid at ${range.isolated} Pa, this isentrope runs through the solid`, 'J/kg');
    }
    // near the critical point the boundary's h is steep in T: what the dome test called single-phase lies between
    // the boundary state and this one, to be found in (T, ρ)
    if (onBoundary) return polish(fluid, hm, sm, bottom.T, bottom.rhoMolar, subject, h, s);
    throw new FluidInputError(subject, 'h', h, `h ≥ ${bottom.h} J/kg at s = ${s} J/(kg K) (its value at ${bottom.T} K, ${bottom.p} Pa, where the isentrope begins)`, 'J/kg');
  }
  if (h >= top.h) {
    throw new FluidInputError(subject, 'h', h, `h ≤ ${top.h} J/kg at s = ${s} J/(kg K) (its value at ${top.T} K, ${top.p} Pa, where the isentrope leaves the EOS's range)`, 'J/kg');
  }
  let lo = Math.log(plo);
  let hi = Math.log(phi);
  // start from the enthalpy-weighted position between the ends (the isentrope's h(ln p) is smooth and monotonic)
  let x = lo + ((h - bottom.h) / (top.h - bottom.h)) * (hi - lo);
  // the valid state nearest the target so far, and whether one above it was seen (then the root is bracketed)
  let best = bottom;
  let bracketed = false;
  for (let it = 1; it <= 200; it++) {
    let st: FluidState;
    try {
      st = at(Math.exp(x));
    } catch (e) {
      if (!(e instanceof FluidInputError)) throw e;
      // The isentrope left the EOS's range below this pressure (e.g. cold water, whose isentropes cool under
      // compression, reaches 273.16 K and comes back at higher p). The solution lies on the first stretch,
      // which begins at plo and ends below x: search below.
      hi = x;
      x = 0.5 * (lo + hi);
      continue;
    }
    const f = st.h - h;
    if (Math.abs(f) < Math.abs(best.h - h)) best = st;
    if (f < 0) lo = x;
    else {
      hi = x;
      bracketed = true;
    }
    let next = x - f / (st.p / st.rho);
    if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);
    if (Math.abs(f) <= 1e-14 * hScale / M || Math.abs(next - x) < 4e-16 * Math.abs(x) + 1e-300) {
      if (Math.abs(f) > 1e-9 * hScale / M) break;
      return st;
    }
    x = next;
  }
  // near the critical point h(p) along the isentrope is resolved only as well as the (p, s) flash resolves ρ:
  // finish in (T, ρ) from the nearest state found
  if (bracketed) return polish(fluid, hm, sm, best.T, best.rhoMolar, subject, h, s);
  throw new FluidInputError(
    subject,
    'h',
    h,
    `an enthalpy reached along the isentrope s = ${s} J/(kg K) before it leaves the EOS's range near p = ${Math.exp(hi)} Pa`,
    'J/kg',
  );
}

/** Two-phase: solve h' + T(s − s') = h for T in [T_triple, T_b]. */
function twoPhase(
  fluid: PureFluid,
  hm: number,
  sm: number,
  Tb: number,
  liquidSide: boolean,
  subject: string,
  h: number,
  s: number,
  satProps: (T: number) => void,
): FluidState {
  const M = fluid.eos.M;
  const curve = fluid.saturation;
  // 0 = h'(T) + T(s − s'(T)) − h, smooth in T even where s'(T) is steep (d/dT = v' dp/dT + s − s')
  const h2 = (T: number) => {
    satProps(T);
    return mL.hMolar + T * (sm - mL.sMolar) - hm;
  };
  const low = h2(curve.Tmin);
  if (low > 1e-11 * (Math.abs(hm) + fluid.eos.R * fluid.critical.T)) {
    throw new FluidInputError(subject, 'h', h, `h ≥ ${(low + hm) / M} J/kg at s = ${s} J/(kg K) (the triple-point two-phase value)`, 'J/kg');
  }
  // on the boundary itself (h₂(T_b) ≤ 0 to round-off) the state is the saturated phase. No tolerance here: near
  // T_c h₂ is so flat that a state 1e-11 K below T_c has h₂(T_b) ~ 1e-10 J/mol, yet s'' − s' is 1e-6 of s
  const high = h2(Tb);
  if (high > 0 && high <= 1e-12 * Math.abs(hm) + 1e-9) {
    // Near the boundary at low T, h₂ is flat in T (its slope v' dp/dT is ~1e-3 J/(mol K) near the triple point) and
    // its root is lost in the round-off of h': the saturated phase itself is better, where it reproduces (h, s).
    const Qb = (sm - mL.sMolar) / (mV.sMolar - mL.sMolar);
    if (Qb > -1e-9 && Qb < 1 + 1e-9) {
      const state = twoPhaseState(fluid, Tb, Math.min(1, Math.max(0, Qb)), sat.rhoL, sat.rhoV, sat.pL);
      if (reproduces(fluid, 'h', h, state.h, 's', s, state.s)) return state;
    }
  }
  // h₂ rises with T: bracket on the side of T_z the root lies on (see polishEdge)
  let lo = curve.Tmin;
  let hi = Tb;
  const Tz = polishEdge(fluid);
  if (high > 0 && low < 0 && Tz > lo && Tz < hi) {
    if (h2(Tz) >= 0) hi = Tz;
    else lo = Tz;
  }
  const r =
    high <= 0
      ? { ok: true as const, value: Tb, iterations: 0 }
      : low >= 0
        ? { ok: true as const, value: curve.Tmin, iterations: 0 }
        : brent(h2, lo, hi, { rtol: 1e-15 });
  if (!r.ok) throw new FluidSolveError(subject, { h, s }, `two-phase temperature: ${r.reason}`, { iterations: r.iterations });
  let T = r.value;
  satProps(T);
  let Q = (sm - mL.sMolar) / (mV.sMolar - mL.sMolar);
  // Within ulps of T_c the boundary T_b rounds to T_c (where Q is 0/0) and h₂ is flat to round-off over many ulps,
  // so the root may land on T_b. Below the boundary s lies strictly between s' and s'': step down by ulps until it does.
  for (let k = 1; !(Q >= 0 && Q <= 1) && T >= Tb && k <= 1 << 20; k *= 4) {
    const below = Tb * (1 - k * Number.EPSILON);
    satProps(below);
    const Qb = (sm - mL.sMolar) / (mV.sMolar - mL.sMolar);
    if (Qb >= 0 && Qb <= 1) {
      T = below;
      Q = Qb;
    }
  }
  if (Q > -1e-9 && Q < 1 + 1e-9) {
    satProps(T);
    const state = twoPhaseState(fluid, T, Math.min(1, Math.max(0, Q)), sat.rhoL, sat.rhoV, sat.pL);
    if (reproduces(fluid, 'h', h, state.h, 's', s, state.s)) return state;
  }
  // On the boundary to round-off: the saturated phase as the single-phase state it is, found in (T, ρ)
  satProps(r.value);
  return polish(fluid, hm, sm, r.value, liquidSide ? sat.rhoL : sat.rhoV, subject, h, s);
}

const mPolish = new MolarProperties();

/** Just below where the saturation curve polishes its values (each evaluation above it costs about 2 ms). Unit: K */
function polishEdge(fluid: PureFluid): number {
  return fluid.saturation.Tmax - 1.01 * POLISH_WITHIN;
}

/**
 * The single-phase state with (h, s) by Newton in (T, ρ) from a nearby (T0, ρ0): well conditioned there even at
 * the critical point, where the searches through (p, s) states are not. Throws a FluidSolveError if it does not
 * converge to a stable state that reproduces (h, s).
 */
function polish(fluid: PureFluid, hm: number, sm: number, T0: number, rho0: number, subject: string, h: number, s: number): FluidState {
  const it = newton2D(fluid, 'h', hm, 's', sm, 'auto', fluid.Tmin, fluid.Tmax, T0, rho0, mPolish, 40);
  const M = fluid.eos.M;
  const found = reproduces(fluid, 'h', h, mPolish.hMolar / M, 's', s, mPolish.sMolar / M) && withinPressureLimit(fluid, mPolish.p, mPolish.rhoMolar * mPolish.dpdrhoMolar) && !isSolid(fluid, mPolish.T, mPolish.p, mPolish.rhoMolar * mPolish.dpdrhoMolar);
  if (it > 0 && found) {
    let liquidLike = mPolish.rhoMolar >= fluid.critical.rhoMolar;
    if (mPolish.T < fluid.critical.T && mPolish.T < fluid.saturation.Tmax) liquidLike = mPolish.rhoMolar >= fluid.saturation.atT(mPolish.T, sat).rhoL * (1 - 1e-9);
    return stateFromProperties(fluid, mPolish, singlePhaseLabel(fluid, mPolish.T, mPolish.p, liquidLike));
  }
  // converged, but inside the saturation dome (next to T_c, where a metastable state and the two-phase one differ
  // by round-off): the two-phase state at that T, if it reproduces (h, s)
  if (found && !fluid.pseudoPure && mPolish.T < fluid.saturation.Tmax) {
    const T = mPolish.T;
    fluid.saturation.atT(T, sat);
    evaluateProperties(fluid.eos, T, sat.rhoL, mL);
    evaluateProperties(fluid.eos, T, sat.rhoV, mV);
    const Q = (sm - mL.sMolar) / (mV.sMolar - mL.sMolar);
    if (Q >= 0 && Q <= 1) {
      const state = twoPhaseState(fluid, T, Q, sat.rhoL, sat.rhoV, sat.pL);
      if (reproduces(fluid, 'h', h, state.h, 's', s, state.s)) return state;
    }
  }
  throw new FluidSolveError(subject, { h, s }, `the (T, ρ) Newton from T = ${T0} K, ρ = ${rho0 * M} kg/m3 did not converge to a stable fluid state`, {
    residuals: { h: mPolish.hMolar / M - h, s: mPolish.sMolar / M - s },
    iterations: Math.abs(it),
  });
}

/**
 * The stretch [lo, hi] of the isentrope, from plo up, where its states are fluid and h lies (h rises with p along
 * it). It runs from plo (where it meets T_triple or the saturation boundary) up to pmax, the pressure where it
 * reaches Tmax, or the melting line, whichever comes first — unless it leaves the fluid states on the way: cold
 * compressed water's isentropes cool below 273.16 K and come back, or cross water's melting line where ice V gives
 * way to ice VI; within microkelvins of CO2's triple point the published melting line passes below the saturation
 * pressure, so a liquid isentrope starts with a lone saturated liquid (`isolated`) under a solid gap. Where an end is
 * not fluid, the stretches are found by a scan in ln p and their ends by bisection; `bottom` and `top` are the end
 * states where they were computed. Unit: Pa
 */
function isentropeRange(
  fluid: PureFluid,
  sm: number,
  plo: number,
  s: number,
  h: number,
): { lo: number; hi: number; isolated?: number; bottom?: FluidState; top?: FluidState } {
  const eos = fluid.eos;
  densityTP(fluid, fluid.Tmax, fluid.pmax, 'auto', dr);
  const end = sm <= evaluateProperties(eos, fluid.Tmax, dr.rhoMolar, m).sMolar ? fluid.pmax : Math.min(fluid.pmax, isentropeEnd(fluid, fluid.Tmax, sm, dr.rhoMolar, true));
  /** The state at p on the isentrope, or undefined where it is not a fluid one. */
  const state = (p: number): FluidState | undefined => {
    try {
      return flashPS(fluid, p, s);
    } catch (e) {
      if (e instanceof FluidInputError) return undefined;
      throw e;
    }
  };
  const valid = (p: number) => state(p) !== undefined;
  const isolated = Math.abs(plo / fluid.saturation.pminLiquid - 1) < 1e-3 && valid(plo) && !valid(plo * (1 + 1e-7)) ? plo : undefined;
  const start = isolated === undefined ? plo : plo * (1 + 1e-7);
  const bottom = isolated === undefined ? state(plo) : undefined;
  const top = end > start ? state(end) : undefined;
  if (bottom && top) return { lo: plo, hi: end, bottom, top };
  /** The boundary between a fluid ln p and one that is not, to round-off; the fluid side. */
  const edge = (good: number, bad: number) => {
    for (let k = 0; k < 100 && Math.abs(bad - good) > 1e-15 * Math.abs(bad); k++) {
      const mid = 0.5 * (good + bad);
      if (valid(Math.exp(mid))) good = mid;
      else bad = mid;
    }
    let p = Math.exp(good);
    // exp(ln p) may land an ulp beyond the boundary
    const step = bad > good ? -1e-13 : 1e-13;
    for (let k = 0; k < 50 && !valid(p); k++) p *= 1 + step * 2 ** k;
    return p;
  };
  const a = Math.log(start);
  const b = Math.log(Math.max(start, end));
  const n = 64;
  const grid = (j: number) => a + ((b - a) * j) / n;
  let j = 0;
  let found: { lo: number; hi: number } | undefined;
  for (let stretch = 0; stretch < 8 && j <= n; stretch++) {
    // the first fluid grid point from j on, and the last one before the next that is not
    const first = j === 0 && bottom ? 0 : nextWhere(j, n, (k) => valid(Math.exp(grid(k))));
    if (first > n) break;
    const lo = first === 0 ? start : edge(grid(first), grid(first - 1));
    const gap = nextWhere(first + 1, n, (k) => (k === n ? !top : !valid(Math.exp(grid(k)))));
    const hi = gap > n ? end : edge(grid(gap - 1), grid(gap));
    found = { lo, hi };
    // h rises along the isentrope: the stretch that reaches h is the one
    if (gap > n || (state(hi)?.h ?? Infinity) >= h) break;
    j = gap + 1;
  }
  if (!found) {
    if (isolated !== undefined) return { lo: isolated, hi: isolated, isolated };
    throw new FluidInputError(`${fluid.name} (h, s) flash`, 's', s, `an entropy with fluid states: the isentrope s = ${s} J/(kg K) lies in the solid from ${plo} Pa to ${end} Pa`, 'J/(kg K)');
  }
  return {
    lo: found.lo,
    hi: found.hi,
    isolated,
    bottom: found.lo === plo ? bottom : undefined,
    top: found.hi === end ? top : undefined,
  };
}

/** The first k in [from, n] where test(k) holds, else n + 1. */
function nextWhere(from: number, n: number, test: (k: number) => boolean): number {
  for (let k = from; k <= n; k++) if (test(k)) return k;
  return n + 1;
}

/**
 * The pressure where the isentrope s meets temperature T: s(T, ρ) = s solved in ln ρ (s falls as ρ rises at fixed
 * T), searching from rhoStart towards lower densities (gas side; pmin where the isentrope passes below it first) or
 * higher ones (liquid side); `pStart` is the
 * pressure at rhoStart where it is known better than p(T, ρ) (a saturated liquid). Unit: Pa
 */
function isentropeEnd(fluid: PureFluid, T: number, sm: number, rhoStart: number, gas: boolean, pStart?: number): number {
  const eos = fluid.eos;
  const f = (lnRho: number) => evaluateProperties(eos, T, Math.exp(lnRho), m).sMolar - sm;
  // s at the start already on the far side of s (to round-off: s is the saturated phase's own): the isentrope meets
  // T there
  const s0 = evaluateProperties(eos, T, rhoStart, m).sMolar - sm;
  if (gas ? s0 >= 0 : s0 <= 0) return Math.min(fluid.pmax, Math.max(1e-12, pStart ?? m.p));
  const a = Math.log(rhoStart);
  let lo = gas ? a - 2 : a;
  let hi = gas ? a : a + 0.05;
  // widen until the sign changes: s spans −∞..∞ over ln ρ for a gas, but the fluid's states end at pmin (an
  // isentrope still above s there meets pmin before T, at a higher temperature); on the liquid side s falls with ρ
  // only up to where (∂p/∂T)_ρ turns negative far beyond the fluid's states, so search no further than the highest
  // density
  const bottom = Math.log(fluid.pmin / (eos.R * T));
  const top = Math.log(fluid.rhoMaxMolar);
  if (gas && f(bottom) < 0) return fluid.pmin;
  let sMin = Infinity;
  for (let k = 0; k < 60 && f(lo) * f(hi) > 0; k++) {
    if (gas) lo = Math.max(bottom, lo - 2);
    else {
      sMin = Math.min(sMin, f(hi) + sm);
      if (hi >= top) {
        throw new FluidInputError(`${fluid.name} (h, s) flash`, 's', sm / eos.M, `s ≥ ${sMin / eos.M} J/(kg K) (the lowest entropy at ${T} K up to the highest density the fluid takes), so that the isentrope reaches the EOS's range`, 'J/(kg K)');
      }
      lo = hi;
      hi = Math.min(top, hi + 0.05);
    }
  }
  const r = brent(f, lo, hi, { rtol: 1e-15 });
  if (!r.ok) throw new FluidSolveError(`${fluid.name} (h, s) flash`, { T, s: sm / eos.M }, `where the isentrope meets T = ${T} K: ${r.reason}`);
  return Math.min(fluid.pmax, Math.max(1e-12, evaluateProperties(eos, T, Math.exp(r.value), m).p));
}
