import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyAssignments, getPath, parseAssignment, parsePath, setPath } from './set-path.js';
import { parseProjectValue } from './parse.js';
import { ProjectError } from './errors.js';

const RAW = {
  name: 'p',
  market: { year: 2025, tariff: { henan2024: { basePrice: '0.38 yuan/kWh' } } },
  plants: [
    {
      name: 'battery',
      performance: { power: '10 MW', energy: '40 MWh', roundTripEfficiency: '85 %' },
      finance: { discountRate: '8 %', operatingYears: '10 years', capex: { items: [{ kind: 'perEnergy', name: 'system', energy: '40 MWh', unitCost: '800 yuan/kWh' }] } },
    },
  ],
};

test('a path reads as keys and list indices', () => {
  assert.deepEqual(parsePath('plants[0].finance.capex.items[1].unitCost'), [{ key: 'plants' }, { index: 0 }, { key: 'finance' }, { key: 'capex' }, { key: 'items' }, { index: 1 }, { key: 'unitCost' }]);
  assert.deepEqual(parsePath('a[0][2]'), [{ key: 'a' }, { index: 0 }, { index: 2 }]);
  for (const bad of ['', 'a.', '.a', 'a..b', 'a.[0]', 'a[x]', 'a[0]b', 'a[-1]']) assert.throws(() => parsePath(bad), ProjectError, bad);
});

test('setting a value copies the parts on its path and leaves the original as it was', () => {
  const before = JSON.stringify(RAW);
  const out = setPath(RAW, 'plants[0].finance.capex.items[0].unitCost', '900 yuan/kWh') as typeof RAW;
  assert.equal(out.plants[0].finance.capex.items[0].unitCost, '900 yuan/kWh');
  assert.equal(JSON.stringify(RAW), before);
  assert.equal(out.market, RAW.market, 'parts off the path are shared, not copied');
});

test('objects missing on the way are created (a parameter left at its default by the file)', () => {
  const out = setPath({ plants: [{ parameters: {} }] }, 'plants[0].parameters.liquidTank.volume', '20000 m3');
  assert.deepEqual(out, { plants: [{ parameters: { liquidTank: { volume: '20000 m3' } } }] });
});

test('the index just past a list appends to it (a capex item added)', () => {
  const out = setPath(RAW, 'plants[0].finance.capex.items[1]', { kind: 'perPower', name: 'grid', power: '10 MW', unitCost: '150 yuan/kW' }) as typeof RAW;
  assert.equal(out.plants[0].finance.capex.items.length, 2);
  assert.equal(RAW.plants[0].finance.capex.items.length, 1);
});

test('a list element beyond the end or a step through a number is refused with the path and what is there', () => {
  assert.throws(() => setPath(RAW, 'plants[2].name', 'x'), (e: Error) => e instanceof ProjectError && e.field === 'plants[2]' && /plants, which is a list of 1 \(0 … 1 to append\)/.test(e.message));
  assert.throws(() => setPath(RAW, 'market.year.month', 3), (e: Error) => e instanceof ProjectError && e.field === 'market.year.month' && /market\.year is a number \(2025\)/.test(e.message));
  assert.throws(() => setPath(RAW, 'market[0]', 3), (e: Error) => e instanceof ProjectError && /market is an object with keys year, tariff/.test(e.message));
});

test('reading a path that is not there names the first missing step', () => {
  assert.equal(getPath(RAW, 'market.tariff.henan2024.basePrice'), '0.38 yuan/kWh');
  assert.throws(() => getPath(RAW, 'plants[0].finance.npv'), (e: Error) => e instanceof ProjectError && e.field === 'plants[0].finance.npv' && /discountRate, operatingYears, capex/.test(e.message));
});

test('an assignment reads its value as YAML: units stay text, numbers and booleans are typed', () => {
  assert.deepEqual(parseAssignment('plants[0].parameters.liquidTank.volume=20000 m3'), { path: 'plants[0].parameters.liquidTank.volume', value: '20000 m3' });
  assert.deepEqual(parseAssignment('a.b = 3'), { path: 'a.b', value: 3 });
  assert.deepEqual(parseAssignment('a.b=[1, 2]'), { path: 'a.b', value: [1, 2] });
  assert.throws(() => parseAssignment('no equals sign'), /--set: "no equals sign" is not valid; expected path=value/);
});

test('assignments applied to a raw project change what the project computes from, through its own checks', () => {
  const raw = applyAssignments(RAW, ['plants[0].performance.energy=80 MWh', 'market.tariff.henan2024.basePrice=0.5 yuan/kWh']);
  const spec = parseProjectValue(raw).spec;
  assert.equal(spec.plants[0].performance!.energy, 80 * 3.6e9);
  assert.equal(spec.market.tariff!.henan2024.basePrice, 0.5 / 3.6e6);
  // a wrong unit is caught by the project's schema, at the path that was set
  assert.throws(() => parseProjectValue(applyAssignments(RAW, ['plants[0].performance.energy=80 MW'])), /plants\[0\]\.performance\.energy/);
});
