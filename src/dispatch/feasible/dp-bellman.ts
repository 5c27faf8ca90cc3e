/**
 * One Bellman step of the DP at a true state (not a grid state), and the jump nodes it propagates (dp-nodes.ts).
 *
 * `bellmanValue` takes exactly the moves the tabulated backward pass takes from a grid state (dp.ts buildTables:
 * idle; charge at each power level or to the top; discharge at each level or to the bottom; on the last step of a
 * horizon with an end condition, charge to exactly the end, dp-frontier.ts addEndReach), with the same rewards, start
 * terms and layers (dp-backward.ts), from any state s. `stepNodes` finds where a move of fixed power from step t
 * lands on a node of step t+1 and values each such state on both sides with it.
 */
import type { DpLayers } from './dp-backward.js';
import { CHARGE, DISCHARGE, type DpHorizon, type DpTables, type StepRule, type stepRules } from './dp.js';
import { endTarget } from './dp-frontier.js';
import { layerValue, packNodes, type StepNodes } from './dp-nodes.js';
import { chargeStep, dischargeStep, powerToReach, type StepOutcome } from './step.js';

/** What a backward pass shares with its Bellman steps at true states. */
export interface BellmanContext {
  readonly tb: DpTables;
  readonly hz: DpHorizon;
  readonly layers: DpLayers;
  readonly T: number;
  readonly V: Float64Array;
  readonly nodes: (StepNodes | undefined)[];
  readonly rules: ReturnType<typeof stepRules>;
  /** Value of a shortfall at the end beyond the linear penalty (the jump at endMin), money. */
  readonly endJump: number;
  /** Jumps smaller than this are left to the grid, money. */
  readonly jumpTolerance: number;
}

/** Where the moves of layer L at step t land, how a charge and a discharge run from it, and what their starts cost. */
interface LayerMoves {
  readonly idle: number;
  readonly charge: number;
  readonly chargeRule: StepRule;
  readonly chargeStart: number;
  /** −1: no discharge may start (the day's start limit). */
  readonly discharge: number;
  readonly dischargeRule: StepRule;
  readonly dischargeStart: number;
}

function layerMoves(cx: BellmanContext, t: number, L: number): LayerMoves {
  const { M, C } = cx.layers;
  const { run, start } = cx.rules;
  if (M === 1) return { idle: 0, charge: 0, chargeRule: run, chargeStart: 0, discharge: 0, dischargeRule: run, dischargeStart: 0 };
  const e = cx.tb.envelope;
  const m = Math.floor(L / C);
  const c = L % C;
  const newDay = t + 1 < cx.T && cx.hz.dayNumbers[t + 1] !== cx.hz.dayNumbers[t];
  const cn = newDay ? 0 : c;
  const cs = newDay ? 0 : Math.min(c + 1, C - 1);
  const canStart = C === 1 || c < C - 1;
  return {
    idle: cn,
    charge: C + cn,
    chargeRule: m === CHARGE ? run : start.charge,
    chargeStart: m === CHARGE ? 0 : e.startCost.charge,
    discharge: m === DISCHARGE ? 2 * C + cn : canStart ? 2 * C + cs : -1,
    dischargeRule: m === DISCHARGE ? run : start.discharge,
    dischargeStart: m === DISCHARGE ? 0 : e.startCost.discharge,
  };
}

const o: StepOutcome = { x: 0, rate: 0, fuel: 0 };
const at = { j: 0, w: 0 };

/** V_t(s) in layer L: the best of the backward pass's moves from the true state s, valued with V_{t+1} and its nodes. */
export function bellmanValue(cx: BellmanContext, t: number, L: number, s: number): number {
  const { tb, hz, layers, V } = cx;
  const e = tb.envelope;
  const N = tb.N;
  const S = layers.M * layers.C;
  const nd = cx.nodes[t + 1];
  const later = (L2: number, x: number) => layerValue(tb, V, ((t + 1) * S + L2) * N, nd, L2, x, at);
  const p = hz.prices[t];
  const mu = hz.withdrawalPenalty ? hz.withdrawalPenalty[t] : 0;
  const mv = layerMoves(cx, t, L);
  let best = later(mv.idle, s * cx.rules.run.decay);
  const rc = mv.chargeRule;
  const sc = rc.from(s);
  const charged = (P: number) => {
    const bought = P * rc.seconds + rc.energy;
    const v = -p * bought - e.chargeSurcharge * bought - mv.chargeStart + later(mv.charge, rc.next(o.x * rc.decay));
    if (v > best) best = v;
  };
  for (const P of tb.chargeLevels) if (chargeStep(e, sc, P, rc.seconds, o) && o.x <= tb.sHi && o.x <= e.maps.capacity) charged(P);
  const up = powerToReach(e, 'charge', sc, tb.sHi, rc.seconds, o);
  if (up === up) charged(up);
  if (t === cx.T - 1 && hz.endMin !== undefined) {
    const P = powerToReach(e, 'charge', sc, endTarget(hz.endMin, rc.decay, e.maps.capacity), rc.seconds, o);
    if (P === P && o.x <= tb.sHi && o.x <= e.maps.capacity) charged(P);
  }
  if (mv.discharge < 0) return best;
  const rd = mv.dischargeRule;
  const sd = rd.from(s);
  const discharged = (P: number) => {
    const sold = P * rd.seconds;
    const bought = rd.energy;
    const v =
      p * (sold - bought) -
      (e.chargeSurcharge * bought + e.wearCost * sold + e.fuelPrice * o.fuel * rd.seconds) -
      mu * o.rate * rd.seconds -
      mv.dischargeStart +
      later(mv.discharge, rd.next(o.x * rd.decay));
    if (v > best) best = v;
  };
  for (const P of tb.dischargeLevels) if (dischargeStep(e, sd, P, rd.seconds, o) && o.x >= tb.sLo && o.x >= 0) discharged(P);
  const down = powerToReach(e, 'discharge', sd, tb.sLo, rd.seconds, o);
  if (down === down) discharged(down);
  return best;
}

/** Most nodes a layer keeps per step (the largest jumps). */
const MAX_NODES = 16;

/**
 * The nodes of step t: where a move of fixed power lands on a node of step t+1, valued on both sides (V(z−) at
 * z − δ, V(z+) at z + δ, δ = 1e-12 of the capacity), kept where the two differ by more than the tolerance and at least
 * one side meets the end. Undefined when there are none.
 */
export function stepNodes(cx: BellmanContext, t: number): StepNodes | undefined {
  const next = cx.nodes[t + 1];
  if (next === undefined) return undefined;
  const { tb, layers } = cx;
  const e = tb.envelope;
  const S = layers.M * layers.C;
  const cap = e.maps.capacity;
  const delta = 1e-12 * cap;
  const lists: { z: number; vl: number; vr: number }[][] = [];
  let total = 0;
  for (let L = 0; L < S; L++) {
    const mv = layerMoves(cx, t, L);
    const found: number[] = [];
    const targets = (L2: number) => next.z.subarray(next.layerOff[L2], next.layerOff[L2 + 1]);
    for (const z of targets(mv.idle)) found.push(z / cx.rules.run.decay);
    const rc = mv.chargeRule;
    for (const P of tb.chargeLevels) {
      const land = (s: number) => (chargeStep(e, rc.from(s), P, rc.seconds, o) ? rc.next(o.x * rc.decay) : NaN);
      for (const z of targets(mv.charge)) found.push(preimage(land, z, tb.sLo, tb.sHi, cap));
    }
    if (mv.discharge >= 0) {
      const rd = mv.dischargeRule;
      for (const P of tb.dischargeLevels) {
        const land = (s: number) => (dischargeStep(e, rd.from(s), P, rd.seconds, o) ? rd.next(o.x * rd.decay) : NaN);
        for (const z of targets(mv.discharge)) found.push(preimage(land, z, tb.sLo, tb.sHi, cap));
      }
    }
    // no landing on a node (NaN) is no candidate; the rest in order
    const inRange = found.filter((z) => z - delta > tb.sLo && z + delta < tb.sHi).sort((a, b) => a - b);
    const kept: { z: number; vl: number; vr: number; jump: number }[] = [];
    let last = -Infinity;
    for (const z of inRange) {
      if (z - last < 4 * delta) continue;
      last = z;
      const vl = bellmanValue(cx, t, L, z - delta);
      const vr = bellmanValue(cx, t, L, z + delta);
      const jump = Math.abs(vr - vl);
      const misses = -0.5 * cx.endJump;
      if (jump > cx.jumpTolerance && (vl > misses || vr > misses)) kept.push({ z, vl, vr, jump });
    }
    if (kept.length > MAX_NODES) {
      kept.sort((a, b) => b.jump - a.jump);
      kept.length = MAX_NODES;
      kept.sort((a, b) => a.z - b.z);
    }
    lists.push(kept);
    total += kept.length;
  }
  return total === 0 ? undefined : packNodes(lists);
}

/**
 * The state in [lo, hi] a move lands from at `target` (its landing is non-decreasing in the state), NaN when no
 * state in range does: regula falsi with the Illinois halving on the bracket, to 1e-14 of the capacity in the landing
 * (the moves are piecewise linear in the state: a few iterations).
 */
export function preimage(land: (s: number) => number, target: number, lo: number, hi: number, cap: number): number {
  let a = lo;
  let b = hi;
  let ga = land(a) - target;
  let gb = land(b) - target;
  if (!(ga < 0 && gb >= 0)) return NaN;
  const tol = 1e-14 * cap;
  let side = 0;
  for (let k = 0; k < 200; k++) {
    let x = a - (ga * (b - a)) / (gb - ga);
    if (!(x > a && x < b)) x = 0.5 * (a + b);
    const g = land(x) - target;
    if (!(g === g)) return NaN;
    if (Math.abs(g) <= tol) return x;
    if (g > 0) {
      b = x;
      gb = g;
      if (side === 1) ga *= 0.5;
      side = 1;
    } else {
      a = x;
      ga = g;
      if (side === -1) gb *= 0.5;
      side = -1;
    }
    if (b - a <= 1e-15 * cap) return b;
  }
  return b;
}
