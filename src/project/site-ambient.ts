/**
 * The design ambient of a site: the annual mean of its monthly mean air temperatures (or its one temperature), at
 * which a template plant is designed and a li-ion plant's container is sized. A module of its own, light to load:
 * the li-ion plant needs it without the template plants' physics (template-plant.ts re-exports it).
 */
import type { SiteSpec } from './schema.js';

/** The site's annual mean ambient temperature. Unit: K */
export function designAmbient(site: SiteSpec): number {
  const t = site.ambientTemperature;
  return Array.isArray(t) ? t.reduce((a, b) => a + b, 0) / t.length : t;
}
