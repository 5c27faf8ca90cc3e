/**
 * The jump nodes of one step of the backward pass (dp-nodes.ts), from those of the next: where a move of fixed power
 * (idle, or a power level of either side) lands on a node of step t+1, each such state valued on both sides by the
 * Bellman step at a true state (dp-bellman.ts).
 */
import { bellmanLayers, o, stepMoves, type BellmanContext, type LayerMoves } from './dp-bellman.js';
import type { StepRule } from './dp.js';
import { packNodes, type StepNodes } from './dp-nodes.js';
import { chargeStep, dischargeStep } from './step.js';

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
