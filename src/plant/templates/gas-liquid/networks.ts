/**
 * The charge and discharge networks of a gas-liquid CO2 plant (co2-gas-liquid.ts), built from the typed parts: the
 * path of the CO2 through its machines (MachineTrain), the thermal stores' exchangers and loops (ThermalStoreChain:
 * the charge exchangers designed with the stores' approach and pinch, the discharge's with their discharge ones),
 * the intercoolers, the condenser and the evaporator, and the basin's loops beside them.
 */
import { coldSide, hotSide, lossEntry, upstream } from '../parts/losses.js';
import { MachineTrain } from '../parts/machine-train.js';
import type { ChainNetworks } from '../parts/networks.js';
import { connectPath, type Node } from '../parts/paths.js';
import { storeLoop, type StoreLoop } from '../parts/store-loop.js';
import { ThermalStoreChain } from '../parts/thermal-stores.js';
import { NetworkBuilder, type StreamSpec } from '../doc.js';
import type { GasLiquidConditions } from './conditions.js';
import { WATER_SOURCE } from './schema.js';

/** Both networks with their paths, parts and the basin's loops. */
export interface GasLiquidNetworks extends ChainNetworks {
  /** The basin's loop through the condenser (a basin-cooled condenser) and through the evaporator (a basin-heated one). */
  readonly chargeBasin: StoreLoop | undefined;
  readonly dischargeBasin: StoreLoop | undefined;
}

/** The charge and discharge live networks, their paths and their store and basin loops. */
export function gasLiquidNetworks(c: GasLiquidConditions): GasLiquidNetworks {
  const { P, T0, ambient, stores, N, M, dischargeStores, Cd, Ev, Lt, chillerMode, pCondDesign, condDp, condensateSpec, pEvapDesign, evapDp, evapLoss, Ticool, pDome, recuperated, basinP, vapourSpec } = c;
  // the charge exchangers' gas losses at the condensing pressure, the discharge's at the evaporating pressure
  const chain = new ThermalStoreChain(stores, N, M, pCondDesign, { params: dischargeStores, gasPressure: pEvapDesign });
  const compressors = new MachineTrain('compressor', P.compression, N);
  const turbines = new MachineTrain('turbine', P.expansion, M);
  const basinLoss = lossEntry(P.basin.pressureLoss, basinP);

  // ——— charge network ———
  const cd = new NetworkBuilder('Gas-liquid CO2 storage — charge', 'CO2 from the dome compressed, its heat handed down a chain of thermal stores, condensed and stored as liquid.', ambient);
  cd.add('gas-holder', 'dome', { fluid: 'CO2', mode: 'supply', p: pDome, T: T0 });
  const cSpecs: Record<number, StreamSpec> = {};
  const cPath: Node[] = [{ id: 'dome' }];
  const afterStage = (k: number): Node[] => {
    const after = chain.chargeExchangers(cd, k);
    if (k < N && P.compression.intercooling) {
      cd.add('cooler', `IC${k}`, { ...lossEntry(P.compression.coolerPressureLoss, 1e6), sink: 'ambient' });
      after.push({ id: `IC${k}` });
    }
    return after;
  };
  cPath.push(...compressors.build(cd, 3, afterStage));
  cPath.forEach((n, i) => {
    if (n.id.startsWith('IC')) cSpecs[i] = { T: Ticool };
  });
  const basinCondenser = Cd.sink === 'basin' && !chillerMode;
  if (basinCondenser) {
    cd.add('heat-exchanger', 'COND', { ...hotSide(condDp), ...coldSide(basinLoss), ttd_min: Cd.pinch });
    cPath.push({ id: 'COND', in: 'hot_in', out: 'hot_out' });
  } else {
    cd.add('cooler', 'COND', { ...condDp, sink: chillerMode ? 'chiller' : 'ambient' });
    cPath.push({ id: 'COND' });
  }
  cSpecs[cPath.length - 1] = condensateSpec(pCondDesign);
  cd.add('pump', 'TP', { eta_s: Lt.transferPumpEfficiency, p_out: pCondDesign });
  cd.add('valve', 'TV', {});
  cd.add('storage-vessel', 'tank', { fluid: 'CO2', mode: 'receive', p: pCondDesign });
  cPath.push({ id: 'TP' }, { id: 'TV' }, { id: 'tank' });
  connectPath(cd, cPath, cSpecs);
  chain.addChargeLoops(cd);
  const chargeBasin = basinCondenser ? storeLoop(cd, 'basin', { medium: 'Water', T: T0, p: basinP, pumpEfficiency: P.basin.pumpEfficiency, mode: 'charge' }, [{ id: 'COND', side: 'cold' }]) : undefined;

  // ——— discharge network ———
  const dd = new NetworkBuilder('Gas-liquid CO2 storage — discharge', 'Liquid CO2 pumped or throttled, evaporated, reheated through the thermal stores, expanded and returned to the dome.', ambient);
  dd.add('storage-vessel', 'tank', { fluid: 'CO2', mode: 'supply', p: pCondDesign, Q: 0 });
  dd.add('pump', 'LP', { eta_s: Ev.pumpEfficiency, p_out: pCondDesign });
  dd.add('valve', 'EV', { p_out: upstream(pEvapDesign, [evapLoss]) });
  if (Ev.source === 'basin') dd.add('heat-exchanger', 'EVAP', { ...hotSide(basinLoss), ...coldSide(evapDp), ttd_min: Ev.pinch });
  else if (Ev.source === 'water') dd.add('heater', 'EVAP', { ...evapDp, sink: WATER_SOURCE, T_external: Ev.sourceTemperature });
  else dd.add('heater', 'EVAP', { ...evapDp, sink: 'ambient' });
  const dPath: Node[] = [{ id: 'tank' }, { id: 'LP' }, { id: 'EV' }, Ev.source === 'basin' ? { id: 'EVAP', in: 'cold_in', out: 'cold_out' } : { id: 'EVAP' }];
  const dSpecs: Record<number, StreamSpec> = { 3: vapourSpec(pEvapDesign) };
  if (recuperated) {
    const r = lossEntry(P.expansion.recuperatorPressureLoss, pEvapDesign);
    dd.add('heat-exchanger', 'REC', { ...hotSide(r), ...coldSide(r), eps: P.expansion.recuperatorEffectiveness });
    dPath.push({ id: 'REC', in: 'cold_in', out: 'cold_out' });
  }
  dPath.push(...turbines.build(dd, 0.3, (k) => chain.dischargeExchangers(dd, k)));
  dd.add('cooler', 'PC', { ...lossEntry(P.expansion.coolerPressureLoss, 1e5), sink: 'ambient' });
  dd.add('gas-holder', 'dome', { fluid: 'CO2', mode: 'receive', p: pDome });
  connectPath(dd, dPath, dSpecs);
  if (recuperated) {
    dd.connect(`T${M}-REC`, `T${M}`, 'REC.hot_in');
    dd.connect('REC-PC', 'REC.hot_out', 'PC');
  } else dd.connect(`T${M}-PC`, `T${M}`, 'PC');
  dd.connect('PC-dome', 'PC', 'dome', { T: T0 + P.expansion.postCoolerApproach });
  dPath.push(...(recuperated ? [{ id: 'REC', in: 'hot_in', out: 'hot_out' }] : []), { id: 'PC' }, { id: 'dome' });
  chain.addDischargeLoops(dd, 50);
  const dischargeBasin = Ev.source === 'basin' ? storeLoop(dd, 'basin', { medium: 'Water', T: T0, p: basinP, pumpEfficiency: P.basin.pumpEfficiency, mode: 'discharge' }, [{ id: 'EVAP', side: 'hot' }]) : undefined;

  return { cd, dd, cPath, dPath, chain, compressors, turbines, chargeBasin, dischargeBasin };
}
