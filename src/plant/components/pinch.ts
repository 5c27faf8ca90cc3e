/**
 * The temperature profile inside a counter-flow heat exchanger, discretised along the enthalpy of each side:
 * at the fraction t of the duty counted from the hot end (t = 0: hot inlet and cold outlet),
 *   hot:  h = h_h,in + t (h_h,out − h_h,in),   p = p_h,in + t (p_h,out − p_h,in)
 *   cold: h = h_c,out + t (h_c,in − h_c,out),  p = p_c,out + t (p_c,in − p_c,out)
 * with uniform nodes plus the nodes where either side reaches its saturated liquid or vapour enthalpy, where the
 * profile has a kink and a condensing or evaporating stream is usually pinched. Each side's pressure falls linearly
 * with the heat passed. The smallest T_hot − T_cold over the nodes is the internal pinch: an end-temperature check
 * misses it whenever a stream changes phase or its cp varies strongly.
 */
import { StreamState, type StreamFluid } from '../fluids/stream-fluid.js';

/** One side of the exchanger: its medium and the variables at its ends. */
export interface Side {
  readonly fluid: StreamFluid;
  /** Unit: Pa */
  readonly pIn: number;
  /** Unit: Pa */
  readonly pOut: number;
  /** Unit: J/kg */
  readonly hIn: number;
  /** Unit: J/kg */
  readonly hOut: number;
  /** Composition (flue gas), else 0. Unit: - */
  readonly f: number;
}

export class PinchPoint {
  /** Smallest temperature difference T_hot − T_cold. Unit: K */
  dT = Infinity;
  /** Where: fraction of the duty from the hot end. Unit: - */
  t = NaN;
  /** Hot and cold temperatures there. Unit: K */
  Thot = NaN;
  Tcold = NaN;
  /** Whether the node is where the hot or the cold side reaches a saturation enthalpy (its t moves with the ends). */
  kink: 'none' | 'hot' | 'cold' = 'none';
  /** That saturation enthalpy. Unit: J/kg */
  hKink = NaN;
  /** Its derivative with the pressure at the node. Unit: J/(kg Pa) */
  dhKinkdp = 0;
  /** ∂T/∂h and ∂T/∂p (and ∂T/∂f) of both sides there, for the gradient of a pinch specification. */
  readonly hot = new StreamState();
  readonly cold = new StreamState();
}

/** The profile for reports: t, T_hot, T_cold at every node. */
export interface Profile {
  readonly t: number[];
  readonly Thot: number[];
  readonly Tcold: number[];
}

const hs = new StreamState();
const cs = new StreamState();

interface Node {
  readonly t: number;
  readonly kink: 'none' | 'hot' | 'cold';
  readonly h: number;
}

/**
 * Saturated liquid and vapour enthalpies of a medium at p, remembered: the profile asks for them at the same
 * pressures on every residual of a Newton solve (pressures are mostly fixed while the enthalpies move), and each is
 * two saturation flashes.
 */
const saturationMemo = new WeakMap<StreamFluid, Map<number, readonly [number, number] | undefined>>();
const MEMO_SIZE = 512;

function saturationEnthalpies(fluid: StreamFluid, p: number): readonly [number, number] | undefined {
  let memo = saturationMemo.get(fluid);
  if (!memo) saturationMemo.set(fluid, (memo = new Map()));
  if (memo.has(p)) return memo.get(p);
  const value = fluid.saturationEnthalpies(p);
  if (memo.size >= MEMO_SIZE) memo.clear();
  memo.set(p, value);
  return value;
}

/** Fraction t where a side's enthalpy profile meets its saturation enthalpy at its own local pressure. */
function kinkFraction(side: Side, hotSide: boolean, which: 0 | 1): { t: number; h: number } | undefined {
  if (side.hIn === side.hOut) return undefined;
  // hot: h(t) = h_in + t (h_out − h_in), p(t) = p_in + t Δp; cold: h(t) = h_out + t (h_in − h_out), p(t) = p_out + t Δp
  const [h0, h1, p0, p1] = hotSide ? [side.hIn, side.hOut, side.pIn, side.pOut] : [side.hOut, side.hIn, side.pOut, side.pIn];
  let sat = saturationEnthalpies(side.fluid, 0.5 * (p0 + p1));
  if (!sat) return undefined;
  let t = (h0 - sat[which]) / (h0 - h1);
  for (let k = 0; k < 4 && p0 !== p1; k++) {
    if (!(t > 0 && t < 1)) return undefined;
    sat = saturationEnthalpies(side.fluid, p0 + t * (p1 - p0));
    if (!sat) return undefined;
    t = (h0 - sat[which]) / (h0 - h1);
  }
  return t > 0 && t < 1 ? { t, h: h0 + t * (h1 - h0) } : undefined;
}

function nodes(hot: Side, cold: Side, slices: number): Node[] {
  const t: Node[] = [];
  for (let k = 0; k <= slices; k++) t.push({ t: k / slices, kink: 'none', h: NaN });
  for (const which of [0, 1] as const) {
    const kh = kinkFraction(hot, true, which);
    if (kh) t.push({ t: kh.t, kink: 'hot', h: kh.h });
    const kc = kinkFraction(cold, false, which);
    if (kc) t.push({ t: kc.t, kink: 'cold', h: kc.h });
  }
  t.sort((a, b) => a.t - b.t);
  return t.filter((v, i) => i === 0 || v.t - t[i - 1].t > 1e-12);
}

/**
 * The internal pinch over `slices` uniform slices plus the phase-change nodes, written into `out`; the states at
 * the ends may be passed in (`ends`: hot in, hot out, cold in, cold out) to save their evaluations.
 */
export function internalPinch(hot: Side, cold: Side, slices: number, out: PinchPoint, profile?: Profile, ends?: readonly StreamState[]): PinchPoint {
  out.dT = Infinity;
  for (const node of nodes(hot, cold, slices)) {
    const t = node.t;
    let h: StreamState;
    let c: StreamState;
    if (ends && t === 0) {
      h = ends[0];
      c = ends[3];
    } else if (ends && t === 1) {
      h = ends[1];
      c = ends[2];
    } else {
      hot.fluid.evaluate(hot.pIn + t * (hot.pOut - hot.pIn), hot.hIn + t * (hot.hOut - hot.hIn), hot.f, hs);
      cold.fluid.evaluate(cold.pOut + t * (cold.pIn - cold.pOut), cold.hOut + t * (cold.hIn - cold.hOut), cold.f, cs);
      h = hs;
      c = cs;
    }
    const dT = h.T - c.T;
    if (profile) {
      profile.t.push(t);
      profile.Thot.push(h.T);
      profile.Tcold.push(c.T);
    }
    if (dT < out.dT) {
      out.dT = dT;
      out.t = t;
      out.Thot = h.T;
      out.Tcold = c.T;
      out.hot.copyFrom(h);
      out.cold.copyFrom(c);
      out.kink = node.kink;
      out.hKink = node.h;
    }
  }
  out.dhKinkdp = 0;
  if (out.kink !== 'none') {
    const side = out.kink === 'hot' ? hot : cold;
    const p = out.kink === 'hot' ? side.pIn + out.t * (side.pOut - side.pIn) : side.pOut + out.t * (side.pIn - side.pOut);
    const dp = 1e-6 * p;
    const up = side.fluid.saturationEnthalpies(p + dp);
    const down = side.fluid.saturationEnthalpies(p - dp);
    const mid = side.fluid.saturationEnthalpies(p);
    if (up && down && mid) {
      const which = Math.abs(mid[0] - out.hKink) < Math.abs(mid[1] - out.hKink) ? 0 : 1;
      out.dhKinkdp = (up[which] - down[which]) / (2 * dp);
    }
  }
  return out;
}

/** Where the profile is tightest, temperatures only (the physics check's answer; pinchTemperatures). */
export interface PinchTemperatures {
  /** Smallest T_hot − T_cold over the nodes. Unit: K */
  dT: number;
  /** Its node: fraction of the duty from the hot end. Unit: - */
  t: number;
  /** Hot and cold temperatures there. Unit: K */
  Thot: number;
  Tcold: number;
}

/** T at (p, h, f): the medium's temperature-only path where it has one, else from the full state (into `tmp`). */
function temperatureAt(fluid: StreamFluid, p: number, h: number, f: number, tmp: StreamState): number {
  if (fluid.temperature) return fluid.temperature(p, h, f);
  fluid.evaluate(p, h, f, tmp);
  return tmp.T;
}

/**
 * The same nodes, differences and minimum as `internalPinch` (bit for bit: the same (p, h) at each node, the same
 * order and comparison), for a caller that needs only the temperatures — the physics check after every solve: no
 * states copied, no kink derivative, and each medium's temperature-only path where it has one. `ends` are the
 * temperatures at hot in, hot out, cold in, cold out.
 */
export function pinchTemperatures(hot: Side, cold: Side, slices: number, ends: readonly [number, number, number, number], out: PinchTemperatures): PinchTemperatures {
  out.dT = Infinity;
  out.t = NaN;
  out.Thot = NaN;
  out.Tcold = NaN;
  for (const node of nodes(hot, cold, slices)) {
    const t = node.t;
    let Th: number;
    let Tc: number;
    if (t === 0) {
      Th = ends[0];
      Tc = ends[3];
    } else if (t === 1) {
      Th = ends[1];
      Tc = ends[2];
    } else {
      Th = temperatureAt(hot.fluid, hot.pIn + t * (hot.pOut - hot.pIn), hot.hIn + t * (hot.hOut - hot.hIn), hot.f, hs);
      Tc = temperatureAt(cold.fluid, cold.pOut + t * (cold.pIn - cold.pOut), cold.hOut + t * (cold.hIn - cold.hOut), cold.f, cs);
    }
    const dT = Th - Tc;
    if (dT < out.dT) {
      out.dT = dT;
      out.t = t;
      out.Thot = Th;
      out.Tcold = Tc;
    }
  }
  return out;
}

const midHot = new StreamState();
const midCold = new StreamState();

/**
 * Least T_hot − T_cold that `provesNoCross` accepts on each part, after twice its deviation bound (a margin far above
 * the check's tolerance, 1e-4 K, for the premise's sake). Unit: K
 */
const NO_CROSS_MARGIN = 0.01;
/**
 * Slack on a part's slope range, relative to its larger end slope: the slopes come from derivatives with round-off
 * (a liquid's by differences), and a nearly constant slope wobbles by more than a strict monotonicity test allows.
 * The range is widened by it both in the test and in the bound (so the bound only grows). Unit: -
 */
const NO_CROSS_SLOPE_SLACK = 0.01;
/** Halvings of the profile `provesNoCross` tries (2: quarters, nodes 6 and 18 of 24 at most) before giving up. */
const NO_CROSS_DEPTH = 2;

/**
 * Whether T_hot − T_cold ≥ 0 at every node of the profile follows from the ends and a few midpoints alone, so that
 * the physics check need not compute the slices (false: not proven, compute them).
 *
 * The bound. Along one side, T(t) = T(p(t), h(t)) with p and h linear in t; its slope
 *   T'(t) = (∂T/∂h)_p dh/dt + (∂T/∂p)_h dp/dt
 * is known wherever the state is, from its derivatives. Where T' is monotone on a part [a, b] of width w — the side
 * single-phase, its cp and Joule–Thomson coefficient varying monotonically there — T' lies between its end values
 * lo and hi, while its mean is the chord's slope S = (T(b) − T(a))/w. The deviation from the chord,
 * d(τ) = ∫_a^{a+τ} (T' − S), is then at most τ (hi − S) from one end and (w − τ)(S − lo) from the other (the total
 * integral is 0), both ways, so
 *   |T(t) − chord(t)| ≤ max_τ min(τ (hi − S), (w − τ)(S − lo)) = w (hi − S)(S − lo)/(hi − lo) = D   (0 where lo = hi).
 * The chords' difference is linear on the part, so at every t in it
 *   T_hot − T_cold ≥ min(ΔT(a), ΔT(b)) − D_hot − D_cold.
 * The profile is halved (its midpoints are nodes of the slices) until every part passes, at most NO_CROSS_DEPTH
 * times, and never judged whole. The premise is tested where it can fail: every end and midpoint single-phase,
 * neither side's enthalpies near its saturation dome (a phase change inside), the slopes at a part's ends and middle
 * monotone, and each part's chord slope between its end slopes (a cp peak inside — the pseudo-critical line — pulls
 * it outside), both within NO_CROSS_SLOPE_SLACK. The bound is taken twice over and must leave NO_CROSS_MARGIN. `ends`: hot in, hot out, cold in, cold
 * out (the full states, with their derivatives).
 */
export function provesNoCross(hot: Side, cold: Side, ends: readonly StreamState[]): boolean {
  const [hi, ho, ci, co] = ends;
  for (const st of ends) if (!singlePhase(st)) return false;
  if (!(Math.min(hi.T - co.T, ho.T - ci.T) >= NO_CROSS_MARGIN)) return false;
  if (!clearOfDome(hot) || !clearOfDome(cold)) return false;
  const dhH = hot.hOut - hot.hIn;
  const dpH = hot.pOut - hot.pIn;
  const dhC = cold.hIn - cold.hOut;
  const dpC = cold.pIn - cold.pOut;
  return provenOn(
    hot, cold, 0, 1, 0,
    hi.T, ho.T, hi.dTdh * dhH + hi.dTdp * dpH, ho.dTdh * dhH + ho.dTdp * dpH,
    co.T, ci.T, co.dTdh * dhC + co.dTdp * dpC, ci.dTdh * dhC + ci.dTdp * dpC,
  );
}

/** The bound on the part [a, b] (hot and cold temperatures and slopes at its ends), halved where it does not pass. */
function provenOn(
  hot: Side, cold: Side, a: number, b: number, depth: number,
  TaH: number, TbH: number, saH: number, sbH: number,
  TaC: number, TbC: number, saC: number, sbC: number,
): boolean {
  if (depth > 0) {
    const w = b - a;
    const D = 2 * (deviation(w, TaH, TbH, saH, sbH) + deviation(w, TaC, TbC, saC, sbC));
    // NaN (a premise failed) compares false
    if (Math.min(TaH - TaC, TbH - TbC) - D >= NO_CROSS_MARGIN) return true;
    if (depth === NO_CROSS_DEPTH) return false;
  }
  const m = 0.5 * (a + b);
  hot.fluid.evaluate(hot.pIn + m * (hot.pOut - hot.pIn), hot.hIn + m * (hot.hOut - hot.hIn), hot.f, midHot);
  cold.fluid.evaluate(cold.pOut + m * (cold.pIn - cold.pOut), cold.hOut + m * (cold.hIn - cold.hOut), cold.f, midCold);
  if (!singlePhase(midHot) || !singlePhase(midCold)) return false;
  // the states are written over deeper down: their numbers taken now
  const TmH = midHot.T;
  const TmC = midCold.T;
  const smH = midHot.dTdh * (hot.hOut - hot.hIn) + midHot.dTdp * (hot.pOut - hot.pIn);
  const smC = midCold.dTdh * (cold.hIn - cold.hOut) + midCold.dTdp * (cold.pIn - cold.pOut);
  if (!between(smH, saH, sbH) || !between(smC, saC, sbC)) return false;
  return (
    provenOn(hot, cold, a, m, depth + 1, TaH, TmH, saH, smH, TaC, TmC, saC, smC) &&
    provenOn(hot, cold, m, b, depth + 1, TmH, TbH, smH, sbH, TmC, TbC, smC, sbC)
  );
}

function singlePhase(st: StreamState): boolean {
  return Number.isNaN(st.Q) && st.dTdh > 0 && Number.isFinite(st.dTdh) && Number.isFinite(st.dTdp) && Number.isFinite(st.T);
}

/** Whether the middle slope s lies between the end slopes a and b (within the slack): the three monotone. */
function between(s: number, a: number, b: number): boolean {
  const slack = NO_CROSS_SLOPE_SLACK * Math.max(Math.abs(a), Math.abs(b));
  return s >= Math.min(a, b) - slack && s <= Math.max(a, b) + slack;
}

/** The chord-deviation bound D of a part of width w from its end temperatures and slopes; NaN where S is outside. */
function deviation(w: number, Ta: number, Tb: number, sa: number, sb: number): number {
  const S = (Tb - Ta) / w;
  const slack = NO_CROSS_SLOPE_SLACK * Math.max(Math.abs(sa), Math.abs(sb));
  const lo = Math.min(sa, sb) - slack;
  const hi = Math.max(sa, sb) + slack;
  if (!(S >= lo && S <= hi)) return NaN;
  return hi === lo ? 0 : (w * (hi - S) * (S - lo)) / (hi - lo);
}

/**
 * Whether a side's enthalpies stay clear of its medium's two-phase band at its end and middle pressures, by a tenth of
 * the band's width (a medium with no band at any of them — supercritical, or no saturation — is clear; one with a
 * band at some but not all is near its critical point, not clear).
 */
function clearOfDome(side: Side): boolean {
  const hMin = Math.min(side.hIn, side.hOut);
  const hMax = Math.max(side.hIn, side.hOut);
  let bands = 0;
  for (const p of [side.pIn, side.pOut, 0.5 * (side.pIn + side.pOut)]) {
    const sat = saturationEnthalpies(side.fluid, p);
    if (!sat) continue;
    bands++;
    const margin = 0.1 * (sat[1] - sat[0]);
    if (hMax >= sat[0] - margin && hMin <= sat[1] + margin) return false;
  }
  return bands === 0 || bands === 3;
}

/** The ends' variables a pinch depends on, for its gradient. */
export interface PinchVariables {
  readonly hHotIn: number;
  readonly hHotOut: number;
  readonly pHotIn: number;
  readonly pHotOut: number;
  readonly hColdIn: number;
  readonly hColdOut: number;
  readonly pColdIn: number;
  readonly pColdOut: number;
}

/**
 * ∂(T_hot − T_cold)/∂(end variables) at the pinch node. At a uniform node t is fixed; at a phase-change node t moves
 * with the ends (t = (h_h,in − h_sat)/(h_h,in − h_h,out) on the hot side) while that side's enthalpy stays h_sat, so
 * only its pressure moves its temperature there (t is where h(t) = h_sat(p(t)), found by fixed-point steps).
 */
export function pinchGradient(hot: Side, cold: Side, q: PinchPoint, add: (variable: keyof PinchVariables, d: number) => void): void {
  const t = q.t;
  let dt: Partial<Record<keyof PinchVariables, number>> = {};
  const hs = q.dhKinkdp;
  if (q.kink === 'hot') {
    // 0 = h_in + t (h_out − h_in) − h_sat(p_in + t (p_out − p_in)), differentiated
    const den = hot.hIn - hot.hOut + hs * (hot.pOut - hot.pIn);
    dt = { hHotIn: (1 - t) / den, hHotOut: t / den, pHotIn: (-hs * (1 - t)) / den, pHotOut: (-hs * t) / den };
  } else if (q.kink === 'cold') {
    // 0 = h_out + t (h_in − h_out) − h_sat(p_out + t (p_in − p_out))
    const den = cold.hOut - cold.hIn + hs * (cold.pIn - cold.pOut);
    dt = { hColdOut: (1 - t) / den, hColdIn: t / den, pColdOut: (-hs * (1 - t)) / den, pColdIn: (-hs * t) / den };
  }
  const h = q.hot;
  const c = q.cold;
  // ∂ΔT/∂t along the profile, with the kink side's enthalpy held at h_sat
  const dTdt =
    (q.kink === 'hot' ? 0 : h.dTdh * (hot.hOut - hot.hIn)) +
    h.dTdp * (hot.pOut - hot.pIn) -
    (q.kink === 'cold' ? 0 : c.dTdh * (cold.hIn - cold.hOut)) -
    c.dTdp * (cold.pIn - cold.pOut);
  if (q.kink !== 'hot') {
    add('hHotIn', h.dTdh * (1 - t));
    add('hHotOut', h.dTdh * t);
  }
  add('pHotIn', h.dTdp * (1 - t));
  add('pHotOut', h.dTdp * t);
  if (q.kink !== 'cold') {
    add('hColdOut', -c.dTdh * (1 - t));
    add('hColdIn', -c.dTdh * t);
  }
  add('pColdOut', -c.dTdp * (1 - t));
  add('pColdIn', -c.dTdp * t);
  for (const [k, v] of Object.entries(dt)) add(k as keyof PinchVariables, dTdt * (v as number));
}

/**
 * UA from the discretised profile: Σ over slices of dQ / LMTD_slice, with the duty Q spread evenly over the
 * slices. Differences below `floor` count as `floor` (a crossed profile has no finite UA). Unit: W/K
 */
export function conductance(hot: Side, cold: Side, Q: number, slices: number, floor = 1e-3): number {
  let ua = 0;
  let prev = NaN;
  for (let k = 0; k <= slices; k++) {
    const t = k / slices;
    hot.fluid.evaluate(hot.pIn + t * (hot.pOut - hot.pIn), hot.hIn + t * (hot.hOut - hot.hIn), hot.f, hs);
    cold.fluid.evaluate(cold.pOut + t * (cold.pIn - cold.pOut), cold.hOut + t * (cold.hIn - cold.hOut), cold.f, cs);
    const dT = Math.max(hs.T - cs.T, floor);
    if (k > 0) ua += Q / slices / logMean(prev, dT);
    prev = dT;
  }
  return ua;
}

/** (a − b)/ln(a/b), continuous at a = b. */
export function logMean(a: number, b: number): number {
  const r = a / b;
  if (Math.abs(r - 1) < 1e-6) return 0.5 * (a + b);
  return (a - b) / Math.log(r);
}
