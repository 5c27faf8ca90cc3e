import { test } from 'node:test';
import assert from 'node:assert/strict';
import { carryLossesForward, CHINA_TAX_DEFAULTS, CHINA_TAX_SOURCES, checkTax, incomeTaxRateInYear, resolveTax, straightLine, surchargeRate, vatLedger } from './tax.js';
import { close, throwsField } from './testing.js';

test('the China defaults are 25 % income tax, 13 % VAT, 12 % surcharges, 5-year loss carry-forward', () => {
  assert.equal(CHINA_TAX_DEFAULTS.incomeTaxRate, 0.25);
  assert.equal(CHINA_TAX_DEFAULTS.vatRate, 0.13);
  assert.equal(CHINA_TAX_DEFAULTS.lossCarryForwardYears, 5);
  close(surchargeRate(CHINA_TAX_DEFAULTS), 0.12, 1e-15);
  assert.equal(CHINA_TAX_DEFAULTS.residualFraction, 0.05);
  for (const key of Object.keys(CHINA_TAX_DEFAULTS)) {
    assert.ok((CHINA_TAX_SOURCES as Record<string, string>)[key]?.length > 10, `no source for ${key}`);
  }
});

test('overrides replace single fields, nested ones field by field', () => {
  const t = resolveTax({ incomeTaxRate: 0.15, surchargeRates: { urbanMaintenance: 0.05 } });
  assert.equal(t.incomeTaxRate, 0.15);
  assert.equal(t.vatRate, 0.13);
  close(surchargeRate(t), 0.1, 1e-15);
  assert.equal(resolveTax({ vatRate: undefined }).vatRate, 0.13);
});

test('a loss offsets the next five years oldest first, then expires', () => {
  // 100 lost in year 0: years 1–3 absorb 30 each (70, 40, 10 left), year 4 absorbs 10 and pays on 20
  const a = carryLossesForward([-100, 30, 30, 30, 30, 30, 30], 5);
  assert.deepEqual([...a.taxable], [0, 0, 0, 0, 20, 30, 30]);
  assert.deepEqual([...a.used], [0, 30, 30, 30, 10, 0, 0]);
  // 100 lost in year 0, only 10 a year to use in years 1–5: 50 left expires in year 6 (6 − 0 > 5)
  const b = carryLossesForward([-100, 10, 10, 10, 10, 10, 50], 5);
  assert.deepEqual([...b.taxable], [0, 0, 0, 0, 0, 0, 50]);
  assert.deepEqual([...b.expired], [0, 0, 0, 0, 0, 0, 50]);
  // with no carry-forward, losses are simply lost
  assert.deepEqual([...carryLossesForward([-100, 30], 0).taxable], [0, 30]);
});

test('input VAT is carried forward until output VAT uses it up', () => {
  // year 0: 13 input, credit 13; year 1: 13 output uses it; year 2: 13 output is paid
  const v = vatLedger([0, 13, 13], [13, 0, 0]);
  assert.deepEqual([...v.paid], [0, 0, 13]);
  assert.deepEqual([...v.credit], [13, 0, 0]);
  const w = vatLedger([10, 10], [4, 12]);
  assert.deepEqual([...w.paid], [6, 0]);
  assert.deepEqual([...w.credit], [0, 2]);
});

test('straight-line depreciation leaves the residual value and stops at the table end', () => {
  // 1000 × (1 − 5 %) / 5 = 190 a year from slot 1
  assert.deepEqual([...straightLine(1000, 5, 0.05, 1, 4)], [0, 190, 190, 190]);
});

test('a 3 + 3 holiday exempts three operating years and halves the next three', () => {
  const t = resolveTax({ holiday: { exemptYears: 3, halfRateYears: 3 } });
  assert.deepEqual([1, 2, 3, 4, 5, 6, 7, 0].map((n) => incomeTaxRateInYear(t, n)), [0, 0, 0, 0.125, 0.125, 0.125, 0.25, 0.25]);
});

test('bad tax settings name the field and range', () => {
  throwsField(() => checkTax(resolveTax({ incomeTaxRate: 1.25 })), 'tax.incomeTaxRate', '1.25', /\[0, 1\]/);
  throwsField(() => checkTax(resolveTax({ depreciationYears: 7.5 })), 'tax.depreciationYears', '7.5', /integer/);
  throwsField(() => checkTax(resolveTax({ residualFraction: 1 })), 'tax.residualFraction', '1', /\[0, 1\)/);
});
