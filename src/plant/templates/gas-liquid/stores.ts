/**
 * The stores of a gas-liquid CO2 plant sized from its design points (co2-gas-liquid.ts): the liquid tanks (by their
 * volume, or by the energy or duration asked for: sizing.ts), the dome, the thermal stores and the basin, and the
 * empty state a design cycle starts from (the tank as a discharge leaves it).
 */
import { PlantInputError } from '../../errors.js';
import { resolveFluid } from '../../fluids/resolve.js';
import { OperatingPoint, readPoint } from '../../transient/mode.js';
import { Basin, ConstantPressureStore, cylinderWetArea, RigidVessel, StoreSet, TwoTankThermalStore } from '../../transient/stores.js';
import { densityAt } from '../common.js';
import { tankVolumeOf } from './sizing.js';
import type { GasLiquidConditions } from './conditions.js';
import type { GasLiquidNetworks } from './networks.js';
import type { GasLiquidDesigns } from './design.js';
import { MIN_STORE_SECONDS, WATER_SOURCE } from './schema.js';

/** The stores sized from the design points, their set and the empty state. */
export function gasLiquidStores(c: GasLiquidConditions & GasLiquidNetworks & GasLiquidDesigns) {
  const { P, T0, ambient, where, stores, Cd, Ev, Lt, sizing, co2, basinUsed, evapT, sourceT, pDome, basinP, chargeLoops, chargeBasin, dischargeBasin, turbines, Tcond, cDesign, Thot, dDesign, mC, mD } = c;
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

  return { storeIds, sinks, sat, TtankEmpty, satEmpty, windowPerVolume, dischargeNetDesign, tankVolume, massFull, massEmpty, massWindow, tCharge, tDischarge, perTank, Dt, tankArea, tank, rhoGas, rhoReturn, cold, heelStart, heelCold, domeGas, domeMax, domeR, dome, tes, water, rhoWater, cpWater, condenserDuty, evaporatorDuty, basinVolume, basinArea, basin, set, empty };
}

export type GasLiquidStores = ReturnType<typeof gasLiquidStores>;
