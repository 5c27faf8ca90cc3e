import { test } from 'node:test';
import assert from 'node:assert/strict';
import { escalateByIndex, escalateByRate, restateCost, type CostIndexTable } from './escalation.js';
import { close, throwsField } from './testing.js';

// Illustrative index values for the arithmetic only — not published CEPCI values.
const INDEX: CostIndexTable = { name: 'demo index', source: 'test fixture', values: { 2001: 400, 2020: 600 } };

test('escalation by index multiplies by the index ratio', () => {
  // 100 × 600/400 = 150
  close(escalateByIndex(100, 2001, 2020, INDEX), 150, 1e-15);
  close(escalateByIndex(150, 2020, 2001, INDEX), 100, 1e-15);
});

test('a year missing from the index table is an error listing the years there are', () => {
  throwsField(() => escalateByIndex(100, 2001, 2024, INDEX), 'toYear', '2024', /2001, 2020/);
});

test('escalation by rate compounds yearly', () => {
  // 100 × 1.1² = 121
  close(escalateByRate(100, 2020, 2022, 0.1), 121, 1e-14);
  close(escalateByRate(121, 2022, 2020, 0.1), 100, 1e-14);
});

test('restating a correlation cost applies index ratio, exchange rate and location factor', () => {
  // 1000 USD at index 397 → index 794 doubles it: 2000 USD; × 7 yuan/USD = 14000 yuan; × 0.8 location = 11200 yuan
  const basis = { currency: 'USD', year: 2001, indexName: 'CEPCI', indexValue: 397 };
  close(restateCost(1000, basis, { indexName: 'CEPCI', indexValue: 794, exchangeRate: 7, locationFactor: 0.8 }), 11200, 1e-14);
  throwsField(
    () => restateCost(1000, basis, { indexName: 'CPI', indexValue: 100, exchangeRate: 7, locationFactor: 1 }),
    'restatement.indexName',
    'CPI',
    /CEPCI/,
  );
  throwsField(
    () => restateCost(1000, basis, { indexName: 'CEPCI', indexValue: 800, exchangeRate: -7, locationFactor: 1 }),
    'restatement.exchangeRate',
    '-7',
    /\(0, ∞\)/,
  );
});
