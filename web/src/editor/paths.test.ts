import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appendAt, formatPath, getAt, parsePath, removeAt, setAt } from './paths.js';

test('a field path as the library writes it is read into parts and written back the same', () => {
  assert.deepEqual(parsePath('plants[0].finance.capex.items[2].unitCost'), ['plants', 0, 'finance', 'capex', 'items', 2, 'unitCost']);
  assert.equal(formatPath(parsePath('site.ambientTemperature[11]')), 'site.ambientTemperature[11]');
});

test('setting a value creates the objects on its way and leaves the original untouched', () => {
  const before = { plants: [{ name: 'a', finance: { discountRate: '6 %' } }] };
  const after = setAt(before, 'plants[0].finance.debt.rate', '3.5 %');
  assert.deepEqual(getAt(after, 'plants[0].finance.debt'), { rate: '3.5 %' });
  assert.equal(getAt(after, 'plants[0].finance.discountRate'), '6 %');
  assert.equal(getAt(before, 'plants[0].finance.debt'), undefined);
});

test('clearing a value removes the key, and an object it leaves empty, so the default applies', () => {
  const p = { market: { tariff: { henan2024: { basePrice: '0.38 yuan/kWh' } }, year: 2025 } };
  assert.deepEqual(setAt(p, 'market.tariff.henan2024.basePrice', undefined), { market: { year: 2025 } });
});

test('list items are appended and removed by index', () => {
  const p = appendAt(appendAt({}, 'plants', { name: 'a' }), 'plants', { name: 'b' });
  assert.deepEqual(getAt(p, 'plants'), [{ name: 'a' }, { name: 'b' }]);
  assert.deepEqual(getAt(removeAt(p, 'plants', 0), 'plants'), [{ name: 'b' }]);
});
