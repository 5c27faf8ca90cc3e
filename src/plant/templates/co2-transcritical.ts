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
import { brent } from '../../numerics/roots.js';
import { PlantInputError } from '../errors.js';
import type { NetworkSolveResult } from '../network/network.js';
import { RigidVessel, TwoTankThermalStore } from '../transient/stores.js';
import { compressionSchema, coolerPressureLoss, expansionSchema, heatRejectionSchema, modePowerSchema, recuperatorSchema, thermalStoreSchema, throttleSetting } from './common.js';
import { NetworkBuilder, type StreamSpec, type Update } from './doc.js';
import { rationedStores, solveRationed } from './heat-rationing.js';
import { flag, quantity } from './parameters.js';
import { buildTemplate, siteAmbient } from './pipeline.js';
import { bothSides, chainOut, lossEntry, lossFunction, upstream } from './parts/losses.js';
import { MachineTrain } from './parts/machine-train.js';
import { connectPath, type Node } from './parts/paths.js';
import { Throttle } from './parts/throttle.js';
import { ThermalStoreChain } from './parts/thermal-stores.js';
import { adiabaticFillWindow, blowDownRemainder, tankWallArea, VesselComponent, vesselSchema } from './parts/vessel.js';
import type { TemplateBuild } from './plant-model.js';
import type { Site } from './types.js';

const CELSIUS = 273.15;
const where = 'co2-transcritical';

export const CO2_TRANSCRITICAL_SCHEMA = z
  .object({
    charge: modePowerSchema('charge', { power: 10e6, minPower: 1e4, minimumLoad: 0.4 }),
    discharge: modePowerSchema('discharge', { power: 10e6, minPower: 1e4, minimumLoad: 0.3 }),
    highPressureStore: vesselSchema({ pressureMin: 100e5, pressureMax: 200e5, volume: 2000, doc: 'volume of the high-pressure tanks', U: 0.3, wallDoc: 'wall to the ambient (insulated, assumption)' }),
    lowPressureStore: vesselSchema({ pressureMin: 8e5, pressureMax: 15e5, doc: 'volume of the low-pressure tanks', U: 5, wallDoc: 'wall to the ambient (bare steel in still air, assumption: the gas store is meant to sit at the ambient temperature, and the air warms what the draw cools)' }),
    lowPressureMargin: quantity('fraction', 1, { min: 0, max: 2 }, 'extra volume of an auto-sized low-pressure store (the refill warms its gas; the HP cushion keeps more CO2 as it cools)'),
    compression: compressionSchema(
      { stages: 2, maxStages: 6, stagesDoc: 'compression stages', efficiency: 0.88, efficiencySource: 'CAS/IET 101 MW compressor: 88.1 % (validation case C4)' },
      {
        intercooling: flag(false, 'also cool the gas to the ambient (plus the approach) between stages, after the stores'),
        coolerApproach: quantity('temperatureDifference', 10, { min: 1, max: 60 }, 'inter- and aftercooler outlet above the ambient (the HP tank’s inlet)'),
        coolerPressureLoss: coolerPressureLoss(0.01, 'gas side of each inter- and aftercooler'),
      },
    ),
    thermalStores: z
      .array(thermalStoreSchema({ name: 'hot', medium: 'Water', coldTemperature: CELSIUS + 65, pressure: 20e5 }))
      .min(1)
      .max(4)
      .prefault([
        { name: 'hot', medium: 'Water', coldTemperature: CELSIUS + 65, pressure: 20e5, pinch: 5, hotEndApproach: 8 },
        { name: 'cool', medium: 'Water', coldTemperature: CELSIUS + 30, pressure: 5e5, pinch: 5, hotEndApproach: 8 },
      ]),
    expansion: expansionSchema(
      { stages: 2, maxStages: 6, stagesDoc: 'expansion stages, each reheated through the stores', efficiency: 0.9, efficiencySource: 'Gasanzade et al. 2023 (turbines 90 %)' },
      {
        ...recuperatorSchema({ on: true, doc: 'preheat the throttled CO2 with the last turbine’s exhaust before the stores', effectiveness: 0.8, loss: 0.01 }),
        heatRationing: flag(true, 'spend the stored heat in proportion to the CO2 left in the HP store: the reheat falls below the hot tank less the approach when the charge stored too little heat, and the hot tanks and the HP store run out together (heat-rationing.ts)'),
        throttle: flag(false, 'throttle the HP store to a fixed turbine inlet pressure (else the turbines slide with it)'),
        turbineInletPressure: throttleSetting(95e5, 'turbine inlet pressure behind the throttle'),
        postCoolerApproach: quantity('temperatureDifference', 5, { min: 0, max: 60 }, 'gas back to the LP store at the ambient plus this (a dry cooler; it heats from the ambient when the exhaust is colder)'),
        coolerPressureLoss: coolerPressureLoss(0.01, 'gas side of the post-cooler'),
      },
    ),
    heatRejection: heatRejectionSchema,
  })
  .strict();

export type Co2TranscriticalParams = z.infer<typeof CO2_TRANSCRITICAL_SCHEMA>;

type ChargeBoundary = { lp: { p: number; T?: number; Q?: number }; pHp: number; Tcold: readonly number[] };
type DischargeBoundary = { pHp: number; Thp: number; pLp: number; Thot: readonly number[] };

export function co2Transcritical(P: Co2TranscriticalParams, site: Site): TemplateBuild {
  const ambient = siteAmbient(site);
  const { T: T0, p: p0 } = ambient;
  const C = P.compression;
  const E = P.expansion;
  const HP = P.highPressureStore;
  const LP = P.lowPressureStore;
  const pHpDesign = 0.5 * (HP.pressureMin + HP.pressureMax);
  const pLpDesign = 0.5 * (LP.pressureMin + LP.pressureMax);
  const stores = new ThermalStoreChain(P.thermalStores, C.stages, E.stages, pHpDesign).check(where);
  const compressors = new MachineTrain('compressor', C, C.stages).check(where, 'compression');
  const turbines = new MachineTrain('turbine', E, E.stages).check(where, 'expansion');
  const co2 = fluid('CO2');
  checkWindows(where, P, T0, T0 < co2.critical.T ? co2.saturationAtT(T0).p : undefined);
  const Tcool = T0 + C.coolerApproach;
  const Treturn = T0 + E.postCoolerApproach;
  const icLoss = lossFunction(lossEntry(C.coolerPressureLoss, pHpDesign));
  const pcLoss = lossFunction(lossEntry(E.coolerPressureLoss, pLpDesign));
  const gasChain = stores.gasLosses();
  const between = [...gasChain, ...(C.intercooling ? [icLoss] : [])];
  const reheat = [...gasChain].reverse();
  const rec = lossEntry(E.recuperatorPressureLoss, pHpDesign);
  const recuperated = E.recuperator;
  // before the first turbine: the recuperator's cold side, then the stores; after the last: its hot side
  const firstChain = recuperated ? [lossFunction(rec), ...reheat] : reheat;
  const exhaustChain = recuperated ? [lossFunction(rec), pcLoss] : [pcLoss];
  const throttle = new Throttle(E.throttle ? E.turbineInletPressure : undefined, firstChain);
  if (throttle.setting !== undefined && !(throttle.setting < HP.pressureMax)) throw new PlantInputError(where, 'expansion.turbineInletPressure', E.turbineInletPressure, `below the HP store's highest pressure (${HP.pressureMax / 1e5} bar) less the reheaters' losses`);
  if (E.throttle && !(E.turbineInletPressure > upstream(LP.pressureMax, exhaustChain))) throw new PlantInputError(where, 'expansion.turbineInletPressure', E.turbineInletPressure, `above the LP store's highest pressure (${LP.pressureMax / 1e5} bar)`);

  const chargeUpdates = (s: ChargeBoundary): Update[] => [
    lpTank.supplyUpdate(s.lp),
    hpTank.update(s.pHp),
    ...compressors.ratioUpdates(s.lp.p, upstream(s.pHp, [...gasChain, icLoss]), between),
    ...stores.tankUpdates(s.Tcold),
  ];
  const dischargeUpdates = (s: DischargeBoundary): Update[] => [
    hpTank.update(s.pHp, s.Thp),
    lpTank.update(s.pLp),
    ...turbines.ratioUpdates(E.throttle ? E.turbineInletPressure : chainOut(s.pHp, firstChain), upstream(s.pLp, exhaustChain), reheat),
    ...stores.tankUpdates(s.Thot),
  ];
  const [hpTank, lpTank] = [new VesselComponent('HP', 'CO2'), new VesselComponent('LP', 'CO2')];
  const cooler = (d: NetworkBuilder, id: string, loss: typeof C.coolerPressureLoss, p: number): Node => ({ id: d.add('cooler', id, { ...lossEntry(loss, p), sink: 'ambient' }) });
  let cPath: Node[] = [];
  let dPath: Node[] = [];
  let massWindow = 0;
  let Mfull = 0;

  return buildTemplate(where, P, {
    hRefAbs: 0,
    charge() {
      const d = new NetworkBuilder('Transcritical CO2 storage — charge', 'CO2 gas from the low-pressure store compressed into the supercritical high-pressure store; the heat of compression goes into thermal stores.', ambient);
      lpTank.add(d, { mode: 'supply', p: pLpDesign, T: T0 });
      const after = (k: number) => [...stores.chargeExchangers(d, k), ...(k < C.stages && C.intercooling ? [cooler(d, `IC${k}`, C.coolerPressureLoss, pHpDesign)] : [])];
      cPath = [{ id: 'LP' }, ...compressors.build(d, 1.5, after), cooler(d, 'AC', C.coolerPressureLoss, pHpDesign), hpTank.add(d, { mode: 'receive', p: pHpDesign })];
      const specs: Record<number, StreamSpec> = {};
      cPath.forEach((n, i) => {
        if (n.id === 'AC' || n.id.startsWith('IC')) specs[i] = { T: Tcool };
      });
      connectPath(d, cPath, specs);
      stores.addChargeLoops(d);
      const design: ChargeBoundary = { lp: { p: pLpDesign, T: T0 }, pHp: pHpDesign, Tcold: stores.coldTemperatures() };
      return { builder: d, flowConnection: 'LP-C1', bus: compressors.bus(P.charge.power), exchangers: stores.designExchangers('charge'), lines: compressors.lines(), design, updates: chargeUpdates };
    },
    discharge(charge) {
      const d = new NetworkBuilder('Transcritical CO2 storage — discharge', 'Supercritical CO2 throttled, reheated through the thermal stores, expanded and cooled back into the low-pressure store.', ambient);
      hpTank.add(d, { mode: 'supply', p: pHpDesign, T: Tcool });
      throttle.add(d);
      if (recuperated) d.add('heat-exchanger', 'REC', { ...bothSides(rec), eps: E.recuperatorEffectiveness });
      dPath = [{ id: 'HP' }, { id: 'TV' }, ...(recuperated ? [{ id: 'REC', in: 'cold_in', out: 'cold_out' }] : []), ...turbines.build(d, 0.7, (k) => stores.dischargeExchangers(d, k))];
      const tail: Node[] = [{ id: `T${E.stages}` }, ...(recuperated ? [{ id: 'REC', in: 'hot_in', out: 'hot_out' }] : []), cooler(d, 'PC', E.coolerPressureLoss, pLpDesign)];
      lpTank.add(d, { mode: 'receive', p: pLpDesign });
      connectPath(d, dPath);
      connectPath(d, [...tail, { id: 'LP' }], { [tail.length - 1]: { T: Treturn } });
      dPath.push(...tail.slice(1), { id: 'LP' });
      stores.addDischargeLoops(d, 50);
      const design = { pHp: pHpDesign, Thp: Tcool, pLp: pLpDesign, Thot: stores.hotTemperatures(charge.solution) };
      return { builder: d, flowConnection: 'HP-TV', bus: turbines.bus(P.discharge.power), exchangers: stores.designExchangers('discharge'), returns: stores.returns(), lines: turbines.lines(), design, updates: dischargeUpdates, effectivenessHolds: recuperated ? ['REC'] : [] };
    },
    size(charge) {
      const hpVolume = HP.volume as number;
      const fill = adiabaticFillWindow(where, co2, hpVolume, Tcool, HP.pressureMin, HP.pressureMax);
      Mfull = fill.full;
      massWindow = fill.full - fill.empty;
      // the LP store takes the window back at the ambient temperature (its gas, cooled as it was drawn, warms again
      // through its wall during a hold), so it is sized on the isotherm; the margin covers the refill's warming
      const lpRhoMin = co2.tp(T0, LP.pressureMin).rho;
      const lpSwing = co2.tp(T0, LP.pressureMax).rho - lpRhoMin;
      const lpVolume = LP.volume ?? (massWindow / lpSwing) * (1 + P.lowPressureMargin);
      const hp = new RigidVessel('HP', ambient, { kind: 'tank', fluid: 'CO2', volume: hpVolume, wall: { area: tankWallArea(hpVolume, HP.tanks), U: HP.heatTransferCoefficient, T: T0 }, outlet: 'liquid', pMin: HP.pressureMin, pMax: HP.pressureMax });
      const lp = new RigidVessel('LP', ambient, { kind: 'tank', fluid: 'CO2', volume: lpVolume, wall: { area: tankWallArea(lpVolume, LP.tanks), U: LP.heatTransferCoefficient, T: T0 }, outlet: 'vapour', pMin: LP.pressureMin, pMax: LP.pressureMax, fillsOnCharge: false });
      const tes = stores.size(charge.solution, massWindow / charge.massFlow, ambient);
      // the LP store starts with the HP window in the middle of its range at the ambient: half the margin below for its
      // gas cooling as it is drawn, half above for the refill's warming
      const lpRange = lpVolume * lpSwing;
      if (!(lpRange > massWindow)) throw new PlantInputError(where, 'lowPressureStore.volume', lpVolume, `above ${Math.ceil((lpVolume * massWindow) / lpRange)} m3: the LP store must take back the HP store's working window (${(massWindow / 1e3).toFixed(1)} t) between ${LP.pressureMin / 1e5} and ${LP.pressureMax / 1e5} bar at the ambient`);
      const lpRho0 = lpRhoMin + (massWindow + 0.5 * (lpRange - massWindow)) / lpVolume;
      return {
        hp,
        lp,
        tes,
        lpVolume,
        stores: [hp, lp, ...tes.stores],
        primary: hp,
        massWindow,
        fillEmpty(x: Float64Array) {
          hp.fill(x, { T: Tcool, p: HP.pressureMin });
          const lpStart = brent((p) => co2.tp(T0, p).rho - lpRho0, LP.pressureMin, LP.pressureMax, { xtol: 1e-6 });
          if (!lpStart.ok) throw new RangeError(`${where}: the LP store's starting pressure was not found (${lpStart.reason})`);
          lp.fill(x, { T: T0, p: lpStart.value });
          tes.fillEmpty(x);
        },
        restore: (x: Float64Array) => tes.restore(x, P.heatRejection.fanPower),
        volumes: [
          { basis: 'high-pressure tanks', volume: hpVolume },
          { basis: 'high- and low-pressure tanks', volume: hpVolume + lpVolume },
          { basis: 'CO2 tanks and thermal stores', volume: hpVolume + lpVolume + tes.volume },
        ],
        densityBasis: 'high- and low-pressure tanks',
      };
    },
    run({ hp, lp, tes }, { discharge }) {
      // heat rationing: each store's medium per kg of CO2 at most what its hot tank holds over what the HP store will give
      const pEnd = Math.max(HP.pressureMin, throttle.setting !== undefined ? throttle.setting * 1.0001 : 0);
      const hpLeft = blowDownRemainder(co2, HP.volume as number, pEnd, (x) => hp.state(x));
      const rationed = rationedStores({ params: stores.params, stores: tes.stores, supplies: stores.dischargeSupplies(), stages: E.stages, network: discharge.network, workingFluidLeft: hpLeft });
      return {
        charge: {
          ports: [lpTank.port(lp, 'LP-C1', -1), hpTank.port(hp, 'AC-HP', 1), ...tes.chargePorts()],
          boundary: (x) => ({ lp: lp.supplySpec(x), pHp: hp.state(x).p, Tcold: tes.temperatures(x, TwoTankThermalStore.COLD) }),
        },
        discharge: {
          ports: [hpTank.port(hp, 'HP-TV', -1), lpTank.port(lp, 'PC-LP', 1), ...tes.dischargePorts()],
          boundary(x) {
            const st = hp.state(x);
            if (!Number.isNaN(st.Q)) return `the HP store is two-phase (${(st.p / 1e5).toFixed(2)} bar, ${(st.T - CELSIUS).toFixed(2)} degC)`;
            if (throttle.atSetting(st.p)) return `HP store pressure ${(st.p / 1e5).toFixed(3)} bar is at the throttle setting (${((throttle.setting as number) / 1e5).toFixed(3)} bar)`;
            return { pHp: st.p, Thp: st.T, pLp: lp.state(x).p, Thot: tes.temperatures(x, TwoTankThermalStore.HOT) };
          },
          ...(E.heatRationing ? { solve: (x: Float64Array, once: () => NetworkSolveResult) => solveRationed(discharge.network, 'HP-TV', rationed, x, once) } : {}),
        },
      };
    },
    describe: ({ charge, discharge, sizes: { tes, lpVolume }, points }) => ({
      technology: 'transcritical compressed CO2 storage (gas LP store, supercritical HP store)',
      figures: {
        hpMassWindow: { value: massWindow, unit: 'kg' },
        lowPressureVolume: { value: lpVolume, unit: 'm3' },
        specificCompressionWork: { value: points.charge.net / charge.massFlow, unit: 'J/kg' },
        specificExpansionWork: { value: -points.discharge.net / discharge.massFlow, unit: 'J/kg' },
        ...compressors.figures(charge.solution, cPath),
        ...turbines.figures(discharge.solution, dPath),
        ...tes.figures(),
      },
      notes: [
        `design point: HP store at ${(pHpDesign / 1e5).toFixed(1)} bar, LP store at ${(pLpDesign / 1e5).toFixed(1)} bar and the ambient ${(T0 - CELSIUS).toFixed(2)} degC; stores at their cold temperature (charge) and at the design charge’s hot temperature (discharge)`,
        'both CO2 stores are rigid vessels stepped by the (ρ, u) flash; exchangers hold their design end differences off design; η_s on part-load lines (assumption)',
        E.heatRationing
          ? 'heat rationing: each store spends at most its hot medium above the heel per kg of CO2 the HP store still holds above its end-of-discharge mass (constant-entropy blow-down), so the reheat falls below the hot tank less the approach when the charge stored too little heat; the design discharge point shows the full reheat'
          : 'no heat rationing: the CO2 is always reheated to the hot tank less the hot-end approach; where that takes more heat per kg than a charge stores, the hot tank runs dry before the HP store is empty and repeated cycles shrink (performance() warns)',
        `HP working window ${(massWindow / 1e3).toFixed(1)} t (adiabatic filling from ${(HP.pressureMin / 1e5).toFixed(0)} bar at ${(Tcool - CELSIUS).toFixed(1)} degC) of ${(Mfull / 1e3).toFixed(1)} t held at ${(HP.pressureMax / 1e5).toFixed(0)} bar: the rest is cushion`,
      ],
      yamlHeader: (mode) => [`Transcritical CO2 storage (chuneng template co2-transcritical), ${mode} network at its design point.`],
    }),
  });
}

/** The two stores' pressure windows: each ordered, the LP store below the HP store and a gas store below condensation at the ambient. */
function checkWindows(where: string, P: Co2TranscriticalParams, T0: number, pSat: number | undefined): void {
  const HP = P.highPressureStore;
  const LP = P.lowPressureStore;
  for (const [s, name] of [
    [HP, 'highPressureStore'],
    [LP, 'lowPressureStore'],
  ] as const) {
    if (!(s.pressureMin < s.pressureMax)) throw new PlantInputError(where, `${name}.pressureMin`, s.pressureMin, `below ${name}.pressureMax (${s.pressureMax} Pa)`);
  }
  P.thermalStores.forEach((s, k) => {
    if (s.returnCooling && s.coldTemperature < T0) throw new PlantInputError(where, `thermalStores[${k}].coldTemperature`, s.coldTemperature, `at least the ambient ${T0} K: the trim cooler returns the store's unused medium to its cold tank with ambient air (a colder tank needs a chiller, not modelled)`);
  });
  if (!(LP.pressureMax < HP.pressureMin)) throw new PlantInputError(where, 'lowPressureStore.pressureMax', LP.pressureMax, `below highPressureStore.pressureMin (${HP.pressureMin} Pa)`);
  if (pSat !== undefined && LP.pressureMax >= 0.97 * pSat) throw new PlantInputError(where, 'lowPressureStore.pressureMax', LP.pressureMax, `below ${((0.97 * pSat) / 1e5).toFixed(2)} bar (the LP store is a gas store: CO2 condenses at ${(pSat / 1e5).toFixed(2)} bar at the ambient ${(T0 - CELSIUS).toFixed(2)} degC)`);
}
