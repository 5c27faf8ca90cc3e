import type { FluidState } from '../state.js';
import type { PureFluid } from '../pure/pure-fluid.js';
import { SaturationPoint } from '../pure/saturation.js';
import { MolarProperties, evaluateProperties } from '../eos/properties.js';
import { twoPhaseState } from './build.js';
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
 * p > p_sat(T_b). Elsewhere the isentrope is single-phase from where it meets the triple-point temperature.
 * It ends at pmax, at Tmax, or at the melting line, whichever it meets first.
 */
export function flashHS(fluid: PureFluid, h: number, s: number): FluidState {
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
    // a pseudo-pure fluid's bubble and dew entropies differ a little at the top of the curve: an entropy in
    // that gap passes over the top
    const rb = f(curve.Tmax) < 0 ? { ok: true as const, value: curve.Tmax } : brent(f, Tt, curve.Tmax, { rtol: 1e-15 });
    if (!rb.ok) throw new FluidSolveError(subject, { h, s }, `saturation boundary at this entropy: ${rb.reason}`);
    const Tb = rb.value;
    satProps(Tb);
    const hb = liquidSide ? mL.hMolar : mV.hMolar;
    // within round-off of the boundary, the saturated phase it is (Q = 0 or 1)
    if (hm <= hb + 1e-11 * hScale) {
      if (fluid.pseudoPure) {
        throw new FluidInputError(subject, 'h', h, `h ≥ ${hb / M} J/kg at s = ${s} J/(kg K): below it lies the two-phase band, which the pseudo-pure model does not describe`, 'J/kg');
      }
      return twoPhase(fluid, hm, sm, Tb, subject, h, s, satProps);
    }
    plo = liquidSide ? sat.pL : sat.pV;
    onBoundary = true;
  } else {
    plo = isentropeEnd(fluid, Tt, sm, sm >= sVt ? rhoVt : rhoLt, sm >= sVt);
  }

  // single phase: h(p) at fixed s, Newton in ln p with dh/d ln p = p/ρ, bracketed
  const phi = isentropeTop(fluid, sm, plo, s);
  const at = (p: number): FluidState => flashPS(fluid, Math.min(phi, Math.max(plo, p)), s);
  const bottom = at(plo);
  const top = at(phi);
  if (h <= bottom.h) {
    // near the critical point the boundary's h is steep in T: what the dome test called single-phase is the
    // boundary state itself
    if (bottom.h - h <= 1e-11 * hScale / M || onBoundary) return bottom;
    throw new FluidInputError(subject, 'h', h, `h ≥ ${bottom.h} J/kg at s = ${s} J/(kg K) (its value at ${bottom.T} K, ${bottom.p} Pa, where the isentrope begins)`, 'J/kg');
  }
  if (h >= top.h) {
    if (h - top.h <= 1e-11 * hScale / M) return top;
    throw new FluidInputError(subject, 'h', h, `h ≤ ${top.h} J/kg at s = ${s} J/(kg K) (its value at ${top.T} K, ${top.p} Pa, where the isentrope leaves the EOS's range)`, 'J/kg');
  }
  let lo = Math.log(plo);
  let hi = Math.log(phi);
  // start from the enthalpy-weighted position between the ends (the isentrope's h(ln p) is smooth and monotonic)
  let x = lo + ((h - bottom.h) / (top.h - bottom.h)) * (hi - lo);
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
    if (f < 0) lo = x;
    else hi = x;
    let next = x - f / (st.p / st.rho);
    if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);
    if (Math.abs(f) <= 1e-14 * hScale / M || Math.abs(next - x) < 4e-16 * Math.abs(x) + 1e-300) {
      if (Math.abs(f) > 1e-9 * hScale / M) break;
      return st;
    }
    x = next;
  }
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
  subject: string,
  h: number,
  s: number,
  satProps: (T: number) => void,
): FluidState {
  const M = fluid.eos.M;
  const curve = fluid.saturation;
  const h2 = (T: number) => {
    satProps(T);
    return mL.hMolar + T * (sm - mL.sMolar) - hm;
  };
  const low = h2(curve.Tmin);
  if (low > 0) {
    throw new FluidInputError(subject, 'h', h, `h ≥ ${(low + hm) / M} J/kg at s = ${s} J/(kg K) (the triple-point two-phase value)`, 'J/kg');
  }
  // on the boundary itself (to round-off) the state is the saturated phase
  const high = h2(Tb);
  const r = high <= 1e-12 * Math.abs(hm) + 1e-9 ? { ok: true as const, value: Tb } : brent(h2, curve.Tmin, Tb, { rtol: 1e-15 });
  if (!r.ok) throw new FluidSolveError(subject, { h, s }, `two-phase temperature: ${r.reason}`);
  satProps(r.value);
  const Q = (sm - mL.sMolar) / (mV.sMolar - mL.sMolar);
  return twoPhaseState(fluid, r.value, Math.min(1, Math.max(0, Q)), sat.rhoL, sat.rhoV, sat.pL);
}

/**
 * Where the isentrope ends at the top: pmax, the pressure where it reaches Tmax, or (for a dense liquid) where it
 * meets the melting line — the highest p above plo at which a fluid state with this entropy exists. Unit: Pa
 */
function isentropeTop(fluid: PureFluid, sm: number, plo: number, s: number): number {
  const eos = fluid.eos;
  const T = fluid.Tmax;
  densityTP(fluid, T, fluid.pmax, 'auto', dr);
  let top = sm <= evaluateProperties(eos, T, dr.rhoMolar, m).sMolar ? fluid.pmax : Math.min(fluid.pmax, isentropeEnd(fluid, T, sm, dr.rhoMolar, true));
  const valid = (p: number) => {
    try {
      flashPS(fluid, p, s);
      return true;
    } catch (e) {
      if (e instanceof FluidInputError) return false;
      throw e;
    }
  };
  if (!valid(top)) {
    // the melting line comes first: bisect in ln p for the highest valid pressure
    let good = Math.log(plo);
    let bad = Math.log(top);
    for (let k = 0; k < 100 && bad - good > 1e-15 * Math.abs(bad); k++) {
      const mid = 0.5 * (good + bad);
      if (valid(Math.exp(mid))) good = mid;
      else bad = mid;
    }
    top = Math.exp(good);
    // exp(ln p) may land an ulp beyond the boundary
    for (let k = 0; k < 50 && !valid(top); k++) top *= 1 - 1e-13 * 2 ** k;
  }
  return top;
}

/**
 * The pressure where the isentrope s meets temperature T: s(T, ρ) = s solved in ln ρ (s falls as ρ rises at fixed
 * T), searching from rhoStart towards lower densities (gas side) or higher ones (liquid side). Unit: Pa
 */
function isentropeEnd(fluid: PureFluid, T: number, sm: number, rhoStart: number, gas: boolean): number {
  const eos = fluid.eos;
  const f = (lnRho: number) => evaluateProperties(eos, T, Math.exp(lnRho), m).sMolar - sm;
  const a = Math.log(rhoStart);
  let lo = gas ? a - 2 : a;
  let hi = gas ? a : a + 0.25;
  // widen until the sign changes (s spans −∞..∞ over ln ρ for a gas; the liquid side is short)
  for (let k = 0; k < 60 && f(lo) * f(hi) > 0; k++) {
    if (f(lo) < 0) lo -= 2;
    else hi += gas ? 2 : 0.25;
  }
  const r = brent(f, lo, hi, { rtol: 1e-15 });
  if (!r.ok) throw new FluidSolveError(`${fluid.name} (h, s) flash`, { T, s: sm / eos.M }, `where the isentrope meets T = ${T} K: ${r.reason}`);
  return Math.min(fluid.pmax, Math.max(1e-12, evaluateProperties(eos, T, Math.exp(r.value), m).p));
}
