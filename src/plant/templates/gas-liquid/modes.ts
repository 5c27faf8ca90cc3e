/**
 * The operating modes of a gas-liquid CO2 plant (co2-gas-liquid.ts), for the build pipeline (pipeline.ts ModeRun):
 * each mode's ports to its stores, its per-step boundary (stores → network) or why it cannot run, its controller
 * (the tank cooler while charging, the tank heater while discharging), and heat rationing in the discharge. Once
 * the design points are held, the basin's condenser and evaporator hold their water's design temperature change
 * instead of their pinch.
 */
import { TwoTankThermalStore } from '../../transient/stores.js';
import { applyToNetwork } from '../doc.js';
import { solveHoldingPinches } from '../pinch-holds.js';
import type { ModeDesign, ModeRun } from '../pipeline.js';
import { rationedDischarge, solveDischargeStep } from './rationing.js';
import type { ChargeState, DischargeState, GasLiquidConditions } from './conditions.js';
import type { GasLiquidNetworks } from './networks.js';
import type { GasLiquidSizes } from './stores.js';
import { CELSIUS, FREEZING } from './schema.js';

/** Off design the basin condenser and evaporator hold their water's design temperature change (their pinch released). */
function holdBasinExchangers(c: GasLiquidConditions, n: GasLiquidNetworks, charge: ModeDesign, discharge: ModeDesign): void {
  const { T0, offDesign } = c;
  offDesign.on = true;
  if (n.chargeBasin) {
    offDesign.condenserRise = charge.solution.stream(n.chargeBasin.ret).T - T0;
    applyToNetwork(charge.network, [{ component: 'COND', set: { ttd_min: undefined } }, { connection: n.chargeBasin.ret, set: { T: T0 + offDesign.condenserRise } }]);
  }
  if (n.dischargeBasin) {
    offDesign.evaporatorFall = T0 - discharge.solution.stream(n.dischargeBasin.ret).T;
    applyToNetwork(discharge.network, [{ component: 'EVAP', set: { ttd_min: undefined } }, { connection: n.dischargeBasin.ret, set: { T: T0 - offDesign.evaporatorFall } }]);
  }
}

/** The charge and discharge modes between the sized stores. */
export function gasLiquidModes(c: GasLiquidConditions, n: GasLiquidNetworks, sizes: GasLiquidSizes, designs: { readonly charge: ModeDesign; readonly discharge: ModeDesign }): { charge: ModeRun<ChargeState>; discharge: ModeRun<DischargeState> } {
  const { P, T0, Cd, Ev, Lt, co2, Tc, Tlimit, chillerMode, evapT, sourceT, offDesign, condensingTemperature } = c;
  const { tank, dome, tes, basin, tankVolume } = sizes;
  holdBasinExchangers(c, n, designs.charge, designs.discharge);
  const basinT = (x: Float64Array) => (basin ? basin.state(x, 0).T : T0);
  const basinPorts = (loop: GasLiquidNetworks['chargeBasin']) => (basin && loop ? [{ store: basin, part: 0, connection: loop.supply, sign: -1 as const }, { store: basin, part: 0, connection: loop.ret, sign: 1 as const }] : []);
  // each store's hot-end approach at the (rationed) design point, where a discharge step that does not solve restarts
  const ds = designs.discharge.solution;
  const designApproaches = n.chain.dischargeExchangerIds().map((ids) => ds.component(ids[0]).values.ttd_u as number);
  const rationed = rationedDischarge({ params: c.dischargeStores, stores: tes.stores, supplies: n.chain.dischargeSupplies(), stages: c.M, network: designs.discharge.network, tank, tankVolume, levelMin: Lt.levelMin });
  return {
    charge: {
      ports: [{ store: dome, part: 0, connection: 'dome-C1', sign: -1 }, { store: tank, part: 0, connection: 'TV-tank', sign: 1 }, ...tes.chargePorts(), ...basinPorts(n.chargeBasin)],
      boundary(x) {
        const Tb = basinT(x);
        const Tcond = condensingTemperature(Tb);
        if (Tcond > Tlimit) {
          return `condensation impossible: CO2 would condense at ${(Tcond - CELSIUS).toFixed(2)} degC (the ${Cd.sink === 'basin' ? 'basin' : 'air'} at ${((Cd.sink === 'basin' ? Tb : T0) - CELSIUS).toFixed(2)} degC + ${Cd.approach} K), not below the critical temperature ${(Tc - CELSIUS).toFixed(2)} degC less ${Cd.criticalMargin} K${Cd.chiller ? '' : '; a chiller (condenser.chiller) would be needed'}`;
        }
        return { Tdome: dome.state(x).T, Tcold: tes.temperatures(x, TwoTankThermalStore.COLD), Tbasin: Tb, pTank: tank.state(x).p };
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
    },
    discharge: {
      ports: [{ store: tank, part: 0, connection: 'tank-LP', sign: -1 }, { store: dome, part: 0, connection: 'PC-dome', sign: 1 }, ...tes.dischargePorts(), ...basinPorts(n.dischargeBasin)],
      boundary(x) {
        const st = tank.state(x);
        if (Number.isNaN(st.Q)) return `the liquid tank holds ${st.level >= 1 ? 'compressed liquid' : 'no liquid'} (${(st.p / 1e5).toFixed(2)} bar, ${(st.T - CELSIUS).toFixed(2)} degC)`;
        if (n.dischargeBasin && basin) {
          const Tout = basinT(x) - offDesign.evaporatorFall;
          if (Tout < FREEZING + 0.5) return `the basin water would freeze in the evaporator: the basin at ${(basinT(x) - CELSIUS).toFixed(2)} degC would leave it at ${(Tout - CELSIUS).toFixed(2)} degC (a larger basin, an antifreeze loop or an air evaporator would be needed)`;
        }
        return { tank: tank.supplySpec(x), Thot: tes.temperatures(x, TwoTankThermalStore.HOT), Tbasin: basinT(x) };
      },
      // the search's trials unjudged: it judges the one it keeps
      ...(P.expansion.heatRationing ? { solve: (x: Float64Array) => solveDischargeStep(designs.discharge.network, rationed, designApproaches, x, () => solveHoldingPinches(designs.discharge.network, designs.discharge.holds, { judge: false })) } : {}),
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
    },
  };
}
