/**
 * The basic statements of 《建设项目经济评价方法与参数》(第三版, 2006) as plain data, one value per year t of the
 * cash-flow model's time line (t = 0 start of construction, operating year n at t = C + n): 项目投资现金流量表,
 * 项目资本金现金流量表, 利润与利润分配表, 借款还本付息计划表 and a simplified 资产负债表. Row codes follow the
 * method's tables ("1", "1.1", …) so that a sub-row reads as part of the row above it.
 *
 * Beside the method's rows, the model adds the VAT cash rows (销项税额, 进项税额, 应纳增值税: its cash flows carry
 * VAT), 弃置费用 (decommissioning) and 期末处置损益 (salvage − decommissioning − book value written off). 补贴收入,
 * 流动资金, 回收流动资金 and 摊销费 are zero: the model has no separate subsidy stream (a subsidy entered as a
 * revenue stream is in 营业收入), no working capital and no intangible assets.
 */
import { KahanAccumulator } from '../numerics/index.js';
import type { CashFlowModel } from './cashflow.js';
import { CN_METHOD } from './cn-definitions.js';
import { firstOperatingYear, type CnSeries } from './cn-series.js';

export type CnStatementKey = 'projectCashFlow' | 'equityCashFlow' | 'incomeStatement' | 'debtSchedule' | 'balanceSheet';

export interface CnStatementRow {
  readonly key: string;
  /** The row's number in the method's table, e.g. "2.3"; a dot marks a part of the row above. */
  readonly code: string;
  readonly nameZh: string;
  readonly nameEn: string;
  /** One value per year t (null where the figure does not apply); money per year unless the row says otherwise. */
  readonly values: readonly (number | null)[];
}

export interface CnStatement {
  readonly key: CnStatementKey;
  readonly nameZh: string;
  readonly nameEn: string;
  /** Year index t of each column. */
  readonly years: readonly number[];
  /** Operating year n of each column (0 in construction and end-of-life years). */
  readonly operatingYears: readonly number[];
  readonly rows: readonly CnStatementRow[];
  readonly source: string;
}

/** Ratios and cover figures attached to the statements, by year (null where undefined). */
export interface CnRatiosByYear {
  readonly interestCover: readonly (number | null)[];
  readonly debtServiceCover: readonly (number | null)[];
  readonly liabilityToAssets: readonly (number | null)[];
}

const row = (key: string, code: string, nameZh: string, nameEn: string, values: ArrayLike<number | null>): CnStatementRow => ({
  key,
  code,
  nameZh,
  nameEn,
  values: Array.from(values),
});

function sumOf(length: number, ...parts: ArrayLike<number>[]): Float64Array {
  const out = new Float64Array(length);
  for (let t = 0; t < length; t++) for (const p of parts) out[t] += p[t];
  return out;
}

/** Running sum of x_t (1 + rate)^−t; rate 0 gives the plain cumulative sum. */
export function cumulative(x: ArrayLike<number>, rate = 0): Float64Array {
  const out = new Float64Array(x.length);
  const acc = new KahanAccumulator();
  let d = 1;
  for (let t = 0; t < x.length; t++) {
    out[t] = acc.add(x[t] * d).value;
    d /= 1 + rate;
  }
  return out;
}

/** Builds the five statements; `benchmarkRate` (i_c, fraction per year) discounts the cumulative rows. */
export function cnStatements(model: CashFlowModel, s: CnSeries, ratios: CnRatiosByYear, benchmarkRate: number): CnStatement[] {
  const t = model.table;
  const T = t.year.length;
  const zero = new Float64Array(T);
  const years = Array.from(t.year);
  const operatingYears = Array.from(t.operatingYear);
  const statement = (key: CnStatementKey, nameZh: string, nameEn: string, rows: CnStatementRow[]): CnStatement => ({
    key,
    nameZh,
    nameEn,
    years,
    operatingYears,
    rows,
    source: `${CN_METHOD}，财务分析报表`,
  });

  // The equity statement counts input VAT of operating years only: in construction years the VAT on capital is
  // part of the spending that the equity paid in and the loan finance.
  const C = firstOperatingYear(t.operatingYear) - 1;
  const vatInputOperating = t.vatInput.map((v, y) => (y <= C ? 0 : v));
  const inflow = sumOf(T, t.revenue, t.vatOutput, t.salvage);
  const projectOutflow = sumOf(T, t.capex, s.operatingCost, t.vatInput, t.vatPaid, t.surcharges, t.replacement, t.decommissioning);
  const equityOutflow = sumOf(
    T,
    s.equityInjection,
    t.principal,
    t.interest,
    s.operatingCost,
    vatInputOperating,
    t.vatPaid,
    t.surcharges,
    t.incomeTax,
    t.replacement,
    t.decommissioning,
  );
  const inflowRows = [
    row('revenue', '1.1', '营业收入', 'Revenue', t.revenue),
    row('subsidy', '1.2', '补贴收入', 'Subsidy income', zero),
    row('vatOutput', '1.3', '销项税额', 'Output VAT', t.vatOutput),
    row('salvage', '1.4', '回收固定资产余值', 'Residual value of fixed assets recovered', t.salvage),
    row('workingCapitalRecovered', '1.5', '回收流动资金', 'Working capital recovered', zero),
  ];

  const projectCashFlow = statement('projectCashFlow', '项目投资现金流量表', 'Project investment cash-flow statement', [
    row('cashInflow', '1', '现金流入', 'Cash inflow', inflow),
    ...inflowRows,
    row('cashOutflow', '2', '现金流出', 'Cash outflow', projectOutflow),
    row('constructionInvestment', '2.1', '建设投资', 'Construction investment (VAT-exclusive)', t.capex),
    row('workingCapital', '2.2', '流动资金', 'Working capital', zero),
    row('operatingCost', '2.3', '经营成本', 'Operating cost', s.operatingCost),
    row('vatInput', '2.4', '进项税额', 'Input VAT', t.vatInput),
    row('vatPaid', '2.5', '应纳增值税', 'VAT paid', t.vatPaid),
    row('surcharges', '2.6', '营业税金及附加', 'Surcharges on VAT', t.surcharges),
    row('maintenanceInvestment', '2.7', '维持运营投资', 'Maintenance investment (replacements)', t.replacement),
    row('decommissioning', '2.8', '弃置费用', 'Decommissioning', t.decommissioning),
    row('netCashFlowPreTax', '3', '所得税前净现金流量', 'Net cash flow before income tax', t.projectCashFlowPreTax),
    row('cumulativePreTax', '4', '累计所得税前净现金流量', 'Cumulative net cash flow before income tax', cumulative(t.projectCashFlowPreTax)),
    row('adjustedIncomeTax', '5', '调整所得税', 'Adjusted income tax', t.unleveredIncomeTax),
    row('netCashFlowAfterTax', '6', '所得税后净现金流量', 'Net cash flow after income tax', t.projectCashFlowAfterTax),
    row('cumulativeAfterTax', '7', '累计所得税后净现金流量', 'Cumulative net cash flow after income tax', cumulative(t.projectCashFlowAfterTax)),
    row(
      'cumulativeDiscountedPreTax',
      '8',
      '累计所得税前折现净现金流量（i_c）',
      'Cumulative net cash flow before income tax discounted at i_c',
      cumulative(t.projectCashFlowPreTax, benchmarkRate),
    ),
    row(
      'cumulativeDiscountedAfterTax',
      '9',
      '累计所得税后折现净现金流量（i_c）',
      'Cumulative net cash flow after income tax discounted at i_c',
      cumulative(t.projectCashFlowAfterTax, benchmarkRate),
    ),
  ]);

  const equityCashFlow = statement('equityCashFlow', '项目资本金现金流量表', 'Equity (project capital) cash-flow statement', [
    row('cashInflow', '1', '现金流入', 'Cash inflow', inflow),
    ...inflowRows,
    row('cashOutflow', '2', '现金流出', 'Cash outflow', equityOutflow),
    row('equityPaidIn', '2.1', '项目资本金', 'Equity paid in', s.equityInjection),
    row('principal', '2.2', '借款本金偿还', 'Loan principal repaid', t.principal),
    row('interest', '2.3', '借款利息支付', 'Loan interest paid', t.interest),
    row('operatingCost', '2.4', '经营成本', 'Operating cost', s.operatingCost),
    row('vatInput', '2.5', '进项税额', 'Input VAT (operating years)', vatInputOperating),
    row('vatPaid', '2.6', '应纳增值税', 'VAT paid', t.vatPaid),
    row('surcharges', '2.7', '营业税金及附加', 'Surcharges on VAT', t.surcharges),
    row('incomeTax', '2.8', '所得税', 'Income tax', t.incomeTax),
    row('maintenanceInvestment', '2.9', '维持运营投资', 'Maintenance investment (replacements)', t.replacement),
    row('decommissioning', '2.10', '弃置费用', 'Decommissioning', t.decommissioning),
    row('netCashFlow', '3', '净现金流量', 'Net cash flow', t.equityCashFlow),
    row('cumulative', '4', '累计净现金流量', 'Cumulative net cash flow', cumulative(t.equityCashFlow)),
  ]);

  const incomeStatement = statement('incomeStatement', '利润与利润分配表', 'Income statement', [
    row('revenue', '1', '营业收入', 'Revenue', t.revenue),
    row('subsidy', '2', '补贴收入', 'Subsidy income', zero),
    row('surcharges', '3', '营业税金及附加', 'Surcharges on VAT', t.surcharges),
    row('totalCost', '4', '总成本费用', 'Total cost', s.totalCost),
    row('operatingCost', '4.1', '经营成本', 'Operating cost', s.operatingCost),
    row('depreciation', '4.2', '折旧费', 'Depreciation', t.depreciation),
    row('amortisation', '4.3', '摊销费', 'Amortisation', zero),
    row('interest', '4.4', '利息支出', 'Interest expense', t.interest),
    row('disposalResult', '5', '期末处置损益', 'End-of-life result (salvage − decommissioning − book value written off)', s.disposalResult),
    row('totalProfit', '6', '利润总额', 'Total profit', s.totalProfit),
    row('lossUsed', '7', '弥补以前年度亏损', 'Losses of earlier years offset', t.lossUsed),
    row('taxableIncome', '8', '应纳税所得额', 'Taxable income', s.taxableAfterLosses),
    row('incomeTax', '9', '所得税', 'Income tax', t.incomeTax),
    row('netProfit', '10', '净利润', 'Net profit', s.netProfit),
    row('ebit', '11', '息税前利润', 'Earnings before interest and tax (EBIT)', s.ebit),
    row('ebitda', '12', '息税折旧摊销前利润', 'EBITDA', s.ebitda),
  ]);

  const opening = t.debtBalance.map((_, y) => (y === 0 ? 0 : t.debtBalance[y - 1]));
  const interestPaid = sumOf(T, t.interest, t.interestPaidByEquity);
  const debtSchedule = statement('debtSchedule', '借款还本付息计划表', 'Loan repayment schedule', [
    row('openingBalance', '1', '期初借款余额', 'Opening balance', opening),
    row('draw', '2', '当期借款', 'Drawn in the year', t.debtDraw),
    row('interestCapitalised', '3', '建设期利息（资本化）', 'Construction interest capitalised', t.interestCapitalised),
    row('service', '4', '当期还本付息', 'Principal and interest paid', sumOf(T, t.principal, interestPaid)),
    row('principal', '4.1', '还本', 'Principal', t.principal),
    row('interestPaid', '4.2', '付息', 'Interest (construction interest paid by equity included)', interestPaid),
    row('closingBalance', '5', '期末借款余额', 'Closing balance', t.debtBalance),
    row('interestCover', '6', '利息备付率', 'Interest cover ratio (ratio)', ratios.interestCover),
    row('debtServiceCover', '7', '偿债备付率', 'Debt service cover ratio, the method\'s (ratio)', ratios.debtServiceCover),
  ]);

  const balanceSheet = statement('balanceSheet', '资产负债表（简化）', 'Balance sheet (simplified)', [
    row('assets', '1', '资产', 'Assets', s.totalAssets),
    row('fixedAssetsNet', '1.1', '固定资产净值', 'Fixed assets, net', s.fixedAssetsNet),
    row('vatCredit', '1.2', '待抵扣进项税额', 'Input-VAT credit carried forward', t.vatCredit),
    row('cash', '1.3', '累计盈余资金', 'Cumulative cash surplus', s.cumulativeSurplus.map((x) => Math.max(0, x))),
    row('liabilities', '2', '负债', 'Liabilities', s.totalLiabilities),
    row('longTermLoan', '2.1', '长期借款', 'Term loan', t.debtBalance),
    row('shortTermBorrowing', '2.2', '短期借款', 'Short-term borrowing (cash shortfall)', s.shortTermBorrowing),
    row('ownersEquity', '3', '所有者权益', 'Owners\' equity', s.ownersEquity),
    row('liabilityToAssets', '4', '资产负债率', 'Liability-to-asset ratio (fraction)', ratios.liabilityToAssets),
  ]);

  return [projectCashFlow, equityCashFlow, incomeStatement, debtSchedule, balanceSheet];
}
