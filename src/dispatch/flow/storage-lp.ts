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

/** Segments of the marginal value of stored energy, highest value first, from eMin. */
class Marginal {
  len: number[] = [];
  val: number[] = [];
  insert(length: number, value: number): void {
    if (!(length > 0)) return;
    let i = 0;
    while (i < this.val.length && this.val[i] >= value) i++;
    this.len.splice(i, 0, length);
    this.val.splice(i, 0, value);
  }
  /** eMin + the length of the segments whose value is above `v` (or at least `v` with `orEqual`). */
  position(eMin: number, v: number, orEqual: boolean): number {
    let x = eMin;
    for (let i = 0; i < this.val.length; i++) {
      if (this.val[i] > v || (orEqual && this.val[i] === v)) x += this.len[i];
      else break;
    }
    return x;
  }
  cutFront(amount: number): void {
    while (amount > 0 && this.len.length) {
      if (this.len[0] <= amount) {
        amount -= this.len[0];
        this.len.shift();
        this.val.shift();
      } else {
        this.len[0] -= amount;
        amount = 0;
      }
    }
  }
  cutBack(amount: number): void {
    while (amount > 0 && this.len.length) {
      const n = this.len.length - 1;
      if (this.len[n] <= amount) {
        amount -= this.len[n];
        this.len.pop();
        this.val.pop();
      } else {
        this.len[n] -= amount;
        amount = 0;
      }
    }
  }
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
  const v = new Marginal();
  const end = s.endState;
  const floor = end.kind === 'atLeastInitial' ? e0 : end.kind === 'atLeast' || end.kind === 'fixed' ? end.soc * E : eMin;
  v.insert(floor - eMin, Infinity);
  v.insert(eMax - floor, end.kind === 'fixed' ? -Infinity : 0);

  // thresholds per step: charge segment k is used below A, discharge segment k above B (state after the move)
  const A = new Float64Array(T * Kc);
  const B = new Float64Array(T * Kd);
  for (let t = T - 1; t >= 0; t--) {
    const p = prices[t];
    for (let k = 0; k < Kc; k++) A[t * Kc + k] = v.position(eMin, (p + sur) / cs.slopes[k], false);
    for (let k = 0; k < Kd; k++) B[t * Kd + k] = v.position(eMin, (p - wear) * ds.slopes[k], true);
    if (t === 0) break;
    for (let k = 0; k < Kc; k++) v.insert(qMax[k], (p + sur) / cs.slopes[k]);
    for (let k = 0; k < Kd; k++) v.insert(rMax[k], (p - wear) * ds.slopes[k]);
    // y = ρ·e: the merged function starts at eMin − cTot in y; in e its segments stretch by 1/ρ, values shrink by ρ
    let lo = (eMin - cTot) / rho;
    for (let i = 0; i < v.len.length; i++) {
      v.len[i] /= rho;
      v.val[i] *= rho;
    }
    if (lo > eMin) {
      v.len.unshift(lo - eMin);
      v.val.unshift(Infinity);
      lo = eMin;
    }
    v.cutFront(eMin - lo);
    let total = 0;
    for (const l of v.len) total += l;
    v.cutBack(total - (eMax - eMin));
  }

  const charge = new Float64Array(T);
  const discharge = new Float64Array(T);
  const inflow = new Float64Array(T);
  const withdrawal = new Float64Array(T);
  const energy = new Float64Array(T);
  const order: number[] = new Array(Kc);
  const orderD: number[] = new Array(Kd);
  let e = e0;
  for (let t = 0; t < T; t++) {
    const y = rho * e;
    let z = y;
    // cheapest charge and dearest discharge first (at a negative price the least efficient segment is the cheapest)
    const p = prices[t];
    for (let k = 0; k < Kc; k++) order[k] = k;
    order.sort((i, j) => cs.slopes[j] * (p + sur) - cs.slopes[i] * (p + sur) || i - j);
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
    for (let k = 0; k < Kd; k++) orderD[k] = k;
    orderD.sort((i, j) => ds.slopes[j] * (p - wear) - ds.slopes[i] * (p - wear) || i - j);
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
