/**
 * The parameters the templates share: a two-tank thermal store, machine trains and their stage ratios, a mode's
 * power, heat rejection, liquid CO2 tanks. Those that set a component's parameter are in settings.ts; they and the
 * parts that build plants from these parameters (parts/: machine trains, store loops, caverns, losses) are
 * re-exported here for the templates that import them from this file.
 */
import { z } from 'zod';
import { flag, integer, pressureLoss, quantity, rangeText, setting, type Narrowing } from './parameters.js';
import { componentQuantity, type ComponentDeclaration } from '../core/declaration.js';
import { COMPRESSOR } from '../components/compressor.js';
import { POWER_BUS } from '../components/power-bus.js';
import { TURBINE } from '../components/turbine.js';
import { hotEndApproach, LOSS, pinch, pumpEfficiency, SETS, storePressure } from './settings.js';
import { fluid } from '../../fluids/index.js';
import { storeLiquid, userLiquid, type IncompressibleLiquid, type LiquidCorrelations } from '../../fluids/incompressible/index.js';
import { LiquidCorrelationsSchema } from '../../fluids/incompressible/user-liquid-schema.js';
import { formatQuantity } from '../../units/index.js';
import { quantity as unitsQuantity, rangeTextWith } from '../../units/schema.js';

export { COMPRESSOR_LINE, TURBINE_LINE, checkTrain, stageEfficiency, stageRatios, type LineSpec } from './parts/machine-train.js';
export { chainOut, lossEntry, lossFunction, upstream } from './parts/losses.js';
export { connectPath, type Node } from './parts/paths.js';
export { dischargeReturns, serves, stageList, storeExchangerParams, storeLoop, type StoreLoop } from './parts/store-loop.js';
export { checkStores, densityAt, restoreThermalStores, type TrimmedStore } from './parts/thermal-stores.js';
export { cavernSchema, checkCavern, makeCavern, type CavernParams } from './parts/cavern.js';
export { designPoint, solveDesign } from './design-point.js';
export { holdEndDifferences, pinchHolds, solveHoldingPinches, type PinchHold } from './pinch-holds.js';
export * from './settings.js';

const storeName = z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'letters, digits and "_", starting with a letter');

/** The store liquids shipped with Chuneng (CoolProp INCOMP fits; water from IAPWS-95). */
const SHIPPED_STORE_MEDIA = ['TVP1', 'T66', 'DowQ', 'NaK', 'Water'] as const;
export type ShippedStoreMedium = (typeof SHIPPED_STORE_MEDIA)[number];

/** A thermal store's medium: a shipped liquid's id, or a user-defined liquid given by its published correlations. */
export type ThermalStoreMedium = ShippedStoreMedium | { readonly liquid: LiquidCorrelations };

/** The id a store medium goes by in reports: the shipped liquid's, or the user-defined liquid's own. */
export function storeMediumId(medium: ThermalStoreMedium): string {
  return typeof medium === 'string' ? medium : medium.liquid.id;
}

/** A store's medium: one of the `shipped` liquids' ids (default `def`) or a user-defined liquid { liquid: correlations }. */
export function storeMediumSchema<const T extends readonly [ShippedStoreMedium, ...ShippedStoreMedium[]]>(shipped: T, def: T[number], doc: string, source: string) {
  return z
    .union([z.enum(shipped), z.object({ liquid: LiquidCorrelationsSchema }).strict()])
    .default(def as never)
    .meta({ kind: 'choice', unit: '', default: def, range: `${shipped.join(' | ')} | { liquid: correlations }`, doc, source });
}

/** One two-tank thermal store (several may be chained at falling temperature levels, hottest first). */
export function thermalStoreSchema(defaults: { name: string; medium: ShippedStoreMedium; coldTemperature: number; pressure: number }) {
  return z
    .object({
      name: storeName.default(defaults.name),
      medium: storeMediumSchema(SHIPPED_STORE_MEDIA, defaults.medium, 'store liquid: Therminol VP-1, Therminol 66, Dowtherm Q, solar salt, pressurised water, or a user-defined liquid { liquid: { id, source, Tmin, Tmax, variable, rho, cp, mu?, k? } } from its published correlations', 'CoolProp INCOMP fits; water from IAPWS-95; a user liquid: its own source'),
      // the liquid's own range is checked below (it depends on the medium): the schema keeps only the store's
      coldTemperature: setting(SETS.storeTemperature, defaults.coldTemperature, 'cold-tank temperature (the hot tank’s follows from the process)'),
      pressure: storePressure(defaults.pressure, 'pressure of the medium (above its vapour pressure at the hot temperature)'),
      pinch: pinch(10, 'smallest temperature difference inside each of its heat exchangers'),
      hotEndApproach: hotEndApproach(15, 'hot-end approach of each of its heat exchangers (larger than the pinch)'),
      mediumPressureLoss: pressureLoss(LOSS.exchanger, { kind: 'drop', value: 0.5e5 }, 'medium side of each heat exchanger (made up by the store pump)'),
      gasPressureLoss: pressureLoss(LOSS.exchanger, { kind: 'fraction', value: 0.02 }, 'gas side of each of its heat exchangers', 'Gasanzade et al. 2023 (heat exchangers 2 %)'),
      pumpEfficiency: pumpEfficiency(0.8, 'isentropic efficiency of the store pump (drive losses included)'),
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
    .superRefine((s, ctx) => liquidRangeIssues(s.medium, s.pressure, { coldTemperature: s.coldTemperature }, ctx));
}

/**
 * Each tank temperature of a store must hold its medium as a liquid inside the range its correlation is valid for:
 * refused at the field, not deep in the design point's solver. A user liquid whose correlations are refused is an
 * issue at `medium` (userLiquid names the field and the reason). Used by every store schema (thermal and cold).
 */
export function liquidRangeIssues(medium: ThermalStoreMedium, pressure: number, temperatures: Readonly<Record<string, number>>, ctx: z.core.$RefinementCtx): void {
  let valid: ReturnType<typeof mediumRange>;
  try {
    valid = mediumRange(medium, pressure);
  } catch (e) {
    ctx.addIssue({ code: 'custom', path: ['medium'], message: (e as Error).message, input: medium });
    return;
  }
  for (const [key, T] of Object.entries(temperatures)) {
    if (!(T >= valid.range.min && T <= valid.range.max)) {
      ctx.addIssue({
        code: 'custom',
        path: [key],
        message: `${formatQuantity(T, 'temperature', 'degC', 5)} is outside the range of ${valid.name}: ${rangeText('temperature', valid.range, key)} (${valid.basis})`,
        input: T,
      });
    }
  }
}

/**
 * The temperatures a store medium is valid at as a liquid: a fitted or user-defined liquid's correlation range, or
 * water between its triple point and boiling at the store's pressure. Throws for a user liquid whose correlations are
 * refused (userLiquid names the field and the reason). Unit: K
 */
export function mediumRange(medium: ThermalStoreMedium, pressure: number): { name: string; range: { min: number; max: number }; basis: string } {
  if (medium === 'Water') {
    const boiling = fluid('Water').saturationAtP(Math.min(pressure, 220e5)).T;
    return { name: 'water', range: { min: 273.16, max: boiling }, basis: `liquid from its triple point to boiling at the store's pressure ${formatQuantity(pressure, 'pressure', 'bar', 4)}` };
  }
  const liquid: IncompressibleLiquid = typeof medium === 'string' ? storeLiquid(medium) : userLiquid(medium.liquid);
  return { name: `${liquid.name} (${storeMediumId(medium)})`, range: { min: liquid.Tmin, max: liquid.Tmax }, basis: 'the validity of its correlation' };
}

export type ThermalStoreParams = z.infer<ReturnType<typeof thermalStoreSchema>>;

/** Isentropic efficiency per stage and mechanical efficiency of a train of `machine`s (compressors or turbines). */
function trainSchema(machine: ComponentDeclaration, d: { maxStages: number; efficiency: number; efficiencySource: string }) {
  const eta_s = componentQuantity(machine, 'eta_s');
  const stage = setting(eta_s, d.efficiency, 'isentropic efficiency of one stage');
  return {
    efficiency: setting(eta_s, d.efficiency, 'isentropic efficiency of every stage at design', { source: d.efficiencySource }),
    stageEfficiencies: z
      .array(stage)
      .max(d.maxStages)
      .optional()
      .meta({ kind: 'list', unit: '', default: '', range: `one per stage, ${rangeText('fraction', eta_s.range)}`, doc: 'isentropic efficiency of each stage (instead of `efficiency`)', source: '', sets: `${machine.type} eta_s` }),
    mechanicalEfficiency: setting(componentQuantity(machine, 'eta_mech'), 0.995, 'mechanical efficiency (bearings, gear)'),
  };
}

/** A mode's electric power at design and its smallest load (charge: the compressor motors; discharge: the generators). */
export function modePowerSchema(
  mode: 'charge' | 'discharge',
  d: { power: number; minPower: number; minimumLoad: number; powerSource?: string; minimumLoadSource?: string },
) {
  const machines = mode === 'charge' ? 'the compressor motors' : 'the generators';
  const sizes: Narrowing = { range: { min: d.minPower, max: 3e9 }, why: 'the sizes a storage plant of this kind is designed at, up to 3 GW (Bath County pumped storage, the largest storage plant, about 3 GW)' };
  return z
    .object({
      power: setting(componentQuantity(POWER_BUS, 'P'), d.power, `electric power of ${machines} at design`, { narrow: sizes, ...(d.powerSource ? { source: d.powerSource } : {}) }),
      minimumLoad: quantity('fraction', d.minimumLoad, { min: 0.05, max: 1 }, `smallest ${mode} power as a fraction of the design`, d.minimumLoadSource),
    })
    .strict()
    .prefault({});
}

/** A compressor train's efficiencies: isentropic per stage, mechanical, motor. */
export function compressorTrainSchema(d: { maxStages: number; efficiency: number; efficiencySource: string }) {
  return { ...trainSchema(COMPRESSOR, d), motorEfficiency: setting(componentQuantity(COMPRESSOR, 'eta_el'), 0.97, 'motor efficiency', { source: 'Gasanzade et al. 2023 (motor 97 %)' }) };
}

/** A turbine train's efficiencies: isentropic per stage, mechanical, generator. */
export function turbineTrainSchema(d: { maxStages: number; efficiency: number; efficiencySource: string }) {
  return { ...trainSchema(TURBINE, d), generatorEfficiency: setting(componentQuantity(TURBINE, 'eta_el'), 0.97, 'generator efficiency', { source: 'Gasanzade et al. 2023 (generator 97 %)' }) };
}

/**
 * Stage pressure ratios p_out/p_in of a train of `machine`s: 'equal' (re-split over the actual total ratio at every
 * step) or the first N−1 given, each in the range the machine declares for its pr (≥ 1 compressing, ≤ 1 expanding).
 */
export function ratiosSchema(machine: ComponentDeclaration) {
  const pr = componentQuantity(machine, 'pr');
  const valid = rangeTextWith(pr.range, 'x', String);
  const ratio = unitsQuantity('fraction', pr.range, valid);
  return z
    .union([z.literal('equal'), z.array(z.union([z.string(), z.number()]))])
    .transform((v, ctx): 'equal' | number[] => {
      if (v === 'equal') return v;
      // each ratio's own issue at its index (a union would only say "Invalid input")
      return v.map((x, i) => {
        const r = ratio.safeParse(x);
        if (r.success) return r.data;
        for (const issue of r.error.issues) ctx.addIssue({ ...issue, code: 'custom', path: [i, ...issue.path], input: x } as never);
        return z.NEVER;
      });
    })
    .default('equal')
    .meta({ kind: 'list', unit: '', default: 'equal', range: `'equal' or N−1 ratios p_out/p_in, each ${valid} (the last stage takes the rest)`, doc: 'stage pressure ratios', source: 'assumption', sets: `${machine.type} pr` });
}

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
    .object({ stages: integer(d.stages, 1, d.maxStages, d.stagesDoc, d.stagesSource), pressureRatios: ratiosSchema(COMPRESSOR), ...compressorTrainSchema(d), ...own })
    .strict()
    .prefault({} as never);
}

/** A template's expansion section: its stages, their pressure ratios, the turbine train's efficiencies, and the template's own fields. */
export function expansionSchema<const E extends z.ZodRawShape>(d: StagesDefaults, own: E) {
  return z
    .object({ stages: integer(d.stages, 1, d.maxStages, d.stagesDoc, d.stagesSource), pressureRatios: ratiosSchema(TURBINE), ...turbineTrainSchema(d), ...own })
    .strict()
    .prefault({} as never);
}

/** A set of liquid CO2 tanks (vertical cylinders) apart from their volume: count, levels and wall. */
export function liquidTankFields(d: { tanks: number; levelMin: number; levelMax: number; U: number }) {
  return {
    tanks: integer(d.tanks, 1, 100000, 'number of tanks (vertical cylinders, height = 3 diameters), for their surface'),
    levelMax: quantity('fraction', d.levelMax, { min: 0.1, max: 0.98 }, 'highest liquid level (volume fraction)'),
    levelMin: quantity('fraction', d.levelMin, { min: 0.01, max: 0.9 }, 'lowest liquid level (the heel)'),
    heatTransferCoefficient: quantity('heatTransferCoefficient', d.U, { min: 0, max: 50 }, 'insulated tank wall to the ambient'),
  };
}

/** How far below the critical temperature of CO2 a condensation stays. */
export const criticalMargin = (doc: string) => quantity('temperatureDifference', 1, { min: 0, max: 20 }, doc);

/** Fans of the dry coolers and air heaters. */
export const heatRejectionSchema = z
  .object({
    fanPower: quantity('fraction', 0.01, { min: 0, max: 0.2 }, 'fan electricity per heat moved by dry coolers and air heaters'),
  })
  .strict()
  .prefault({});
