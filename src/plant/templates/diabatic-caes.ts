/**
 * Diabatic CAES of the Huntorf type (intercooled compression, salt cavern, high- and low-pressure combustors
 * burning natural gas before two turbines) and, with `expansion.recuperator`, of the McIntosh type (the LP
 * turbine's exhaust preheats the cavern air).
 *
 *   charge:     air → C1 → IC1 → C2 → … → CN → aftercooler → cavern          (coolers reject to the ambient)
 *   discharge:  cavern → throttle → [recuperator, cold side] → HP combustor → HPT → LP combustor → LPT
 *               → [recuperator, hot side] → stack
 *
 * The throttle keeps the HP combustor's inlet pressure; the combustors' outlet temperatures are held; the
 * generators' power is held and the air flow follows (η_s on part-load lines). The fuel (methane, burnt completely,
 * LHV at 298.15 K) enters at the ambient temperature; its compression is not counted. Efficiency definitions:
 * efficiency.ts (η_el = E_out/E_in exceeds 1: most of the output comes from the fuel).
 *
 * Defaults: Huntorf as published (Crotogino, Mohmeyer, Scharf 2001 and secondary sources, validation case B1):
 * 60 MW compression, 290 MW generation, 310 000 m³ in two caverns at 43–70 bar, HP combustor at 42 bar; turbine
 * inlet temperatures 550 degC (HP) and 825 degC (LP) and the LP inlet pressure 11 bar as widely reported for the
 * original plant; machine efficiencies are assumptions.
 */
import { z } from 'zod';
import { PlantInputError } from '../errors.js';
import { resolveFluid } from '../fluids/resolve.js';
import type { TransientPlant } from '../transient/cycle.js';
import { OperatingPoint, readPoint, type OperatingMode } from '../transient/mode.js';
import { StoreSet, type Ambient } from '../transient/stores.js';
import {
  cavernSchema,
  checkCavern,
  checkTrain,
  COMPRESSOR_LINE,
  modePowerSchema,
  compressorTrainSchema,
  connectPath,
  designPoint,
  heatRejectionSchema,
  lossEntry,
  lossFunction,
  makeCavern,
  ratiosSchema,
  stageEfficiency,
  stageRatios,
  TURBINE_LINE,
  upstream,
  type Node,
} from './common.js';
import { applyToDoc, applyToNetwork, DocBuilder, type Update } from './doc.js';
import { flag, integer, pressureLoss, quantity } from './parameters.js';
import { DESIGN_FILE_NOTE as FILE_NOTE, type TemplateBuild } from './plant-model.js';
import type { Figure, Site } from './types.js';

const CELSIUS = 273.15;

export const DIABATIC_CAES_SCHEMA = z
  .object({
    charge: modePowerSchema('charge', { power: 60e6, minPower: 1e5, minimumLoad: 0.5, powerSource: 'Huntorf: 60 MW (case B1)' }),
    compression: z
      .object({
        stages: integer(2, 1, 8, 'intercooled compression stages', 'Huntorf: two (LP and HP compressors)'),
        pressureRatios: ratiosSchema,
        ...compressorTrainSchema({ maxStages: 8, efficiency: 0.85, efficiencySource: 'assumption (1970s machines)' }),
        intercoolerTemperature: quantity('temperature', CELSIUS + 35, { min: 250, max: 450 }, 'air temperature after each intercooler'),
        aftercoolerTemperature: quantity('temperature', CELSIUS + 50, { min: 250, max: 400 }, 'air temperature into the cavern', 'assumption (about 50 degC into salt caverns)'),
        coolerPressureLoss: pressureLoss({ kind: 'fraction', value: 0.02 }, 'air side of each cooler', 'Gasanzade et al. 2023 (2 %)'),
      })
      .strict()
      .prefault({}),
    storage: cavernSchema({ volume: 310000, volumeSource: 'Huntorf (case B1)', pressureMin: 43e5, pressureMax: 70e5, windowSource: 'Huntorf 43–70 bar (case B1; other sources 46–72 bar)' }),
    discharge: modePowerSchema('discharge', { power: 290e6, minPower: 1e5, minimumLoad: 0.25, powerSource: 'Huntorf: 290 MW originally, 321 MW since 2006 (case B1)', minimumLoadSource: 'McIntosh: efficient down to about 25 % load (case B2)' }),
    expansion: z
      .object({
        hpCombustorPressure: quantity('pressure', 42e5, { min: 2e5, max: 300e5 }, 'air pressure into the HP combustor (the throttle holds it)', 'Huntorf: 42 bar (case B1)'),
        hpTurbineInletTemperature: quantity('temperature', CELSIUS + 550, { min: 400, max: 1800 }, 'HP combustor outlet temperature', 'Huntorf, original plant (secondary literature)'),
        lpCombustorPressure: quantity('pressure', 11e5, { min: 1.5e5, max: 100e5 }, 'LP combustor inlet pressure (the HP turbine’s outlet)', 'Huntorf (secondary literature)'),
        lpTurbineInletTemperature: quantity('temperature', CELSIUS + 825, { min: 400, max: 1900 }, 'LP combustor outlet temperature', 'Huntorf, original plant (secondary literature)'),
        hpEfficiency: quantity('fraction', 0.85, { min: 0.3, max: 1 }, 'isentropic efficiency of the HP turbine'),
        lpEfficiency: quantity('fraction', 0.88, { min: 0.3, max: 1 }, 'isentropic efficiency of the LP turbine'),
        mechanicalEfficiency: quantity('fraction', 0.995, { min: 0.5, max: 1 }, 'mechanical efficiency (bearings, gear)'),
        generatorEfficiency: quantity('fraction', 0.98, { min: 0.5, max: 1 }, 'generator efficiency'),
        combustorPressureLoss: pressureLoss({ kind: 'fraction', value: 0.03 }, 'pressure loss of each combustor', 'Gasanzade et al. 2023 (3 %)'),
        recuperator: flag(false, 'preheat the cavern air with the LP exhaust (McIntosh type)'),
        recuperatorEffectiveness: quantity('fraction', 0.75, { min: 0.05, max: 0.98 }, 'recuperator effectiveness Q/Q_max'),
        recuperatorPressureLoss: pressureLoss({ kind: 'fraction', value: 0.02 }, 'each side of the recuperator', 'Gasanzade et al. 2023 (2 %)'),
        fuelTemperature: quantity('temperature', CELSIUS + 15, { min: 250, max: 400 }, 'natural gas (methane) temperature at the combustors'),
      })
      .strict()
      .prefault({}),
    referenceEfficiency: quantity('fraction', 0.55, { min: 0.1, max: 0.7 }, 'efficiency of a reference power plant for the fuel-based efficiency figures', 'assumption (a combined-cycle plant)'),
    heatRejection: heatRejectionSchema,
  })
  .strict();

export type DiabaticCaesParams = z.infer<typeof DIABATIC_CAES_SCHEMA>;

export function diabaticCaes(P: DiabaticCaesParams, site: Site): TemplateBuild {
  const T0 = site.ambientTemperature;
  const p0 = site.ambientPressure ?? 101325;
  const ambient: Ambient = { T: T0, p: p0 };
  const where = 'diabatic-caes';
  const S = P.storage;
  checkCavern(where, S);
  const N = P.compression.stages;
  const C = P.compression;
  const E = P.expansion;
  checkTrain(where, 'compression', C, N);
  const cavern = S.kind === 'cavern';
  const pLow = cavern ? S.pressureMin : S.pressure;
  const pHigh = cavern ? S.pressureMax : S.pressure;
  const pDesign = 0.5 * (pLow + pHigh);
  const Tw = S.wallTemperature;
  const ccLoss = lossFunction(lossEntry(E.combustorPressureLoss, E.hpCombustorPressure));
  const recLoss = lossFunction(lossEntry(E.recuperatorPressureLoss, E.hpCombustorPressure));
  const valveOut = E.recuperator ? upstream(E.hpCombustorPressure, [recLoss]) : E.hpCombustorPressure;
  if (!(valveOut < pHigh)) throw new PlantInputError(where, 'expansion.hpCombustorPressure', E.hpCombustorPressure, `a pressure whose throttle setting (${(valveOut / 1e5).toFixed(3)} bar) is below the cavern's highest pressure (${pHigh / 1e5} bar)`);
  if (!(E.lpCombustorPressure < ccLoss(E.hpCombustorPressure))) throw new PlantInputError(where, 'expansion.lpCombustorPressure', E.lpCombustorPressure, `below the HP turbine inlet (${(ccLoss(E.hpCombustorPressure) / 1e5).toFixed(3)} bar)`);
  const air = resolveFluid('Air');
  const hRefAbs = air.hTP(T0, p0, 0) + (air.formationOffset(0) ?? 0);
  const coolerLoss = lossFunction(lossEntry(C.coolerPressureLoss, pDesign));
  const compressors = Array.from({ length: N }, (_, k) => `C${k + 1}`);

  const chargeUpdates = (pCavern: number): Update[] => {
    const pLast = upstream(pCavern, [coolerLoss]);
    const ratios = stageRatios(p0, pLast, N, Array.from({ length: N - 1 }, () => [coolerLoss]), C.pressureRatios);
    const u: Update[] = [{ component: 'cavern', set: { p: pCavern } }];
    for (let k = 0; k < N - 1; k++) u.push({ component: `C${k + 1}`, set: { pr: ratios[k] } });
    return u;
  };

  // ——— charge ———
  const cd = new DocBuilder('Diabatic CAES — charge', 'Intercooled compression into a salt cavern; the coolers reject to the ambient.', ambient);
  cd.add('air', { type: 'source', fluid: 'Air' });
  const cPath: Node[] = [{ id: 'air' }];
  const specs: Record<number, { p?: number; T?: number }> = { 0: { p: p0, T: T0 } };
  for (let k = 1; k <= N; k++) {
    cd.add(`C${k}`, { type: 'compressor', eta_s: stageEfficiency(C, k - 1), eta_mech: C.mechanicalEfficiency, eta_el: C.motorEfficiency, ...(k < N ? { pr: 2 } : {}) });
    const cooler = k < N ? `IC${k}` : 'AC';
    cd.add(cooler, { type: 'cooler', ...lossEntry(C.coolerPressureLoss, pDesign), sink: 'ambient' });
    cPath.push({ id: `C${k}` }, { id: cooler });
    specs[cPath.length - 1] = { T: k < N ? C.intercoolerTemperature : C.aftercoolerTemperature };
  }
  cd.add('cavern', { type: 'storage-vessel', fluid: 'Air', mode: 'receive', p: pDesign });
  cPath.push({ id: 'cavern' });
  connectPath(cd, cPath, specs);
  applyToDoc(cd.doc, chargeUpdates(pDesign));
  const cDesign = designPoint({
    template: where,
    mode: 'charge',
    doc: cd.doc,
    flowConnection: 'air-C1',
    trialFlow: 100,
    bus: { id: 'motors', members: compressors, power: P.charge.power, sense: 'consumed' },
    exchangers: [],
    lines: compressors.map((id) => ({ id, line: COMPRESSOR_LINE })),
  });

  // ——— discharge ———
  const dd = new DocBuilder(E.recuperator ? 'Diabatic CAES (recuperated) — discharge' : 'Diabatic CAES — discharge', 'Cavern air throttled, fired in an HP and an LP combustor before the HP and LP turbines.', ambient);
  dd.add('cavern', { type: 'storage-vessel', fluid: 'Air', mode: 'supply', p: pDesign, T: Tw });
  dd.add('TV', { type: 'valve', p_out: valveOut });
  dd.add('HPC', { type: 'combustor', ...lossEntry(E.combustorPressureLoss, E.hpCombustorPressure) });
  dd.add('HPT', { type: 'turbine', eta_s: E.hpEfficiency, eta_mech: E.mechanicalEfficiency, eta_el: E.generatorEfficiency, p_out: E.lpCombustorPressure });
  dd.add('LPC', { type: 'combustor', ...lossEntry(E.combustorPressureLoss, E.lpCombustorPressure) });
  dd.add('LPT', { type: 'turbine', eta_s: E.lpEfficiency, eta_mech: E.mechanicalEfficiency, eta_el: E.generatorEfficiency });
  dd.add('fuelHP', { type: 'source', fluid: 'Methane' });
  dd.add('fuelLP', { type: 'source', fluid: 'Methane' });
  dd.add('stack', { type: 'sink', ambient: true });
  const rec = lossEntry(E.recuperatorPressureLoss, E.hpCombustorPressure);
  if (E.recuperator) dd.add('REC', { type: 'heat-exchanger', ...('pr' in rec ? { pr1: rec.pr, pr2: rec.pr } : { dp1: rec.dp, dp2: rec.dp }), eps: E.recuperatorEffectiveness });
  const dPath: Node[] = [{ id: 'cavern' }, { id: 'TV' }, ...(E.recuperator ? [{ id: 'REC', in: 'cold_in', out: 'cold_out' }] : []), { id: 'HPC', in: 'air' }, { id: 'HPT' }, { id: 'LPC', in: 'air' }, { id: 'LPT' }, ...(E.recuperator ? [{ id: 'REC', in: 'hot_in', out: 'hot_out' }] : []), { id: 'stack' }];
  const ids = dPath.map((n) => n.id);
  const dSpecs: Record<number, { T: number }> = { [ids.indexOf('HPC')]: { T: E.hpTurbineInletTemperature }, [ids.indexOf('LPC')]: { T: E.lpTurbineInletTemperature } };
  connectPath(dd, dPath.slice(0, ids.indexOf('LPT') + 1), dSpecs);
  if (E.recuperator) {
    dd.connect('LPT-REC', 'LPT', 'REC.hot_in');
    dd.connect('REC-stack', 'REC.hot_out', 'stack');
  } else dd.connect('LPT-stack', 'LPT', 'stack');
  dd.connect('fuelHP-HPC', 'fuelHP', 'HPC.fuel', { p: E.hpCombustorPressure, T: E.fuelTemperature });
  dd.connect('fuelLP-LPC', 'fuelLP', 'LPC.fuel', { p: E.lpCombustorPressure, T: E.fuelTemperature });
  applyToDoc(dd.doc, [{ component: 'cavern', set: { p: pDesign, T: Tw } }]);
  const dDesign = designPoint({
    template: where,
    mode: 'discharge',
    doc: dd.doc,
    flowConnection: 'cavern-TV',
    trialFlow: 100,
    bus: { id: 'generators', members: ['HPT', 'LPT'], power: P.discharge.power, sense: 'delivered' },
    exchangers: [],
    lines: ['HPT', 'LPT'].map((id) => ({ id, line: TURBINE_LINE })),
  });

  // ——— stores and modes ———
  const cav = makeCavern('cavern', ambient, S);
  const set = new StoreSet([cav.store]);
  const empty = new Float64Array(set.size);
  cav.fillEmpty(empty);
  const sinks = { ambient: { fanFraction: P.heatRejection.fanPower } };
  const storeIds = new Set(['cavern']);
  const chargeMode: OperatingMode = {
    phase: 'charge',
    network: cDesign.network,
    ports: [{ store: cav.store, part: 0, connection: 'AC-cavern', sign: 1 }],
    busMembers: compressors,
    sinks,
    storeComponents: storeIds,
    fuelConnections: [],
    mainFlow: 'air-C1',
    hRefAbs,
    prepare(x, bus) {
      applyToNetwork(cDesign.network, [...chargeUpdates(cav.store.state(x).p), { component: 'motors', set: { P: bus } }]);
      return undefined;
    },
  };
  const dischargeMode: OperatingMode = {
    phase: 'discharge',
    network: dDesign.network,
    ports: [{ store: cav.store, part: 0, connection: 'cavern-TV', sign: -1 }],
    busMembers: ['HPT', 'LPT'],
    sinks,
    storeComponents: storeIds,
    fuelConnections: ['fuelHP-HPC', 'fuelLP-LPC'],
    mainFlow: 'cavern-TV',
    hRefAbs,
    prepare(x, bus) {
      const st = cav.store.state(x);
      if (st.p <= valveOut * 1.0001) return `cavern pressure ${(st.p / 1e5).toFixed(3)} bar is at the throttle setting (${(valveOut / 1e5).toFixed(3)} bar)`;
      applyToNetwork(dDesign.network, [
        { component: 'cavern', set: { p: st.p, T: st.T } },
        { component: 'generators', set: { P: bus } },
      ]);
      return undefined;
    },
  };
  const cPoint = readPoint(chargeMode, cDesign.solution, new OperatingPoint(set.size));
  const dPoint = readPoint(dischargeMode, dDesign.solution, new OperatingPoint(set.size));
  const plant: TransientPlant = {
    stores: set,
    charge: chargeMode,
    discharge: dischargeMode,
    designPower: { charge: cPoint.net, discharge: -dPoint.net },
    designAux: { charge: cPoint.aux, discharge: dPoint.aux },
    volumes: [{ basis: 'cavern (geometric volume)', volume: S.volume }],
  };
  const mC = cDesign.massFlow;
  const mD = dDesign.massFlow;
  const ds = dDesign.solution;
  const figures: Record<string, Figure> = {
    chargeNetPower: { value: cPoint.net, unit: 'W', note: 'electric power drawn at the design point, fans included' },
    dischargeNetPower: { value: -dPoint.net, unit: 'W' },
    chargeMassFlow: { value: mC, unit: 'kg/s' },
    dischargeMassFlow: { value: mD, unit: 'kg/s' },
    fuelInput: { value: dPoint.fuel, unit: 'W', note: 'LHV, both combustors' },
    heatRate: { value: dPoint.fuel / -dPoint.net, unit: 'J/J', note: 'fuel per electricity out at the design point' },
    electricityInPerOut: { value: cPoint.net / mC / (-dPoint.net / mD), unit: 'J/J', note: 'per kg of air stored and withdrawn, at the design points' },
    hpFuel: { value: ds.stream('fuelHP-HPC').m, unit: 'kg/s' },
    lpFuel: { value: ds.stream('fuelLP-LPC').m, unit: 'kg/s' },
    hpTurbinePower: { value: -(ds.component('HPT').P_el ?? 0), unit: 'W' },
    lpTurbinePower: { value: -(ds.component('LPT').P_el ?? 0), unit: 'W' },
    exhaustTemperature: { value: ds.stream(E.recuperator ? 'REC-stack' : 'LPT-stack').T, unit: 'K' },
    airMassWindow: { value: cav.massWindow, unit: 'kg' },
  };
  if (E.recuperator) figures.recuperatorDuty = { value: ds.component('REC').Q ?? 0, unit: 'W' };
  return {
    template: 'diabatic-caes',
    technology: E.recuperator ? 'diabatic CAES, recuperated (McIntosh type)' : 'diabatic CAES (Huntorf type)',
    parameters: P,
    plant,
    empty,
    primary: cav.store,
    designSolutions: { charge: cDesign.solution, discharge: ds },
    figures,
    notes: [
      `design point: cavern at ${(pDesign / 1e5).toFixed(2)} bar and ${(Tw - CELSIUS).toFixed(1)} degC; the throttle holds ${(valveOut / 1e5).toFixed(2)} bar; combustors at fixed outlet temperatures; fuel methane (LHV), its compression not counted`,
      'roundTripEfficiency is electric (E_out/E_in, above 1 here); the fuel-based figures are in performance().efficiencies',
    ],
    docs: { charge: cDesign.file, discharge: dDesign.file },
    yamlHeader: (mode) => [
      `Diabatic CAES (chuneng template diabatic-caes), ${mode} network at its design point (cavern at ${(pDesign / 1e5).toFixed(2)} bar).`,
      ...FILE_NOTE,
    ],
    estimate: { chargeSeconds: cav.massWindow / mC, dischargeSeconds: cav.massWindow / mD },
    densityBasis: 'cavern (geometric volume)',
    referenceEfficiency: P.referenceEfficiency,
    minimumLoad: { charge: P.charge.minimumLoad, discharge: P.discharge.minimumLoad },
  };
}
