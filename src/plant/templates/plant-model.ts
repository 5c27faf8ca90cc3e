/**
 * The PlantModel every template returns, written once over what a template builds (its stores, its two operating
 * modes, its design points and network documents):
 *   design()       the design points as built;
 *   cycle()        the charge–hold–discharge transient from the empty state (transient/cycle.ts);
 *   performance()  the periodic design cycle (a charge until a store limit, a discharge until empty, the restoring
 *                  units after it — repeated from the empty state until the stores return to where the cycle began:
 *                  periodic.ts) gives the energy capacity, durations, round-trip and exergy efficiencies; part-load
 *                  maps on a grid of state of charge × power give the curves; a 24 h hold between full charge and
 *                  discharge gives the standing loss λ = ln(E_out,0 / E_out,24h) / 24 h;
 *   replay()       a dispatch schedule through the maps (transient/replay.ts);
 *   network()      the YAML network file of a design point.
 */
import type { Solution } from '../network/solution.js';
import { runCycle, solveNet, type CycleOptions, type CycleResult, type PhaseName, type TransientPlant } from '../transient/cycle.js';
import { OperatingPoint } from '../transient/mode.js';
import { replaySchedule, type PartLoadMaps, type ReplayOptions, type ReplayResult, type ReplaySchedule } from '../transient/replay.js';
import type { Store, StoreSet } from '../transient/stores.js';
import { docToYaml, type NetworkDoc } from './doc.js';
import { efficiencyFigures } from './efficiency.js';
import { coarsePeriodicStart, cycleMismatch, type CoarseCycle, driftMessage, extrapolatePeriodic, PERIODIC_CYCLE, stalled, type Mismatch } from './periodic.js';
import { PeriodicCache } from './periodic-cache.js';
import type { DesignCycleReport, Equipment, Figure, PlantDesign, PlantModel, PlantPerformance } from './types.js';

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

interface DesignCycle {
  readonly result: CycleResult;
  readonly full: Float64Array;
  readonly snapshots: { charge: { soc: number; x: Float64Array }[]; discharge: { soc: number; x: Float64Array }[] };
  readonly massFull: number;
  readonly massEmpty: number;
  readonly step: number;
  /** How it was found, and the warning when it did not become periodic. */
  readonly report: DesignCycleReport;
  readonly warnings: readonly string[];
}

/** The periodic design cycle, hold test and part-load maps of the plants built in this process (periodic-cache.ts). */
const COMPUTED = new PeriodicCache<{ performance: PlantPerformance; maps: PartLoadMaps }>();

export class TemplatePlantModel implements PlantModel {
  readonly template: string;
  readonly technology: string;
  readonly parameters: unknown;
  private cached?: { performance: PlantPerformance; maps: PartLoadMaps };

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

  private compute(): { performance: PlantPerformance; maps: PartLoadMaps } {
    this.cached ??= this.cacheKey === undefined ? this.computeOnce() : COMPUTED.get(this.cacheKey, () => this.computeOnce());
    return this.cached;
  }

  private computeOnce(): { performance: PlantPerformance; maps: PartLoadMaps } {
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
    const e0 = this.dischargeFrom(dc.full, dc.step, dc.result.metrics.dischargeDuration);
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
    for (let i = 0; i < rows; i++) {
      for (const phase of ['charge', 'discharge'] as const) {
        const shots = dc.snapshots[phase];
        const x = nearest(shots, soc[i]);
        const mode = phase === 'charge' ? plant.charge : plant.discharge;
        const powers = phase === 'charge' ? chargePower : dischargePower;
        let aux = phase === 'charge' ? plant.designAux.charge : plant.designAux.discharge;
        for (let j = 0; j < cols; j++) {
          const r = solveNet(mode, size, x, powers[j], aux, point);
          if (!r.ok) continue;
          aux = r.point.aux;
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
    return { performance, maps };
  }

  /**
   * The periodic design cycle: a full charge at design power until a store limit, a full discharge until empty and
   * the restoring units (a basin cooler, the thermal stores' trim coolers), back to back without a hold — the
   * plant's own repeatable cycle; the standing losses of holds are the separate λ. Run from the empty state, each
   * cycle from where the last ended, until the end state agrees with the start state (periodic.ts), at most
   * PERIODIC_CYCLE.maxCycles; a search that stops converging is reported as drifting. The first cycle starts where
   * the coarse cycle (a longer step) is periodic, and each next one where the coarse cycle corrected by the last
   * cycle's defect is (periodic.ts coarsePeriodicStart); when the coarse cycles do not settle, or a corrected start
   * does worse than the one before, the search falls back to plain repetition from the empty state or the last end.
   */
  private designCycle(): DesignCycle {
    const b = this.build;
    const o = PERIODIC_CYCLE;
    const step = Math.min(600, Math.max(30, Math.max(b.estimate.chargeSeconds, b.estimate.dischargeSeconds) / 150));
    const options = { chargeSeconds: 4 * b.estimate.chargeSeconds, holdSeconds: 0, dischargeSeconds: 4 * b.estimate.dischargeSeconds, stepSeconds: step, restore: true };
    const cycles: CycleResult[] = [];
    const mismatches: Mismatch[] = [];
    const coarseOptions = { ...options, stepSeconds: step * o.coarseFactor };
    const coarseCycle = (y: Float64Array): CoarseCycle => {
      const c = runCycle(b.plant, y, coarseOptions);
      return { end: c.finalState, delivered: c.metrics.energyOut };
    };
    const stores = b.plant.stores;
    const first = coarsePeriodicStart(stores, coarseCycle, b.empty);
    // whether the next start comes from the defect-corrected coarse cycle (else plain repetition and jumps)
    let corrected = first !== undefined;
    // the defect the current start was corrected by (none: the coarse cycle's own periodic start)
    let defect: Float64Array = new Float64Array(b.empty.length);
    let x = first?.x ?? b.empty;
    // start states since the last jump (periodic.ts extrapolatePeriodic) and the mismatches since then
    let starts: Float64Array[] = [x];
    let recent: number[] = [];
    let jumps = 0;
    let beforeJump: Float64Array | undefined = first ? b.empty : undefined;
    let barren: CycleResult | undefined;
    let shots: DesignCycle['snapshots'] = { charge: [], discharge: [] };
    let full: Float64Array | undefined;
    for (let k = 0; k < o.maxCycles; k++) {
      const start = x;
      const next: DesignCycle['snapshots'] = { charge: [{ soc: b.primary.workingMass(start), x: Float64Array.from(start) }], discharge: [] };
      let top: Float64Array | undefined;
      const observe = (phase: PhaseName, y: Float64Array) => {
        if (phase === 'charge') {
          next.charge.push({ soc: b.primary.workingMass(y), x: Float64Array.from(y) });
          top = Float64Array.from(y);
        } else if (phase === 'discharge') next.discharge.push({ soc: b.primary.workingMass(y), x: Float64Array.from(y) });
      };
      let r: CycleResult;
      try {
        r = runCycle(b.plant, start, { ...options, observe });
      } catch (error) {
        // a cycle from an extrapolated or corrected start that the plant cannot run: back to plain repetition from
        // before the jump (from the empty state before the first)
        if (beforeJump === undefined) throw error;
        x = beforeJump;
        beforeJump = undefined;
        starts = [x];
        recent = [];
        if (corrected) corrected = false;
        else jumps = o.maxJumps;
        continue;
      }
      beforeJump = undefined;
      // a plant that drifts towards nothing: its last productive cycle is the one to report
      const best = cycles.reduce((m, c) => Math.max(m, c.metrics.energyOut), 0);
      if (cycles.length > 0 && !(r.metrics.energyOut > o.barrenFraction * best)) {
        barren = r;
        break;
      }
      cycles.push(r);
      mismatches.push(cycleMismatch(b.plant.stores, r));
      shots = next;
      full = top ?? Float64Array.from(start);
      const worst = mismatches[mismatches.length - 1].value;
      x = r.finalState;
      recent.push(worst);
      starts.push(x);
      if (worst <= o.tolerance || !(r.metrics.energyOut > 0)) break;
      // a corrected start that did worse than the last: plain repetition from here on
      if (corrected && mismatches.length > 1 && worst > mismatches[mismatches.length - 2].value) corrected = false;
      if (corrected) {
        const next = correctedStart(stores, start, r.finalState, defect, coarseCycle);
        if (next) {
          beforeJump = x;
          x = next.x;
          defect = next.defect;
          starts = [x];
          recent = [];
          continue;
        }
        corrected = false;
      }
      const jump = jumps < o.maxJumps ? extrapolatePeriodic(b.plant.stores, starts) : undefined;
      if (jump) {
        beforeJump = x;
        x = jump;
        starts = [jump];
        recent = [];
        jumps++;
      } else if (stalled(recent, o)) break;
    }
    const result = cycles[cycles.length - 1];
    const last = mismatches[mismatches.length - 1];
    const periodic = last.value <= o.tolerance && barren === undefined;
    const massFull = b.primary.workingMass(full ?? result.initialState);
    const massEmpty = b.primary.workingMass(result.finalState);
    // the snapshots' "soc" holds masses until the scale is known
    const ePerKg = result.metrics.energyOut / (massFull - massEmpty);
    for (const list of [shots.charge, shots.discharge]) for (const s of list) s.soc = (s.soc - massEmpty) * ePerKg;
    const report: DesignCycleReport = {
      cycles: cycles.length,
      periodic,
      tolerance: o.tolerance,
      mismatch: last.value,
      mismatchAt: `${last.where} ${last.change}`,
      roundTripEfficiencies: cycles.map((c) => c.metrics.roundTripEfficiency),
      stops: result.stops.map((s) => `${s.phase}: ${s.reason}`),
      restore: result.metrics.restoreActions,
      conservation: { mass: result.conservation.massRelative, energy: result.conservation.energyRelative },
    };
    const warnings = periodic ? [] : [driftMessage(b.template, b.plant.stores, cycles, last, o.tolerance)];
    if (barren) warnings[0] += ` The cycle after it delivered ${(barren.metrics.energyOut / 3.6e9).toPrecision(3)} MWh, next to nothing (${barren.stops.map((s) => `${s.phase}: ${s.reason}`).join('; ')}).`;
    return { result, full: full ?? Float64Array.from(result.initialState), snapshots: shots, massFull, massEmpty, step, report, warnings };
  }

  private dischargeFrom(x: Float64Array, step: number, seconds: number): number {
    return runCycle(this.build.plant, x, { chargeSeconds: 0, holdSeconds: 0, dischargeSeconds: 3 * seconds + step, stepSeconds: step }).metrics.energyOut;
  }

  /** Machines, heat exchangers and combustors from the design solutions; stores from the store list. */
  equipment(): Equipment[] {
    const b = this.build;
    const out: Equipment[] = [];
    const seen = new Set<string>();
    for (const [mode, sol] of [
      ['charge', b.designSolutions.charge],
      ['discharge', b.designSolutions.discharge],
    ] as const) {
      for (const r of sol.components()) {
        const id = `${mode}.${r.id}`;
        if (seen.has(id)) continue;
        seen.add(id);
        if (r.type === 'compressor' || r.type === 'turbine' || r.type === 'pump') {
          out.push({ id, kind: r.type, size: Math.abs(r.P_el ?? 0), unit: 'W', note: `electric power at design (shaft ${(Math.abs(r.values.P_shaft ?? 0) / 1e6).toPrecision(4)} MW)` });
        } else if (r.type === 'heat-exchanger') {
          out.push({ id, kind: 'heat-exchanger', size: Math.abs(r.Q ?? 0), unit: 'W', note: 'duty at design' });
          const UA = r.values.UA;
          if (Number.isFinite(UA)) out.push({ id: `${id}.UA`, kind: 'heat-exchanger', size: UA, unit: 'W/K', note: 'conductance at design' });
        } else if (r.type === 'cooler' || r.type === 'heater') {
          out.push({ id, kind: 'heat-exchanger', size: Math.abs(r.Q ?? 0), unit: 'W', note: `${r.type} against ${r.values.T_external !== undefined ? 'an outside sink' : 'the ambient'}: duty at design` });
        } else if (r.type === 'combustor') {
          out.push({ id, kind: 'combustor', size: r.values.thermalInput ?? 0, unit: 'W', note: 'thermal input (LHV) at design' });
        }
      }
    }
    for (const s of b.plant.stores.stores) {
      const x = b.empty;
      if (s.kind === 'cavern') out.push({ id: s.id, kind: 'cavern', size: (s as unknown as { volume: number }).volume, unit: 'm3', note: 'geometric volume' });
      else if (s.kind === 'tank') out.push({ id: s.id, kind: 'tank', size: (s as unknown as { volume: number }).volume, unit: 'm3', note: 'pressure vessel volume' });
      else if (s.kind === 'dome' || s.kind === 'compensated') {
        const o = (s as unknown as { options: { volumeMax: number } }).options;
        out.push({ id: s.id, kind: s.kind === 'dome' ? 'dome' : 'cavern', size: o.volumeMax, unit: 'm3', note: s.kind === 'dome' ? 'largest gas volume of the dome' : 'geometric volume (water-compensated)' });
      } else if (s.kind === 'thermal-store' || s.kind === 'basin') {
        let mass = 0;
        for (let k = 0; k < s.parts.length; k++) mass += s.M(x, k);
        const o = (s as unknown as { options: { tankVolume: number; medium: unknown } }).options;
        out.push({ id: s.id, kind: s.kind === 'basin' ? 'other' : 'thermal-store', size: mass, unit: 'kg', note: `medium ${JSON.stringify(o.medium)}` });
        out.push({ id: `${s.id}.tanks`, kind: 'tank', size: o.tankVolume * s.parts.length, unit: 'm3', note: s.kind === 'basin' ? 'basin volume' : `${s.parts.length} tanks of ${o.tankVolume.toPrecision(4)} m³` });
      }
    }
    if (b.extraEquipment) out.push(...b.extraEquipment);
    return out;
  }
}

function nearest(shots: readonly { soc: number; x: Float64Array }[], soc: number): Float64Array {
  let best = shots[0];
  for (const s of shots) if (Math.abs(s.soc - soc) < Math.abs(best.soc - soc)) best = s;
  return best.x;
}

/**
 * The start where the coarse cycle corrected by the defect of the design cycle from `start` (ending at `end`) is
 * periodic, and that defect; undefined where the coarse cycles do not settle. `start` is where the coarse cycle
 * corrected by `previous` is periodic (to PERIODIC_CYCLE.coarseTolerance), so its coarse twin ends at start − previous
 * and needs no cycle of its own.
 */
function correctedStart(
  stores: StoreSet,
  start: Float64Array,
  end: Float64Array,
  previous: Float64Array,
  coarseCycle: (x: Float64Array) => CoarseCycle,
): { x: Float64Array; defect: Float64Array } | undefined {
  const defect = Float64Array.from(end, (v, i) => v - (start[i] - previous[i]));
  const found = coarsePeriodicStart(stores, coarseCycle, end, defect);
  return found && { x: found.x, defect };
}
