/**
 * A recycling-plant project's results as the workbench, the reports and results.json show them: the line's mass
 * balance and money (src/battery/recycling), its value by route and chemistry (the file's own costs for its route,
 * the documented estimate for the others), and, with a finance section, the same cash-flow model, indicators and
 * Chinese statements as a storage plant's.
 */
import { compareRoutes, estimatedCosts, RECYCLING_ROUTES, type AnnualStatement, type RecyclingResult, type RouteComparison } from '../battery/recycling/index.js';
import { financeFigures, type FinanceFigures } from './cash-flow-data.js';
import { evaluateRecyclingPlantProject, type RecyclingPlantProject } from './recycling-plant.js';

export interface RecyclingEvaluation {
  readonly name: string;
  readonly route: string;
  readonly result: RecyclingResult;
  readonly statement: AnnualStatement;
  readonly routes: readonly RouteComparison[];
  readonly finance: FinanceFigures | null;
}

export function recyclingEvaluation(p: RecyclingPlantProject): RecyclingEvaluation {
  const e = evaluateRecyclingPlantProject(p);
  const route = e.recycling.route;
  const routes = compareRoutes(p.plant, Object.fromEntries(RECYCLING_ROUTES.filter((r) => r !== route).map((r) => [r, estimatedCosts(r)])));
  return { name: e.name, route, result: e.recycling, statement: e.statement, routes, finance: p.finance && e.finance ? financeFigures(p.finance, e.finance) : null };
}
