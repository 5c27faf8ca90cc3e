/**
 * A plant built from a thermodynamic template (src/plant/templates): its performance for dispatch and finance, a
 * summary of its design point and cycle, and the replay of a dispatch schedule through its transient model.
 */
import type { DispatchSchedule } from '../dispatch/index.js';
import type { PlantPerformance } from './performance.js';
import type { SiteSpec } from './schema.js';
import { ProjectError } from './errors.js';

export interface TemplatePlant {
  readonly performance: PlantPerformance;
  readonly summary: Record<string, unknown>;
  readonly replayReport?: Record<string, unknown>;
  replay(schedule: DispatchSchedule): Record<string, unknown>;
}

export function buildTemplatePlant(
  template: string,
  parameters: Record<string, unknown>,
  site: SiteSpec,
  field: string,
  onProgress?: (done: number, total: number) => void,
): TemplatePlant {
  void parameters;
  void site;
  void onProgress;
  throw new ProjectError(field.replace(/\.parameters$/, '.template'), template, 'a plant template (the templates are not available in this build)');
}
