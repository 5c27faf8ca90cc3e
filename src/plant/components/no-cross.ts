/**
 * Whether a counter-flow exchanger's temperature profile (pinch.ts) stays uncrossed, T_hot − T_cold ≥ 0 at every t in
 * [0, 1], shown from its ends, its phase-change points and a few midpoints, so that the physics check after every
 * solve need not compute the profile's 24 slices and kinks (false: not shown, compute them). Where it answers true,
 * the check's verdict is the profile's (no cross: every node keeps at least NO_CROSS.margin); false decides nothing.
 *
 * Intervals. Along one side T(t) = T(p(t), h(t)) with p and h linear in t, by pinch.ts's formulas. The side's
 * kinks — the t where h(t) meets h'(p(t)) or h''(p(t)) (no-cross-kinks.ts) — and the other side's cut [0, 1] into
 * intervals on each of which both sides keep one phase: 'one' (liquid, vapour, supercritical, or a medium without a
 * dome) or 'two' (inside the dome).
 *
 * The bound on an interval [a, b] of width w, per side. Let T' lie within [lo, hi] on it (the premise below) while its
 * mean is the chord's slope S = (T(b) − T(a))/w. The deviation from the chord, d(τ) = ∫_a^{a+τ} (T' − S), is then at
 * most τ (hi − S) from one end and (w − τ)(S − lo) from the other (the total integral is 0), both ways, so
 *   |T(t) − chord(t)| ≤ max_τ min(τ (hi − S), (w − τ)(S − lo)) = w (hi − S)(S − lo)/(hi − lo) = D   (0 where lo = hi).
 * Where T' is moreover monotone, T is convex (T' rising: T ≤ chord) or concave (T' falling: T ≥ chord), and only one
 * side of the chord is reachable. The check needs T_hot from below and T_cold from above, so D_hot = 0 where the hot
 * side is concave and D_cold = 0 where the cold side is convex (the direction read from the end slopes, counted only
 * where they differ by more than the slack below). The chords' difference is linear, so on the interval
 *   T_hot − T_cold ≥ min(ΔT(a), ΔT(b)) − D_hot − D_cold.
 * The interval is halved (its midpoint evaluated, at most NO_CROSS.depth times) until this, with D taken twice over,
 * leaves NO_CROSS.margin; every interval is halved at least once (its midpoint reads its phases and tests the premise).
 *
 * The premise, per phase:
 * - two: T(t) = T_sat(p(t)). T_sat(p) is increasing and concave from the triple to the critical point (the vapour-
 *   pressure curve p_sat(T) is increasing and convex; no-cross.test.ts checks it along CO2's and water's curves) and
 *   p(t) is linear, so T(t) is concave, T'(t) = (dT_sat/dp) dp/dt is monotone, with dT_sat/dp = T (v'' − v')/(h'' − h')
 *   (Clausius–Clapeyron). Nothing needs testing; a side with dp/dt = 0 keeps one temperature there (D = 0).
 * - one: T' = (∂T/∂h)_p dh/dt + (∂T/∂p)_h dp/dt with the state's 1/cp and Joule–Thomson coefficient, monotone where
 *   cp and μ_JT vary monotonically. Tested where it fails: each midpoint's slope between its interval's end slopes and
 *   each chord slope between them (a cp peak inside — the pseudo-critical line — pulls it outside), both within
 *   NO_CROSS.slopeSlack of the larger end slope (the slopes carry round-off; a liquid's come from differences), the
 *   range widened by it in the bound too. As in the proof this one replaces, monotonicity between the tested points
 *   is assumed, not shown.
 *
 * Kinks and saturated ends. At a kink a side's temperature is T_sat(p) and its slope one-sided: the two-phase one from
 * Clausius–Clapeyron, the single-phase one from the saturated liquid's or vapour's cp and μ_JT (Fluid.saturationAtP).
 * A point whose phase differs from its interval's — a kink, or an exchanger end on the dome (a saturated outlet: the
 * flash calls it two-phase with Q = 0 or 1) — takes the saturated slope of the interval's phase. Where its enthalpy
 * lies δ|dh/dt| off the saturation enthalpy, a width ε ≤ 2δ + NO_CROSS.merge of the interval next to it (2δ while
 * |dh_sat/dp · dp/dt| ≤ |dh/dt|/2, true for any exchanger's pressure drop; kinks within NO_CROSS.merge of an end or of
 * each other are taken as one) may be of the other phase. Against the function with the interval's phase all through,
 * that moves T, its chord and D (whose derivative in S is at most w) by at most ε |slope jump| each:
 * 3 (2δ + NO_CROSS.merge) |jump| is added to D. The kink search (no-cross-kinks.ts) takes one crossing of each
 * saturation enthalpy at most per side, which holds where h_sat(p(t)) is smooth and nearly linear over the side's
 * pressure drop; every interval's phase is read again at each point it is halved at, and a phase that differs there
 * ends the proof.
 *
 * Not judged (false): a side whose pressures straddle its critical pressure (a dome at some of its end and middle
 * pressures but not all), a saturated state with no finite cp (next to the critical point), and a medium out of
 * range anywhere the proof looks (the profile then meets its own states and reports as before).
 */
import { StreamState } from '../fluids/stream-fluid.js';
import type { Side } from './pinch.js';
import { kinksOf, lineOf, saturationSlopes, type Kink, type Line, type SaturationSlopes } from './no-cross-kinks.js';

/** The proof's constants. */
export const NO_CROSS = {
  /**
   * Least T_hot − T_cold accepted on each interval after twice its deviation bound (far above the check's tolerance,
   * 1e-4 K, and the flashes' round-off). Unit: K
   */
  margin: 0.01,
  /** Slack on an interval's slope range, relative to its larger end slope (round-off in the slopes). Unit: - */
  slopeSlack: 0.01,
  /** Halvings of an interval tried before giving up. */
  depth: 3,
  /** Kinks closer than this to an end or to each other are taken as one. Unit: - (fraction of the duty) */
  merge: 1e-6,
} as const;

type Phase = 'one' | 'two';

/** A side at one t: its temperature and its slope dT/dt for either phase of an interval beside it. */
interface Point {
  readonly t: number;
  readonly T: number;
  /** The phase of the state there; 'kink' where the side meets its dome. */
  readonly phase: Phase | 'kink';
  /** Which saturated phase a kink is (0 liquid, 1 vapour); −1 elsewhere. */
  readonly which: 0 | 1 | -1;
  /** The slope as the state's own phase has it (NaN at a kink). Unit: K */
  readonly slope: number;
  /** At a kink, the saturated states there. */
  readonly sat?: SaturationSlopes;
}

/** A side's temperature and slope at an interval's end, for that interval's phase, with the extra deviation allowed. */
interface End {
  readonly T: number;
  readonly s: number;
  /** Extra |T − chord| allowed for a saturated end whose phase differs from the interval's. Unit: K */
  readonly err: number;
}

const scratch = new StreamState();

/** The side's point from a solved state (an end, or evaluated at t); undefined where the state is unusable. */
function pointOf(line: Line, t: number, st: StreamState): Point | undefined {
  if (!Number.isFinite(st.T)) return undefined;
  if (Number.isNaN(st.Q)) {
    if (!(st.dTdh > 0 && Number.isFinite(st.dTdh) && Number.isFinite(st.dTdp))) return undefined;
    return { t, T: st.T, phase: 'one', which: -1, slope: st.dTdh * line.dh + st.dTdp * line.dp };
  }
  if (!Number.isFinite(st.dTdp)) return undefined;
  return { t, T: st.T, phase: 'two', which: -1, slope: st.dTdp * line.dp };
}

/** The side evaluated at t. */
function evaluatedPoint(line: Line, t: number): Point | undefined {
  const s = line.side;
  s.fluid.evaluate(line.p0 + t * line.dp, line.h0 + t * line.dh, s.f, scratch);
  return pointOf(line, t, scratch);
}

/** The side at its own kink (saturated phase `which`, the saturated states there). */
function kinkPoint(k: Kink): Point {
  return { t: k.t, T: k.sat.T, phase: 'kink', which: k.which, slope: NaN, sat: k.sat };
}

/**
 * The point's temperature and slope for an interval of phase `phase` beside it: its own slope where its phase is
 * that one, else the saturated state's (a kink, or an end on the dome) with the allowance for the sliver of the
 * other phase. Undefined where the point cannot border such an interval.
 */
function endFor(line: Line, q: Point, phase: Phase): End | undefined {
  if (q.phase === phase) return { T: q.T, s: q.slope, err: 0 };
  const sat = q.sat ?? saturationSlopes(line.side.fluid, line.p0 + q.t * line.dp);
  if (!sat) return undefined;
  const h = line.h0 + q.t * line.dh;
  // the saturated phase met there: the kink's own, else the nearer saturation enthalpy
  const which: 0 | 1 = q.which !== -1 ? q.which : Math.abs(h - sat.h[0]) <= Math.abs(h - sat.h[1]) ? 0 : 1;
  const two = sat.dTdp * line.dp;
  const one = sat.dTdh1[which] * line.dh + sat.dTdp1[which] * line.dp;
  const s = phase === 'two' ? two : one;
  if (!Number.isFinite(s)) return undefined;
  const delta = Math.abs(h - sat.h[which]) / Math.abs(line.dh);
  return { T: q.T, s, err: 3 * (2 * delta + NO_CROSS.merge) * Math.abs(one - two) };
}

/** Whether the middle slope s lies between the end slopes a and b (within the slack): the three monotone. */
function between(s: number, a: number, b: number): boolean {
  const slack = NO_CROSS.slopeSlack * Math.max(Math.abs(a), Math.abs(b));
  return s >= Math.min(a, b) - slack && s <= Math.max(a, b) + slack;
}

/**
 * How far the side's temperature may lie on the harmful side of its chord on an interval of width w: below it for the
 * hot side, above it for the cold (the ends' allowances added); NaN where the chord's slope S is outside the slope
 * range. A concave T (decreasing slope; every two-phase interval) lies above its chord, a convex one below: its
 * harmless side costs nothing.
 */
function deviation(w: number, a: End, b: End, hot: boolean, phase: Phase): number {
  const S = (b.T - a.T) / w;
  const slack = NO_CROSS.slopeSlack * Math.max(Math.abs(a.s), Math.abs(b.s));
  const lo = Math.min(a.s, b.s) - slack;
  const hi = Math.max(a.s, b.s) + slack;
  if (!(S >= lo && S <= hi)) return NaN;
  const concave = phase === 'two' || a.s - b.s > slack;
  const convex = phase === 'one' && b.s - a.s > slack;
  const harmless = hot ? concave : convex;
  return (harmless || hi === lo ? 0 : (w * (hi - S) * (S - lo)) / (hi - lo)) + a.err + b.err;
}

/** The point at t of an interval of phase `phase`, as an end, if the side is of that phase there. */
function midEnd(line: Line, t: number, phase: Phase, a: End, b: End): End | undefined {
  const q = evaluatedPoint(line, t);
  if (!q || q.phase !== phase) return undefined;
  if (phase === 'one' && !between(q.slope, a.s, b.s)) return undefined;
  return { T: q.T, s: q.slope, err: 0 };
}

interface Pair {
  readonly hot: Line;
  readonly cold: Line;
  readonly phaseHot: Phase;
  readonly phaseCold: Phase;
}

/** The bound on [a, b] from its ends, halved where it does not pass (depth: halvings so far). */
function provenOn(x: Pair, a: number, b: number, depth: number, Ha: End, Hb: End, Ca: End, Cb: End): boolean {
  const D = 2 * (deviation(b - a, Ha, Hb, true, x.phaseHot) + deviation(b - a, Ca, Cb, false, x.phaseCold));
  // NaN (a premise failed) compares false
  if (Math.min(Ha.T - Ca.T, Hb.T - Cb.T) - D >= NO_CROSS.margin) return true;
  if (depth >= NO_CROSS.depth) return false;
  const m = 0.5 * (a + b);
  const Hm = midEnd(x.hot, m, x.phaseHot, Ha, Hb);
  if (!Hm) return false;
  const Cm = midEnd(x.cold, m, x.phaseCold, Ca, Cb);
  if (!Cm) return false;
  return provenOn(x, a, m, depth + 1, Ha, Hm, Ca, Cm) && provenOn(x, m, b, depth + 1, Hm, Hb, Cm, Cb);
}

/**
 * One interval between consecutive breakpoints: its phases read at its midpoint, then the bound on both halves. A
 * single-phase interval is always halved (its midpoint slope tests the premise); two-phase on both sides is judged
 * whole first.
 */
function provenInterval(hot: Line, cold: Line, a: number, b: number, Pa: Point, Pb: Point, Qa: Point, Qb: Point): boolean {
  const m = 0.5 * (a + b);
  const Hm = evaluatedPoint(hot, m);
  if (!Hm || Hm.phase === 'kink') return false;
  const Cm = evaluatedPoint(cold, m);
  if (!Cm || Cm.phase === 'kink') return false;
  const x: Pair = { hot, cold, phaseHot: Hm.phase, phaseCold: Cm.phase };
  const Ha = endFor(hot, Pa, x.phaseHot);
  const Hb = endFor(hot, Pb, x.phaseHot);
  const Ca = endFor(cold, Qa, x.phaseCold);
  const Cb = endFor(cold, Qb, x.phaseCold);
  if (!Ha || !Hb || !Ca || !Cb) return false;
  if (x.phaseHot === 'one' && !between(Hm.slope, Ha.s, Hb.s)) return false;
  if (x.phaseCold === 'one' && !between(Cm.slope, Ca.s, Cb.s)) return false;
  const Hme: End = { T: Hm.T, s: Hm.slope, err: 0 };
  const Cme: End = { T: Cm.T, s: Cm.slope, err: 0 };
  return provenOn(x, a, m, 1, Ha, Hme, Ca, Cme) && provenOn(x, m, b, 1, Hme, Hb, Cme, Cb);
}

/**
 * Whether T_hot − T_cold ≥ 0 all along the profile follows from the ends, the kinks and a few midpoints (the file's
 * doc comment); false: not shown. `ends`: hot in, hot out, cold in, cold out (the full states, with derivatives).
 */
export function provesNoCross(hotSide: Side, coldSide: Side, ends: readonly StreamState[]): boolean {
  const [hi, ho, ci, co] = ends;
  if (!(Math.min(hi.T - co.T, ho.T - ci.T) >= NO_CROSS.margin)) return false;
  const hot = lineOf(hotSide, true);
  const cold = lineOf(coldSide, false);
  if (hot.dh === 0 || cold.dh === 0) return false;
  try {
    const hot0 = pointOf(hot, 0, hi);
    const hot1 = pointOf(hot, 1, ho);
    const cold0 = pointOf(cold, 0, co);
    const cold1 = pointOf(cold, 1, ci);
    if (!hot0 || !hot1 || !cold0 || !cold1) return false;
    const H: Point[] = [hot0];
    const C: Point[] = [cold0];
    const kinks = kinksOf(hot, cold, NO_CROSS.merge);
    if (!kinks) return false;
    for (const k of kinks) {
      const h = k.hot ? kinkPoint(k) : evaluatedPoint(hot, k.t);
      const c = k.hot ? evaluatedPoint(cold, k.t) : kinkPoint(k);
      if (!h || !c) return false;
      H.push(h);
      C.push(c);
    }
    H.push(hot1);
    C.push(cold1);
    for (let i = 0; i + 1 < H.length; i++) {
      if (!provenInterval(hot, cold, H[i].t, H[i + 1].t, H[i], H[i + 1], C[i], C[i + 1])) return false;
    }
    return true;
  } catch {
    // a medium out of range at a point the profile may not even have: not shown (the profile decides)
    return false;
  }
}
