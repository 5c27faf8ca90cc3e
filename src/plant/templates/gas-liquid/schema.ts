/**
 * The parameters of the gas-liquid CO2 template (co2-gas-liquid.ts): one zod schema, each field with its kind,
 * default, range, doc line and source (parameters.ts), and the constants its checks use.
 */
import { z } from 'zod';
import { componentQuantity } from '../../core/declaration.js';
import { GAS_HOLDER } from '../../components/gas-holder.js';
import { compressionSchema, coolerPressureLoss, criticalMargin, expansionSchema, heatRejectionSchema, liquidTankFields, LOSS, modePowerSchema, optionalHotEndApproach, optionalPinch, pinch, pumpEfficiency, recuperatorSchema, SETS, storePressure, thermalStoreSchema } from '../common.js';
import { choice, flag, optionalQuantity, pressureLoss, quantity, setting } from '../parameters.js';
import { DEFAULT_TANK_VOLUME } from './sizing.js';

export const CELSIUS = 273.15;
/** Water freezes (at its triple point). Unit: K */
export const FREEZING = 273.16;
/** The evaporator's outside heat source when evaporator.source is 'water' (heat and pump power accounted under it). */
export const WATER_SOURCE = 'water source';


/** The shortest charge or discharge a plant may have at design flow (a store of minutes is a design mistake). Unit: s */
export const MIN_STORE_SECONDS = 15 * 60;
export const CO2_GAS_LIQUID_SCHEMA = z
  .object({
    charge: modePowerSchema('charge', { power: 100e6, minPower: 1e4, minimumLoad: 0.4 }),
    discharge: modePowerSchema('discharge', { power: 100e6, minPower: 1e4, minimumLoad: 0.3 }),
    energy: optionalQuantity('energy', { min: 3.6e9, max: 3.6e14 }, 'optional: electricity a full discharge delivers at the design discharge power; sizes the liquid tanks and the stores (instead of liquidTank.volume or duration)'),
    duration: optionalQuantity('time', { min: MIN_STORE_SECONDS, max: 1000 * 3600 }, 'optional: length of a full discharge at the design discharge power; sizes the liquid tanks and the stores (instead of liquidTank.volume or energy)'),
    dome: z
      .object({
        pressure: setting(componentQuantity(GAS_HOLDER, 'p'), 101.8e3, 'gas pressure in the dome (a membrane a little above the atmosphere)', { narrow: { range: { min: 0.8e5, max: 2e5 }, why: 'a membrane gas holder keeps its gas near the atmosphere’s pressure (0.8 bar covers sites up to about 2000 m)' } }),
        volume: optionalQuantity('volume', { min: 10, max: 1e9 }, 'largest gas volume (default: the CO2 the tanks take, with the margin)'),
        margin: quantity('fraction', 0.1, { min: 0, max: 2 }, 'gas beyond what the tanks take (auto-sized dome)'),
        minimumVolume: quantity('fraction', 0.03, { min: 0, max: 0.5 }, 'smallest gas volume, as a fraction of the largest'),
        heatTransferCoefficient: quantity('heatTransferCoefficient', 2, { min: 0, max: 100 }, 'gas to ambient through the membrane of a hemispherical dome'),
      })
      .strict()
      .prefault({}),
    compression: compressionSchema(
      { stages: 2, maxStages: 6, stagesDoc: 'compression stages', stagesSource: 'validation case A4: two-stage compression', efficiency: 0.88, efficiencySource: 'CAS/IET 101 MW compressor: 88.1 % (validation case C4)' },
      {
        intercooling: flag(true, 'cool the gas to the ambient (plus the approach) between stages, after the stores'),
        intercoolerApproach: quantity('temperatureDifference', 10, { min: 1, max: 60 }, 'intercooler outlet above the ambient'),
        coolerPressureLoss: coolerPressureLoss(0.01, 'gas side of each intercooler'),
      },
    ),
    thermalStores: z
      .array(
        thermalStoreSchema({ name: 'oil', medium: 'TVP1', coldTemperature: CELSIUS + 100, pressure: 10e5 }).safeExtend({
          standingLoss: optionalQuantity('fraction', { min: 0, max: 0.99 }, 'optional: heat the tanks lose in a day, as a fraction of what they hold above the ambient (instead of heatLossCoefficient)'),
          dischargeHotEndApproach: optionalHotEndApproach('hot-end approach of its discharge exchangers (default: hotEndApproach, the charge’s); heat rationing raises it where the charge stored too little heat'),
          dischargePinch: optionalPinch('smallest temperature difference inside its discharge exchangers (default: pinch, the charge’s)'),
        }),
      )
      .min(1)
      .max(4)
      .prefault([
        { name: 'oil', medium: 'TVP1', coldTemperature: CELSIUS + 100, pressure: 10e5 },
        { name: 'water', medium: 'Water', coldTemperature: CELSIUS + 30, pressure: 5e5 },
      ]),
    condenser: z
      .object({
        sink: choice(['basin', 'ambient-air'] as const, 'basin', 'what takes the heat of condensation: the water basin (given back to the evaporator) or ambient air (dry cooler with fans)'),
        approach: quantity('temperatureDifference', 5, { min: 0.5, max: 30 }, 'condensing temperature above the sink (basin water, air or chilled water)'),
        pinch: pinch(2, 'smallest temperature difference inside the basin condenser (below the approach)'),
        subcooling: quantity('temperatureDifference', 0, { min: 0, max: 20 }, 'the condensate leaves this far below its saturation temperature (0: saturated liquid); at most the approach less the pinch with the basin, below the approach with air or a chiller'),
        pressureLoss: pressureLoss(LOSS.exchanger, { kind: 'saturation', value: 0.2 }, 'CO2 side', 'assumption', true),
        criticalMargin: criticalMargin('the condensing temperature stays this far below the critical temperature of CO2 (304.13 K)'),
        chiller: z
          .object({
            cop: quantity('fraction', 4, { min: 1, max: 20 }, 'coefficient of performance of the chiller'),
            supplyTemperature: quantity('temperature', CELSIUS + 12, { min: 260, max: 300 }, 'chilled-water temperature'),
          })
          .strict()
          .optional()
          .meta({ kind: 'object', unit: '', default: '', range: '{ cop, supplyTemperature }', doc: 'a chiller for the condenser, used when the sink is too warm to condense', source: '' }),
      })
      .strict()
      .prefault({}),
    liquidTank: z
      .object({
        volume: optionalQuantity('volume', { min: 1, max: 1e8 }, `total volume of the liquid CO2 tanks (one of liquidTank.volume, energy and duration sizes the plant; default: ${DEFAULT_TANK_VOLUME} m³ when none is given, about 4 h at 100 MW)`),
        ...liquidTankFields({ tanks: 20, levelMin: 0.05, levelMax: 0.9, U: 0.3 }),
        transferPumpEfficiency: pumpEfficiency(0.75, 'pump that lifts the condensate into a tank at a higher pressure'),
      })
      .strict()
      .prefault({}),
    evaporator: z
      .object({
        source: choice(['basin', 'ambient-air', 'water'] as const, 'basin', 'what gives the heat of evaporation: the water basin, ambient air (with fans), or a water source at a fixed temperature (ground water, river or sea water, low-grade waste heat: sourceTemperature)'),
        sourceTemperature: setting(SETS.heaterTemperature, CELSIUS + 15, 'temperature of the water source (source: water); it does not follow the ambient', {
          source: 'assumption: shallow ground water in northern China is about 14–16 degC all year',
          narrow: { range: { min: CELSIUS + 2, max: CELSIUS + 80 }, why: 'liquid water 2 K clear of freezing, up to low-grade waste heat at 80 degC: the sources the evaporator is written for (assumption)' },
        }),
        sourcePumpPower: quantity('fraction', 0.01, { min: 0, max: 0.2 }, 'pumps of the water source (source: water), as a fraction of the heat they bring'),
        approach: quantity('temperatureDifference', 5, { min: 0.5, max: 30 }, 'evaporating temperature below the source'),
        pinch: pinch(2, 'smallest temperature difference inside the basin evaporator (below the approach)'),
        superheat: quantity('temperatureDifference', 0, { min: 0, max: 30 }, 'the vapour leaves this far above its saturation temperature (0: saturated vapour); at most the approach less the pinch with the basin, below the approach with air or a water source'),
        pressureLoss: pressureLoss(LOSS.exchanger, { kind: 'saturation', value: 0.2 }, 'CO2 side', 'assumption', true),
        pumpEfficiency: pumpEfficiency(0.75, 'liquid CO2 pump (when the evaporator is above the tank pressure)'),
      })
      .strict()
      .prefault({}),
    expansion: expansionSchema(
      { stages: 2, maxStages: 6, stagesDoc: 'expansion stages, each reheated through the stores', stagesSource: 'validation case A4: two-stage expansion', efficiency: 0.9, efficiencySource: 'Gasanzade et al. 2023 (turbines 90 %)' },
      {
        heatRationing: flag(true, 'spend each store’s hot medium in proportion to the liquid CO2 left in the tanks: where the charge stored less heat per kg than the discharge’s reheat would take at the hot tank less the approach, the reheat falls, and the liquid tank empties no later than any hot tank (heat-rationing.ts)'),
        ...recuperatorSchema({ on: true, doc: 'preheat the evaporated CO2 with the last turbine’s exhaust before the stores', effectiveness: 0.8, loss: 0.01 }),
        postCoolerApproach: quantity('temperatureDifference', 5, { min: 0, max: 60 }, 'gas back to the dome at the ambient plus this'),
        coolerPressureLoss: coolerPressureLoss(0.01, 'gas side of the post-cooler'),
      },
    ),
    basin: z
      .object({
        volume: optionalQuantity('volume', { min: 1, max: 1e9 }, 'water in the basin (default: a design charge warms it by the swing)'),
        temperatureSwing: quantity('temperatureDifference', 5, { min: 0.5, max: 20 }, 'warming of the basin by a design charge (sizes the basin)'),
        depth: quantity('length', 6, { min: 1, max: 50 }, 'water depth (for the surface)'),
        heatLossCoefficient: quantity('heatTransferCoefficient', 0.5, { min: 0, max: 50 }, 'covered, insulated basin to the ambient'),
        pressure: storePressure(3e5, 'water pressure in the basin loop'),
        pressureLoss: pressureLoss(LOSS.exchanger, { kind: 'drop', value: 0.5e5 }, 'water side of the condenser and evaporator (made up by the basin pump)'),
        pumpEfficiency: pumpEfficiency(0.8, 'basin pump'),
        cooler: flag(true, 'between a discharge and the next charge a dry cooler (fans: heatRejection.fanPower of the heat) takes the basin towards the ambient temperature, rejecting the heat of condensation the evaporation did not take back (or warming it from the air when the evaporation took more)'),
        coolerEffectiveness: quantity('fraction', 0.8, { min: 0, max: 1 }, 'share of the basin’s difference from the ambient the cooler removes between a discharge and the next charge, 1 − exp(−UA·t/(M·c_p)) of a dry cooler of conductance UA running t; the basin carries the rest into the next cycle (1: back to the ambient every day)'),
      })
      .strict()
      .prefault({}),
    heatRejection: heatRejectionSchema,
  })
  .strict();

export type Co2GasLiquidParams = z.infer<typeof CO2_GAS_LIQUID_SCHEMA>;

/** The condensing temperature the sink allows, and what serves the condenser. */
export interface Condensation {
  readonly mode: 'basin' | 'ambient-air' | 'chiller';
  /** Unit: K */
  readonly temperature: number;
}
