/** Subcooling after the condenser and superheat after the evaporator of the gas-liquid CO2 template (issue 13 §3). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fluid } from '../../../fluids/index.js';
import { PlantInputError } from '../../errors.js';
import { createPlant } from '../index.js';

const SITE = { ambientTemperature: 293.15 };
const co2 = fluid('CO2');
const below = (s: { T: number; p: number }) => co2.saturationAtP(s.p).T - s.T;

test('the condensate leaves 2 K below and the vapour 2 K above saturation at their own pressures at the design point', () => {
  const d = createPlant('co2-gas-liquid', { condenser: { subcooling: '2 K' }, evaporator: { superheat: '2 K' } }, SITE).design();
  assert.ok(Math.abs(below(d.charge.stream('COND-TP')) - 2) < 1e-6, `subcooling ${below(d.charge.stream('COND-TP'))} K`);
  assert.ok(Math.abs(-below(d.discharge.stream('EVAP-REC')) - 2) < 1e-6, `superheat ${-below(d.discharge.stream('EVAP-REC'))} K`);
});

test('an air-cooled 10 MW plant with 2 K of subcooling and 3 K of superheat runs a periodic design cycle, the liquid tank emptying first', () => {
  const params = { charge: { power: '10 MW' }, discharge: { power: '10 MW' }, liquidTank: { volume: '3000 m3', tanks: 6 }, condenser: { sink: 'ambient-air', approach: '3 K', subcooling: '2 K' }, evaporator: { source: 'ambient-air', approach: '5 K', superheat: '3 K' } };
  const p = createPlant('co2-gas-liquid', params, SITE).performance();
  assert.equal(p.designCycle.periodic, true, p.designCycle.mismatchAt);
  assert.deepEqual([...p.designCycle.stops], ['charge: tank full (liquid level 90 %)', 'discharge: tank empty (liquid level 5 %)']);
  // measured: 65.60 % periodic (65.88 % at the design point), 93.0 MWh
  assert.ok(Math.abs(p.roundTripEfficiency - 0.656) < 0.001, `${p.roundTripEfficiency}`);
});

test('a subcooling larger than the basin condenser’s approach less its pinch is refused, naming both', () => {
  assert.throws(
    () => createPlant('co2-gas-liquid', { condenser: { approach: '5 K', pinch: '2 K', subcooling: '3.5 K' } }, SITE).design(),
    (e: unknown) => e instanceof PlantInputError && e.field === 'condenser.subcooling' && /condenser\.approach \(5 K\) less condenser\.pinch \(2 K\): 3 K/.test(e.message),
  );
});

test('a superheat at the approach of an air evaporator is refused (the air could not heat the vapour that far)', () => {
  assert.throws(
    () => createPlant('co2-gas-liquid', { condenser: { sink: 'ambient-air', approach: '3 K' }, evaporator: { source: 'ambient-air', approach: '5 K', superheat: '5 K' } }, SITE).design(),
    (e: unknown) => e instanceof PlantInputError && e.field === 'evaporator.superheat' && /below evaporator\.approach \(5 K\)/.test(e.message),
  );
});
