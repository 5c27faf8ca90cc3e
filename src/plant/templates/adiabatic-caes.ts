/**
 * Adiabatic CAES: N intercooled compression stages whose heat goes into one or more two-tank thermal stores
 * (chained hottest first behind every stage), an aftercooler to the cavern's inlet temperature, storage in a salt
 * cavern (constant volume, sliding pressure; walls at the rock temperature) or in a water-compensated store
 * (constant pressure), and M expansion stages each reheated from the stores (coldest first), optionally behind a
 * throttle to a fixed turbine inlet pressure.
 *
 *   charge:     air → C1 → HXc1_<store>… → C2 → … → CN → HXcN_<store>… → aftercooler → cavern
 *               store: cold tank → pump → exchangers (cold side) → hot tank
 *   discharge:  cavern → throttle → HXd1_<store>… → T1 → HXd2_<store>… → T2 → … → TM → ambient
 *               store: hot tank → pump → exchangers (hot side) → [trim cooler] → cold tank
 *
 * Operation (quasi-steady, one network solve per step): the motors' power is held and the air flow follows; the
 * compressors share the total pressure ratio equally at every step (variable guide vanes; or the first N−1 ratios
 * fixed) with η_s from a part-load line over m/m_design; the generators' power is held, the throttle keeps the
 * turbine inlet pressure (or, without it, the turbines share the sliding ratio). Design point: the cavern at the
 * middle of its pressure window and at the wall temperature; the stores at their cold temperature (charge) and at
 * the hot temperature the design charge gives (discharge). The discharge exchangers return the medium no colder than
 * its cold tank; what the discharge leaves in the hot tank goes back to the cold tank through the trim cooler after
 * each discharge (restoreThermalStores), so that the cycle repeats.
 *
 * Defaults are a generic large salt-cavern plant; sources per parameter (describeParameters). Cavern wall heat
 * transfer: a constant coefficient over the cavern's wall (cylinders of the given height-to-diameter ratio) to rock
 * at a constant temperature — an assumption; published cavern models fit coefficients of a few to some tens of
 * W/(m² K) to Huntorf's data.
 */
import { z } from 'zod';
import { PlantInputError } from '../errors.js';
import { resolveFluid } from '../fluids/resolve.js';
import type { TransientPlant } from '../transient/cycle.js';
import { OperatingPoint, readPoint, type OperatingMode, type StorePort } from '../transient/mode.js';
import { cylinderWetArea, StoreSet, TwoTankThermalStore, type Ambient, type Store } from '../transient/stores.js';
import {
  cavernSchema,
  chainOut,
  checkCavern,
  checkStores,
  checkTrain,
  COMPRESSOR_LINE,
  modePowerSchema,
  densityAt,
  designPoint,
  dischargeReturns,
  holdEndDifferences,
  solveHoldingPinches,
  connectPath,
  heatRejectionSchema,
  lossEntry,
  lossFunction,
  makeCavern,
  compressorTrainSchema,
  turbineTrainSchema,
  ratiosSchema,
  stageEfficiency,
  serves,
  stageList,
  stageRatios,
  storeExchanger,
  storeLoop,
  thermalStoreSchema,
  TURBINE_LINE,
  restoreThermalStores,
  upstream,
  type Node,
  type ThermalStoreParams,
} from './common.js';
import { applyToDoc, applyToNetwork, DocBuilder, type Update } from './doc.js';
import { flag, integer, pressureLoss, quantity } from './parameters.js';
import { DESIGN_FILE_NOTE as FILE_NOTE, type TemplateBuild } from './plant-model.js';
import type { Figure, Site } from './types.js';

const CELSIUS = 273.15;

export const ADIABATIC_CAES_SCHEMA = z
  .object({
    charge: modePowerSchema('charge', { power: 100e6, minPower: 1e5, minimumLoad: 0.4, minimumLoadSource: 'CAS/IET 101 MW compressor tested at 38.7–118.4 % load (validation case C4)' }),
    discharge: modePowerSchema('discharge', { power: 100e6, minPower: 1e5, minimumLoad: 0.3 }),
    compression: z
      .object({
        stages: integer(3, 1, 8, 'compression stages', 'Gasanzade et al. 2023 (3-stage A-CAES)'),
        pressureRatios: ratiosSchema,
        ...compressorTrainSchema({ maxStages: 8, efficiency: 0.88, efficiencySource: 'CAS/IET 101 MW compressor: 88.1 % (validation case C4)' }),
        aftercoolerTemperature: quantity('temperature', CELSIUS + 50, { min: 250, max: 400 }, 'air temperature into the cavern', 'assumption (salt caverns take air at about 50 degC, as Huntorf)'),
        aftercoolerPressureLoss: pressureLoss({ kind: 'fraction', value: 0.01 }, 'air side of the aftercooler'),
      })
      .strict()
      .prefault({}),
    expansion: z
      .object({
        stages: integer(3, 1, 8, 'expansion stages, each reheated from the stores', 'Gasanzade et al. 2023 (3-stage expansion)'),
        pressureRatios: ratiosSchema,
        ...turbineTrainSchema({ maxStages: 8, efficiency: 0.9, efficiencySource: 'Gasanzade et al. 2023 (turbines 90 %)' }),
        throttle: flag(true, 'throttle the cavern air to a fixed turbine inlet pressure (else the turbines slide with the cavern)'),
        turbineInletPressure: quantity('pressure', 46e5, { min: 2e5, max: 300e5 }, 'turbine inlet pressure behind the throttle (below the cavern’s minimum less the reheaters’ losses)'),
      })
      .strict()
      .prefault({}),
    storage: cavernSchema({ volume: 300000, volumeSource: 'Huntorf: 310 000 m³ in two caverns (validation case B1)', pressureMin: 50e5, pressureMax: 75e5, windowSource: 'assumption (Huntorf 43–70 bar, McIntosh 45–76 bar: cases B1, B2)' }),
    thermalStores: z
      .array(thermalStoreSchema({ name: 'tes', medium: 'TVP1', coldTemperature: CELSIUS + 40, pressure: 12e5 }))
      .min(1)
      .max(4)
      .prefault([{}]),
    heatRejection: heatRejectionSchema,
  })
  .strict();

export type AdiabaticCaesParams = z.infer<typeof ADIABATIC_CAES_SCHEMA>;

/** The values the boundaries of a step follow. */
interface ChargeBoundary {
  pCavern: number;
  Tcold: readonly number[];
}
interface DischargeBoundary {
  pCavern: number;
  Tcavern: number;
  Thot: readonly number[];
}

export function adiabaticCaes(P: AdiabaticCaesParams, site: Site): TemplateBuild {
  const T0 = site.ambientTemperature;
  const p0 = site.ambientPressure ?? 101325;
  const ambient: Ambient = { T: T0, p: p0 };
  const where = 'adiabatic-caes';
  const stores = P.thermalStores;
  const N = P.compression.stages;
  const M = P.expansion.stages;
  checkStores(where, stores, N, M);
  const S = P.storage;
  const cavern = S.kind === 'cavern';
  checkCavern(where, S);
  checkTrain(where, 'compression', P.compression, N);
  checkTrain(where, 'expansion', P.expansion, M);
  const pLow = cavern ? S.pressureMin : S.pressure;
  const pHigh = cavern ? S.pressureMax : S.pressure;
  const pDesign = 0.5 * (pLow + pHigh);
  const Tw = S.wallTemperature;
  const air = resolveFluid('Air');
  const hRefAbs = air.hTP(T0, p0, 0) + (air.formationOffset(0) ?? 0);

  // ——— losses along the gas paths ———
  const gasLoss = (s: ThermalStoreParams) => lossFunction(lossEntry(s.gasPressureLoss, pDesign));
  const chain = stores.map(gasLoss);
  const acLoss = lossFunction(lossEntry(P.compression.aftercoolerPressureLoss, pDesign));
  const reheat = [...chain].reverse();
  const valveOut = (pCav: number) => (P.expansion.throttle ? upstream(P.expansion.turbineInletPressure, reheat) : pCav);
  if (P.expansion.throttle && !(valveOut(0) < pHigh)) {
    throw new PlantInputError(where, 'expansion.turbineInletPressure', P.expansion.turbineInletPressure, `a pressure whose throttle setting (${(valveOut(0) / 1e5).toFixed(3)} bar before the reheaters) is below the store's highest pressure (${pHigh / 1e5} bar)`);
  }

  const chargeUpdates = (b: ChargeBoundary): Update[] => {
    const pLast = upstream(b.pCavern, [...chain, acLoss]);
    const ratios = stageRatios(p0, pLast, N, Array.from({ length: N - 1 }, () => chain), P.compression.pressureRatios);
    const u: Update[] = [{ component: 'cavern', set: { p: b.pCavern } }];
    for (let k = 0; k < N - 1; k++) u.push({ component: `C${k + 1}`, set: { pr: ratios[k] } });
    stores.forEach((s, j) => u.push({ component: s.name, set: { T: b.Tcold[j] } }));
    return u;
  };
  const dischargeUpdates = (b: DischargeBoundary): Update[] => {
    const pT1 = P.expansion.throttle ? P.expansion.turbineInletPressure : chainOut(b.pCavern, reheat);
    const ratios = stageRatios(pT1, p0, M, Array.from({ length: M - 1 }, () => reheat), P.expansion.pressureRatios);
    const u: Update[] = [{ component: 'cavern', set: { p: b.pCavern, T: b.Tcavern } }];
    if (P.expansion.throttle) u.push({ component: 'TV', set: { p_out: valveOut(b.pCavern) } });
    for (let k = 0; k < M - 1; k++) u.push({ component: `T${k + 1}`, set: { pr: ratios[k] } });
    stores.forEach((s, j) => u.push({ component: s.name, set: { T: b.Thot[j] } }));
    return u;
  };

  // ——— charge network ———
  const cd = new DocBuilder('Adiabatic CAES — charge', 'Intercooled compression into a cavern; the heat of compression goes into two-tank thermal stores.', ambient);
  cd.add('air', { type: 'source', fluid: 'Air' });
  const cPath: Node[] = [{ id: 'air' }];
  for (let k = 1; k <= N; k++) {
    cd.add(`C${k}`, { type: 'compressor', eta_s: stageEfficiency(P.compression, k - 1), eta_mech: P.compression.mechanicalEfficiency, eta_el: P.compression.motorEfficiency, ...(k < N ? { pr: 2 } : {}) });
    cPath.push({ id: `C${k}` });
    for (const s of stores.filter((st) => serves(st, k))) {
      const id = `HXc${k}_${s.name}`;
      cd.add(id, storeExchanger('hot', s, pDesign, s.pressure));
      cPath.push({ id, in: 'hot_in', out: 'hot_out' });
    }
  }
  cd.add('AC', { type: 'cooler', ...lossEntry(P.compression.aftercoolerPressureLoss, pDesign), sink: 'ambient' });
  cd.add('cavern', { type: 'storage-vessel', fluid: 'Air', mode: 'receive', p: pDesign });
  cPath.push({ id: 'AC' }, { id: 'cavern' });
  connectPath(cd, cPath, { 0: { p: p0, T: T0 }, [cPath.length - 2]: { T: P.compression.aftercoolerTemperature } });
  const chargeLoops = stores.map((s) =>
    storeLoop(cd, s.name, { medium: s.medium, T: s.coldTemperature, p: s.pressure, pumpEfficiency: s.pumpEfficiency, mode: 'charge' }, stageList(N, s).map((k) => ({ id: `HXc${k}_${s.name}`, side: 'cold' as const }))),
  );

  // ——— discharge network ———
  const dd = new DocBuilder('Adiabatic CAES — discharge', 'Cavern air throttled, reheated from the thermal stores before every turbine, expanded to the ambient.', ambient);
  dd.add('cavern', { type: 'storage-vessel', fluid: 'Air', mode: 'supply', p: pDesign, T: Tw });
  dd.add('TV', { type: 'valve', ...(P.expansion.throttle ? { p_out: valveOut(pDesign) } : { pr: 1 }) });
  const dPath: Node[] = [{ id: 'cavern' }, { id: 'TV' }];
  for (let k = 1; k <= M; k++) {
    for (const s of [...stores].reverse().filter((st) => serves(st, k))) {
      const id = `HXd${k}_${s.name}`;
      dd.add(id, storeExchanger('cold', s, pDesign, s.pressure));
      dPath.push({ id, in: 'cold_in', out: 'cold_out' });
    }
    dd.add(`T${k}`, { type: 'turbine', eta_s: stageEfficiency(P.expansion, k - 1), eta_mech: P.expansion.mechanicalEfficiency, eta_el: P.expansion.generatorEfficiency, ...(k < M ? { pr: 0.5 } : {}) });
    dPath.push({ id: `T${k}` });
  }
  dd.add('exhaust', { type: 'sink', ambient: true });
  dPath.push({ id: 'exhaust' });
  connectPath(dd, dPath);
  const dischargeLoops = stores.map((s) =>
    storeLoop(dd, s.name, { medium: s.medium, T: s.coldTemperature + 100, p: s.pressure, pumpEfficiency: s.pumpEfficiency, mode: 'discharge' }, stageList(M, s).map((k) => ({ id: `HXd${k}_${s.name}`, side: 'hot' as const }))),
  );

  // ——— design points ———
  const compressors = Array.from({ length: N }, (_, k) => `C${k + 1}`);
  const turbines = Array.from({ length: M }, (_, k) => `T${k + 1}`);
  applyToDoc(cd.doc, chargeUpdates({ pCavern: pDesign, Tcold: stores.map((s) => s.coldTemperature) }));
  const cDesign = designPoint({
    template: where,
    mode: 'charge',
    doc: cd.doc,
    flowConnection: 'air-C1',
    trialFlow: 100,
    bus: { id: 'motors', members: compressors, power: P.charge.power, sense: 'consumed' },
    exchangers: stores.flatMap((s) => stageList(N, s).map((k) => ({ id: `HXc${k}_${s.name}`, pinch: s.pinch }))),
    lines: compressors.map((id) => ({ id, line: COMPRESSOR_LINE })),
  });
  const chargeNet = cDesign.network;
  const chargeSol = cDesign.solution;
  const mCharge = cDesign.massFlow;
  const Thot = chargeLoops.map((l) => chargeSol.stream(l.ret).T);
  applyToDoc(dd.doc, dischargeUpdates({ pCavern: pDesign, Tcavern: Tw, Thot }));
  const dDesign = designPoint({
    template: where,
    mode: 'discharge',
    doc: dd.doc,
    flowConnection: 'cavern-TV',
    trialFlow: 100,
    bus: { id: 'generators', members: turbines, power: P.discharge.power, sense: 'delivered' },
    exchangers: stores.flatMap((s) => stageList(M, s).map((k) => ({ id: `HXd${k}_${s.name}`, pinch: s.pinch }))),
    returns: dischargeReturns(stores, dischargeLoops),
    lines: turbines.map((id) => ({ id, line: TURBINE_LINE })),
  });
  const dischargeNet = dDesign.network;
  const dischargeSol = dDesign.solution;
  const mDischarge = dDesign.massFlow;
  const chargeHolds = holdEndDifferences(chargeNet, chargeSol, Object.keys(cd.doc.components));
  const dischargeHolds = holdEndDifferences(dischargeNet, dischargeSol, Object.keys(dd.doc.components));

  // ——— sizes and the empty state ———
  const cav = makeCavern('cavern', ambient, S);
  const massWindow = cav.massWindow;
  const tCharge = massWindow / mCharge;
  const tDischarge = massWindow / mDischarge;
  const wallArea = cav.wallArea;
  const cavernStore = cav.store;
  const tes = stores.map((s, j) => {
    const mediumFlow = chargeSol.stream(chargeLoops[j].supply).m;
    const medium = resolveFluid(s.medium);
    const rhoHot = densityAt(medium, Thot[j], s.pressure);
    const rhoCold = densityAt(medium, s.coldTemperature, s.pressure);
    const usable = mediumFlow * tCharge * (1 + s.sizeMargin);
    const tankVolume = (1.02 * usable) / rhoHot / (1 - 2 * s.heel);
    const store = new TwoTankThermalStore(s.name, ambient, { medium: s.medium, p: s.pressure, tankVolume, U: s.heatLossCoefficient, wetArea: cylinderWetArea(tankVolume), levelMin: s.heel });
    return { store, usable, tankVolume, rhoHot, rhoCold, mediumFlow };
  });
  const set = new StoreSet([cavernStore, ...tes.map((t) => t.store)]);
  const empty = new Float64Array(set.size);
  cav.fillEmpty(empty);
  tes.forEach((t, j) => {
    t.store.fillPart(empty, TwoTankThermalStore.HOT, stores[j].heel * t.tankVolume * t.rhoHot, Thot[j]);
    t.store.fillPart(empty, TwoTankThermalStore.COLD, t.usable + stores[j].heel * t.tankVolume * t.rhoCold, stores[j].coldTemperature);
  });

  // ——— operating modes ———
  const storeIds = new Set(['cavern', ...stores.map((s) => s.name)]);
  const sinks = { ambient: { fanFraction: P.heatRejection.fanPower } };
  const cavernState = (x: Float64Array) => cavernStore.state(x);
  const chargePorts: StorePort[] = [{ store: cavernStore, part: 0, connection: 'AC-cavern', sign: 1 }];
  const dischargePorts: StorePort[] = [{ store: cavernStore, part: 0, connection: 'cavern-TV', sign: -1 }];
  tes.forEach((t, j) => {
    chargePorts.push({ store: t.store, part: TwoTankThermalStore.COLD, connection: chargeLoops[j].supply, sign: -1 }, { store: t.store, part: TwoTankThermalStore.HOT, connection: chargeLoops[j].ret, sign: 1 });
    dischargePorts.push(
      { store: t.store, part: TwoTankThermalStore.HOT, connection: dischargeLoops[j].supply, sign: -1 },
      { store: t.store, part: TwoTankThermalStore.COLD, connection: dischargeLoops[j].ret, sign: 1, ...(stores[j].returnCooling ? { trimEnthalpy: t.store.hAt(stores[j].coldTemperature) } : {}) },
    );
  });
  const chargeMode: OperatingMode = {
    phase: 'charge',
    network: chargeNet,
    solve: () => solveHoldingPinches(chargeNet, chargeHolds),
    ports: chargePorts,
    busMembers: Array.from({ length: N }, (_, k) => `C${k + 1}`),
    sinks,
    storeComponents: storeIds,
    fuelConnections: [],
    mainFlow: 'air-C1',
    hRefAbs,
    prepare(x, bus) {
      const Tcold = tes.map((t) => t.store.state(x, TwoTankThermalStore.COLD).T);
      applyToNetwork(chargeNet, [...chargeUpdates({ pCavern: cavernState(x).p, Tcold }), { component: 'motors', set: { P: bus } }]);
      return undefined;
    },
  };
  const dischargeMode: OperatingMode = {
    phase: 'discharge',
    network: dischargeNet,
    solve: () => solveHoldingPinches(dischargeNet, dischargeHolds),
    ports: dischargePorts,
    busMembers: Array.from({ length: M }, (_, k) => `T${k + 1}`),
    sinks,
    storeComponents: storeIds,
    fuelConnections: [],
    mainFlow: 'cavern-TV',
    hRefAbs,
    prepare(x, bus) {
      const st = cavernState(x);
      if (P.expansion.throttle && st.p <= valveOut(st.p) * 1.0001) {
        return `cavern pressure ${(st.p / 1e5).toFixed(3)} bar is at the throttle setting (${(valveOut(st.p) / 1e5).toFixed(3)} bar for a turbine inlet of ${(P.expansion.turbineInletPressure / 1e5).toFixed(2)} bar)`;
      }
      const Thot = tes.map((t) => t.store.state(x, TwoTankThermalStore.HOT).T);
      applyToNetwork(dischargeNet, [...dischargeUpdates({ pCavern: st.p, Tcavern: st.T, Thot }), { component: 'generators', set: { P: bus } }]);
      return undefined;
    },
  };
  const cPoint = readPoint(chargeMode, chargeSol, new OperatingPoint(set.size));
  const dPoint = readPoint(dischargeMode, dischargeSol, new OperatingPoint(set.size));
  const plant: TransientPlant = {
    stores: set,
    charge: chargeMode,
    discharge: dischargeMode,
    designPower: { charge: cPoint.net, discharge: -dPoint.net },
    designAux: { charge: cPoint.aux, discharge: dPoint.aux },
    restore: (x) => restoreThermalStores(x, tes.map((t, j) => ({ store: t.store, coldTemperature: stores[j].coldTemperature, returnCooling: stores[j].returnCooling })), P.heatRejection.fanPower),
    volumes: [
      { basis: 'cavern (geometric volume)', volume: S.volume },
      { basis: 'cavern and thermal-store tanks', volume: S.volume + tes.reduce((a, t) => a + 2 * t.tankVolume, 0) },
    ],
  };

  const figures: Record<string, Figure> = {
    chargeNetPower: { value: cPoint.net, unit: 'W', note: 'electric power drawn at the design point, auxiliaries included' },
    dischargeNetPower: { value: -dPoint.net, unit: 'W', note: 'net electric power delivered at the design point' },
    chargeMassFlow: { value: mCharge, unit: 'kg/s' },
    dischargeMassFlow: { value: mDischarge, unit: 'kg/s' },
    designCavernPressure: { value: pDesign, unit: 'Pa', note: 'the middle of the pressure window' },
    airMassWindow: { value: massWindow, unit: 'kg', note: cavern ? 'air between the pressure limits at the wall temperature' : 'air between the cushion and the full store' },
    chargeDurationEstimate: { value: tCharge, unit: 's', note: 'air mass window ÷ design charge flow' },
    dischargeDurationEstimate: { value: tDischarge, unit: 's' },
    cavernWallArea: { value: wallArea, unit: 'm2' },
    specificCompressionWork: { value: cPoint.bus / mCharge, unit: 'J/kg', note: 'motor electricity per kg of air' },
    specificExpansionWork: { value: -dPoint.bus / mDischarge, unit: 'J/kg', note: 'generator electricity per kg of air' },
  };
  for (let k = 1; k <= N; k++) {
    const i = cPath.findIndex((n) => n.id === `C${k}`);
    figures[`C${k}.outletTemperature`] = { value: chargeSol.stream(`C${k}-${cPath[i + 1].id}`).T, unit: 'K' };
    figures[`C${k}.pressureRatio`] = { value: chargeSol.component(`C${k}`).pr ?? NaN, unit: '-' };
  }
  for (let k = 1; k <= M; k++) {
    const i = dPath.findIndex((n) => n.id === `T${k}`);
    figures[`T${k}.inletTemperature`] = { value: dischargeSol.stream(`${dPath[i - 1].id}-T${k}`).T, unit: 'K' };
  }
  tes.forEach((t, j) => {
    figures[`${stores[j].name}.hotTemperature`] = { value: Thot[j], unit: 'K', note: 'mixed return of the design charge' };
    figures[`${stores[j].name}.mediumMass`] = { value: t.usable, unit: 'kg', note: 'medium moved by a design charge, with the size margin' };
    figures[`${stores[j].name}.tankVolume`] = { value: t.tankVolume, unit: 'm3', note: 'each of the two tanks' };
  });

  return {
    template: 'adiabatic-caes',
    technology: cavern ? 'adiabatic CAES (salt cavern, sliding pressure)' : 'adiabatic CAES (water-compensated store)',
    parameters: P,
    plant,
    empty,
    primary: cavernStore as Store,
    designSolutions: { charge: chargeSol, discharge: dischargeSol },
    figures,
    notes: [
      `design point: cavern at ${(pDesign / 1e5).toFixed(2)} bar and ${(Tw - CELSIUS).toFixed(1)} degC (the middle of its window, at the wall temperature); stores at their cold temperature (charge) and at the hot temperature of the design charge (discharge)`,
      'compressors share the total pressure ratio at every step (variable guide vanes) or keep the ratios given; turbines keep their ratios behind the throttle; η_s follows part-load lines over m/m_design (assumption)',
      'heat exchangers: hot-end approach and internal pinch per store at the design point; off design each holds its design end temperature differences; pressure losses on both sides; a pump per store loop makes up the medium side’s losses',
      `cavern wall: ${S.wallHeatTransferCoefficient} W/(m² K) over ${wallArea.toFixed(0)} m² to rock at ${(Tw - CELSIUS).toFixed(1)} degC (assumption)`,
    ],
    docs: { charge: cDesign.file, discharge: dDesign.file },
    yamlHeader: (mode) => [
      `Adiabatic CAES (chuneng template adiabatic-caes), ${mode} network at its design point.`,
      mode === 'charge'
        ? `Cavern at ${(pDesign / 1e5).toFixed(2)} bar; thermal stores supplying their cold tanks; motors at ${(P.charge.power / 1e6).toFixed(3)} MW.`
        : `Cavern at ${(pDesign / 1e5).toFixed(2)} bar and ${(Tw - CELSIUS).toFixed(1)} degC; hot tanks at ${Thot.map((T) => `${(T - CELSIUS).toFixed(1)} degC`).join(', ')}; generators at ${(P.discharge.power / 1e6).toFixed(3)} MW.`,
      ...FILE_NOTE,
    ],
    estimate: { chargeSeconds: tCharge, dischargeSeconds: tDischarge },
    densityBasis: 'cavern (geometric volume)',
    minimumLoad: { charge: P.charge.minimumLoad, discharge: P.discharge.minimumLoad },
  };
}
