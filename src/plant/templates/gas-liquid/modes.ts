/**
 * The operating modes of a gas-liquid CO2 plant (co2-gas-liquid.ts): each mode's ports to its stores, its per-step
 * boundary (stores → network), its controllers (the tank cooler while charging, the tank heater while
 * discharging), heat rationing in the discharge, and the restoring units after a discharge (trim coolers, basin
 * cooler).
 */
import type { TransientPlant } from '../../transient/cycle.js';
import { OperatingPoint, readPoint, type OperatingMode, type StorePort } from '../../transient/mode.js';
import { TwoTankThermalStore } from '../../transient/stores.js';
import { solveHoldingPinches, stageList, restoreThermalStores } from '../common.js';
import { applyToNetwork } from '../doc.js';
import { rationedDischarge, solveDischargeStep } from './rationing.js';
import type { GasLiquidConditions } from './conditions.js';
import type { GasLiquidNetworks } from './networks.js';
import type { GasLiquidDesigns } from './design.js';
import type { GasLiquidStores } from './stores.js';
import { CELSIUS, FREEZING } from './schema.js';

/** The charge and discharge modes, their design operating points and the transient plant. */
export function gasLiquidModes(c: GasLiquidConditions & GasLiquidNetworks & GasLiquidDesigns & GasLiquidStores) {
  const { P, T0, stores, M, dischargeStores, Cd, Ev, Lt, co2, Tc, Tlimit, chillerMode, evapT, sourceT, offDesign, condensingTemperature, chargeUpdates, dischargeUpdates, chargeLoops, chargeBasin, dd, dischargeLoops, dischargeBasin, compressors, turbines, cDesign, dDesign, chargeHolds, dischargeHolds, storeIds, sinks, tankVolume, tank, domeMax, dome, tes, basinVolume, basin, set } = c;
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
  return { chargePorts, dischargePorts, basinT, chargeMode, designApproaches, rationed, dischargeMode, cPoint, dPoint, tesVolume, plant };
}

export type GasLiquidModes = ReturnType<typeof gasLiquidModes>;
