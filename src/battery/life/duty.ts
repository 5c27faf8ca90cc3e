/**
 * A duty: one year of a cell's operation as the life models see it — time, state of charge (of the present, aged
 * capacity: the profile is kept as given while the cell ages), cell temperature and C-rate, sampled at the same
 * instants. The year is repeated to make a life.
 */

/** One year of operation; every array has the same length (≥ 2) and the arrays are never mutated. */
export interface Duty {
  /** Time of each sample from the start, strictly increasing, s. */
  readonly time: Float64Array;
  /** State of charge of the present capacity, 0–1. */
  readonly soc: Float64Array;
  /** Cell temperature, K. */
  readonly temperature: Float64Array;
  /** Mean C-rate over the step ending at the sample (positive = charge), 1/h. */
  readonly cRate: Float64Array;
}

export const SECONDS_PER_DAY = 86400;
export const DAYS_PER_YEAR = 365;

/** Arrays as given; checks lengths, finiteness, SOC within 0–1, temperatures above 0 K and time increasing. */
export function makeDuty(
  time: ArrayLike<number>,
  soc: ArrayLike<number>,
  temperature: ArrayLike<number>,
  cRate?: ArrayLike<number>,
): Duty {
  const n = time.length;
  if (n < 2) throw new Error(`a duty needs at least 2 samples; got ${n}`);
  const check = (name: string, a: ArrayLike<number>) => {
    if (a.length !== n) throw new Error(`duty ${name} has ${a.length} samples, time has ${n}; give one value per sample`);
  };
  check('soc', soc);
  check('temperature', temperature);
  const rate = cRate ?? deriveCRate(time, soc);
  check('cRate', rate);
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(time[i]) || (i > 0 && !(time[i] > time[i - 1])))
      throw new Error(`duty time at sample ${i} is ${time[i]} s; times must be finite and strictly increasing`);
    if (!(soc[i] >= 0 && soc[i] <= 1)) throw new Error(`duty soc at sample ${i} is ${soc[i]}; valid range 0 to 1`);
    if (!(temperature[i] > 0 && Number.isFinite(temperature[i])))
      throw new Error(`duty temperature at sample ${i} is ${temperature[i]} K; must be a finite temperature above 0 K`);
    if (!Number.isFinite(rate[i])) throw new Error(`duty cRate at sample ${i} is ${rate[i]}; must be a finite number (1/h)`);
  }
  return {
    time: Float64Array.from(time),
    soc: Float64Array.from(soc),
    temperature: Float64Array.from(temperature),
    cRate: Float64Array.from(rate),
  };
}

/** (soc[k] − soc[k−1]) / Δt_h, 0 at the first sample: the mean C-rate over each step, 1/h. */
export function deriveCRate(time: ArrayLike<number>, soc: ArrayLike<number>): Float64Array {
  const out = new Float64Array(time.length);
  for (let i = 1; i < time.length; i++) out[i] = (soc[i] - soc[i - 1]) / ((time[i] - time[i - 1]) / 3600);
  return out;
}

/** Length of the duty, s. */
export function dutySpan(duty: Duty): number {
  return duty.time[duty.time.length - 1] - duty.time[0];
}
