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
 * Defaults are a generic large salt-cavern plant; sources per parameter (describeParameters). The cavern and its
 * wall: parts/cavern.ts; the stores: parts/thermal-stores.ts; the build: pipeline.ts.
 */
import { z } from 'zod';
import { PlantInputError } from '../errors.js';
import { TwoTankThermalStore } from '../transient/stores.js';
import { compressionSchema, coolerPressureLoss, expansionSchema, heatRejectionSchema, modePowerSchema, thermalStoreSchema, throttleSetting } from './common.js';
import { NetworkBuilder, type Update } from './doc.js';
import { flag, quantity } from './parameters.js';
import { buildTemplate, siteAmbient } from './pipeline.js';
import { airReference, Cavern, cavernSchema } from './parts/cavern.js';
import { chainOut, lossEntry, lossFunction, upstream } from './parts/losses.js';
import { MachineTrain } from './parts/machine-train.js';
import { connectPath, type Node } from './parts/paths.js';
import { Throttle } from './parts/throttle.js';
import { ThermalStoreChain } from './parts/thermal-stores.js';
import type { TemplateBuild } from './plant-model.js';
import type { Site } from './types.js';

const CELSIUS = 273.15;
const where = 'adiabatic-caes';

export const ADIABATIC_CAES_SCHEMA = z
  .object({
    charge: modePowerSchema('charge', { power: 100e6, minPower: 1e5, minimumLoad: 0.4, minimumLoadSource: 'CAS/IET 101 MW compressor tested at 38.7–118.4 % load (validation case C4)' }),
    discharge: modePowerSchema('discharge', { power: 100e6, minPower: 1e5, minimumLoad: 0.3 }),
    compression: compressionSchema(
      { stages: 3, maxStages: 8, stagesDoc: 'compression stages', stagesSource: 'Gasanzade et al. 2023 (3-stage A-CAES)', efficiency: 0.88, efficiencySource: 'CAS/IET 101 MW compressor: 88.1 % (validation case C4)' },
      {
        aftercoolerTemperature: quantity('temperature', CELSIUS + 50, { min: 250, max: 400 }, 'air temperature into the cavern', 'assumption (salt caverns take air at about 50 degC, as Huntorf)'),
        aftercoolerPressureLoss: coolerPressureLoss(0.01, 'air side of the aftercooler'),
      },
    ),
    expansion: expansionSchema(
      { stages: 3, maxStages: 8, stagesDoc: 'expansion stages, each reheated from the stores', stagesSource: 'Gasanzade et al. 2023 (3-stage expansion)', efficiency: 0.9, efficiencySource: 'Gasanzade et al. 2023 (turbines 90 %)' },
      {
        throttle: flag(true, 'throttle the cavern air to a fixed turbine inlet pressure (else the turbines slide with the cavern)'),
        turbineInletPressure: throttleSetting(46e5, 'turbine inlet pressure behind the throttle (below the cavern’s minimum less the reheaters’ losses)'),
      },
    ),
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
type ChargeBoundary = { pCavern: number; Tcold: readonly number[] };
type DischargeBoundary = { pCavern: number; Tcavern: number; Thot: readonly number[] };

export function adiabaticCaes(P: AdiabaticCaesParams, site: Site): TemplateBuild {
  const ambient = siteAmbient(site);
  const { T: T0, p: p0 } = ambient;
  const E = P.expansion;
  const cavern = new Cavern(where, P.storage, ambient);
  const { pDesign, wallTemperature: Tw } = cavern;
  const stores = new ThermalStoreChain(P.thermalStores, P.compression.stages, E.stages, pDesign).check(where);
  const compressors = new MachineTrain('compressor', P.compression, P.compression.stages).check(where, 'compression');
  const turbines = new MachineTrain('turbine', E, E.stages).check(where, 'expansion');

  // ——— losses along the gas paths ———
  const chain = stores.gasLosses();
  const acLoss = lossFunction(lossEntry(P.compression.aftercoolerPressureLoss, pDesign));
  const reheat = [...chain].reverse();
  const throttle = new Throttle(E.throttle ? E.turbineInletPressure : undefined, reheat);
  if (throttle.setting !== undefined && !(throttle.setting < cavern.pHigh)) {
    throw new PlantInputError(where, 'expansion.turbineInletPressure', E.turbineInletPressure, `a pressure whose throttle setting (${(throttle.setting / 1e5).toFixed(3)} bar before the reheaters) is below the store's highest pressure (${cavern.pHigh / 1e5} bar)`);
  }
  const chargeUpdates = (b: ChargeBoundary): Update[] => [cavern.update(b.pCavern), ...compressors.ratioUpdates(p0, upstream(b.pCavern, [...chain, acLoss]), chain), ...stores.tankUpdates(b.Tcold)];
  const dischargeUpdates = (b: DischargeBoundary): Update[] => [
    cavern.update(b.pCavern, b.Tcavern),
    ...turbines.ratioUpdates(E.throttle ? E.turbineInletPressure : chainOut(b.pCavern, reheat), p0, reheat),
    ...stores.tankUpdates(b.Thot),
  ];
  let cPath: Node[] = [];
  let dPath: Node[] = [];

  return buildTemplate(where, P, {
    hRefAbs: airReference(ambient),
    charge() {
      const d = new NetworkBuilder('Adiabatic CAES — charge', 'Intercooled compression into a cavern; the heat of compression goes into two-tank thermal stores.', ambient);
      d.add('source', 'air', { fluid: 'Air' });
      cPath = [{ id: 'air' }, ...compressors.build(d, 2, (k) => stores.chargeExchangers(d, k))];
      d.add('cooler', 'AC', { ...lossEntry(P.compression.aftercoolerPressureLoss, pDesign), sink: 'ambient' });
      cPath.push({ id: 'AC' }, cavern.receiver(d));
      connectPath(d, cPath, { 0: { p: p0, T: T0 }, [cPath.length - 2]: { T: P.compression.aftercoolerTemperature } });
      stores.addChargeLoops(d);
      const design = { pCavern: pDesign, Tcold: stores.coldTemperatures() };
      return { builder: d, flowConnection: 'air-C1', bus: compressors.bus(P.charge.power), exchangers: stores.designExchangers('charge'), lines: compressors.lines(), design, updates: chargeUpdates };
    },
    discharge(charge) {
      const d = new NetworkBuilder('Adiabatic CAES — discharge', 'Cavern air throttled, reheated from the thermal stores before every turbine, expanded to the ambient.', ambient);
      dPath = [cavern.supply(d), throttle.add(d)];
      dPath.push(...turbines.build(d, 0.5, (k) => stores.dischargeExchangers(d, k)), { id: d.add('sink', 'exhaust', { ambient: true }) });
      connectPath(d, dPath);
      stores.addDischargeLoops(d, 100);
      const design = { pCavern: pDesign, Tcavern: Tw, Thot: stores.hotTemperatures(charge.solution) };
      return { builder: d, flowConnection: 'cavern-TV', bus: turbines.bus(P.discharge.power), exchangers: stores.designExchangers('discharge'), returns: stores.returns(), lines: turbines.lines(), design, updates: dischargeUpdates };
    },
    size(charge) {
      const tes = stores.size(charge.solution, cavern.massWindow / charge.massFlow, ambient);
      return {
        tes,
        stores: [cavern.store, ...tes.stores],
        primary: cavern.store,
        massWindow: cavern.massWindow,
        fillEmpty: (x: Float64Array) => {
          cavern.fillEmpty(x);
          tes.fillEmpty(x);
        },
        restore: (x: Float64Array) => tes.restore(x, P.heatRejection.fanPower),
        volumes: [
          { basis: 'cavern (geometric volume)', volume: P.storage.volume },
          { basis: 'cavern and thermal-store tanks', volume: P.storage.volume + tes.volume },
        ],
        densityBasis: 'cavern (geometric volume)',
      };
    },
    run: ({ tes }) => ({
      charge: { ports: [cavern.port('AC-cavern', 1), ...tes.chargePorts()], boundary: (x) => ({ pCavern: cavern.store.state(x).p, Tcold: tes.temperatures(x, TwoTankThermalStore.COLD) }) },
      discharge: {
        ports: [cavern.port('cavern-TV', -1), ...tes.dischargePorts()],
        boundary(x) {
          const st = cavern.store.state(x);
          if (throttle.atSetting(st.p)) {
            return `cavern pressure ${(st.p / 1e5).toFixed(3)} bar is at the throttle setting (${((throttle.setting as number) / 1e5).toFixed(3)} bar for a turbine inlet of ${(E.turbineInletPressure / 1e5).toFixed(2)} bar)`;
          }
          return { pCavern: st.p, Tcavern: st.T, Thot: tes.temperatures(x, TwoTankThermalStore.HOT) };
        },
      },
    }),
    describe: ({ charge, discharge, sizes: { tes }, points }) => ({
      technology: P.storage.kind === 'cavern' ? 'adiabatic CAES (salt cavern, sliding pressure)' : 'adiabatic CAES (water-compensated store)',
      figures: {
        designCavernPressure: { value: pDesign, unit: 'Pa', note: 'the middle of the pressure window' },
        airMassWindow: { value: cavern.massWindow, unit: 'kg', note: P.storage.kind === 'cavern' ? 'air between the pressure limits at the wall temperature' : 'air between the cushion and the full store' },
        cavernWallArea: { value: cavern.wallArea, unit: 'm2' },
        specificCompressionWork: { value: points.charge.bus / charge.massFlow, unit: 'J/kg', note: 'motor electricity per kg of air' },
        specificExpansionWork: { value: -points.discharge.bus / discharge.massFlow, unit: 'J/kg', note: 'generator electricity per kg of air' },
        ...compressors.figures(charge.solution, cPath),
        ...turbines.figures(discharge.solution, dPath),
        ...tes.figures(),
      },
      notes: [
        `design point: cavern at ${(pDesign / 1e5).toFixed(2)} bar and ${(Tw - CELSIUS).toFixed(1)} degC (the middle of its window, at the wall temperature); stores at their cold temperature (charge) and at the hot temperature of the design charge (discharge)`,
        'compressors share the total pressure ratio at every step (variable guide vanes) or keep the ratios given; turbines keep their ratios behind the throttle; η_s follows part-load lines over m/m_design (assumption)',
        'heat exchangers: hot-end approach and internal pinch per store at the design point; off design each holds its design end temperature differences; pressure losses on both sides; a pump per store loop makes up the medium side’s losses',
        `cavern wall: ${P.storage.wallHeatTransferCoefficient} W/(m² K) over ${cavern.wallArea.toFixed(0)} m² to rock at ${(Tw - CELSIUS).toFixed(1)} degC (assumption)`,
      ],
      yamlHeader: (mode) => [
        `Adiabatic CAES (chuneng template adiabatic-caes), ${mode} network at its design point.`,
        mode === 'charge'
          ? `Cavern at ${(pDesign / 1e5).toFixed(2)} bar; thermal stores supplying their cold tanks; motors at ${(P.charge.power / 1e6).toFixed(3)} MW.`
          : `Cavern at ${(pDesign / 1e5).toFixed(2)} bar and ${(Tw - CELSIUS).toFixed(1)} degC; hot tanks at ${tes.hot.map((T) => `${(T - CELSIUS).toFixed(1)} degC`).join(', ')}; generators at ${(P.discharge.power / 1e6).toFixed(3)} MW.`,
      ],
    }),
  });
}
