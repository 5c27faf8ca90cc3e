/**
 * A recycling-plant project's results as the workbench, the reports and results.json show them: the line's mass
 * balance and money (src/battery/recycling), its value by route and chemistry (the file's own costs for its route,
 * the documented estimate for the others), and, with a finance section, the same cash-flow model, indicators and
 * Chinese statements as a storage plant's.
 */
import { compareRoutes, estimatedCosts, RECYCLING_ROUTES, type AnnualStatement, type RecyclingResult, type RouteComparison } from '../battery/recycling/index.js';
import { chineseEvaluation, type CnEvaluation, type ProjectResult } from '../finance/index.js';
import { yearlyCashFlow, type YearlyCashFlow } from './cash-flow-data.js';
import { evaluateRecyclingPlantProject, type RecyclingPlantProject } from './recycling-plant.js';

export interface RecyclingEvaluation {
  readonly name: string;
  readonly route: string;
  readonly result: RecyclingResult;
  readonly statement: AnnualStatement;
  readonly routes: readonly RouteComparison[];
  readonly finance: null | {
    readonly currency: string;
    readonly capex: number;
    readonly npvProjectAfterTax: number;
    readonly npvEquity: number;
    readonly irrProjectAfterTax: number | null;
    readonly irrEquity: number | null;
    readonly paybackYears: number | null;
    readonly discountRate: number;
    readonly constructionYears: number;
    readonly operatingYears: number;
    readonly cashFlow: YearlyCashFlow;
    readonly cn: CnEvaluation;
  };
}

export function recyclingEvaluation(p: RecyclingPlantProject): RecyclingEvaluation {
  const e = evaluateRecyclingPlantProject(p);
  const route = e.recycling.route;
  const routes = compareRoutes(p.plant, Object.fromEntries(RECYCLING_ROUTES.filter((r) => r !== route).map((r) => [r, estimatedCosts(r)])));
  return { name: e.name, route, result: e.recycling, statement: e.statement, routes, finance: p.finance && e.finance ? financeOf(p.finance, e.finance) : null };
}

function financeOf(section: NonNullable<RecyclingPlantProject['finance']>, model: ProjectResult): NonNullable<RecyclingEvaluation['finance']> {
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
