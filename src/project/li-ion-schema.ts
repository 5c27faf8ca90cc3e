/**
 * The `li-ion` template's parameters as a project file writes them, with units:
 *
 *   template: li-ion
 *   parameters:
 *     cell: lfp-280ah                 # src/battery/cell/presets.ts
 *     power: 100 MW
 *     energy: 400 MWh                 # or duration: 4 h
 *     socMin: 5 %
 *     socMax: 95 %
 *     pcs: { nominalEfficiency: 98.5 % }
 *     transformer: { noLoadLoss: 0.1 %, loadLoss: 0.8 % }
 *     thermal: { coolingSetpoint: 30 degC, heatingSetpoint: 15 degC, envelopeUA: 40 W/K, auxiliaryPower: 1 kW }
 *     lifeModel: lfp-250ah            # default: the cell's
 *     policy: none                    # or augmentation, or { replacement: 80 % }
 *     unitCost: 500 yuan/kWh          # new racks (augmentation, replacement), per nominal DC energy
 *     years: 20
 */
import { z } from 'zod';
import type { QuantityKind } from '../units/index.js';
import { quantity } from './schema.js';
import { CELL_PRESET_IDS } from '../battery/cell/presets.js';
import { LIFE_MODEL_IDS } from '../battery/life/registry.js';
import type { LiIonParameters } from './li-ion.js';

const positive = (kind: QuantityKind) => quantity(kind).refine((v) => v > 0, { message: 'expected a positive value' });
const nonNegative = (kind: QuantityKind) => quantity(kind).refine((v) => v >= 0, { message: 'expected a value ≥ 0' });
const fraction = quantity('fraction').refine((v) => v >= 0 && v <= 1, { message: 'expected a fraction between 0 and 100 %' });
const openFraction = quantity('fraction').refine((v) => v > 0 && v < 1, { message: 'expected a fraction above 0 and below 100 %' });

export const LiIonParametersSchema = z
  .object({
    cell: z.enum(CELL_PRESET_IDS as [string, ...string[]]),
    power: positive('power'),
    energy: positive('energy').optional(),
    duration: positive('time').optional(),
    socMin: fraction.default(0.05),
    socMax: fraction.default(0.95),
    pcs: z.object({ nominalEfficiency: openFraction.optional() }).strict().optional(),
    transformer: z.object({ noLoadLoss: fraction.optional(), loadLoss: fraction.optional() }).strict().optional(),
    thermal: z
      .object({
        coolingSetpoint: quantity('temperature').optional(),
        heatingSetpoint: quantity('temperature').optional(),
        envelopeUA: nonNegative('conductance').optional(),
        solarAperture: nonNegative('area').optional(),
        coolingCapacity: positive('power').optional(),
        heatingCapacity: nonNegative('power').optional(),
        auxiliaryPower: nonNegative('power').optional(),
        carnotFraction: openFraction.optional(),
        maxCop: z.number().positive().optional(),
      })
      .strict()
      .optional(),
    lifeModel: z.enum(LIFE_MODEL_IDS as [string, ...string[]]).optional(),
    policy: z.union([z.literal('none'), z.literal('augmentation'), z.object({ replacement: openFraction }).strict()]).default('none'),
    unitCost: nonNegative('pricePerEnergy').default(0),
    years: z.number().int().min(1).max(60).default(20),
  })
  .strict()
  .refine((p) => (p.energy === undefined) !== (p.duration === undefined), { message: 'give either energy or duration', path: ['energy'] })
  .refine((p) => p.socMin < p.socMax, { message: 'socMin must be below socMax', path: ['socMin'] });

/** The parsed parameters as the li-ion plant takes them. */
export function liIonParameters(p: z.output<typeof LiIonParametersSchema>): LiIonParameters {
  return {
    cell: p.cell,
    power: p.power,
    ...(p.energy !== undefined ? { energy: p.energy } : {}),
    ...(p.duration !== undefined ? { duration: p.duration } : {}),
    socMin: p.socMin,
    socMax: p.socMax,
    ...(p.pcs ? { pcs: p.pcs } : {}),
    ...(p.transformer ? { transformer: p.transformer } : {}),
    ...(p.thermal ? { thermal: p.thermal } : {}),
    ...(p.lifeModel ? { lifeModel: p.lifeModel } : {}),
    policy: p.policy === 'none' ? { kind: 'none' } : p.policy === 'augmentation' ? { kind: 'augmentation' } : { kind: 'replacement', threshold: p.policy.replacement },
    unitCost: p.unitCost,
    years: p.years,
  };
}
