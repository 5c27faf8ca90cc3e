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
import { componentQuantity } from '../core/declaration.js';
import { TURBINE } from '../components/turbine.js';
import { ABOVE_EXHAUST, compressionSchema, coolerPressureLoss, heatRejectionSchema, LOSS, modePowerSchema, recuperatorSchema, SETS, throttleSetting } from './common.js';
import { NetworkBuilder, type StreamSpec } from './doc.js';
import { pressureLoss, quantity, setting } from './parameters.js';
import { buildTemplate, siteAmbient } from './pipeline.js';
import { airReference, Cavern, cavernSchema } from './parts/cavern.js';
import { bothSides, lossEntry, lossFunction, upstream } from './parts/losses.js';
import { MachineTrain, TURBINE_LINE } from './parts/machine-train.js';
import { connectPath, type Node } from './parts/paths.js';
import type { TemplateBuild } from './plant-model.js';
import type { Site } from './types.js';

const CELSIUS = 273.15;
const where = 'diabatic-caes';

export const DIABATIC_CAES_SCHEMA = z
  .object({
    charge: modePowerSchema('charge', { power: 60e6, minPower: 1e5, minimumLoad: 0.5, powerSource: 'Huntorf: 60 MW (case B1)' }),
    compression: compressionSchema(
      { stages: 2, maxStages: 8, stagesDoc: 'intercooled compression stages', stagesSource: 'Huntorf: two (LP and HP compressors)', efficiency: 0.85, efficiencySource: 'assumption (1970s machines)' },
      {
        intercoolerTemperature: quantity('temperature', CELSIUS + 35, { min: 250, max: 450 }, 'air temperature after each intercooler'),
        aftercoolerTemperature: quantity('temperature', CELSIUS + 50, { min: 250, max: 400 }, 'air temperature into the cavern', 'assumption (about 50 degC into salt caverns)'),
        coolerPressureLoss: coolerPressureLoss(0.02, 'air side of each cooler', 'Gasanzade et al. 2023 (2 %)'),
      },
    ),
    storage: cavernSchema({ volume: 310000, volumeSource: 'Huntorf (case B1)', pressureMin: 43e5, pressureMax: 70e5, windowSource: 'Huntorf 43–70 bar (case B1; other sources 46–72 bar)' }),
    discharge: modePowerSchema('discharge', { power: 290e6, minPower: 1e5, minimumLoad: 0.25, powerSource: 'Huntorf: 290 MW originally, 321 MW since 2006 (case B1)', minimumLoadSource: 'McIntosh: efficient down to about 25 % load (case B2)' }),
    expansion: z
      .object({
        hpCombustorPressure: throttleSetting(42e5, 'air pressure into the HP combustor (the throttle holds it)', 'Huntorf: 42 bar (case B1)'),
        hpTurbineInletTemperature: quantity('temperature', CELSIUS + 550, { min: 400, max: 1800 }, 'HP combustor outlet temperature', 'Huntorf, original plant (secondary literature)'),
        lpCombustorPressure: setting(componentQuantity(TURBINE, 'p_out'), 11e5, 'LP combustor inlet pressure (the HP turbine’s outlet)', { source: 'Huntorf (secondary literature)', narrow: ABOVE_EXHAUST }),
        lpTurbineInletTemperature: quantity('temperature', CELSIUS + 825, { min: 400, max: 1900 }, 'LP combustor outlet temperature', 'Huntorf, original plant (secondary literature)'),
        hpEfficiency: setting(SETS.turbineEfficiency, 0.85, 'isentropic efficiency of the HP turbine'),
        lpEfficiency: setting(SETS.turbineEfficiency, 0.88, 'isentropic efficiency of the LP turbine'),
        mechanicalEfficiency: setting(componentQuantity(TURBINE, 'eta_mech'), 0.995, 'mechanical efficiency (bearings, gear)'),
        generatorEfficiency: setting(componentQuantity(TURBINE, 'eta_el'), 0.98, 'generator efficiency'),
        combustorPressureLoss: pressureLoss(LOSS.combustor, { kind: 'fraction', value: 0.03 }, 'pressure loss of each combustor', 'Gasanzade et al. 2023 (3 %)'),
        ...recuperatorSchema({ on: false, doc: 'preheat the cavern air with the LP exhaust (McIntosh type)', effectiveness: 0.75, loss: 0.02, lossSource: 'Gasanzade et al. 2023 (2 %)' }),
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
  const ambient = siteAmbient(site);
  const { T: T0, p: p0 } = ambient;
  const C = P.compression;
  const E = P.expansion;
  const cavern = new Cavern(where, P.storage, ambient);
  const compressors = new MachineTrain('compressor', C, C.stages).check(where, 'compression');
  const { pDesign, wallTemperature: Tw } = cavern;
  const ccLoss = lossFunction(lossEntry(E.combustorPressureLoss, E.hpCombustorPressure));
  const rec = lossEntry(E.recuperatorPressureLoss, E.hpCombustorPressure);
  const valveOut = E.recuperator ? upstream(E.hpCombustorPressure, [lossFunction(rec)]) : E.hpCombustorPressure;
  if (!(valveOut < cavern.pHigh)) throw new PlantInputError(where, 'expansion.hpCombustorPressure', E.hpCombustorPressure, `a pressure whose throttle setting (${(valveOut / 1e5).toFixed(3)} bar) is below the cavern's highest pressure (${cavern.pHigh / 1e5} bar)`);
  if (!(E.lpCombustorPressure < ccLoss(E.hpCombustorPressure))) throw new PlantInputError(where, 'expansion.lpCombustorPressure', E.lpCombustorPressure, `below the HP turbine inlet (${(ccLoss(E.hpCombustorPressure) / 1e5).toFixed(3)} bar)`);
  const coolerLoss = lossFunction(lossEntry(C.coolerPressureLoss, pDesign));
  const turbines = ['HPT', 'LPT'];

  return buildTemplate(where, P, {
    hRefAbs: airReference(ambient),
    charge() {
      const d = new NetworkBuilder('Diabatic CAES — charge', 'Intercooled compression into a salt cavern; the coolers reject to the ambient.', ambient);
      d.add('source', 'air', { fluid: 'Air' });
      const cooler = (k: number): Node[] => [{ id: d.add('cooler', k < C.stages ? `IC${k}` : 'AC', { ...lossEntry(C.coolerPressureLoss, pDesign), sink: 'ambient' }) }];
      const path: Node[] = [{ id: 'air' }, ...compressors.build(d, 2, cooler), cavern.receiver(d)];
      const specs: Record<number, StreamSpec> = { 0: { p: p0, T: T0 } };
      path.forEach((n, i) => {
        if (n.id === 'AC' || n.id.startsWith('IC')) specs[i] = { T: n.id === 'AC' ? C.aftercoolerTemperature : C.intercoolerTemperature };
      });
      connectPath(d, path, specs);
      return {
        builder: d,
        flowConnection: 'air-C1',
        bus: compressors.bus(P.charge.power),
        lines: compressors.lines(),
        design: pDesign,
        updates: (pCavern: number) => [cavern.update(pCavern), ...compressors.ratioUpdates(p0, upstream(pCavern, [coolerLoss]), [coolerLoss])],
      };
    },
    discharge() {
      const d = new NetworkBuilder(E.recuperator ? 'Diabatic CAES (recuperated) — discharge' : 'Diabatic CAES — discharge', 'Cavern air throttled, fired in an HP and an LP combustor before the HP and LP turbines.', ambient);
      cavern.supply(d);
      d.add('valve', 'TV', { p_out: valveOut });
      d.add('combustor', 'HPC', lossEntry(E.combustorPressureLoss, E.hpCombustorPressure));
      d.add('turbine', 'HPT', { eta_s: E.hpEfficiency, eta_mech: E.mechanicalEfficiency, eta_el: E.generatorEfficiency, p_out: E.lpCombustorPressure });
      d.add('combustor', 'LPC', lossEntry(E.combustorPressureLoss, E.lpCombustorPressure));
      d.add('turbine', 'LPT', { eta_s: E.lpEfficiency, eta_mech: E.mechanicalEfficiency, eta_el: E.generatorEfficiency });
      d.add('source', 'fuelHP', { fluid: 'Methane' });
      d.add('source', 'fuelLP', { fluid: 'Methane' });
      d.add('sink', 'stack', { ambient: true });
      if (E.recuperator) d.add('heat-exchanger', 'REC', { ...bothSides(rec), eps: E.recuperatorEffectiveness });
      const recuperate = (n: Node[]) => (E.recuperator ? n : []);
      const path: Node[] = [{ id: 'cavern' }, { id: 'TV' }, ...recuperate([{ id: 'REC', in: 'cold_in', out: 'cold_out' }]), { id: 'HPC', in: 'air' }, { id: 'HPT' }, { id: 'LPC', in: 'air' }, { id: 'LPT' }];
      connectPath(d, path, { [path.length - 4]: { T: E.hpTurbineInletTemperature }, [path.length - 2]: { T: E.lpTurbineInletTemperature } });
      connectPath(d, [{ id: 'LPT' }, ...recuperate([{ id: 'REC', in: 'hot_in', out: 'hot_out' }]), { id: 'stack' }]);
      d.connect('fuelHP-HPC', 'fuelHP', 'HPC.fuel', { p: E.hpCombustorPressure, T: E.fuelTemperature });
      d.connect('fuelLP-LPC', 'fuelLP', 'LPC.fuel', { p: E.lpCombustorPressure, T: E.fuelTemperature });
      return {
        builder: d,
        flowConnection: 'cavern-TV',
        bus: { id: 'generators', members: turbines, power: P.discharge.power, sense: 'delivered' },
        lines: turbines.map((id) => ({ id, line: TURBINE_LINE })),
        design: { p: pDesign, T: Tw },
        updates: (b: { p: number; T: number }) => [cavern.update(b.p, b.T)],
      };
    },
    size: () => ({
      stores: [cavern.store],
      primary: cavern.store,
      massWindow: cavern.massWindow,
      fillEmpty: cavern.fillEmpty,
      volumes: [{ basis: 'cavern (geometric volume)', volume: P.storage.volume }],
      densityBasis: 'cavern (geometric volume)',
    }),
    run: () => ({
      charge: { ports: [cavern.port('AC-cavern', 1)], boundary: (x) => cavern.store.state(x).p },
      discharge: {
        ports: [cavern.port('cavern-TV', -1)],
        fuelConnections: ['fuelHP-HPC', 'fuelLP-LPC'],
        boundary(x) {
          const st = cavern.store.state(x);
          if (st.p <= valveOut * 1.0001) return `cavern pressure ${(st.p / 1e5).toFixed(3)} bar is at the throttle setting (${(valveOut / 1e5).toFixed(3)} bar)`;
          return { p: st.p, T: st.T };
        },
      },
    }),
    describe: ({ charge, discharge, points }) => {
      const ds = discharge.solution;
      const fired = points.discharge;
      return {
        technology: E.recuperator ? 'diabatic CAES, recuperated (McIntosh type)' : 'diabatic CAES (Huntorf type)',
        figures: {
          fuelInput: { value: fired.fuel, unit: 'W', note: 'LHV, both combustors' },
          heatRate: { value: fired.fuel / -fired.net, unit: 'J/J', note: 'fuel per electricity out at the design point' },
          electricityInPerOut: { value: points.charge.net / charge.massFlow / (-fired.net / discharge.massFlow), unit: 'J/J', note: 'per kg of air stored and withdrawn, at the design points' },
          hpFuel: { value: ds.stream('fuelHP-HPC').m, unit: 'kg/s' },
          lpFuel: { value: ds.stream('fuelLP-LPC').m, unit: 'kg/s' },
          hpTurbinePower: { value: -(ds.component('HPT').P_el ?? 0), unit: 'W' },
          lpTurbinePower: { value: -(ds.component('LPT').P_el ?? 0), unit: 'W' },
          exhaustTemperature: { value: ds.stream(E.recuperator ? 'REC-stack' : 'LPT-stack').T, unit: 'K' },
          airMassWindow: { value: cavern.massWindow, unit: 'kg' },
          ...(E.recuperator ? { recuperatorDuty: { value: ds.component('REC').Q ?? 0, unit: 'W' } } : {}),
        },
        notes: [
          `design point: cavern at ${(pDesign / 1e5).toFixed(2)} bar and ${(Tw - CELSIUS).toFixed(1)} degC; the throttle holds ${(valveOut / 1e5).toFixed(2)} bar; combustors at fixed outlet temperatures; fuel methane (LHV), its compression not counted`,
          'roundTripEfficiency is electric (E_out/E_in, above 1 here); the fuel-based figures are in performance().efficiencies',
        ],
        yamlHeader: (mode) => [`Diabatic CAES (chuneng template diabatic-caes), ${mode} network at its design point (cavern at ${(pDesign / 1e5).toFixed(2)} bar).`],
        referenceEfficiency: P.referenceEfficiency,
      };
    },
  });
}
