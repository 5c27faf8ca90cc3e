/**
 * The differential voltage (DV) vector of the source paper ("An Advanced Differential Voltage Vector-Based Rejection
 * and Clustering Method for Enhancing Consistency in Reuse of Retired Batteries", scripts in windcookies/Sorting-and-
 * Regrouping; steps as ../shared/data/retired_lfp_cells/README.md describes them, DV steps 5–6 and
 * distance_rejection.m): the charges where the cells' dV/dQ differ most across the string (the strict local maxima
 * of the across-cell coefficient of variation) and each cell's dV/dQ there.
 */
import { mean, meanDistances, sampleStd } from './statistics.js';

/**
 * Strict local maxima, as MATLAB's findpeaks by default: ends excluded, a flat top counted once at its first
 * sample, a plateau that does not fall afterwards not a peak. Returns indices.
 */
export function localMaxima(y: ArrayLike<number>): number[] {
  const out: number[] = [];
  const n = y.length;
  let k = 1;
  while (k < n - 1) {
    if (y[k] > y[k - 1]) {
      let j = k;
      while (j + 1 < n && y[j + 1] === y[k]) j++;
      if (j + 1 < n && y[j + 1] < y[k]) out.push(k);
      k = j + 1;
    } else {
      k++;
    }
  }
  return out;
}

/** The across-cell variation of dV/dQ on the charge grid and the positions it selects. */
export interface DvVariation {
  /** Across-cell mean of dV/dQ at each grid point, V/C. */
  readonly mean: Float64Array;
  /** Coefficient of variation (sample std / mean) at each grid point. */
  readonly cv: Float64Array;
  /** Indices into the grid of the selected feature positions (strict local maxima of the min–max scaled CV). */
  readonly positions: readonly number[];
}

/** dv[c][g]: cell c at grid point g. A grid point where any cell is NaN is left out of the selection (CV NaN). */
export function dvVariation(dv: readonly Float64Array[]): DvVariation {
  const points = dv[0].length;
  const meanAt = new Float64Array(points);
  const cv = new Float64Array(points);
  const column = new Float64Array(dv.length);
  for (let g = 0; g < points; g++) {
    for (let c = 0; c < dv.length; c++) column[c] = dv[c][g];
    meanAt[g] = mean(column);
    cv[g] = sampleStd(column) / meanAt[g];
  }
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of cv) {
    if (Number.isFinite(v)) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
  }
  const scaled = cv.map((v) => (v - lo) / (hi - lo));
  return { mean: meanAt, cv, positions: localMaxima(scaled) };
}

/** Each cell's dV/dQ at the selected positions, V/C. */
export function dvVectors(dv: readonly Float64Array[], positions: readonly number[]): Float64Array[] {
  return dv.map((curve) => Float64Array.from(positions, (g) => curve[g]));
}

/** The paper's distance rejection: one pass of the three-sigma rule on each cell's mean distance to all cells. */
export interface ThreeSigmaRejection {
  /** Each cell's mean Euclidean distance to all vectors (itself included, divided by N), in the vectors' unit. */
  readonly meanDistance: Float64Array;
  /** Mean and sample standard deviation of the mean distances. */
  readonly centre: number;
  readonly spread: number;
  /** Indices of the cells whose mean distance lies outside centre ± 3 spread. */
  readonly rejected: readonly number[];
}

export function threeSigmaDistanceRejection(vectors: readonly Float64Array[]): ThreeSigmaRejection {
  const meanDistance = meanDistances(vectors);
  const centre = mean(meanDistance);
  const spread = sampleStd(meanDistance);
  const rejected: number[] = [];
  meanDistance.forEach((d, i) => {
    if (d > centre + 3 * spread || d < centre - 3 * spread) rejected.push(i);
  });
  return { meanDistance, centre, spread, rejected };
}
