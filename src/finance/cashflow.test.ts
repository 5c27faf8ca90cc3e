import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildCashFlows, evaluateProject, type ProjectFinanceInputs } from './cashflow.js';
import { SECONDS_PER_YEAR } from './conventions.js';
import { npv } from './money.js';
import { close, throwsField } from './testing.js';

const MWh = 3.6e9;
const M = 1e6;

/**
 * Spreadsheet-style reference case, worked by hand (all money in million yuan, VAT-exclusive unless stated).
 *
 * Plant 100 MW / 400 MWh, built in year 0 (C = 0), operated 3 years, salvage 110 in the last operating year.
 * China defaults: income tax 25 %, VAT 13 % on sales, capex and charging, 0 % on O&M, surcharges 12 % of VAT paid;
 * tax depreciation overridden to 5 years straight line, 5 % residual.
 * Debt: 60 % of capex incl. VAT, 5 %, 3 years equal principal, no grace.
 *
 * Year 0
 *   capex 240, input VAT 240 × 13 % = 31.2 → cash out 271.2; VAT credit 31.2
 *   debt 0.6 × 271.2 = 162.72; equity 271.2 − 162.72 = 108.48
 * Operating years 1–3 (each)
 *   revenue: energy 120 000 MWh × 800 yuan/MWh = 96, capacity 30 → 126; output VAT 126 × 13 % = 16.38
 *   charging 150 000 MWh × 300 yuan/MWh = 45; input VAT 5.85
 *   O&M fixed 40 yuan/(kW yr) × 100 000 kW = 4; variable 5 yuan/MWh × 120 000 MWh = 0.6
 *   VAT: net 16.38 − 5.85 = 10.53 a year against the credit 31.2 → credit 20.67, 10.14, then
 *        year 3 pays 10.53 − 10.14 = 0.39, surcharges 0.39 × 12 % = 0.0468
 *   EBITDA 126 − 45 − 4.6 − surcharges = 76.4, 76.4, 76.3532
 *   depreciation 240 × 0.95 / 5 = 45.6; book value after 3 years 240 − 136.8 = 103.2 → gain on salvage 110 − 103.2 = 6.8
 *   interest 5 % × 162.72, 108.48, 54.24 = 8.136, 5.424, 2.712; principal 54.24 each
 *   taxable  76.4 − 45.6 − 8.136 = 22.664;  76.4 − 45.6 − 5.424 = 25.376;  76.3532 − 45.6 − 2.712 + 6.8 = 34.8412
 *   tax 25 %  5.666; 6.344; 8.7103
 *   pre-tax project CF = EBITDA + VAT out − VAT in − VAT paid (+ salvage):
 *            76.4 + 10.53 = 86.93;  86.93;  76.3532 + 16.38 − 5.85 − 0.39 + 110 = 196.4932
 *   debt service 62.376; 59.664; 56.952
 *   equity CF 86.93 − 5.666 − 62.376 = 18.888;  86.93 − 6.344 − 59.664 = 20.922;  196.4932 − 8.7103 − 56.952 = 130.8309
 *   CFADS (without salvage) 81.264; 80.586; 196.4932 − 110 − 8.7103 = 77.7829
 *   DSCR 81.264/62.376 = 1.302809; 80.586/59.664 = 1.350664; 77.7829/56.952 = 1.365762 → min 1.302809 in year 1
 *   unlevered tax 25 % × (76.4 − 45.6) = 7.7; 7.7; 25 % × (76.3532 − 45.6 + 6.8) = 9.3883
 *   project after-tax CF −271.2, 79.23, 79.23, 187.1049
 *   simple payback: cumulative −271.2, −191.97, −112.74, +74.3649 → 2 + 112.74/187.1049 = 2.602550 years
 */
const reference: ProjectFinanceInputs = {
  constructionYears: 0,
  operatingYears: 3,
  discountRate: 0.08,
  capex: { total: 240 * M, schedule: [1] },
  ratedPower: 100e6,
  operation: {
    energyDischarged: [120000 * MWh, 120000 * MWh, 120000 * MWh],
    chargingCost: [45 * M, 45 * M, 45 * M],
    revenues: [
      { name: 'energy', amounts: [96 * M, 96 * M, 96 * M] },
      { name: 'capacity compensation', amounts: [30 * M, 30 * M, 30 * M] },
    ],
  },
  om: { fixed: 40 / 1000 / SECONDS_PER_YEAR, variable: 5 / MWh },
  endOfLife: { salvageValue: 110 * M, decommissioningCost: 0, timing: 'lastOperatingYear' },
  tax: { depreciationYears: 5 },
  debt: { fraction: 0.6, rate: 0.05, tenorYears: 3, graceYears: 0, repayment: 'equalPrincipal', constructionInterest: 'capitalise' },
};

function rows(a: ArrayLike<number>, expectedMillions: number[], what: string, tol = 1e-12): void {
  assert.equal(a.length, expectedMillions.length, what);
  expectedMillions.forEach((e, t) => close(a[t], e * M, tol, `${what}[${t}]`, 1));
}

test('the reference case reproduces the hand-worked spreadsheet line by line', () => {
  const r = evaluateProject(reference);
  const t = r.table;
  rows(t.revenue, [0, 126, 126, 126], 'revenue');
  rows(t.chargingCost, [0, 45, 45, 45], 'charging');
  rows(t.omFixed, [0, 4, 4, 4], 'O&M fixed');
  rows(t.omVariable, [0, 0.6, 0.6, 0.6], 'O&M variable');
  rows(t.vatOutput, [0, 16.38, 16.38, 16.38], 'VAT output');
  rows(t.vatInput, [31.2, 5.85, 5.85, 5.85], 'VAT input');
  rows(t.vatCredit, [31.2, 20.67, 10.14, 0], 'VAT credit');
  rows(t.vatPaid, [0, 0, 0, 0.39], 'VAT paid', 1e-10);
  rows(t.surcharges, [0, 0, 0, 0.0468], 'surcharges', 1e-10);
  rows(t.ebitda, [0, 76.4, 76.4, 76.3532], 'EBITDA');
  rows(t.depreciation, [0, 45.6, 45.6, 45.6], 'depreciation');
  rows(t.writeOff, [0, 0, 0, 103.2], 'write-off');
  rows(t.interest, [0, 8.136, 5.424, 2.712], 'interest');
  rows(t.principal, [0, 54.24, 54.24, 54.24], 'principal');
  rows(t.taxableIncome, [0, 22.664, 25.376, 34.8412], 'taxable income');
  rows(t.incomeTax, [0, 5.666, 6.344, 8.7103], 'income tax');
  rows(t.projectCashFlowPreTax, [-271.2, 86.93, 86.93, 196.4932], 'pre-tax project CF');
  rows(t.debtService, [0, 62.376, 59.664, 56.952], 'debt service');
  rows(t.equityCashFlow, [-108.48, 18.888, 20.922, 130.8309], 'equity CF');
  rows(t.cfads, [0, 81.264, 80.586, 77.7829], 'CFADS');
  rows(t.unleveredIncomeTax, [0, 7.7, 7.7, 9.3883], 'unlevered tax');
  rows(t.projectCashFlowAfterTax, [-271.2, 79.23, 79.23, 187.1049], 'after-tax project CF');

  const s = r.summary;
  close(s.debtAmount, 162.72 * M, 1e-14);
  close(s.equityInvested, 108.48 * M, 1e-14);
  assert.equal(s.minDscr?.year, 1);
  close(s.minDscr!.value, 81.264 / 62.376, 1e-12);
  assert.ok(s.payback.reached);
  close(s.payback.years, 2 + 112.74 / 187.1049, 1e-12);
  // NPV at 8 %: −271.2 + 79.23/1.08 + 79.23/1.08² + 187.1049/1.08³
  close(s.npvProjectAfterTax, (-271.2 + 79.23 / 1.08 + 79.23 / 1.1664 + 187.1049 / 1.259712) * M, 1e-12);
  close(s.npvEquity, (-108.48 + 18.888 / 1.08 + 20.922 / 1.1664 + 130.8309 / 1.259712) * M, 1e-12);
  // IRRs: unique (one sign change) and NPV vanishes there
  for (const [irr, cf] of [
    [s.irrEquity, t.equityCashFlow],
    [s.irrProjectAfterTax, t.projectCashFlowAfterTax],
    [s.irrProjectPreTax, t.projectCashFlowPreTax],
  ] as const) {
    assert.ok(irr.ok);
    assert.equal(irr.signChanges, 1);
    assert.ok(Math.abs(npv(irr.value, cf)) < 1e-6, `NPV at IRR ${npv(irr.value, cf)}`);
  }
  // equity IRR between 18 % and 19 %: NPV(18 %) = +2.18 > 0 > NPV(19 %) = −0.196 (million yuan, by hand)
  assert.ok(s.irrEquity.ok && s.irrEquity.value > 0.18 && s.irrEquity.value < 0.19);
  close(s.irrEquity.ok ? s.irrEquity.value : 0, 0.18916216027855, 1e-10);
});

test('VAT is paid and surcharged only once the input credit is used up', () => {
  // capex 100 (VAT 13); revenue 100 a year (VAT 13): year 1 uses the credit, year 2 pays 13 and 1.56 surcharges
  const r = buildCashFlows({
    constructionYears: 0,
    operatingYears: 2,
    discountRate: 0.05,
    capex: { total: 100, schedule: [1] },
    ratedPower: 0,
    operation: { energyDischarged: [1, 1], chargingCost: [0, 0], revenues: [{ name: 'sales', amounts: [100, 100] }] },
    om: { fixed: 0, variable: 0 },
    endOfLife: { timing: 'lastOperatingYear' },
    tax: { incomeTaxRate: 0 },
  });
  assert.deepEqual([...r.table.vatPaid], [0, 0, 13]);
  close(r.table.surcharges[2], 1.56, 1e-14);
  // cash: −113, then 113 − 0 = 113, then 113 − 13 − 1.56 = 98.44
  assert.deepEqual([...r.table.projectCashFlowPreTax].map((x) => Math.round(x * 1e9) / 1e9), [-113, 113, 98.44]);
});

test('a construction year capitalises its interest into the loan and the depreciable base', () => {
  const r = buildCashFlows({
    ...reference,
    constructionYears: 1,
    tax: { depreciationYears: 5, capexInputVatRate: 0 },
    endOfLife: { timing: 'yearAfter' },
  });
  const t = r.table;
  // t = 0: draw 0.6 × 240 = 144; t = 1: interest 5 % × 144 = 7.2 capitalised → 151.2 at commissioning
  close(t.debtDraw[0], 144 * M, 1e-15);
  close(t.interestCapitalised[1], 7.2 * M, 1e-15);
  close(r.debtAmount, 151.2 * M, 1e-15);
  // operation in t = 2, 3, 4; end of life at t = 5
  assert.deepEqual([...t.operatingYear], [0, 0, 1, 2, 3, 0]);
  // depreciation of (240 + 7.2) × 0.95 / 5 = 46.968; the unlevered view depreciates 240 only
  close(t.depreciation[2], 46.968 * M, 1e-14);
  // equity at t = 0 is 240 − 144 = 96; nothing at t = 1 (interest capitalised)
  close(t.equityCashFlow[0], -96 * M, 1e-15);
  assert.equal(t.equityCashFlow[1], 0);
});

test('a replacement is capitalised and depreciated over the years left', () => {
  const r = buildCashFlows({
    ...reference,
    operatingYears: 3,
    replacements: [{ operatingYear: 1, cost: 20 * M }],
    debt: null,
  });
  // replacement in operating year 1 (t = 1), depreciated from year 2 over min(5, 3 − 1) = 2 years: 20 × 0.95 / 2 = 9.5
  close(r.table.replacement[1], 20 * M, 1e-15);
  close(r.table.depreciation[2], (45.6 + 9.5) * M, 1e-14);
  close(r.table.depreciation[3], (45.6 + 9.5) * M, 1e-14);
  // written off at the end: 103.2 + 20 × 5 % = 104.2
  close(r.table.writeOff[3], 104.2 * M, 1e-14);
  // input VAT on it: 5.85 + 20 × 13 % = 8.45
  close(r.table.vatInput[1], 8.45 * M, 1e-14);
});

test('a loss-making year shields later profit through the carry-forward', () => {
  const r = buildCashFlows({
    ...reference,
    operation: { ...reference.operation, revenues: [{ name: 'energy', amounts: [50 * M, 126 * M, 126 * M] }] },
    debt: null,
    tax: { depreciationYears: 5, vatRate: 0, capexInputVatRate: 0, chargingInputVatRate: 0 },
  });
  // year 1: 50 − 45 − 4.6 − 45.6 = −45.2 (loss); year 2: 126 − 49.6 − 45.6 = 30.8, all absorbed → no tax
  close(r.table.taxableIncome[1], -45.2 * M, 1e-14);
  close(r.table.lossUsed[2], 30.8 * M, 1e-14);
  assert.equal(r.table.incomeTax[2], 0);
  // year 3: 30.8 + 6.8 gain = 37.6, less the 14.4 loss left → 23.2 × 25 % = 5.8
  close(r.table.incomeTax[3], 5.8 * M, 1e-13);
});

test('malformed inputs name the field, the value and the valid range', () => {
  throwsField(() => evaluateProject({ ...reference, operatingYears: 2.5 }), 'operatingYears', '2.5', /integer in \[1, 100\]/);
  throwsField(() => evaluateProject({ ...reference, discountRate: 3 }), 'discountRate', '3', /\[-0.5, 1\]/);
  throwsField(() => evaluateProject({ ...reference, capex: { total: 240 * M, schedule: [0.5] } }), 'capex.schedule', '[0.5]', /summing to 1/);
  throwsField(
    () => evaluateProject({ ...reference, operation: { ...reference.operation, energyDischarged: [1, 2] } }),
    'operation.energyDischarged',
    '2 values',
    /3 values/,
  );
  throwsField(
    () => evaluateProject({ ...reference, operation: { ...reference.operation, energyDischarged: [1, -2, 3] } }),
    'operation.energyDischarged[1]',
    '-2',
    /\[0, ∞\)/,
  );
  throwsField(() => evaluateProject({ ...reference, replacements: [{ operatingYear: 4, cost: 1 }] }), 'replacements[0].operatingYear', '4', /\[1, 3\]/);
  throwsField(() => evaluateProject({ ...reference, tax: { vatRate: -0.13 } }), 'tax.vatRate', '-0.13', /\[0, 1\]/);
  throwsField(() => evaluateProject({ ...reference, endOfLife: { timing: 'never' as 'yearAfter' } }), 'endOfLife.timing', 'never', /yearAfter/);
});
