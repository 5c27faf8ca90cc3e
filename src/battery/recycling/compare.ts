/**
 * Net value by route and chemistry: each feed stream of the plant under each of the three routes, with the same
 * line, costs, prices and recovery set (the plant-level costs shared by mass, as in evaluateRecycling).
 */
import type { RecyclingChemistry } from '../data/recycling-materials.js';
import { RECYCLING_ROUTES, type RecyclingRoute } from '../data/recycling-recovery.js';
import { PROCESS_COSTS_CN_ESTIMATE } from '../data/recycling-costs.js';
import { evaluateRecycling } from './economics.js';
import { ProcessCostsSchema } from './schema.js';
import type { RecyclingPlantSpec } from './spec.js';

export interface RouteComparison {
  readonly chemistry: RecyclingChemistry;
  readonly route: RecyclingRoute;
  /** yuan/kg of feed. */
  readonly netValuePerMass: number;
  /** yuan/J of nameplate energy. */
  readonly netValuePerEnergy: number;
  /** yuan/kg (negative: the recycler can pay for batteries). */
  readonly breakEvenGateFee: number;
  /** The route's margin on black mass bought at market value, over its route revenue; 1 (null without route revenue). */
  readonly routeMarginShare: number | null;
  /** yuan/kg of black mass. */
  readonly blackMassPrice: number;
}

/**
 * Every (chemistry of the feed, route) pair. Capex per capacity is the spec's for all routes unless `capexByRoute`
 * gives a route its own (the routes' plants differ).
 */
export function compareRoutes(spec: RecyclingPlantSpec, costsByRoute?: Partial<Record<RecyclingRoute, RecyclingPlantSpec['costs']>>): RouteComparison[] {
  const out: RouteComparison[] = [];
  for (const route of RECYCLING_ROUTES) {
    const r = evaluateRecycling(costsByRoute?.[route] ? { ...spec, costs: costsByRoute[route]! } : spec, route);
    for (const s of r.streams) {
      const routeRevenue = s.balance.products.filter((x) => x.stage === 'route').reduce((a, x) => a + x.mass * spec.prices[x.price], 0);
      out.push({
        chemistry: s.balance.chemistry,
        route,
        netValuePerMass: s.netValuePerMass,
        netValuePerEnergy: s.netValuePerEnergy,
        breakEvenGateFee: s.breakEvenGateFee,
        routeMarginShare: routeRevenue > 0 ? s.routeMargin / routeRevenue : null,
        blackMassPrice: s.balance.blackMass > 0 ? s.blackMassValue / s.balance.blackMass : 0,
      });
    }
  }
  return out;
}

/** The documented Chinese cost estimate of a route (../data/recycling-costs.ts), parsed to SI. */
export function estimatedCosts(route: RecyclingRoute): RecyclingPlantSpec['costs'] {
  return ProcessCostsSchema.parse(PROCESS_COSTS_CN_ESTIMATE[route]);
}
