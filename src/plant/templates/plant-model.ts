/**
 * The PlantModel every template returns, written once over what a template builds (its stores, its two operating
 * modes, its design points and network documents):
 *   design()       the design points as built;
 *   cycle()        the charge–hold–discharge transient from the empty state (transient/cycle.ts);
 *   heldCycle()    the periodic design cycle's charge as it was run, a hold, and the discharge after it (what the
 *                  plant detail draws next to the figures);
 *   performance()  the periodic design cycle (a charge until a store limit, a discharge until empty, the restoring
 *                  units after it — repeated from the empty state until the stores return to where the cycle began:
 *                  periodic.ts) gives the energy capacity, durations, round-trip and exergy efficiencies; part-load
 *                  maps on a grid of state of charge × power give the curves; a 24 h hold between full charge and
 *                  discharge gives the standing loss λ = ln(E_out,0 / E_out,24h) / 24 h;
 *   replay()       a dispatch schedule through the maps (transient/replay.ts);
 *   network()      the YAML network file of a design point.
 */
import type { Solution } from '../network/solution.js';
import { runCycle, solveNet, type CycleOptions, type CycleResult, type TransientPlant } from '../transient/cycle.js';
import { OperatingPoint } from '../transient/mode.js';
import { replaySchedule, type PartLoadMaps, type ReplayOptions, type ReplayResult, type ReplaySchedule } from '../transient/replay.js';
import type { Store } from '../transient/stores.js';
import { docToYaml, type NetworkDoc } from './doc.js';
import { efficiencyFigures } from './efficiency.js';
import { designCycleStep, heldCycle, periodicDesignCycle, type DesignCycle, type HeldCycle, type RecordedCharge } from './design-cycle.js';
import { templateEquipment } from './equipment.js';
import { PeriodicCache } from './periodic-cache.js';
import type { Equipment, Figure, PlantDesign, PlantModel, PlantPerformance } from './types.js';

/** What a template builds. */
export interface TemplateBuild {
  readonly template: string;
  readonly technology: string;
  readonly parameters: unknown;
  readonly plant: TransientPlant;
  /** Store states when empty (the start of a cycle). */
  readonly empty: Float64Array;
  /** The store whose working-fluid mass measures the state of charge (cavern, liquid tank, high-pressure tank). */
  readonly primary: Store;
  readonly designSolutions: { readonly charge: Solution; readonly discharge: Solution };
  readonly figures: Readonly<Record<string, Figure>>;
  readonly notes: readonly string[];
  /** Network documents of the design points, and the header of their YAML. */
  readonly docs: { readonly charge: NetworkDoc; readonly discharge: NetworkDoc };
  readonly yamlHeader: (mode: 'charge' | 'discharge') => readonly string[];
  /** Rough durations of a full charge and discharge at design (for the design cycle's step). Unit: s */
  readonly estimate: { readonly chargeSeconds: number; readonly dischargeSeconds: number };
  /** The main basis of energy density (one of plant.volumes). */
  readonly densityBasis: string;
  /** Items the generic list from the design solutions and stores does not cover. */
  readonly extraEquipment?: readonly Equipment[];
  /** Efficiency of a reference power plant for the fuel-based figures (diabatic CAES). Unit: - */
  readonly referenceEfficiency?: number;
  /** Minimum loads as fractions of the design net powers. Unit: - */
  readonly minimumLoad: { readonly charge: number; readonly discharge: number };
}

/** The closing lines of every design-point file's header. */
export const DESIGN_FILE_NOTE: readonly string[] = [
  'The design mass flow is fixed here (m on the first stream) and the store heat exchangers are given by their design',
  'end temperature differences (ttd_u, ttd_l): the same solution as the design point, in a form that solves from a',
  'cold start. The template itself holds the motors’ or generators’ power instead (a power-bus) and designs the',
  'exchangers for their pinch. SI units (Pa, K, W, kg/s). Edit and solve with: chuneng solve <file>',
];

/** States of charge (fractions of capacity) of the part-load maps' rows, and the columns per map. */
const MAP_ROWS = [0.02, 0.25, 0.5, 0.75, 0.98];
const MAP_COLUMNS = 4;
/** Hold of the standing-loss test. Unit: s */
const HOLD_TEST = 24 * 3600;


/** What a plant's periodic design cycle gives: its performance, its part-load maps and its charge as run. */
interface Computed {
  readonly performance: PlantPerformance;
  readonly maps: PartLoadMaps;
  readonly charge: RecordedCharge;
}

/** The periodic design cycle, hold test and part-load maps of the plants built in this process (periodic-cache.ts). */
const COMPUTED = new PeriodicCache<Computed>();

export class TemplatePlantModel implements PlantModel {
  readonly template: string;
  readonly technology: string;
  readonly parameters: unknown;
  private cached?: Computed;

  constructor(
    private readonly build: TemplateBuild,
    private readonly onProgress?: (done: number, total: number) => void,
    /** periodicCycleKey of the template, parameters and site: a plant with the same key reuses the results. */
    private readonly cacheKey?: string,
  ) {
    this.template = build.template;
    this.technology = build.technology;
    this.parameters = build.parameters;
  }

  design(): PlantDesign {
    const b = this.build;
    return { template: b.template, technology: b.technology, charge: b.designSolutions.charge, discharge: b.designSolutions.discharge, figures: b.figures, notes: b.notes };
  }

  network(mode: 'charge' | 'discharge'): string {
    if (mode !== 'charge' && mode !== 'discharge') throw new RangeError(`network: mode = ${JSON.stringify(mode)} is not valid; valid: 'charge' or 'discharge'`);
    return docToYaml(this.build.docs[mode], this.build.yamlHeader(mode));
  }

  cycle(options: CycleOptions): CycleResult {
    return runCycle(this.build.plant, this.build.empty, options);
  }

  performance(): PlantPerformance {
    return this.compute().performance;
  }

  replay(schedule: ReplaySchedule, options?: ReplayOptions): ReplayResult {
    return replaySchedule(this.compute().maps, schedule, options);
  }

  /** The part-load maps behind replay() and the curves. */
  maps(): PartLoadMaps {
    return this.compute().maps;
  }

  /**
   * The plant's own repeatable cycle with a hold: the periodic design cycle's charge as it was run (recorded with
   * it: no solves), a hold of `holdSeconds` and a discharge at design power from the state the hold leaves, at the
   * design cycle's step, of at most `dischargeSeconds` (design-cycle.ts heldCycle). Unit: s
   */
  heldCycle(holdSeconds: number, dischargeSeconds: number): HeldCycle {
    return heldCycle(this.build.plant, this.compute().charge, holdSeconds, dischargeSeconds);
  }

  private compute(): Computed {
    this.cached ??= this.cacheKey === undefined ? this.computeOnce() : COMPUTED.get(this.cacheKey, () => this.computeOnce());
    return this.cached;
  }

  private computeOnce(): Computed {
    const b = this.build;
    const plant = b.plant;
    const total = 3 + MAP_ROWS.length * 2;
    let done = 0;
    const tick = () => this.onProgress?.(++done, total);
    const dc = this.designCycle();
    tick();
    const capacity = dc.result.metrics.energyOut;
    if (!(capacity > 0)) throw new RangeError(`${b.template}: the design cycle delivers no electricity (${dc.result.stops.map((s) => `${s.phase}: ${s.reason}`).join('; ')})`);
    const ePerKg = capacity / (dc.massFull - dc.massEmpty);
    // standing loss: the same discharge after a 24 h hold
    const afterHold = runCycle(plant, dc.full, { chargeSeconds: 0, holdSeconds: HOLD_TEST, dischargeSeconds: 3 * dc.result.metrics.dischargeDuration + dc.step, stepSeconds: dc.step });
    tick();
    // without the hold it is the design cycle's own discharge (from the same full state, at the same step, until
    // the same stop; measured equal to 1e-13): run again only where that discharge ran out of time instead
    const stopped = dc.result.stops.some((s) => s.phase === 'discharge');
    const e0 = stopped ? capacity : this.dischargeFrom(dc.full, dc.step, dc.result.metrics.dischargeDuration);
    tick();
    const e1 = afterHold.metrics.energyOut;
    const standingLoss = e1 > 0 && e0 > e1 ? Math.log(e0 / e1) / HOLD_TEST : 0;
    // part-load maps
    const size = plant.stores.size;
    const rows = MAP_ROWS.length;
    const cols = MAP_COLUMNS;
    const column = (min: number, design: number) => Float64Array.from({ length: cols }, (_, j) => design * (min + ((1 - min) * j) / (cols - 1)));
    const chargePower = column(b.minimumLoad.charge, plant.designPower.charge);
    const dischargePower = column(b.minimumLoad.discharge, plant.designPower.discharge);
    const fill = new Float64Array(rows * cols).fill(NaN);
    const withdrawal = new Float64Array(rows * cols).fill(NaN);
    const fuel = new Float64Array(rows * cols).fill(NaN);
    const soc = Float64Array.from(MAP_ROWS, (f) => f * capacity);
    const primaryMass = b.primary.offset;
    const point = new OperatingPoint(size);
    // the auxiliaries each map point was solved with (W; NaN where it did not solve), for the next points' estimates
    const auxOf = { charge: new Float64Array(rows * cols).fill(NaN), discharge: new Float64Array(rows * cols).fill(NaN) };
    for (let i = 0; i < rows; i++) {
      for (const phase of ['charge', 'discharge'] as const) {
        const shots = dc.snapshots[phase];
        const x = nearest(shots, soc[i]);
        const mode = phase === 'charge' ? plant.charge : plant.discharge;
        const powers = phase === 'charge' ? chargePower : dischargePower;
        const design = { power: plant.designPower[phase], aux: plant.designAux[phase] };
        for (let j = 0; j < cols; j++) {
          const r = solveNet(mode, size, x, powers[j], auxGuess(auxOf[phase], i, j, cols, powers, design), point);
          if (!r.ok) continue;
          auxOf[phase][i * cols + j] = r.point.aux;
          const dM = r.point.rates[primaryMass];
          if (phase === 'charge') fill[i * cols + j] = dM * ePerKg;
          else {
            withdrawal[i * cols + j] = -dM * ePerKg;
            fuel[i * cols + j] = r.point.fuel;
          }
        }
        tick();
      }
    }
    const maps: PartLoadMaps = { soc, chargePower, fill, dischargePower, withdrawal, fuel, capacity, standingLoss };
    const m = dc.result.metrics;
    const mid = Math.floor(rows / 2);
    const curve = (xs: Float64Array, ys: Float64Array) => {
      const input: number[] = [];
      const output: number[] = [];
      for (let j = 0; j < cols; j++) {
        const y = ys[mid * cols + j];
        if (Number.isFinite(y)) {
          input.push(xs[j]);
          output.push(y);
        }
      }
      return { input, output };
    };
    const dischargeRow = curve(dischargePower, withdrawal);
    const main = m.energyDensity.find((d) => d.basis === b.densityBasis) ?? m.energyDensity[0];
    const performance: PlantPerformance = {
      technology: b.technology,
      chargePower: plant.designPower.charge,
      dischargePower: plant.designPower.discharge,
      energyCapacity: capacity,
      chargeCurve: curve(chargePower, fill),
      dischargeCurve: { input: dischargeRow.output, output: dischargeRow.input },
      standingLoss,
      fuelPerOutput: m.energyOut > 0 ? m.fuel / m.energyOut : 0,
      roundTripEfficiency: m.roundTripEfficiency,
      roundTripEfficiencyWithFuel: m.roundTripEfficiencyWithFuel,
      exergyEfficiency: m.exergyEfficiency,
      energyDensity: main?.value ?? NaN,
      energyDensityBasis: main?.basis ?? '',
      energyDensities: m.energyDensity,
      chargeDuration: m.chargeDuration,
      dischargeDuration: m.dischargeDuration,
      equipment: this.equipment(),
      efficiencies: efficiencyFigures(m, b.referenceEfficiency),
      designCycle: dc.report,
      warnings: dc.warnings,
    };
    return { performance, maps, charge: dc.charge };
  }

  private designCycle(): DesignCycle {
    return periodicDesignCycle(this.build);
  }

  private dischargeFrom(x: Float64Array, step: number, seconds: number): number {
    return runCycle(this.build.plant, x, { chargeSeconds: 0, holdSeconds: 0, dischargeSeconds: 3 * seconds + step, stepSeconds: step }).metrics.energyOut;
  }

  /** The periodic design cycle's time step (known before the cycle is run). Unit: s */
  designCycleStep(): number {
    return designCycleStep(this.build.estimate);
  }

  /** Machines, heat exchangers and combustors from the design solutions; stores from the store list. */
  equipment(): Equipment[] {
    return templateEquipment(this.build);
  }
}

/**
 * The estimate of the auxiliaries (W) map point (i, j) is solved from, by the points solved before it (`aux`, row by
 * row; NaN where a point did not solve): the point to its left scaled as the row before scaled between the same two
 * powers — the fans, pumps and chillers follow the power much the same way in neighbouring states — or by the ratio
 * of the powers where the row before has no such pair; a row's first point from the row before's first; the very
 * first from the design auxiliaries scaled to its power. solveNet meets the power to 1e-6 by re-solving with the
 * auxiliaries it finds; from these estimates it needs one or two solves where the left neighbour's auxiliaries alone
 * needed two to four (Luoyang plants, solves of the maps: gas-liquid CO2 120 → 83, A-CAES 80 → 61, liquid CO2 160 → 100).
 */
export function auxGuess(aux: Float64Array, i: number, j: number, cols: number, powers: Float64Array, design: { power: number; aux: number }): number {
  const at = (r: number, c: number) => (r >= 0 && c >= 0 ? aux[r * cols + c] : NaN);
  const left = at(i, j - 1);
  if (Number.isFinite(left)) {
    const scaled = (left * at(i - 1, j)) / at(i - 1, j - 1);
    // an estimate no bus could carry (auxiliaries of the order of the power itself) is not taken
    return Number.isFinite(scaled) && Math.abs(scaled) < 0.5 * powers[j] ? scaled : (left * powers[j]) / powers[j - 1];
  }
  const up = at(i - 1, j);
  return Number.isFinite(up) ? up : (design.aux * powers[j]) / design.power;
}

function nearest(shots: readonly { soc: number; x: Float64Array }[], soc: number): Float64Array {
  let best = shots[0];
  for (const s of shots) if (Math.abs(s.soc - soc) < Math.abs(best.soc - soc)) best = s;
  return best.x;
}
