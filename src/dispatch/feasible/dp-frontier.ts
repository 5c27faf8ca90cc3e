/**
 * The end condition of a DP horizon at its last step: the charge that lands exactly on the required end, which the
 * tabulated actions (fixed power levels, or to the top) miss. Below endMin the value function jumps (dp-backward.ts
 * endValues); where that jump and the ones it causes earlier lie, dp-nodes.ts keeps them as nodes of their own.
 */
import type { DpLayers } from './dp-backward.js';
import type { DpHorizon, DpTables, StepRule } from './dp.js';
import { CHARGE, stepRules } from './dp.js';
import type { OperatingEnvelope } from './envelope.js';
import { powerToReach, type StepOutcome } from './step.js';

/** What a step charging at grid power P earns (a cost: negative) at price p, a start's energy and cost included. */
function chargeReward(e: OperatingEnvelope, p: number, P: number, rule: StepRule, starting: boolean): number {
  return -(p + e.chargeSurcharge) * (P * rule.seconds + rule.energy) - (starting ? e.startCost.charge : 0);
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
