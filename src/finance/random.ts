/**
 * A seeded pseudo-random generator and the input distributions of the Monte Carlo.
 *
 * Generator: the project's xoshiro128** (src/numerics/random.ts).
 *
 * Distributions: uniform, triangular (inverse CDF), normal (Marsaglia polar method; truncation by rejection),
 * lognormal (given the mean and standard deviation of the variable), PERT (beta on [min, max] with
 * α = 1 + 4(mode − min)/(max − min), β = 1 + 4(max − mode)/(max − min), via Marsaglia–Tsang gamma variates).
 */
import { checkChoice, checkNumber, FinanceInputError, RANGES } from './check.js';
import { Xoshiro128 } from '../numerics/random.js';

export type Distribution =
  | { readonly kind: 'uniform'; readonly min: number; readonly max: number }
  | { readonly kind: 'triangular'; readonly min: number; readonly mode: number; readonly max: number }
  | { readonly kind: 'normal'; readonly mean: number; readonly sd: number; readonly min?: number; readonly max?: number }
  | { readonly kind: 'lognormal'; readonly mean: number; readonly sd: number }
  | { readonly kind: 'pert'; readonly min: number; readonly mode: number; readonly max: number };

export const DISTRIBUTION_KINDS = ['uniform', 'triangular', 'normal', 'lognormal', 'pert'] as const;

/** Most rejections a truncated normal may need before the truncation is judged too narrow. */
const MAX_REJECTIONS = 10000;

export function checkDistribution(d: Distribution, field = 'distribution'): void {
  checkChoice(`${field}.kind`, d.kind, DISTRIBUTION_KINDS);
  switch (d.kind) {
    case 'uniform':
      checkNumber(`${field}.min`, d.min, RANGES.finite);
      checkNumber(`${field}.max`, d.max, { min: d.min, max: Infinity, minExclusive: true }, 'max must exceed min');
      return;
    case 'triangular':
    case 'pert':
      checkNumber(`${field}.min`, d.min, RANGES.finite);
      checkNumber(`${field}.max`, d.max, { min: d.min, max: Infinity, minExclusive: true }, 'max must exceed min');
      checkNumber(`${field}.mode`, d.mode, { min: d.min, max: d.max });
      return;
    case 'normal':
      checkNumber(`${field}.mean`, d.mean, RANGES.finite);
      checkNumber(`${field}.sd`, d.sd, RANGES.positive);
      if (d.min !== undefined) checkNumber(`${field}.min`, d.min, RANGES.finite);
      if (d.max !== undefined) checkNumber(`${field}.max`, d.max, { min: d.min ?? -Infinity, max: Infinity, minExclusive: true }, 'max must exceed min');
      return;
    case 'lognormal':
      checkNumber(`${field}.mean`, d.mean, RANGES.positive);
      checkNumber(`${field}.sd`, d.sd, RANGES.positive);
      return;
  }
}

/** Standard normal by Marsaglia's polar method (the second variate of each pair is dropped for simplicity). */
export function standardNormal(rng: Xoshiro128): number {
  for (;;) {
    const u = 2 * rng.nextFloat() - 1;
    const v = 2 * rng.nextFloat() - 1;
    const s = u * u + v * v;
    if (s > 0 && s < 1) return u * Math.sqrt((-2 * Math.log(s)) / s);
  }
}

/** Gamma(shape ≥ 1, scale 1) by Marsaglia & Tsang (ACM TOMS 26, 2000). */
function gamma(shape: number, rng: Xoshiro128): number {
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = standardNormal(rng);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = 1 - rng.nextFloat();
    if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
  }
}

/** One draw; assumes checkDistribution passed. */
export function sample(d: Distribution, rng: Xoshiro128, field = 'distribution'): number {
  switch (d.kind) {
    case 'uniform':
      return d.min + (d.max - d.min) * rng.nextFloat();
    case 'triangular': {
      const u = rng.nextFloat();
      const w = d.max - d.min;
      const fc = (d.mode - d.min) / w;
      return u < fc ? d.min + Math.sqrt(u * w * (d.mode - d.min)) : d.max - Math.sqrt((1 - u) * w * (d.max - d.mode));
    }
    case 'normal': {
      const lo = d.min ?? -Infinity;
      const hi = d.max ?? Infinity;
      for (let i = 0; i < MAX_REJECTIONS; i++) {
        const x = d.mean + d.sd * standardNormal(rng);
        if (x >= lo && x <= hi) return x;
      }
      throw new FinanceInputError(`${field}`, d, 'a truncation range holding a reasonable share of the normal distribution', `no draw fell in [${lo}, ${hi}] in ${MAX_REJECTIONS} tries`);
    }
    case 'lognormal': {
      const s2 = Math.log(1 + (d.sd * d.sd) / (d.mean * d.mean));
      const mu = Math.log(d.mean) - s2 / 2;
      return Math.exp(mu + Math.sqrt(s2) * standardNormal(rng));
    }
    case 'pert': {
      const w = d.max - d.min;
      const a = 1 + (4 * (d.mode - d.min)) / w;
      const b = 1 + (4 * (d.max - d.mode)) / w;
      const x = gamma(a, rng);
      const y = gamma(b, rng);
      return d.min + (w * x) / (x + y);
    }
  }
}

/** Mean of a distribution (as parameterised; truncation ignored); same unit as the variable. */
export function distributionMean(d: Distribution): number {
  switch (d.kind) {
    case 'uniform':
      return (d.min + d.max) / 2;
    case 'triangular':
      return (d.min + d.mode + d.max) / 3;
    case 'normal':
    case 'lognormal':
      return d.mean;
    case 'pert':
      return (d.min + 4 * d.mode + d.max) / 6;
  }
}
