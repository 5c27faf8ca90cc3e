/**
 * A project file: one site and market, and one or more plants (each with its own finance section), evaluated
 * together — design point, cycle, a year of dispatch, the money. One zod schema; units in strings through
 * src/units; every error names its field path.
 *
 *   name: Luoyang gas-liquid CO2 storage
 *   site: { name: Luoyang, ambientTemperature: 15 degC }          # or 12 monthly values
 *   market:
 *     year: 2025
 *     tariff: { henan2024: { basePrice: 0.38 yuan/kWh } }          # or prices: prices.csv (time,price per MWh)
 *     capacityPayment: 0 yuan/(kW yr)
 *   dispatch: { horizon: year, socMin: 0 %, socMax: 100 % }
 *   plants:
 *     - name: CO2 plant
 *       template: co2-gas-liquid                                    # a plant template, or:
 *       parameters: { ... }
 *     - name: Li-ion
 *       performance: { power: 100 MW, energy: 400 MWh, roundTripEfficiency: 86 %, ... }
 *       finance: { ... }                                            # src/finance/schema.ts, without operation
 */
import { z } from 'zod';
import { parseQuantity, UnitError, type QuantityKind } from '../units/index.js';
import { quantity as unitsQuantity } from '../units/schema.js';
import { PROJECT_LIMITS } from './limits.js';

type Ctx = z.core.$RefinementCtx;
/** A quantity of the given kind ("70 bar", or a bare number read as SI): the one quantity schema of every edge
 *  (src/units/schema.ts); unit errors become zod issues. */
export function quantity(kind: QuantityKind) {
  return unitsQuantity(kind);
}

const fraction = quantity('fraction').refine((v) => v >= 0 && v <= 1, { message: 'expected a fraction between 0 and 100 %', params: { code: 'out_of_range', valid: '0 % ≤ x ≤ 100 %' } });
const positive = (kind: QuantityKind) => quantity(kind).refine((v) => v > 0, { message: 'expected a positive value', params: { code: 'out_of_range', valid: 'x > 0' } });

/**
 * Monthly mean air temperatures on Earth lie within about −50 to +45 °C (Antarctic plateau, Persian Gulf summers);
 * a value outside −60 … +60 °C is a mistake (a unit, a sign), not a site.
 */
export const AMBIENT_RANGE = { min: 213.15, max: 333.15, text: '−60 °C ≤ x ≤ 60 °C' } as const;
const ambient = quantity('temperature').refine((v) => v >= AMBIENT_RANGE.min && v <= AMBIENT_RANGE.max, {
  message: `an ambient temperature of a site: ${AMBIENT_RANGE.text}`,
  params: { code: 'out_of_range', valid: AMBIENT_RANGE.text },
});

/** The unit the prices of a price file are quoted in ("yuan/MWh", "yuan/kWh", "元/千瓦时"): money per energy. */
const priceUnit = z.string().transform((text, ctx: Ctx) => {
  const slash = text.indexOf('/');
  try {
    if (slash < 0) throw new UnitError('', text, 'expected money per energy, e.g. "yuan/MWh" or "yuan/kWh"');
    const energyUnit = text.slice(slash + 1).trim();
    const perJoule = parseQuantity(`1 ${text}`, 'pricePerEnergy', '');
    return { text, energyUnit, moneyFactor: perJoule * parseQuantity(`1 ${energyUnit}`, 'energy', '') };
  } catch (e) {
    if (!(e instanceof UnitError)) throw e;
    ctx.addIssue({ code: 'custom', message: e.message.replace(/^[^:]*: /, ''), input: text });
    return z.NEVER;
  }
});

export const SiteSchema = z
  .object({
    name: z.string().default('site'),
    /** IANA-style zone of the price series and schedules (only fixed-offset zones). */
    timeZone: z.string().default('Asia/Shanghai'),
    latitude: z.number().min(-90).max(90).optional(),
    longitude: z.number().min(-180).max(180).optional(),
    /** One value, or 12 monthly means (January first); a site's air, between AMBIENT_RANGE's ends. */
    ambientTemperature: z.union([ambient, z.array(ambient).length(12)]).prefault('15 degC'),
    source: z.string().optional(),
  })
  .strict();

const TariffSchema = z.union([
  z.object({ henan2024: z.object({ basePrice: z.union([positive('pricePerEnergy'), z.array(positive('pricePerEnergy')).length(12)]) }).strict() }).strict(),
]);

export const MarketSchema = z
  .object({
    /** The calendar year dispatched (hourly, local time). */
    year: z.number().int().min(1990).max(2100).default(2025),
    tariff: TariffSchema.optional(),
    /** CSV with columns time,price, relative to the project file; the prices in `priceUnit`. */
    prices: z.string().optional(),
    /** The unit of the price file's prices (money per energy). */
    priceUnit: priceUnit.prefault('yuan/MWh'),
    /** Price of charging electricity when it differs from the selling price (e.g. + network charges), added. */
    chargingSurcharge: quantity('pricePerEnergy').default(0),
    /** Paid on the discharge power; negative for a capacity charge the plant pays. */
    capacityPayment: quantity('pricePerPowerTime').default(0),
    /** A reserve sold as an ancillary service: its power is held back from arbitrage (at most the discharge power). */
    ancillary: z.object({ power: positive('power'), rate: quantity('pricePerPowerTime') }).strict().optional(),
    /** Natural-gas price (diabatic CAES), per energy of fuel (LHV). */
    fuelPrice: quantity('pricePerEnergy').default(0),
  })
  .strict()
  .refine((m) => (m.tariff === undefined) !== (m.prices === undefined), { message: 'give either tariff or prices (one of them)', params: { code: 'exclusive', fields: ['tariff', 'prices'] } });

const atLeastZero = (kind: QuantityKind) => quantity(kind).refine((v) => v >= 0, { message: 'expected a value ≥ 0', params: { code: 'out_of_range', valid: 'x ≥ 0' } });

/** One train's start-up: time below its setpoint and energy drawn per start. */
const StartUpSide = z.object({ time: atLeastZero('time').optional(), energy: atLeastZero('energy').optional() }).strict();

/**
 * How a year is dispatched. `method`: `dp` — the plant-feasible dynamic programme over the plant's own maps (minimum
 * loads, part-load curves as they are, one mode per step, start costs), with the LP relaxation as its bound; `lp` —
 * the linear programme (minimum loads relaxed, part-load curves convexified); `milp` — HiGHS's MILP; `auto` — `dp`
 * for a template plant or a plant with a minimum load or start cost, `lp` for a linear one.
 */
export const DispatchSchema = z
  .object({
    method: z.enum(['auto', 'dp', 'lp', 'milp']).default('auto'),
    horizon: z
      .union([
        z.literal('year'),
        z
          .object({
            rolling: z
              .object({
                window: positive('time'),
                step: positive('time'),
                /** What the windows see: the true prices, yesterday's (persistence), or a forecast file (time,price). */
                foresight: z.union([z.enum(['perfect', 'persistence']), z.object({ forecast: z.string() }).strict()]).default('perfect'),
              })
              .strict(),
          })
          .strict(),
      ])
      .default('year'),
    /** The MILP formulation (same as method: milp). */
    milp: z.boolean().default(false),
    socMin: fraction.default(0),
    socMax: fraction.default(1),
    socStart: fraction.optional(),
    dailyCycleLimit: z.number().positive().optional(),
    /** Minimum loads as fractions of the largest power, raising the plant's own (dp). */
    minimumLoad: z.object({ charge: fraction.optional(), discharge: fraction.optional() }).strict().optional(),
    /** Cost of each start of charging and of discharging (dp, milp). */
    startCost: z.object({ charge: quantity('money').optional(), discharge: quantity('money').optional() }).strict().optional(),
    /**
     * Start-up of the trains (dp): the time a start runs below its setpoint (the first step of a run delivers or
     * absorbs its power for the step less this time) and the energy a start draws from the grid — for both trains
     * (`time`, `energy`) or each (`charge`, `discharge`, which win), e.g. `startUp: { time: 10 min, energy: 2 MWh }`.
     */
    startUp: z
      .object({ time: atLeastZero('time').optional(), energy: atLeastZero('energy').optional(), charge: StartUpSide.optional(), discharge: StartUpSide.optional() })
      .strict()
      .optional(),
    /** Most discharges started per local day (dp: carried exactly in the DP's state). */
    dailyStartLimit: z.number().int().min(1).optional(),
    /** The dp's grid: states of charge and power levels per direction. */
    grid: z.object({ socLevels: z.number().int().min(11).max(5001), powerLevels: z.number().int().min(1).max(200) }).strict().optional(),
    /** Solve the LP relaxation for the dp's bound and gap. */
    bound: z.boolean().default(true),
    timeLimit: positive('time').default(600),
  })
  .strict();

/** A plant given by its performance directly (a battery, or a plant modelled elsewhere). */
export const PerformanceSchema = z
  .object({
    technology: z.string().default('battery'),
    /** Discharge power delivered to the grid. */
    power: positive('power'),
    /** Charge power drawn from the grid (default: power). */
    powerCharge: positive('power').optional(),
    /** Usable energy (delivered from full to empty). */
    energy: positive('energy'),
    roundTripEfficiency: fraction.refine((v) => v > 0, { message: 'expected > 0', params: { code: 'out_of_range', valid: '0 % < x ≤ 100 %' } }),
    /** Self-discharge, e.g. "0.02 %/h". */
    standingLoss: quantity('ratePerTime').default(0),
    /** Wear cost per energy delivered (battery degradation). */
    degradationCost: quantity('pricePerEnergy').default(0),
    /** Capacity left after one year of use, as a fraction per year lost (battery calendar + cycle fade). */
    annualDegradation: fraction.default(0),
    minimumLoad: fraction.default(0),
  })
  .strict();

export const PlantSchema = z
  .object({
    name: z.string(),
    template: z.string().optional(),
    parameters: z.record(z.string(), z.unknown()).optional(),
    performance: PerformanceSchema.optional(),
    /** The finance section (src/finance/schema.ts) without `operation` and `ratedPower`, which come from the run. */
    finance: z.record(z.string(), z.unknown()),
  })
  .strict()
  .refine((p) => (p.template === undefined) !== (p.performance === undefined), { message: 'give either template (with parameters) or performance', params: { code: 'exclusive', fields: ['template', 'performance'] } });

export const ProjectSchema = z
  .object({
    name: z.string(),
    description: z.string().optional(),
    site: SiteSchema.prefault({}),
    market: MarketSchema,
    dispatch: DispatchSchema.prefault({}),
    plants: z.array(PlantSchema).min(1).max(PROJECT_LIMITS.plants),
    /**
     * Battery recycling plants beside the storage plants (src/battery/recycling), each `{ name, plant, finance }` as
     * in a `kind: recycling-plant` file of `chuneng recycle`; checked by validate.ts, evaluated with the same
     * cash-flow model.
     */
    recycling: z.array(z.record(z.string(), z.unknown())).max(PROJECT_LIMITS.plants).default([]),
  })
  .strict();

export type ProjectSpec = z.output<typeof ProjectSchema>;
export type PlantSpec = z.output<typeof PlantSchema>;
export type PerformanceSpec = z.output<typeof PerformanceSchema>;
export type MarketSpec = z.output<typeof MarketSchema>;
export type DispatchSpec = z.output<typeof DispatchSchema>;
export type SiteSpec = z.output<typeof SiteSchema>;
