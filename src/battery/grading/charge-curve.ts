/**
 * One cell's charge curve: the cumulative charge, the monotone voltage curve, its voltage levels, the differential
 * voltage dV/dQ and the incremental capacity dQ/dV.
 *
 * The steps follow the MATLAB scripts of windcookies/Sorting-and-Regrouping (firstcycle2fea.m, calculate_dvfeature.m)
 * as ../shared/data/retired_lfp_cells/README.md describes them ("What the MATLAB scripts compute", DV steps 1–4), so
 * that the DV curves agree with derived/charge_2021-11-07_dv_V_per_Ah.csv. Charges are in coulombs (A s) here; the
 * scripts' grid of whole ampere-hours is 3600 C apart.
 */

/** Seconds in an hour: an ampere-hour is 3600 C. */
export const COULOMBS_PER_AH = 3600;

/**
 * Q_k = Σ_{j≤k} I_j (t_j − t_{j−1}), C: each sample's current times the time since the previous sample, the first
 * sample given `firstInterval` (the scripts give it the nominal 5 s). A plain running sum, as the scripts' cumsum
 * (3757 terms; the reference values are this sum).
 */
export function cumulativeCharge(time: Float64Array, current: Float64Array, firstInterval: number): Float64Array {
  const q = new Float64Array(time.length);
  let sum = 0;
  for (let k = 0; k < time.length; k++) {
    sum += current[k] * (k === 0 ? firstInterval : time[k] - time[k - 1]);
    q[k] = sum;
  }
  return q;
}

/**
 * The mean of the running maximum from the start and the running minimum from the end: a non-decreasing curve
 * through the raw voltage that removes its ±1 mV jitter (DV step 2), V.
 */
export function monotoneEnvelope(v: Float64Array): Float64Array {
  const n = v.length;
  const out = new Float64Array(n);
  let max = -Infinity;
  for (let k = 0; k < n; k++) {
    max = Math.max(max, v[k]);
    out[k] = max;
  }
  let min = Infinity;
  for (let k = n - 1; k >= 0; k--) {
    min = Math.min(min, v[k]);
    out[k] = 0.5 * (out[k] + min);
  }
  return out;
}

/** The distinct levels of a non-decreasing curve and the charge read at each (DV step 3). */
export interface VoltageLevels {
  /** Distinct voltages, increasing, V. */
  readonly voltage: Float64Array;
  /** Charge assigned to each level, C. */
  readonly charge: Float64Array;
}

/**
 * Each level's first sample; for every level but the last two, moved to the floor of the midpoint (1-based, as in
 * MATLAB) between it and the next level's first sample; the charge read there.
 */
export function voltageLevels(envelope: Float64Array, q: Float64Array): VoltageLevels {
  const first: number[] = [];
  const levels: number[] = [];
  for (let k = 0; k < envelope.length; k++) {
    if (k === 0 || envelope[k] !== envelope[k - 1]) {
      levels.push(envelope[k]);
      first.push(k + 1);
    }
  }
  const n = levels.length;
  const charge = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const anchor = i < n - 2 ? Math.floor((first[i] + first[i + 1]) / 2) : first[i];
    charge[i] = q[anchor - 1];
  }
  return { voltage: Float64Array.from(levels), charge };
}

/** Linear interpolation of (x, y), x increasing, at xi; NaN outside [x_0, x_last] (numpy's interp with left/right NaN). */
export function interpolate(x: Float64Array, y: Float64Array, xi: number): number {
  const n = x.length;
  if (n === 0 || !(xi >= x[0]) || !(xi <= x[n - 1])) return NaN;
  let lo = 0;
  let hi = n - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (x[mid] <= xi) lo = mid;
    else hi = mid;
  }
  if (x[lo] === xi || lo === hi) return y[lo];
  if (x[hi] === xi) return y[hi];
  return y[lo] + ((xi - x[lo]) * (y[hi] - y[lo])) / (x[hi] - x[lo]);
}

/**
 * dV/dQ between consecutive levels, placed at the mean of their charges, interpolated linearly at `grid` (C);
 * NaN outside the levels' range (DV step 4), V/C.
 */
export function differentialVoltage(levels: VoltageLevels, grid: Float64Array): Float64Array {
  const n = levels.voltage.length - 1;
  const at = new Float64Array(n);
  const dv = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    dv[i] = (levels.voltage[i + 1] - levels.voltage[i]) / (levels.charge[i + 1] - levels.charge[i]);
    at[i] = 0.5 * (levels.charge[i] + levels.charge[i + 1]);
  }
  return grid.map((g) => interpolate(at, dv, g));
}

/** The main incremental-capacity peak of a charge curve. */
export interface IcPeak {
  /** Voltage at the peak, V. */
  readonly voltage: number;
  /** dQ/dV at the peak, C/V. */
  readonly height: number;
}

/**
 * The highest dQ/dV of a curve given by its levels: Q(V) interpolated linearly between the levels, differentiated by a
 * centred difference over ±`halfWindow` (the smoothing: a (2·halfWindow)-wide window), on a grid of `step` from the
 * lowest level + halfWindow to the highest − halfWindow. Null when the curve spans less than 2·halfWindow.
 */
export function icPeak(levels: VoltageLevels, halfWindow: number, step: number): IcPeak | null {
  const v = levels.voltage;
  const lo = v[0] + halfWindow;
  const hi = v[v.length - 1] - halfWindow;
  if (!(hi >= lo)) return null;
  let best: IcPeak | null = null;
  const count = Math.floor((hi - lo) / step + 1e-9);
  for (let i = 0; i <= count; i++) {
    const at = lo + i * step;
    const height = (interpolate(v, levels.charge, at + halfWindow) - interpolate(v, levels.charge, at - halfWindow)) / (2 * halfWindow);
    if (best === null || height > best.height) best = { voltage: at, height };
  }
  return best;
}

/**
 * The charge at which a non-decreasing curve first reaches `level`, interpolated linearly between the samples on
 * either side; null if the curve starts at or above the level (the crossing is before the record) or never reaches it.
 */
export function chargeAtVoltage(envelope: Float64Array, q: Float64Array, level: number): number | null {
  if (!(envelope[0] < level)) return null;
  for (let k = 1; k < envelope.length; k++) {
    if (envelope[k] >= level) {
      const f = (level - envelope[k - 1]) / (envelope[k] - envelope[k - 1]);
      return q[k - 1] + f * (q[k] - q[k - 1]);
    }
  }
  return null;
}
