/** A thermal store's standing loss given as a fraction of its heat per day (issue 13 §3). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createPlant } from '../index.js';

const SITE = { ambientTemperature: 293.15 };
const stores = (oilLoss?: string) => [
  { name: 'oil', medium: 'TVP1', coldTemperature: '100 degC', pressure: '10 bar', ...(oilLoss ? { standingLoss: oilLoss } : {}) },
  { name: 'water', medium: 'Water', coldTemperature: '30 degC', pressure: '5 bar' },
];
const params = (oilLoss?: string) => ({ charge: { power: '10 MW' }, discharge: { power: '10 MW' }, liquidTank: { volume: '2000 m3' }, thermalStores: stores(oilLoss) });

/** The oil's hot tank above the ambient at the end of a full charge and after a day's hold. Unit: K */
function holdDay(oilLoss?: string): { before: number; after: number } {
  const r = createPlant('co2-gas-liquid', params(oilLoss), SITE).cycle({ chargeSeconds: 24 * 3600, holdSeconds: 24 * 3600, dischargeSeconds: 0, stepSeconds: 900 });
  const { phase } = r.timeseries;
  const T = r.timeseries.channels['oil.hot.T'].values;
  const firstHold = phase.indexOf(1);
  return { before: T[firstHold] - 293.15, after: T[T.length - 1] - 293.15 };
}

test('oil stored with a standing loss of 5 % a day holds 95 % of its temperature above the ambient after a day', () => {
  const { before, after } = holdDay('5 %');
  assert.ok(Math.abs(after / before - 0.95) < 1e-9, `${after} / ${before} K`);
});

test('without it the oil loses through its insulated wall (0.15 W/(m² K)), far less than 5 % a day', () => {
  const { before, after } = holdDay();
  const lost = 1 - after / before;
  assert.ok(lost > 0 && lost < 0.01, `${(lost * 100).toFixed(4)} % a day`);
});
