/**
 * The physics of a template plant — its design point, periodic design cycle and part-load maps — depends only on
 * its template, its parameters and the site's design ambient (src/project/template-plant.ts buildTemplatePlant).
 * A study that varies money or market inputs builds the same plant in every case: this cache keeps the built
 * TemplatePlant (and its detail, one more transient cycle) by the hash of those three, so the next case goes
 * straight to dispatch. One cache per worker (a thread or a process); a few plants are kept, least recently used out.
 *
 *
 * The year of dispatch depends on the plant, the prices, the market's terms and the dispatch section — not on the
 * money (capex, rates, O&M, tax, debt). Kept by the hash of those, a case that changes only money goes straight to
 * the cash flows. The kept dispatch is only valid within one study (the files a project names are the study's:
 * a rolling horizon's forecast file is known by its name), so a cache belongs to one study's context.
 *
 * Seam: `evaluate(project, { plantCache })` (EvaluateOptions.plantCache, proposed to src/project/evaluate.ts — see
 * the study runner's report); without it evaluate builds every plant itself and the results are the same.
 */
import type { PriceSeries } from '../../dispatch/index.js';
import type { PlantSpec, ProjectSpec, SiteSpec } from '../schema.js';
import type { PlantDetail, TemplatePlant } from '../template-plant.js';
import { designAmbient } from '../site-ambient.js';
import { hashValue } from './hash.js';

export interface PlantCache {
  /** The plant of `spec` at `site`: a kept one with the same key, or `build()`'s (then kept). */
  plant(spec: PlantSpec, site: SiteSpec, build: () => TemplatePlant): TemplatePlant;
  /** The plant's year of dispatch: a kept one with the same key (dispatchKey), or `run()`'s (then kept). */
  dispatch<T>(project: ProjectSpec, spec: PlantSpec, series: PriceSeries, costs: object, run: () => Promise<T>): Promise<T>;
}

/** The key of a template plant's physics: template, parameters (as written) and the design ambient (K). */
export function plantKey(spec: PlantSpec, site: SiteSpec): string {
  return hashValue({ template: spec.template, parameters: spec.parameters ?? {}, ambientTemperature: designAmbient(site) });
}

/** The key of a plant's year of dispatch: the plant (its physics, or its performance), the prices, the market's
 *  terms, the dispatch section and the costs that steer it. */
export function dispatchKey(project: ProjectSpec, spec: PlantSpec, series: PriceSeries, costs: object): string {
  return hashValue({
    plant: spec.performance ?? plantKey(spec, project.site),
    template: spec.template ?? null,
    prices: { startMs: series.startMs, stepSeconds: series.stepSeconds, offset: series.utcOffsetMinutes, values: Array.from(series.prices) },
    // the market's terms that steer dispatch; the capacity payment and the reserve's rate are revenue only (the
    // reserve's power is in the costs as reservePower, the fuel price in variableCost)
    market: { ...project.market, capacityPayment: undefined, ancillary: project.market.ancillary ? { power: project.market.ancillary.power } : undefined },
    dispatch: project.dispatch,
    timeZone: project.site.timeZone,
    costs,
  });
}

export const PLANT_CACHE_DEFAULTS = { maxPlants: 4, maxDispatches: 8 } as const;

export class TemplatePlantCache implements PlantCache {
  private readonly plants = new Map<string, TemplatePlant>();
  private readonly dispatches = new Map<string, Promise<unknown>>();
  hits = 0;
  misses = 0;
  dispatchHits = 0;

  constructor(
    private readonly maxPlants: number = PLANT_CACHE_DEFAULTS.maxPlants,
    private readonly maxDispatches: number = PLANT_CACHE_DEFAULTS.maxDispatches,
  ) {}

  dispatch<T>(project: ProjectSpec, spec: PlantSpec, series: PriceSeries, costs: object, run: () => Promise<T>): Promise<T> {
    const key = dispatchKey(project, spec, series, costs);
    const kept = this.dispatches.get(key) as Promise<T> | undefined;
    if (kept) {
      this.dispatchHits++;
      this.dispatches.delete(key);
      this.dispatches.set(key, kept);
      return kept;
    }
    const running = run();
    this.dispatches.set(key, running);
    running.catch(() => this.dispatches.delete(key)); // a failed dispatch is not kept: the case's error says why
    while (this.dispatches.size > this.maxDispatches) this.dispatches.delete(this.dispatches.keys().next().value!);
    return running;
  }

  plant(spec: PlantSpec, site: SiteSpec, build: () => TemplatePlant): TemplatePlant {
    const key = plantKey(spec, site);
    const kept = this.plants.get(key);
    if (kept) {
      this.hits++;
      this.plants.delete(key); // most recently used last
      this.plants.set(key, kept);
      return kept;
    }
    this.misses++;
    const built = build();
    let detail: PlantDetail | undefined;
    const plant: TemplatePlant = { ...built, detail: () => (detail ??= built.detail()) };
    this.plants.set(key, plant);
    while (this.plants.size > this.maxPlants) this.plants.delete(this.plants.keys().next().value!);
    return plant;
  }
}
