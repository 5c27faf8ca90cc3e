/**
 * The keys of a plant's year of dispatch (and of a li-ion plant's life, which is its years of dispatch), for the
 * caches evaluate keeps them in: in memory, and below that in the persistent store when the Node edge gives one
 * (src/project/cache-node.ts), so that a second `chuneng evaluate` of the same project skips its dispatches too.
 *
 * A key is the canonical JSON (periodic-cache.ts) of everything the year depends on — the plant as written (template
 * and parameters, or its performance), the site (design ambient, time zone), the market, the dispatch section, the
 * costs that steer it, and the price series itself (its values, so that an edited price file is another key) —
 * and nothing the money alone depends on is left out by design: a change of capex also misses, which is safe. The
 * code that computes a year is the cache's build id's business (cache-node.ts). A rolling horizon on a forecast
 * file is known to the project only by the file's name: such a year is never kept (undefined key).
 */
import type { PriceSeries } from '../dispatch/index.js';
import { canonicalJson } from '../plant/templates/periodic-cache.js';
import type { PlantSpec, ProjectSpec } from './schema.js';

/** The key of a plant's year of dispatch, or undefined when it cannot be kept (a forecast file). */
export function yearDispatchKey(project: ProjectSpec, spec: PlantSpec, series: PriceSeries, costs: object): string | undefined {
  const h = project.dispatch.horizon;
  if (h !== 'year' && typeof h.rolling.foresight === 'object') return undefined;
  return canonicalJson({
    plant: { template: spec.template ?? null, parameters: spec.parameters ?? null, performance: spec.performance ?? null },
    site: project.site,
    market: project.market,
    dispatch: project.dispatch,
    costs,
    prices: { startMs: series.startMs, stepSeconds: series.stepSeconds, utcOffsetMinutes: series.utcOffsetMinutes, values: series.prices },
  });
}

/** The key of a li-ion plant's life (its yearly dispatches on the faded plant), which also depends on its years and
 *  currency (the end-of-life value's basis). */
export function liIonLifeKey(project: ProjectSpec, spec: PlantSpec, series: PriceSeries, finance: { currency: string; operatingYears: number }, reservePower: number): string | undefined {
  const year = yearDispatchKey(project, spec, series, { reservePower });
  return year === undefined ? undefined : canonicalJson({ year, finance });
}
