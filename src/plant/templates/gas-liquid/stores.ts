/**
 * The stores of a gas-liquid CO2 plant sized from its design points (co2-gas-liquid.ts): the liquid tanks (by their
 * volume, or by the energy or duration asked for: sizing.ts), the dome, the thermal stores and the basin, and the
 * empty state a design cycle starts from (the tank as a discharge leaves it), and the restoring units after a discharge
 * (the trim coolers, the basin cooler).
 */
import { PlantInputError } from '../../errors.js';
import { resolveFluid } from '../../fluids/resolve.js';
import { OperatingPoint, readPoint, type HeatSink } from '../../transient/mode.js';
import { Basin, ConstantPressureStore, RigidVessel } from '../../transient/stores.js';
import { densityAt, type SizedThermalStores } from '../parts/thermal-stores.js';
import { tankWallArea } from '../parts/vessel.js';
import type { ModeDesign, StoreSizes } from '../pipeline.js';
import { tankVolumeOf } from './sizing.js';
import type { GasLiquidConditions } from './conditions.js';
import type { GasLiquidNetworks } from './networks.js';
import { CELSIUS, MIN_STORE_SECONDS, WATER_SOURCE } from './schema.js';

/** The stores sized from the design points (StoreSizes for the pipeline) and what the modes and figures read of them. */
export interface GasLiquidSizes extends StoreSizes {
  readonly tank: RigidVessel;
  readonly dome: ConstantPressureStore;
  readonly tes: SizedThermalStores;
  readonly basin: Basin | undefined;
  /** Unit: m³ */
  readonly tankVolume: number;
  readonly domeMax: number;
  readonly basinVolume: number;
  /** The design charge's and discharge's durations over the mass window. Unit: s */
  readonly tCharge: number;
  readonly tDischarge: number;
  /** Net electric power of the design discharge. Unit: W */
  readonly dischargeNetDesign: number;
}

/** The heat sinks of the plant's auxiliaries: the ambient through dry coolers, a water source's pumps, a chiller. */
export function gasLiquidSinks(c: GasLiquidConditions): Readonly<Record<string, HeatSink>> {
  const { P, Cd, Ev } = c;
  return {
    ambient: { fanFraction: P.heatRejection.fanPower },
    ...(Ev.source === 'water' ? { [WATER_SOURCE]: { fanFraction: Ev.sourcePumpPower } } : {}),
    ...(Cd.chiller ? { chiller: { fanFraction: P.heatRejection.fanPower, cop: Cd.chiller.cop } } : {}),
  };
}

/** The stores sized from the design points and the empty state. */
export function gasLiquidStores(c: GasLiquidConditions, n: GasLiquidNetworks, charge: ModeDesign, discharge: ModeDesign): GasLiquidSizes {
  const { P, T0, ambient, where, stores, Lt, sizing, co2, basinUsed, evapT, sourceT, pDome, basinP, condensation } = c;
  const { chargeBasin, dischargeBasin } = n;
  const mC = charge.massFlow;
  const mD = discharge.massFlow;
  const Tcond = condensation.temperature;
  // a charge fills the tank from empty as a discharge leaves it (the lowest level, held at the evaporating
  // temperature by the tank heater) to full at the condensing temperature
  const sat = co2.saturationAtT(Tcond);
  const TtankEmpty = Math.min(evapT(sourceT(T0)), Tcond);
  const satEmpty = co2.saturationAtT(TtankEmpty);
  const windowPerVolume = Lt.levelMax * sat.liquid.rho + (1 - Lt.levelMax) * sat.vapor.rho - (Lt.levelMin * satEmpty.liquid.rho + (1 - Lt.levelMin) * satEmpty.vapor.rho);
  // sized by energy or duration: the liquid a full discharge at design flow takes, over what a cubic metre of tank
  // holds between full (at the condensing temperature) and empty (at the evaporating temperature); the design net
  // power does not depend on the tanks (a mode without store ports reads it from the design solution)
  const storeIds = new Set(['tank', 'dome', ...stores.map((s) => s.name), ...(basinUsed ? ['basin'] : [])]);
  const dischargeNetDesign = -readPoint({ phase: 'discharge', network: discharge.network, solve: () => discharge.network.solve(), ports: [], busMembers: n.turbines.ids, sinks: gasLiquidSinks(c), storeComponents: storeIds, fuelConnections: [], mainFlow: 'tank-LP', hRefAbs: 0, prepare: () => undefined }, discharge.solution, new OperatingPoint(0)).net;
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
  const tank = new RigidVessel('tank', ambient, { kind: 'tank', fluid: 'CO2', volume: tankVolume, wall: { area: tankWallArea(tankVolume, Lt.tanks), U: Lt.heatTransferCoefficient, T: T0 }, outlet: 'liquid', levelMin: Lt.levelMin, levelMax: Lt.levelMax });
  const rhoGas = co2.tp(T0, pDome).rho;
  const rhoReturn = co2.tp(T0 + P.expansion.postCoolerApproach, pDome).rho;
  // the dome starts with what a charge takes (with the margin) above its smallest volume, and must also take what
  // an emptied tank gives beyond its starting heel: the flashing liquid cools the tank and thins its vapour (taken
  // at the evaporating temperature less 15 K); the returning gas is a little warmer than the ambient
  const cold = co2.saturationAtT(Math.min(evapT(sourceT(T0)) - 15, Tcond));
  const heelCold = tankVolume * (Lt.levelMin * cold.liquid.rho + (1 - Lt.levelMin) * cold.vapor.rho);
  const domeGas = massWindow * (1 + P.dome.margin);
  const domeMax = P.dome.volume ?? (domeGas + Math.max(0, massEmpty - heelCold)) / rhoReturn / (1 - P.dome.minimumVolume);
  const domeR = Math.cbrt((3 * domeMax) / (2 * Math.PI));
  const dome = new ConstantPressureStore('dome', ambient, { kind: 'dome', fluid: 'CO2', p: pDome, volumeMax: domeMax, volumeMin: P.dome.minimumVolume * domeMax, wall: { area: 2 * Math.PI * domeR * domeR, U: P.dome.heatTransferCoefficient, T: T0 } });
  const tes = n.chain.size(charge.solution, tCharge, ambient);
  const water = resolveFluid('Water');
  const rhoWater = densityAt(water, T0, basinP);
  const cpWater = (water.hTP(T0 + 0.5, basinP, 0) - water.hTP(T0 - 0.5, basinP, 0)) / 1;
  const condenserDuty = chargeBasin ? Math.abs(charge.solution.report('COND').Q ?? 0) : 0;
  const evaporatorDuty = dischargeBasin ? Math.abs(discharge.solution.report('EVAP').Q ?? 0) : 0;
  const basinVolume = P.basin.volume ?? (Math.max(condenserDuty * tCharge, evaporatorDuty * tDischarge) / (rhoWater * cpWater * P.basin.temperatureSwing) || 1);
  const basinArea = 2 * (basinVolume / P.basin.depth) + 4 * Math.sqrt(basinVolume / P.basin.depth) * P.basin.depth;
  const basin = basinUsed ? new Basin('basin', ambient, { medium: 'Water', p: basinP, tankVolume: basinVolume, U: P.basin.heatLossCoefficient, wetArea: () => basinArea, levelMin: 0 }) : undefined;
  return {
    tank,
    dome,
    tes,
    basin,
    tankVolume,
    domeMax,
    basinVolume,
    tCharge,
    tDischarge,
    dischargeNetDesign,
    stores: [tank, dome, ...tes.stores, ...(basin ? [basin] : [])],
    primary: tank,
    massWindow,
    fillEmpty(x) {
      tank.fill(x, { T: TtankEmpty, level: Lt.levelMin });
      dome.fill(x, T0, domeGas / rhoGas + P.dome.minimumVolume * domeMax);
      if (dome.state(x).volume > domeMax * (1 + 1e-9)) throw new PlantInputError(where, 'dome.volume', domeMax, `at least ${(domeGas / rhoGas + P.dome.minimumVolume * domeMax).toPrecision(4)} m³ (the gas a charge takes, with the margin)`);
      tes.fillEmpty(x);
      if (basin) basin.fillPart(x, 0, basinVolume * rhoWater, T0);
    },
    restore(x) {
      const r = tes.restore(x, P.heatRejection.fanPower);
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
      { basis: 'liquid tanks, dome, thermal stores and basin', volume: tankVolume + domeMax + tes.volume + (basin ? basinVolume : 0) },
    ],
    densityBasis: 'liquid CO2 tanks',
  };
}
