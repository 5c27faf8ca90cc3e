/**
 * The physics of a template plant — its design point, periodic design cycle and part-load maps — depends only on
 * its template, its parameters and the site's design ambient (src/project/template-plant.ts buildTemplatePlant).
 * A study that varies money or market inputs builds the same plant in every case: this cache keeps the built
 * TemplatePlant (and its detail, one more transient cycle) by the hash of those three, so the next case goes
 * straight to dispatch. One cache per worker (a thread or a process); a few plants are kept, least recently used out.
 *
 * Seam: `evaluate(project, { plantCache })` (EvaluateOptions.plantCache, proposed to src/project/evaluate.ts — see
 * the study runner's report); without it evaluate builds every plant itself and the results are the same.
 */
import type { PlantSpec, SiteSpec } from '../schema.js';
import { designAmbient, type PlantDetail, type TemplatePlant } from '../template-plant.js';
import { hashValue } from './hash.js';

export interface PlantCache {
  /** The plant of `spec` at `site`: a kept one with the same key, or `build()`'s (then kept). */
  plant(spec: PlantSpec, site: SiteSpec, build: () => TemplatePlant): TemplatePlant;
}

/** The key of a template plant's physics: template, parameters (as written) and the design ambient (K). */
export function plantKey(spec: PlantSpec, site: SiteSpec): string {
  return hashValue({ template: spec.template, parameters: spec.parameters ?? {}, ambientTemperature: designAmbient(site) });
}

export const PLANT_CACHE_DEFAULTS = { maxPlants: 4 } as const;

export class TemplatePlantCache implements PlantCache {
  private readonly plants = new Map<string, TemplatePlant>();
  hits = 0;
  misses = 0;

  constructor(private readonly maxPlants: number = PLANT_CACHE_DEFAULTS.maxPlants) {}

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
