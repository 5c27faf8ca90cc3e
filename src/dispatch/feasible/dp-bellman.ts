/**
 * One Bellman step of the DP at a true state (not a grid state).
 *
 * `bellmanLayers` takes exactly the moves the tabulated backward pass takes from a grid state (dp.ts buildTables:
 * idle; charge at each power level or to the top; discharge at each level or to the bottom; on the last step of a
 * horizon with an end condition, charge to exactly the end, dp-frontier.ts addEndReach), with the same rewards, start
 * terms and layers (dp-backward.ts), from any state s, for every layer at once (dp-node-search.ts values the
 * candidate nodes with it).
 */
import type { DpLayers } from './dp-backward.js';
import { CHARGE, DISCHARGE, type DpHorizon, type DpTables, type StepRule, type stepRules } from './dp.js';
import { endTarget } from './dp-frontier.js';
import { layerValue, type StepNodes } from './dp-nodes.js';
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
export interface LayerMoves {
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

/** Where the last step computed by the maps left the store (shared scratch: nothing here is re-entrant). */
export const o: StepOutcome = { x: 0, rate: 0, fuel: 0 };

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
  // a start that runs as a continuing run is the same object (dp-backward.ts sharedRules): its moves are those
  if (rules.start.charge !== rules.run) chargeMoves(cx, t, rules.start.charge, s, sc.startCharge);
  if (rules.start.discharge !== rules.run) dischargeMoves(cx, t, rules.start.discharge, s, sc.startDischarge);
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
