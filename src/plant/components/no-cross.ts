/**
 * Whether a counter-flow exchanger's temperature profile (pinch.ts) stays uncrossed, T_hot − T_cold ≥ 0 at every t in
 * [0, 1], shown from its ends, its phase-change points and a few midpoints, so that the physics check after every
 * solve need not compute the profile's 24 slices and kinks (false: not shown, compute them). Where it answers true,
 * the check's verdict is the profile's (no cross: every node keeps at least NO_CROSS.margin); false decides nothing.
 *
 * Intervals. Along one side T(t) = T(p(t), h(t)) with p and h linear in t, by pinch.ts's formulas. The side's kinks —
 * the t where h(t) meets h'(p(t)) or h''(p(t)) (`kinkOf`) — and the other side's cut [0, 1] into intervals on each of
 * which both sides keep one phase: 'one' (liquid, vapour, supercritical, or a medium without a dome) or 'two' (inside
 * the dome).
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
 * 3 (2δ + NO_CROSS.merge) |jump| is added to D. The kink search (`kinkOf`) takes one
 * crossing of each saturation enthalpy at most per side, which holds where h_sat(p(t)) is smooth and nearly linear
 * over the side's pressure drop; every interval's phase is read again at each point it is halved at, and a phase that
 * differs there ends the proof.
 *
 * Not judged (false): a side whose pressures straddle its critical pressure (a dome at some of its end and middle
 * pressures but not all), a saturated state with no finite cp (next to the critical point), and a medium out of
 * range anywhere the proof looks (the profile then meets its own states and reports as before).
 */
import { StreamState, type StreamFluid } from '../fluids/stream-fluid.js';
import { RealFluid } from '../fluids/real.js';
import { saturationEnthalpies, type Side } from './pinch.js';

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

/** One side as a line in (p, h) over t ∈ [0, 1] (pinch.ts's formulas): hot from its inlet, cold from its outlet. */
interface Line {
  readonly side: Side;
  readonly hot: boolean;
  readonly p0: number;
  readonly p1: number;
  readonly h0: number;
  readonly h1: number;
  /** dp/dt. Unit: Pa */
  readonly dp: number;
  /** dh/dt. Unit: J/kg */
  readonly dh: number;
}

function lineOf(side: Side, hot: boolean): Line {
  const [p0, p1, h0, h1] = hot ? [side.pIn, side.pOut, side.hIn, side.hOut] : [side.pOut, side.pIn, side.hOut, side.hIn];
  return { side, hot, p0, p1, h0, h1, dp: p1 - p0, dh: h1 - h0 };
}

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

/** Saturated states at one pressure, reduced to what the slopes need. */
interface SaturationSlopes {
  /** Unit: K */
  readonly T: number;
  /** h' and h''. Unit: J/kg */
  readonly h: readonly [number, number];
  /** dT_sat/dp = T (v'' − v')/(h'' − h'). Unit: K/Pa */
  readonly dTdp: number;
  /** (∂T/∂h)_p = 1/cp of the saturated liquid and vapour. Unit: K kg/J */
  readonly dTdh1: readonly [number, number];
  /** (∂T/∂p)_h = μ_JT of the saturated liquid and vapour. Unit: K/Pa */
  readonly dTdp1: readonly [number, number];
}

const saturationMemo = new WeakMap<StreamFluid, Map<number, SaturationSlopes | undefined>>();
const MEMO_SIZE = 256;

/**
 * The saturated liquid and vapour at p of a medium with a dome (a pure fluid from its equation of state), remembered
 * by pressure: a saturated outlet asks at the same pressure on every solve. Undefined where there is no dome at p,
 * or where a saturated phase has no finite cp (next to the critical point).
 */
function saturationSlopes(fluid: StreamFluid, p: number): SaturationSlopes | undefined {
  let memo = saturationMemo.get(fluid);
  if (!memo) saturationMemo.set(fluid, (memo = new Map()));
  if (memo.has(p)) return memo.get(p);
  let value: SaturationSlopes | undefined;
  const f = fluid instanceof RealFluid ? fluid.fluid : undefined;
  // RealFluid.saturationEnthalpies's test: a dome at p
  if (f && !f.pseudoPure && p < f.critical.p && p > f.triple.p) {
    const sat = f.saturationAtP(p);
    const L = sat.liquid;
    const V = sat.vapor;
    if (L.cp !== null && V.cp !== null && L.jouleThomson !== null && V.jouleThomson !== null && L.cp > 0 && V.cp > 0) {
      value = {
        T: sat.T,
        h: [L.h, V.h],
        dTdp: (sat.T * (1 / V.rho - 1 / L.rho)) / (V.h - L.h),
        dTdh1: [1 / L.cp, 1 / V.cp],
        dTdp1: [L.jouleThomson, V.jouleThomson],
      };
    }
  }
  if (memo.size >= MEMO_SIZE) memo.clear();
  memo.set(p, value);
  return value;
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

/** A breakpoint: t, and the side whose kink it is (with which saturated phase). */
interface Kink {
  readonly t: number;
  readonly hot: boolean;
  readonly which: 0 | 1;
  /** The saturated states at the kink's pressure. */
  readonly sat: SaturationSlopes;
}

/** A side's two-phase band [h', h''] at its pressures at t = 0, ½ and 1 (undefined where it has none there). */
type Bands = readonly [readonly [number, number] | undefined, readonly [number, number] | undefined, readonly [number, number] | undefined];

function bandsOf(line: Line): Bands {
  const f = line.side.fluid;
  return [saturationEnthalpies(f, line.p0), saturationEnthalpies(f, 0.5 * (line.p0 + line.p1)), saturationEnthalpies(f, line.p1)];
}

/**
 * Where the side meets its saturated phase `which`: g(t) = h0 + t dh − h_which(p0 + t dp) = 0. Its sign at the ends
 * and the middle says whether there is one in between (h_sat(p(t)) is smooth and, over an exchanger's pressure drop,
 * within round-off of the parabola through those three: g has one root at most); the root by fixed-point steps from
 * the chord's through the bracketing pair (each step's error shrinks by (dh_sat/dp) dp / dh, a few thousandths).
 * Undefined: no kink strictly inside (0, 1).
 */
function kinkOf(line: Line, bands: Bands, which: 0 | 1): Kink | undefined {
  const [b0, bm, b1] = bands;
  if (!b0 || !bm || !b1) return undefined;
  const g0 = line.h0 - b0[which];
  const gm = line.h0 + 0.5 * line.dh - bm[which];
  const g1 = line.h1 - b1[which];
  let t: number;
  if (g0 * gm <= 0 && g0 !== gm) t = (0.5 * g0) / (g0 - gm);
  else if (gm * g1 <= 0 && gm !== g1) t = 0.5 + (0.5 * gm) / (gm - g1);
  else return undefined;
  const fluid = line.side.fluid;
  for (let k = 0; k < KINK_STEPS; k++) {
    // a root within `merge` of an end is that end's (an outlet on the dome: its state says so)
    if (!(t > NO_CROSS.merge && t < 1 - NO_CROSS.merge)) return undefined;
    const h = fluid.saturationEnthalpies(line.p0 + t * line.dp);
    if (!h) return undefined;
    const next = (h[which] - line.h0) / line.dh;
    const done = Math.abs(next - t) <= KINK_TOLERANCE;
    t = next;
    if (!done) continue;
    if (!(t > NO_CROSS.merge && t < 1 - NO_CROSS.merge)) return undefined;
    const sat = saturationSlopes(fluid, line.p0 + t * line.dp);
    return sat ? { t, hot: line.hot, which, sat } : undefined;
  }
  return undefined;
}

/** Fixed-point steps of the kink search, and the change in t that ends it. */
const KINK_STEPS = 6;
const KINK_TOLERANCE = 1e-9;

/**
 * Both sides' kinks in order, or undefined where a side's pressures straddle its critical pressure (a band at some of
 * its end and middle pressures but not all: a kink next to the critical point is not searched for).
 */
function kinksOf(hot: Line, cold: Line): Kink[] | undefined {
  const out: Kink[] = [];
  for (const line of [hot, cold]) {
    const bands = bandsOf(line);
    const n = bands.filter((b) => b !== undefined).length;
    if (n === 0) continue;
    if (n !== 3) return undefined;
    for (const which of [0, 1] as const) {
      const k = kinkOf(line, bands, which);
      if (k) out.push(k);
    }
  }
  out.sort((a, b) => a.t - b.t);
  return out.filter((k, i) => i === 0 || k.t - out[i - 1].t > NO_CROSS.merge);
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
    const kinks = kinksOf(hot, cold);
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
