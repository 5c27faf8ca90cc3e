/**
 * The periodic design cycle keeps its charge as it was run (design-cycle.ts recordedCharge), and heldCycle draws the
 * plant's own repeatable cycle from it: that charge, a hold, and a discharge from the state the hold leaves — the
 * only new solves. A small adiabatic CAES plant (10 MW, a 30,000 m³ cavern) at 20 °C.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ADIABATIC_CAES_SCHEMA, adiabaticCaes } from './adiabatic-caes.js';
import { heldCycle, periodicDesignCycle } from './design-cycle.js';
import { parseParameters } from './parameters.js';
import { runCycle, type TimeSeries } from '../transient/cycle.js';

const BRIEF = { charge: { power: '10 MW' }, discharge: { power: '10 MW' }, storage: { volume: '30000 m3' } };
const HOLD = 7200;

/** The plant and its periodic design cycle, found once for the tests of this file. */
let found: { b: ReturnType<typeof adiabaticCaes>; dc: ReturnType<typeof periodicDesignCycle> } | undefined;
function design() {
  if (found) return found;
  const b = adiabaticCaes(parseParameters('adiabatic-caes', ADIABATIC_CAES_SCHEMA, BRIEF), { ambientTemperature: 293.15, ambientPressure: 101325 });
  return (found = { b, dc: periodicDesignCycle(b) });
}

/** Row `i` of every store channel (the powers, fuel and mass flow left out: those are the step's, not the state's). */
function storeRow(ts: TimeSeries, i: number): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, c] of Object.entries(ts.channels)) if (!['power.in', 'power.out', 'fuel', 'massFlow'].includes(k)) out[k] = c.values[i];
  return out;
}

test('the detail cycle’s charge is the periodic design cycle’s as it ran, its hold 2 h of standing loss, and its discharge starts from the state the hold leaves', () => {
  const { b, dc } = design();
  const designed = dc.result.timeseries;
  const m = dc.result.metrics;
  const h = heldCycle(b.plant, dc.charge, HOLD, 1.1 * m.dischargeDuration);
  const ts = h.timeseries;
  const phaseRows = (s: TimeSeries, p: number) => s.phase.reduce<number[]>((a, v, i) => (v === p ? [...a, i] : a), []);

  // the charge: the design cycle's rows, number for number
  const charge = phaseRows(designed, 0);
  assert.ok(charge.length > 40, `${charge.length} charge rows`);
  assert.deepEqual(phaseRows(ts, 0), charge, 'the charge rows come first, as many as the design cycle’s');
  for (const i of charge) {
    assert.equal(ts.t[i], designed.t[i]);
    assert.equal(ts.dt[i], designed.dt[i]);
    for (const [k, c] of Object.entries(designed.channels)) assert.equal(ts.channels[k].values[i], c.values[i], `${k} at row ${i}`);
  }
  assert.deepEqual(h.stops.filter((s) => s.phase === 'charge'), dc.result.stops.filter((s) => s.phase === 'charge'));

  // the hold: 2 h of rows at the design step, from the state the charge left (the design cycle's first discharge row)
  const hold = phaseRows(ts, 1);
  assert.equal(hold.length, Math.ceil(HOLD / dc.step));
  assert.equal(ts.t[hold[0]], m.chargeDuration);
  assert.ok(Math.abs(hold.reduce((s, i) => s + ts.dt[i], 0) - HOLD) <= 1e-9 * HOLD);
  assert.deepEqual(storeRow(ts, hold[0]), storeRow(designed, phaseRows(designed, 2)[0]));

  // the discharge: from the stores after 2 h of standing loss alone (a hold and no discharge: no solves)
  const held = runCycle(b.plant, dc.full, { chargeSeconds: 0, holdSeconds: HOLD, dischargeSeconds: 0, stepSeconds: dc.step });
  const discharge = phaseRows(ts, 2);
  assert.ok(discharge.length > 20, `${discharge.length} discharge rows`);
  assert.deepEqual(storeRow(ts, discharge[0]), storeRow(held.timeseries, held.timeseries.t.length - 1));
  assert.ok(Math.abs(ts.t[discharge[0]] - (m.chargeDuration + HOLD)) <= 1e-9 * ts.t[discharge[0]]);
  assert.equal(h.stops.at(-1)?.phase, 'discharge', 'the discharge ends at a store limit, within 1.1 × the design duration');
});

test('without a hold, the detail cycle is the design cycle itself: the same electricity drawn and delivered, the same efficiency', () => {
  const { b, dc } = design();
  const m = dc.result.metrics;
  const h = heldCycle(b.plant, dc.charge, 0, 1.1 * m.dischargeDuration);
  // the charge's electricity summed from its rows, the restoring units' after the same discharge
  assert.ok(Math.abs(h.energyIn / m.energyIn - 1) <= 1e-12, `${h.energyIn} J against ${m.energyIn} J`);
  assert.ok(Math.abs(h.energyOut / m.energyOut - 1) <= 1e-12, `${h.energyOut} J against ${m.energyOut} J`);
  assert.ok(Math.abs(h.roundTripEfficiency - m.roundTripEfficiency) <= 1e-12);
  assert.deepEqual(h.stops.map((s) => `${s.phase}: ${s.reason}`), dc.result.stops.map((s) => `${s.phase}: ${s.reason}`));
  h.stops.forEach((s, i) => assert.ok(Math.abs(s.time - dc.result.stops[i].time) <= 1e-9 * s.time, `${s.phase} stopped at ${s.time} s against ${dc.result.stops[i].time} s`));
});
