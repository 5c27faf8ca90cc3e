/**
 * The financial evaluation a Chinese feasibility study carries, after 《建设项目经济评价方法与参数》(第三版,
 * 国家发展改革委 建设部 2006): the profitability and solvency indicators, each with its definition in Chinese and
 * English and its source (cn-definitions.ts), judged against the benchmarks the user sets, and the basic statements
 * by year (cn-statements.ts), all as plain JSON-ready data for results.json and the UI.
 *
 * It reads an evaluated project (cashflow.ts evaluateProject) on its time line: t = 0 start of construction,
 * operating year n at t = C + n. A figure defined as one the summary already holds is taken from the summary, not
 * computed again: the three IRRs and the static after-tax payback. NPV and payback at i_c use money.ts, and the
 * cover ratios debt.ts's ratio-and-minimum arithmetic. 偿债备付率 is not summary.dscrByYear: the method's numerator
 * is EBITDA − income tax − maintenance investment, the summary's CFADS (see cn-definitions.ts for the difference).
 */
import { checkNumber, RANGES } from './check.js';
import type { ProjectResult } from './cashflow.js';
import { dscr } from './debt.js';
import { npv, payback, type IrrResult, type Payback } from './money.js';
import { CN_INDICATOR_TEXT, type CnIndicatorKey, type CnIndicatorText } from './cn-definitions.js';
import { cnSeries } from './cn-series.js';
import { cnStatements, type CnRatiosByYear, type CnStatement } from './cn-statements.js';

export { CN_INDICATOR_TEXT, CN_METHOD, type CnIndicatorKey, type CnIndicatorText, type CnUnit } from './cn-definitions.js';
export type { CnStatement, CnStatementKey, CnStatementRow } from './cn-statements.js';

export interface CnEvaluationOptions {
  /** 基准收益率 i_c: FIRR is compared with it, FNPV and the discounted payback computed at it; fraction per year. */
  readonly benchmarkRate: number;
  /** 基准投资回收期 P_c, compared with the static paybacks; years from t = 0. */
  readonly benchmarkPayback?: number;
  /** The investors' minimum acceptable return on equity, compared with the equity IRR; fraction per year. */
  readonly equityBenchmarkRate?: number;
  /** Industry reference return on total investment (同行业总投资收益率参考值); fraction per year. */
  readonly benchmarkRoi?: number;
  /** Industry reference net return on equity (同行业项目资本金净利润率参考值); fraction per year. */
  readonly benchmarkRoe?: number;
  /** Lowest acceptable 利息备付率 (the method: above 1; "not below 2" is customary); ratio. */
  readonly minInterestCover?: number;
  /** Lowest acceptable 偿债备付率 (the method: above 1; "not below 1.3" is customary); ratio. */
  readonly minDebtServiceCover?: number;
}

/** The method's floor for both cover ratios; lenders usually ask more (set it in the options). */
export const CN_EVALUATION_DEFAULTS = { minInterestCover: 1, minDebtServiceCover: 1 } as const;

export interface CnIndicator extends CnIndicatorText {
  readonly key: CnIndicatorKey;
  /** In `unit`; null where the figure does not exist (no IRR, never paid back, no debt), `note` says why. */
  readonly value: number | null;
  /** What the value is judged against, in `unit`: passes means value ≥ benchmark (payback: value ≤ benchmark). */
  readonly benchmark?: number;
  readonly passes?: boolean;
  /** For ratios judged year by year: one value per year t (null where undefined). */
  readonly byYear?: readonly (number | null)[];
  /** Year t where the reported minimum (cover ratios) or maximum (liability-to-asset ratio) occurs. */
  readonly year?: number;
  readonly note?: string;
}

export interface CnEvaluation {
  /** i_c; fraction per year. */
  readonly benchmarkRate: number;
  readonly indicators: readonly CnIndicator[];
  readonly statements: readonly CnStatement[];
}

function checkOptions(o: CnEvaluationOptions): void {
  checkNumber('benchmarkRate', o.benchmarkRate, RANGES.rate);
  if (o.benchmarkPayback !== undefined) checkNumber('benchmarkPayback', o.benchmarkPayback, RANGES.nonNegative);
  if (o.equityBenchmarkRate !== undefined) checkNumber('equityBenchmarkRate', o.equityBenchmarkRate, RANGES.rate);
  if (o.benchmarkRoi !== undefined) checkNumber('benchmarkRoi', o.benchmarkRoi, RANGES.finite);
  if (o.benchmarkRoe !== undefined) checkNumber('benchmarkRoe', o.benchmarkRoe, RANGES.finite);
  if (o.minInterestCover !== undefined) checkNumber('minInterestCover', o.minInterestCover, RANGES.nonNegative);
  if (o.minDebtServiceCover !== undefined) checkNumber('minDebtServiceCover', o.minDebtServiceCover, RANGES.nonNegative);
}

type Figure = Omit<CnIndicator, keyof CnIndicatorText | 'key' | 'passes'>;

/**
 * An indicator: its text, its value, and the verdict where a benchmark is given (higher is better unless `atMost`).
 * A payback never reached fails; a missing IRR gets no verdict (it may be missing because every flow is positive).
 * Absent fields are left out rather than set to undefined, so that the object is plain JSON.
 */
function indicator(key: CnIndicatorKey, f: Figure, atMost = false): CnIndicator {
  const b = f.benchmark;
  const passes = b === undefined ? undefined : f.value === null ? (atMost ? false : undefined) : atMost ? f.value <= b : f.value >= b;
  const fields = Object.entries({ ...f, passes }).filter(([, v]) => v !== undefined);
  return { key, ...CN_INDICATOR_TEXT[key], ...(Object.fromEntries(fields) as Figure & { passes?: boolean }) };
}

const fromIrr = (r: IrrResult, benchmark?: number): Figure => (r.ok ? { value: r.value, benchmark } : { value: null, benchmark, note: r.reason });
const fromPayback = (p: Payback, benchmark?: number): Figure =>
  p.reached ? { value: p.years, benchmark } : { value: null, benchmark, note: p.reason };

/** Mean over operating years 1 … N; money per year. */
function operatingMean(x: ArrayLike<number>, operatingYear: ArrayLike<number>): number {
  let sum = 0;
  let n = 0;
  for (let y = 0; y < x.length; y++) {
    if (operatingYear[y] > 0) {
      sum += x[y];
      n++;
    }
  }
  return sum / n;
}

/** Indicators and statements of the method for an evaluated project. */
export function chineseEvaluation(result: ProjectResult, options: CnEvaluationOptions): CnEvaluation {
  checkOptions(options);
  const o = { ...CN_EVALUATION_DEFAULTS, ...options };
  const ic = o.benchmarkRate;
  const t = result.table;
  const sm = result.summary;
  const s = cnSeries(result);
  const T = t.year.length;

  // Both cover ratios are "funds / amount due, in years where something is due, and the minimum": debt.ts's dscr().
  const icr = dscr(s.ebit, t.interest);
  const dscrMethod = dscr(s.debtServiceFunds, t.debtService);
  const loar: (number | null)[] = [];
  let loarMax: { value: number; year: number } | null = null;
  for (let y = 0; y < T; y++) {
    const v = s.totalAssets[y] > 0 ? s.totalLiabilities[y] / s.totalAssets[y] : null;
    loar.push(v);
    if (v !== null && (loarMax === null || v > loarMax.value)) loarMax = { value: v, year: y };
  }
  const ratios: CnRatiosByYear = { interestCover: icr.byYear, debtServiceCover: dscrMethod.byYear, liabilityToAssets: loar };

  let totalInvestment = 0;
  for (let y = 0; y < T; y++) totalInvestment += t.capex[y] + t.interestCapitalised[y] + t.interestPaidByEquity[y];
  const ebitMean = operatingMean(s.ebit, t.operatingYear);
  const netProfitMean = operatingMean(s.netProfit, t.operatingYear);

  const indicators: CnIndicator[] = [
    indicator('firrPreTax', fromIrr(sm.irrProjectPreTax, ic)),
    indicator('firrAfterTax', fromIrr(sm.irrProjectAfterTax, ic)),
    indicator('fnpvPreTax', { value: npv(ic, t.projectCashFlowPreTax), benchmark: 0 }),
    indicator('fnpvAfterTax', { value: npv(ic, t.projectCashFlowAfterTax), benchmark: 0 }),
    indicator('firrEquity', fromIrr(sm.irrEquity, o.equityBenchmarkRate)),
    indicator('paybackPreTax', fromPayback(payback(t.projectCashFlowPreTax), o.benchmarkPayback), true),
    indicator('paybackAfterTax', fromPayback(sm.payback, o.benchmarkPayback), true),
    indicator('dynamicPaybackPreTax', fromPayback(payback(t.projectCashFlowPreTax, ic))),
    indicator('dynamicPaybackAfterTax', fromPayback(payback(t.projectCashFlowAfterTax, ic))),
    indicator('roi', totalInvestment > 0 ? { value: ebitMean / totalInvestment, benchmark: o.benchmarkRoi } : { value: null, note: 'no investment' }),
    indicator(
      'roe',
      result.equityInvested > 0
        ? { value: netProfitMean / result.equityInvested, benchmark: o.benchmarkRoe }
        : { value: null, note: 'no equity is put in' },
    ),
    indicator(
      'interestCover',
      icr.min
        ? { value: icr.min.value, year: icr.min.year, byYear: icr.byYear, benchmark: o.minInterestCover }
        : { value: null, byYear: icr.byYear, note: 'no interest is charged in the operating years' },
    ),
    indicator(
      'debtServiceCover',
      dscrMethod.min
        ? { value: dscrMethod.min.value, year: dscrMethod.min.year, byYear: dscrMethod.byYear, benchmark: o.minDebtServiceCover }
        : { value: null, byYear: dscrMethod.byYear, note: 'no debt is serviced' },
    ),
    indicator(
      'liabilityToAssets',
      loarMax ? { value: loarMax.value, year: loarMax.year, byYear: loar } : { value: null, byYear: loar, note: 'no assets' },
    ),
  ];
  return { benchmarkRate: ic, indicators, statements: cnStatements(result, s, ratios, ic) };
}
