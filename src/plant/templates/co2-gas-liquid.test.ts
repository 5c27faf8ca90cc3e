/**
 * The gas-liquid CO2 template refuses at design what it cannot build, naming the field as the plant file writes it
 * and the values that bound it (issue 13, tried as a user).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PlantInputError } from '../errors.js';
import { createPlant } from './index.js';

const SITE = { ambientTemperature: 293.15 };

test('an evaporator whose pinch is not below its approach less the saturation fall of its pressure loss is refused, naming both', () => {
  // approach 5 K, pinch 2 K, a 3 K fall of saturation temperature: the boiling CO2 enters at the basin's own
  // temperature less 2 K, so the water leaving at that plus the pinch could not cool; before the check the design
  // passed with 85,088 kg/s of basin water (0.16 K of cooling)
  assert.throws(
    () => createPlant('co2-gas-liquid', { evaporator: { approach: '5 K', pinch: '2 K', pressureLoss: '3 K' } }, SITE).design(),
    (e: unknown) => e instanceof PlantInputError && e.field === 'evaporator.pinch' && /evaporator\.approach \(5 K\)/.test(e.message) && /\(3\.00 K\)/.test(e.message) && /below 2\.00 K/.test(e.message),
  );
});

test('an evaporator pinch just below the approach less the saturation fall still designs', () => {
  const d = createPlant('co2-gas-liquid', { evaporator: { approach: '5 K', pinch: '2 K', pressureLoss: '2.9 K' } }, SITE).design();
  assert.ok(d.discharge.stream('basin_return').T < SITE.ambientTemperature, 'the basin water cools in the evaporator');
});
