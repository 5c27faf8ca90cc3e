/**
 * Parameters of the liquid CO2 template (liquid-co2.ts): units in strings, defaults, ranges and sources, each a
 * field error when out of range. Defaults follow the Xi'an Jiaotong University LCES layout (Xu et al. 2020, J.
 * Cleaner Production 242, 118437, validation case A5; Wang M., Zhao P. et al., LCES papers of the same group): both
 * CO2 reservoirs liquid, a low-pressure tank kept cold by a cold store, a high-pressure tank at the ambient. The
 * papers' design tables were not read (only A5's abstract): every value below is an assumption unless its source
 * says otherwise.
 */
import { z } from 'zod';
import { PHASE_CHANGE_MATERIALS } from '../../../fluids/phase-change/materials.js';
import { COMPRESSOR } from '../../components/compressor.js';
import { TURBINE } from '../../components/turbine.js';
import { compressorTrainSchema, coolerPressureLoss, criticalMargin, heatRejectionSchema, hotEndApproach, liquidTankFields, liquidRangeIssues, LOSS, modePowerSchema, pumpEfficiency, ratiosSchema, recuperatorSchema, SETS, storeMediumSchema, storePressure, thermalStoreSchema, turbineTrainSchema } from '../common.js';
import { flag, integer, optionalQuantity, pressureLoss, quantity, setting, type Narrowing } from '../parameters.js';

const CELSIUS = 273.15;

/** Cold-store liquids valid below −30 degC that the project ships (CoolProp INCOMP fits): Dowtherm Q, 238.15–633.15 K. */
export const COLD_STORE_LIQUIDS = ['DowQ'] as const;

/** The template's cold store sits below the ambient (its tanks' own liquid range is checked below). */
const COLD: Narrowing = { range: { min: 200, max: 300 }, why: 'a cold store, below the ambient, that the template is written for (assumption)' };

const coldStoreSchema = z
  .object({
    medium: storeMediumSchema(
      COLD_STORE_LIQUIDS,
      'DowQ',
      'cold-store liquid: Dowtherm Q (CoolProp INCOMP::DowQ, valid from −35 degC), the one shipped liquid valid below −30 degC, or a user-defined liquid { liquid: { id, source, Tmin, Tmax, variable, rho, cp } } from published correlations (colder media let the LP tank sit nearer the triple point)',
      'CoolProp dev/incompressible_liquids DowQ.json (Dow 1997)',
    ),
    coldTemperature: setting(SETS.storeTemperature, CELSIUS - 33, 'cold-tank temperature: the discharge condenses the turbine exhaust against it, the charge cools the medium back to it', { narrow: { ...COLD, range: { min: 200, max: 290 } } }),
    warmTemperature: setting(SETS.storeTemperature, CELSIUS - 25, 'warm-tank temperature: the discharge condenser returns the medium at it', { narrow: COLD }),
    pressure: storePressure(3e5, 'pressure of the medium'),
    pinch: quantity('temperatureDifference', 3, { min: 0.5, max: 30 }, 'smallest temperature difference in the evaporator (charge) and the condenser (discharge)'),
    warmEndApproach: hotEndApproach(5, 'charge evaporator: CO2 vapour out below the warm medium in'),
    mediumPressureLoss: pressureLoss(LOSS.exchanger, { kind: 'drop', value: 0.5e5 }, 'medium side of the evaporator and the condenser (made up by the store pump)'),
    pumpEfficiency: pumpEfficiency(0.8, 'isentropic efficiency of the cold-store pump'),
    heatLossCoefficient: quantity('heatTransferCoefficient', 0.15, { min: 0, max: 10 }, 'heat gain of the tanks’ wetted surface from the ambient (0.3 m insulation)'),
    sizeMargin: quantity('fraction', 0.3, { min: 0, max: 2 }, 'medium beyond what a design discharge needs'),
    heel: quantity('fraction', 0.03, { min: 0, max: 0.3 }, 'level a tank is never drawn below'),
    sensibleStore: flag(true, 'a second two-tank store of the same liquid between the charge’s cold vapour and the ambient: the charge superheats its vapour against it (storing that cold too) and the discharge desuperheats its exhaust against it before the condenser, so that the chiller only makes up what the latent store does not balance (the compressors then take their vapour near the ambient)'),
    chillerCarnotFraction: quantity('fraction', 0.5, { min: 0.05, max: 1 }, 'the chiller that returns the warm medium a discharge leaves beyond what the charge cools back: its COP as a fraction of the Carnot COP between the cold tank and the ambient'),
    phaseChange: z
      .object({
        material: z
          .enum(PHASE_CHANGE_MATERIALS)
          .default('n-decane')
          .meta({ kind: 'choice', unit: '', default: 'n-decane', range: PHASE_CHANGE_MATERIALS.join(' | '), doc: 'phase-change material of the latent cold store: n-decane (−29.75 degC, over Dowtherm Q) or n-nonane (−53.49 degC, near the CO2 triple point: a loop liquid valid there, swing + pinch under 2.57 K) (src/fluids/phase-change/materials.ts: melting temperature, latent heat, heat capacities and density with their sources)', source: 'NIST Chemistry WebBook (n-decane, n-nonane: Finke et al. 1954), CRC Handbook' }),
        swing: quantity('temperatureDifference', 2, { min: 0.5, max: 10 }, 'the heat-transfer liquid (coldStore.medium) leaves the bed at the bed temperature and returns this much colder (charge) or warmer (discharge)'),
        sensibleBand: quantity('temperatureDifference', 2, { min: 0, max: 10 }, 'sensible cooling below (charge) and heating above (discharge) the melting temperature the bed may take once fully frozen or molten, before the mode stops'),
        packing: quantity('fraction', 0.6, { min: 0.2, max: 0.95 }, 'volume fraction of the vessels the material fills (capsules or tube bundle; the rest is heat-transfer liquid and internals)'),
      })
      .strict()
      .optional()
      .meta({ doc: 'optional: a latent (phase-change) cold store in place of the two-tank liquid store: the charge freezes the material, the discharge melts it; the exchangers see it at its melting temperature through a loop of coldStore.medium; sized by the latent heat the design cycle needs with coldStore.sizeMargin' }),
  })
  .strict()
  .superRefine((s, ctx) => {
    // the liquid's range as the thermal stores read it (common.ts), each tank's temperature checked against it
    liquidRangeIssues(s.medium, s.pressure, { coldTemperature: s.coldTemperature, warmTemperature: s.warmTemperature }, ctx);
    if (!(s.warmTemperature > s.coldTemperature + 1)) ctx.addIssue({ code: 'custom', path: ['warmTemperature'], message: `${(s.warmTemperature - CELSIUS).toFixed(2)} degC: above coldTemperature (${(s.coldTemperature - CELSIUS).toFixed(2)} degC) + 1 K`, input: s.warmTemperature });
  })
  .prefault({});

export const LIQUID_CO2_SCHEMA = z
  .object({
    charge: modePowerSchema('charge', { power: 10e6, minPower: 1e4, minimumLoad: 0.4 }),
    discharge: modePowerSchema('discharge', { power: 10e6, minPower: 1e4, minimumLoad: 0.3 }),
    highPressureTank: z
      .object({ volume: quantity('volume', 2000, { min: 10, max: 1e8 }, 'total volume of the high-pressure liquid tanks (sizes the plant’s energy)'), ...liquidTankFields({ tanks: 10, levelMin: 0.05, levelMax: 0.9, U: 0.3 }) })
      .strict()
      .prefault({}),
    lowPressureTank: z
      .object({ volume: optionalQuantity('volume', { min: 10, max: 1e8 }, 'total volume of the low-pressure liquid tanks (default: sized to take the high-pressure tank’s window with lowPressureMargin)'), ...liquidTankFields({ tanks: 10, levelMin: 0.05, levelMax: 0.9, U: 0.15 }) })
      .strict()
      .prefault({}),
    lowPressureMargin: quantity('fraction', 0.15, { min: 0, max: 2 }, 'extra volume of an auto-sized low-pressure tank'),
    coldStore: coldStoreSchema,
    compression: z
      .object({
        stages: integer(1, 1, 4, 'compression stages, each followed by the thermal stores'),
        pressureRatios: ratiosSchema(COMPRESSOR),
        ...compressorTrainSchema({ maxStages: 4, efficiency: 0.85, efficiencySource: 'assumption (LCES studies of the XJTU group use 0.85–0.88)' }),
      })
      .strict()
      .prefault({}),
    // one uncooled stage from vapour near the ambient (sensible store) reaches about 250 degC at 66 bar: oil, not water
    thermalStores: z
      .array(thermalStoreSchema({ name: 'oil', medium: 'TVP1', coldTemperature: CELSIUS + 30, pressure: 10e5 }))
      .min(1)
      .max(3)
      .prefault([{ name: 'oil', medium: 'TVP1', coldTemperature: CELSIUS + 30, pressure: 10e5, pinch: 5, hotEndApproach: 8 }]),
    condenser: z
      .object({
        approach: quantity('temperatureDifference', 5, { min: 0.5, max: 30 }, 'high-pressure condensing temperature above the ambient (dry cooler)'),
        criticalMargin: criticalMargin('condensation stays this far below the critical temperature of CO2 (304.13 K)'),
        pressureLoss: coolerPressureLoss(0.01, 'CO2 side of the high-pressure condenser'),
        transferPumpEfficiency: pumpEfficiency(0.75, 'pump that lifts condensate into a tank at a higher pressure'),
      })
      .strict()
      .prefault({}),
    evaporator: z
      .object({
        approach: quantity('temperatureDifference', 5, { min: 0.5, max: 30 }, 'discharge evaporating temperature below the ambient (air evaporator with fans)'),
        pressureLoss: pressureLoss(LOSS.heater, { kind: 'fraction', value: 0.01 }, 'CO2 side of the discharge evaporator'),
      })
      .strict()
      .prefault({}),
    expansion: z
      .object({
        stages: integer(1, 1, 4, 'expansion stages, each reheated through the stores'),
        pressureRatios: ratiosSchema(TURBINE),
        ...turbineTrainSchema({ maxStages: 4, efficiency: 0.88, efficiencySource: 'assumption (LCES studies of the XJTU group use 0.85–0.90)' }),
        heatRationing: flag(true, 'spend each thermal store’s hot medium in proportion to the liquid left in the HP tank: where the charge stored less heat per kg than the reheat at the hot tank less the approach would take, the reheat falls and the hot tanks and the HP tank run out together (heat-rationing.ts)'),
        ...recuperatorSchema({ on: true, doc: 'preheat the evaporated CO2 with the last turbine’s exhaust before the stores (worth it when the exhaust leaves well above the ambient)', effectiveness: 0.8, loss: 0.01 }),
        postCoolerApproach: quantity('temperatureDifference', 5, { min: 0, max: 60 }, 'turbine exhaust cooled by the air to the ambient plus this before the cold-store condenser'),
        coolerPressureLoss: coolerPressureLoss(0.01, 'CO2 side of the post-cooler and of the cold-store condenser'),
      })
      .strict()
      .prefault({}),
    lowPressureSide: z
      .object({
        evaporatorPressureLoss: pressureLoss(LOSS.exchanger, { kind: 'fraction', value: 0.01 }, 'CO2 side of the charge evaporator'),
        transferPumpEfficiency: pumpEfficiency(0.75, 'pump that lifts the condensate into the low-pressure tank'),
        holdTemperature: flag(true, 'hold the low-pressure tank at its condensing temperature (its heat gain through the wall and the vapour its filling condenses go to the cold-store chiller)'),
      })
      .strict()
      .prefault({}),
    heatRejection: heatRejectionSchema,
  })
  .strict();

export type LiquidCo2Params = z.infer<typeof LIQUID_CO2_SCHEMA>;
