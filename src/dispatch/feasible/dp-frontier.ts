/**
 * The end condition of a DP horizon, valued exactly at its boundary. With `endMin` set, a state at step t can still
 * meet the end only from the frontier f_t upward: f_T = endMin, and f_t is the state from which charging at full
 * power lands exactly on f_{t+1} — the only schedule the frontier allows, so its value is known exactly:
 *   V_t(f_t) = reward(full charge from f_t at p_t) + V_{t+1}(f_{t+1}).
 * The grid's linear interpolation would otherwise draw a chord from a grid state below the frontier (priced by the
 * shortfall penalty) to one above it, and a state that meets the end by a hair would carry a large part of that
 * penalty (dp.test.ts: a 7 h case fell 19 % below brute force). With the frontier as a node of its own, the cell that
 * holds it is interpolated on each side of it instead.
 * A layer's frontier depends on how a full charge runs from it: continuing a charge (layer "charging") or starting
 * one (idle or discharging before: the start-up's time, energy and cost). Where f_t lies at or below the grid's
 * bottom, every state can still meet the end (no frontier); above its top, none can, and the penalty alone ranks them.
 */
import type { DpLayers } from './dp-backward.js';
import type { DpHorizon, DpTables, StepRule } from './dp.js';
import { CHARGE, stepRules } from './dp.js';
import type { OperatingEnvelope } from './envelope.js';
import { chargeStep, powerToReach, type StepOutcome } from './step.js';

/** The frontier of every step and layer: its state, grid cell (−1: none) and value. Index t·S + layer, t ∈ 0 … T. */
export interface DpFrontier {
  readonly s: Float64Array;
  readonly cell: Int32Array;
  readonly value: Float64Array;
}

/** The frontier of a horizon with an end condition, or undefined without one. */
export function endFrontier(tb: DpTables, hz: DpHorizon, layers: DpLayers, T: number): DpFrontier | undefined {
  if (hz.endMin === undefined) return undefined;
  const e = tb.envelope;
  const S = layers.M * layers.C;
  const s = new Float64Array((T + 1) * S).fill(NaN);
  const cell = new Int32Array((T + 1) * S).fill(-1);
  const value = new Float64Array((T + 1) * S);
  const rules = stepRules(e, tb.dt);
  const o: StepOutcome = { x: 0, rate: 0, fuel: 0 };
  // where a full charge from x lands (NaN where the map cannot run)
  const reach = (rule: StepRule, x: number) => (chargeStep(e, rule.from(x), e.chargeMax, rule.seconds, o) ? rule.next(o.x * rule.decay) : NaN);
  const set = (t: number, L: number, f: number, v: number) => {
    const k = t * S + L;
    s[k] = f;
    value[k] = v;
    cell[k] = cellOf(tb, f);
  };
  for (let L = 0; L < S; L++) set(T, L, hz.endMin, 0);
  let target = hz.endMin;
  for (let t = T - 1; t >= 0; t--) {
    if (!(target > tb.sLo && target <= tb.sHi)) break; // every state meets it from here back, or none does
    const fRun = lowestReaching((x) => reach(rules.run, x), target, tb.sLo, target);
    const fStart = layers.M === 1 ? fRun : lowestReaching((x) => reach(rules.start.charge, x), target, tb.sLo, target);
    if (fRun === undefined) break;
    const newDay = t + 1 < T && hz.dayNumbers[t + 1] !== hz.dayNumbers[t];
    for (let m = 0; m < layers.M; m++) {
      const starting = layers.M === 3 && m !== CHARGE;
      const f = starting ? fStart : fRun;
      if (f === undefined) continue;
      const rule = starting ? rules.start.charge : rules.run;
      const reward = chargeReward(e, hz.prices[t], e.chargeMax, rule, starting);
      for (let c = 0; c < layers.C; c++) {
        // a charge starts no discharge: the count stays, or resets at midnight; the run lands in layer "charging"
        const next = layers.M === 1 ? 0 : CHARGE * layers.C + (newDay ? 0 : c);
        set(t, layers.M === 1 ? 0 : m * layers.C + c, f, reward + value[(t + 1) * S + next]);
      }
    }
    target = fRun;
  }
  return { s, cell, value };
}

/** What a step charging at grid power P earns (a cost: negative) at price p, a start's energy and cost included. */
function chargeReward(e: OperatingEnvelope, p: number, P: number, rule: StepRule, starting: boolean): number {
  return -(p + e.chargeSurcharge) * (P * rule.seconds + rule.energy) - (starting ? e.startCost.charge : 0);
}

/** The grid cell j with g_j < f ≤ g_{j+1}, or −1 when f lies outside (sLo, sHi]. */
function cellOf(tb: DpTables, f: number): number {
  if (!(f > tb.sLo && f <= tb.sHi)) return -1;
  return Math.min(tb.N - 2, Math.max(0, Math.ceil((f - tb.sLo) / tb.h) - 1));
}

/**
 * The lowest x in [lo, hi] whose full charge lands at or above `target` (reach is non-decreasing in x); lo when even
 * lo does, undefined when not even hi does. Bisection to the last representable state.
 */
function lowestReaching(reach: (x: number) => number, target: number, lo: number, hi: number): number | undefined {
  if (reach(lo) >= target) return lo;
  if (!(reach(hi) >= target)) return undefined;
  let a = lo;
  let b = hi;
  for (let k = 0; k < 200 && b - a > 1e-12 * Math.max(1, Math.abs(b)); k++) {
    const m = 0.5 * (a + b);
    if (reach(m) >= target) b = m;
    else a = m;
  }
  return b;
}

/**
 * V_{t+1} at a state s' in the frontier's cell j (g_j ≤ s' ≤ g_{j+1}): linear from the grid state below to the
 * frontier, and from the frontier to the grid state above, instead of one chord across it.
 */
export function frontierCellValue(tb: DpTables, j: number, s: number, f: number, vf: number, vBelow: number, vAbove: number): number {
  const g = tb.sLo + j * tb.h;
  if (s >= f) {
    const top = j + 1 === tb.N - 1 ? tb.sHi : g + tb.h;
    return top > f ? vf + ((s - f) / (top - f)) * (vAbove - vf) : vf;
  }
  return f > g ? vBelow + ((s - g) / (f - g)) * (vf - vBelow) : vf;
}

/**
 * What the last step's charge to the end aims at, before the standing loss of its running part: endMin/decay with a
 * hair to spare (1e-9 of the capacity, 36 J on a 10 MWh store). A charge never overshoots its target
 * (step.ts powerToReach), and aimed at endMin/decay exactly it lands a few rounding errors short of the end.
 */
export function endTarget(endMin: number, decay: number, capacity: number): number {
  return endMin / decay + 1e-9 * capacity;
}

/**
 * The last step's charge to exactly the required end, which the tabulated actions (fixed power levels, or to the
 * top) miss: from each grid state and mode before, charging just enough to end at endMin, as the forward pass and the
 * replay may. Without it the backward pass would value a state that needs a part of a power level at the price of a
 * whole one. Raises V_{T−1} where that charge is better.
 */
export function addEndReach(tb: DpTables, hz: DpHorizon, layers: DpLayers, V: Float64Array, T: number, valueAfter: (m: number, c: number, s: number) => number): void {
  if (hz.endMin === undefined || T < 1) return;
  const e = tb.envelope;
  const rules = stepRules(e, tb.dt);
  const o: StepOutcome = { x: 0, rate: 0, fuel: 0 };
  const S = layers.M * layers.C;
  const t = T - 1;
  const p = hz.prices[t];
  for (let i = 0; i < tb.N; i++) {
    const g = i === tb.N - 1 ? tb.sHi : tb.sLo + i * tb.h;
    for (let m = 0; m < layers.M; m++) {
      const starting = layers.M === 3 && m !== CHARGE;
      const rule = starting ? rules.start.charge : rules.run;
      const P = powerToReach(e, 'charge', rule.from(g), endTarget(hz.endMin, rule.decay, e.maps.capacity), rule.seconds, o);
      if (!(P === P) || o.x > tb.sHi || o.x > e.maps.capacity) continue;
      const landing = rule.next(o.x * rule.decay);
      const reward = chargeReward(e, p, P, rule, starting);
      for (let c = 0; c < layers.C; c++) {
        const L = layers.M === 1 ? 0 : m * layers.C + c;
        const k = (t * S + L) * tb.N + i;
        const v = reward + valueAfter(CHARGE, c, landing);
        if (v > V[k]) V[k] = v;
      }
    }
  }
}
