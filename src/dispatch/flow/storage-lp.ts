/**
 * The plain-storage arbitrage LP solved exactly without a general LP solver: dynamic programming on the marginal
 * value of stored energy, which stays a non-increasing step function (the value function is concave and piecewise
 * linear) and is carried as a short list of (length, value) segments.
 *
 * The LP (lp.ts without binaries): e_t = ρ·e_{t−1} + Δ_t, eMin ≤ e_t ≤ eMax, Δ_t = Σ_k q_k − Σ_k r_k, where charge
 * segment k stores q_k ∈ [0, Δt·a_k·width_k] at a marginal cost c_k = (p_t + surcharge)/a_k per stored joule and
 * discharge segment k withdraws r_k ∈ [0, Δt·width_k] for a marginal gain d_k = (p_t − wear)·b_k. Concave curves
 * make c_k rise and d_k fall with k, so a step's own value g(Δ) is concave; requiring c_1 ≥ d_1 (no money in
 * charging and discharging at once, true for any price ≥ 0 with losses) makes it concave across Δ = 0.
 * Proof sketch of the recursion: with V_t concave, U(y) = max_Δ g(Δ) + V_t(y + Δ) is their sup-convolution, whose
 * marginal is the merge of the two marginals' segments sorted by value (a standard property of concave
 * piecewise-linear functions); V_{t−1}(e) = U(ρe) scales lengths by 1/ρ and values by ρ; the range [eMin, eMax] cuts
 * the ends (an uncovered left end is infeasible: marginal +∞). The optimal step from y moves toward the interval
 * where v_t lies between the charge and discharge costs: charge segment k is used while v_t(z) > c_k, discharge
 * segment k while v_t(z) < d_k, cheapest first — recorded as one threshold per segment and step.
 * Cost: O(T · (segments + K)), a few milliseconds for a year of hours. HiGHS stays the fallback (cyclic end with a
 * free start, a daily cycle limit, binaries, prices that pay for simultaneous charge and discharge) and the oracle
 * of the tests.
 */
import type { StorageParams, ConverterSegments } from '../model.js';
import type { PriceSeries } from '../prices.js';

/** A schedule of the plain LP, SI. */
export interface FlowSolution {
  readonly charge: Float64Array;
  readonly discharge: Float64Array;
  readonly inflow: Float64Array;
  readonly withdrawal: Float64Array;
  readonly energy: Float64Array;
  readonly energyInitial: number;
}

/** Why the dedicated solver does not apply (then HiGHS solves the LP), or undefined when it does. */
export function flowUnsupported(storage: StorageParams, seg: { charge: ConverterSegments; discharge: ConverterSegments }, prices: Float64Array, milp: boolean): string | undefined {
  if (milp) return 'a MILP';
  if (seg.charge.needsBinary || seg.discharge.needsBinary) return 'a minimum load, start cost or non-concave curve';
  if (storage.socInitial === undefined) return 'a free starting state (cyclic end)';
  if (storage.dailyCycleLimit !== undefined) return 'a daily cycle limit';
  const sur = storage.chargeCost ?? 0;
  const wear = storage.degradationCost;
  const a = seg.charge.slopes;
  const b = seg.discharge.slopes;
  for (let t = 0; t < prices.length; t++) {
    let cheapest = Infinity;
    for (const ak of a) cheapest = Math.min(cheapest, (prices[t] + sur) / ak);
    let dearest = -Infinity;
    for (const bk of b) dearest = Math.max(dearest, (prices[t] - wear) * bk);
    if (cheapest < dearest) return `a price at step ${t} that pays for charging and discharging at once`;
  }
  return undefined;
}

/**
 * Segments of the marginal value of stored energy, highest value first, from eMin: lengths and values in typed
 * arrays from `head` to `tail`, merged into the other of two buffers once per step (the step's new segments, the
 * scaling by ρ and the cut at both ends in one pass of O(segments + K)) instead of one array splice per segment.
 * Every length and value is computed by the same operations in the same order as one insert at a time would
 * (equal values: the older segment first, then the new ones in their order), so the thresholds are the same to the
 * last bit.
 */
class Marginal {
  len: Float64Array;
  val: Float64Array;
  head = 1;
  tail = 1;
  private spareLen: Float64Array;
  private spareVal: Float64Array;

  constructor(capacity: number) {
    this.len = new Float64Array(capacity);
    this.val = new Float64Array(capacity);
    this.spareLen = new Float64Array(capacity);
    this.spareVal = new Float64Array(capacity);
  }

  /** Room for `extra` more segments (and the one the front may gain). */
  private reserve(extra: number): void {
    const need = this.tail - this.head + extra + 2;
    if (need <= this.len.length) return;
    const size = Math.max(need, 2 * this.len.length);
    const grow = (a: Float64Array) => {
      const b = new Float64Array(size);
      b.set(a.subarray(this.head, this.tail), 1);
      return b;
    };
    this.len = grow(this.len);
    this.val = grow(this.val);
    this.tail -= this.head - 1;
    this.head = 1;
    this.spareLen = new Float64Array(size);
    this.spareVal = new Float64Array(size);
  }

  /** Appends a segment at the end (the end condition, built in order); a non-positive length adds nothing. */
  push(length: number, value: number): void {
    if (!(length > 0)) return;
    this.reserve(1);
    this.len[this.tail] = length;
    this.val[this.tail] = value;
    this.tail++;
  }

  /**
   * The thresholds of a step in one sweep: for each query value q[k] in `order` (highest first, equal values in
   * index order), eMin + the length of the segments whose value is above q[k] (k < `above`: the charge segments)
   * or at least q[k] (the discharge segments), written to out[k]. In that order each query counts at least the
   * segments the one before did, so one pass over the segments with a running sum (added in the segments' order,
   * as a scan from eMin adds them) serves all.
   */
  thresholds(eMin: number, q: Float64Array, order: Int32Array, above: number, out: Float64Array): void {
    const len = this.len;
    const val = this.val;
    const tail = this.tail;
    let i = this.head;
    let x = eMin;
    for (let n = 0; n < order.length; n++) {
      const k = order[n];
      const v = q[k];
      if (k < above) {
        while (i < tail && val[i] > v) x += len[i++];
      } else {
        while (i < tail && (val[i] > v || val[i] === v)) x += len[i++];
      }
      out[k] = x;
    }
  }

  /**
   * One step back: the new segments (`addLen`, `addVal` in their order of insertion, `order` their indices sorted
   * by value, highest first, ties in insertion order) merged in; every segment stretched by 1/ρ and its value scaled
   * by ρ; a segment of value +∞ put in front when the lowest reachable state lies above eMin; then `front` cut from
   * the front and whatever lies beyond `range` from the back.
   */
  step(addLen: Float64Array, addVal: Float64Array, order: Int32Array, rho: number, front: number, extraFront: number, range: number): void {
    this.reserve(order.length);
    const len = this.len;
    const val = this.val;
    const outLen = this.spareLen;
    const outVal = this.spareVal;
    let o = 1;
    let i = this.head;
    const end = this.tail;
    for (let n = 0; n < order.length; n++) {
      const k = order[n];
      const l = addLen[k];
      if (!(l > 0)) continue;
      const v = addVal[k];
      // an older segment of equal value stays in front of a new one
      while (i < end && val[i] >= v) {
        outLen[o] = len[i] / rho;
        outVal[o] = val[i] * rho;
        o++;
        i++;
      }
      outLen[o] = l / rho;
      outVal[o] = v * rho;
      o++;
    }
    for (; i < end; i++, o++) {
      outLen[o] = len[i] / rho;
      outVal[o] = val[i] * rho;
    }
    let head = 1;
    if (extraFront > 0) {
      head = 0;
      outLen[0] = extraFront;
      outVal[0] = Infinity;
    }
    // cut the front
    let amount = front;
    while (amount > 0 && head < o) {
      if (outLen[head] <= amount) {
        amount -= outLen[head];
        head++;
      } else {
        outLen[head] -= amount;
        amount = 0;
      }
    }
    let total = 0;
    for (let k = head; k < o; k++) total += outLen[k];
    amount = total - range;
    while (amount > 0 && head < o) {
      if (outLen[o - 1] <= amount) {
        amount -= outLen[o - 1];
        o--;
      } else {
        outLen[o - 1] -= amount;
        amount = 0;
      }
    }
    this.spareLen = len;
    this.spareVal = val;
    this.len = outLen;
    this.val = outVal;
    this.head = head;
    this.tail = o;
  }
}

/**
 * Sorts `order` (a permutation of 0 … n − 1) by key, highest first, equal keys by index: the one order Array.sort
 * gives with that comparison. Insertion sort from the order it holds, which is the last step's: prices move little
 * from one step to the next, so it is mostly in order already (n is a handful of curve segments).
 */
function sortByKeyDescending(key: Float64Array, order: Int32Array): void {
  const n = order.length;
  for (let a = 1; a < n; a++) {
    const x = order[a];
    const k = key[x];
    let b = a;
    while (b > 0) {
      const y = order[b - 1];
      if (!(key[y] < k || (key[y] === k && y > x))) break;
      order[b] = y;
      b--;
    }
    order[b] = x;
  }
}

/** 0 … n − 1 */
function identity(n: number): Int32Array {
  return Int32Array.from({ length: n }, (_, k) => k);
}

/** Solves the plain LP by the marginal-value recursion; the caller has checked flowUnsupported(). */
export function solveStorageFlow(series: PriceSeries, s: StorageParams, seg: { charge: ConverterSegments; discharge: ConverterSegments }): FlowSolution {
  const prices = series.prices;
  const T = prices.length;
  const dt = series.stepSeconds;
  const rho = 1 - s.standingLoss * dt;
  const E = s.energyCapacity;
  const eMin = s.socMin * E;
  const eMax = s.socMax * E;
  const e0 = s.socInitial! * E;
  const cs = seg.charge;
  const ds = seg.discharge;
  const Kc = cs.widths.length;
  const Kd = ds.widths.length;
  const sur = s.chargeCost ?? 0;
  const wear = s.degradationCost;
  const qMax = Float64Array.from(cs.widths, (w, k) => dt * cs.slopes[k] * w);
  const rMax = Float64Array.from(ds.widths, (w) => dt * w);
  let cTot = 0;
  for (const q of qMax) cTot += q;
  let dTot = 0;
  for (const r of rMax) dTot += r;

  // the end condition as the marginal value of the last state
  const v = new Marginal(64);
  const end = s.endState;
  const floor = end.kind === 'atLeastInitial' ? e0 : end.kind === 'atLeast' || end.kind === 'fixed' ? end.soc * E : eMin;
  v.push(floor - eMin, Infinity);
  v.push(eMax - floor, end.kind === 'fixed' ? -Infinity : 0);

  // each step's segments: charge segment k at its cost per stored joule, then discharge segment k at its gain
  const K = Kc + Kd;
  const addLen = new Float64Array(K);
  addLen.set(qMax);
  addLen.set(rMax, Kc);
  const addVal = new Float64Array(K);
  const cSlopes = Float64Array.from(cs.slopes);
  const dSlopes = Float64Array.from(ds.slopes);
  const at = new Float64Array(K);
  // the charge costs rise with k (concave curves), the discharge gains fall: highest first is nearly this order
  const addOrder = Int32Array.from({ length: K }, (_, n) => (n < Kc ? Kc - 1 - n : n));
  // thresholds per step: charge segment k is used below A, discharge segment k above B (state after the move)
  const A = new Float64Array(T * Kc);
  const B = new Float64Array(T * Kd);
  for (let t = T - 1; t >= 0; t--) {
    const p = prices[t];
    for (let k = 0; k < Kc; k++) addVal[k] = (p + sur) / cSlopes[k];
    for (let k = 0; k < Kd; k++) addVal[Kc + k] = (p - wear) * dSlopes[k];
    sortByKeyDescending(addVal, addOrder);
    v.thresholds(eMin, addVal, addOrder, Kc, at);
    for (let k = 0; k < Kc; k++) A[t * Kc + k] = at[k];
    for (let k = 0; k < Kd; k++) B[t * Kd + k] = at[Kc + k];
    if (t === 0) break;
    // y = ρ·e: the merged function starts at eMin − cTot in y; in e its segments stretch by 1/ρ, values shrink by ρ
    const lo = (eMin - cTot) / rho;
    v.step(addLen, addVal, addOrder, rho, lo > eMin ? 0 : eMin - lo, lo > eMin ? lo - eMin : 0, eMax - eMin);
  }

  const charge = new Float64Array(T);
  const discharge = new Float64Array(T);
  const inflow = new Float64Array(T);
  const withdrawal = new Float64Array(T);
  const energy = new Float64Array(T);
  const order = identity(Kc);
  const orderD = identity(Kd);
  const keyC = new Float64Array(Kc);
  const keyD = new Float64Array(Kd);
  let e = e0;
  for (let t = 0; t < T; t++) {
    const y = rho * e;
    let z = y;
    // cheapest charge and dearest discharge first (at a negative price the least efficient segment is the cheapest)
    const p = prices[t];
    for (let k = 0; k < Kc; k++) keyC[k] = cs.slopes[k] * (p + sur);
    sortByKeyDescending(keyC, order);
    for (let n = 0; n < Kc; n++) {
      const k = order[n];
      const a = A[t * Kc + k];
      if (z < a) {
        const q = Math.min(qMax[k], a - z);
        z += q;
        charge[t] += q / (dt * cs.slopes[k]);
        inflow[t] += q / dt;
      }
    }
    for (let k = 0; k < Kd; k++) keyD[k] = ds.slopes[k] * (p - wear);
    sortByKeyDescending(keyD, orderD);
    for (let n = 0; n < Kd; n++) {
      const k = orderD[n];
      const b = B[t * Kd + k];
      if (z > b) {
        const r = Math.min(rMax[k], z - b);
        z -= r;
        withdrawal[t] += r / dt;
        discharge[t] += (r / dt) * ds.slopes[k];
      }
    }
    // rounding of the thresholds may leave z an ulp outside the range
    e = Math.min(eMax, Math.max(eMin, z));
    energy[t] = e;
  }
  return { charge, discharge, inflow, withdrawal, energy, energyInitial: e0 };
}
