/**
 * What the design points of a gas-liquid CO2 plant (co2-gas-liquid.ts) are built from, for the build pipeline
 * (pipeline.ts): the charge at its design power with the stores at their cold temperatures and the basin and dome at
 * the ambient; the discharge with the hot tanks as the design charge fills them, rationed to spend each store's
 * medium at the rate the charge stores it (rationing.ts, the pipeline's `redesign`) before its exchangers are held
 * at their design end differences.
 */
import { fluid } from '../../../fluids/index.js';
import { PlantInputError } from '../../errors.js';
import type { DesignPoint, ModeDesign, ModeNetwork } from '../pipeline.js';
import { rationDischargeDesign } from './rationing.js';
import type { ChargeState, DischargeState, GasLiquidConditions } from './conditions.js';
import type { GasLiquidNetworks } from './networks.js';
import { psatWater } from './checks.js';
import { CELSIUS } from './schema.js';

/** The store exchangers of a network (ids HXc…, HXd…): held at their design end differences (the basin's condenser and evaporator hold their water's temperature change instead). */
function storeExchangers(n: GasLiquidNetworks['cd']): string[] {
  return n.network.allComponents().map((c) => c.id).filter((id) => id.startsWith('HX'));
}

/** The charge network at its design boundary. */
export function chargeNetwork(c: GasLiquidConditions, n: GasLiquidNetworks): ModeNetwork<ChargeState> {
  const design: ChargeState = { Tdome: c.T0, Tcold: n.chain.coldTemperatures(), Tbasin: c.T0, pTank: c.pCondDesign };
  return { builder: n.cd, flowConnection: 'dome-C1', bus: n.compressors.bus(c.P.charge.power), exchangers: n.chain.designExchangers('charge'), lines: n.compressors.lines(), design, updates: c.chargeUpdates, heldAtEndDifferences: storeExchangers(n.cd) };
}

/** Why heat rationing at the design point did not solve (`reason`), once the discharge design has been rationed. */
export interface DesignRationing {
  reason?: string;
}

/**
 * The discharge network at its design boundary (the hot tanks as the design charge fills them), after refusing a
 * water store that would boil; rationed (`rationing` records why it could not be) when expansion.heatRationing.
 */
export function dischargeNetwork(c: GasLiquidConditions, n: GasLiquidNetworks, charge: ModeDesign, rationing: DesignRationing): ModeNetwork<DischargeState> {
  const { P, where, stores, M, dischargeStores, pCondDesign, T0 } = c;
  const Thot = n.chain.hotTemperatures(charge.solution);
  stores.forEach((s, j) => {
    if (s.medium === 'Water') {
      const Tsat = fluid('Water').saturationAtP(s.pressure).T;
      if (Thot[j] > Tsat - 5) throw new PlantInputError(where, `thermalStores[${j}].pressure`, s.pressure, `a pressure at which water stays liquid at the hot temperature ${(Thot[j] - CELSIUS).toFixed(1)} degC (5 K below boiling: above ${(psatWater(Thot[j] + 5) / 1e5).toFixed(2)} bar)`);
    }
  });
  const design: DischargeState = { tank: { p: pCondDesign, Q: 0 }, Thot, Tbasin: T0 };
  // the discharge designed to spend each store's medium at the rate the charge filled it (gas-liquid/rationing.ts)
  const redesign = (d: DesignPoint): DesignPoint => {
    const chargeRatios = n.chain.loops.charge.map((l) => charge.solution.stream(l.supply).m / charge.massFlow);
    const r = rationDischargeDesign({ design: d, params: dischargeStores, supplies: n.chain.dischargeSupplies(), stages: M, network: d.network, chargeRatios });
    if (r.reason !== undefined) rationing.reason = r.reason;
    return r.design;
  };
  return {
    builder: n.dd,
    flowConnection: 'tank-LP',
    bus: n.turbines.bus(P.discharge.power),
    exchangers: n.chain.designExchangers('discharge'),
    returns: n.chain.returns(),
    lines: n.turbines.lines(),
    design,
    updates: c.dischargeUpdates,
    heldAtEndDifferences: storeExchangers(n.dd),
    effectivenessHolds: c.recuperated ? ['REC'] : [],
    ...(P.expansion.heatRationing ? { redesign } : {}),
  };
}
