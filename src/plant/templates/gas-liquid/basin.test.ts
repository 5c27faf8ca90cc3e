/**
 * The water basin of the gas-liquid CO2 template keeps its own temperature from cycle to cycle (issue 13 §3): its
 * dry cooler takes it only part of the way back to the ambient after a discharge (basin.coolerEffectiveness), and
 * the periodic design cycle finds the temperature it settles at. The 100 MW example (examples/plants/co2-gas-liquid-100MW.yaml)
 * at 20 degC: condensation gives the basin about 59 MWh a cycle more than evaporation takes back.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createPlant } from '../index.js';

const SITE = { ambientTemperature: 293.15 };
const params = (coolerEffectiveness: number) => ({
  charge: { power: '100 MW' },
  discharge: { power: '100 MW' },
  liquidTank: { volume: '17000 m3' },
  condenser: { sink: 'basin', approach: '5 K', pinch: '2 K' },
  evaporator: { source: 'basin', approach: '5 K', pinch: '2 K' },
  basin: { coolerEffectiveness },
});
const restoredTo = (restore: readonly string[]) => {
  const m = /basin cooled from ([\d.]+) to ([\d.]+) degC/.exec(restore.find((r) => r.startsWith('basin')) ?? '');
  assert.ok(m, restore.join(' | '));
  return { from: Number(m[1]), to: Number(m[2]) };
};

test('with an 80 % cooler the basin starts each periodic cycle warmer than the ambient, by a fifth of what the cycle warmed it', () => {
  const p = createPlant('co2-gas-liquid', params(0.8), SITE).performance();
  assert.equal(p.designCycle.periodic, true, p.designCycle.mismatchAt);
  const { from, to } = restoredTo(p.designCycle.restore);
  assert.ok(to > 20.1, `basin back to ${to} degC`);
  assert.ok(Math.abs(to - 20 - 0.2 * (from - 20)) < 0.006, `${from} → ${to} degC`);
  // measured: 426.7 MWh, 66.10 % (with the basin reset to the ambient every day: 430.9 MWh, 66.09 %)
  assert.ok(Math.abs(p.energyCapacity / 3.6e9 - 426.7) < 0.5, `${p.energyCapacity / 3.6e9} MWh`);
});

test('a cooler that returns the basin to the ambient every day gives the reset basin’s cycle: more stored, as the condenser starts colder', () => {
  const reset = createPlant('co2-gas-liquid', params(1), SITE).performance();
  assert.equal(restoredTo(reset.designCycle.restore).to, 20);
  assert.ok(Math.abs(reset.energyCapacity / 3.6e9 - 430.9) < 0.5, `${reset.energyCapacity / 3.6e9} MWh`);
});
