/**
 * Transcritical compressed CO2 storage between two rigid stores: a low-pressure store of CO2 gas near the ambient
 * temperature (below its saturation pressure) and a high-pressure store of supercritical CO2 — the cycle crosses
 * the critical pressure (73.8 bar).
 *
 *   charge:     LP tank → C1 → HXc1_<store>… → [IC1] → C2 → … → CN → HXcN_<store>… → aftercooler → HP tank
 *   discharge:  HP tank → throttle → HXd1_<store>… → T1 → … → TM → post-cooler → LP tank
 *
 * Both tanks are rigid vessels whose state (gas, supercritical fluid, or two-phase should the LP tank cool that
 * far: it then supplies saturated vapour) comes from the (ρ, u) flash every step, with heat exchange through their
 * insulated walls with the ambient. The compressors share the ratio between the two sliding pressures; the throttle
 * holds the turbine inlet pressure (or the turbines slide with the HP tank). The heat of compression goes down a
 * chain of two-tank stores (pressurised water by default: compression ratios are small, so is the heat's
 * temperature).
 *
 * Defaults are an illustration (assumptions): HP store 100–200 bar, LP store 8–15 bar of gas, sized for the HP
 * store's mass swing. A low-pressure store near its saturation pressure (tens of bar) leaves the heat of
 * compression at 40–80 degC and the turbine exhaust below the ambient: the expansion then recovers little, which is
 * why transcritical designs in the literature add cold storage or external heat (not modelled here). With the
 * defaults the reheat needs 2.5 times the heat per kg the charge stores (the throttled dense CO2 is cold): each
 * discharge ends when the hot tank runs dry, the HP store keeps more CO2 every cycle and the design cycle never
 * becomes periodic — performance() says so (periodic.ts). The discharge exchangers return their medium no colder
 * than its cold tank; a surplus of hot medium goes back to the cold tank through the trim cooler.
 */
import { z } from 'zod';
import { fluid } from '../../fluids/index.js';
import { PlantInputError } from '../errors.js';
import { resolveFluid } from '../fluids/resolve.js';
import type { TransientPlant } from '../transient/cycle.js';
import { OperatingPoint, readPoint, type OperatingMode, type StorePort } from '../transient/mode.js';
import { cylinderWetArea, RigidVessel, StoreSet, TwoTankThermalStore, type Ambient } from '../transient/stores.js';
import {
  chainOut,
  checkStores,
  checkTrain,
  COMPRESSOR_LINE,
  modePowerSchema,
  compressorTrainSchema,
  connectPath,
  densityAt,
  designPoint,
  dischargeReturns,
  heatRejectionSchema,
  holdEndDifferences,
  lossEntry,
  lossFunction,
  ratiosSchema,
  stageEfficiency,
  serves,
  stageList,
  stageRatios,
  storeExchanger,
  storeLoop,
  thermalStoreSchema,
  TURBINE_LINE,
  turbineTrainSchema,
  restoreThermalStores,
  upstream,
  type Node,
} from './common.js';
import { applyToDoc, applyToNetwork, DocBuilder, type Update } from './doc.js';
import { flag, integer, optionalQuantity, pressureLoss, quantity } from './parameters.js';
import { DESIGN_FILE_NOTE as FILE_NOTE, type TemplateBuild } from './plant-model.js';
import type { Figure, Site } from './types.js';

const CELSIUS = 273.15;

const vesselSchema = (d: { pressureMin: number; pressureMax: number; volume?: number; doc: string }) =>
  z
    .object({
      volume: d.volume !== undefined ? quantity('volume', d.volume, { min: 1, max: 1e8 }, d.doc) : optionalQuantity('volume', { min: 1, max: 1e9 }, `${d.doc} (default: sized for the high-pressure store's mass swing, with the margin)`),
      pressureMin: quantity('pressure', d.pressureMin, { min: 1e5, max: 500e5 }, 'lowest pressure'),
      pressureMax: quantity('pressure', d.pressureMax, { min: 1e5, max: 500e5 }, 'highest pressure'),
      tanks: integer(10, 1, 100000, 'number of tanks (vertical cylinders, height = 3 diameters), for their surface'),
      heatTransferCoefficient: quantity('heatTransferCoefficient', 0.3, { min: 0, max: 50 }, 'insulated wall to the ambient'),
    })
    .strict()
    .prefault({});

export const CO2_TRANSCRITICAL_SCHEMA = z
  .object({
    charge: modePowerSchema('charge', { power: 10e6, minPower: 1e4, minimumLoad: 0.4 }),
    discharge: modePowerSchema('discharge', { power: 10e6, minPower: 1e4, minimumLoad: 0.3 }),
    highPressureStore: vesselSchema({ pressureMin: 100e5, pressureMax: 200e5, volume: 2000, doc: 'volume of the high-pressure tanks' }),
    lowPressureStore: vesselSchema({ pressureMin: 8e5, pressureMax: 15e5, doc: 'volume of the low-pressure tanks' }),
    lowPressureMargin: quantity('fraction', 0.3, { min: 0, max: 2 }, 'extra volume of an auto-sized low-pressure store (its gas cools as it is drawn and warms as it is refilled)'),
    compression: z
      .object({
        stages: integer(2, 1, 6, 'compression stages'),
        pressureRatios: ratiosSchema,
        ...compressorTrainSchema({ maxStages: 6, efficiency: 0.88, efficiencySource: 'CAS/IET 101 MW compressor: 88.1 % (validation case C4)' }),
        intercooling: flag(false, 'also cool the gas to the ambient (plus the approach) between stages, after the stores'),
        coolerApproach: quantity('temperatureDifference', 10, { min: 1, max: 60 }, 'inter- and aftercooler outlet above the ambient (the HP tank’s inlet)'),
        coolerPressureLoss: pressureLoss({ kind: 'fraction', value: 0.01 }, 'gas side of each inter- and aftercooler'),
      })
      .strict()
      .prefault({}),
    thermalStores: z
      .array(thermalStoreSchema({ name: 'tes', medium: 'TVP1', coldTemperature: CELSIUS + 120, pressure: 10e5 }))
      .min(1)
      .max(4)
      .prefault([{}]),
    expansion: z
      .object({
        stages: integer(2, 1, 6, 'expansion stages, each reheated through the stores'),
        pressureRatios: ratiosSchema,
        ...turbineTrainSchema({ maxStages: 6, efficiency: 0.9, efficiencySource: 'Gasanzade et al. 2023 (turbines 90 %)' }),
        recuperator: flag(true, 'preheat the throttled CO2 with the last turbine’s exhaust before the stores'),
        recuperatorEffectiveness: quantity('fraction', 0.8, { min: 0.05, max: 0.98 }, 'recuperator effectiveness Q/Q_max'),
        recuperatorPressureLoss: pressureLoss({ kind: 'fraction', value: 0.01 }, 'each side of the recuperator'),
        throttle: flag(true, 'throttle the HP store to a fixed turbine inlet pressure (else the turbines slide)'),
        turbineInletPressure: quantity('pressure', 95e5, { min: 2e5, max: 500e5 }, 'turbine inlet pressure behind the throttle'),
        postCoolerApproach: quantity('temperatureDifference', 5, { min: 0, max: 60 }, 'gas back to the LP store at the ambient plus this (a dry cooler; it heats from the ambient when the exhaust is colder)'),
        coolerPressureLoss: pressureLoss({ kind: 'fraction', value: 0.01 }, 'gas side of the post-cooler'),
      })
      .strict()
      .prefault({}),
    heatRejection: heatRejectionSchema,
  })
  .strict();

export type Co2TranscriticalParams = z.infer<typeof CO2_TRANSCRITICAL_SCHEMA>;

export function co2Transcritical(P: Co2TranscriticalParams, site: Site): TemplateBuild {
  const T0 = site.ambientTemperature;
  const p0 = site.ambientPressure ?? 101325;
  const ambient: Ambient = { T: T0, p: p0 };
  const where = 'co2-transcritical';
  const stores = P.thermalStores;
  const N = P.compression.stages;
  const M = P.expansion.stages;
  checkStores(where, stores, N, M);
  checkTrain(where, 'compression', P.compression, N);
  checkTrain(where, 'expansion', P.expansion, M);
  const HP = P.highPressureStore;
  const LP = P.lowPressureStore;
  for (const [s, name] of [
    [HP, 'highPressureStore'],
    [LP, 'lowPressureStore'],
  ] as const) {
    if (!(s.pressureMin < s.pressureMax)) throw new PlantInputError(where, `${name}.pressureMin`, s.pressureMin, `below ${name}.pressureMax (${s.pressureMax} Pa)`);
  }
  const co2 = fluid('CO2');
  if (!(LP.pressureMax < HP.pressureMin)) throw new PlantInputError(where, 'lowPressureStore.pressureMax', LP.pressureMax, `below highPressureStore.pressureMin (${HP.pressureMin} Pa)`);
  const Tc = co2.critical.T;
  if (T0 < Tc) {
    const psat = co2.saturationAtT(T0).p;
    if (LP.pressureMax >= 0.97 * psat) throw new PlantInputError(where, 'lowPressureStore.pressureMax', LP.pressureMax, `below ${((0.97 * psat) / 1e5).toFixed(2)} bar (the LP store is a gas store: CO2 condenses at ${(psat / 1e5).toFixed(2)} bar at the ambient ${(T0 - CELSIUS).toFixed(2)} degC)`);
  }
  const Tcool = T0 + P.compression.coolerApproach;
  const Treturn = T0 + P.expansion.postCoolerApproach;
  const pHpDesign = 0.5 * (HP.pressureMin + HP.pressureMax);
  const pLpDesign = 0.5 * (LP.pressureMin + LP.pressureMax);
  const icLoss = lossFunction(lossEntry(P.compression.coolerPressureLoss, pHpDesign));
  const pcLoss = lossFunction(lossEntry(P.expansion.coolerPressureLoss, pLpDesign));
  const gasChain = stores.map((s) => lossFunction(lossEntry(s.gasPressureLoss, pHpDesign)));
  const between = Array.from({ length: N - 1 }, () => [...gasChain, ...(P.compression.intercooling ? [icLoss] : [])]);
  const reheat = [...gasChain].reverse();
  const recLoss = lossFunction(lossEntry(P.expansion.recuperatorPressureLoss, pHpDesign));
  const recuperated = P.expansion.recuperator;
  // before the first turbine: the recuperator's cold side, then the stores; after the last: its hot side
  const firstChain = recuperated ? [recLoss, ...reheat] : reheat;
  const exhaustChain = recuperated ? [recLoss, pcLoss] : [pcLoss];
  const valveOut = (pHp: number) => (P.expansion.throttle ? upstream(P.expansion.turbineInletPressure, firstChain) : pHp);
  if (P.expansion.throttle && !(valveOut(0) < HP.pressureMax)) throw new PlantInputError(where, 'expansion.turbineInletPressure', P.expansion.turbineInletPressure, `below the HP store's highest pressure (${HP.pressureMax / 1e5} bar) less the reheaters' losses`);
  if (P.expansion.throttle && !(P.expansion.turbineInletPressure > upstream(LP.pressureMax, exhaustChain))) throw new PlantInputError(where, 'expansion.turbineInletPressure', P.expansion.turbineInletPressure, `above the LP store's highest pressure (${LP.pressureMax / 1e5} bar)`);

  interface ChargeState {
    lp: { p: number; T?: number; Q?: number };
    pHp: number;
    Tcold: readonly number[];
  }
  interface DischargeState {
    pHp: number;
    Thp: number;
    pLp: number;
    Thot: readonly number[];
  }
  const chargeUpdates = (s: ChargeState): Update[] => {
    const pLast = upstream(s.pHp, [...gasChain, icLoss]);
    const ratios = stageRatios(s.lp.p, pLast, N, between, P.compression.pressureRatios);
    const lpSpec = s.lp.Q !== undefined ? { p: s.lp.p, Q: s.lp.Q, T: undefined } : { p: s.lp.p, T: s.lp.T, Q: undefined };
    const u: Update[] = [
      { component: 'LP', set: lpSpec },
      { component: 'HP', set: { p: s.pHp } },
    ];
    for (let k = 0; k < N - 1; k++) u.push({ component: `C${k + 1}`, set: { pr: ratios[k] } });
    stores.forEach((st, j) => u.push({ component: st.name, set: { T: s.Tcold[j] } }));
    return u;
  };
  const dischargeUpdates = (s: DischargeState): Update[] => {
    const pT1 = P.expansion.throttle ? P.expansion.turbineInletPressure : chainOut(s.pHp, firstChain);
    const ratios = stageRatios(pT1, upstream(s.pLp, exhaustChain), M, Array.from({ length: M - 1 }, () => reheat), P.expansion.pressureRatios);
    const u: Update[] = [
      { component: 'HP', set: { p: s.pHp, T: s.Thp } },
      { component: 'LP', set: { p: s.pLp } },
    ];
    if (P.expansion.throttle) u.push({ component: 'TV', set: { p_out: valveOut(s.pHp) } });
    for (let k = 0; k < M - 1; k++) u.push({ component: `T${k + 1}`, set: { pr: ratios[k] } });
    stores.forEach((st, j) => u.push({ component: st.name, set: { T: s.Thot[j] } }));
    return u;
  };

  // ——— charge ———
  const cd = new DocBuilder('Transcritical CO2 storage — charge', 'CO2 gas from the low-pressure store compressed into the supercritical high-pressure store; the heat of compression goes into thermal stores.', ambient);
  cd.add('LP', { type: 'storage-vessel', fluid: 'CO2', mode: 'supply', p: pLpDesign, T: T0 });
  const cPath: Node[] = [{ id: 'LP' }];
  const cSpecs: Record<number, { T: number }> = {};
  for (let k = 1; k <= N; k++) {
    cd.add(`C${k}`, { type: 'compressor', eta_s: stageEfficiency(P.compression, k - 1), eta_mech: P.compression.mechanicalEfficiency, eta_el: P.compression.motorEfficiency, ...(k < N ? { pr: 1.5 } : {}) });
    cPath.push({ id: `C${k}` });
    for (const s of stores.filter((st) => serves(st, k))) {
      const id = `HXc${k}_${s.name}`;
      cd.add(id, storeExchanger('hot', s, pHpDesign, s.pressure));
      cPath.push({ id, in: 'hot_in', out: 'hot_out' });
    }
    if (k < N && P.compression.intercooling) {
      cd.add(`IC${k}`, { type: 'cooler', ...lossEntry(P.compression.coolerPressureLoss, pHpDesign), sink: 'ambient' });
      cPath.push({ id: `IC${k}` });
      cSpecs[cPath.length - 1] = { T: Tcool };
    }
  }
  cd.add('AC', { type: 'cooler', ...lossEntry(P.compression.coolerPressureLoss, pHpDesign), sink: 'ambient' });
  cd.add('HP', { type: 'storage-vessel', fluid: 'CO2', mode: 'receive', p: pHpDesign });
  cPath.push({ id: 'AC' }, { id: 'HP' });
  cSpecs[cPath.length - 2] = { T: Tcool };
  connectPath(cd, cPath, cSpecs);
  const chargeLoops = stores.map((s) =>
    storeLoop(cd, s.name, { medium: s.medium, T: s.coldTemperature, p: s.pressure, pumpEfficiency: s.pumpEfficiency, mode: 'charge' }, stageList(N, s).map((k) => ({ id: `HXc${k}_${s.name}`, side: 'cold' as const }))),
  );

  // ——— discharge ———

  const dd = new DocBuilder('Transcritical CO2 storage — discharge', 'Supercritical CO2 throttled, reheated through the thermal stores, expanded and cooled back into the low-pressure store.', ambient);
  dd.add('HP', { type: 'storage-vessel', fluid: 'CO2', mode: 'supply', p: pHpDesign, T: Tcool });
  dd.add('TV', { type: 'valve', ...(P.expansion.throttle ? { p_out: valveOut(pHpDesign) } : { pr: 1 }) });
  const dPath: Node[] = [{ id: 'HP' }, { id: 'TV' }];
  if (recuperated) {
    const r = lossEntry(P.expansion.recuperatorPressureLoss, pHpDesign);
    dd.add('REC', { type: 'heat-exchanger', ...('pr' in r ? { pr1: r.pr, pr2: r.pr } : { dp1: r.dp, dp2: r.dp }), eps: P.expansion.recuperatorEffectiveness });
    dPath.push({ id: 'REC', in: 'cold_in', out: 'cold_out' });
  }
  for (let k = 1; k <= M; k++) {
    for (const s of [...stores].reverse().filter((st) => serves(st, k))) {
      const id = `HXd${k}_${s.name}`;
      dd.add(id, storeExchanger('cold', s, pHpDesign, s.pressure));
      dPath.push({ id, in: 'cold_in', out: 'cold_out' });
    }
    dd.add(`T${k}`, { type: 'turbine', eta_s: stageEfficiency(P.expansion, k - 1), eta_mech: P.expansion.mechanicalEfficiency, eta_el: P.expansion.generatorEfficiency, ...(k < M ? { pr: 0.7 } : {}) });
    dPath.push({ id: `T${k}` });
  }
  dd.add('PC', { type: 'cooler', ...lossEntry(P.expansion.coolerPressureLoss, pLpDesign), sink: 'ambient' });
  dd.add('LP', { type: 'storage-vessel', fluid: 'CO2', mode: 'receive', p: pLpDesign });
  if (recuperated) dPath.push({ id: 'REC', in: 'hot_in', out: 'hot_out' });
  dPath.push({ id: 'PC' }, { id: 'LP' });
  connectPath(dd, dPath.slice(0, dPath.findIndex((n) => n.id === `T${M}`) + 1));
  if (recuperated) {
    dd.connect(`T${M}-REC`, `T${M}`, 'REC.hot_in');
    dd.connect('REC-PC', 'REC.hot_out', 'PC', {});
  } else dd.connect(`T${M}-PC`, `T${M}`, 'PC');
  dd.connect('PC-LP', 'PC', 'LP', { T: Treturn });
  const dischargeLoops = stores.map((s) =>
    storeLoop(dd, s.name, { medium: s.medium, T: s.coldTemperature + 50, p: s.pressure, pumpEfficiency: s.pumpEfficiency, mode: 'discharge' }, stageList(M, s).map((k) => ({ id: `HXd${k}_${s.name}`, side: 'hot' as const }))),
  );

  // ——— design points ———
  const compressors = Array.from({ length: N }, (_, k) => `C${k + 1}`);
  const turbines = Array.from({ length: M }, (_, k) => `T${k + 1}`);
  applyToDoc(cd.doc, chargeUpdates({ lp: { p: pLpDesign, T: T0 }, pHp: pHpDesign, Tcold: stores.map((s) => s.coldTemperature) }));
  const cDesign = designPoint({
    template: where,
    mode: 'charge',
    doc: cd.doc,
    flowConnection: 'LP-C1',
    trialFlow: 100,
    bus: { id: 'motors', members: compressors, power: P.charge.power, sense: 'consumed' },
    exchangers: stores.flatMap((s) => stageList(N, s).map((k) => ({ id: `HXc${k}_${s.name}`, pinch: s.pinch }))),
    lines: compressors.map((id) => ({ id, line: COMPRESSOR_LINE })),
  });
  const Thot = chargeLoops.map((l) => cDesign.solution.stream(l.ret).T);
  applyToDoc(dd.doc, dischargeUpdates({ pHp: pHpDesign, Thp: Tcool, pLp: pLpDesign, Thot }));
  const dDesign = designPoint({
    template: where,
    mode: 'discharge',
    doc: dd.doc,
    flowConnection: 'HP-TV',
    trialFlow: 100,
    bus: { id: 'generators', members: turbines, power: P.discharge.power, sense: 'delivered' },
    exchangers: stores.flatMap((s) => stageList(M, s).map((k) => ({ id: `HXd${k}_${s.name}`, pinch: s.pinch }))),
    returns: dischargeReturns(stores, dischargeLoops),
    lines: turbines.map((id) => ({ id, line: TURBINE_LINE })),
  });
  holdEndDifferences(cDesign.network, cDesign.solution, Object.keys(cd.doc.components).filter((id) => id.startsWith('HX')));
  holdEndDifferences(dDesign.network, dDesign.solution, Object.keys(dd.doc.components).filter((id) => id.startsWith('HX')));
  const mC = cDesign.massFlow;
  const mD = dDesign.massFlow;

  // ——— sizes and the empty state ———
  const hpVolume = HP.volume as number;
  const massWindow = hpVolume * (co2.tp(Tcool, HP.pressureMax).rho - co2.tp(Tcool, HP.pressureMin).rho);
  const lpSwing = co2.tp(T0, LP.pressureMax).rho - co2.tp(T0, LP.pressureMin).rho;
  const lpVolume = LP.volume ?? (massWindow / lpSwing) * (1 + P.lowPressureMargin);
  const wall = (V: number, n: number) => {
    const D = Math.cbrt((4 * (V / n)) / (Math.PI * 3));
    return n * (Math.PI * D * 3 * D + (Math.PI * D * D) / 2);
  };
  const hp = new RigidVessel('HP', ambient, { kind: 'tank', fluid: 'CO2', volume: hpVolume, wall: { area: wall(hpVolume, HP.tanks), U: HP.heatTransferCoefficient, T: T0 }, outlet: 'liquid', pMin: HP.pressureMin, pMax: HP.pressureMax });
  const lp = new RigidVessel('LP', ambient, { kind: 'tank', fluid: 'CO2', volume: lpVolume, wall: { area: wall(lpVolume, LP.tanks), U: LP.heatTransferCoefficient, T: T0 }, outlet: 'vapour', pMin: LP.pressureMin, pMax: LP.pressureMax, fillsOnCharge: false });
  const tes = stores.map((s, j) => {
    const mediumFlow = cDesign.solution.stream(chargeLoops[j].supply).m;
    const medium = resolveFluid(s.medium);
    const rhoHot = densityAt(medium, Thot[j], s.pressure);
    const rhoCold = densityAt(medium, s.coldTemperature, s.pressure);
    const usable = mediumFlow * (massWindow / mC) * (1 + s.sizeMargin);
    const tankVolume = (1.02 * usable) / rhoHot / (1 - 2 * s.heel);
    const store = new TwoTankThermalStore(s.name, ambient, { medium: s.medium, p: s.pressure, tankVolume, U: s.heatLossCoefficient, wetArea: cylinderWetArea(tankVolume), levelMin: s.heel });
    return { store, usable, tankVolume, rhoHot, rhoCold };
  });
  const set = new StoreSet([hp, lp, ...tes.map((t) => t.store)]);
  const empty = new Float64Array(set.size);
  hp.fill(empty, { T: Tcool, p: HP.pressureMin });
  lp.fill(empty, { T: T0, p: LP.pressureMax });
  tes.forEach((t, j) => {
    t.store.fillPart(empty, TwoTankThermalStore.HOT, stores[j].heel * t.tankVolume * t.rhoHot, Thot[j]);
    t.store.fillPart(empty, TwoTankThermalStore.COLD, t.usable + stores[j].heel * t.tankVolume * t.rhoCold, stores[j].coldTemperature);
  });

  // ——— modes ———
  const storeIds = new Set(['HP', 'LP', ...stores.map((s) => s.name)]);
  const sinks = { ambient: { fanFraction: P.heatRejection.fanPower } };
  const chargePorts: StorePort[] = [
    { store: lp, part: 0, connection: 'LP-C1', sign: -1 },
    { store: hp, part: 0, connection: 'AC-HP', sign: 1 },
  ];
  const dischargePorts: StorePort[] = [
    { store: hp, part: 0, connection: 'HP-TV', sign: -1 },
    { store: lp, part: 0, connection: 'PC-LP', sign: 1 },
  ];
  tes.forEach((t, j) => {
    chargePorts.push({ store: t.store, part: TwoTankThermalStore.COLD, connection: chargeLoops[j].supply, sign: -1 }, { store: t.store, part: TwoTankThermalStore.HOT, connection: chargeLoops[j].ret, sign: 1 });
    dischargePorts.push(
      { store: t.store, part: TwoTankThermalStore.HOT, connection: dischargeLoops[j].supply, sign: -1 },
      { store: t.store, part: TwoTankThermalStore.COLD, connection: dischargeLoops[j].ret, sign: 1, ...(stores[j].returnCooling ? { trimEnthalpy: t.store.hAt(stores[j].coldTemperature) } : {}) },
    );
  });
  const chargeMode: OperatingMode = {
    phase: 'charge',
    network: cDesign.network,
    ports: chargePorts,
    busMembers: compressors,
    sinks,
    storeComponents: storeIds,
    fuelConnections: [],
    mainFlow: 'LP-C1',
    hRefAbs: 0,
    prepare(x, bus) {
      applyToNetwork(cDesign.network, [...chargeUpdates({ lp: lp.supplySpec(x), pHp: hp.state(x).p, Tcold: tes.map((t) => t.store.state(x, TwoTankThermalStore.COLD).T) }), { component: 'motors', set: { P: bus } }]);
      return undefined;
    },
  };
  const dischargeMode: OperatingMode = {
    phase: 'discharge',
    network: dDesign.network,
    ports: dischargePorts,
    busMembers: turbines,
    sinks,
    storeComponents: storeIds,
    fuelConnections: [],
    mainFlow: 'HP-TV',
    hRefAbs: 0,
    prepare(x, bus) {
      const st = hp.state(x);
      if (!Number.isNaN(st.Q)) return `the HP store is two-phase (${(st.p / 1e5).toFixed(2)} bar, ${(st.T - CELSIUS).toFixed(2)} degC)`;
      if (P.expansion.throttle && st.p <= valveOut(st.p) * 1.0001) return `HP store pressure ${(st.p / 1e5).toFixed(3)} bar is at the throttle setting (${(valveOut(st.p) / 1e5).toFixed(3)} bar)`;
      applyToNetwork(dDesign.network, [
        ...dischargeUpdates({ pHp: st.p, Thp: st.T, pLp: lp.state(x).p, Thot: tes.map((t) => t.store.state(x, TwoTankThermalStore.HOT).T) }),
        { component: 'generators', set: { P: bus } },
      ]);
      return undefined;
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
    restore: (x) => restoreThermalStores(x, tes.map((t, j) => ({ store: t.store, coldTemperature: stores[j].coldTemperature, returnCooling: stores[j].returnCooling })), P.heatRejection.fanPower),
    volumes: [
      { basis: 'high-pressure tanks', volume: hpVolume },
      { basis: 'high- and low-pressure tanks', volume: hpVolume + lpVolume },
      { basis: 'CO2 tanks and thermal stores', volume: hpVolume + lpVolume + tesVolume },
    ],
  };
  const cs = cDesign.solution;
  const ds = dDesign.solution;
  const figures: Record<string, Figure> = {
    chargeNetPower: { value: cPoint.net, unit: 'W' },
    dischargeNetPower: { value: -dPoint.net, unit: 'W' },
    chargeMassFlow: { value: mC, unit: 'kg/s' },
    dischargeMassFlow: { value: mD, unit: 'kg/s' },
    hpMassWindow: { value: massWindow, unit: 'kg' },
    lowPressureVolume: { value: lpVolume, unit: 'm3' },
    chargeDurationEstimate: { value: massWindow / mC, unit: 's' },
    dischargeDurationEstimate: { value: massWindow / mD, unit: 's' },
    specificCompressionWork: { value: cPoint.net / mC, unit: 'J/kg' },
    specificExpansionWork: { value: -dPoint.net / mD, unit: 'J/kg' },
  };
  for (let k = 1; k <= N; k++) {
    const i = cPath.findIndex((n) => n.id === `C${k}`);
    figures[`C${k}.outletTemperature`] = { value: cs.stream(`C${k}-${cPath[i + 1].id}`).T, unit: 'K' };
  }
  for (let k = 1; k <= M; k++) {
    const i = dPath.findIndex((n) => n.id === `T${k}`);
    figures[`T${k}.inletTemperature`] = { value: ds.stream(`${dPath[i - 1].id}-T${k}`).T, unit: 'K' };
  }
  tes.forEach((t, j) => {
    figures[`${stores[j].name}.hotTemperature`] = { value: Thot[j], unit: 'K' };
    figures[`${stores[j].name}.mediumMass`] = { value: t.usable, unit: 'kg' };
  });
  return {
    template: 'co2-transcritical',
    technology: 'transcritical compressed CO2 storage (gas LP store, supercritical HP store)',
    parameters: P,
    plant,
    empty,
    primary: hp,
    designSolutions: { charge: cs, discharge: ds },
    figures,
    notes: [
      `design point: HP store at ${(pHpDesign / 1e5).toFixed(1)} bar, LP store at ${(pLpDesign / 1e5).toFixed(1)} bar and the ambient ${(T0 - CELSIUS).toFixed(2)} degC; stores at their cold temperature (charge) and at the design charge’s hot temperature (discharge)`,
      'both CO2 stores are rigid vessels stepped by the (ρ, u) flash; exchangers hold their design end differences off design; η_s on part-load lines (assumption)',
      'the CO2 is reheated to the hot tank less the hot-end approach: the throttled dense CO2 needs more heat per kg than compression leaves in the store, so with these defaults the discharge ends when the hot tank runs dry, before the HP store reaches its lowest pressure, and repeated cycles shrink towards nothing (performance() warns)',
    ],
    docs: { charge: cDesign.file, discharge: dDesign.file },
    yamlHeader: (mode) => [`Transcritical CO2 storage (chuneng template co2-transcritical), ${mode} network at its design point.`, ...FILE_NOTE],
    estimate: { chargeSeconds: massWindow / mC, dischargeSeconds: massWindow / mD },
    densityBasis: 'high- and low-pressure tanks',
    minimumLoad: { charge: P.charge.minimumLoad, discharge: P.discharge.minimumLoad },
  };
}
