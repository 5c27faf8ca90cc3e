/**
 * Plant templates: ready, parameterised storage plants with their whole operating cycle.
 *
 *   const plant = createPlant('co2-gas-liquid', { charge: { power: '100 MW' } }, { ambientTemperature: 298.15 });
 *   plant.design();        // charge and discharge design points (network solutions) and key figures
 *   plant.performance();   // powers, capacity, part-load curves, standing loss, RTE, density, equipment (plain data)
 *   plant.cycle({ chargeSeconds: 4 * 3600, holdSeconds: 2 * 3600, dischargeSeconds: 4 * 3600, stepSeconds: 60 });
 *   plant.replay({ stepSeconds: 3600, charge, discharge });   // a dispatch schedule through the transient model
 *   plant.network('charge');   // the design point's network file (YAML), for `chuneng solve`
 *
 * Templates (parameters: describeParameters(TEMPLATE_SCHEMAS[name]) lists unit, default, range and source of each):
 *   adiabatic-caes      intercooled compression into two-tank thermal stores, salt cavern or compensated store,
 *                       reheated expansion (adiabatic-caes.ts)
 *   diabatic-caes       Huntorf type (two intercooled stages, HP and LP combustors) and McIntosh type (with a
 *                       recuperator) (diabatic-caes.ts)
 *   co2-gas-liquid      CO2 dome at 1 atm, compression with a chain of thermal stores, condensation against a water
 *                       basin or ambient air, liquid tanks; discharge by evaporation, reheat and expansion (co2-gas-liquid.ts)
 *   co2-transcritical   CO2 between a low-pressure and a high-pressure (supercritical) tank (co2-transcritical.ts)
 *   liquid-co2          liquid CO2 in a low-pressure tank kept cold by a cold store and in a high-pressure tank
 *                       (liquid-co2/)
 * A plant file (template, parameters, site, cycle) is parsed by plant-file.ts (`chuneng simulate`); the transient
 * engine, stores and replay live in ../transient/.
 */
import type { z } from 'zod';
import { ADIABATIC_CAES_SCHEMA, adiabaticCaes } from './adiabatic-caes.js';
import { DIABATIC_CAES_SCHEMA, diabaticCaes } from './diabatic-caes.js';
import { CO2_GAS_LIQUID_SCHEMA, co2GasLiquid } from './co2-gas-liquid.js';
import { CO2_TRANSCRITICAL_SCHEMA, co2Transcritical } from './co2-transcritical.js';
import { LIQUID_CO2_SCHEMA, liquidCo2 } from './liquid-co2/index.js';
import { describeParameters, parseParameters, TemplateParameterError, type ParameterInfo } from './parameters.js';
import { TemplatePlantModel, type TemplateBuild } from './plant-model.js';
import { periodicCycleKey } from './periodic-cache.js';
import type { PlantModel, Site } from './types.js';
import { PlantInputError } from '../errors.js';

export const TEMPLATE_NAMES = ['adiabatic-caes', 'diabatic-caes', 'co2-gas-liquid', 'co2-transcritical', 'liquid-co2'] as const;
export type TemplateName = (typeof TEMPLATE_NAMES)[number];

/** The parameter schema of each template (zod; units in strings, defaults, ranges, field-path errors). */
export const TEMPLATE_SCHEMAS = {
  'adiabatic-caes': ADIABATIC_CAES_SCHEMA,
  'diabatic-caes': DIABATIC_CAES_SCHEMA,
  'co2-gas-liquid': CO2_GAS_LIQUID_SCHEMA,
  'co2-transcritical': CO2_TRANSCRITICAL_SCHEMA,
  'liquid-co2': LIQUID_CO2_SCHEMA,
} as const satisfies Record<TemplateName, z.ZodType>;

const BUILDERS: Record<TemplateName, (params: never, site: Site) => TemplateBuild> = {
  'adiabatic-caes': adiabaticCaes,
  'diabatic-caes': diabaticCaes,
  'co2-gas-liquid': co2GasLiquid,
  'co2-transcritical': co2Transcritical,
  'liquid-co2': liquidCo2,
};

/** The default site: 20 degC, 1 atm. */
export const DEFAULT_SITE: Site = Object.freeze({ ambientTemperature: 293.15, ambientPressure: 101325 });

export function isTemplateName(name: string): name is TemplateName {
  return (TEMPLATE_NAMES as readonly string[]).includes(name);
}

/** Every parameter of a template with its unit, default, valid range and source. */
export function templateParameters(template: TemplateName): ParameterInfo[] {
  return describeParameters(TEMPLATE_SCHEMAS[template]);
}

/**
 * Builds a template plant: parses the parameters (a TemplateParameterError lists every bad field by path), designs
 * it at the site (a PlantInputError says what cannot be built, e.g. condensation above the critical temperature) and
 * returns its PlantModel. `onProgress` reports the steps of performance() (design cycle, hold test, maps).
 */
export function createPlant(template: string, params: unknown, site: Partial<Site> = {}, onProgress?: (done: number, total: number) => void): PlantModel {
  if (!isTemplateName(template)) throw new TemplateParameterError(String(template), [{ field: 'template', message: `${JSON.stringify(template)} is not a template; valid: ${TEMPLATE_NAMES.join(', ')}` }]);
  const T = site.ambientTemperature ?? DEFAULT_SITE.ambientTemperature;
  const p = site.ambientPressure ?? DEFAULT_SITE.ambientPressure ?? 101325;
  if (!(Number.isFinite(T) && T > 200 && T < 340)) throw new PlantInputError('site', 'ambientTemperature', T, '200 K < ambientTemperature < 340 K');
  if (!(Number.isFinite(p) && p > 5e4 && p < 1.2e5)) throw new PlantInputError('site', 'ambientPressure', p, '50 kPa < ambientPressure < 120 kPa');
  const parsed = parseParameters(template, TEMPLATE_SCHEMAS[template] as z.ZodType, params);
  const build = BUILDERS[template](parsed as never, { ambientTemperature: T, ambientPressure: p });
  return new TemplatePlantModel(build, onProgress, periodicCycleKey({ template, parameters: parsed, ambientTemperature: T, ambientPressure: p }));
}

export { describeParameters, TemplateParameterError, type ParameterInfo, type ParameterIssue } from './parameters.js';
export type { PlantModel, PlantDesign, PlantPerformance, DesignCycleReport, PartLoadCurve, Equipment, EquipmentKind, Figure, Site } from './types.js';
export type { StoreBalance, StorePartBalance, StoreBalanceStore } from './balance.js';
export type { CycleOptions, CycleResult, CycleMetrics, TimeSeries, Stop, ComponentLoss, Conservation, Restoration } from '../transient/cycle.js';
export type { ReplaySchedule, ReplayOptions, ReplayResult, Violation, PartLoadMaps } from '../transient/replay.js';
export { TemplatePlantModel } from './plant-model.js';
