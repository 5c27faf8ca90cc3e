/**
 * A life under a repeated duty: the model runs the one-year duty again and again until its age passes N years,
 * and capacity, resistance and equivalent full cycles are read at 365·y days by linear interpolation between the
 * model's updates (../shared/reference/battery meta.conventions). Years to 80 % and 70 %: the first time q falls
 * to the threshold, linearly interpolated between updates; null when not reached within N years.
 */
import { DAYS_PER_YEAR, type Duty } from './duty.js';
import { describeValidity, type LifeModel, type LifeSnapshot } from './model.js';

export interface LifeResult {
  /** The model's id. */
  readonly model: string;
  /** Relative capacity at the end of each year, year 0 first (N + 1 values), –. */
  readonly capacity: number[];
  /** Relative DC resistance at the end of each year, year 0 first; null when the model has no resistance state. */
  readonly resistance: number[] | null;
  /** Years until q ≤ 0.80, or null if not within the years simulated. */
  readonly yearsTo80: number | null;
  /** Years until q ≤ 0.70, or null if not within the years simulated. */
  readonly yearsTo70: number | null;
  /** Equivalent full cycles at the end of each year, year 0 first, –. */
  readonly equivalentFullCycles: number[];
}

/** The model's updates as parallel arrays. */
export interface LifeHistory {
  readonly tDays: number[];
  readonly q: number[];
  readonly r: number[];
  readonly efc: number[];
}

/** Runs `model` from the beginning of life under `duty` repeated for `years` years. */
export function lifeUnderDuty(model: LifeModel, duty: Duty, years: number): LifeResult {
  if (!Number.isInteger(years) || years < 1 || years > 100) throw new Error(`years is ${years}; give a whole number from 1 to 100`);
  const history = simulateLife(model, duty, years * DAYS_PER_YEAR);
  const at = (series: number[], y: number) => interpolateAt(history.tDays, series, y * DAYS_PER_YEAR);
  const yearsList = Array.from({ length: years + 1 }, (_, y) => y);
  return {
    model: model.info.id,
    capacity: yearsList.map((y) => at(history.q, y)),
    resistance: model.info.hasResistance ? yearsList.map((y) => at(history.r, y)) : null,
    yearsTo80: yearsToCapacity(history, 0.8, years),
    yearsTo70: yearsToCapacity(history, 0.7, years),
    equivalentFullCycles: yearsList.map((y) => at(history.efc, y)),
  };
}

/** Every update of the model from the beginning of life until its age reaches `days`. */
export function simulateLife(model: LifeModel, duty: Duty, days: number): LifeHistory {
  model.reset();
  const h: LifeHistory = { tDays: [], q: [], r: [], efc: [] };
  const record = (s: LifeSnapshot) => {
    h.tDays.push(s.tDays);
    h.q.push(s.q);
    h.r.push(s.r);
    h.efc.push(s.efc);
  };
  record(lifeSnapshot(model));
  advanceTo(model, duty, days, record);
  return h;
}

/** The model's present state. */
export function lifeSnapshot(model: LifeModel): LifeSnapshot {
  return { tDays: model.tDays, q: model.q, r: model.r ?? Number.NaN, efc: model.efc };
}

/**
 * Advances the model from its present state until its age reaches `untilDays`, repeating `duty` as often as needed
 * (partly, at the end), and returns the state there. For a plant whose dispatch changes from year to year, call it
 * once a year with that year's duty and 365·(y + 1): a model's pass over a year of duty need not age it 365 days
 * (BLAST-Lite's slices skip the step between them: ~361 days on 15-minute samples, ~350 on hourly ones).
 */
export function advanceTo(model: LifeModel, duty: Duty, untilDays: number, record: (s: LifeSnapshot) => void = () => {}): LifeSnapshot {
  while (model.tDays < untilDays) {
    const before = model.tDays;
    model.runDuty(duty, untilDays, record);
    if (!(model.tDays > before)) throw new Error(`life model ${model.info.id} made no progress over the duty (age ${before} days)`);
    if (!Number.isFinite(model.q) || (model.r !== null && !Number.isFinite(model.r)))
      throw new Error(
        `life model ${model.info.id}: capacity ${model.q}, resistance ${model.r} at ${model.tDays.toFixed(1)} days; the duty drives the model outside the range where its equations hold (fitted over ${describeValidity(model.info.validity)})`,
      );
  }
  return lifeSnapshot(model);
}

/** Linear interpolation of series at x over increasing xs (ends held). */
function interpolateAt(xs: readonly number[], ys: readonly number[], x: number): number {
  const n = xs.length;
  if (x <= xs[0]) return ys[0];
  if (x >= xs[n - 1]) return ys[n - 1];
  let lo = 0;
  let hi = n - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (xs[mid] <= x) lo = mid;
    else hi = mid;
  }
  if (xs[hi] === xs[lo]) return ys[hi];
  return ys[lo] + ((ys[hi] - ys[lo]) * (x - xs[lo])) / (xs[hi] - xs[lo]);
}

/** First time q ≤ threshold, in years, linearly interpolated between updates; null if not within `years`. */
export function yearsToCapacity(history: LifeHistory, threshold: number, years: number): number | null {
  const { tDays, q } = history;
  if (q[0] <= threshold) return 0;
  for (let i = 1; i < q.length; i++) {
    if (q[i] <= threshold) {
      const t = tDays[i - 1] + ((threshold - q[i - 1]) / (q[i] - q[i - 1])) * (tDays[i] - tDays[i - 1]);
      const y = t / DAYS_PER_YEAR;
      return y <= years ? y : null;
    }
  }
  return null;
}
