/**
 * The periodic design cycle of a template plant (performance() reads its energy, efficiencies and maps from it):
 * the search for the start state that a full charge, discharge and restoration bring back to itself (periodic.ts).
 */
import { KahanAccumulator } from '../../numerics/index.js';
import { runCycle, type CycleResult, type PhaseName, type Stop, type TimeSeries, type TransientPlant } from '../transient/cycle.js';
import type { StoreSet } from '../transient/stores.js';
import { coarsePeriodicStart, cycleMismatch, type CoarseCycle, driftMessage, extrapolatePeriodic, PERIODIC_CYCLE, stalled, type Mismatch } from './periodic.js';
import type { TemplateBuild } from './plant-model.js';
import type { DesignCycleReport } from './types.js';
import { measureStoreBalance } from './balance.js';

/** A design cycle found, with the states performance() starts its hold test and maps from. */
export interface DesignCycle {
  readonly result: CycleResult;
  readonly full: Float64Array;
  readonly snapshots: { charge: { soc: number; x: Float64Array }[]; discharge: { soc: number; x: Float64Array }[] };
  readonly massFull: number;
  readonly massEmpty: number;
  readonly step: number;
  /** Its charge as it was run (the plant detail draws it: no new solves). */
  readonly charge: RecordedCharge;
  /** How it was found, and the warning when it did not become periodic. */
  readonly report: DesignCycleReport;
  readonly warnings: readonly string[];
}

/**
 * The charge of a cycle as it was run: its rows of the time series (phase 0, times from the start of the charge),
 * the electricity it drew, why it stopped, and the store states it left (the full state).
 */
export interface RecordedCharge {
  readonly timeseries: TimeSeries;
  /** Electricity drawn, auxiliaries included: Σ power.in · dt over its rows, as the cycle's ledger sums it. Unit: J */
  readonly energyIn: number;
  /** Unit: s */
  readonly duration: number;
  /** The time step it was run at. Unit: s */
  readonly step: number;
  readonly stops: readonly Stop[];
  readonly full: Float64Array;
}

/**
 * The charge of cycle `r`, run at time steps of `step` (its rows come first: a cycle starts with its charge), which
 * left the stores at `full`.
 */
export function recordedCharge(r: CycleResult, full: Float64Array, step: number): RecordedCharge {
  const ts = r.timeseries;
  let n = 0;
  while (n < ts.phase.length && ts.phase[n] === 0) n++;
  const channels: Record<string, { unit: string; values: Float64Array }> = {};
  for (const [k, c] of Object.entries(ts.channels)) channels[k] = { unit: c.unit, values: c.values.slice(0, n) };
  const power = channels['power.in'].values;
  const energyIn = new KahanAccumulator();
  for (let i = 0; i < n; i++) energyIn.add(power[i] * ts.dt[i]);
  return {
    timeseries: { t: ts.t.slice(0, n), dt: ts.dt.slice(0, n), phase: ts.phase.slice(0, n), channels },
    energyIn: energyIn.value,
    duration: r.metrics.chargeDuration,
    step,
    stops: r.stops.filter((s) => s.phase === 'charge'),
    full: Float64Array.from(full),
  };
}

/** A charge, a hold and a discharge as one time series, with the cycle's electricity and why each phase stopped. */
export interface HeldCycle {
  /** Rows as runCycle's: phases 0 charge, 1 hold, 2 discharge, 3 the end state; times from the start of the charge. */
  readonly timeseries: TimeSeries;
  /** Electricity drawn (the charge's and the restoring units') and delivered. Unit: J */
  readonly energyIn: number;
  readonly energyOut: number;
  /** energyOut / energyIn. Unit: - */
  readonly roundTripEfficiency: number;
  readonly stops: readonly Stop[];
}

/**
 * A recorded charge followed by a hold of `holdSeconds` (the stores' standing losses only: no solves) and a discharge
 * at design power from the state the hold leaves, of at most `dischargeSeconds` (it stops earlier at a store limit),
 * at the charge's step, and the restoring units after it as in the design cycle (their electricity is in energyIn,
 * the end row shows the stores they left): the only new solves are the discharge's. Unit: s
 */
export function heldCycle(plant: TransientPlant, charge: RecordedCharge, holdSeconds: number, dischargeSeconds: number): HeldCycle {
  const r = runCycle(plant, charge.full, { chargeSeconds: 0, holdSeconds, dischargeSeconds, stepSeconds: charge.step, restore: true });
  const [a, b] = [charge.timeseries, r.timeseries];
  // the hold and discharge times follow the charge's
  const join = <T extends Float64Array | Uint8Array>(x: T, y: T, shift = 0): T => {
    const out = new (x.constructor as new (n: number) => T)(x.length + y.length);
    out.set(x);
    for (let i = 0; i < y.length; i++) out[x.length + i] = y[i] + shift;
    return out;
  };
  const channels: Record<string, { unit: string; values: Float64Array }> = {};
  for (const [k, c] of Object.entries(b.channels)) {
    const recorded = a.channels[k];
    if (!recorded || recorded.unit !== c.unit) throw new Error(`heldCycle: the recorded charge has no channel ${k} in ${c.unit}`);
    channels[k] = { unit: c.unit, values: join(recorded.values, c.values) };
  }
  const energyIn = charge.energyIn + r.metrics.energyIn;
  const energyOut = r.metrics.energyOut;
  return {
    timeseries: { t: join(a.t, b.t, charge.duration), dt: join(a.dt, b.dt), phase: join(a.phase, b.phase), channels },
    energyIn,
    energyOut,
    roundTripEfficiency: energyIn > 0 ? energyOut / energyIn : 0,
    stops: [...charge.stops, ...r.stops],
  };
}

/**
 * The design cycle's time step: some 150 steps over the longer of the estimated full charge and discharge, between
 * 30 s and 10 min. Unit: s
 */
export function designCycleStep(estimate: TemplateBuild['estimate']): number {
  return Math.min(600, Math.max(30, Math.max(estimate.chargeSeconds, estimate.dischargeSeconds) / 150));
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
export function periodicDesignCycle(b: TemplateBuild): DesignCycle {
  const o = PERIODIC_CYCLE;
  const step = designCycleStep(b.estimate);
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
    storeBalance: measureStoreBalance(stores, { start: result.initialState, charged: full ?? result.initialState, discharged: shots.discharge.at(-1)?.x ?? full ?? result.initialState, end: result.finalState }, result, { periodic, cycle: cycles.length, tolerance: o.tolerance }),
  };
  const warnings = periodic ? [] : [driftMessage(b.template, b.plant.stores, cycles, last, o.tolerance)];
  if (barren) warnings[0] += ` The cycle after it delivered ${(barren.metrics.energyOut / 3.6e9).toPrecision(3)} MWh, next to nothing (${barren.stops.map((s) => `${s.phase}: ${s.reason}`).join('; ')}).`;
  const charged = full ?? Float64Array.from(result.initialState);
  return { result, full: charged, snapshots: shots, massFull, massEmpty, step, charge: recordedCharge(result, charged, step), report, warnings };
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
