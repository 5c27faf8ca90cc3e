/**
 * The bound LP of bound-lp.ts solved without a general LP solver: a backward recursion on the value of the stored
 * energy, which is concave in the state (the LP's optimum as a function of a right-hand side), carried as a
 * concave piecewise-linear upper approximation that is never below it.
 *
 * Step t from state e (the state before it) reaches y = ρ·(e + Δt·(f − w)) with f ≤ F(e, Pin) = min_k(a_k + b_k·e +
 * c_k·Pin), w ≥ max(0, Wd(e, Pout)), Wd = max_k(a_k + b_k·e + c_k·Pout); f ≥ 0 and w unbounded above let the LP
 * throw energy away, so only the non-decreasing hull U⁺ of the next value matters. The step's value
 *   W_t(e) = max over (Pin, Pout) of −α_t·Pin + β_t·Pout + U⁺_t(y),  α = (p + surcharge)·Δt,  β = (p − outCost)·Δt
 * is evaluated exactly at any e: when charging costs (α > 0) and α·min c_withdrawal ≥ β·max c_fill, lowering Pin and
 * Pout together at the same stored energy never loses money, so an optimum charges only while the discharge is
 * within its free range (Wd ≤ 0), or does not charge; each branch is a concave maximisation over one power whose
 * pieces (F or Wd linear) are solved in closed form against U⁺'s slopes.
 * Between exactly evaluated states x_k a concave W lies below the chords of its neighbours extended (the chord
 * (x_{k−1}, x_k) continued right, (x_{k+1}, x_{k+2}) continued left); the upper concave hull of those "tents" is
 * the next step's U, at most the largest tent height above W. Nodes are added at the tents' peaks (on a kink of a
 * piecewise-linear W, a peak lands on the kink and closes the tent) until every tent is below `tolerance`: the
 * result is ≥ the LP's optimum and at most Σ_t tolerance above it (reported as `slack`).
 * Where the conditions fail (a daily cycle limit, a price that pays for charging and discharging at once, planes
 * the argument does not cover), `solveBoundRecursion` returns the reason and the caller solves the LP with HiGHS.
 */
import type { Plane } from './facets.js';

export interface RecursionInput {
  readonly fill: readonly Plane[];
  readonly withdrawal: readonly Plane[];
  /** money/J per step */
  readonly prices: Float64Array;
  readonly stepSeconds: number;
  /** 1/s */
  readonly standingLoss: number;
  /** J: the states every step may end in. */
  readonly eMin: number;
  readonly eMax: number;
  /** W */
  readonly chargeMax: number;
  readonly dischargeMax: number;
  /** money/J paid on top of the price when charging, and per energy delivered. */
  readonly chargeSurcharge: number;
  readonly outputCost: number;
  /** J: the state before the first step, and the least state after the last (undefined: free). */
  readonly s0: number;
  readonly endMin?: number;
  /** money: the largest tent height left per step (default 1e-9 of the largest price × eMax). */
  readonly tolerance?: number;
}

export type RecursionResult =
  | { readonly ok: true; readonly value: number; readonly slack: number; readonly evaluations: number }
  | { readonly ok: false; readonly reason: string };

/** A concave non-decreasing piecewise-linear function on [xs[0], ∞), constant after xs[n − 1], −∞ below xs[0]. */
interface Concave {
  readonly xs: Float64Array;
  readonly vs: Float64Array;
  /** slopes[j] between xs[j] and xs[j + 1] (non-increasing, ≥ 0) */
  readonly slopes: Float64Array;
}

function valueAt(u: Concave, y: number): number {
  const n = u.xs.length;
  if (y < u.xs[0]) return -Infinity;
  if (y >= u.xs[n - 1]) return u.vs[n - 1];
  let lo = 0;
  let hi = n - 1; // xs[lo] ≤ y < xs[hi]
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (u.xs[mid] <= y) lo = mid;
    else hi = mid;
  }
  return u.vs[lo] + u.slopes[lo] * (y - u.xs[lo]);
}

/** max over y ∈ [lo, hi] of θ·(y − y0) + U(y) (concave), or −∞ when the range misses U's domain by more than `near`. */
function bestValue(u: Concave, theta: number, y0: number, lo: number, hi: number, near: number): number {
  const xs = u.xs;
  lo = Math.max(lo, xs[0]);
  // a top a rounding error below U's domain reaches its lowest state (the bound's side of the error)
  if (lo > hi) {
    if (lo - hi > near) return -Infinity;
    hi = lo;
  }
  if (theta >= 0) return theta * (hi - y0) + valueAt(u, hi);
  // the first slope at or below −θ starts the descent: the top is at its left end
  const s = u.slopes;
  let a = 0;
  let b = s.length;
  while (a < b) {
    const mid = (a + b) >> 1;
    if (s[mid] <= -theta) b = mid;
    else a = mid + 1;
  }
  const y = xs[a];
  if (y < lo) return theta * (lo - y0) + valueAt(u, lo);
  if (y > hi) return theta * (hi - y0) + valueAt(u, hi);
  return theta * (y - y0) + u.vs[a];
}

/**
 * The pieces of min_k(A_k + C_k·P) over [lo, hi] (A.length ≤ 15): breakpoints P_0 = lo < … < P_m = hi in `breaks`,
 * the active line of each piece in `lines`; returns m.
 */
function lowerEnvelope(A: Float64Array, C: Float64Array, lo: number, hi: number, breaks: Float64Array, lines: Int32Array): number {
  let P = lo;
  let cur = 0;
  let vc = A[0] + C[0] * P;
  for (let k = 1; k < A.length; k++) {
    const v = A[k] + C[k] * P;
    if (v < vc || (v === vc && C[k] < C[cur])) {
      cur = k;
      vc = v;
    }
  }
  breaks[0] = P;
  let m = 0;
  for (;;) {
    lines[m++] = cur;
    let next = hi;
    let nextLine = -1;
    for (let k = 0; k < A.length; k++) {
      if (C[k] >= C[cur]) continue;
      const x = (A[k] - A[cur]) / (C[cur] - C[k]);
      if (x > P && (x < next || (x === next && nextLine >= 0 && C[k] < C[nextLine]))) {
        next = x;
        nextLine = k;
      }
    }
    breaks[m] = next;
    if (nextLine < 0 || next >= hi) return m;
    P = next;
    cur = nextLine;
  }
}

/** Solves the recursion; `ok: false` with the reason where its argument does not hold. */
export function solveBoundRecursion(input: RecursionInput): RecursionResult {
  const { fill, withdrawal, prices, eMin, eMax, s0 } = input;
  const T = prices.length;
  const dt = input.stepSeconds;
  const rho = Math.exp(-input.standingLoss * dt);
  const Kc = fill.length;
  const Kd = withdrawal.length;
  if (T < 1 || Kc < 1 || Kd < 1 || !(eMax >= eMin)) return { ok: false, reason: 'an empty horizon or map' };
  if (Kc > 14 || Kd > 14) return { ok: false, reason: `${Kc} fill and ${Kd} withdrawal planes (at most 14 each)` };
  let cFillMax = -Infinity;
  let cWdMin = Infinity;
  for (const q of fill) {
    if (!(q.c >= 0)) return { ok: false, reason: 'a fill plane that falls with the charging power' };
    if (!(1 + dt * q.b > 0)) return { ok: false, reason: 'a fill plane that falls faster than the state rises' };
    cFillMax = Math.max(cFillMax, q.c);
  }
  for (const q of withdrawal) cWdMin = Math.min(cWdMin, q.c);
  // an idle step must be feasible at every state used: F(e, 0) ≥ 0 and Wd(e, 0) ≤ 0 (linear in e: check the ends)
  const eLo = Math.min(eMin, s0);
  const eHi = Math.max(eMax, s0);
  const scaleF = Math.max(...fill.map((q) => Math.abs(q.a) + Math.abs(q.b) * eHi), 1);
  for (const e of [eLo, eHi]) {
    if (Math.min(...fill.map((q) => q.a + q.b * e)) < -1e-12 * scaleF) return { ok: false, reason: 'no idle step at some state (fill below zero)' };
    if (Math.max(...withdrawal.map((q) => q.a + q.b * e)) > 1e-12 * scaleF) return { ok: false, reason: 'no idle step at some state (withdrawal above zero)' };
  }
  const alpha = new Float64Array(T);
  const beta = new Float64Array(T);
  let pMax = 0;
  for (let t = 0; t < T; t++) {
    alpha[t] = (prices[t] + input.chargeSurcharge) * dt;
    beta[t] = (prices[t] - input.outputCost) * dt;
    pMax = Math.max(pMax, Math.abs(prices[t]));
    if (beta[t] > 0 && !(alpha[t] > 0 && alpha[t] * cWdMin >= beta[t] * cFillMax)) return { ok: false, reason: `a price at step ${t} that may pay for charging and discharging at once` };
  }
  const tol = input.tolerance ?? 1e-9 * Math.max(pMax * eMax, 1e-300);

  const fA = new Float64Array(Kc);
  const fC = Float64Array.from(fill, (q) => q.c);
  // −max(0, Wd) = min(0, min_k(−a_k − b_k·e − c_k·P)): the withdrawal's lines negated, and the zero line last
  const wA = new Float64Array(Kd + 1);
  const wC = Float64Array.from([...withdrawal.map((q) => -q.c), 0]);
  const breaks = new Float64Array(Kc + Kd + 2);
  const lines = new Int32Array(Kc + Kd + 2);
  const near = 1e-12 * Math.max(Math.abs(eMax), Math.abs(eMin), 1);
  let evaluations = 0;

  /** max over one power P ∈ [lo, hi] of σ·P + U(y0 + κ·G(P)), G = min_k(A_k + C_k·P) concave; −∞ when infeasible. */
  const branch = (u: Concave, A: Float64Array, C: Float64Array, lo: number, hi: number, y0: number, kappa: number, sigma: number): number => {
    const m = lowerEnvelope(A, C, lo, hi, breaks, lines);
    let best = -Infinity;
    for (let i = 0; i < m; i++) {
      const k = lines[i];
      const Pa = breaks[i];
      const Pb = breaks[i + 1];
      const ya = y0 + kappa * (A[k] + C[k] * Pa);
      const yb = y0 + kappa * (A[k] + C[k] * Pb);
      let v: number;
      if (C[k] === 0) v = ya >= u.xs[0] - near ? valueAt(u, Math.max(ya, u.xs[0])) + sigma * (sigma > 0 ? Pb : Pa) : -Infinity;
      else {
        const theta = sigma / (kappa * C[k]);
        v = sigma * Pa + bestValue(u, theta, ya, Math.min(ya, yb), Math.max(ya, yb), near);
      }
      // the objective is concave along P: past its top it only falls (beyond rounding: a piece a few ulps wide may
      // read a hair lower than the one before it and still lead up to the top)
      if (v < best - 1e-9 * Math.abs(best)) break;
      if (v > best) best = v;
    }
    return best;
  };

  /** W_t(e) with U = the value after step t. */
  const stepValue = (t: number, u: Concave, e: number): number => {
    evaluations++;
    for (let k = 0; k < Kc; k++) fA[k] = fill[k].a + fill[k].b * e;
    for (let k = 0; k < Kd; k++) wA[k] = -(withdrawal[k].a + withdrawal[k].b * e);
    let F0 = Infinity;
    for (let k = 0; k < Kc; k++) F0 = Math.min(F0, fA[k]);
    F0 = Math.max(0, F0);
    // the discharge's free range: Wd(e, P) ≤ 0 for P ≤ Pfree
    let Pfree = input.dischargeMax;
    for (let k = 0; k < Kd; k++) {
      const c = -wC[k];
      if (c > 0) Pfree = Math.min(Pfree, wA[k] / c);
      else if (wA[k] < 0) Pfree = 0;
    }
    Pfree = Math.max(0, Pfree);
    const kappa = rho * dt;
    const b = beta[t];
    // charge branch: the discharge within its free range (β > 0) or off, nothing withdrawn
    const charge = (b > 0 ? b * Pfree : 0) + branch(u, fA, fC, 0, input.chargeMax, rho * e, kappa, -alpha[t]);
    if (b <= 0) return charge;
    // discharge branch: no charging power (f = F(e, 0)), y = ρ(e + Δt·(F0 − max(0, Wd)))
    const discharge = branch(u, wA, wC, 0, input.dischargeMax, rho * (e + dt * F0), kappa, b);
    return Math.max(charge, discharge);
  };

  const end = input.endMin !== undefined ? Math.max(eMin, Math.min(eMax, input.endMin)) : eMin;
  let u = concaveFrom([end, eMax], [0, 0]);
  const minSpacing = 1e-6 * Math.max(eMax - eMin, 1e-300);
  let slack = 0;
  const nodes = new Nodes();
  for (let t = T - 1; t >= 1; t--) {
    // the lowest state from which charging at full power reaches U's domain: ρ(e + Δt·(a_k + b_k·e + c_k·Pmax)) ≥ d for every k
    let d = eMin;
    for (const q of fill) d = Math.max(d, (u.xs[0] / rho - dt * (q.a + q.c * input.chargeMax)) / (1 + dt * q.b));
    if (d > eMax) {
      if (d - eMax > near) return { ok: false, reason: `no schedule reaches the end state from step ${t}` };
      d = eMax;
    }
    const next = approximate((e) => stepValue(t, u, e), d, eMax, tol, minSpacing, nodes);
    if (!next) return { ok: false, reason: `the value at step ${t} needs more than ${MAX_NODES} states, or is not finite at one` };
    slack += next.gap;
    u = next.u;
  }
  const value = stepValue(0, u, s0);
  if (!(value > -Infinity)) return { ok: false, reason: 'no schedule reaches the end state' };
  return { ok: true, value, slack, evaluations };
}

const MAX_NODES = 4000;

const finite = (v: number) => v > -Infinity && v < Infinity;

function concaveFrom(xs: number[], vs: number[]): Concave {
  const n = xs.length;
  const slopes = new Float64Array(Math.max(0, n - 1));
  for (let j = 0; j + 1 < n; j++) slopes[j] = (vs[j + 1] - vs[j]) / (xs[j + 1] - xs[j]);
  return { xs: Float64Array.from(xs), vs: Float64Array.from(vs), slopes };
}

/** Scratch buffers of the node refinement, reused across steps. */
class Nodes {
  xs = new Float64Array(MAX_NODES);
  vs = new Float64Array(MAX_NODES);
  nx = new Float64Array(MAX_NODES);
  nv = new Float64Array(MAX_NODES);
  /** per interval: the tent's peak (x, value) and height above the chord, and where to add a node (NaN: nowhere) */
  px = new Float64Array(MAX_NODES);
  pv = new Float64Array(MAX_NODES);
  at = new Float64Array(MAX_NODES);
  hx = new Float64Array(2 * MAX_NODES + 2);
  sx = new Float64Array(2 * MAX_NODES + 2);
  sv = new Float64Array(2 * MAX_NODES + 2);
  hv = new Float64Array(2 * MAX_NODES + 2);
}

/**
 * A concave non-decreasing U ≥ W on [lo, hi] from exact values of the concave W: nodes refined at the tents'
 * peaks until each tent is at most `tol` above the chord under it; gap is the largest tent height left.
 */
function approximate(W: (e: number) => number, lo: number, hi: number, tol: number, minSpacing: number, b: Nodes): { u: Concave; gap: number } | undefined {
  // the end state only just reachable: one state, held after it (a higher state is thrown away down to it)
  if (!(hi > lo)) return finite(W(lo)) ? { u: concaveFrom([lo], [W(lo)]), gap: 0 } : undefined;
  minSpacing = Math.min(minSpacing, (hi - lo) / 64);
  const N0 = 8;
  let { xs, vs, nx, nv } = b;
  const { px, pv, at } = b;
  let n = N0 + 1;
  for (let i = 0; i <= N0; i++) {
    xs[i] = i === N0 ? hi : lo + ((hi - lo) * i) / N0;
    vs[i] = W(xs[i]);
    if (!finite(vs[i])) return undefined;
  }
  for (;;) {
    const M = n - 1;
    let gap = 0;
    let adds = 0;
    for (let k = 0; k < M; k++) {
      const x0 = xs[k], x1 = xs[k + 1];
      const w0 = vs[k], w1 = vs[k + 1];
      let g = 0;
      let where = 0.5 * (x0 + x1);
      px[k] = NaN;
      if (k === 0) {
        // only the chord on the right continued: its height at x0
        g = w1 - ((vs[2] - w1) / (xs[2] - x1)) * (x1 - x0) - w0;
        px[k] = x0;
        pv[k] = w0 + Math.max(0, g);
      } else if (k === M - 1) {
        g = w0 + ((w0 - vs[k - 1]) / (x0 - xs[k - 1])) * (x1 - x0) - w1;
        px[k] = x1;
        pv[k] = w1 + Math.max(0, g);
      } else {
        const sL = (w0 - vs[k - 1]) / (x0 - xs[k - 1]);
        const sR = (vs[k + 2] - w1) / (xs[k + 2] - x1);
        if (sL - sR > 0) {
          // L(x) = w0 + sL(x − x0) and R(x) = w1 + sR(x − x1) meet at the peak
          const xp = Math.min(x1, Math.max(x0, (w1 - w0 + sL * x0 - sR * x1) / (sL - sR)));
          const vp = Math.min(w0 + sL * (xp - x0), w1 + sR * (xp - x1));
          g = vp - (w0 + ((w1 - w0) / (x1 - x0)) * (xp - x0));
          where = xp;
          if (g > 0) {
            px[k] = xp;
            pv[k] = vp;
          }
        }
      }
      if (g > gap) gap = g;
      at[k] = g > tol && x1 - x0 > 2 * minSpacing ? Math.min(x1 - minSpacing, Math.max(x0 + minSpacing, where)) : NaN;
      if (at[k] === at[k]) adds++;
    }
    if (adds === 0) return { u: upperHull(xs, vs, n, px, pv, b), gap };
    if (n + adds > MAX_NODES) return undefined;
    let m = 0;
    for (let k = 0; k < M; k++) {
      nx[m] = xs[k];
      nv[m++] = vs[k];
      if (at[k] === at[k]) {
        nx[m] = at[k];
        nv[m] = W(at[k]);
        if (!finite(nv[m++])) return undefined;
      }
    }
    nx[m] = xs[M];
    nv[m++] = vs[M];
    [xs, nx] = [nx, xs];
    [vs, nv] = [nv, vs];
    n = m;
  }
}

/**
 * The upper concave hull of the tents (the nodes, the interior peaks, the end intervals' raised ends), cut flat
 * after its highest point (the non-decreasing hull).
 */
function upperHull(xs: Float64Array, vs: Float64Array, n: number, px: Float64Array, pv: Float64Array, b: Nodes): Concave {
  const { hx, hv, sx, sv } = b;
  // the tents' corners in order: the first interval's raised start, each inner node and inner peak, the last's raised end
  const M = n - 1;
  let q = 0;
  sx[q] = px[0];
  sv[q++] = pv[0];
  for (let k = 1; k < M; k++) {
    sx[q] = xs[k];
    sv[q++] = vs[k];
    if (k < M - 1 && px[k] === px[k]) {
      sx[q] = px[k];
      sv[q++] = pv[k];
    }
  }
  sx[q] = px[M - 1];
  sv[q++] = pv[M - 1];
  let h = 0;
  for (let i = 0; i < q; i++) {
    const x = sx[i];
    const v = sv[i];
    if (h > 0 && x <= hx[h - 1]) {
      if (v <= hv[h - 1]) continue;
      hv[h - 1] = v;
    } else {
      hx[h] = x;
      hv[h++] = v;
    }
    // drop the middle point while it lies on or below the chord of its neighbours
    while (h >= 3 && (hv[h - 2] - hv[h - 3]) * (hx[h - 1] - hx[h - 3]) - (hv[h - 1] - hv[h - 3]) * (hx[h - 2] - hx[h - 3]) <= 0) {
      hx[h - 2] = hx[h - 1];
      hv[h - 2] = hv[h - 1];
      h--;
    }
  }
  let top = 0;
  for (let i = 1; i < h; i++) if (hv[i] >= hv[top]) top = i;
  const x = hx.slice(0, top + 1);
  const v = hv.slice(0, top + 1);
  const slopes = new Float64Array(top);
  for (let j = 0; j < top; j++) slopes[j] = (v[j + 1] - v[j]) / (x[j + 1] - x[j]);
  return { xs: x, vs: v, slopes };
}
