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
import { stepRules } from './dp.js';
import { bellmanScratch, type BellmanContext } from './dp-bellman.js';
import { stepNodes } from './dp-node-search.js';
import { addEndReach } from './dp-frontier.js';
import { cellValue, clearFirst, fillFirst, gridState, layerValue, packNodes, type StepNodes } from './dp-nodes.js';
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

/** The value function at [((t·M·C) + layer)·N + i], with the jump nodes of each step (dp-nodes.ts; none: undefined). */
export interface DpValues {
  readonly V: Float64Array;
  readonly nodes: readonly (StepNodes | undefined)[];
}


/** V_t at a true state s in layer (m, c) (linear between grid states and the step's nodes; clamped at the ends). */
export function valueAt(tb: DpTables, values: DpValues, t: number, layers: DpLayers, m: number, c: number, s: number): number {
  const L = layers.M === 1 ? 0 : m * layers.C + Math.min(c, layers.C - 1);
  return layerValue(tb, values.V, (t * layers.M * layers.C + L) * tb.N, values.nodes[t], L, s);
}

/** Best value of each mode's actions of a table from state i, each landing in its own next layer (−1: skip). */
function bestOf(tb: DpTables, a: ActionTable, i: number, V: Float64Array, next: number, p: number, mu: number, layerOf: Int32Array, nd: StepNodes | undefined, first: Int32Array, out: Float64Array): void {
  const N = tb.N;
  out[0] = out[1] = out[2] = -Infinity;
  const { off, mode, j: J, w: W, grid, cost, withdrawn } = a;
  for (let k = off[i], end = off[i + 1]; k < end; k++) {
    const md = mode[k];
    const L = layerOf[md];
    if (L < 0) continue;
    const j = J[k];
    const jj = next + L * N + j;
    const v0 = V[jj];
    const f = nd === undefined ? -1 : first[L * N + j];
    const later = f < 0 ? v0 + W[k] * (V[jj + 1] - v0) : cellValue(tb, nd!, f, nd!.layerOff[L + 1], j, tb.sLo + (j + W[k]) * tb.h, v0, V[jj + 1]);
    const v = p * grid[k] - cost[k] - mu * withdrawn[k] + later;
    if (v > out[md]) out[md] = v;
  }
}

/**
 * The end condition at step T: 0 from endMin up; below it a jump (`endJump`, more than any schedule earns) and a
 * shortfall penalty that ranks the states that cannot meet it. Both scale with the dearest price of the horizon.
 */
function endValues(tb: DpTables, hz: DpHorizon, S: number, T: number, V: Float64Array): { endJump: number; jumpTolerance: number } {
  const e = tb.envelope;
  const N = tb.N;
  let pMax = 0;
  for (const p of hz.prices) pMax = Math.max(pMax, Math.abs(p));
  const scale = pMax * e.maps.capacity + 1;
  const endJump = 1e3 * scale;
  if (hz.endMin !== undefined) {
    const big = endJump / e.maps.capacity;
    for (let i = 0; i < N; i++) {
      const g = gridState(tb, i);
      const v = g >= hz.endMin ? 0 : -endJump - big * (hz.endMin - g);
      for (let L = 0; L < S; L++) V[(T * S + L) * N + i] = v;
    }
  }
  return { endJump, jumpTolerance: 1e-9 * scale };
}

/** The end's own node (every layer), where endMin lies inside the range: below the range's bottom every state meets it. */
function endNodes(tb: DpTables, hz: DpHorizon, S: number, endJump: number): StepNodes | undefined {
  const f = hz.endMin;
  if (f === undefined || !(f > tb.sLo && f <= tb.sHi)) return undefined;
  return packNodes(Array.from({ length: S }, () => [{ z: f, vl: -endJump, vr: 0 }]));
}

/**
 * The step rules with a side's start the same object as a continuing run where it runs the same (no start-up time or
 * energy on that side): the Bellman step at true states then computes those moves once for every layer.
 */
function sharedRules(r: ReturnType<typeof stepRules>, e: OperatingEnvelope): ReturnType<typeof stepRules> {
  const same = (side: 'charge' | 'discharge') => e.startUp[side].seconds === 0 && e.startUp[side].energy === 0;
  return { run: r.run, start: { charge: same('charge') ? r.run : r.start.charge, discharge: same('discharge') ? r.run : r.start.discharge } };
}

/**
 * Backward pass over a horizon of T steps: V at [((t·M·C) + layer)·N + i], and the nodes of each step (propagated
 * from the end's, dp-node-search.ts stepNodes) by which V jumps between grid states.
 */
export function backward(tb: DpTables, hz: DpHorizon, layers: DpLayers, T: number): DpValues {
  const { N } = tb;
  const e = tb.envelope;
  const { M, C } = layers;
  const S = M * C;
  const V = new Float64Array((T + 1) * S * N);
  const { endJump, jumpTolerance } = endValues(tb, hz, S, T, V);
  const nodes: (StepNodes | undefined)[] = new Array(T + 1).fill(undefined);
  nodes[T] = endNodes(tb, hz, S, endJump);
  const cx: BellmanContext = { tb, hz, layers, T, V, nodes, rules: sharedRules(stepRules(e, tb.dt), e), endJump, jumpTolerance, scratch: bellmanScratch(tb) };
  const first = new Int32Array(S * N).fill(-1);
  // each step: the nodes of t+1 marked on their grid cells, the grid states of t valued, the nodes of t found
  const step = (t: number, values: () => void) => {
    const nd = nodes[t + 1];
    if (nd) fillFirst(tb, nd, S, first);
    values();
    if (t === T - 1) addEndReach(tb, hz, layers, V, T, (m, c, s) => valueAt(tb, { V, nodes }, T, layers, m, c, s));
    if (nd) {
      nodes[t] = stepNodes(cx, t);
      clearFirst(tb, nd, S, first);
    }
  };
  if (M === 1) {
    for (let t = T - 1; t >= 0; t--) step(t, () => backwardPlainStep(tb, hz, V, t, nodes[t + 1], first));
    return { V, nodes };
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
    const nd = nodes[t + 1];
    step(t, () => {
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
          bestOf(tb, tb, i, V, next, p, mu, layerCont, nd, first, cont);
          if (reuse) {
            start[1] = cont[1];
            start[2] = cont[2];
          } else {
            bestOf(tb, tb.start, i, V, next, p, mu, layerStart, nd, first, start);
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
    });
  }
  return { V, nodes };
}

/** A step of the backward pass without start terms or limits: one value layer, one running maximum per state. */
function backwardPlainStep(tb: DpTables, hz: DpHorizon, V: Float64Array, t: number, nd: StepNodes | undefined, first: Int32Array): void {
  const { N, off, j: J, w: W, grid, cost, withdrawn } = tb;
  const p = hz.prices[t];
  const mu = hz.withdrawalPenalty ? hz.withdrawalPenalty[t] : 0;
  const next = (t + 1) * N;
  const here = t * N;
  for (let i = 0; i < N; i++) {
    let b = -Infinity;
    const end = off[i + 1];
    for (let k = off[i]; k < end; k++) {
      const j = J[k];
      const jj = next + j;
      const v0 = V[jj];
      const f = nd === undefined ? -1 : first[j];
      const later = f < 0 ? v0 + W[k] * (V[jj + 1] - v0) : cellValue(tb, nd!, f, nd!.layerOff[1], j, tb.sLo + (j + W[k]) * tb.h, v0, V[jj + 1]);
      const v = p * grid[k] - cost[k] - mu * withdrawn[k] + later;
      if (v > b) b = v;
    }
    V[here + i] = b;
  }
}
