/**
 * Monte Carlo statistics of one output: mean, sample standard deviation, extremes and quantiles, and the probability
 * that the output exceeds a threshold (e.g. P(NPV > 0)) with a confidence interval.
 *
 * Quantiles: type 7 of Hyndman & Fan (1996) — linear interpolation between order statistics at h = (n − 1)p, numpy's
 * and Excel PERCENTILE.INC's default — through the finance layer's `percentile`. P10 is the 10th percentile: the value
 * the output stays below with probability 0.1 (the statistician's convention; the oil-and-gas "P90 reserves" is the
 * opposite tail, so reports should say "10th percentile" where a reader may come from there).
 * Exceedance: the share of values strictly above the threshold, with the Wilson score interval (E. B. Wilson, JASA 22
 * (1927) 209–212), which stays inside [0, 1] and behaves at 0 and n exceedances.
 */
import { percentile } from '../../../finance/montecarlo.js';
import { compensatedSum } from '../../../numerics/sum.js';
import { ProjectError } from '../../errors.js';
import { checkFinite, checkOutputs } from './checks.js';
import { normalQuantile } from '../../../numerics/normal.js';

export interface Summary {
  readonly count: number;
  /** In the output's unit. */
  readonly mean: number;
  /** Sample standard deviation (divisor n − 1; 0 for a single value); the output's unit. */
  readonly std: number;
  readonly min: number;
  readonly max: number;
  /** The quantiles asked, in that order. */
  readonly quantiles: readonly { readonly p: number; readonly value: number }[];
}

export const SUMMARY_DEFAULTS = { quantiles: [0.1, 0.5, 0.9] as readonly number[] };

export const EXCEEDANCE_DEFAULTS = { confidence: 0.95 } as const;

export function summarize(values: ArrayLike<number>, options: { readonly quantiles?: readonly number[] } = {}): Summary {
  const n = values?.length ?? 0;
  if (n === 0) throw new ProjectError('values', [], 'at least one value');
  checkOutputs('values', values, n);
  const ps = options.quantiles ?? SUMMARY_DEFAULTS.quantiles;
  ps.forEach((p, i) => checkFinite(`quantiles[${i}]`, p, 0, 1));
  const sorted = Float64Array.from(values).sort();
  const mean = compensatedSum(sorted) / n;
  const squares = compensatedSum(sorted.map((x) => (x - mean) ** 2));
  return {
    count: n,
    mean,
    std: n > 1 ? Math.sqrt(squares / (n - 1)) : 0,
    min: sorted[0],
    max: sorted[n - 1],
    quantiles: ps.map((p) => ({ p, value: percentile(sorted, p) })),
  };
}

export interface Exceedance {
  readonly threshold: number;
  /** Share of values strictly above the threshold. */
  readonly probability: number;
  /** Wilson score interval at `confidence`. */
  readonly low: number;
  readonly high: number;
  readonly exceeding: number;
  readonly count: number;
  readonly confidence: number;
}

/** P(X > threshold) estimated from the values, with its Wilson interval (default confidence 0.95). */
export function exceedance(values: ArrayLike<number>, threshold: number, options: { readonly confidence?: number } = {}): Exceedance {
  const n = values?.length ?? 0;
  if (n === 0) throw new ProjectError('values', [], 'at least one value');
  checkOutputs('values', values, n);
  checkFinite('threshold', threshold);
  const confidence = options.confidence ?? EXCEEDANCE_DEFAULTS.confidence;
  checkFinite('confidence', confidence, 0, 1, true);
  let k = 0;
  for (let i = 0; i < n; i++) if (values[i] > threshold) k++;
  const p = k / n;
  const z = normalQuantile((1 + confidence) / 2);
  const z2n = (z * z) / n;
  const centre = (p + z2n / 2) / (1 + z2n);
  const half = (z / (1 + z2n)) * Math.sqrt((p * (1 - p)) / n + z2n / (4 * n));
  // At k = 0 (k = n) the lower (upper) bound is 0 (1) exactly; the formula gets there only to rounding.
  const low = k === 0 ? 0 : centre - half;
  const high = k === n ? 1 : centre + half;
  return { threshold, probability: p, low, high, exceeding: k, count: n, confidence };
}
