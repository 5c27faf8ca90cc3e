/**
 * The periodic design cycle behind performance(): repeated from the empty state until every store returns to where
 * the cycle began (tolerance 1e-4, periodic.ts); plants whose stores keep drifting are reported, not hidden.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createPlant } from './index.js';
import { PERIODIC_CYCLE, stalled } from './periodic.js';

const BRIEF = { charge: { power: '10 MW' }, discharge: { power: '10 MW' }, liquidTank: { volume: '2000 m3' } };

test('the design cycle of performance() is periodic: stores back where they began, so the RTE equals the exergy efficiency and carries no change of stored energy', () => {
  const p = createPlant('co2-gas-liquid', BRIEF, { ambientTemperature: 293.15 }).performance();
  const dc = p.designCycle;
  assert.ok(dc.periodic && dc.mismatch <= PERIODIC_CYCLE.tolerance, `${dc.mismatch} at ${dc.mismatchAt}`);
  assert.ok(dc.cycles >= 2 && dc.cycles <= PERIODIC_CYCLE.maxCycles, `${dc.cycles} cycles`);
  // η_ex − η_RT = ΔX_stores / E_in, which the criterion keeps below 1e-4
  assert.ok(Math.abs(p.exergyEfficiency - p.roundTripEfficiency) <= PERIODIC_CYCLE.tolerance, `${p.exergyEfficiency} vs ${p.roundTripEfficiency}`);
  const rtes = dc.roundTripEfficiencies;
  assert.ok(Math.abs(rtes[rtes.length - 1] - rtes[rtes.length - 2]) < 1e-3, rtes.join(', '));
  assert.ok(dc.conservation.mass < 1e-9 && dc.conservation.energy < 1e-9, JSON.stringify(dc.conservation));
  assert.deepEqual(dc.stops, ['charge: tank full (liquid level 90 %)', 'discharge: tank empty (liquid level 5 %)']);
  // the restoring units: the basin cooler and the trim coolers of both thermal stores
  assert.match(dc.restore.join('\n'), /^basin cooled from 20\.\d\d to 20\.00 degC/m);
  assert.match(dc.restore.join('\n'), /^water: [\d.]+ t of hot medium the discharge did not use cooled from 9\d\.\d to 30\.0 degC into the cold tank/m);
  assert.deepEqual(p.warnings, []);
});

test('a thermal store’s cold tank stays at its design temperature: the discharge returns its medium no colder (the oil used to come back 9 K colder and cool the tank cycle after cycle)', () => {
  const r = createPlant('co2-gas-liquid', BRIEF, { ambientTemperature: 293.15 }).cycle({ chargeSeconds: 12 * 3600, holdSeconds: 0, dischargeSeconds: 12 * 3600, stepSeconds: 300, restore: true });
  const end = (ch: string) => r.timeseries.channels[ch].values[r.timeseries.t.length - 1];
  assert.ok(Math.abs(end('oil.cold.T') - 373.15) < 0.2, `oil cold tank ${end('oil.cold.T') - 273.15} degC`);
  assert.ok(Math.abs(end('water.cold.T') - 303.15) < 0.2, `water cold tank ${end('water.cold.T') - 273.15} degC`);
  assert.ok(Math.abs(end('basin.T') - 293.15) < 1e-9);
});

test('a basin without its cooler keeps the heat of condensation the evaporation does not take back: performance() says the cycle is not periodic, what drifts and what to change', () => {
  const p = createPlant('co2-gas-liquid', { ...BRIEF, basin: { cooler: false } }, { ambientTemperature: 288.15 }).performance();
  assert.equal(p.designCycle.periodic, false);
  assert.equal(p.warnings.length, 1);
  assert.match(p.warnings[0], /did not become periodic in \d+ cycles — stored energy changes by \+\d+\.\d+ MWh \(basin \+\d+\.\d+ MWh of energy\) per cycle/);
  assert.match(p.warnings[0], /keep basin\.cooler on/);
});

test('a discharge that runs out of stored heat before the main store is empty (the transcritical defaults) is reported as drifting, with what to change', () => {
  const p = createPlant('co2-transcritical', {}, { ambientTemperature: 293.15 }).performance();
  assert.equal(p.designCycle.periodic, false);
  assert.match(p.designCycle.stops.join('; '), /discharge: tes hot tank empty/);
  assert.match(p.warnings[0], /runs out of stored heat before the main store is empty/);
  assert.match(p.warnings[0], /thermalStores\[\]\.hotEndApproach/);
  // the capacity shrinks cycle after cycle: the HP store keeps CO2 the discharge could not reheat
  const rtes = p.designCycle.roundTripEfficiencies;
  assert.ok(rtes.length >= PERIODIC_CYCLE.stallCycles + 1, `${rtes.length} cycles`);
});

test('a search stalls when its mismatch has not halved over the last four cycles', () => {
  assert.equal(stalled([1e-1, 4e-2, 1.6e-2, 6e-3, 2.5e-3]), false);
  assert.equal(stalled([0.5, 0.45, 0.4, 0.36, 0.33]), true);
  assert.equal(stalled([0.5, 0.45, 0.4]), false);
});
