/**
 * The parameters the templates share: a two-tank thermal store, machine trains and their stage ratios, a mode's
 * power, heat rejection. The parts that build plants from them are in parts/ (machine trains, store loops, caverns,
 * losses) and are re-exported here for the templates that import them from this file.
 */
import { z } from 'zod';
import { flag, integer, pressureLoss, quantity, rangeText } from './parameters.js';
import { fluid } from '../../fluids/index.js';
import { storeLiquid, userLiquid, type IncompressibleLiquid, type LiquidCorrelations } from '../../fluids/incompressible/index.js';
import { LiquidCorrelationsSchema } from '../../fluids/incompressible/user-liquid-schema.js';
import { formatQuantity } from '../../units/index.js';

export { COMPRESSOR_LINE, TURBINE_LINE, checkTrain, stageEfficiency, stageRatios, type LineSpec } from './parts/machine-train.js';
export { chainOut, lossEntry, lossFunction, upstream } from './parts/losses.js';
export { connectPath, type Node } from './parts/paths.js';
export { dischargeReturns, serves, stageList, storeExchanger, storeExchangerParams, storeLoop, type StoreLoop } from './parts/store-loop.js';
export { checkStores, densityAt, restoreThermalStores, type TrimmedStore } from './parts/thermal-stores.js';
export { cavernSchema, checkCavern, makeCavern, type CavernParams } from './parts/cavern.js';
export { designPoint, solveDesign } from './design-point.js';
export { holdEndDifferences, pinchHolds, solveHoldingPinches, type PinchHold } from './pinch-holds.js';

const storeName = z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'letters, digits and "_", starting with a letter');

/** The store liquids shipped with Chuneng (CoolProp INCOMP fits; water from IAPWS-95). */
const SHIPPED_STORE_MEDIA = ['TVP1', 'T66', 'DowQ', 'NaK', 'Water'] as const;
type ShippedStoreMedium = (typeof SHIPPED_STORE_MEDIA)[number];

/** A thermal store's medium: a shipped liquid's id, or a user-defined liquid given by its published correlations. */
export type ThermalStoreMedium = ShippedStoreMedium | { readonly liquid: LiquidCorrelations };

/** The id a store medium goes by in reports: the shipped liquid's, or the user-defined liquid's own. */
export function storeMediumId(medium: ThermalStoreMedium): string {
  return typeof medium === 'string' ? medium : medium.liquid.id;
}

/** One two-tank thermal store (several may be chained at falling temperature levels, hottest first). */
export function thermalStoreSchema(defaults: { name: string; medium: ShippedStoreMedium; coldTemperature: number; pressure: number }) {
  return z
    .object({
      name: storeName.default(defaults.name),
      medium: z
        .union([z.enum(SHIPPED_STORE_MEDIA), z.object({ liquid: LiquidCorrelationsSchema }).strict()])
        .default(defaults.medium)
        .meta({ kind: 'choice', unit: '', default: defaults.medium, range: `${SHIPPED_STORE_MEDIA.join(' | ')} | { liquid: correlations }`, doc: 'store liquid: Therminol VP-1, Therminol 66, Dowtherm Q, solar salt, pressurised water, or a user-defined liquid { liquid: { id, source, Tmin, Tmax, variable, rho, cp, mu?, k? } } from its published correlations', source: 'CoolProp INCOMP fits; water from IAPWS-95; a user liquid: its own source' }),
      coldTemperature: quantity('temperature', defaults.coldTemperature, { min: 250, max: 900 }, 'cold-tank temperature (the hot tank’s follows from the process)'),
      pressure: quantity('pressure', defaults.pressure, { min: 1e5, max: 200e5 }, 'pressure of the medium (above its vapour pressure at the hot temperature)'),
      pinch: quantity('temperatureDifference', 10, { min: 0.5, max: 100 }, 'smallest temperature difference inside each of its heat exchangers'),
      hotEndApproach: quantity('temperatureDifference', 15, { min: 1, max: 150 }, 'hot-end approach of each of its heat exchangers (larger than the pinch)'),
      mediumPressureLoss: pressureLoss({ kind: 'drop', value: 0.5e5 }, 'medium side of each heat exchanger (made up by the store pump)'),
      gasPressureLoss: pressureLoss({ kind: 'fraction', value: 0.02 }, 'gas side of each of its heat exchangers', 'Gasanzade et al. 2023 (heat exchangers 2 %)'),
      pumpEfficiency: quantity('fraction', 0.8, { min: 0.3, max: 1, minOpen: false }, 'isentropic efficiency of the store pump (drive losses included)'),
      heatLossCoefficient: quantity('heatTransferCoefficient', 0.15, { min: 0, max: 10 }, 'heat-loss coefficient of the tanks’ wetted surface (0.3 m mineral wool ≈ 0.15 W/(m² K))'),
      sizeMargin: quantity('fraction', 0.1, { min: 0, max: 2 }, 'medium beyond what a design charge needs'),
      heel: quantity('fraction', 0.03, { min: 0, max: 0.3 }, 'level a tank is never drawn below'),
      returnCooling: flag(true, 'cool the medium returning to the cold tank during discharge to the cold-tank temperature (heat to the ambient)'),
      stages: z
        .array(z.number().int().min(1).max(8))
        .min(1)
        .optional()
        .meta({ kind: 'list', unit: '', default: 'all', range: 'stage numbers from 1', doc: 'the compression stages it cools and the expansion stages it reheats (default: all)', source: '' }),
    })
    .strict()
    .superRefine((s, ctx) => {
      // the cold tank must hold its medium as a liquid inside the range its correlation is valid for: refused here,
      // at the field, not deep in the design point's solver
      let valid: ReturnType<typeof mediumRange>;
      try {
        valid = mediumRange(s.medium, s.pressure);
      } catch (e) {
        // a user liquid whose correlations are refused (userLiquid names the field and the reason)
        ctx.addIssue({ code: 'custom', path: ['medium'], message: (e as Error).message, input: s.medium });
        return;
      }
      if (!(s.coldTemperature >= valid.range.min && s.coldTemperature <= valid.range.max)) {
        ctx.addIssue({
          code: 'custom',
          path: ['coldTemperature'],
          message: `${formatQuantity(s.coldTemperature, 'temperature', 'degC', 5)} is outside the range of ${valid.name}: ${rangeText('temperature', valid.range, 'coldTemperature')} (${valid.basis})`,
          input: s.coldTemperature,
        });
      }
    });
}

/** The temperatures a store medium is valid at as a liquid: a fitted or user-defined liquid's correlation range, or water between its triple point and boiling at the store's pressure. */
function mediumRange(medium: ThermalStoreMedium, pressure: number): { name: string; range: { min: number; max: number }; basis: string } {
  if (medium === 'Water') {
    const boiling = fluid('Water').saturationAtP(Math.min(pressure, 220e5)).T;
    return { name: 'water', range: { min: 273.16, max: boiling }, basis: `liquid from its triple point to boiling at the store's pressure ${formatQuantity(pressure, 'pressure', 'bar', 4)}` };
  }
  const liquid: IncompressibleLiquid = typeof medium === 'string' ? storeLiquid(medium) : userLiquid(medium.liquid);
  return { name: `${liquid.name} (${storeMediumId(medium)})`, range: { min: liquid.Tmin, max: liquid.Tmax }, basis: 'the validity of its correlation' };
}

export type ThermalStoreParams = z.infer<ReturnType<typeof thermalStoreSchema>>;

/** Isentropic efficiency per stage and mechanical efficiency of a train. */
function trainSchema(d: { maxStages: number; efficiency: number; efficiencySource: string }) {
  return {
    efficiency: quantity('fraction', d.efficiency, { min: 0.3, max: 1 }, 'isentropic efficiency of every stage at design', d.efficiencySource),
    stageEfficiencies: z
      .array(quantity('fraction', d.efficiency, { min: 0.3, max: 1 }, 'isentropic efficiency of one stage'))
      .max(d.maxStages)
      .optional()
      .meta({ kind: 'list', unit: '', default: '', range: 'one per stage, 30–100 %', doc: 'isentropic efficiency of each stage (instead of `efficiency`)', source: '' }),
    mechanicalEfficiency: quantity('fraction', 0.995, { min: 0.5, max: 1 }, 'mechanical efficiency (bearings, gear)'),
  };
}

/** A mode's electric power at design and its smallest load (charge: the compressor motors; discharge: the generators). */
export function modePowerSchema(
  mode: 'charge' | 'discharge',
  d: { power: number; minPower: number; minimumLoad: number; powerSource?: string; minimumLoadSource?: string },
) {
  const machines = mode === 'charge' ? 'the compressor motors' : 'the generators';
  return z
    .object({
      power: quantity('power', d.power, { min: d.minPower, max: 3e9 }, `electric power of ${machines} at design`, d.powerSource),
      minimumLoad: quantity('fraction', d.minimumLoad, { min: 0.05, max: 1 }, `smallest ${mode} power as a fraction of the design`, d.minimumLoadSource),
    })
    .strict()
    .prefault({});
}

/** A compressor train's efficiencies: isentropic per stage, mechanical, motor. */
export function compressorTrainSchema(d: { maxStages: number; efficiency: number; efficiencySource: string }) {
  return { ...trainSchema(d), motorEfficiency: quantity('fraction', 0.97, { min: 0.5, max: 1 }, 'motor efficiency', 'Gasanzade et al. 2023 (motor 97 %)') };
}

/** A turbine train's efficiencies: isentropic per stage, mechanical, generator. */
export function turbineTrainSchema(d: { maxStages: number; efficiency: number; efficiencySource: string }) {
  return { ...trainSchema(d), generatorEfficiency: quantity('fraction', 0.97, { min: 0.5, max: 1 }, 'generator efficiency', 'Gasanzade et al. 2023 (generator 97 %)') };
}

/** Stage pressure ratios: 'equal' (re-split over the actual total ratio at every step) or the first N−1 given. */
export const ratiosSchema = z
  .union([z.literal('equal'), z.array(z.number().positive())])
  .default('equal')
  .meta({ kind: 'list', unit: '', default: 'equal', range: "'equal' or N−1 ratios p_out/p_in (the last stage takes the rest)", doc: 'stage pressure ratios', source: 'assumption' });

/** The stages of a compression or expansion section: how many (default, at most), what they are, the source. */
interface StagesDefaults {
  readonly stages: number;
  readonly maxStages: number;
  readonly stagesDoc: string;
  readonly stagesSource?: string;
  readonly efficiency: number;
  readonly efficiencySource: string;
}

/** A template's compression section: its stages, their pressure ratios, the compressor train's efficiencies, and the template's own fields. */
export function compressionSchema<const E extends z.ZodRawShape>(d: StagesDefaults, own: E) {
  return z
    .object({ stages: integer(d.stages, 1, d.maxStages, d.stagesDoc, d.stagesSource), pressureRatios: ratiosSchema, ...compressorTrainSchema(d), ...own })
    .strict()
    .prefault({} as never);
}

/** A template's expansion section: its stages, their pressure ratios, the turbine train's efficiencies, and the template's own fields. */
export function expansionSchema<const E extends z.ZodRawShape>(d: StagesDefaults, own: E) {
  return z
    .object({ stages: integer(d.stages, 1, d.maxStages, d.stagesDoc, d.stagesSource), pressureRatios: ratiosSchema, ...turbineTrainSchema(d), ...own })
    .strict()
    .prefault({} as never);
}

/** Fans of the dry coolers and air heaters. */
export const heatRejectionSchema = z
  .object({
    fanPower: quantity('fraction', 0.01, { min: 0, max: 0.2 }, 'fan electricity per heat moved by dry coolers and air heaters'),
  })
  .strict()
  .prefault({});
