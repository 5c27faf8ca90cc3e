/**
 * Sobol sensitivity indices from the outputs of a Saltelli design (saltelli.ts), with bootstrap confidence intervals.
 *
 * Estimators (f_A, f_B, f_ABi, f_BAi the outputs of the blocks, centred by the mean of f_A and f_B, which changes no
 * estimate's expectation and lowers its variance; V the variance of f_A and f_B together):
 * - first order, Saltelli et al. (2010) Table 2 (b):  S_i  = (1/n) Σ f_B (f_ABi − f_A) / V
 * - total order, Jansen (1999), Saltelli 2010 Table 2 (f): S_Ti = (1/2n) Σ (f_A − f_ABi)² / V
 * - second order (closed, minus the two first orders), Saltelli (2002) eq. 12 as in SALib:
 *   S_ij = (1/n) Σ (f_BAi f_ABj − f_A f_B) / V − S_i − S_j
 * Confidence intervals: percentile bootstrap over the n rows (resampled with replacement, seeded), the
 * (1 − c)/2 and (1 + c)/2 quantiles of the resampled estimates (type 7). The resampling treats the quasi-random
 * rows as independent, so the intervals are conservative for a Sobol design.
 */
import { percentile } from '../../../finance/montecarlo.js';
import { ProjectError } from '../../errors.js';
import { checkFinite, checkInteger, checkOutputs } from './checks.js';
import { randomInt, seededRng } from './rng.js';
import type { SaltelliDesign } from './saltelli.js';

export interface SobolIndicesOptions {
  /** Bootstrap resamples (default 1000; 0: no intervals, low = high = value). */
  readonly bootstrap?: number;
  /** Confidence level of the intervals (default 0.95). */
  readonly confidence?: number;
  /** Seed of the resampling (default 0). */
  readonly seed?: number;
}

export const SOBOL_INDICES_DEFAULTS = { bootstrap: 1000, confidence: 0.95, seed: 0 } as const;

/** An estimate with its bootstrap confidence interval. */
export interface IndexEstimate {
  readonly value: number;
  readonly low: number;
  readonly high: number;
}

export interface SobolIndices {
  /** First-order index of each parameter, in parameter order. */
  readonly first: IndexEstimate[];
  /** Total-order index of each parameter. */
  readonly total: IndexEstimate[];
  /** Second-order indices of each pair i < j (only with a second-order design). */
  readonly second?: (IndexEstimate & { readonly i: number; readonly j: number })[];
  /** Mean and variance of the output over A and B, in the output's unit (squared). */
  readonly mean: number;
  readonly variance: number;
  readonly n: number;
  readonly bootstrap: number;
  readonly confidence: number;
}

interface Point {
  first: number[];
  total: number[];
  second: number[];
}

/** The estimators over the rows `rows` (indices into 0…n−1, repeats allowed). */
function estimate(y: Float64Array, n: number, d: number, secondOrder: boolean, rows: ArrayLike<number>): Point {
  const m = rows.length;
  const at = (block: number, j: number) => y[block * n + rows[j]];
  let sum = 0;
  let sum2 = 0;
  for (let j = 0; j < m; j++) {
    sum += at(0, j) + at(1, j);
  }
  const mean = sum / (2 * m);
  for (let j = 0; j < m; j++) sum2 += (at(0, j) - mean) ** 2 + (at(1, j) - mean) ** 2;
  const V = sum2 / (2 * m);
  const first: number[] = [];
  const total: number[] = [];
  for (let i = 0; i < d; i++) {
    let s = 0;
    let t = 0;
    for (let j = 0; j < m; j++) {
      const a = at(0, j);
      const ab = at(2 + i, j);
      s += (at(1, j) - mean) * (ab - a);
      t += (a - ab) ** 2;
    }
    first.push(s / m / V);
    total.push(t / (2 * m) / V);
  }
  const second: number[] = [];
  if (secondOrder) {
    for (let i = 0; i < d; i++) {
      for (let k = i + 1; k < d; k++) {
        let s = 0;
        for (let j = 0; j < m; j++) s += (at(2 + d + i, j) - mean) * (at(2 + k, j) - mean) - (at(0, j) - mean) * (at(1, j) - mean);
        second.push(s / m / V - first[i] - first[k]);
      }
    }
  }
  return { first, total, second };
}

/** Sobol indices of one output from the outputs of a Saltelli design, in the design's row order. */
export function sobolIndices(design: SaltelliDesign, outputs: ArrayLike<number>, options: SobolIndicesOptions = {}): SobolIndices {
  const o = { ...SOBOL_INDICES_DEFAULTS, ...options };
  checkInteger('bootstrap', o.bootstrap, 0, 100_000);
  checkFinite('confidence', o.confidence, 0, 1, true);
  const { n, d, secondOrder } = design;
  checkOutputs('outputs', outputs, design.points.length);
  const y = Float64Array.from(outputs);
  const all = Array.from({ length: n }, (_, j) => j);
  const point = estimate(y, n, d, secondOrder, all);
  let variance = 0;
  let mean = 0;
  for (let j = 0; j < 2 * n; j++) mean += y[j];
  mean /= 2 * n;
  for (let j = 0; j < 2 * n; j++) variance += (y[j] - mean) ** 2;
  variance /= 2 * n;
  if (!(variance > 0)) throw new ProjectError('outputs', 'constant over A and B', 'outputs that vary (Sobol indices divide by their variance)');

  const samples: Point[] = [];
  const rng = seededRng(o.seed);
  const rows = new Int32Array(n);
  for (let b = 0; b < o.bootstrap; b++) {
    for (let j = 0; j < n; j++) rows[j] = randomInt(rng, n);
    samples.push(estimate(y, n, d, secondOrder, rows));
  }
  const lowP = (1 - o.confidence) / 2;
  const highP = (1 + o.confidence) / 2;
  const interval = (value: number, pick: (p: Point) => number): IndexEstimate => {
    if (samples.length === 0) return { value, low: value, high: value };
    const sorted = Float64Array.from(samples, pick).sort();
    return { value, low: percentile(sorted, lowP), high: percentile(sorted, highP) };
  };
  const result: SobolIndices = {
    first: point.first.map((v, i) => interval(v, (p) => p.first[i])),
    total: point.total.map((v, i) => interval(v, (p) => p.total[i])),
    mean,
    variance,
    n,
    bootstrap: o.bootstrap,
    confidence: o.confidence,
  };
  if (!secondOrder) return result;
  const second: (IndexEstimate & { i: number; j: number })[] = [];
  let q = 0;
  for (let i = 0; i < d; i++) for (let k = i + 1; k < d; k++, q++) {
    const at = q;
    second.push({ i, j: k, ...interval(point.second[at], (p) => p.second[at]) });
  }
  return { ...result, second };
}
