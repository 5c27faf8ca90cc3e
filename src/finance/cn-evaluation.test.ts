import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluateProject, type ProjectFinanceInputs, type ProjectResult } from './cashflow.js';
import { chineseEvaluation, CN_INDICATOR_TEXT, type CnEvaluation, type CnIndicator, type CnIndicatorKey } from './cn-evaluation.js';
import { SECONDS_PER_YEAR } from './conventions.js';
import { incomeTaxRateInYear } from './tax.js';
import { close, throwsField } from './testing.js';

const M = 1e6;
const MWh = 3.6e9;
const five = (x: number) => [x, x, x, x, x];

/**
 * A small project worked by the definitions of 《建设项目经济评价方法与参数》(第三版), money in million yuan.
 *
 * 2 construction years (C = 2), 5 operating years at t = 3 … 7. Capital 1000 (VAT-exclusive), 500 spent at the start
 * of each construction year (t = 0, 1). Revenue 500, charging 150, fixed O&M 200 yuan/(kW yr) × 100 MW = 20 a year.
 * China defaults: VAT 13 % on sales, capital and charging, surcharges 12 % of VAT paid, income tax 25 %; depreciation
 * overridden to 5 years straight line, 5 % residual. Loan 60 % of the VAT-inclusive spending at 5 %, construction
 * interest capitalised, equal principal over 5 years. Salvage 50 and decommissioning 10 in the last operating year.
 *
 * Construction
 *   spending with VAT 565 at t = 0 and 1; loan draws 339, 339; equity 226, 226 → 项目资本金 452
 *   interest capitalised: t = 1: 5 % × 339 = 16.95; t = 2: 5 % × 694.95 = 34.7475 → loan 729.6975 at t = 2
 *   VAT credit 65, 130, 130
 * Operating years 1 … 5 (t = 3 … 7)
 *   VAT: 13 % × 500 − 13 % × 150 = 45.5 a year against the credit 130 → credit 84.5, 39; t = 5 pays 6.5; t = 6, 7 pay 45.5
 *   surcharges 0, 0, 0.78, 5.46, 5.46;  operating EBITDA 330, 330, 329.22, 324.54, 324.54
 *   principal 729.6975 / 5 = 145.9395; interest 5 % × opening: 36.484875, 29.1879, 21.890925, 14.59395, 7.296975
 *   depreciation (1000 + 51.6975) × 0.95 / 5 = 199.822525; written off at t = 7: 5 % × 1051.6975 = 52.584875
 *   利润总额 330 − 199.822525 − 36.484875 = 93.6926;  330 − 199.822525 − 29.1879 = 100.989575;
 *           329.22 − 199.822525 − 21.890925 = 107.50655;  324.54 − 199.822525 − 14.59395 = 110.123525;
 *           324.54 − 199.822525 − 7.296975 + 50 − 10 − 52.584875 = 104.835625
 *   所得税 25 %: 23.42315, 25.24739375, 26.8766375, 27.53088125, 26.20890625
 *   EBIT = 利润总额 + 利息: 130.177475, 130.177475, 129.397475, 124.717475, 112.1326
 *   EBITDA = EBIT + 折旧 + 核销: 330, 330, 329.22, 324.54, 364.54
 *   利息备付率 130.177475 / 36.484875 = 3.5680, …, 112.1326 / 7.296975 = 15.367 → min 3.5680 at t = 3
 *   偿债备付率 (330 − 23.42315) / (145.9395 + 36.484875) = 1.68057 → min at t = 3
 *   调整所得税 25 % × (EBITDA − 1000 × 0.95 / 5 (+ 50 − 10 − 50 at t = 7)): 35, 35, 34.805, 33.635, 31.135
 *   所得税前净现金流量 −565, −565, 0, 330 + 45.5 = 375.5, 375.5, 329.22 + 39 = 368.22, 324.54, 324.54 + 40 = 364.54
 *     累计 −565, −1130, −1130, −754.5, −379, −10.78, 313.76 → Pt = 6 − 1 + 10.78 / 324.54 = 5.03322
 *   所得税后净现金流量 −565, −565, 0, 340.5, 340.5, 333.415, 290.905, 333.405
 *     累计 −565, −1130, −1130, −789.5, −449, −115.585, 175.32 → Pt = 6 − 1 + 115.585 / 290.905 = 5.39733
 *   ROI = mean EBIT / (1000 + 51.6975); ROE = mean net profit / 452
 *
 * The IRRs and the discounted paybacks at i_c = 6 % come from scripts/reference/cn_evaluation_reference.py (the same
 * project in plain Python, bisection for the IRR), run as `python3 scripts/reference/cn_evaluation_reference.py`:
 *   firrPreTax: 0.11373346317289179        firrAfterTax: 0.08844087274818924     firrEquity: 0.15256410997140513
 *   fnpvPreTax: 261.07256180689603         fnpvAfterTax: 133.53638697051167
 *   dynamicPaybackPreTax: 5.9185593201720605   dynamicPaybackAfterTax: 6.3977614249179195
 *   liabilityToAssets: [0.5999999999999999, 0.6059113300492609, 0.617499402342816, 0.5277970270991011,
 *                       0.4226740338897627, 0.3007447929666763, 0.16087272152059628, 0.0]
 */
const handWorked: ProjectFinanceInputs = {
  constructionYears: 2,
  operatingYears: 5,
  discountRate: 0.06,
  capex: { total: 1000 * M, schedule: [0.5, 0.5] },
  ratedPower: 100e6,
  operation: {
    energyDischarged: five(200000 * MWh),
    chargingCost: five(150 * M),
    revenues: [{ name: 'energy arbitrage', amounts: five(500 * M) }],
  },
  om: { fixed: 200 / 1000 / SECONDS_PER_YEAR, variable: 0 },
  endOfLife: { salvageValue: 50 * M, decommissioningCost: 10 * M, timing: 'lastOperatingYear' },
  tax: { depreciationYears: 5 },
  debt: { fraction: 0.6, rate: 0.05, tenorYears: 5, graceYears: 0, repayment: 'equalPrincipal', constructionInterest: 'capitalise' },
};

/** Exercises what the hand-worked case does not: a loss carried forward, a replacement, construction interest paid
 * by equity, a grace year with an annuity, a tax holiday, escalation, another cost with input VAT, end of life a year
 * after operation with decommissioning above salvage. */
const busy: ProjectFinanceInputs = {
  ...handWorked,
  constructionYears: 1,
  operatingYears: 6,
  capex: { total: 1000 * M, schedule: [1] },
  operation: {
    energyDischarged: [1, 1, 1, 1, 1, 1].map((x) => x * 150000 * MWh),
    chargingCost: [150, 150, 150, 150, 150, 150].map((x) => x * M),
    revenues: [
      { name: 'energy arbitrage', amounts: [120, 480, 500, 460, 440, 400].map((x) => x * M) },
      { name: 'capacity compensation', amounts: [30, 30, 30, 30, 30, 30].map((x) => x * M), vatRate: 0.06 },
    ],
  },
  om: {
    fixed: 200 / 1000 / SECONDS_PER_YEAR,
    variable: 5 / MWh,
    escalation: 0.02,
    other: [{ name: 'insurance', amounts: [5, 5, 5, 5, 5, 5].map((x) => x * M), inputVatRate: 0.06 }],
  },
  replacements: [{ operatingYear: 3, cost: 80 * M }],
  endOfLife: { salvageValue: 30 * M, decommissioningCost: 40 * M, timing: 'yearAfter' },
  tax: { depreciationYears: 5, holiday: { exemptYears: 1, halfRateYears: 2 } },
  debt: { fraction: 0.7, rate: 0.06, tenorYears: 4, graceYears: 1, repayment: 'annuity', constructionInterest: 'payByEquity' },
};

function indicatorOf(ev: CnEvaluation, key: CnIndicatorKey): CnIndicator {
  const found = ev.indicators.find((i) => i.key === key);
  assert.ok(found, `indicator ${key}`);
  return found;
}

function rowOf(ev: CnEvaluation, statement: string, row: string): (number | null)[] {
  const s = ev.statements.find((x) => x.key === statement);
  assert.ok(s, `statement ${statement}`);
  const r = s.rows.find((x) => x.key === row);
  assert.ok(r, `row ${statement}.${row}`);
  return [...r.values];
}

/** A row without nulls, as numbers. */
const numbers = (ev: CnEvaluation, statement: string, row: string): number[] => rowOf(ev, statement, row).map((v) => v ?? NaN);

function value(ev: CnEvaluation, key: CnIndicatorKey): number {
  const v = indicatorOf(ev, key).value;
  assert.ok(v !== null, `${key} has no value: ${indicatorOf(ev, key).note}`);
  return v;
}

/** Element-wise comparison in million yuan; `floor` is the absolute scale below which differences are rounding. */
function sameSeries(actual: readonly number[], expected: readonly number[], what: string, tol = 1e-12, floor = M): void {
  assert.equal(actual.length, expected.length, `${what}: length`);
  actual.forEach((a, t) => close(a, expected[t], tol, `${what}[${t}]`, floor));
}

const hand = (() => {
  const result = evaluateProject(handWorked);
  return { result, ev: chineseEvaluation(result, { benchmarkRate: 0.06, benchmarkPayback: 6, minInterestCover: 2, minDebtServiceCover: 1.3 }) };
})();

test('the hand-worked project gives the project and equity IRRs and NPVs of the reference script', () => {
  const ev = hand.ev;
  close(value(ev, 'firrPreTax'), 0.11373346317289179, 1e-9, 'FIRR before tax');
  close(value(ev, 'firrAfterTax'), 0.08844087274818924, 1e-9, 'FIRR after tax');
  close(value(ev, 'firrEquity'), 0.15256410997140513, 1e-9, 'equity FIRR');
  // FNPV at 6 %, written out: Σ cf_t / 1.06^t
  const pre = [-565, -565, 0, 375.5, 375.5, 368.22, 324.54, 364.54];
  const after = [-565, -565, 0, 340.5, 340.5, 333.415, 290.905, 333.405];
  const pv = (cf: number[]) => cf.reduce((s, x, t) => s + x / 1.06 ** t, 0);
  close(value(ev, 'fnpvPreTax'), pv(pre) * M, 1e-12, 'FNPV before tax');
  close(value(ev, 'fnpvAfterTax'), pv(after) * M, 1e-12, 'FNPV after tax');
  close(value(ev, 'fnpvPreTax'), 261.07256180689603 * M, 1e-12, 'FNPV before tax, script');
  close(value(ev, 'fnpvAfterTax'), 133.53638697051167 * M, 1e-12, 'FNPV after tax, script');
});

test('the paybacks follow the method\'s interpolation formula from the start of construction', () => {
  const ev = hand.ev;
  close(value(ev, 'paybackPreTax'), 6 - 1 + 10.78 / 324.54, 1e-12, 'static payback before tax');
  close(value(ev, 'paybackAfterTax'), 6 - 1 + 115.585 / 290.905, 1e-12, 'static payback after tax');
  // discounted at 6 %: cumulative −565, −1098.02, −1098.02, −782.74, −485.31, −210.15 at t = 5, +18.64 at t = 6 (pre-tax)
  const d = (x: number, t: number) => x / 1.06 ** t;
  const cumPre5 = -565 - d(565, 1) + d(375.5, 3) + d(375.5, 4) + d(368.22, 5);
  close(value(ev, 'dynamicPaybackPreTax'), 6 - 1 + -cumPre5 / d(324.54, 6), 1e-12, 'dynamic payback before tax');
  close(value(ev, 'dynamicPaybackPreTax'), 5.9185593201720605, 1e-12, 'dynamic payback before tax, script');
  close(value(ev, 'dynamicPaybackAfterTax'), 6.3977614249179195, 1e-12, 'dynamic payback after tax, script');
});

test('the hand-worked project gives the interest and debt-service cover ratios by year', () => {
  const icr = indicatorOf(hand.ev, 'interestCover');
  const expectedIcr = [130.177475 / 36.484875, 130.177475 / 29.1879, 129.397475 / 21.890925, 124.717475 / 14.59395, 112.1326 / 7.296975];
  assert.deepEqual(icr.byYear!.slice(0, 3), [null, null, null]);
  sameSeries(icr.byYear!.slice(3).map((v) => v ?? NaN), expectedIcr, 'ICR', 1e-12, 1);
  close(icr.value!, 130.177475 / 36.484875, 1e-12, 'min ICR');
  assert.equal(icr.year, 3);

  const dscr = indicatorOf(hand.ev, 'debtServiceCover');
  const tax = [23.42315, 25.24739375, 26.8766375, 27.53088125, 26.20890625];
  const ebitda = [330, 330, 329.22, 324.54, 364.54];
  const interest = [36.484875, 29.1879, 21.890925, 14.59395, 7.296975];
  const expectedDscr = ebitda.map((e, n) => (e - tax[n]) / (145.9395 + interest[n]));
  sameSeries(dscr.byYear!.slice(3).map((v) => v ?? NaN), expectedDscr, 'DSCR', 1e-12, 1);
  close(dscr.value!, 306.57685 / 182.424375, 1e-12, 'min DSCR');
  assert.equal(dscr.year, 3);
});

test('the hand-worked project gives ROI on total investment with capitalised interest and ROE on equity paid in', () => {
  const ebit = [130.177475, 130.177475, 129.397475, 124.717475, 112.1326];
  const netProfit = [70.26945, 75.74218125, 80.6299125, 82.59264375, 78.62671875];
  const mean = (x: number[]) => x.reduce((a, b) => a + b, 0) / x.length;
  close(value(hand.ev, 'roi'), mean(ebit) / 1051.6975, 1e-12, 'ROI');
  close(value(hand.ev, 'roe'), mean(netProfit) / 452, 1e-12, 'ROE');
  sameSeries(numbers(hand.ev, 'incomeStatement', 'netProfit').slice(3), netProfit.map((x) => x * M), 'net profit');
});

test('the liability-to-asset ratio follows the simplified balance sheet of the reference script', () => {
  const loar = indicatorOf(hand.ev, 'liabilityToAssets');
  const script = [0.5999999999999999, 0.6059113300492609, 0.617499402342816, 0.5277970270991011, 0.4226740338897627, 0.3007447929666763, 0.16087272152059628, 0];
  sameSeries(loar.byYear!.map((v) => v ?? NaN), script, 'LOAR', 1e-12, 1);
  // t = 0: loan 339 against capital 500 + VAT credit 65
  close(loar.byYear![0]!, 339 / 565, 1e-14);
  close(loar.value!, 729.6975 / (1051.6975 + 130), 1e-12, 'max LOAR at commissioning');
  assert.equal(loar.year, 2);
});

test('the statements reproduce the hand-worked lines', () => {
  const ev = hand.ev;
  const m = (x: number[]) => x.map((v) => v * M);
  sameSeries(numbers(ev, 'projectCashFlow', 'netCashFlowPreTax'), m([-565, -565, 0, 375.5, 375.5, 368.22, 324.54, 364.54]), 'pre-tax net CF', 1e-12);
  sameSeries(numbers(ev, 'projectCashFlow', 'adjustedIncomeTax'), m([0, 0, 0, 35, 35, 34.805, 33.635, 31.135]), 'adjusted tax', 1e-12);
  sameSeries(numbers(ev, 'projectCashFlow', 'cumulativeAfterTax'), m([-565, -1130, -1130, -789.5, -449, -115.585, 175.32, 508.725]), 'cumulative after tax', 1e-12);
  sameSeries(numbers(ev, 'debtSchedule', 'closingBalance'), m([339, 694.95, 729.6975, 583.758, 437.8185, 291.879, 145.9395, 0]), 'closing balance', 1e-12);
  sameSeries(numbers(ev, 'debtSchedule', 'interestCapitalised'), m([0, 16.95, 34.7475, 0, 0, 0, 0, 0]), 'construction interest', 1e-12);
  sameSeries(numbers(ev, 'incomeStatement', 'totalProfit'), m([0, 0, 0, 93.6926, 100.989575, 107.50655, 110.123525, 104.835625]), '利润总额', 1e-12);
  sameSeries(numbers(ev, 'incomeStatement', 'ebitda'), m([0, 0, 0, 330, 330, 329.22, 324.54, 364.54]), 'EBITDA', 1e-12);
  sameSeries(numbers(ev, 'equityCashFlow', 'equityPaidIn'), m([226, 226, 0, 0, 0, 0, 0, 0]), '项目资本金', 1e-12);
});

/** The identities every statement must satisfy, on any project. */
function checkIdentities(result: ProjectResult, ev: CnEvaluation, what: string): void {
  const t = result.table;
  const T = t.year.length;
  const get = (s: string, r: string) => numbers(ev, s, r);
  const add = (...rows: number[][]) => rows[0].map((_, y) => rows.reduce((s, r) => s + r[y], 0));
  const sub = (a: number[], b: number[]) => a.map((x, y) => x - b[y]);
  const cum = (a: number[]) => a.map((_, y) => a.slice(0, y + 1).reduce((s, x) => s + x, 0));
  const same = (a: number[], b: ArrayLike<number>, name: string) => sameSeries(a, Array.from(b), `${what}: ${name}`, 1e-12, 1e3 * M);

  for (const s of ev.statements) {
    assert.deepEqual(s.years, Array.from(t.year), `${what}: ${s.key} years`);
    for (const r of s.rows) {
      assert.equal(r.values.length, T, `${what}: ${s.key}.${r.key} has one slot per year`);
      // a row with sub-rows ("2" over "2.1" … "2.8") is their sum: inflow, outflow, 总成本费用, 还本付息, assets
      const parts = s.rows.filter((x) => x.code.startsWith(`${r.code}.`)).map((x) => numbers(ev, s.key, x.key));
      if (parts.length > 0) same(numbers(ev, s.key, r.key), add(...parts), `${s.key} ${r.code} ${r.nameZh} = Σ ${r.code}.x`);
    }
  }
  const p = (r: string) => get('projectCashFlow', r);
  same(p('netCashFlowPreTax'), sub(p('cashInflow'), p('cashOutflow')), 'pre-tax net = inflow − outflow');
  same(p('cumulativePreTax'), cum(p('netCashFlowPreTax')), 'cumulative pre-tax');
  same(p('netCashFlowAfterTax'), sub(p('netCashFlowPreTax'), p('adjustedIncomeTax')), 'after-tax net = pre-tax − adjusted tax');
  same(p('cumulativeAfterTax'), cum(p('netCashFlowAfterTax')), 'cumulative after tax');
  const i = ev.benchmarkRate;
  same(p('cumulativeDiscountedAfterTax'), cum(p('netCashFlowAfterTax').map((x, y) => x / (1 + i) ** y)), 'cumulative discounted after tax');

  const e = (r: string) => get('equityCashFlow', r);
  same(e('netCashFlow'), sub(e('cashInflow'), e('cashOutflow')), 'equity net = inflow − outflow');
  same(e('cumulative'), cum(e('netCashFlow')), 'equity cumulative');
  close(e('equityPaidIn').reduce((a, b) => a + b, 0), result.equityInvested, 1e-12, `${what}: Σ 项目资本金 = equity invested`, M);

  const n = (r: string) => get('incomeStatement', r);
  same(n('totalProfit'), add(sub(add(n('revenue'), n('subsidy')), add(n('surcharges'), n('totalCost'))), n('disposalResult')), '利润总额');
  same(n('taxableIncome'), sub(n('totalProfit'), n('lossUsed')).map((x) => Math.max(0, x)), '应纳税所得额 = 利润总额 − 弥补亏损');
  const rate = Array.from(t.year, (y) => incomeTaxRateInYear(result.tax, y - constructionYearsOf(result)));
  same(n('incomeTax'), n('taxableIncome').map((x, y) => rate[y] * x), '所得税 = rate × 应纳税所得额');
  same(n('netProfit'), sub(n('totalProfit'), n('incomeTax')), '净利润 = 利润总额 − 所得税');
  same(n('ebit'), add(n('totalProfit'), n('interest')), '息税前利润 = 利润总额 + 利息');
  const writeOff = sub(sub(p('salvage'), p('decommissioning')), n('disposalResult'));
  same(n('ebitda'), add(n('ebit'), n('depreciation'), n('amortisation'), writeOff), 'EBITDA = EBIT + 折旧 + 摊销 + 核销');

  const d = (r: string) => get('debtSchedule', r);
  same(d('closingBalance'), sub(add(d('openingBalance'), d('draw'), d('interestCapitalised')), d('principal')), '期末 = 期初 + 借款 + 资本化利息 − 还本');
  same(d('openingBalance').slice(1), d('closingBalance').slice(0, -1), '期初 = 上年期末');
  assert.equal(d('closingBalance')[T - 1], 0, `${what}: the loan is repaid`);

  const b = (r: string) => get('balanceSheet', r);
  const equityBook = cum(sub(add(e('equityPaidIn'), n('netProfit')), Array.from(t.interestPaidByEquity)));
  same(b('ownersEquity'), equityBook, '所有者权益 = 资本金 − 资本金付建设期利息 + 累计净利润');
  const loar = rowOf(ev, 'balanceSheet', 'liabilityToAssets');
  b('assets').forEach((a, y) => (a > 0 ? close(loar[y]!, b('liabilities')[y] / a, 1e-12, `${what}: LOAR[${y}]`) : assert.equal(loar[y], null)));
}

/** C from the table: the slot before operating year 1. */
function constructionYearsOf(result: ProjectResult): number {
  return result.table.operatingYear.indexOf(1) - 1;
}

test('the statements add up: inflow − outflow, cumulative sums, profit, loan balance and balance sheet', () => {
  checkIdentities(hand.result, hand.ev, 'hand-worked');
  const result = evaluateProject(busy);
  checkIdentities(result, chineseEvaluation(result, { benchmarkRate: 0.07 }), 'busy');
});

test('the busy project carries a loss forward and pays construction interest from equity', () => {
  const result = evaluateProject(busy);
  const ev = chineseEvaluation(result, { benchmarkRate: 0.07 });
  const profit = numbers(ev, 'incomeStatement', 'totalProfit');
  const used = numbers(ev, 'incomeStatement', 'lossUsed');
  assert.ok(profit[2] < 0, `operating year 1 makes a loss (${profit[2]})`);
  close(used.reduce((a, b) => a + b, 0), -profit[2], 1e-12, 'the whole loss is offset later');
  // 6 % on the 70 % of 1130 drawn at t = 0, paid by equity at t = 1: 项目资本金 339 then 47.46
  const paidIn = numbers(ev, 'equityCashFlow', 'equityPaidIn');
  close(paidIn[0], 339 * M, 1e-12);
  close(paidIn[1], 0.06 * 791 * M, 1e-12);
  close(numbers(ev, 'debtSchedule', 'interestPaid')[1], 47.46 * M, 1e-12);
});

test('figures defined as the summary\'s are the summary\'s', () => {
  const { result, ev } = hand;
  const s = result.summary;
  assert.ok(s.irrProjectPreTax.ok && s.irrProjectAfterTax.ok && s.irrEquity.ok && s.payback.reached && s.discountedPayback.reached);
  assert.equal(value(ev, 'firrPreTax'), s.irrProjectPreTax.value);
  assert.equal(value(ev, 'firrAfterTax'), s.irrProjectAfterTax.value);
  assert.equal(value(ev, 'firrEquity'), s.irrEquity.value);
  assert.equal(value(ev, 'paybackAfterTax'), s.payback.years);
  // i_c equals the model's discount rate here, so NPV and discounted payback coincide with the summary's
  assert.equal(value(ev, 'fnpvPreTax'), s.npvProjectPreTax);
  assert.equal(value(ev, 'fnpvAfterTax'), s.npvProjectAfterTax);
  assert.equal(value(ev, 'dynamicPaybackAfterTax'), s.discountedPayback.years);
  assert.deepEqual(rowOf(ev, 'projectCashFlow', 'netCashFlowAfterTax'), Array.from(result.table.projectCashFlowAfterTax));
  assert.deepEqual(rowOf(ev, 'equityCashFlow', 'netCashFlow'), Array.from(result.table.equityCashFlow));
});

test('偿债备付率 differs from the summary DSCR by the VAT credit used and the end-of-life net salvage', () => {
  const { result, ev } = hand;
  const t = result.table;
  const method = indicatorOf(ev, 'debtServiceCover').byYear!;
  // t = 3: CFADS = 375.5 − 23.42315 = 352.07685 includes the 45.5 of VAT credit used; the method's funds 306.57685 do not
  close(result.summary.dscrByYear[3]!, 352.07685 / 182.424375, 1e-12, 'summary DSCR at t = 3');
  close(method[3]!, 306.57685 / 182.424375, 1e-12, 'method DSCR at t = 3');
  for (let y = 3; y <= 7; y++) {
    const creditUsed = t.vatCredit[y - 1] - t.vatCredit[y];
    const netSalvage = t.salvage[y] - t.decommissioning[y];
    close(method[y]! * t.debtService[y], t.cfads[y] - creditUsed + netSalvage, 1e-12, `funds at t = ${y}`, M);
  }
});

test('without VAT credit and end-of-life flows in the repayment years, 偿债备付率 equals the summary DSCR', () => {
  const result = evaluateProject({
    ...busy,
    tax: { ...busy.tax, capexInputVatRate: 0, vatRate: 0, chargingInputVatRate: 0 },
    om: { ...busy.om, other: [] },
  });
  const ev = chineseEvaluation(result, { benchmarkRate: 0.07 });
  const method = indicatorOf(ev, 'debtServiceCover');
  assert.ok(result.table.replacement.some((x) => x > 0), 'a replacement falls in the repayment years');
  assert.deepEqual(method.byYear!.map((v) => v === null), result.summary.dscrByYear.map((v) => v === null), 'the same years');
  method.byYear!.forEach((v, y) => v !== null && close(v, result.summary.dscrByYear[y]!, 1e-12, `DSCR[${y}]`));
  close(method.value!, result.summary.minDscr!.value, 1e-12);
  assert.equal(method.year, result.summary.minDscr!.year);
});

test('each benchmark is judged the way the method compares', () => {
  const ok = (ev: CnEvaluation, key: CnIndicatorKey) => indicatorOf(ev, key).passes;
  // i_c = 6 %: FIRR after tax 8.84 % passes, FNPV > 0; static paybacks 5.03 and 5.40 ≤ 6; ICR 3.57 ≥ 2; DSCR 1.68 ≥ 1.3
  for (const key of ['firrPreTax', 'firrAfterTax', 'fnpvPreTax', 'fnpvAfterTax', 'paybackPreTax', 'paybackAfterTax', 'interestCover', 'debtServiceCover'] as const) {
    assert.equal(ok(hand.ev, key), true, key);
  }
  assert.equal(indicatorOf(hand.ev, 'fnpvAfterTax').benchmark, 0);
  assert.equal(ok(hand.ev, 'firrEquity'), undefined, 'no equity benchmark given, no verdict');
  const strict = chineseEvaluation(hand.result, {
    benchmarkRate: 0.1,
    benchmarkPayback: 5.2,
    equityBenchmarkRate: 0.16,
    benchmarkRoi: 0.12,
    benchmarkRoe: 0.17,
    minInterestCover: 4,
    minDebtServiceCover: 1.7,
  });
  // at 10 %: pre-tax FIRR 11.4 % passes, after-tax 8.8 % fails and its FNPV is negative; payback 5.03 passes, 5.40 fails
  assert.equal(ok(strict, 'firrPreTax'), true);
  assert.equal(ok(strict, 'firrAfterTax'), false);
  assert.equal(ok(strict, 'fnpvAfterTax'), false);
  assert.ok(value(strict, 'fnpvAfterTax') < 0);
  assert.equal(ok(strict, 'paybackPreTax'), true);
  assert.equal(ok(strict, 'paybackAfterTax'), false);
  assert.equal(ok(strict, 'firrEquity'), false, 'equity IRR 15.3 % < 16 %');
  assert.equal(ok(strict, 'roi'), false, 'ROI 11.9 % < 12 %');
  assert.equal(ok(strict, 'roe'), true, 'ROE 17.2 % ≥ 17 %');
  assert.equal(ok(strict, 'interestCover'), false, 'min ICR 3.57 < 4');
  assert.equal(ok(strict, 'debtServiceCover'), false, 'min DSCR 1.68 < 1.7');
});

test('a payback never reached fails its benchmark and says why', () => {
  const result = evaluateProject({ ...handWorked, operation: { ...handWorked.operation, revenues: [{ name: 'energy', amounts: five(200 * M) }] } });
  const ev = chineseEvaluation(result, { benchmarkRate: 0.06, benchmarkPayback: 8 });
  const p = indicatorOf(ev, 'paybackAfterTax');
  assert.equal(p.value, null);
  assert.equal(p.passes, false);
  assert.match(p.note!, /cumulative cash flow is still -\d/);
});

test('an all-equity project has no cover ratios and no liabilities', () => {
  const result = evaluateProject({ ...handWorked, debt: null });
  const ev = chineseEvaluation(result, { benchmarkRate: 0.06 });
  for (const key of ['interestCover', 'debtServiceCover'] as const) {
    const c = indicatorOf(ev, key);
    assert.equal(c.value, null, key);
    assert.equal(c.passes, undefined, key);
    assert.ok(c.byYear!.every((v) => v === null), key);
  }
  assert.equal(value(ev, 'liabilityToAssets'), 0);
  // ROE on the whole VAT-inclusive spending 1130 paid in by equity
  close(result.equityInvested, 1130 * M, 1e-12);
});

test('every indicator of the method is reported once with its definition in both languages and its source', () => {
  assert.deepEqual(hand.ev.indicators.map((i) => i.key).sort(), Object.keys(CN_INDICATOR_TEXT).sort());
  for (const i of hand.ev.indicators) {
    assert.match(i.definitionZh, /[\u4e00-\u9fff]/, `${i.key} zh`);
    assert.match(i.definitionEn, /^[A-Z]/, `${i.key} en`);
    assert.match(i.source, /建设项目经济评价方法与参数/, `${i.key} source`);
  }
});

test('the evaluation is plain JSON: it survives a round trip unchanged and holds only finite numbers', () => {
  const json = JSON.stringify(hand.ev);
  assert.deepEqual(JSON.parse(json), hand.ev);
  const numbersIn = (x: unknown): number[] =>
    typeof x === 'number' ? [x] : Array.isArray(x) ? x.flatMap(numbersIn) : x && typeof x === 'object' ? Object.values(x).flatMap(numbersIn) : [];
  assert.ok(numbersIn(hand.ev).every(Number.isFinite));
});

test('a bad benchmark names the option, its value and the valid range', () => {
  throwsField(() => chineseEvaluation(hand.result, { benchmarkRate: 2 }), 'benchmarkRate', '2', /\[-0.5, 1\]/);
  throwsField(() => chineseEvaluation(hand.result, { benchmarkRate: 0.06, benchmarkPayback: -1 }), 'benchmarkPayback', '-1', /\[0, ∞\)/);
  throwsField(() => chineseEvaluation(hand.result, { benchmarkRate: 0.06, minDebtServiceCover: NaN }), 'minDebtServiceCover', 'NaN', /\[0, ∞\)/);
});
