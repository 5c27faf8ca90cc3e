/**
 * The upper bound of a plant-feasible dispatch: an LP relaxation of the operating envelope that keeps how the
 * state of charge shapes the part-load maps. Per step t (state e_{t−1} before it; ρ = exp(−λΔt)):
 *   0 = e_t − ρ·e_{t−1} − ρΔt·f_t + ρΔt·w_t                      the DP's move-then-lose order
 *   f_t ≤ a_k + b_k·e_{t−1} + c_k·Pin_t    for every plane k of the fill map's concave envelope
 *   w_t ≥ a_k + b_k·e_{t−1} + c_k·Pout_t   for every plane k of the withdrawal map's convex envelope
 *   0 ≤ Pin ≤ chargeMax, 0 ≤ Pout ≤ dischargeMax, socMin'·E ≤ e ≤ socMax·E, f, w ≥ 0
 *   Σ_{t in day} Δt·w_t ≤ N·(socMax − socMin)·E                  (a daily cycle limit)
 * maximising Σ p_t·Δt·(Pout − Pin) − surcharge·Δt·Pin − (wear + fuelPrice·φmin)·Δt·Pout, with φmin the smallest fuel
 * per output of the map. Every schedule the plant can follow is feasible here with at most this objective when
 * prices are ≥ 0 (the envelopes contain every interpolated map value; minimum loads, start costs, one mode per step,
 * daily start limits and the maps' NaN cells are dropped; a start step's Δt − t_start at the setpoint is a mix of
 * idle and the setpoint, within the envelopes, and its start-up energy only costs), so its optimum bounds the DP from
 * above. socMin' is 0 with a standing loss
 * (an idle store may drift below socMin). Scaled to MW, MWh, h inside, like lp.ts.
 * Solved by the value recursion of bound-recursion.ts where its conditions hold (no daily cycle limit, no price that
 * pays for charging and discharging at once): at most its stated slack (Σ_t of 1e-9 × the largest price × the top
 * state, about 1e-7 % of the Luoyang plants' bound) above the LP's optimum, never below it; otherwise by HiGHS.
 */
import type { SolveResult } from '../../numerics/result.js';
import { failed, solved } from '../../numerics/result.js';
import { TripletBuilder } from '../sparse.js';
import { highsRuntime, modelStatusName } from '../solver.js';
import type { OperatingEnvelope } from './envelope.js';
import { envelopePlanes, mapPoints, type Plane } from './facets.js';
import { solveBoundRecursion } from './bound-recursion.js';

const MW = 1e6;
const MWH = 3.6e9;

export interface BoundInput {
  readonly envelope: OperatingEnvelope;
  /** money/J */
  readonly prices: Float64Array;
  readonly stepSeconds: number;
  readonly dayNumbers: Int32Array;
  /** J */
  readonly s0: number;
  /** J; undefined: free end. */
  readonly endMin?: number;
}

/** The planes of the two maps' envelopes (the LP's rows per step). */
export function boundPlanes(e: OperatingEnvelope): { fill: Plane[]; withdrawal: Plane[]; fuelPerOutput: number } {
  const m = e.maps;
  const fill = envelopePlanes(mapPoints(m.soc, m.chargePower, m.fill, m.capacity, e.chargeMax), true);
  const withdrawal = envelopePlanes(mapPoints(m.soc, m.dischargePower, m.withdrawal, m.capacity, e.dischargeMax), false);
  let fuelPerOutput = Infinity;
  const n = m.dischargePower.length;
  for (let i = 0; i < m.fuel.length; i++) {
    const P = m.dischargePower[i % n];
    if (P > 0 && P <= e.dischargeMax && Number.isFinite(m.fuel[i])) fuelPerOutput = Math.min(fuelPerOutput, m.fuel[i] / P);
  }
  return { fill, withdrawal, fuelPerOutput: Number.isFinite(fuelPerOutput) ? Math.max(0, fuelPerOutput) : 0 };
}

/** The bound (money), how it was found, and the most it may lie above the LP's optimum (money). */
export interface BoundValue {
  readonly value: number;
  readonly seconds: number;
  readonly method: 'recursion' | 'highs';
  readonly slack: number;
}

/**
 * Solves the relaxation; its optimum (money) is the bound. `method: 'highs'` skips the recursion (the tests'
 * oracle); `'recursion'` fails where the recursion does not apply instead of falling back.
 */
export async function solveBoundLp(input: BoundInput, method: 'auto' | 'recursion' | 'highs' = 'auto'): Promise<SolveResult<BoundValue>> {
  if (method === 'highs') return solveBoundHighs(input);
  const t0 = performance.now();
  const r = boundByRecursion(input);
  if (r.ok) return solved({ value: r.value, seconds: (performance.now() - t0) / 1000, method: 'recursion', slack: r.slack }, r.evaluations);
  if (method === 'recursion') return failed(`the bound's recursion does not apply: ${r.reason}`, 0);
  return solveBoundHighs(input);
}

function boundByRecursion(input: BoundInput): ReturnType<typeof solveBoundRecursion> {
  const e = input.envelope;
  const m = e.maps;
  if (e.dailyCycleLimit !== undefined) return { ok: false, reason: 'a daily cycle limit' };
  const { fill, withdrawal, fuelPerOutput } = boundPlanes(e);
  return solveBoundRecursion({
    fill,
    withdrawal,
    prices: input.prices,
    stepSeconds: input.stepSeconds,
    standingLoss: m.standingLoss,
    eMin: (m.standingLoss > 0 ? 0 : e.socMin) * m.capacity,
    eMax: e.socMax * m.capacity,
    chargeMax: e.chargeMax,
    dischargeMax: e.dischargeMax,
    chargeSurcharge: e.chargeSurcharge,
    outputCost: e.wearCost + e.fuelPrice * fuelPerOutput,
    s0: input.s0,
    ...(input.endMin !== undefined ? { endMin: input.endMin } : {}),
  });
}

/** The LP by HiGHS. */
async function solveBoundHighs(input: BoundInput): Promise<SolveResult<BoundValue>> {
  const t0 = performance.now();
  const e = input.envelope;
  const m = e.maps;
  const T = input.prices.length;
  const dt = input.stepSeconds / 3600;
  const rho = Math.exp(-m.standingLoss * input.stepSeconds);
  const { fill, withdrawal, fuelPerOutput } = boundPlanes(e);
  const Kc = fill.length;
  const Kd = withdrawal.length;
  // columns per step: Pin, f, Pout, w, e
  const B = 5;
  const numCols = T * B;
  const stepRows = 1 + Kc + Kd;
  const limit = e.dailyCycleLimit;
  const dayRow = new Int32Array(T);
  let days = 0;
  if (limit !== undefined) {
    for (let t = 0; t < T; t++) {
      if (t > 0 && input.dayNumbers[t] !== input.dayNumbers[t - 1]) days++;
      dayRow[t] = T * stepRows + days;
    }
    days++;
  }
  const numRows = T * stepRows + days;
  const colCost = new Float64Array(numCols);
  const colLower = new Float64Array(numCols);
  const colUpper = new Float64Array(numCols);
  const rowLower = new Float64Array(numRows);
  const rowUpper = new Float64Array(numRows);
  const A = new TripletBuilder(T * (6 + 3 * (Kc + Kd)) + T);
  const cap = m.capacity / MWH;
  const eMin = (m.standingLoss > 0 ? 0 : e.socMin) * cap;
  const eMax = e.socMax * cap;
  const s0 = input.s0 / MWH;
  const surcharge = e.chargeSurcharge * MWH;
  const outCost = (e.wearCost + e.fuelPrice * fuelPerOutput) * MWH;
  for (let t = 0; t < T; t++) {
    const c0 = t * B;
    const [pin, f, pout, w, en] = [c0, c0 + 1, c0 + 2, c0 + 3, c0 + 4];
    const p = input.prices[t] * MWH;
    colUpper[pin] = e.chargeMax / MW;
    colUpper[f] = Infinity;
    colUpper[pout] = e.dischargeMax / MW;
    colUpper[w] = Infinity;
    colLower[en] = eMin;
    colUpper[en] = eMax;
    colCost[pin] = -(p + surcharge) * dt;
    colCost[pout] = (p - outCost) * dt;
    const r0 = t * stepRows;
    // balance: e_t − ρ e_{t−1} − ρΔt f + ρΔt w = (t = 0: ρ s0)
    A.add(r0, en, 1);
    if (t > 0) A.add(r0, en - B, -rho);
    A.add(r0, f, -rho * dt);
    A.add(r0, w, rho * dt);
    rowLower[r0] = rowUpper[r0] = t === 0 ? rho * s0 : 0;
    // planes: f − b·e_{t−1} − c·Pin ≤ a (a, b·E and c scaled to MW with e in MWh)
    for (let k = 0; k < Kc; k++) {
      const q = fill[k];
      const row = r0 + 1 + k;
      A.add(row, f, 1);
      A.add(row, pin, -q.c);
      const bScaled = (q.b * MWH) / MW;
      if (t > 0) A.add(row, en - B, -bScaled);
      rowLower[row] = -Infinity;
      rowUpper[row] = q.a / MW + (t === 0 ? bScaled * s0 : 0);
    }
    for (let k = 0; k < Kd; k++) {
      const q = withdrawal[k];
      const row = r0 + 1 + Kc + k;
      A.add(row, w, 1);
      A.add(row, pout, -q.c);
      const bScaled = (q.b * MWH) / MW;
      if (t > 0) A.add(row, en - B, -bScaled);
      rowLower[row] = q.a / MW + (t === 0 ? bScaled * s0 : 0);
      rowUpper[row] = Infinity;
    }
    if (limit !== undefined) A.add(dayRow[t], w, dt);
    if (t === T - 1 && input.endMin !== undefined) colLower[en] = Math.max(eMin, Math.min(eMax, input.endMin / MWH));
  }
  if (limit !== undefined) {
    const perDay = (limit * (e.socMax - e.socMin) * m.capacity) / MWH;
    for (let d = 0; d < days; d++) {
      rowLower[T * stepRows + d] = -Infinity;
      rowUpper[T * stepRows + d] = perDay;
    }
  }
  const csc = A.toCsc(numRows, numCols);
  const highs = await highsRuntime();
  const model = highs.createModel({
    numCols,
    numRows,
    sense: highs.constants.objectiveSense.maximize,
    colCost,
    colLower,
    colUpper,
    rowLower,
    rowUpper,
    matrix: { format: 'csc', numRows, numCols, starts: csc.starts, indices: csc.indices, values: csc.values },
  });
  try {
    model.options.set({ output_flag: false });
    const run = runWithPresolveFallback(model);
    const status = modelStatusName(highs, run.modelStatus);
    if (status !== 'optimal') return failed(`the bound's LP ended with status "${status}"`, 0);
    return solved({ value: model.getObjectiveValue(), seconds: (performance.now() - t0) / 1000, method: 'highs', slack: 0 }, 0);
  } finally {
    model.dispose();
  }
}

/**
 * HiGHS's presolve stops with an error (status -1) on the bound LP of some plants (the Energy Dome layout of
 * examples/plants: its simplex without presolve finds the optimum); the same LP is then solved without it.
 */
function runWithPresolveFallback(model: { options: { set(o: Record<string, unknown>): void }; run(): { modelStatus: number } }): { modelStatus: number } {
  try {
    return model.run();
  } catch (e) {
    if (!(e instanceof Error && /status -1/.test(e.message))) throw e;
    model.options.set({ presolve: 'off' });
    return model.run();
  }
}
