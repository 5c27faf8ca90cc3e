/**
 * The design points of a gas-liquid CO2 plant (co2-gas-liquid.ts): the charge at its design power with the stores
 * at their cold temperatures, the discharge with the hot tanks as the design charge fills them, rationed to spend
 * each store's medium at the rate the charge stores it (rationing.ts), and both held at their design end
 * differences off design.
 */
import { fluid } from '../../../fluids/index.js';
import { PlantInputError } from '../../errors.js';
import { COMPRESSOR_LINE, designPoint, dischargeReturns, holdEndDifferences, pinchHolds, stageList, TURBINE_LINE } from '../common.js';
import { applyToDoc, applyToNetwork } from '../doc.js';
import { rationDischargeDesign } from './rationing.js';
import type { GasLiquidConditions } from './conditions.js';
import type { GasLiquidNetworks } from './networks.js';
import { psatWater } from './checks.js';
import { CELSIUS } from './schema.js';

/** The design points: charge, discharge (rationed), their flows, and the exchangers held off design. */
export function gasLiquidDesigns(c: GasLiquidConditions & GasLiquidNetworks) {
  const { P, T0, where, stores, N, M, dischargeStores, condensation, pCondDesign, recuperated, offDesign, chargeUpdates, dischargeUpdates, cd, chargeLoops, chargeBasin, dd, dischargeLoops, dischargeBasin } = c;
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

  return { compressors, turbines, Tcond, cDesign, Thot, dDesignFirst, chargeRatios, rationedDesign, dDesign, mC, mD, chargeHolds, dischargeHolds };
}

export type GasLiquidDesigns = ReturnType<typeof gasLiquidDesigns>;
