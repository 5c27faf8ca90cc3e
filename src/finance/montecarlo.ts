/**
 * Monte Carlo over uncertain inputs: each draw samples every variable from its distribution (in the order given,
 * from one seeded xoshiro128** stream, so a seed reproduces the run exactly), evaluates the metrics and collects
 * their percentiles (linear interpolation between order statistics, as numpy's default and Excel's PERCENTILE.INC).
 * Metrics that do not exist in a draw (e.g. no single IRR) are counted, not averaged.
 */
import { checkNumber, FinanceInputError } from './check.js';
import { checkDistribution, sample, type Distribution } from './random.js';
import { Xoshiro128 } from '../numerics/random.js';
import type { Progress } from './sensitivity.js';

export interface McVariable<I> {
  readonly name: string;
  readonly distribution: Distribution;
  /** Returns new inputs with the sampled value set (never mutating `base`). */
  readonly apply: (base: I, value: number) => I;
}

export interface MonteCarloOptions {
  readonly draws: number;
  /** Integer in [0, 2^53). */
  readonly seed: number;
  /** Percentiles reported; fractions in [0, 1]. */
  readonly percentiles: readonly number[];
  /** Called about a hundred times and at the end. */
  readonly onProgress?: Progress;
  /** Keep every draw's inputs and metric values (memory grows with draws × variables). */
  readonly keepSamples: boolean;
}

export const MONTE_CARLO_DEFAULTS: Omit<MonteCarloOptions, 'onProgress'> = {
  draws: 1000,
  seed: 1,
  percentiles: [0.1, 0.5, 0.9],
  keepSamples: false,
};

export interface MetricSummary {
  /** Draws where the metric existed. */
  readonly count: number;
  /** Draws where it did not. */
  readonly undefinedCount: number;
  readonly mean: number | undefined;
  readonly sd: number | undefined;
  readonly min: number | undefined;
  readonly max: number | undefined;
  /** The requested percentiles, in the order asked. */
  readonly percentiles: readonly { readonly p: number; readonly value: number | undefined }[];
  readonly p10: number | undefined;
  readonly p50: number | undefined;
  readonly p90: number | undefined;
}

export interface MonteCarloResult {
  readonly draws: number;
  readonly seed: number;
  readonly metrics: Readonly<Record<string, MetricSummary>>;
  /** Present with keepSamples: input values per variable and metric values per metric (undefined → null). */
  readonly samples?: {
    readonly inputs: Readonly<Record<string, Float64Array>>;
    readonly metrics: Readonly<Record<string, readonly (number | null)[]>>;
  };
}

/** Percentile p ∈ [0, 1] of sorted values by linear interpolation (type 7). */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  checkNumber('p', p, { min: 0, max: 1 });
  if (sorted.length === 0) throw new FinanceInputError('values', [], 'at least one value');
  const h = (sorted.length - 1) * p;
  const i = Math.floor(h);
  const j = Math.min(i + 1, sorted.length - 1);
  return sorted[i] + (h - i) * (sorted[j] - sorted[i]);
}

function summarise(values: number[], draws: number, ps: readonly number[]): MetricSummary {
  const sorted = Float64Array.from(values).sort();
  const n = sorted.length;
  const at = (p: number) => (n > 0 ? percentile(sorted, p) : undefined);
  let mean: number | undefined;
  let sd: number | undefined;
  if (n > 0) {
    let m = 0;
    let s = 0;
    for (let k = 0; k < n; k++) {
      const d = sorted[k] - m;
      m += d / (k + 1);
      s += d * (sorted[k] - m);
    }
    mean = m;
    sd = n > 1 ? Math.sqrt(s / (n - 1)) : 0;
  }
  return {
    count: n,
    undefinedCount: draws - n,
    mean,
    sd,
    min: n > 0 ? sorted[0] : undefined,
    max: n > 0 ? sorted[n - 1] : undefined,
    percentiles: ps.map((p) => ({ p, value: at(p) })),
    p10: at(0.1),
    p50: at(0.5),
    p90: at(0.9),
  };
}

export function monteCarlo<I>(
  base: I,
  variables: readonly McVariable<I>[],
  evaluate: (inputs: I) => Readonly<Record<string, number | undefined>>,
  options: Partial<MonteCarloOptions> = {},
): MonteCarloResult {
  const o = { ...MONTE_CARLO_DEFAULTS, ...options };
  checkNumber('monteCarlo.draws', o.draws, { min: 1, max: 1e8, integer: true });
  o.percentiles.forEach((p, i) => checkNumber(`monteCarlo.percentiles[${i}]`, p, { min: 0, max: 1 }));
  if (variables.length === 0) throw new FinanceInputError('monteCarlo.variables', variables, 'at least one variable');
  variables.forEach((v, i) => checkDistribution(v.distribution, `monteCarlo.variables[${i}].distribution`));
  checkNumber('monteCarlo.seed', o.seed, { min: 0, max: Number.MAX_SAFE_INTEGER, integer: true });
  const rng = Xoshiro128.fromSeed(o.seed);
  const values: Record<string, number[]> = {};
  const kept: Record<string, (number | null)[]> = {};
  const inputs: Record<string, Float64Array> = {};
  if (o.keepSamples) for (const v of variables) inputs[v.name] = new Float64Array(o.draws);
  const every = Math.max(1, Math.floor(o.draws / 100));
  for (let k = 0; k < o.draws; k++) {
    let x = base;
    variables.forEach((v, i) => {
      const value = sample(v.distribution, rng, `monteCarlo.variables[${i}].distribution`);
      if (o.keepSamples) inputs[v.name][k] = value;
      x = v.apply(x, value);
    });
    const m = evaluate(x);
    for (const name of Object.keys(m)) {
      const value = m[name];
      (values[name] ??= []);
      if (value !== undefined && Number.isFinite(value)) values[name].push(value);
      if (o.keepSamples) (kept[name] ??= []).push(value === undefined ? null : value);
    }
    if (o.onProgress && ((k + 1) % every === 0 || k + 1 === o.draws)) o.onProgress(k + 1, o.draws);
  }
  const metrics: Record<string, MetricSummary> = {};
  for (const name of Object.keys(values)) metrics[name] = summarise(values[name], o.draws, o.percentiles);
  return { draws: o.draws, seed: o.seed, metrics, ...(o.keepSamples ? { samples: { inputs, metrics: kept } } : {}) };
}
