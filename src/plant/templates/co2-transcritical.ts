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
 * walls with the ambient. The compressors share the ratio between the two sliding pressures; the turbines slide
 * with the HP store (or a throttle holds their inlet pressure). The heat of compression goes down a chain of
 * two-tank stores.
 *
 * Why two pressurised-water stores by default (assumptions, not a published plant): the compression ratios are
 * small, so is the heat's temperature (130–160 degC), and dense CO2 at 100–200 bar gives up a large part of its
 * heat between 30 and 80 degC, around its pseudo-critical temperature, where its cp peaks. One store from 30 degC
 * would be pinched there and leave that heat to the aftercooler; the discharge then needs more heat per kg than the
 * charge stored. A hot store (cold tank 65 degC) and a cool one (cold tank 30 degC) with 5 K pinches keep it.
 * Even so the reheat, at the hot tank less the approach, can take more heat per kg than a charge stores (the HP
 * store cools as it empties and its CO2 comes out colder than it went in): the discharge rations the stored heat
 * (heat-rationing.ts), lowering the reheat so that the hot tanks and the HP store run out together; without that
 * (expansion.heatRationing: false) the hot tank runs dry first and the plant shrinks cycle after cycle.
 *
 * A rigid HP store of dense CO2 keeps most of its contents as a cushion: near its critical temperature CO2 at
 * 100 bar is already liquid-like (770 kg/m³ at 30 degC), and the contents warm as they are compressed, so the
 * working window is found by filling the store adiabatically from its lowest pressure, and the LP store is sized to
 * take that window back at the ambient temperature, with a margin. The cushion
 * settles slowly from cycle to cycle: the periodic design cycle needs some 30 cycles (periodic.ts).
 */
import { z } from 'zod';
import { fluid } from '../../fluids/index.js';
import { PlantInputError } from '../errors.js';
import { resolveFluid } from '../fluids/resolve.js';
import { brent } from '../../numerics/roots.js';
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
  solveHoldingPinches,
  pinchHolds,
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
import { rationedStores, solveRationed } from './heat-rationing.js';
import { flag, integer, optionalQuantity, pressureLoss, quantity } from './parameters.js';
import { DESIGN_FILE_NOTE as FILE_NOTE, type TemplateBuild } from './plant-model.js';
import type { Figure, Site } from './types.js';

const CELSIUS = 273.15;

const vesselSchema = (d: { pressureMin: number; pressureMax: number; volume?: number; doc: string; U: number; wallDoc: string }) =>
  z
    .object({
      volume: d.volume !== undefined ? quantity('volume', d.volume, { min: 1, max: 1e8 }, d.doc) : optionalQuantity('volume', { min: 1, max: 1e9 }, `${d.doc} (default: sized for the high-pressure store's mass swing, with the margin)`),
      pressureMin: quantity('pressure', d.pressureMin, { min: 1e5, max: 500e5 }, 'lowest pressure'),
      pressureMax: quantity('pressure', d.pressureMax, { min: 1e5, max: 500e5 }, 'highest pressure'),
      tanks: integer(10, 1, 100000, 'number of tanks (vertical cylinders, height = 3 diameters), for their surface'),
      heatTransferCoefficient: quantity('heatTransferCoefficient', d.U, { min: 0, max: 50 }, d.wallDoc),
    })
    .strict()
    .prefault({});

export const CO2_TRANSCRITICAL_SCHEMA = z
  .object({
    charge: modePowerSchema('charge', { power: 10e6, minPower: 1e4, minimumLoad: 0.4 }),
    discharge: modePowerSchema('discharge', { power: 10e6, minPower: 1e4, minimumLoad: 0.3 }),
    highPressureStore: vesselSchema({ pressureMin: 100e5, pressureMax: 200e5, volume: 2000, doc: 'volume of the high-pressure tanks', U: 0.3, wallDoc: 'wall to the ambient (insulated, assumption)' }),
    lowPressureStore: vesselSchema({ pressureMin: 8e5, pressureMax: 15e5, doc: 'volume of the low-pressure tanks', U: 5, wallDoc: 'wall to the ambient (bare steel in still air, assumption: the gas store is meant to sit at the ambient temperature, and the air warms what the draw cools)' }),
    lowPressureMargin: quantity('fraction', 1, { min: 0, max: 2 }, 'extra volume of an auto-sized low-pressure store (the refill warms its gas; the HP cushion keeps more CO2 as it cools)'),
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
      .array(thermalStoreSchema({ name: 'hot', medium: 'Water', coldTemperature: CELSIUS + 65, pressure: 20e5 }))
      .min(1)
      .max(4)
      .prefault([
        { name: 'hot', medium: 'Water', coldTemperature: CELSIUS + 65, pressure: 20e5, pinch: 5, hotEndApproach: 8 },
        { name: 'cool', medium: 'Water', coldTemperature: CELSIUS + 30, pressure: 5e5, pinch: 5, hotEndApproach: 8 },
      ]),
    expansion: z
      .object({
        stages: integer(2, 1, 6, 'expansion stages, each reheated through the stores'),
        pressureRatios: ratiosSchema,
        ...turbineTrainSchema({ maxStages: 6, efficiency: 0.9, efficiencySource: 'Gasanzade et al. 2023 (turbines 90 %)' }),
        recuperator: flag(true, 'preheat the throttled CO2 with the last turbine’s exhaust before the stores'),
        recuperatorEffectiveness: quantity('fraction', 0.8, { min: 0.05, max: 0.98 }, 'recuperator effectiveness Q/Q_max'),
        recuperatorPressureLoss: pressureLoss({ kind: 'fraction', value: 0.01 }, 'each side of the recuperator'),
        heatRationing: flag(true, 'spend the stored heat in proportion to the CO2 left in the HP store: the reheat falls below the hot tank less the approach when the charge stored too little heat, and the hot tanks and the HP store run out together (heat-rationing.ts)'),
        throttle: flag(false, 'throttle the HP store to a fixed turbine inlet pressure (else the turbines slide with it)'),
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
  stores.forEach((s, k) => {
    if (s.returnCooling && s.coldTemperature < T0) throw new PlantInputError(where, `thermalStores[${k}].coldTemperature`, s.coldTemperature, `at least the ambient ${T0} K: the trim cooler returns the store's unused medium to its cold tank with ambient air (a colder tank needs a chiller, not modelled)`);
  });
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
  const chargeHolds = holdEndDifferences(cDesign.network, cDesign.solution, Object.keys(cd.doc.components).filter((id) => id.startsWith('HX')));
  const dischargeHolds = [...holdEndDifferences(dDesign.network, dDesign.solution, Object.keys(dd.doc.components).filter((id) => id.startsWith('HX'))), ...pinchHolds(dDesign.solution, recuperated ? ['REC'] : [])];
  const mC = cDesign.massFlow;
  const mD = dDesign.massFlow;

  // ——— sizes and the empty state ———
  const hpVolume = HP.volume as number;
  // the HP store's working window: filled from its lowest pressure at Tcool with CO2 at Tcool and an insulated wall,
  // its contents are compressed and warm up (u M = u₀ M₀ + h_in (M − M₀)), so it holds far less at its highest
  // pressure than at Tcool — dense CO2 near its critical temperature is that sensitive
  const empty0 = co2.tp(Tcool, HP.pressureMin);
  const M0 = hpVolume * empty0.rho;
  const pFilled = (M: number) => co2.du(M / hpVolume, (empty0.u * M0 + empty0.h * (M - M0)) / M).p;
  const Mfull = brent((M) => pFilled(M) - HP.pressureMax, M0, hpVolume * co2.tp(Tcool, HP.pressureMax).rho, { xtol: 1e-6 * M0 });
  if (!Mfull.ok) throw new RangeError(`${where}: the high-pressure store's filled mass was not found (${Mfull.reason})`);
  const massWindow = Mfull.value - M0;
  // the LP store takes the window back at the ambient temperature (its gas, cooled as it was drawn, warms again
  // through its wall during a hold), so it is sized on the isotherm; the margin covers the refill's warming
  const lpRhoMin = co2.tp(T0, LP.pressureMin).rho;
  const lpSwing = co2.tp(T0, LP.pressureMax).rho - lpRhoMin;
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
  // the LP store starts with the HP window in the middle of its range at the ambient: half the margin below for its
  // gas cooling as it is drawn, half above for the refill's warming
  const lpRange = lpVolume * lpSwing;
  if (!(lpRange > massWindow)) throw new PlantInputError(where, 'lowPressureStore.volume', lpVolume, `above ${Math.ceil((lpVolume * massWindow) / lpRange)} m3: the LP store must take back the HP store's working window (${(massWindow / 1e3).toFixed(1)} t) between ${LP.pressureMin / 1e5} and ${LP.pressureMax / 1e5} bar at the ambient`);
  const lpRho0 = lpRhoMin + (massWindow + 0.5 * (lpRange - massWindow)) / lpVolume;
  const lpStart = brent((p) => co2.tp(T0, p).rho - lpRho0, LP.pressureMin, LP.pressureMax, { xtol: 1e-6 });
  if (!lpStart.ok) throw new RangeError(`${where}: the LP store's starting pressure was not found (${lpStart.reason})`);
  lp.fill(empty, { T: T0, p: lpStart.value });
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
    solve: () => solveHoldingPinches(cDesign.network, chargeHolds),
    prepare(x, bus) {
      applyToNetwork(cDesign.network, [...chargeUpdates({ lp: lp.supplySpec(x), pHp: hp.state(x).p, Tcold: tes.map((t) => t.store.state(x, TwoTankThermalStore.COLD).T) }), { component: 'motors', set: { P: bus } }]);
      return undefined;
    },
  };
  // heat rationing: each store's medium per kg of CO2 at most what its hot tank holds over what the HP store will give
  const pEnd = Math.max(HP.pressureMin, P.expansion.throttle ? valveOut(HP.pressureMin) * 1.0001 : 0);
  const hpLeft = (x: Float64Array): number => {
    // what stays at the end: the contents expand at about constant entropy as the tank empties (its wall is insulated)
    const st = hp.state(x);
    try {
      return st.M - hpVolume * co2.ps(pEnd, st.s).rho;
    } catch {
      return Number.NaN; // the end state is not single-phase at this temperature: no allowance (the discharge stops on the two-phase store)
    }
  };
  const rationed = rationedStores({ params: stores, stores: tes.map((t) => t.store), supplies: dischargeLoops.map((l) => l.supply), stages: M, doc: dd.doc, workingFluidLeft: hpLeft });
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
    solve: (x: Float64Array) => {
      const once = () => solveHoldingPinches(dDesign.network, dischargeHolds);
      return P.expansion.heatRationing ? solveRationed(dDesign.network, 'HP-TV', rationed, x, once) : once();
    },
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
      P.expansion.heatRationing
        ? 'heat rationing: each store spends at most its hot medium above the heel per kg of CO2 the HP store still holds above its end-of-discharge mass (constant-entropy blow-down), so the reheat falls below the hot tank less the approach when the charge stored too little heat; the design discharge point shows the full reheat'
        : 'no heat rationing: the CO2 is always reheated to the hot tank less the hot-end approach; where that takes more heat per kg than a charge stores, the hot tank runs dry before the HP store is empty and repeated cycles shrink (performance() warns)',
      `HP working window ${(massWindow / 1e3).toFixed(1)} t (adiabatic filling from ${(HP.pressureMin / 1e5).toFixed(0)} bar at ${(Tcool - CELSIUS).toFixed(1)} degC) of ${(Mfull.value / 1e3).toFixed(1)} t held at ${(HP.pressureMax / 1e5).toFixed(0)} bar: the rest is cushion`,
    ],
    docs: { charge: cDesign.file, discharge: dDesign.file },
    yamlHeader: (mode) => [`Transcritical CO2 storage (chuneng template co2-transcritical), ${mode} network at its design point.`, ...FILE_NOTE],
    estimate: { chargeSeconds: massWindow / mC, dischargeSeconds: massWindow / mD },
    densityBasis: 'high- and low-pressure tanks',
    minimumLoad: { charge: P.charge.minimumLoad, discharge: P.discharge.minimumLoad },
  };
}
