import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseQuantity } from '../units/index.js';
import { capacityRevenue, simpleStorage, withAncillaryReserve, YEAR_SECONDS } from './index.js';

const MW = 1e6;
const close = (a: number, b: number) => assert.ok(Math.abs(a - b) <= 1e-12 * Math.abs(b), `${a} != ${b}`);

test('100 yuan/(kW yr) on 100 MW pays 10 million yuan a year, and 12 × 8 yuan/(kW mo) pays 9.6 million', () => {
  close(capacityRevenue(100 * MW, parseQuantity('100 yuan/(kW yr)', 'pricePerPowerTime')), 10e6);
  close(capacityRevenue(100 * MW, parseQuantity('8 yuan/(kW mo)', 'pricePerPowerTime')), 9.6e6);
  close(capacityRevenue(100 * MW, parseQuantity('8 yuan/(kW mo)', 'pricePerPowerTime'), YEAR_SECONDS / 12), 0.8e6);
});

test('an ancillary reserve of 10 MW at 6 yuan/(MW h) pays 525 600 yuan a year and leaves 90 MW for arbitrage', () => {
  const storage = simpleStorage({ power: 100 * MW, energy: 400 * 3.6e9, etaCharge: 0.9, etaDischarge: 0.9 });
  const r = withAncillaryReserve(storage, { power: 10 * MW, rate: parseQuantity('6 yuan/(MW h)', 'pricePerPowerTime') });
  close(r.revenue, 10 * 6 * 8760);
  assert.equal(r.storage.discharge.kind === 'linear' && r.storage.discharge.powerMax, 90 * MW);
  assert.equal(r.storage.charge.kind === 'linear' && r.storage.charge.powerMax, 90 * MW);
  assert.throws(() => withAncillaryReserve(storage, { power: 100 * MW, rate: 1 }), /reserve\.power: must lie in \[0, 100000000\) W/);
  assert.throws(() => capacityRevenue(-1, 1), /power: must lie in \[0, Infinity\) W \(got -1\)/);
});
