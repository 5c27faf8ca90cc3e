/**
 * The working conditions of a gas-liquid CO2 plant from its parameters and site (co2-gas-liquid.ts): the checks that
 * refuse what cannot be built, what serves the condenser, the design pressures and losses, and the boundary
 * updates a charge or discharge step applies to its network (the same at the design point and at each step).
 */
import { fluid, type Fluid } from '../../../fluids/index.js';
import { PlantInputError } from '../../errors.js';
import type { Ambient } from '../../transient/stores.js';
import { chainOut, checkStores, checkTrain, lossEntry, lossFunction, serves, stageRatios, upstream } from '../common.js';
import type { StreamSpec, Update } from '../doc.js';
import { siteAmbient } from '../pipeline.js';
import { sizingOf, type Sizing } from './sizing.js';
import type { Site } from '../types.js';
import type { Co2GasLiquidParams, Condensation } from './schema.js';
import { CELSIUS } from './schema.js';
import { checkEvaporatorPinch, checkSaturationOffsets, dischargeSides } from './checks.js';

export interface ChargeState {
  Tdome: number;
  Tcold: readonly number[];
  Tbasin: number;
  pTank: number;
}
export interface DischargeState {
  tank: { p: number; T?: number; Q?: number };
  Thot: readonly number[];
  Tbasin: number;
}

/** What the steps of the build read of a gas-liquid plant's conditions. Units SI (K, Pa). */
export interface GasLiquidConditions {
  readonly P: Co2GasLiquidParams;
  readonly T0: number;
  readonly ambient: Ambient;
  readonly where: string;
  readonly stores: Co2GasLiquidParams['thermalStores'];
  /** The compression and expansion stages. */
  readonly N: number;
  readonly M: number;
  /** The stores as their discharge exchangers are designed (discharge approach and pinch where given). */
  readonly dischargeStores: Co2GasLiquidParams['thermalStores'];
  readonly Cd: Co2GasLiquidParams['condenser'];
  readonly Ev: Co2GasLiquidParams['evaporator'];
  readonly Lt: Co2GasLiquidParams['liquidTank'];
  readonly sizing: Sizing;
  readonly co2: Fluid;
  /** CO2's critical temperature, and the highest condensing temperature (less the margin). */
  readonly Tc: number;
  readonly Tlimit: number;
  /** Whether a basin serves the condenser or the evaporator. */
  readonly basinUsed: boolean;
  /** What condenses the CO2 at design, and at what temperature. */
  readonly condensation: Condensation;
  readonly chillerMode: boolean;
  /** The condensate's pressure at design. */
  readonly pCondDesign: number;
  /** The condenser's and the evaporator's CO2-side loss as a specification at design. */
  readonly condDp: { pr: number } | { dp: number };
  readonly evapDp: { pr: number } | { dp: number };
  readonly evapLoss: (p: number) => number;
  /** The evaporating temperature for a source at Tsource, and the source's temperature for the basin at Tbasin. */
  readonly evapT: (Tsource: number) => number;
  readonly sourceT: (Tbasin: number) => number;
  /** The evaporator's outlet pressure at design. */
  readonly pEvapDesign: number;
  /** The condenser's outlet at pressure p, and the evaporator's at pOut (saturated, or subcooled / superheated). */
  readonly condensateSpec: (p: number) => StreamSpec;
  readonly vapourSpec: (pOut: number) => StreamSpec;
  /** The gas leaving an intercooler. */
  readonly Ticool: number;
  readonly pDome: number;
  readonly recuperated: boolean;
  readonly basinP: number;
  /** Off design (set once the design points are held): the basin exchangers' water temperature change. Unit: K */
  readonly offDesign: { on: boolean; condenserRise: number; evaporatorFall: number };
  /** The condensing temperature with the basin at Tbasin. */
  readonly condensingTemperature: (Tbasin: number) => number;
  /** A step's boundary applied to each network (the same at the design point and at each step). */
  readonly chargeUpdates: (s: ChargeState) => Update[];
  readonly dischargeUpdates: (s: DischargeState) => Update[];
}

/** The plant's conditions from its parameters and site, after the checks that refuse what cannot be built. */
export function gasLiquidConditions(P: Co2GasLiquidParams, site: Site): GasLiquidConditions {
  const ambient = siteAmbient(site);
  const T0 = ambient.T;
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
  /**
   * The pressure drop of an exchanger whose loss is given as a fall of saturation temperature, from its known outlet
   * pressure: the inlet saturates dT above the outlet, exactly (measured downward from the outlet, a stated 3 K fell
   * only 2.84 K between the ends). An inlet that would saturate at or above the critical temperature is the field's error.
   */
  const satDropFrom = (field: string) => (pOut: number, dT: number) => {
    const Tout = co2.saturationAtP(Math.min(pOut, co2.critical.p * 0.999)).T;
    if (!(Tout + dT < Tc)) {
      throw new PlantInputError(where, field, `${dT} K`, `below ${(Tc - Tout).toFixed(2)} K: the inlet would saturate at or above CO2's critical temperature ${(Tc - CELSIUS).toFixed(2)} degC (the outlet saturates at ${(Tout - CELSIUS).toFixed(2)} degC)`);
    }
    return psat(Tout + dT) - pOut;
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
  const condDp = lossEntry(Cd.pressureLoss, pCondDesign, satDropFrom('condenser.pressureLoss'));
  const evapT = (Tsource: number) => Math.min(Tsource - Ev.approach, Tlimit);
  const satT = (p: number) => co2.saturationAtP(Math.min(p, co2.critical.p * 0.999)).T;
  /** The condenser's outlet at pressure p: saturated liquid, or subcooled (a temperature, as the pressure is fixed). */
  const condensateSpec = (p: number): StreamSpec => (Cd.subcooling > 0 ? { p, Q: undefined, T: satT(p) - Cd.subcooling } : { p, Q: 0, T: undefined });
  /** The evaporator's heat source: the basin (its temperature now), the air, or a water source that ignores both. */
  const sourceT = (Tbasin: number) => (Ev.source === 'basin' ? Tbasin : Ev.source === 'water' ? Ev.sourceTemperature : T0);
  const pEvapDesign = psat(evapT(sourceT(T0)));
  const evapDp = lossEntry(Ev.pressureLoss, pEvapDesign, satDropFrom('evaporator.pressureLoss'));
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
  const evaporatorOutlet = () => evaporatorOutletOf(P);
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

  return { P, T0, ambient, where, stores, N, M, dischargeStores, Cd, Ev, Lt, sizing, co2, Tc, Tlimit, basinUsed, condensation, chillerMode, pCondDesign, condDp, evapDp, evapLoss, evapT, sourceT, pEvapDesign, condensateSpec, vapourSpec, Ticool, pDome, recuperated, basinP, offDesign, condensingTemperature, chargeUpdates, dischargeUpdates };
}

/** The connection leaving the evaporator, as networks.ts lays the path: into the recuperator, else stage 1's coldest store exchanger, else T1. */
function evaporatorOutletOf(P: Co2GasLiquidParams): string {
  if (P.expansion.recuperator) return 'EVAP-REC';
  const first = [...P.thermalStores].reverse().find((s) => serves(s, 1));
  return `EVAP-${first ? `HXd1_${first.name}` : 'T1'}`;
}
