/**
 * The liquid tank's heater in a discharge holds the tank at the evaporating temperature its source allows, but never
 * above the condensing temperature a charge filled it at. With a chiller serving the condenser on a 32 degC day
 * (condensation at 17 degC) and the evaporator on a basin at about 32 degC, the heater used to warm the full tank
 * towards 27 degC: its liquid expanded until the tank held no vapour, and the discharge stopped at its first step
 * ('the liquid tank holds compressed liquid (75.63 bar, 26.95 degC)'; 0.5 % from 5.7 MWh).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createPlant } from '../index.js';

test('a chiller-cooled plant on a 32 degC day runs a periodic design cycle that empties its liquid tank, close to its design point', () => {
  const plant = createPlant('co2-gas-liquid', { condenser: { chiller: { cop: 4, supplyTemperature: '12 degC' } } }, { ambientTemperature: 305.15 });
  const f = plant.design().figures;
  const designRte = f.specificExpansionWork.value / f.specificCompressionWork.value;
  const p = plant.performance();
  assert.equal(p.designCycle.periodic, true, p.designCycle.mismatchAt);
  assert.deepEqual([...p.designCycle.stops], ['charge: tank full (liquid level 90 %)', 'discharge: tank empty (liquid level 5 %)']);
  assert.ok(Math.abs(p.roundTripEfficiency - designRte) < 0.005, `${p.roundTripEfficiency} vs ${designRte}`);
  // measured: 57.20 % periodic (57.51 % at the design point), 598.5 MWh
  assert.ok(Math.abs(p.energyCapacity / 3.6e9 - 598.5) < 1, `${p.energyCapacity / 3.6e9} MWh`);
});
