/**
 * Gas-liquid CO2 storage (the dome type: Energy Dome's CO2 Battery, Dongfang's Deyang plant): CO2 gas at about one
 * atmosphere in a flexible dome at the ambient temperature; liquid CO2 in tanks at 60–70 bar.
 *
 *   charge:     dome → C1 → HXc1_<store>… → [IC1] → C2 → … → CN → HXcN_<store>… → condenser → transfer pump
 *               → valve → liquid tank
 *               stores: cold tank → pump → exchangers (cold side) → hot tank; the condenser rejects to the water
 *               basin (or to the air, or to a chiller)
 *   discharge:  liquid tank → pump → valve → evaporator (basin, air or a water source) → [recuperator] → HXd1_<store>…
 *               → T1 → … → TM → [recuperator] → post-cooler → dome
 *
 * Heat of compression is handed down a chain of stores at falling temperature levels (hottest first, each with
 * its medium, pinch and hot-end approach); the discharge reheats through the same chain coldest first. The CO2
 * condenses at T_sink + approach, which must stay a margin below the critical temperature (304.13 K): above it the
 * plant cannot be built (or the charge stops when the basin has warmed that far) unless a chiller (COP) serves the
 * condenser. The evaporator boils at T_source − approach; its pressure slides with the basin's temperature (the air's; a water source's stays); the
 * liquid is pumped or throttled to it. The liquid tanks are rigid vessels whose two-phase state comes from the
 * (ρ, u) flash each step; the dome keeps its pressure and changes volume; the basin is one well-mixed body of water
 * that the condensation warms and the evaporation cools.
 *
 * Repeated day after day (the periodic design cycle of performance()): the tank is empty as a discharge leaves it —
 * at its lowest level, held at the evaporating temperature — and a charge fills it to its highest level at the
 * condensing temperature (the mass window, which sizes the stores and the durations). Condensation gives the basin
 * more heat than evaporation takes back (the condenser also takes the gas's sensible heat above the water store's
 * cold end, and the throttled liquid arrives partly flashed), so after each discharge a dry cooler (basin.cooler;
 * fans take heatRejection.fanPower of the heat) takes the basin part of the way back to the ambient
 * (basin.coolerEffectiveness) — or warms it from the air when only the evaporator uses it; the basin keeps the rest,
 * and its periodic temperature settles a little above the ambient, where the cooler rejects a cycle's surplus. The
 * thermal stores' discharge exchangers return their medium no colder than its cold tank, and the hot medium a
 * discharge leaves unused goes back to the cold tank through the trim coolers (common.ts). The discharge spends
 * each store's medium at most at the rate the charge stored it (heat rationing, gas-liquid/rationing.ts), so the
 * liquid tank empties before any hot tank runs dry.
 *
 * The ambient temperature (periodic design cycle, condenser and evaporator both tied to the ambient — the basin
 * through its cooler, or the air):
 *   - condensing pressure: p_sat(T_sink + approach) rises with the ambient (45 bar at 5 degC, 64 bar at 20, 70 at
 *     24), and with it the compression work per kg (its log pressure ratio from the dome: +12 % from 5 to 24 degC);
 *   - dome gas temperature: the compressors take the gas at about the ambient, and work per kg grows with the inlet
 *     temperature (+7 % from 5 to 24 degC);
 *   - evaporating pressure: p_sat(T_source − approach) rises with the ambient as well (35 → 56 bar), and with it the
 *     expansion work per kg — a little faster than the compression's, because the vapour-pressure curve flattens
 *     (ln(p_cond/p_evap) for the same temperature gap shrinks as the temperature rises: 0.25 → 0.23);
 *   - heat of compression available for reheat: hotter compressor outlets (higher inlet temperature and ratio) fill
 *     the stores hotter (oil 160 degC at 5 degC, 210 degC at 24 degC), and the turbines take their gas at the hot
 *     tank less the approach: the expansion work rises with the reheat temperature as the compression work does with
 *     the dome's;
 *   - auxiliaries: fans take a fixed fraction of the heat they move; the heat per kg the condenser moves falls as the
 *     latent heat shrinks towards the critical point, so they fall with the ambient (a real dry cooler's fans need
 *     a few per cent more air volume per kW in warmer, thinner air — not modelled);
 *   - net: the RTE rises slowly with the ambient, about 0.1 point per kelvin (64.3 % at 5 degC, 66.1 % at 20 degC
 *     with the basin; 62.9 → 64.7 % over 10–24 degC with an air-cooled condenser and the basin as the evaporator's
 *     source, which loses the heat of condensation and warms its basin back with fans), as the published A4 case's
 *     does (67.0 % at 21 degC, 70.5 % at 25 degC). With the evaporator on a water source whose temperature does not
 *     follow the ambient (evaporator.source 'water': ground, river or sea water, low-grade waste heat) only the
 *     condensing pressure rises, the compression pays for it alone and the RTE falls with the ambient, about 0.2
 *     point per kelvin (65.6 % at 10 degC, 63.0 % at 24 degC with an air-cooled condenser and a 15 degC source);
 *   - capacity: the saturated liquid thins and its vapour thickens towards the critical point (condensing at 10 degC
 *     ρ_l = 861, ρ_v = 135 kg/m³; at 29 degC 629 and 312), so the same tanks hold less — about a quarter less
 *     from 5 to 24 degC;
 *   - near the critical limit: a basin warmed by the swing of a design charge reaches T_crit − margin − approach
 *     before the tanks are full above about 20 degC: the charge is cut short and the capacity collapses (at 24 degC a
 *     fifth of the 20 degC figure, and the cycle no longer settles); with the condenser on the air the charge runs to full up to the limit (25 degC with a 5 K
 *     approach), and above it no plant is built (a chiller would be needed).
 *
 * Auxiliaries: the store pumps, the basin pump and the CO2 pumps are in the networks; fans of the dry coolers and
 * air heat exchangers take a fraction of the heat they move; a chiller takes heat / COP. Pressure losses of the
 * condenser and evaporator may be a fall of the saturation temperature ("0.2 K"), turned into a pressure drop at the
 * design point.
 *
 * Defaults: two compression and two expansion stages as the 10 MW × 8 h plant of validation case A4 (Energies 2025,
 * 18, 5923); condensation near 65 bar as Energy Dome's design (case A2: 65.1 bar); the rest are assumptions.
 */
import { z } from 'zod';
import { fluid } from '../../fluids/index.js';
import { PlantInputError } from '../errors.js';
import { resolveFluid } from '../fluids/resolve.js';
import type { TransientPlant } from '../transient/cycle.js';
import { OperatingPoint, readPoint, type OperatingMode, type StorePort } from '../transient/mode.js';
import { Basin, ConstantPressureStore, cylinderWetArea, RigidVessel, StoreSet, TwoTankThermalStore, type Ambient } from '../transient/stores.js';
import {
  chainOut,
  checkStores,
  checkTrain,
  COMPRESSOR_LINE,
  modePowerSchema,
  compressorTrainSchema,
  connectPath,
  densityAt,
  designPoint,
  dischargeReturns,
  holdEndDifferences,
  solveHoldingPinches,
  pinchHolds,
  heatRejectionSchema,
  lossEntry,
  lossFunction,
  ratiosSchema,
  stageEfficiency,
  serves,
  stageList,
  stageRatios,
  storeExchanger,
  storeLoop,
  thermalStoreSchema,
  TURBINE_LINE,
  turbineTrainSchema,
  restoreThermalStores,
  upstream,
  type Node,
  type StoreLoop,
} from './common.js';
import { applyToDoc, applyToNetwork, DocBuilder, type Entry, type StreamSpec, type Update } from './doc.js';
import { choice, flag, integer, optionalQuantity, pressureLoss, quantity } from './parameters.js';
import { DESIGN_FILE_NOTE as FILE_NOTE, type TemplateBuild } from './plant-model.js';
import { rationDischargeDesign, rationedDischarge, solveDischargeStep } from './gas-liquid/rationing.js';
import { liquidBalance } from './gas-liquid/balance.js';
import { DEFAULT_TANK_VOLUME, sizingOf, tankVolumeOf } from './gas-liquid/sizing.js';
import type { Figure, Site } from './types.js';

const CELSIUS = 273.15;
/** Water freezes (at its triple point). Unit: K */
const FREEZING = 273.16;
/** The evaporator's outside heat source when evaporator.source is 'water' (heat and pump power accounted under it). */
const WATER_SOURCE = 'water source';


/** The shortest charge or discharge a plant may have at design flow (a store of minutes is a design mistake). Unit: s */
export const MIN_STORE_SECONDS = 15 * 60;
export { DEFAULT_TANK_VOLUME };
export const CO2_GAS_LIQUID_SCHEMA = z
  .object({
    charge: modePowerSchema('charge', { power: 100e6, minPower: 1e4, minimumLoad: 0.4 }),
    discharge: modePowerSchema('discharge', { power: 100e6, minPower: 1e4, minimumLoad: 0.3 }),
    energy: optionalQuantity('energy', { min: 3.6e9, max: 3.6e14 }, 'optional: electricity a full discharge delivers at the design discharge power; sizes the liquid tanks and the stores (instead of liquidTank.volume or duration)'),
    duration: optionalQuantity('time', { min: MIN_STORE_SECONDS, max: 1000 * 3600 }, 'optional: length of a full discharge at the design discharge power; sizes the liquid tanks and the stores (instead of liquidTank.volume or energy)'),
    dome: z
      .object({
        pressure: quantity('pressure', 101.8e3, { min: 0.8e5, max: 2e5 }, 'gas pressure in the dome (a membrane a little above the atmosphere)'),
        volume: optionalQuantity('volume', { min: 10, max: 1e9 }, 'largest gas volume (default: the CO2 the tanks take, with the margin)'),
        margin: quantity('fraction', 0.1, { min: 0, max: 2 }, 'gas beyond what the tanks take (auto-sized dome)'),
        minimumVolume: quantity('fraction', 0.03, { min: 0, max: 0.5 }, 'smallest gas volume, as a fraction of the largest'),
        heatTransferCoefficient: quantity('heatTransferCoefficient', 2, { min: 0, max: 100 }, 'gas to ambient through the membrane of a hemispherical dome'),
      })
      .strict()
      .prefault({}),
    compression: z
      .object({
        stages: integer(2, 1, 6, 'compression stages', 'validation case A4: two-stage compression'),
        pressureRatios: ratiosSchema,
        ...compressorTrainSchema({ maxStages: 6, efficiency: 0.88, efficiencySource: 'CAS/IET 101 MW compressor: 88.1 % (validation case C4)' }),
        intercooling: flag(true, 'cool the gas to the ambient (plus the approach) between stages, after the stores'),
        intercoolerApproach: quantity('temperatureDifference', 10, { min: 1, max: 60 }, 'intercooler outlet above the ambient'),
        coolerPressureLoss: pressureLoss({ kind: 'fraction', value: 0.01 }, 'gas side of each intercooler'),
      })
      .strict()
      .prefault({}),
    thermalStores: z
      .array(
        thermalStoreSchema({ name: 'oil', medium: 'TVP1', coldTemperature: CELSIUS + 100, pressure: 10e5 }).safeExtend({
          standingLoss: optionalQuantity('fraction', { min: 0, max: 0.99 }, 'optional: heat the tanks lose in a day, as a fraction of what they hold above the ambient (instead of heatLossCoefficient)'),
          dischargeHotEndApproach: optionalQuantity('temperatureDifference', { min: 1, max: 150 }, 'hot-end approach of its discharge exchangers (default: hotEndApproach, the charge’s); heat rationing raises it where the charge stored too little heat'),
          dischargePinch: optionalQuantity('temperatureDifference', { min: 0.5, max: 100 }, 'smallest temperature difference inside its discharge exchangers (default: pinch, the charge’s)'),
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
        pinch: quantity('temperatureDifference', 2, { min: 0.2, max: 20 }, 'smallest temperature difference inside the basin condenser (below the approach)'),
        subcooling: quantity('temperatureDifference', 0, { min: 0, max: 20 }, 'the condensate leaves this far below its saturation temperature (0: saturated liquid); at most the approach less the pinch with the basin, below the approach with air or a chiller'),
        pressureLoss: pressureLoss({ kind: 'saturation', value: 0.2 }, 'CO2 side', 'assumption', true),
        criticalMargin: quantity('temperatureDifference', 1, { min: 0, max: 20 }, 'the condensing temperature stays this far below the critical temperature of CO2 (304.13 K)'),
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
        tanks: integer(20, 1, 100000, 'number of tanks (vertical cylinders, height = 3 diameters), for their surface'),
        levelMax: quantity('fraction', 0.9, { min: 0.1, max: 0.98 }, 'highest liquid level (volume fraction)'),
        levelMin: quantity('fraction', 0.05, { min: 0.01, max: 0.9 }, 'lowest liquid level (the heel)'),
        heatTransferCoefficient: quantity('heatTransferCoefficient', 0.3, { min: 0, max: 50 }, 'insulated tank wall to the ambient'),
        transferPumpEfficiency: quantity('fraction', 0.75, { min: 0.2, max: 1 }, 'pump that lifts the condensate into a tank at a higher pressure'),
      })
      .strict()
      .prefault({}),
    evaporator: z
      .object({
        source: choice(['basin', 'ambient-air', 'water'] as const, 'basin', 'what gives the heat of evaporation: the water basin, ambient air (with fans), or a water source at a fixed temperature (ground water, river or sea water, low-grade waste heat: sourceTemperature)'),
        sourceTemperature: quantity('temperature', CELSIUS + 15, { min: CELSIUS + 2, max: CELSIUS + 80 }, 'temperature of the water source (source: water); it does not follow the ambient', 'assumption: shallow ground water in northern China is about 14–16 degC all year'),
        sourcePumpPower: quantity('fraction', 0.01, { min: 0, max: 0.2 }, 'pumps of the water source (source: water), as a fraction of the heat they bring'),
        approach: quantity('temperatureDifference', 5, { min: 0.5, max: 30 }, 'evaporating temperature below the source'),
        pinch: quantity('temperatureDifference', 2, { min: 0.2, max: 20 }, 'smallest temperature difference inside the basin evaporator (below the approach)'),
        superheat: quantity('temperatureDifference', 0, { min: 0, max: 30 }, 'the vapour leaves this far above its saturation temperature (0: saturated vapour); at most the approach less the pinch with the basin, below the approach with air or a water source'),
        pressureLoss: pressureLoss({ kind: 'saturation', value: 0.2 }, 'CO2 side', 'assumption', true),
        pumpEfficiency: quantity('fraction', 0.75, { min: 0.2, max: 1 }, 'liquid CO2 pump (when the evaporator is above the tank pressure)'),
      })
      .strict()
      .prefault({}),
    expansion: z
      .object({
        stages: integer(2, 1, 6, 'expansion stages, each reheated through the stores', 'validation case A4: two-stage expansion'),
        pressureRatios: ratiosSchema,
        ...turbineTrainSchema({ maxStages: 6, efficiency: 0.9, efficiencySource: 'Gasanzade et al. 2023 (turbines 90 %)' }),
        heatRationing: flag(true, 'spend each store’s hot medium in proportion to the liquid CO2 left in the tanks: where the charge stored less heat per kg than the discharge’s reheat would take at the hot tank less the approach, the reheat falls, and the liquid tank empties no later than any hot tank (heat-rationing.ts)'),
        recuperator: flag(true, 'preheat the evaporated CO2 with the last turbine’s exhaust before the stores'),
        recuperatorEffectiveness: quantity('fraction', 0.8, { min: 0.05, max: 0.98 }, 'recuperator effectiveness Q/Q_max'),
        recuperatorPressureLoss: pressureLoss({ kind: 'fraction', value: 0.01 }, 'each side of the recuperator'),
        postCoolerApproach: quantity('temperatureDifference', 5, { min: 0, max: 60 }, 'gas back to the dome at the ambient plus this'),
        coolerPressureLoss: pressureLoss({ kind: 'fraction', value: 0.01 }, 'gas side of the post-cooler'),
      })
      .strict()
      .prefault({}),
    basin: z
      .object({
        volume: optionalQuantity('volume', { min: 1, max: 1e9 }, 'water in the basin (default: a design charge warms it by the swing)'),
        temperatureSwing: quantity('temperatureDifference', 5, { min: 0.5, max: 20 }, 'warming of the basin by a design charge (sizes the basin)'),
        depth: quantity('length', 6, { min: 1, max: 50 }, 'water depth (for the surface)'),
        heatLossCoefficient: quantity('heatTransferCoefficient', 0.5, { min: 0, max: 50 }, 'covered, insulated basin to the ambient'),
        pressure: quantity('pressure', 3e5, { min: 1e5, max: 20e5 }, 'water pressure in the basin loop'),
        pressureLoss: pressureLoss({ kind: 'drop', value: 0.5e5 }, 'water side of the condenser and evaporator (made up by the basin pump)'),
        pumpEfficiency: quantity('fraction', 0.8, { min: 0.2, max: 1 }, 'basin pump'),
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

export function co2GasLiquid(P: Co2GasLiquidParams, site: Site): TemplateBuild {
  const T0 = site.ambientTemperature;
  const p0 = site.ambientPressure ?? 101325;
  const ambient: Ambient = { T: T0, p: p0 };
  const where = 'co2-gas-liquid';
  const stores = P.thermalStores;
  const N = P.compression.stages;
  const M = P.expansion.stages;
  checkStores(where, stores, N, M);
  const dischargeStores = dischargeSides(where, stores);
  checkTrain(where, 'compression', P.compression, N);
  checkTrain(where, 'expansion', P.expansion, M);
  const Cd = P.condenser;
  const Ev = P.evaporator;
  const Lt = P.liquidTank;
  if (!(Cd.pinch < Cd.approach)) throw new PlantInputError(where, 'condenser.pinch', Cd.pinch, `below condenser.approach (${Cd.approach} K)`);
  if (!(Ev.pinch < Ev.approach)) throw new PlantInputError(where, 'evaporator.pinch', Ev.pinch, `below evaporator.approach (${Ev.approach} K)`);
  if (!(Lt.levelMin < Lt.levelMax)) throw new PlantInputError(where, 'liquidTank.levelMin', Lt.levelMin, `below liquidTank.levelMax (${Lt.levelMax})`);
  checkSaturationOffsets(where, P);
  const sizing = sizingOf(where, P);
  const co2 = fluid('CO2');
  const Tc = co2.critical.T;
  const Tlimit = Tc - Cd.criticalMargin;
  const psat = (T: number) => co2.saturationAtT(T).p;
  const satDrop = (p: number, dT: number) => {
    const T = co2.saturationAtP(Math.min(p, co2.critical.p * 0.999)).T;
    return p - psat(T - dT);
  };

  // ——— what serves the condenser ———
  const basinUsed = Cd.sink === 'basin' || Ev.source === 'basin';
  const sinkT = T0; // the basin starts at the ambient temperature
  let condensation: Condensation = { mode: Cd.sink, temperature: sinkT + Cd.approach };
  if (condensation.temperature > Tlimit) {
    if (!Cd.chiller) {
      throw new PlantInputError(
        where,
        'site.ambientTemperature',
        T0,
        `an ambient at most ${(Tlimit - Cd.approach - CELSIUS).toFixed(2)} degC: CO2 would have to condense at ${(condensation.temperature - CELSIUS).toFixed(2)} degC (the ${Cd.sink === 'basin' ? 'basin' : 'air'} at ${(sinkT - CELSIUS).toFixed(2)} degC + ${Cd.approach} K), which is not below its critical temperature ${(Tc - CELSIUS).toFixed(2)} degC less the ${Cd.criticalMargin} K margin — condensation is impossible; give condenser.chiller (a chiller with its COP) or a colder sink`,
      );
    }
    condensation = { mode: 'chiller', temperature: Cd.chiller.supplyTemperature + Cd.approach };
    if (condensation.temperature > Tlimit) throw new PlantInputError(where, 'condenser.chiller.supplyTemperature', Cd.chiller.supplyTemperature, `at most ${(Tlimit - Cd.approach - CELSIUS).toFixed(2)} degC (condensation below the critical temperature less the margin)`);
  }
  const chillerMode = condensation.mode === 'chiller';
  const pCondDesign = psat(condensation.temperature);
  const condDp = lossEntry(Cd.pressureLoss, pCondDesign, satDrop);
  const evapT = (Tsource: number) => Math.min(Tsource - Ev.approach, Tlimit);
  const satT = (p: number) => co2.saturationAtP(Math.min(p, co2.critical.p * 0.999)).T;
  /** The condenser's outlet at pressure p: saturated liquid, or subcooled (a temperature, as the pressure is fixed). */
  const condensateSpec = (p: number): StreamSpec => (Cd.subcooling > 0 ? { p, Q: undefined, T: satT(p) - Cd.subcooling } : { p, Q: 0, T: undefined });
  /** The evaporator's heat source: the basin (its temperature now), the air, or a water source that ignores both. */
  const sourceT = (Tbasin: number) => (Ev.source === 'basin' ? Tbasin : Ev.source === 'water' ? Ev.sourceTemperature : T0);
  const pEvapDesign = psat(evapT(sourceT(T0)));
  const evapDp = lossEntry(Ev.pressureLoss, pEvapDesign, satDrop);
  if (Ev.source === 'basin') checkEvaporatorPinch(where, Ev, evapT(sourceT(T0)), upstream(pEvapDesign, [lossFunction(evapDp)]));
  const condLoss = lossFunction(condDp);
  const evapLoss = lossFunction(evapDp);
  const Ticool = T0 + P.compression.intercoolerApproach;
  const icLoss = lossFunction(lossEntry(P.compression.coolerPressureLoss, 1e6));
  const pcLoss = lossFunction(lossEntry(P.expansion.coolerPressureLoss, 1e5));
  const pDome = P.dome.pressure;
  const gasChain = stores.map((s) => lossFunction(lossEntry(s.gasPressureLoss, pCondDesign)));
  const between = Array.from({ length: N - 1 }, () => [...gasChain, ...(P.compression.intercooling ? [icLoss] : [])]);
  const reheat = [...gasChain].reverse();
  const recuperated = P.expansion.recuperator;
  const recLoss = lossFunction(lossEntry(P.expansion.recuperatorPressureLoss, pEvapDesign));
  const firstChain = recuperated ? [recLoss, ...reheat] : reheat;
  const exhaustChain = recuperated ? [recLoss, pcLoss] : [pcLoss];
  const basinP = P.basin.pressure;

  interface ChargeState {
    Tdome: number;
    Tcold: readonly number[];
    Tbasin: number;
    pTank: number;
  }
  interface DischargeState {
    tank: { p: number; T?: number; Q?: number };
    Thot: readonly number[];
    Tbasin: number;
  }
  // off design (after the design points) the basin condenser and evaporator hold their water's design temperature change
  const offDesign = { on: false, condenserRise: NaN, evaporatorFall: NaN };
  const condensingTemperature = (Tbasin: number) => (chillerMode ? condensation.temperature : (Cd.sink === 'basin' ? Tbasin : T0) + Cd.approach);
  const chargeUpdates = (s: ChargeState): Update[] => {
    const pCond = psat(condensingTemperature(s.Tbasin));
    const pLast = upstream(pCond, [...gasChain, condLoss]);
    const ratios = stageRatios(pDome, pLast, N, between, P.compression.pressureRatios);
    const u: Update[] = [
      { component: 'dome', set: { p: pDome, T: s.Tdome } },
      { connection: 'COND-TP', set: condensateSpec(pCond) },
      { component: 'TP', set: { p_out: Math.max(pCond, s.pTank) } },
      { component: 'tank', set: { p: s.pTank } },
    ];
    for (let k = 0; k < N - 1; k++) u.push({ component: `C${k + 1}`, set: { pr: ratios[k] } });
    stores.forEach((st, j) => u.push({ component: st.name, set: { T: s.Tcold[j] } }));
    if (Cd.sink === 'basin' && !chillerMode) {
      u.push({ component: 'basin', set: { T: s.Tbasin } });
      if (offDesign.on) u.push({ connection: 'basin_return', set: { T: s.Tbasin + offDesign.condenserRise } });
    }
    return u;
  };
  const evaporationPressure = (Tbasin: number) => psat(evapT(sourceT(Tbasin)));
  /** The evaporator's outlet: saturated vapour, or superheated (a temperature, as the outlet pressure is fixed). */
  const vapourSpec = (pOut: number): StreamSpec => (Ev.superheat > 0 ? { Q: undefined, T: satT(pOut) + Ev.superheat } : { Q: 1, T: undefined });
  const evaporatorOutlet = () => (dd.doc.connections.find((c) => c.from === 'EVAP' || c.from.startsWith('EVAP.')) as { id: string }).id;
  const dischargeUpdates = (s: DischargeState): Update[] => {
    const pEvapOut = evaporationPressure(s.Tbasin);
    const pEvapIn = upstream(pEvapOut, [evapLoss]);
    const pT1 = chainOut(pEvapOut, firstChain);
    const ratios = stageRatios(pT1, upstream(pDome, exhaustChain), M, Array.from({ length: M - 1 }, () => reheat), P.expansion.pressureRatios);
    const tankSpec = s.tank.Q !== undefined ? { p: s.tank.p, Q: s.tank.Q, T: undefined } : { p: s.tank.p, T: s.tank.T, Q: undefined };
    const u: Update[] = [
      { component: 'tank', set: tankSpec },
      { component: 'LP', set: { p_out: Math.max(pEvapIn, s.tank.p) } },
      { component: 'EV', set: { p_out: pEvapIn } },
      { connection: evaporatorOutlet(), set: vapourSpec(pEvapOut) },
      { component: 'dome', set: { p: pDome } },
    ];
    for (let k = 0; k < M - 1; k++) u.push({ component: `T${k + 1}`, set: { pr: ratios[k] } });
    stores.forEach((st, j) => u.push({ component: st.name, set: { T: s.Thot[j] } }));
    if (Ev.source === 'basin') {
      u.push({ component: 'basin', set: { T: s.Tbasin } });
      if (offDesign.on) u.push({ connection: 'basin_return', set: { T: s.Tbasin - offDesign.evaporatorFall } });
    }
    return u;
  };

  // ——— charge network ———
  const cd = new DocBuilder('Gas-liquid CO2 storage — charge', 'CO2 from the dome compressed, its heat handed down a chain of thermal stores, condensed and stored as liquid.', ambient);
  cd.add('dome', { type: 'gas-holder', fluid: 'CO2', mode: 'supply', p: pDome, T: T0 });
  const cPath: Node[] = [{ id: 'dome' }];
  const cSpecs: Record<number, StreamSpec> = {};
  for (let k = 1; k <= N; k++) {
    cd.add(`C${k}`, { type: 'compressor', eta_s: stageEfficiency(P.compression, k - 1), eta_mech: P.compression.mechanicalEfficiency, eta_el: P.compression.motorEfficiency, ...(k < N ? { pr: 3 } : {}) });
    cPath.push({ id: `C${k}` });
    for (const s of stores.filter((st) => serves(st, k))) {
      const id = `HXc${k}_${s.name}`;
      cd.add(id, storeExchanger('hot', s, pCondDesign, s.pressure));
      cPath.push({ id, in: 'hot_in', out: 'hot_out' });
    }
    if (k < N && P.compression.intercooling) {
      cd.add(`IC${k}`, { type: 'cooler', ...lossEntry(P.compression.coolerPressureLoss, 1e6), sink: 'ambient' });
      cPath.push({ id: `IC${k}` });
      cSpecs[cPath.length - 1] = { T: Ticool };
    }
  }
  const condenser: Entry =
    Cd.sink === 'basin' && !chillerMode
      ? { type: 'heat-exchanger', ...('pr' in condDp ? { pr1: condDp.pr } : { dp1: condDp.dp }), ...side2(lossEntry(P.basin.pressureLoss, basinP)), ttd_min: Cd.pinch }
      : { type: 'cooler', ...condDp, sink: chillerMode ? 'chiller' : 'ambient' };
  cd.add('COND', condenser);
  cPath.push(condenser.type === 'heat-exchanger' ? { id: 'COND', in: 'hot_in', out: 'hot_out' } : { id: 'COND' });
  cSpecs[cPath.length - 1] = condensateSpec(pCondDesign);
  cd.add('TP', { type: 'pump', eta_s: Lt.transferPumpEfficiency, p_out: pCondDesign });
  cd.add('TV', { type: 'valve' });
  cd.add('tank', { type: 'storage-vessel', fluid: 'CO2', mode: 'receive', p: pCondDesign });
  cPath.push({ id: 'TP' }, { id: 'TV' }, { id: 'tank' });
  connectPath(cd, cPath, cSpecs);
  const chargeLoops = stores.map((s) =>
    storeLoop(cd, s.name, { medium: s.medium, T: s.coldTemperature, p: s.pressure, pumpEfficiency: s.pumpEfficiency, mode: 'charge' }, stageList(N, s).map((k) => ({ id: `HXc${k}_${s.name}`, side: 'cold' as const }))),
  );
  const chargeBasin: StoreLoop | undefined = condenser.type === 'heat-exchanger' ? storeLoop(cd, 'basin', { medium: 'Water', T: T0, p: basinP, pumpEfficiency: P.basin.pumpEfficiency, mode: 'charge' }, [{ id: 'COND', side: 'cold' }]) : undefined;

  // ——— discharge network ———
  const dd = new DocBuilder('Gas-liquid CO2 storage — discharge', 'Liquid CO2 pumped or throttled, evaporated, reheated through the thermal stores, expanded and returned to the dome.', ambient);
  dd.add('tank', { type: 'storage-vessel', fluid: 'CO2', mode: 'supply', p: pCondDesign, Q: 0 });
  dd.add('LP', { type: 'pump', eta_s: Ev.pumpEfficiency, p_out: pCondDesign });
  dd.add('EV', { type: 'valve', p_out: upstream(pEvapDesign, [evapLoss]) });
  const evaporator: Entry =
    Ev.source === 'basin'
      ? { type: 'heat-exchanger', ...side1(lossEntry(P.basin.pressureLoss, basinP)), ...('pr' in evapDp ? { pr2: evapDp.pr } : { dp2: evapDp.dp }), ttd_min: Ev.pinch }
      : Ev.source === 'water'
        ? { type: 'heater', ...evapDp, sink: WATER_SOURCE, T_external: Ev.sourceTemperature }
        : { type: 'heater', ...evapDp, sink: 'ambient' };
  dd.add('EVAP', evaporator);
  const dPath: Node[] = [{ id: 'tank' }, { id: 'LP' }, { id: 'EV' }, evaporator.type === 'heat-exchanger' ? { id: 'EVAP', in: 'cold_in', out: 'cold_out' } : { id: 'EVAP' }];
  const dSpecs: Record<number, StreamSpec> = { 3: vapourSpec(pEvapDesign) };
  if (recuperated) {
    const r = lossEntry(P.expansion.recuperatorPressureLoss, pEvapDesign);
    dd.add('REC', { type: 'heat-exchanger', ...('pr' in r ? { pr1: r.pr, pr2: r.pr } : { dp1: r.dp, dp2: r.dp }), eps: P.expansion.recuperatorEffectiveness });
    dPath.push({ id: 'REC', in: 'cold_in', out: 'cold_out' });
  }
  for (let k = 1; k <= M; k++) {
    for (const s of [...stores].reverse().filter((st) => serves(st, k))) {
      const id = `HXd${k}_${s.name}`;
      dd.add(id, storeExchanger('cold', dischargeStores[stores.indexOf(s)], pEvapDesign, s.pressure));
      dPath.push({ id, in: 'cold_in', out: 'cold_out' });
    }
    dd.add(`T${k}`, { type: 'turbine', eta_s: stageEfficiency(P.expansion, k - 1), eta_mech: P.expansion.mechanicalEfficiency, eta_el: P.expansion.generatorEfficiency, ...(k < M ? { pr: 0.3 } : {}) });
    dPath.push({ id: `T${k}` });
  }
  dd.add('PC', { type: 'cooler', ...lossEntry(P.expansion.coolerPressureLoss, 1e5), sink: 'ambient' });
  dd.add('dome', { type: 'gas-holder', fluid: 'CO2', mode: 'receive', p: pDome });
  connectPath(dd, dPath, dSpecs);
  if (recuperated) {
    dd.connect(`T${M}-REC`, `T${M}`, 'REC.hot_in');
    dd.connect('REC-PC', 'REC.hot_out', 'PC');
  } else dd.connect(`T${M}-PC`, `T${M}`, 'PC');
  dd.connect('PC-dome', 'PC', 'dome', { T: T0 + P.expansion.postCoolerApproach });
  dPath.push(...(recuperated ? [{ id: 'REC', in: 'hot_in', out: 'hot_out' }] : []), { id: 'PC' }, { id: 'dome' });
  const dischargeLoops = stores.map((s) =>
    storeLoop(dd, s.name, { medium: s.medium, T: s.coldTemperature + 50, p: s.pressure, pumpEfficiency: s.pumpEfficiency, mode: 'discharge' }, stageList(M, s).map((k) => ({ id: `HXd${k}_${s.name}`, side: 'hot' as const }))),
  );
  const dischargeBasin: StoreLoop | undefined = evaporator.type === 'heat-exchanger' ? storeLoop(dd, 'basin', { medium: 'Water', T: T0, p: basinP, pumpEfficiency: P.basin.pumpEfficiency, mode: 'discharge' }, [{ id: 'EVAP', side: 'hot' }]) : undefined;

  // ——— design points ———
  const compressors = Array.from({ length: N }, (_, k) => `C${k + 1}`);
  const turbines = Array.from({ length: M }, (_, k) => `T${k + 1}`);
  const Tcond = condensation.temperature;
  applyToDoc(cd.doc, chargeUpdates({ Tdome: T0, Tcold: stores.map((s) => s.coldTemperature), Tbasin: T0, pTank: pCondDesign }));
  const cDesign = designPoint({
    template: where,
    mode: 'charge',
    doc: cd.doc,
    flowConnection: 'dome-C1',
    trialFlow: 100,
    bus: { id: 'motors', members: compressors, power: P.charge.power, sense: 'consumed' },
    exchangers: stores.flatMap((s) => stageList(N, s).map((k) => ({ id: `HXc${k}_${s.name}`, pinch: s.pinch }))),
    lines: compressors.map((id) => ({ id, line: COMPRESSOR_LINE })),
  });
  const Thot = chargeLoops.map((l) => cDesign.solution.stream(l.ret).T);
  stores.forEach((s, j) => {
    if (s.medium === 'Water') {
      const Tsat = fluid('Water').saturationAtP(s.pressure).T;
      if (Thot[j] > Tsat - 5) throw new PlantInputError(where, `thermalStores[${j}].pressure`, s.pressure, `a pressure at which water stays liquid at the hot temperature ${(Thot[j] - CELSIUS).toFixed(1)} degC (5 K below boiling: above ${(psatWater(Thot[j] + 5) / 1e5).toFixed(2)} bar)`);
    }
  });
  applyToDoc(dd.doc, dischargeUpdates({ tank: { p: pCondDesign, Q: 0 }, Thot, Tbasin: T0 }));
  const dDesignFirst = designPoint({
    template: where,
    mode: 'discharge',
    doc: dd.doc,
    flowConnection: 'tank-LP',
    trialFlow: 100,
    bus: { id: 'generators', members: turbines, power: P.discharge.power, sense: 'delivered' },
    exchangers: dischargeStores.flatMap((s) => stageList(M, s).map((k) => ({ id: `HXd${k}_${s.name}`, pinch: s.pinch }))),
    returns: dischargeReturns(stores, dischargeLoops),
    lines: turbines.map((id) => ({ id, line: TURBINE_LINE })),
  });
  // the discharge designed to spend each store's medium at the rate the charge filled it (gas-liquid/rationing.ts)
  const chargeRatios = chargeLoops.map((l) => cDesign.solution.stream(l.supply).m / cDesign.massFlow);
  const rationedDesign = P.expansion.heatRationing
    ? rationDischargeDesign({ design: dDesignFirst, params: dischargeStores, supplies: dischargeLoops.map((l) => l.supply), stages: M, doc: dd.doc, chargeRatios })
    : { design: dDesignFirst };
  const dDesign = rationedDesign.design;
  const mC = cDesign.massFlow;
  const mD = dDesign.massFlow;
  const chargeHolds = holdEndDifferences(cDesign.network, cDesign.solution, Object.keys(cd.doc.components).filter((id) => id.startsWith('HX')));
  const dischargeHolds = [...holdEndDifferences(dDesign.network, dDesign.solution, Object.keys(dd.doc.components).filter((id) => id.startsWith('HX'))), ...pinchHolds(dDesign.solution, recuperated ? ['REC'] : [])];
  offDesign.on = true;
  if (chargeBasin) {
    offDesign.condenserRise = cDesign.solution.stream(chargeBasin.ret).T - T0;
    applyToNetwork(cDesign.network, [{ component: 'COND', set: { ttd_min: undefined } }, { connection: chargeBasin.ret, set: { T: T0 + offDesign.condenserRise } }]);
  }
  if (dischargeBasin) {
    offDesign.evaporatorFall = T0 - dDesign.solution.stream(dischargeBasin.ret).T;
    applyToNetwork(dDesign.network, [{ component: 'EVAP', set: { ttd_min: undefined } }, { connection: dischargeBasin.ret, set: { T: T0 - offDesign.evaporatorFall } }]);
  }

  // ——— sizes and the empty state ———
  const storeIds = new Set(['tank', 'dome', ...stores.map((s) => s.name), ...(basinUsed ? ['basin'] : [])]);
  const sinks = {
    ambient: { fanFraction: P.heatRejection.fanPower },
    ...(Ev.source === 'water' ? { [WATER_SOURCE]: { fanFraction: Ev.sourcePumpPower } } : {}),
    ...(Cd.chiller ? { chiller: { fanFraction: P.heatRejection.fanPower, cop: Cd.chiller.cop } } : {}) };
  // a charge fills the tank from empty as a discharge leaves it (the lowest level, held at the evaporating
  // temperature by the tank heater) to full at the condensing temperature
  const sat = co2.saturationAtT(Tcond);
  const TtankEmpty = Math.min(evapT(sourceT(T0)), Tcond);
  const satEmpty = co2.saturationAtT(TtankEmpty);
  const windowPerVolume = Lt.levelMax * sat.liquid.rho + (1 - Lt.levelMax) * sat.vapor.rho - (Lt.levelMin * satEmpty.liquid.rho + (1 - Lt.levelMin) * satEmpty.vapor.rho);
  // sized by energy or duration: the liquid a full discharge at design flow takes, over what a cubic metre of tank
  // holds between full (at the condensing temperature) and empty (at the evaporating temperature); the design net
  // power does not depend on the tanks (a mode without store ports reads it from the design solution)
  const dischargeNetDesign = -readPoint({ phase: 'discharge', network: dDesign.network, solve: () => dDesign.network.solve(), ports: [], busMembers: turbines, sinks, storeComponents: storeIds, fuelConnections: [], mainFlow: 'tank-LP', hRefAbs: 0, prepare: () => undefined }, dDesign.solution, new OperatingPoint(0)).net;
  const tankVolume = tankVolumeOf(sizing, mD, dischargeNetDesign, windowPerVolume);
  const massFull = tankVolume * (Lt.levelMax * sat.liquid.rho + (1 - Lt.levelMax) * sat.vapor.rho);
  const massEmpty = tankVolume * (Lt.levelMin * satEmpty.liquid.rho + (1 - Lt.levelMin) * satEmpty.vapor.rho);
  const massWindow = massFull - massEmpty;
  const tCharge = massWindow / mC;
  const tDischarge = massWindow / mD;
  // a tank that fills in seconds is no store, and a transient step would overfill it far beyond any real density
  // (a 1 m3 tank failed deep in the (rho, u) flash at 17,500 kg/m3)
  if (Math.min(tCharge, tDischarge) < MIN_STORE_SECONDS) {
    const needed = (tankVolume * MIN_STORE_SECONDS) / Math.min(tCharge, tDischarge);
    throw new PlantInputError(
      where,
      sizing.field,
      sizing.text,
      `a plant that stores at least ${MIN_STORE_SECONDS / 60} min of design flow: tanks of ${tankVolume.toPrecision(4)} m3 hold ${(massWindow / 1000).toPrecision(3)} t of CO2 between its levels, ` +
        `${(tCharge / 60).toPrecision(2)} min of charge (${mC.toPrecision(4)} kg/s) and ${(tDischarge / 60).toPrecision(2)} min of discharge; at least ${Math.ceil(needed)} m3`,
    );
  }
  const perTank = tankVolume / Lt.tanks;
  const Dt = Math.cbrt((4 * perTank) / (Math.PI * 3));
  const tankArea = Lt.tanks * (Math.PI * Dt * 3 * Dt + (Math.PI * Dt * Dt) / 2);
  const tank = new RigidVessel('tank', ambient, { kind: 'tank', fluid: 'CO2', volume: tankVolume, wall: { area: tankArea, U: Lt.heatTransferCoefficient, T: T0 }, outlet: 'liquid', levelMin: Lt.levelMin, levelMax: Lt.levelMax });
  const rhoGas = co2.tp(T0, pDome).rho;
  const rhoReturn = co2.tp(T0 + P.expansion.postCoolerApproach, pDome).rho;
  // the dome starts with what a charge takes (with the margin) above its smallest volume, and must also take what
  // an emptied tank gives beyond its starting heel: the flashing liquid cools the tank and thins its vapour (taken
  // at the evaporating temperature less 15 K); the returning gas is a little warmer than the ambient
  const cold = co2.saturationAtT(Math.min(evapT(sourceT(T0)) - 15, Tcond));
  const heelStart = massEmpty;
  const heelCold = tankVolume * (Lt.levelMin * cold.liquid.rho + (1 - Lt.levelMin) * cold.vapor.rho);
  const domeGas = massWindow * (1 + P.dome.margin);
  const domeMax = P.dome.volume ?? (domeGas + Math.max(0, heelStart - heelCold)) / rhoReturn / (1 - P.dome.minimumVolume);
  const domeR = Math.cbrt((3 * domeMax) / (2 * Math.PI));
  const dome = new ConstantPressureStore('dome', ambient, { kind: 'dome', fluid: 'CO2', p: pDome, volumeMax: domeMax, volumeMin: P.dome.minimumVolume * domeMax, wall: { area: 2 * Math.PI * domeR * domeR, U: P.dome.heatTransferCoefficient, T: T0 } });
  const tes = stores.map((s, j) => {
    const mediumFlow = cDesign.solution.stream(chargeLoops[j].supply).m;
    const medium = resolveFluid(s.medium);
    const rhoHot = densityAt(medium, Thot[j], s.pressure);
    const rhoCold = densityAt(medium, s.coldTemperature, s.pressure);
    const usable = mediumFlow * tCharge * (1 + s.sizeMargin);
    const tankVolume = (1.02 * usable) / rhoHot / (1 - 2 * s.heel);
    const store = new TwoTankThermalStore(s.name, ambient, { medium: s.medium, p: s.pressure, tankVolume, U: s.heatLossCoefficient, wetArea: cylinderWetArea(tankVolume), levelMin: s.heel, ...(s.standingLoss !== undefined ? { lossPerDay: s.standingLoss } : {}) });
    return { store, usable, tankVolume, rhoHot, rhoCold };
  });
  const water = resolveFluid('Water');
  const rhoWater = densityAt(water, T0, basinP);
  const cpWater = (water.hTP(T0 + 0.5, basinP, 0) - water.hTP(T0 - 0.5, basinP, 0)) / 1;
  const condenserDuty = chargeBasin ? Math.abs(cDesign.solution.report('COND').Q ?? 0) : 0;
  const evaporatorDuty = dischargeBasin ? Math.abs(dDesign.solution.report('EVAP').Q ?? 0) : 0;
  const basinVolume = P.basin.volume ?? (Math.max(condenserDuty * tCharge, evaporatorDuty * tDischarge) / (rhoWater * cpWater * P.basin.temperatureSwing) || 1);
  const basinArea = 2 * (basinVolume / P.basin.depth) + 4 * Math.sqrt(basinVolume / P.basin.depth) * P.basin.depth;
  const basin = basinUsed ? new Basin('basin', ambient, { medium: 'Water', p: basinP, tankVolume: basinVolume, U: P.basin.heatLossCoefficient, wetArea: () => basinArea, levelMin: 0 }) : undefined;
  const set = new StoreSet([tank, dome, ...tes.map((t) => t.store), ...(basin ? [basin] : [])]);
  const empty = new Float64Array(set.size);
  tank.fill(empty, { T: TtankEmpty, level: Lt.levelMin });
  dome.fill(empty, T0, domeGas / rhoGas + P.dome.minimumVolume * domeMax);
  if (dome.state(empty).volume > domeMax * (1 + 1e-9)) throw new PlantInputError(where, 'dome.volume', domeMax, `at least ${(domeGas / rhoGas + P.dome.minimumVolume * domeMax).toPrecision(4)} m³ (the gas a charge takes, with the margin)`);
  tes.forEach((t, j) => {
    t.store.fillPart(empty, TwoTankThermalStore.HOT, stores[j].heel * t.tankVolume * t.rhoHot, Thot[j]);
    t.store.fillPart(empty, TwoTankThermalStore.COLD, t.usable + stores[j].heel * t.tankVolume * t.rhoCold, stores[j].coldTemperature);
  });
  if (basin) basin.fillPart(empty, 0, basinVolume * rhoWater, T0);

  // ——— operating modes ———
  const chargePorts: StorePort[] = [
    { store: dome, part: 0, connection: 'dome-C1', sign: -1 },
    { store: tank, part: 0, connection: 'TV-tank', sign: 1 },
  ];
  const dischargePorts: StorePort[] = [
    { store: tank, part: 0, connection: 'tank-LP', sign: -1 },
    { store: dome, part: 0, connection: 'PC-dome', sign: 1 },
  ];
  tes.forEach((t, j) => {
    chargePorts.push({ store: t.store, part: TwoTankThermalStore.COLD, connection: chargeLoops[j].supply, sign: -1 }, { store: t.store, part: TwoTankThermalStore.HOT, connection: chargeLoops[j].ret, sign: 1 });
    dischargePorts.push(
      { store: t.store, part: TwoTankThermalStore.HOT, connection: dischargeLoops[j].supply, sign: -1 },
      { store: t.store, part: TwoTankThermalStore.COLD, connection: dischargeLoops[j].ret, sign: 1, ...(stores[j].returnCooling ? { trimEnthalpy: t.store.hAt(stores[j].coldTemperature) } : {}) },
    );
  });
  if (basin && chargeBasin) chargePorts.push({ store: basin, part: 0, connection: chargeBasin.supply, sign: -1 }, { store: basin, part: 0, connection: chargeBasin.ret, sign: 1 });
  if (basin && dischargeBasin) dischargePorts.push({ store: basin, part: 0, connection: dischargeBasin.supply, sign: -1 }, { store: basin, part: 0, connection: dischargeBasin.ret, sign: 1 });
  const basinT = (x: Float64Array) => (basin ? basin.state(x, 0).T : T0);
  const chargeMode: OperatingMode = {
    phase: 'charge',
    network: cDesign.network,
    solve: () => solveHoldingPinches(cDesign.network, chargeHolds),
    ports: chargePorts,
    busMembers: compressors,
    sinks,
    storeComponents: storeIds,
    fuelConnections: [],
    mainFlow: 'dome-C1',
    hRefAbs: 0,
    prepare(x, bus) {
      const Tb = basinT(x);
      const Tcond = condensingTemperature(Tb);
      if (Tcond > Tlimit) {
        return `condensation impossible: CO2 would condense at ${(Tcond - CELSIUS).toFixed(2)} degC (the ${Cd.sink === 'basin' ? 'basin' : 'air'} at ${((Cd.sink === 'basin' ? Tb : T0) - CELSIUS).toFixed(2)} degC + ${Cd.approach} K), not below the critical temperature ${(Tc - CELSIUS).toFixed(2)} degC less ${Cd.criticalMargin} K${Cd.chiller ? '' : '; a chiller (condenser.chiller) would be needed'}`;
      }
      applyToNetwork(cDesign.network, [
        ...chargeUpdates({ Tdome: dome.state(x).T, Tcold: tes.map((t) => t.store.state(x, TwoTankThermalStore.COLD).T), Tbasin: Tb, pTank: tank.state(x).p }),
        { component: 'motors', set: { P: bus } },
      ]);
      return undefined;
    },
    control(x) {
      // the tank cooler (standing for a vapour-return line to the condenser): condensing the vapour the incoming
      // liquid displaces would warm a closed tank towards the critical point; the tank is held at the condensing
      // temperature, its heat going where the condenser's goes
      const Tset = condensingTemperature(basinT(x));
      const st = tank.state(x);
      if (!(st.T > Tset)) return { heat: 0, electricity: 0 };
      const U = st.M * co2.dt(st.rho, Tset).u;
      const heat = tank.E(x, 0) - U;
      tank.set(x, 0, st.M, U);
      if (Cd.sink === 'basin' && !chillerMode && basin) {
        basin.set(x, 0, basin.M(x, 0), basin.E(x, 0) + heat);
        return { heat: 0, electricity: 0 };
      }
      const electricity = heat * (P.heatRejection.fanPower + (chillerMode && Cd.chiller ? 1 / Cd.chiller.cop : 0));
      return { heat, electricity };
    },
  };
  // each store's hot-end approach at the (rationed) design point, where a discharge step that does not solve restarts
  const designApproaches = stores.map((s) => dDesign.solution.component(`HXd${stageList(M, s)[0]}_${s.name}`).values.ttd_u as number);
  const rationed = rationedDischarge({ params: dischargeStores, stores: tes.map((t) => t.store), supplies: dischargeLoops.map((l) => l.supply), stages: M, doc: dd.doc, tank, tankVolume, levelMin: Lt.levelMin });
  const dischargeMode: OperatingMode = {
    phase: 'discharge',
    network: dDesign.network,
    solve: (x: Float64Array) => {
      const once = () => solveHoldingPinches(dDesign.network, dischargeHolds);
      return P.expansion.heatRationing ? solveDischargeStep(dDesign.network, rationed, designApproaches, x, once) : once();
    },
    ports: dischargePorts,
    busMembers: turbines,
    sinks,
    storeComponents: storeIds,
    fuelConnections: [],
    mainFlow: 'tank-LP',
    hRefAbs: 0,
    prepare(x, bus) {
      const st = tank.state(x);
      if (Number.isNaN(st.Q)) return `the liquid tank holds ${st.level >= 1 ? 'compressed liquid' : 'no liquid'} (${(st.p / 1e5).toFixed(2)} bar, ${(st.T - CELSIUS).toFixed(2)} degC)`;
      if (dischargeBasin && basin) {
        const Tout = basinT(x) - offDesign.evaporatorFall;
        if (Tout < FREEZING + 0.5) return `the basin water would freeze in the evaporator: the basin at ${(basinT(x) - CELSIUS).toFixed(2)} degC would leave it at ${(Tout - CELSIUS).toFixed(2)} degC (a larger basin, an antifreeze loop or an air evaporator would be needed)`;
      }
      applyToNetwork(dDesign.network, [...dischargeUpdates({ tank: tank.supplySpec(x), Thot: tes.map((t) => t.store.state(x, TwoTankThermalStore.HOT).T), Tbasin: basinT(x) }), { component: 'generators', set: { P: bus } }]);
      return undefined;
    },
    control(x) {
      // the tank heater (a coil fed by the evaporator's source): drawing liquid flashes the vapour cushion and would
      // cool the tank far below the ambient; it is held at the evaporating temperature the source allows
      // never above the condensing temperature the charge filled it at: a tank heated past it (a chiller-cooled
      // condenser, an evaporator on warm air) expands its liquid until it is full and holds no vapour
      const Thold = Math.min(evapT(sourceT(basinT(x))), condensingTemperature(basinT(x)));
      const st = tank.state(x);
      if (!(st.T < Thold) || Number.isNaN(st.Q)) return { heat: 0, electricity: 0 };
      const U = st.M * co2.dt(st.rho, Thold).u;
      const heat = U - tank.E(x, 0);
      tank.set(x, 0, st.M, U);
      if (Ev.source === 'basin' && basin) {
        basin.set(x, 0, basin.M(x, 0), basin.E(x, 0) - heat);
        return { heat: 0, electricity: 0 };
      }
      return { heat: -heat, electricity: heat * (Ev.source === 'water' ? Ev.sourcePumpPower : P.heatRejection.fanPower) };
    },
  };
  const cPoint = readPoint(chargeMode, cDesign.solution, new OperatingPoint(set.size));
  const dPoint = readPoint(dischargeMode, dDesign.solution, new OperatingPoint(set.size));
  const tesVolume = tes.reduce((a, t) => a + 2 * t.tankVolume, 0);
  const plant: TransientPlant = {
    stores: set,
    charge: chargeMode,
    discharge: dischargeMode,
    designPower: { charge: cPoint.net, discharge: -dPoint.net },
    designAux: { charge: cPoint.aux, discharge: dPoint.aux },
    restore(x) {
      const r = restoreThermalStores(x, tes.map((t, j) => ({ store: t.store, coldTemperature: stores[j].coldTemperature, returnCooling: stores[j].returnCooling })), P.heatRejection.fanPower);
      if (!basin || !P.basin.cooler) return r;
      // the basin cooler: a share of the way back to the ambient before the next charge (basin.coolerEffectiveness);
      // the basin carries the rest, and its periodic temperature settles where the cooler rejects a cycle's surplus
      const st = basin.state(x, 0);
      const Tafter = T0 + (1 - P.basin.coolerEffectiveness) * (st.T - T0);
      const hAfter = basin.hAt(Tafter);
      const q = st.M * (st.h - hAfter);
      basin.set(x, 0, st.M, st.M * hAfter);
      const action = `basin ${q >= 0 ? 'cooled' : 'warmed'} from ${(st.T - CELSIUS).toFixed(2)} to ${(Tafter - CELSIUS).toFixed(2)} degC by its cooler (${(Math.abs(q) / 3.6e9).toPrecision(4)} MWh ${q >= 0 ? 'to' : 'from'} the ambient at ${(T0 - CELSIUS).toFixed(2)} degC)`;
      return { heat: r.heat + q, electricity: r.electricity + Math.abs(q) * P.heatRejection.fanPower, actions: [...r.actions, action] };
    },
    volumes: [
      { basis: 'liquid CO2 tanks', volume: tankVolume },
      { basis: 'liquid tanks and dome', volume: tankVolume + domeMax },
      { basis: 'liquid tanks, dome, thermal stores and basin', volume: tankVolume + domeMax + tesVolume + (basin ? basinVolume : 0) },
    ],
  };
  const cs = cDesign.solution;
  const ds = dDesign.solution;
  const rationingNote = (): string => {
    if (rationedDesign.reason !== undefined) return `heat rationing at the design point did not solve (${rationedDesign.reason}): the design discharge spends some store's medium faster than the charge stored it`;
    const raised = dischargeStores.flatMap((s) => stageList(M, s).map((k) => `HXd${k}_${s.name}`).filter((id) => (ds.component(id).values.ttd_u ?? 0) > s.hotEndApproach + 1e-6).map((id) => `${id} ${(ds.component(id).values.ttd_u as number).toFixed(2)} K`));
    return raised.length === 0
      ? 'heat rationing: every store’s heat suffices at its design hot-end approach (no approach raised at the design point); in the cycle each store spends its hot medium at most in proportion to the liquid CO2 left'
      : `heat rationing: the design discharge spends each store’s medium at the rate the charge stored it, its hot-end approaches raised (${raised.join(', ')}); in the cycle each store spends its hot medium at most in proportion to the liquid CO2 left`;
  };
  const figures: Record<string, Figure> = {
    chargeNetPower: { value: cPoint.net, unit: 'W', note: 'electric power drawn at the design point, auxiliaries included' },
    dischargeNetPower: { value: -dPoint.net, unit: 'W' },
    chargeAuxiliaries: { value: cPoint.aux, unit: 'W' },
    dischargeAuxiliaries: { value: dPoint.aux, unit: 'W' },
    chargeMassFlow: { value: mC, unit: 'kg/s' },
    dischargeMassFlow: { value: mD, unit: 'kg/s' },
    condensingTemperature: { value: Tcond, unit: 'K', note: `${condensation.mode}: sink + approach` },
    condensingPressure: { value: pCondDesign, unit: 'Pa' },
    evaporatingPressure: { value: pEvapDesign, unit: 'Pa' },
    compressorOutletPressure: { value: cs.stream(`C${N}-${cPath[cPath.findIndex((n) => n.id === `C${N}`) + 1].id}`).p, unit: 'Pa' },
    liquidMassWindow: { value: massWindow, unit: 'kg', note: 'CO2 between the empty tank (lowest level, at the evaporating temperature, as a discharge leaves it) and the full tank (highest level, at the condensing temperature)' },
    chargeDurationEstimate: { value: tCharge, unit: 's' },
    dischargeDurationEstimate: { value: tDischarge, unit: 's' },
    domeVolume: { value: domeMax, unit: 'm3' },
    basinVolume: { value: basin ? basinVolume : 0, unit: 'm3' },
    specificCompressionWork: { value: cPoint.net / mC, unit: 'J/kg', note: 'electricity per kg of CO2 stored, auxiliaries included' },
    specificExpansionWork: { value: -dPoint.net / mD, unit: 'J/kg', note: 'net electricity per kg of CO2 withdrawn' },
  };
  for (let k = 1; k <= N; k++) {
    const i = cPath.findIndex((n) => n.id === `C${k}`);
    figures[`C${k}.outletTemperature`] = { value: cs.stream(`C${k}-${cPath[i + 1].id}`).T, unit: 'K' };
  }
  for (let k = 1; k <= M; k++) {
    const i = dPath.findIndex((n) => n.id === `T${k}`);
    figures[`T${k}.inletTemperature`] = { value: ds.stream(`${dPath[i - 1].id}-T${k}`).T, unit: 'K' };
    figures[`T${k}.inletPressure`] = { value: ds.stream(`${dPath[i - 1].id}-T${k}`).p, unit: 'Pa' };
  }
  figures.liquidTankVolume = { value: tankVolume, unit: 'm3', note: `sized by ${sizing.field} (${sizing.text})` };
  figures.dischargeEnergyEstimate = { value: dischargeNetDesign * tDischarge, unit: 'J', note: 'net design discharge power × the design discharge duration' };
  Object.assign(figures, liquidBalance({ massWindow, dischargeMass: mD * tDischarge, stores: stores.map((s, j) => ({ name: s.name, chargeMass: cDesign.solution.stream(chargeLoops[j].supply).m * tCharge, dischargeMass: ds.stream(dischargeLoops[j].supply).m * tDischarge })) }));
  tes.forEach((t, j) => {
    figures[`${stores[j].name}.hotTemperature`] = { value: Thot[j], unit: 'K' };
    figures[`${stores[j].name}.mediumMass`] = { value: t.usable, unit: 'kg' };
    figures[`${stores[j].name}.tankVolume`] = { value: t.tankVolume, unit: 'm3', note: 'each of the two tanks' };
  });
  return {
    template: 'co2-gas-liquid',
    technology: 'gas-liquid CO2 storage (dome and liquid tanks)',
    parameters: P,
    plant,
    empty,
    primary: tank,
    designSolutions: { charge: cs, discharge: ds },
    figures,
    notes: [
      `design point: dome at ${(pDome / 1e5).toFixed(4)} bar and the ambient ${(T0 - CELSIUS).toFixed(2)} degC; condensation at ${(Tcond - CELSIUS).toFixed(2)} degC (${(pCondDesign / 1e5).toFixed(2)} bar, ${condensation.mode}); evaporation at ${(evapT(sourceT(T0)) - CELSIUS).toFixed(2)} degC (${(pEvapDesign / 1e5).toFixed(2)} bar, ${Ev.source === 'water' ? `water source at ${(Ev.sourceTemperature - CELSIUS).toFixed(2)} degC` : Ev.source}); tank saturated at the condensing temperature; stores at their cold temperature (charge) and at the hot temperature of the design charge (discharge)`,
      `condensation must stay below ${(Tlimit - CELSIUS).toFixed(2)} degC (critical ${(Tc - CELSIUS).toFixed(2)} degC less the margin): the charge stops when the ${Cd.sink === 'basin' ? 'basin' : 'sink'} is too warm`,
      'compressors share the total ratio at every step; the evaporating pressure slides with the basin temperature and the turbines share their ratio; η_s on part-load lines (assumption)',
      'the liquid tank is held between the evaporating and the condensing temperature: cooled while charging (the vapour the liquid displaces is condensed; its heat goes where the condenser’s goes) and heated while discharging (its flashing would otherwise chill it), from the evaporator’s source',
      ...(basin
        ? [
            P.basin.cooler
              ? `after each discharge the basin cooler takes the basin ${(P.basin.coolerEffectiveness * 100).toFixed(0)} % of the way back to the ambient temperature (the heat of condensation the evaporation did not take back goes to the air; fans heatRejection.fanPower of it), or warms it from the air when the evaporation took more; the basin carries the rest into the next cycle`
              : 'the basin has no cooler (basin.cooler off): what condensation and evaporation do not balance stays in it, cycle after cycle',
          ]
        : []),
      'after each discharge the trim coolers return the hot medium the discharge did not use to the cold tanks (heat to the ambient); the discharge exchangers return their medium no colder than its cold tank',
      ...(P.expansion.heatRationing ? [rationingNote()] : ['heat rationing off (expansion.heatRationing): a store whose discharge spends more medium per kg of CO2 than the charge stored runs its hot tank dry before the liquid tank is empty']),
    ],
    docs: { charge: cDesign.file, discharge: dDesign.file },
    yamlHeader: (mode) => [
      `Gas-liquid CO2 storage (chuneng template co2-gas-liquid), ${mode} network at its design point (ambient ${(T0 - CELSIUS).toFixed(2)} degC).`,
      ...FILE_NOTE,
    ],
    estimate: { chargeSeconds: tCharge, dischargeSeconds: tDischarge },
    densityBasis: 'liquid CO2 tanks',
    minimumLoad: { charge: P.charge.minimumLoad, discharge: P.discharge.minimumLoad },
  };
}

/**
 * The basin evaporator's pinch against its approach and pressure loss. The CO2 enters boiling at the saturation
 * temperature of the evaporator's inlet pressure — the evaporating temperature plus the fall of saturation
 * temperature its pressure loss makes — and meets the basin water leaving; the water can leave no colder than that
 * plus the pinch, and it entered at the evaporating temperature plus the approach. A pinch at or above the approach
 * less the saturation fall leaves the water no cooling to give: the design asks for unbounded basin water (a 3 K
 * fall with a 5 K approach and a 2 K pinch asked for 85,000 kg/s against 5,200 kg/s at 0.2 K).
 */
function checkEvaporatorPinch(where: string, Ev: Co2GasLiquidParams['evaporator'], Tevap: number, pEvapIn: number): void {
  const co2 = fluid('CO2');
  const stated = Ev.pressureLoss.kind === 'saturation' ? Ev.pressureLoss.value : 0;
  const fall = Math.max(stated, co2.saturationAtP(Math.min(pEvapIn, co2.critical.p * 0.999)).T - Tevap);
  if (Ev.pinch < Ev.approach - fall) return;
  throw new PlantInputError(
    where,
    'evaporator.pinch',
    `${Ev.pinch} K`,
    `below evaporator.approach (${Ev.approach} K) less the fall of saturation temperature that evaporator.pressureLoss makes (${fall.toPrecision(3)} K): below ${(Ev.approach - fall).toPrecision(3)} K — at or above it the basin water cannot cool on its way through (it would need unbounded flow); give a smaller pinch or pressure loss, or a larger approach`,
  );
}

function side1(l: { pr: number } | { dp: number }): Record<string, number> {
  return 'pr' in l ? { pr1: l.pr } : { dp1: l.dp };
}

function side2(l: { pr: number } | { dp: number }): Record<string, number> {
  return 'pr' in l ? { pr2: l.pr } : { dp2: l.dp };
}

function psatWater(T: number): number {
  return fluid('Water').saturationAtT(Math.min(T, 647)).p;
}

/**
 * Subcooling and superheat inside what the exchangers allow. With the basin, the condensate leaves at the
 * condensing temperature less the subcooling and meets the basin water entering at the condensing temperature less
 * the approach: the cold-end difference (approach − subcooling) may not fall below the pinch; likewise the vapour
 * leaves the basin evaporator at the evaporating temperature plus the superheat against water entering at that plus
 * the approach. With air, a chiller or a water source (no pinch), each must stay below the approach.
 */
function checkSaturationOffsets(where: string, P: Co2GasLiquidParams): void {
  const offsets = [
    { field: 'condenser.subcooling', value: P.condenser.subcooling, approach: P.condenser.approach, pinch: P.condenser.sink === 'basin' ? P.condenser.pinch : 0, side: 'condenser' },
    { field: 'evaporator.superheat', value: P.evaporator.superheat, approach: P.evaporator.approach, pinch: P.evaporator.source === 'basin' ? P.evaporator.pinch : 0, side: 'evaporator' },
  ];
  for (const o of offsets) {
    const max = o.approach - o.pinch;
    if (o.value > 0 && !(o.pinch > 0 ? o.value <= max : o.value < max)) {
      throw new PlantInputError(where, o.field, `${o.value} K`, o.pinch > 0 ? `at most ${o.side}.approach (${o.approach} K) less ${o.side}.pinch (${o.pinch} K): ${max} K` : `below ${o.side}.approach (${o.approach} K)`);
    }
  }
}

/**
 * Each store as its discharge exchangers see it: their own hot-end approach and pinch where the file gives them
 * (dischargeHotEndApproach, dischargePinch), else the charge's. The pinch must stay below the approach.
 */
function dischargeSides<S extends Co2GasLiquidParams['thermalStores'][number]>(where: string, stores: readonly S[]): S[] {
  return stores.map((s, k) => {
    const hotEndApproach = s.dischargeHotEndApproach ?? s.hotEndApproach;
    const pinch = s.dischargePinch ?? s.pinch;
    if (!(pinch < hotEndApproach)) {
      const field = s.dischargePinch !== undefined ? 'dischargePinch' : 'dischargeHotEndApproach';
      throw new PlantInputError(`${where} thermalStores[${k}]`, field, field === 'dischargePinch' ? pinch : hotEndApproach, field === 'dischargePinch' ? `a pinch below the discharge hot-end approach (${hotEndApproach} K)` : `a hot-end approach above the discharge pinch (${pinch} K)`);
    }
    return { ...s, hotEndApproach, pinch };
  });
}
