/**
 * The DP's backward pass: the value of every grid state at every step, in layers of what the next step's choice
 * depends on besides the state — the mode before the step (when a start costs money or time or energy) and the
 * discharges started so far today (when a daily start limit is set: the count resets at each local midnight).
 * Layer (m, c) = m·C + c, m ∈ {idle, charging, discharging} (M = 3) or a single layer (M = 1), c ∈ 0 … limit.
 *   V_t(g, m, c) = max over a of [ reward(a) − start(m → mode a) + V_{t+1}(s'(a), mode a, c') ]
 * where an action that starts a run (mode a ≠ m, not idle) moves the store by the start transitions (dp.ts
 * StepRule), a discharge start is allowed only while c < limit and makes c' = c + 1, and c' = 0 on a new day.
 */
import type { DpHorizon, DpTables, ActionTable } from './dp.js';
import { addEndReach, endFrontier, frontierCellValue, type DpFrontier } from './dp-frontier.js';
import type { OperatingEnvelope } from './envelope.js';
import { hasStartUp } from './replay-startup.js';

/** The layers a value function carries: modes M (1 or 3) × starts-today counts C (1, or the limit + 1). */
export interface DpLayers {
  readonly M: number;
  readonly C: number;
}

export function dpLayers(e: OperatingEnvelope): DpLayers {
  const limit = e.dailyStartLimit;
  const M = e.startCost.charge > 0 || e.startCost.discharge > 0 || hasStartUp(e) || limit !== undefined ? 3 : 1;
  return { M, C: limit === undefined ? 1 : limit + 1 };
}

/** The value function at [((t·M·C) + layer)·N + i], with the end condition's frontier (dp-frontier.ts) if any. */
export interface DpValues {
  readonly V: Float64Array;
  readonly frontier: DpFrontier | undefined;
}

/** V_t at a true state s in layer (m, c) (linear between grid states and the frontier; clamped at the ends). */
export function valueAt(tb: DpTables, values: DpValues, t: number, layers: DpLayers, m: number, c: number, s: number): number {
  const { V, frontier } = values;
  const u = (s - tb.sLo) / tb.h;
  let j = Math.floor(u);
  let w = u - j;
  if (j < 0) [j, w] = [0, 0];
  if (j >= tb.N - 1) [j, w] = [tb.N - 2, 1];
  const L = layers.M === 1 ? 0 : m * layers.C + Math.min(c, layers.C - 1);
  const base = (t * layers.M * layers.C + L) * tb.N + j;
  const f = t * layers.M * layers.C + L;
  if (frontier && frontier.cell[f] === j) return frontierCellValue(tb, j, tb.sLo + (j + w) * tb.h, frontier.s[f], frontier.value[f], V[base], V[base + 1]);
  return V[base] + w * (V[base + 1] - V[base]);
}

/** The frontier's cell (−1: none), state and value of each layer at one step, for the inner loops. */
interface StepFrontier {
  readonly cell: Int32Array;
  readonly s: Float64Array;
  readonly value: Float64Array;
}

function stepFrontier(frontier: DpFrontier | undefined, t: number, S: number, out: StepFrontier): StepFrontier {
  for (let L = 0; L < S; L++) {
    out.cell[L] = frontier ? frontier.cell[t * S + L] : -1;
    out.s[L] = frontier ? frontier.s[t * S + L] : NaN;
    out.value[L] = frontier ? frontier.value[t * S + L] : 0;
  }
  return out;
}

/** Best value of each mode's actions of a table from state i, each landing in its own next layer (−1: skip). */
function bestOf(tb: DpTables, a: ActionTable, i: number, V: Float64Array, next: number, p: number, mu: number, layerOf: Int32Array, fr: StepFrontier, out: Float64Array): void {
  const N = tb.N;
  out[0] = out[1] = out[2] = -Infinity;
  const { off, mode, j: J, w: W, grid, cost, withdrawn } = a;
  for (let k = off[i], end = off[i + 1]; k < end; k++) {
    const md = mode[k];
    const L = layerOf[md];
    if (L < 0) continue;
    const jj = next + L * N + J[k];
    const v0 = V[jj];
    const later = J[k] === fr.cell[L] ? frontierCellValue(tb, J[k], tb.sLo + (J[k] + W[k]) * tb.h, fr.s[L], fr.value[L], v0, V[jj + 1]) : v0 + W[k] * (V[jj + 1] - v0);
    const v = p * grid[k] - cost[k] - mu * withdrawn[k] + later;
    if (v > out[md]) out[md] = v;
  }
}

/** Backward pass over a horizon of T steps: V at [((t·M·C) + layer)·N + i]. */
export function backward(tb: DpTables, hz: DpHorizon, layers: DpLayers, T: number): DpValues {
  const { N } = tb;
  const e = tb.envelope;
  const { M, C } = layers;
  const S = M * C;
  const V = new Float64Array((T + 1) * S * N);
  if (hz.endMin !== undefined) {
    // a shortfall at the end costs far more than any schedule earns: the end condition, kept linear between states
    let pMax = 0;
    for (const p of hz.prices) pMax = Math.max(pMax, Math.abs(p));
    const big = (1e3 * (pMax * e.maps.capacity + 1)) / e.maps.capacity;
    for (let i = 0; i < N; i++) {
      const g = i === N - 1 ? tb.sHi : tb.sLo + i * tb.h;
      const v = g >= hz.endMin ? 0 : -big * (hz.endMin - g);
      for (let L = 0; L < S; L++) V[(T * S + L) * N + i] = v;
    }
  }
  const frontier = endFrontier(tb, hz, layers, T);
  const fr: StepFrontier = { cell: new Int32Array(S), s: new Float64Array(S), value: new Float64Array(S) };
  if (M === 1) {
    backwardPlain(tb, hz, V, T, frontier, fr);
    return { V, frontier };
  }
  const sc = e.startCost.charge;
  const sd = e.startCost.discharge;
  const pen = hz.withdrawalPenalty;
  const sameTable = tb.start === tb || (tb.start.off === tb.off && tb.start.j === tb.j);
  const cont = new Float64Array(3);
  const start = new Float64Array(3);
  const layerCont = new Int32Array(3);
  const layerStart = new Int32Array(3);
  for (let t = T - 1; t >= 0; t--) {
    const p = hz.prices[t];
    const mu = pen ? pen[t] : 0;
    const next = (t + 1) * S * N;
    const here = t * S * N;
    const newDay = t + 1 < T && hz.dayNumbers[t + 1] !== hz.dayNumbers[t];
    stepFrontier(frontier, t + 1, S, fr);
    for (let c = 0; c < C; c++) {
      const cn = newDay ? 0 : c;
      // a discharge start counts: allowed while c < limit (the last layer is the limit when one is set)
      const canStart = C === 1 || c < C - 1;
      const cs = newDay ? 0 : Math.min(c + 1, C - 1);
      for (let md = 0; md < 3; md++) layerCont[md] = md * C + cn;
      layerStart[0] = -1;
      layerStart[1] = C + cn;
      layerStart[2] = canStart ? 2 * C + cs : -1;
      const reuse = sameTable && cs === cn && canStart;
      for (let i = 0; i < N; i++) {
        bestOf(tb, tb, i, V, next, p, mu, layerCont, fr, cont);
        if (reuse) {
          start[1] = cont[1];
          start[2] = cont[2];
        } else {
          bestOf(tb, tb.start, i, V, next, p, mu, layerStart, fr, start);
        }
        const idle = cont[0];
        const startC = start[1] - sc;
        const startD = start[2] - sd;
        for (let m = 0; m < 3; m++) {
          const ch = m === 1 ? cont[1] : startC;
          const di = m === 2 ? cont[2] : startD;
          let b = idle > ch ? idle : ch;
          V[here + (m * C + c) * N + i] = b > di ? b : di;
        }
      }
    }
    if (t === T - 1) addEndReach(tb, hz, layers, V, T, (m, c, s) => valueAt(tb, { V, frontier }, T, layers, m, c, s));
  }
  return { V, frontier };
}

/** The backward pass without start terms or limits: one value layer, one running maximum per state. */
function backwardPlain(tb: DpTables, hz: DpHorizon, V: Float64Array, T: number, frontier: DpFrontier | undefined, fr: StepFrontier): void {
  const { N, off, j: J, w: W, grid, cost, withdrawn } = tb;
  const prices = hz.prices;
  const pen = hz.withdrawalPenalty;
  for (let t = T - 1; t >= 0; t--) {
    const p = prices[t];
    const mu = pen ? pen[t] : 0;
    const next = (t + 1) * N;
    const here = t * N;
    const jf = stepFrontier(frontier, t + 1, 1, fr).cell[0];
    for (let i = 0; i < N; i++) {
      let b = -Infinity;
      const end = off[i + 1];
      for (let k = off[i]; k < end; k++) {
        const jj = next + J[k];
        const v0 = V[jj];
        const later = J[k] === jf ? frontierCellValue(tb, jf, tb.sLo + (jf + W[k]) * tb.h, fr.s[0], fr.value[0], v0, V[jj + 1]) : v0 + W[k] * (V[jj + 1] - v0);
        const v = p * grid[k] - cost[k] - mu * withdrawn[k] + later;
        if (v > b) b = v;
      }
      V[here + i] = b;
    }
    if (t === T - 1) addEndReach(tb, hz, { M: 1, C: 1 }, V, T, (_m, _c, s) => valueAt(tb, { V, frontier }, T, { M: 1, C: 1 }, 0, 0, s));
  }
}
