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
 * For a pure fluid whose s lies between the triple-point s' and s'', the saturation boundary at that entropy
 * (T_b, where s'(T_b) = s or s''(T_b) = s) splits the isentrope: below h(T_b) two-phase, above it single-phase
 * with p > p_sat(T_b).
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
  const curve = fluid.saturation;
  const Tt = curve.Tmin;
  let plo = 0;

  const satProps = (T: number) => {
    curve.atT(T, sat);
    evaluateProperties(eos, T, sat.rhoL, mL);
    evaluateProperties(eos, T, sat.rhoV, mV);
  };
  satProps(Tt);
  const sLt = mL.sMolar;
  const sVt = mV.sMolar;
  if (!fluid.pseudoPure && sm > sLt && sm < sVt) {
    const sc = evaluateProperties(eos, fluid.critical.T, fluid.critical.rhoMolar, m).sMolar;
    const liquidSide = sm <= sc;
    const rb = brent(
      (T) => {
        satProps(T);
        return (liquidSide ? mL.sMolar : mV.sMolar) - sm;
      },
      Tt,
      curve.Tmax,
      { rtol: 1e-15 },
    );
    if (!rb.ok) throw new FluidSolveError(subject, { h, s }, `saturation boundary at this entropy: ${rb.reason}`);
    const Tb = rb.value;
    satProps(Tb);
    const hb = liquidSide ? mL.hMolar : mV.hMolar;
    // within round-off of the boundary, the saturated phase it is (Q = 0 or 1)
    if (hm <= hb + 1e-11 * (Math.abs(hb) + eos.R * fluid.critical.T)) {
      const h2 = (T: number) => {
        satProps(T);
        return mL.hMolar + T * (sm - mL.sMolar) - hm;
      };
      const low = h2(Tt);
      if (low > 0) {
        throw new FluidInputError(subject, 'h', h, `h ≥ ${(low + hm) / M} J/kg at s = ${s} J/(kg K) (the triple-point two-phase value)`, 'J/kg');
      }
      // on the boundary itself (to round-off) the state is the saturated phase
      const high = h2(Tb);
      const r = high <= 1e-12 * Math.abs(hm) + 1e-9 ? { ok: true as const, value: Tb, iterations: 0 } : brent(h2, Tt, Tb, { rtol: 1e-15 });
      if (!r.ok) throw new FluidSolveError(subject, { h, s }, `two-phase temperature: ${r.reason}`);
      satProps(r.value);
      const Q = (sm - mL.sMolar) / (mV.sMolar - mL.sMolar);
      return twoPhaseState(fluid, r.value, Math.min(1, Math.max(0, Q)), sat.rhoL, sat.rhoV, sat.pL);
    }
    plo = sat.pL;
  } else {
    // single phase all along the isentrope: it starts where it meets the triple-point temperature
    plo = isentropeEnd(fluid, Tt, sm, sm >= sVt ? mV.rhoMolar : mL.rhoMolar, sm >= sVt);
  }
  // and ends at pmax or where it meets Tmax, whichever comes first
  let phi = isentropeTop(fluid, sm);

  // single phase: h(p) at fixed s, Newton in ln p with dh/dln p = p/ρ, bracketed in [plo, pmax]
  let lo = Math.log(plo);
  let hi = Math.log(phi);
  const hAt = (lnp: number): FluidState => flashPS(fluid, Math.min(phi, Math.max(plo, Math.exp(lnp))), s);
  let top: FluidState | undefined;
  try {
    top = hAt(hi);
  } catch {
    // the isentrope leaves the fluid region first (into the solid, across the melting line): find where
    let good = lo;
    let bad = hi;
    for (let k = 0; k < 60; k++) {
      const mid = 0.5 * (good + bad);
      try {
        top = hAt(mid);
        good = mid;
      } catch {
        bad = mid;
      }
    }
    if (!top) throw new FluidSolveError(subject, { h, s }, `no fluid state on this isentrope between ${plo} and ${phi} Pa`);
    hi = good;
    phi = Math.exp(good);
  }
  if (h > top.h * (1 + 1e-14)) {
    throw new FluidInputError(subject, 'h', h, `h ≤ ${top.h} J/kg at s = ${s} J/(kg K) (its value at ${top.T} K, ${top.p} Pa, the end of the isentrope within the EOS's limits)`, 'J/kg');
  }
  let x = 0.5 * (lo + hi);
  for (let it = 1; it <= 200; it++) {
    let st: FluidState;
    try {
      st = hAt(x);
    } catch {
      // below the isentrope's valid range: move up
      lo = x;
      x = 0.5 * (lo + hi);
      continue;
    }
    const f = st.h - h;
    if (f < 0) lo = x;
    else hi = x;
    let next = x - f / (st.p / st.rho);
    if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);
    if (Math.abs(f) <= 1e-13 * Math.max(Math.abs(h), eos.R * fluid.critical.T / M) || Math.abs(next - x) < 1e-15) return st;
    x = next;
  }
  throw new FluidSolveError(subject, { h, s }, `isentropic pressure search did not converge (bracket ${Math.exp(lo)} to ${Math.exp(hi)} Pa)`);
}

/** Where the isentrope ends at the top: pmax, or the pressure where it reaches Tmax below pmax. Unit: Pa */
function isentropeTop(fluid: PureFluid, sm: number): number {
  const eos = fluid.eos;
  const T = fluid.Tmax;
  densityTP(fluid, T, fluid.pmax, 'auto', dr);
  if (sm <= evaluateProperties(eos, T, dr.rhoMolar, m).sMolar) return fluid.pmax;
  return Math.min(fluid.pmax, isentropeEnd(fluid, T, sm, dr.rhoMolar, true));
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
  let hi = gas ? a : a + 0.5;
  // widen until the sign changes (s spans −∞..∞ over ln ρ for a gas; the liquid side is short)
  for (let k = 0; k < 60 && f(lo) * f(hi) > 0; k++) {
    if (f(lo) < 0) lo -= 2;
    else hi += gas ? 2 : 0.25;
  }
  const r = brent(f, lo, hi, { rtol: 1e-15 });
  if (!r.ok) return gas ? 1e-9 : fluid.pmax;
  return Math.max(1e-12, evaluateProperties(eos, T, Math.exp(r.value), m).p);
}
