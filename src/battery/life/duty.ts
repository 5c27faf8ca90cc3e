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
  /**
   * Mean C-rate over the step ending at the sample (positive = charge), 1/h. Carried for models with a charge or
   * discharge rate term; the shipped models take their rate stressor from the SOC, as their published
   * implementations do (BLAST-Lite: mean |dSOC/dt|; SAM: none).
   */
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
  checkSamples(n, time, soc, temperature, rate);
  return {
    time: Float64Array.from(time),
    soc: Float64Array.from(soc),
    temperature: Float64Array.from(temperature),
    cRate: Float64Array.from(rate),
  };
}

/**
 * makeDuty's check of every sample, in a function of its own with nothing after the loop: V8 compiles a long loop on
 * its own (on-stack replacement), and when that code held makeDuty's return, which had not yet run, each later duty
 * left it there ('insufficient type feedback', 17 times an evaluation of the Luoyang comparison).
 */
function checkSamples(n: number, time: ArrayLike<number>, soc: ArrayLike<number>, temperature: ArrayLike<number>, rate: ArrayLike<number>): void {
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(time[i]) || (i > 0 && !(time[i] > time[i - 1])))
      throw new Error(`duty time at sample ${i} is ${time[i]} s; times must be finite and strictly increasing`);
    if (!(soc[i] >= 0 && soc[i] <= 1)) throw new Error(`duty soc at sample ${i} is ${soc[i]}; valid range 0 to 1`);
    if (!(temperature[i] > 0 && Number.isFinite(temperature[i])))
      throw new Error(`duty temperature at sample ${i} is ${temperature[i]} K; must be a finite temperature above 0 K`);
    if (!Number.isFinite(rate[i])) throw new Error(`duty cRate at sample ${i} is ${rate[i]}; must be a finite number (1/h)`);
  }
}

/** (soc[k] − soc[k−1]) / Δt_h, 0 at the first sample: the mean C-rate over each step, 1/h. */
export function deriveCRate(time: ArrayLike<number>, soc: ArrayLike<number>): Float64Array {
  const out = new Float64Array(time.length);
  for (let i = 1; i < time.length; i++) out[i] = (soc[i] - soc[i - 1]) / ((time[i] - time[i - 1]) / 3600);
  return out;
}

/**
 * A year (365 days, both ends included) repeating one day's SOC profile given as knots [hour 0–24, SOC] joined
 * linearly (the reference duties' daily_soc_knots_h_soc), at a constant cell temperature, sampled every `stepHours`.
 */
export function dailyProfileDuty(knots: readonly (readonly [number, number])[], temperatureK: number, stepHours = 0.25): Duty {
  if (knots.length < 2 || knots[0][0] !== 0 || knots[knots.length - 1][0] !== 24)
    throw new Error('daily profile knots must start at hour 0 and end at hour 24');
  for (let j = 1; j < knots.length; j++) {
    if (!(knots[j][0] > knots[j - 1][0])) throw new Error(`daily profile knot ${j} at hour ${knots[j][0]} is not after hour ${knots[j - 1][0]}`);
  }
  const perDay = 24 / stepHours;
  if (!Number.isInteger(perDay)) throw new Error(`stepHours ${stepHours} does not divide a day`);
  const n = DAYS_PER_YEAR * perDay + 1;
  const time = new Float64Array(n);
  const soc = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const h = (i % perDay) * stepHours;
    time[i] = i * stepHours * 3600;
    let j = 0;
    while (j < knots.length - 2 && knots[j + 1][0] <= h) j++;
    const [h0, s0] = knots[j];
    const [h1, s1] = knots[j + 1];
    soc[i] = s0 + ((s1 - s0) * (h - h0)) / (h1 - h0);
  }
  return makeDuty(time, soc, new Float64Array(n).fill(temperatureK));
}
