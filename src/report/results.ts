/**
 * The data the report layer draws from, as plain JSON: results.json (`resultsJson(evaluation)`, SI units) and the
 * hourly schedule in its plain-array form (`ScheduleData`, as served over HTTP and posted by the web worker).
 */
import type { PlantEvaluation } from '../project/index.js';

export type { CnEvaluation, CnIndicator, CnStatement, CnStatementRow } from '../finance/index.js';
export type { ResultsData, ResultsPlant } from '../project/index.js';

/** A plant's hourly (per step) schedule as plain arrays; SI: price money/J, powers W, energy J. */
export interface ScheduleData {
  /** Start of the first step, ms since the epoch (UTC). */
  readonly startMs: number;
  /** s */
  readonly stepSeconds: number;
  /** The site's offset from UTC; min. */
  readonly utcOffsetMinutes: number;
  /** J */
  readonly energyCapacity: number;
  /** money/J */
  readonly price: readonly number[];
  /** Dispatched charge power. W */
  readonly charge: readonly number[];
  /** Dispatched discharge power. W */
  readonly discharge: readonly number[];
  /** Stored energy at the end of each step. J */
  readonly energy: readonly number[];
  /** What the plant model realises of the schedule (template plants). W */
  readonly plantCharge?: readonly number[];
  readonly plantDischarge?: readonly number[];
}

/** The plain-array schedule of an evaluated plant. */
export function scheduleData(p: PlantEvaluation): ScheduleData {
  const s = p.schedule;
  return {
    startMs: s.startMs,
    stepSeconds: s.stepSeconds,
    utcOffsetMinutes: s.utcOffsetMinutes,
    energyCapacity: p.performance.energyCapacity,
    price: Array.from(s.price),
    charge: Array.from(s.charge),
    discharge: Array.from(s.discharge),
    energy: Array.from(s.energy),
    ...(p.replay ? { plantCharge: Array.from(p.replay.charge), plantDischarge: Array.from(p.replay.discharge) } : {}),
  };
}

/** The powers the money is counted on: the plant model's where it replayed the schedule, the dispatch's otherwise. */
export function realisedPowers(s: ScheduleData): { readonly charge: readonly number[]; readonly discharge: readonly number[] } {
  return s.plantCharge && s.plantDischarge ? { charge: s.plantCharge, discharge: s.plantDischarge } : { charge: s.charge, discharge: s.discharge };
}
