import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeCorrelation, estimateCapex, heatExchangerArea, purchasedCost } from './capex.js';
import { close, throwsField } from './testing.js';

const MWh = 3.6e9;

test('the Turton correlation gives the purchased cost of a 1000 kW centrifugal compressor', () => {
  // log10 Cp0 = 2.2897 + 1.3604·log10(1000) − 0.1027·(log10 1000)² = 2.2897 + 4.0812 − 0.9243 = 5.4466
  const p = purchasedCost('compressor.centrifugal', 1e6);
  assert.equal(p.units, 1);
  close(p.cost, Math.pow(10, 5.4466), 1e-12);
  close(p.cost, 279_640.455, 1e-8); // ≈ 2.80e5 USD at CEPCI 397
});

test('a fixed-tube heat exchanger of 100 m² costs 10^4.3723 USD at base conditions', () => {
  // 4.3247 − 0.3030·2 + 0.1634·4 = 4.3723
  close(purchasedCost('heatExchanger.fixedTube', 100).cost, Math.pow(10, 4.3723), 1e-12);
});

test('a size beyond the correlation range is an error unless parallel units are allowed', () => {
  throwsField(() => purchasedCost('compressor.centrifugal', 5e6), 'size', '5000000', /450000, 3000000/);
  throwsField(() => purchasedCost('compressor.centrifugal', 1e5, true), 'size', '100000', /450000/);
  // 5000 kW → two units of 2500 kW
  const p = purchasedCost('compressor.centrifugal', 5e6, true);
  assert.equal(p.units, 2);
  const L = Math.log10(2500);
  close(p.cost, 2 * Math.pow(10, 2.2897 + 1.3604 * L - 0.1027 * L * L), 1e-12);
});

test('every correlation states its formula, size range, source and cost basis', () => {
  const c = describeCorrelation('tank.apiFixedRoof');
  assert.equal(c.minSize, 90);
  assert.equal(c.maxSize, 30000);
  assert.match(c.source, /Turton/);
  assert.deepEqual({ ...c.basis }, { currency: 'USD', year: 2001, indexName: 'CEPCI', indexValue: 397 });
  assert.match(c.formula, /log10/);
});

test('heat-exchanger area follows from duty, U and LMTD', () => {
  // 1 MW / (500 W/(m² K) · 20 K) = 100 m²
  close(heatExchangerArea(1e6, 500, 20), 100, 1e-15);
});

test('a capex estimate sums unit-cost items and applies fractions to the direct cost', () => {
  const e = estimateCapex({
    items: [
      { kind: 'perPower', name: 'PCS', power: 100e6, unitCost: 0.2 }, // 100 MW × 200 yuan/kW = 20e6
      { kind: 'perEnergy', name: 'cells', energy: 400 * MWh, unitCost: 600 / (1000 * 3600) }, // 400 MWh × 600 yuan/kWh = 240e6
      { kind: 'perMass', name: 'thermal oil', mass: 2e6, unitCost: 10 }, // 20e6
      { kind: 'perVolume', name: 'cavern', volume: 1e5, unitCost: 100 }, // 10e6
      { kind: 'lumpSum', name: 'grid connection', amount: 10e6 },
      { kind: 'fractionOfDirect', name: 'balance of plant', fraction: 0.1 }, // 0.1 × 300e6
    ],
  });
  close(e.direct, 300e6, 1e-12);
  close(e.indirect, 30e6, 1e-12);
  close(e.total, 330e6, 1e-12);
  assert.equal(e.lines.length, 6);
});

test('a correlation item is restated to the project currency and multiplied by its install factor', () => {
  // 100 m² fixed tube: 10^4.3723 USD × (794/397) × 7 yuan/USD × 1 × F = 2.5 → 35 × 10^4.3723 yuan
  const e = estimateCapex({
    items: [{ kind: 'correlation', name: 'HX', correlation: 'heatExchanger.fixedTube', size: 100, installFactor: 2.5 }],
    restatement: { indexName: 'CEPCI', indexValue: 794, exchangeRate: 7, locationFactor: 1 },
  });
  close(e.total, 35 * Math.pow(10, 4.3723), 1e-12);
  throwsField(
    () => estimateCapex({ items: [{ kind: 'correlation', name: 'HX', correlation: 'heatExchanger.fixedTube', size: 100, installFactor: 2.5 }] }),
    'capex.restatement',
    'undefined',
    /index value/,
  );
  throwsField(
    () => estimateCapex({ items: [{ kind: 'perPower', name: 'PCS', power: -1, unitCost: 0.2 }] }),
    'capex.items[0].power',
    '-1',
    /\[0, ∞\)/,
  );
});
