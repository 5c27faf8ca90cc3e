/**
 * The charge and discharge networks of a gas-liquid CO2 plant (co2-gas-liquid.ts), as network documents with their
 * store loops: the path of the CO2 through its machines, exchangers, condenser and evaporator, and the thermal
 * stores' and the basin's loops beside it.
 */
import { connectPath, lossEntry, stageEfficiency, serves, stageList, storeExchanger, storeLoop, upstream, type Node, type StoreLoop } from '../common.js';
import { DocBuilder, type Entry, type StreamSpec } from '../doc.js';
import type { GasLiquidConditions } from './conditions.js';
import { side1, side2 } from './checks.js';
import { WATER_SOURCE } from './schema.js';

/** The charge and discharge network documents, their paths and their store and basin loops. */
export function gasLiquidNetworks(c: GasLiquidConditions) {
  const { P, T0, ambient, stores, N, M, dischargeStores, Cd, Ev, Lt, chillerMode, pCondDesign, condDp, condensateSpec, pEvapDesign, evapDp, evapLoss, Ticool, pDome, recuperated, basinP, vapourSpec } = c;
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

  return { cd, cPath, cSpecs, condenser, chargeLoops, chargeBasin, dd, evaporator, dPath, dSpecs, dischargeLoops, dischargeBasin };
}

export type GasLiquidNetworks = ReturnType<typeof gasLiquidNetworks>;
