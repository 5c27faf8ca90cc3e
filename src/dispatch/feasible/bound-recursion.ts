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
 * From exact values of W_t at chosen states, bound-tents.ts builds the next U: the upper concave hull of the chords'
 * "tents", refined until every tent is below `tolerance`, so the result is ≥ the LP's optimum and at most the sum
 * over the steps of the tallest tent left above it (reported as `slack`).
 * Where the conditions fail (a daily cycle limit, a price that pays for charging and discharging at once, planes
 * the argument does not cover), `solveBoundRecursion` returns the reason and the caller solves the LP with HiGHS.
 */
import type { Plane } from './facets.js';
import { approximate, concaveFrom, MAX_NODES, Nodes, valueAt, type Concave } from './bound-tents.js';

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

  const near = 1e-12 * Math.max(Math.abs(eMax), Math.abs(eMin), 1);
  const W = new StepValue(fill, withdrawal, alpha, beta, rho, dt, input.chargeMax, input.dischargeMax, near);

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
    W.t = t;
    W.u = u;
    const next = approximate(W, d, eMax, tol, minSpacing, nodes);
    if (!next) return { ok: false, reason: `the value at step ${t} needs more than ${MAX_NODES} states, or is not finite at one` };
    slack += next.gap;
    u = next.u;
  }
  W.t = 0;
  W.u = u;
  const value = W.value(s0);
  if (!(value > -Infinity)) return { ok: false, reason: 'no schedule reaches the end state' };
  return { ok: true, value, slack, evaluations: W.evaluations };
}

/**
 * W_t(e) with U = the value after step t, for the step and U set before each step's evaluations. A class rather
 * than closures made by each call: the optimised code of one plant's recursion then serves the next plant's (closures
 * made anew are new call targets, which threw the compiled code away and compiled it again for every plant).
 */
class StepValue {
  /** The step, and the value after it. */
  t = 0;
  u: Concave = concaveFrom([0], [0]);
  evaluations = 0;
  private readonly Kc: number;
  private readonly Kd: number;
  // the planes' coefficients as arrays (the hot loops read nothing else of them)
  private readonly fa: Float64Array;
  private readonly fb: Float64Array;
  private readonly wa: Float64Array;
  private readonly wb: Float64Array;
  private readonly fA: Float64Array;
  private readonly fC: Float64Array;
  // −max(0, Wd) = min(0, min_k(−a_k − b_k·e − c_k·P)): the withdrawal's lines negated, and the zero line last
  private readonly wA: Float64Array;
  private readonly wC: Float64Array;
  private readonly breaks: Float64Array;
  private readonly lines: Int32Array;

  constructor(
    fill: readonly Plane[],
    withdrawal: readonly Plane[],
    private readonly alpha: Float64Array,
    private readonly beta: Float64Array,
    private readonly rho: number,
    private readonly dt: number,
    private readonly chargeMax: number,
    private readonly dischargeMax: number,
    private readonly near: number,
  ) {
    const Kc = fill.length;
    const Kd = withdrawal.length;
    this.Kc = Kc;
    this.Kd = Kd;
    this.fa = Float64Array.from(fill, (q) => q.a);
    this.fb = Float64Array.from(fill, (q) => q.b);
    this.wa = Float64Array.from(withdrawal, (q) => q.a);
    this.wb = Float64Array.from(withdrawal, (q) => q.b);
    this.fA = new Float64Array(Kc);
    this.fC = Float64Array.from(fill, (q) => q.c);
    this.wA = new Float64Array(Kd + 1);
    this.wC = Float64Array.from([...withdrawal.map((q) => -q.c), 0]);
    this.breaks = new Float64Array(Kc + Kd + 2);
    this.lines = new Int32Array(Kc + Kd + 2);
  }

  /** W_t(e). */
  value(e: number): number {
    this.evaluations++;
    const { Kc, Kd, fa, fb, wa, wb, fA, wA, wC, rho, dt } = this;
    let F0 = Infinity;
    for (let k = 0; k < Kc; k++) {
      fA[k] = fa[k] + fb[k] * e;
      F0 = Math.min(F0, fA[k]);
    }
    for (let k = 0; k < Kd; k++) wA[k] = -(wa[k] + wb[k] * e);
    F0 = Math.max(0, F0);
    // the discharge's free range: Wd(e, P) ≤ 0 for P ≤ Pfree
    let Pfree = this.dischargeMax;
    for (let k = 0; k < Kd; k++) {
      const c = -wC[k];
      if (c > 0) Pfree = Math.min(Pfree, wA[k] / c);
      else if (wA[k] < 0) Pfree = 0;
    }
    Pfree = Math.max(0, Pfree);
    const kappa = rho * dt;
    const b = this.beta[this.t];
    // charge branch: the discharge within its free range (β > 0) or off, nothing withdrawn
    const charge = (b > 0 ? b * Pfree : 0) + this.branch(fA, this.fC, this.chargeMax, rho * e, kappa, -this.alpha[this.t]);
    if (b <= 0) return charge;
    // discharge branch: no charging power (f = F(e, 0)), y = ρ(e + Δt·(F0 − max(0, Wd)))
    const discharge = this.branch(wA, wC, this.dischargeMax, rho * (e + dt * F0), kappa, b);
    return Math.max(charge, discharge);
  }

  /** max over one power P ∈ [0, hi] of σ·P + U(y0 + κ·G(P)), G = min_k(A_k + C_k·P) concave; −∞ when infeasible. */
  private branch(A: Float64Array, C: Float64Array, hi: number, y0: number, kappa: number, sigma: number): number {
    const { u, near, breaks, lines } = this;
    const m = lowerEnvelope(A, C, 0, hi, breaks, lines);
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
  }
}
