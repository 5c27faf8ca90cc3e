/**
 * The `li-ion` plant: a lithium-ion battery plant from the full battery model (src/battery) in place of a given
 * efficiency and degradation. From its parameters (cell preset, power and energy or duration, SOC window, PCS,
 * transformer, container thermal model, life model, policy, years):
 *  (a) its PlantPerformance for dispatch and finance: part-load curves through cells, PCS and transformer at mid
 *      window and 25 °C, the cells' self-discharge, the AC round trip at rated power and the site's mean ambient;
 *  (b) its life under the project's dispatch, year by year (src/battery/plant-life.ts): each year's dispatch is
 *      given the performance of the faded plant and returns its schedule.
 *
 * The store of the performance counts deliverable electricity (as the template plants' do): energyCapacity is the
 * electricity delivered at rated power from socMax to socMin; the curves map grid power to the rate of change of
 * that store, the cells' open-circuit (chemical) energy scaled by energyCapacity / chemical energy of the window.
 */
import { cellPreset } from '../battery/cell/presets.js';
import { cellResistance, newCellPoint, openCircuitVoltage, pointAtPower } from '../battery/cell/equivalent-circuit.js';
import type { CellPreset } from '../battery/cell/types.js';
import { createLifeModel } from '../battery/life/registry.js';
import { plantLife, type PlantLifePolicy, type PlantLifeResult } from '../battery/plant-life.js';
import { ambientFromMonthlyMeans } from '../battery/system/ambient.js';
import { roundTripAt, type RoundTrip } from '../battery/system/efficiency.js';
import { layoutSystem, NAMEPLATE_TEMPERATURE, type BatterySystem } from '../battery/system/layout.js';
import { pcsDcForAc, pcsDcFromAc, transformerInputFor, transformerLoadLoss, type PcsSpec, type TransformerSpec } from '../battery/system/pcs.js';
import type { ContainerThermalSpec } from '../battery/system/thermal.js';
import type { DispatchSchedule } from '../dispatch/index.js';
import type { PlantPerformance } from './performance.js';
import type { SiteSpec } from './schema.js';
import { formatNumber } from '../units/index.js';
import { designAmbient } from './site-ambient.js';

/** The li-ion template's parameters, SI (li-ion-schema.ts parses them from a project file). */
export interface LiIonParameters {
  /** Cell preset id (src/battery/cell/presets.ts). */
  readonly cell: string;
  /** Unit: W */
  readonly power: number;
  /** Nameplate energy at the grid (or duration). Unit: J */
  readonly energy?: number;
  /** Unit: s */
  readonly duration?: number;
  readonly socMin: number;
  readonly socMax: number;
  readonly pcs?: Partial<Omit<PcsSpec, 'ratedPower'>>;
  readonly transformer?: Partial<Omit<TransformerSpec, 'rating'>>;
  readonly thermal?: Partial<ContainerThermalSpec>;
  /** Life model id (src/battery/life/registry.ts); default: the cell preset's. */
  readonly lifeModel?: string;
  readonly policy: PlantLifePolicy;
  /** Cost of added or replacement racks per nominal DC energy. Unit: money/J */
  readonly unitCost: number;
  /** Years of life to run. */
  readonly years: number;
}

export interface LiIonPlant {
  readonly system: BatterySystem;
  readonly performance: PlantPerformance;
  readonly lifeModel: string;
  /** Round trips at 0.125, 0.25 and 0.5 of the nameplate energy per hour (up to rated power), at the coldest month's, the mean and the warmest month's ambient. */
  readonly roundTrips: readonly RoundTrip[];
  /** The site's ambient over a year at `stepSeconds`: monthly means + a 10 K diurnal swing (an assumption, stated in notes). Unit: K */
  ambientYear(stepSeconds: number): Float64Array;
  /** The plant's life under the project's dispatch: `dispatchYear` gets each year's performance of the faded plant and last year's degradation cost (money/J). */
  runLife(dispatchYear: (performance: PlantPerformance, year: number, degradationCost: number) => LiIonSchedule | Promise<LiIonSchedule>): Promise<PlantLifeResult>;
  readonly notes: readonly string[];
}

/** What the life needs of a dispatch schedule: one 365-day year of grid powers (a longer year is cut to 365 days). */
export type LiIonSchedule = Pick<DispatchSchedule, 'stepSeconds' | 'charge' | 'discharge'>;

const CURVE_FRACTIONS = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1];

export function buildLiIonPlant(p: LiIonParameters, site: SiteSpec, field = 'parameters'): LiIonPlant {
  const cell = cellPreset(p.cell, `${field}.cell`);
  const lifeModel = p.lifeModel ?? cell.lifeModel;
  createLifeModel(lifeModel); // refuses an unknown id now, not in year 1
  const system = layoutSystem({ cell, power: p.power, energy: p.energy, duration: p.duration, socMin: p.socMin, socMax: p.socMax, pcs: p.pcs, transformer: p.transformer, thermal: p.thermal }, field);
  const monthly = Array.isArray(site.ambientTemperature) ? site.ambientTemperature : new Array<number>(12).fill(site.ambientTemperature);
  const mean = designAmbient(site);
  const roundTrips: RoundTrip[] = [];
  const maxRate = (system.power / system.energy) * 3600;
  for (const rate of [0.125, 0.25, 0.5].filter((r) => r <= maxRate * (1 + 1e-12))) {
    for (const T of [Math.min(...monthly), mean, Math.max(...monthly)]) roundTrips.push(roundTripAt(system, rate, T));
  }
  const rated = roundTripAt(system, maxRate, mean);
  const performance = performanceOf(system, 1, 1, rated.ac);
  const notes = [
    `${system.racks} racks of ${system.cellsPerRack} ${cell.label}s in ${system.containers} containers, ${(system.nominalEnergy / 3.6e9).toFixed(1)} MWh DC nominal for ${(system.energy / 3.6e9).toFixed(1)} MWh at the grid (SOC ${formatNumber(100 * system.socMin, 4)}–${formatNumber(100 * system.socMax, 4)} %), sized by ${system.sizedBy}`,
    'the hourly ambient is the site’s monthly means plus a 10 K diurnal swing peaking at 15:00 (an assumption)',
  ];
  const ambientYear = (stepSeconds: number) => ambientFromMonthlyMeans(monthly, stepSeconds);
  return {
    system,
    performance,
    lifeModel,
    roundTrips,
    ambientYear,
    notes,
    async runLife(dispatchYear) {
      // the first schedule fixes the step; the ambient is built for it
      const first = await dispatchYear(performance, 0, 0);
      const stepSeconds = first.stepSeconds;
      const ambient = ambientYear(stepSeconds);
      const n = ambient.length;
      const grid = (s: LiIonSchedule) => {
        if (s.stepSeconds !== stepSeconds) throw new RangeError(`li-ion life: every year's schedule needs the step of the first (${stepSeconds} s); got ${s.stepSeconds} s`);
        if (s.charge.length < n) throw new RangeError(`li-ion life: a year's schedule has ${s.charge.length} steps; one 365-day year needs ${n}`);
        const g = new Float64Array(n);
        for (let i = 0; i < n; i++) g[i] = s.discharge[i] - s.charge[i];
        return g;
      };
      return plantLife({
        system,
        years: p.years,
        stepSeconds,
        ambient,
        createLifeModel: () => createLifeModel(lifeModel),
        policy: p.policy,
        unitCost: p.unitCost,
        dispatchYear: async (year, plant) => {
          if (year === 0) return grid(first);
          const f = plant.fleet;
          const perf = performanceOf({ ...system, racks: f.racks }, f.capacityFraction, f.resistanceGrowth, plant.roundTripEfficiency || rated.ac, plant.usableEnergy);
          return grid(await dispatchYear(perf, year, plant.degradationCost));
        },
      });
    },
  };
}

/**
 * The plant's performance with its usable energy `usable` (J, default the nameplate) and relative capacity q
 * (which scales the chemical energy of the window), resistance growth r, and the given AC round trip.
 */
export function performanceOf(sys: BatterySystem, q: number, r: number, roundTripEfficiency: number, usable = sys.energy): PlantPerformance {
  const cell = sys.cell;
  const N = sys.racks * sys.cellsPerRack;
  const chem = windowChemicalEnergy(cell, sys.socMin, sys.socMax) * q * N;
  const k = usable / chem;
  const socMid = (sys.socMin + sys.socMax) / 2;
  const U = openCircuitVoltage(cell, socMid);
  const R = cellResistance(cell, socMid, NAMEPLATE_TEMPERATURE, r);
  const pt = newCellPoint();
  const chargeIn = [0], chargeOut = [0], dischargeIn = [0], dischargeOut = [0];
  for (const f of CURVE_FRACTIONS) {
    const P = f * sys.power;
    pointAtPower(U, R, -pcsDcFromAc(sys.pcs, P - transformerLoadLoss(sys.transformer, P)) / N, pt, cell.ocvHysteresis);
    chargeIn.push(P);
    chargeOut.push(-pt.current * U * N * k);
    pointAtPower(U, R, pcsDcForAc(sys.pcs, transformerInputFor(sys.transformer, P)) / N, pt, cell.ocvHysteresis);
    dischargeIn.push(pt.current * U * N * k);
    dischargeOut.push(P);
  }
  return {
    technology: `Li-ion (${cell.chemistry.split('/')[0]})`,
    chargePower: sys.power,
    dischargePower: sys.power,
    energyCapacity: usable,
    chargeCurve: { input: chargeIn, output: chargeOut },
    dischargeCurve: { input: dischargeIn, output: dischargeOut },
    standingLoss: cell.selfDischarge,
    fuelPerOutput: 0,
    roundTripEfficiency,
  };
}

/** ∫ U dQ over the SOC window of one new cell. Unit: J */
function windowChemicalEnergy(cell: CellPreset, socMin: number, socMax: number): number {
  const steps = 200;
  const d = (socMax - socMin) / steps;
  let e = 0;
  for (let i = 0; i < steps; i++) e += openCircuitVoltage(cell, socMin + (i + 0.5) * d) * d * cell.capacity;
  return e;
}
