import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluateProject } from './cashflow.js';
import { SECONDS_PER_YEAR } from './conventions.js';
import { parseFinanceSection, type FinanceSectionInput } from './schema.js';
import { close } from './testing.js';

const MWh = 3.6e9;

const file: FinanceSectionInput = {
  currency: 'CNY',
  discountRate: '8 %',
  constructionYears: '1 year',
  operatingYears: '3 years',
  ratedPower: '100 MW',
  capex: {
    items: [
      { kind: 'perEnergy', name: 'battery system', energy: '400 MWh', unitCost: '500 yuan/kWh' },
      { kind: 'perPower', name: 'grid connection', power: '100 MW', unitCost: '200 yuan/kW' },
      { kind: 'fractionOfDirect', name: 'contingency', fraction: '10 %' },
    ],
  },
  operation: {
    kind: 'series',
    energyDischarged: { unit: 'MWh', values: [120000, 118000, 116000] },
    chargingCost: '45e6 yuan',
    revenues: [{ name: 'energy', amounts: { unit: 'yuan', values: [96e6, 94e6, 92e6] } }],
  },
  om: { fixed: '40 yuan/(kW yr)', variable: '5 yuan/MWh', escalation: '2 %/yr' },
  tax: { depreciationYears: '5 years' },
  debt: { fraction: '60 %', rate: '5 %', tenorYears: 3, repayment: 'equalPrincipal' },
};

test('a finance section with units parses to the same SI inputs written by hand', () => {
  const r = parseFinanceSection(file);
  assert.ok(r.ok, r.ok ? '' : JSON.stringify(r.issues));
  const p = r.value.inputs;
  // capex: 400 MWh × 500 yuan/kWh = 200e6, 100 MW × 200 yuan/kW = 20e6, + 10 % = 242e6
  close(r.value.capex.total, 242e6, 1e-14);
  assert.deepEqual(p.capex.schedule, [1]);
  assert.equal(p.constructionYears, 1);
  assert.equal(p.operatingYears, 3);
  close(p.discountRate, 0.08, 1e-15);
  close(p.om.fixed * 1000 * SECONDS_PER_YEAR, 40, 1e-14);
  close(p.om.variable * MWh, 5, 1e-14);
  close(p.om.escalation!, 0.02, 1e-14);
  close(p.operation.energyDischarged[1], 118000 * MWh, 1e-15);
  assert.deepEqual(Array.from(p.operation.chargingCost), [45e6, 45e6, 45e6]);
  assert.equal(p.tax?.depreciationYears, 5);
  assert.deepEqual({ ...p.debt }, { fraction: 0.6, rate: 0.05, tenorYears: 3, graceYears: 0, repayment: 'equalPrincipal', constructionInterest: 'capitalise' });
  // three years of 96e6 revenue do not repay 242e6: every equity cash flow is negative, and the IRR says so
  const result = evaluateProject(p);
  assert.ok(result.summary.npvEquity < 0);
  assert.match(result.summary.irrEquity.ok ? '' : result.summary.irrEquity.reason, /never change sign/);
});

test('a parametric operation turns prices into charging cost and energy sales', () => {
  const r = parseFinanceSection({
    ...file,
    operation: {
      kind: 'parametric',
      energyRated: '400 MWh',
      cyclesPerYear: 300,
      depthOfDischarge: '100 %',
      roundTripEfficiency: '80 %',
      timeDegradation: '0 %',
      chargingPrice: '300 yuan/MWh',
      dischargePrice: '800 yuan/MWh',
    },
  });
  assert.ok(r.ok, r.ok ? '' : JSON.stringify(r.issues));
  // 300 × 400 MWh = 120 000 MWh sold at 800 → 96e6; charged 150 000 MWh at 300 → 45e6
  close(r.value.inputs.operation.revenues[0].amounts[0], 96e6, 1e-14);
  close(r.value.inputs.operation.chargingCost[2], 45e6, 1e-14);
});

test('a heat exchanger may be sized by duty instead of area', () => {
  const r = parseFinanceSection({
    ...file,
    capex: {
      items: [{ kind: 'correlation', name: 'HX', correlation: 'heatExchanger.fixedTube', duty: '1 MW', overallU: '500 W/(m2 K)', lmtd: '20 K', installFactor: 3.3 }],
      restatement: { indexName: 'CEPCI', indexValue: 794, exchangeRate: 7 },
    },
  });
  assert.ok(r.ok, r.ok ? '' : JSON.stringify(r.issues));
  // 100 m² → 10^4.3723 USD × 2 × 7 × 3.3
  close(r.value.capex.total, Math.pow(10, 4.3723) * 2 * 7 * 3.3, 1e-12);
});

function issues(patch: Record<string, unknown>) {
  const r = parseFinanceSection({ ...file, ...patch });
  assert.equal(r.ok, false);
  return r.ok ? [] : r.issues;
}

test('every bad field is reported with its path, its value and what is valid', () => {
  const wrongUnit = issues({ discountRate: '8 kg' });
  assert.equal(wrongUnit[0].field, 'discountRate');
  assert.match(wrongUnit[0].message, /discountRate: .*"kg" is not a unit of fraction.*8 kg/);

  const outOfRange = issues({ debt: { fraction: '160 %', rate: '5 %', tenorYears: 3 } });
  assert.equal(outOfRange[0].field, 'debt.fraction');
  assert.match(outOfRange[0].message, /debt\.fraction = 1\.6 is not valid: expected a number in \[0, 1\]/);

  const halfYear = issues({ operatingYears: '2.5 years' });
  assert.equal(halfYear[0].field, 'operatingYears');
  assert.match(halfYear[0].message, /"2\.5 years" is not valid: expected a whole number of years/);

  const wrongCurrency = issues({ om: { fixed: '6 USD/(kW yr)' } });
  assert.equal(wrongCurrency[0].field, 'om.fixed');
  assert.match(wrongCurrency[0].message, /6 USD\/\(kW yr\).*USD.*CNY/);

  const badSeries = issues({ operation: { ...(file.operation as object), energyDischarged: { unit: 'MWh', values: [1, 2] } } });
  assert.equal(badSeries[0].field, 'operation.energyDischarged');
  assert.match(badSeries[0].message, /2 values.*3 values/);

  const tooBig = issues({
    capex: { items: [{ kind: 'correlation', name: 'compressor', correlation: 'compressor.centrifugal', size: '50 MW', installFactor: 2.7 }], restatement: { indexName: 'CEPCI', indexValue: 800, exchangeRate: 7 } },
  });
  assert.equal(tooBig[0].field, 'capex.items[0].size');
  assert.match(tooBig[0].message, /50000000.*\[450000, 3000000\].*450–3000/);

  const unknownKey = issues({ discountrate: '8 %' });
  assert.ok(unknownKey.some((i) => /discountrate/.test(i.message)), JSON.stringify(unknownKey));
});

test('operating years outside 1…100 are refused with the range before any series is built (issue 12: "Invalid typed array length: -5")', () => {
  for (const years of ['-5 years', '1e9 years']) {
    const r = parseFinanceSection({ discountRate: '8 %', operatingYears: years, ratedPower: '10 MW', capex: { items: [] }, operation: { kind: 'series', energyDischarged: 0, chargingCost: 0 } });
    assert.equal(r.ok, false);
    if (!r.ok) assert.match(r.issues.map((i) => i.message).join('\n'), /operatingYears.*1.*100/);
  }
});
