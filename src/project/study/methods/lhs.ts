/**
 * Latin hypercube sampling (M. D. McKay, R. J. Beckman, W. J. Conover, Technometrics 21 (1979) 239–245): each of the
 * d columns puts exactly one of the n points in each stratum [k/n, (k+1)/n), at a uniform random place inside it
 * (or at its centre with `centred`).
 *
 * Optional maximin improvement: random swaps of two points' coordinates within one column (which keeps every
 * column's strata) are kept when they lower the Morris–Mitchell criterion φ_p = (Σ_{i<j} d_ij^−p)^{1/p} (M. D. Morris,
 * T. J. Mitchell, J. Stat. Plan. Inference 43 (1995) 381–402), p = 15, d_ij Euclidean: a smooth stand-in for the
 * smallest distance between points, which it pushes up. Each swap updates φ_p in O(n d).
 */
import { checkInteger } from './checks.js';
import { randomInt, randomPermutation, seededRng } from './rng.js';
import type { UnitPoint } from './types.js';

export interface LatinHypercubeOptions {
  /** Seed of the generator (an integer in [0, 2^53)). */
  readonly seed: number;
  /** Points at the centres of their strata instead of uniformly inside them (default false). */
  readonly centred?: boolean;
  /** Improve the space filling by this many attempted swaps (e.g. 50·n·d); absent: plain LHS. */
  readonly maximin?: { readonly iterations: number };
}

/** An n-point Latin hypercube in d dimensions. */
export function latinHypercube(n: number, d: number, options: LatinHypercubeOptions): UnitPoint[] {
  checkInteger('n', n, 1);
  checkInteger('d', d, 1);
  const rng = seededRng(options.seed, 'seed');
  const points: UnitPoint[] = Array.from({ length: n }, () => new Array<number>(d));
  for (let k = 0; k < d; k++) {
    const strata = randomPermutation(rng, n);
    for (let i = 0; i < n; i++) points[i][k] = (strata[i] + (options.centred ? 0.5 : rng.nextFloat())) / n;
  }
  if (options.maximin) {
    checkInteger('maximin.iterations', options.maximin.iterations, 0);
    improveMaximin(points, options.maximin.iterations, rng);
  }
  return points;
}

/** The smallest Euclidean distance between two points of a design (0 for fewer than two points). */
export function minimumDistance(points: readonly UnitPoint[]): number {
  let best = Infinity;
  for (let i = 0; i < points.length; i++) {
    for (let j = i + 1; j < points.length; j++) {
      let s = 0;
      for (let k = 0; k < points[i].length; k++) s += (points[i][k] - points[j][k]) ** 2;
      best = Math.min(best, s);
    }
  }
  return points.length < 2 ? 0 : Math.sqrt(best);
}

/**
 * The Morris–Mitchell term d^−p with p = 15 (large enough that the smallest distances dominate, small enough not to
 * overflow for points of distinct strata), from the squared distance s = d², by multiplication: Math.pow was the hot spot.
 */
function term(s: number): number {
  const s2 = s * s;
  const s4 = s2 * s2;
  return 1 / (s4 * s2 * s * Math.sqrt(s));
}

function improveMaximin(points: UnitPoint[], iterations: number, rng: ReturnType<typeof seededRng>): void {
  const n = points.length;
  const d = points[0].length;
  if (n < 3) return;
  // Squared distances and their terms d^−p, whose sum φ_p^p each kept swap lowers.
  const d2 = new Float64Array(n * n);
  const t = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      let s = 0;
      for (let k = 0; k < d; k++) s += (points[i][k] - points[j][k]) ** 2;
      d2[i * n + j] = d2[j * n + i] = s;
      t[i * n + j] = t[j * n + i] = term(s);
    }
  }
  const newA = new Float64Array(n);
  const newB = new Float64Array(n);
  const termA = new Float64Array(n);
  const termB = new Float64Array(n);
  for (let it = 0; it < iterations; it++) {
    const k = randomInt(rng, d);
    const a = randomInt(rng, n);
    let b = randomInt(rng, n - 1);
    if (b >= a) b++;
    const xa = points[a][k];
    const xb = points[b][k];
    let delta = 0;
    for (let j = 0; j < n; j++) {
      if (j === a || j === b) continue;
      const xj = points[j][k];
      newA[j] = d2[a * n + j] - (xa - xj) ** 2 + (xb - xj) ** 2;
      newB[j] = d2[b * n + j] - (xb - xj) ** 2 + (xa - xj) ** 2;
      termA[j] = term(newA[j]);
      termB[j] = term(newB[j]);
      delta += termA[j] + termB[j] - t[a * n + j] - t[b * n + j];
    }
    if (!(delta < 0)) continue;
    points[a][k] = xb;
    points[b][k] = xa;
    for (let j = 0; j < n; j++) {
      if (j === a || j === b) continue;
      d2[a * n + j] = d2[j * n + a] = newA[j];
      d2[b * n + j] = d2[j * n + b] = newB[j];
      t[a * n + j] = t[j * n + a] = termA[j];
      t[b * n + j] = t[j * n + b] = termB[j];
    }
  }
}
