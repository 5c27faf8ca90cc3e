import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createPlant } from './index.js';

const BRIEF = { charge: { power: '10 MW' }, discharge: { power: '10 MW' }, liquidTank: { volume: '2000 m3' } };

test('a second plant with the same template, parameters and ambient air returns the same figures, computed once', () => {
  const t0 = performance.now();
  const first = createPlant('co2-gas-liquid', BRIEF, { ambientTemperature: 291.15 }).performance();
  const firstSeconds = (performance.now() - t0) / 1000;
  const t1 = performance.now();
  // the same parameters listed in another order
  const second = createPlant('co2-gas-liquid', { liquidTank: { volume: '2000 m3' }, discharge: { power: '10 MW' }, charge: { power: '10 MW' } }, { ambientTemperature: 291.15 }).performance();
  const secondSeconds = (performance.now() - t1) / 1000;
  assert.deepEqual(second, first);
  assert.ok(secondSeconds < 0.2 * firstSeconds, `second ${secondSeconds} s, first ${firstSeconds} s`);
  const warmer = createPlant('co2-gas-liquid', BRIEF, { ambientTemperature: 296.15 }).performance();
  assert.notEqual(warmer.roundTripEfficiency, first.roundTripEfficiency);
});
