/**
 * The finance layer's results as plain data for results.json, shared by every kind of plant (storage plants,
 * recycling plants): the headline figures, the yearly cash-flow table and the Chinese method's indicators.
 */
import { chineseEvaluation, type CashFlowTable, type CnEvaluation, type FinanceSection, type ProjectResult } from '../finance/index.js';

/** The cash-flow table as plain arrays (JSON), with the DSCR of each year (null where no debt is served). */
export type YearlyCashFlow = { readonly [K in keyof CashFlowTable]: readonly number[] } & { readonly dscr: readonly (number | null)[] };

export function yearlyCashFlow(table: CashFlowTable, dscr: readonly (number | null)[]): YearlyCashFlow {
  const out: Record<string, readonly (number | null)[]> = {};
  for (const [k, v] of Object.entries(table)) out[k] = Array.from(v as ArrayLike<number>);
  out.dscr = [...dscr];
  return out as YearlyCashFlow;
}

/** What every plant's results say of its money (money in `currency`; rates per year; null where a figure does not exist). */
export interface FinanceFigures {
  readonly currency: string;
  readonly capex: number;
  readonly npvProjectAfterTax: number;
  readonly npvEquity: number;
  readonly irrProjectAfterTax: number | null;
  readonly irrEquity: number | null;
  readonly paybackYears: number | null;
  /** Discount rate of NPV and LCOS; fraction per year. */
  readonly discountRate: number;
  readonly constructionYears: number;
  readonly operatingYears: number;
  /** The yearly cash-flow table (src/finance/cashflow.ts), one slot per year t = 0 … T − 1; money, energy in J. */
  readonly cashFlow: YearlyCashFlow;
  /** The indicators and statements of the Chinese method (建设项目经济评价方法与参数, src/finance/cn-evaluation.ts). */
  readonly cn: CnEvaluation;
}

/** The figures of a finance section's cash-flow model. */
export function financeFigures(section: Pick<FinanceSection, 'currency' | 'inputs' | 'benchmark'>, model: ProjectResult): FinanceFigures {
  const s = model.summary;
  const b = section.benchmark;
  return {
    currency: section.currency,
    capex: section.inputs.capex.total,
    npvProjectAfterTax: s.npvProjectAfterTax,
    npvEquity: s.npvEquity,
    irrProjectAfterTax: s.irrProjectAfterTax.ok ? s.irrProjectAfterTax.value : null,
    irrEquity: s.irrEquity.ok ? s.irrEquity.value : null,
    paybackYears: s.payback.reached ? s.payback.years : null,
    discountRate: section.inputs.discountRate,
    constructionYears: section.inputs.constructionYears,
    operatingYears: section.inputs.operatingYears,
    cashFlow: yearlyCashFlow(model.table, s.dscrByYear),
    cn: chineseEvaluation(model, {
      benchmarkRate: b.rate,
      ...(b.paybackYears !== undefined ? { benchmarkPayback: b.paybackYears } : {}),
      ...(b.equityRate !== undefined ? { equityBenchmarkRate: b.equityRate } : {}),
    }),
  };
}
