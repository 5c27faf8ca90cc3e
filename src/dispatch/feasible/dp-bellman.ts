/**
 * One Bellman step of the DP at a true state (not a grid state), and the jump nodes it propagates (dp-nodes.ts).
 *
 * `bellmanLayers` takes exactly the moves the tabulated backward pass takes from a grid state (dp.ts buildTables:
 * idle; charge at each power level or to the top; discharge at each level or to the bottom; on the last step of a
 * horizon with an end condition, charge to exactly the end, dp-frontier.ts addEndReach), with the same rewards, start
 * terms and layers (dp-backward.ts), from any state s, for every layer at once. `stepNodes` finds where a move of
 * fixed power from step t lands on a node of step t+1 and values each such state on both sides with it.
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
  readonly scratch: BellmanScratch;
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

/** The moves of one side under one rule from a state: where each lands and what it earns (start cost excluded). */
interface SideMoves {
  n: number;
  readonly land: Float64Array;
  readonly reward: Float64Array;
}

function sideMoves(levels: number): SideMoves {
  return { n: 0, land: new Float64Array(levels + 2), reward: new Float64Array(levels + 2) };
}

/** Scratch for the Bellman step at true states (allocated once per backward pass). */
export interface BellmanScratch {
  readonly runCharge: SideMoves;
  readonly runDischarge: SideMoves;
  readonly startCharge: SideMoves;
  readonly startDischarge: SideMoves;
}

export function bellmanScratch(tb: DpTables): BellmanScratch {
  const c = tb.chargeLevels.length;
  const d = tb.dischargeLevels.length;
  return { runCharge: sideMoves(c), runDischarge: sideMoves(d), startCharge: sideMoves(c), startDischarge: sideMoves(d) };
}

/** Charging from s under a rule: each power level, to the top, and on the end's step to exactly the end. */
function chargeMoves(cx: BellmanContext, t: number, rule: StepRule, s: number, out: SideMoves): void {
  const { tb, hz } = cx;
  const e = tb.envelope;
  const cap = e.maps.capacity;
  const p = hz.prices[t];
  const from = rule.from(s);
  out.n = 0;
  const levels = tb.chargeLevels;
  for (let k = 0; k <= levels.length + 1; k++) {
    let P: number;
    if (k < levels.length) {
      P = levels[k];
      if (!(chargeStep(e, from, P, rule.seconds, o) && o.x <= tb.sHi && o.x <= cap)) continue;
    } else if (k === levels.length) {
      P = powerToReach(e, 'charge', from, tb.sHi, rule.seconds, o);
      if (!(P === P)) continue;
    } else {
      if (!(t === cx.T - 1 && hz.endMin !== undefined)) continue;
      P = powerToReach(e, 'charge', from, endTarget(hz.endMin, rule.decay, cap), rule.seconds, o);
      if (!(P === P && o.x <= tb.sHi && o.x <= cap)) continue;
    }
    const bought = P * rule.seconds + rule.energy;
    out.reward[out.n] = -p * bought - e.chargeSurcharge * bought;
    out.land[out.n++] = rule.next(o.x * rule.decay);
  }
}

/** Discharging from s under a rule: each power level, and to the bottom. */
function dischargeMoves(cx: BellmanContext, t: number, rule: StepRule, s: number, out: SideMoves): void {
  const { tb, hz } = cx;
  const e = tb.envelope;
  const p = hz.prices[t];
  const mu = hz.withdrawalPenalty ? hz.withdrawalPenalty[t] : 0;
  const from = rule.from(s);
  out.n = 0;
  const levels = tb.dischargeLevels;
  for (let k = 0; k <= levels.length; k++) {
    let P: number;
    if (k < levels.length) {
      P = levels[k];
      if (!(dischargeStep(e, from, P, rule.seconds, o) && o.x >= tb.sLo && o.x >= 0)) continue;
    } else {
      P = powerToReach(e, 'discharge', from, tb.sLo, rule.seconds, o);
      if (!(P === P)) continue;
    }
    const sold = P * rule.seconds;
    const bought = rule.energy;
    out.reward[out.n] = p * (sold - bought) - (e.chargeSurcharge * bought + e.wearCost * sold + e.fuelPrice * o.fuel * rule.seconds) - mu * o.rate * rule.seconds;
    out.land[out.n++] = rule.next(o.x * rule.decay);
  }
}

/** The moves of every layer at step t. */
export function stepMoves(cx: BellmanContext, t: number): LayerMoves[] {
  return Array.from({ length: cx.layers.M * cx.layers.C }, (_, L) => layerMoves(cx, t, L));
}

/**
 * V_t(s) of every layer (out[L]) at the true state s: the best of the backward pass's moves from s, valued with
 * V_{t+1} and its nodes. The moves of each rule are computed once and shared by the layers that take them.
 */
export function bellmanLayers(cx: BellmanContext, t: number, moves: readonly LayerMoves[], s: number, out: Float64Array): void {
  const { tb, layers, V, rules } = cx;
  const N = tb.N;
  const S = layers.M * layers.C;
  const nd = cx.nodes[t + 1];
  const sc = cx.scratch;
  chargeMoves(cx, t, rules.run, s, sc.runCharge);
  dischargeMoves(cx, t, rules.run, s, sc.runDischarge);
  if (layers.M === 3) {
    chargeMoves(cx, t, rules.start.charge, s, sc.startCharge);
    dischargeMoves(cx, t, rules.start.discharge, s, sc.startDischarge);
  }
  const base = (t + 1) * S;
  for (let L = 0; L < S; L++) {
    const mv = moves[L];
    let best = layerValue(tb, V, (base + mv.idle) * N, nd, mv.idle, s * rules.run.decay);
    const ch = mv.chargeRule === rules.run ? sc.runCharge : sc.startCharge;
    for (let k = 0; k < ch.n; k++) {
      const v = ch.reward[k] - mv.chargeStart + layerValue(tb, V, (base + mv.charge) * N, nd, mv.charge, ch.land[k]);
      if (v > best) best = v;
    }
    if (mv.discharge >= 0) {
      const di = mv.dischargeRule === rules.run ? sc.runDischarge : sc.startDischarge;
      for (let k = 0; k < di.n; k++) {
        const v = di.reward[k] - mv.dischargeStart + layerValue(tb, V, (base + mv.discharge) * N, nd, mv.discharge, di.land[k]);
        if (v > best) best = v;
      }
    }
    out[L] = best;
  }
}

/** Most nodes a layer keeps per step (the largest jumps). */
const MAX_NODES = 16;

/** A state where a move of fixed power lands on a node of the next step, and what that move earns on the node's higher side. */
interface Candidate {
  readonly z: number;
  /** The move's reward from z (its start cost excluded), money. */
  readonly reward: number;
  /** Which layers take the move: its rule (run or start, undefined: idle), side and the layer it lands in. */
  readonly rule: StepRule | undefined;
  readonly charge: boolean;
  readonly landsIn: number;
  /** The node's higher limit and its side (true: V(z+) ≥ V(z−)). */
  readonly high: number;
  readonly highRight: boolean;
}

/**
 * The nodes of step t: where a move of fixed power lands on a node of step t+1, valued on both sides (V(z−) at
 * z − δ, V(z+) at z + δ, δ = 1e-12 of the capacity) in every layer, kept in a layer where its two sides differ by
 * more than the tolerance and at least one of them meets the end. Undefined when there are none.
 * A candidate's move jumps by its node's jump; V_t jumps with it only where the move is the best on the node's higher
 * side (below, its value is lower still). So each candidate is first valued on that side alone and dropped when its
 * move is not the best there — most are, and that halves the work.
 */
export function stepNodes(cx: BellmanContext, t: number): StepNodes | undefined {
  const next = cx.nodes[t + 1];
  if (next === undefined) return undefined;
  const { tb, hz, layers, rules } = cx;
  const e = tb.envelope;
  const S = layers.M * layers.C;
  const cap = e.maps.capacity;
  const delta = 1e-12 * cap;
  const p = hz.prices[t];
  const mu = hz.withdrawalPenalty ? hz.withdrawalPenalty[t] : 0;
  const moves = stepMoves(cx, t);
  const found: Candidate[] = [];
  const inRange = (z: number) => z - delta > tb.sLo && z + delta < tb.sHi;
  const onNodes = (L2: number, each: (z: number, high: number, highRight: boolean) => void) => {
    for (let k = next.layerOff[L2]; k < next.layerOff[L2 + 1]; k++) each(next.z[k], Math.max(next.vl[k], next.vr[k]), next.vr[k] >= next.vl[k]);
  };
  // each (rule, side, layer landed in) once, whichever layers take it
  const seen = new Set<string>();
  const side = (rule: StepRule, charge: boolean, L2: number) => {
    const key = `${rule === rules.run ? 'run' : 'start'} ${charge} ${L2}`;
    if (seen.has(key)) return;
    seen.add(key);
    const step = charge ? chargeStep : dischargeStep;
    for (const P of charge ? tb.chargeLevels : tb.dischargeLevels) {
      const land = (s: number) => (step(e, rule.from(s), P, rule.seconds, o) ? rule.next(o.x * rule.decay) : NaN);
      onNodes(L2, (zn, high, highRight) => {
        const z = preimage(land, zn, tb.sLo, tb.sHi, cap);
        if (!inRange(z) || !step(e, rule.from(z), P, rule.seconds, o)) return;
        const sold = charge ? 0 : P * rule.seconds;
        const bought = charge ? P * rule.seconds + rule.energy : rule.energy;
        const reward = charge
          ? -p * bought - e.chargeSurcharge * bought
          : p * (sold - bought) - (e.chargeSurcharge * bought + e.wearCost * sold + e.fuelPrice * o.fuel * rule.seconds) - mu * o.rate * rule.seconds;
        found.push({ z, reward, rule, charge, landsIn: L2, high, highRight });
      });
    }
  };
  for (const mv of moves) {
    if (!seen.has(`idle ${mv.idle}`)) {
      seen.add(`idle ${mv.idle}`);
      onNodes(mv.idle, (zn, high, highRight) => {
        const z = zn / rules.run.decay;
        if (inRange(z)) found.push({ z, reward: 0, rule: undefined, charge: false, landsIn: mv.idle, high, highRight });
      });
    }
    side(mv.chargeRule, true, mv.charge);
    if (mv.discharge >= 0) side(mv.dischargeRule, false, mv.discharge);
  }
  found.sort((a, b) => a.z - b.z);
  const lists: { z: number; vl: number; vr: number; jump: number }[][] = Array.from({ length: S }, () => []);
  const left = new Float64Array(S);
  const right = new Float64Array(S);
  const misses = -0.5 * cx.endJump;
  const screen = 1e3 * cx.jumpTolerance;
  // the start cost a layer pays for a candidate's move, NaN when the layer does not take it
  const startCost = (c: Candidate, mv: LayerMoves) =>
    c.rule === undefined
      ? mv.idle === c.landsIn ? 0 : NaN
      : c.charge
        ? mv.chargeRule === c.rule && mv.charge === c.landsIn ? mv.chargeStart : NaN
        : mv.discharge >= 0 && mv.dischargeRule === c.rule && mv.discharge === c.landsIn ? mv.dischargeStart : NaN;
  for (let a = 0; a < found.length; ) {
    // candidates closer than 4δ are one state
    let b = a + 1;
    while (b < found.length && found[b].z - found[a].z < 4 * delta) b++;
    const z = found[a].z;
    let haveLeft = false;
    let haveRight = false;
    let best = false;
    for (let k = a; k < b && !best; k++) {
      const c = found[k];
      const values = c.highRight ? right : left;
      if (c.highRight && !haveRight) {
        bellmanLayers(cx, t, moves, z + delta, right);
        haveRight = true;
      } else if (!c.highRight && !haveLeft) {
        bellmanLayers(cx, t, moves, z - delta, left);
        haveLeft = true;
      }
      for (let L = 0; L < S && !best; L++) {
        const cost = startCost(c, moves[L]);
        if (cost === cost && c.reward - cost + c.high >= values[L] - screen) best = true;
      }
    }
    if (best) {
      if (!haveLeft) bellmanLayers(cx, t, moves, z - delta, left);
      if (!haveRight) bellmanLayers(cx, t, moves, z + delta, right);
      for (let L = 0; L < S; L++) {
        const vl = left[L];
        const vr = right[L];
        const jump = Math.abs(vr - vl);
        if (jump > cx.jumpTolerance && (vl > misses || vr > misses)) lists[L].push({ z, vl, vr, jump });
      }
    }
    a = b;
  }
  for (const kept of lists) {
    if (kept.length <= MAX_NODES) continue;
    kept.sort((a, b) => b.jump - a.jump);
    kept.length = MAX_NODES;
    kept.sort((a, b) => a.z - b.z);
  }
  return packNodes(lists);
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
