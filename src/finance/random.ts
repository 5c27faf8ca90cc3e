/**
 * A seeded pseudo-random generator and the input distributions of the Monte Carlo.
 *
 * Generator: xoshiro128** 1.1 (D. Blackman, S. Vigna, "Scrambled linear pseudorandom number generators", ACM TOMS
 * 47 (2021); reference code prng.di.unimi.it/xoshiro128starstar.c), 32-bit words with Math.imul. Seeding: a
 * SplitMix64 stream (Vigna, prng.di.unimi.it/splitmix64.c) started at the seed gives two 64-bit words; their low and
 * high halves, in that order, are the four state words. Doubles in [0, 1) take 53 bits from two outputs.
 *
 * Distributions: uniform, triangular (inverse CDF), normal (Marsaglia polar method; truncation by rejection),
 * lognormal (given the mean and standard deviation of the variable), PERT (beta on [min, max] with
 * α = 1 + 4(mode − min)/(max − min), β = 1 + 4(max − mode)/(max − min), via Marsaglia–Tsang gamma variates).
 */
import { checkChoice, checkNumber, FinanceInputError, RANGES } from './check.js';

const MASK64 = (1n << 64n) - 1n;

/** SplitMix64: the 64-bit outputs as bigint. */
export class SplitMix64 {
  private state: bigint;
  constructor(seed: bigint) {
    this.state = BigInt.asUintN(64, seed);
  }
  next(): bigint {
    this.state = (this.state + 0x9e3779b97f4a7c15n) & MASK64;
    let z = this.state;
    z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK64;
    z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK64;
    return z ^ (z >> 31n);
  }
}

const rotl = (x: number, k: number) => (x << k) | (x >>> (32 - k));

export class Xoshiro128 {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;

  /** From four 32-bit state words (not all zero). */
  constructor(s0: number, s1: number, s2: number, s3: number) {
    if ((s0 | s1 | s2 | s3) === 0) throw new FinanceInputError('state', [s0, s1, s2, s3], 'four 32-bit words, not all zero');
    this.s0 = s0 | 0;
    this.s1 = s1 | 0;
    this.s2 = s2 | 0;
    this.s3 = s3 | 0;
  }

  /** From an integer seed in [0, 2^53) through SplitMix64. */
  static fromSeed(seed: number): Xoshiro128 {
    checkNumber('seed', seed, { min: 0, max: Number.MAX_SAFE_INTEGER, integer: true });
    const sm = new SplitMix64(BigInt(seed));
    const a = sm.next();
    const b = sm.next();
    const lo = (x: bigint) => Number(x & 0xffffffffn);
    const hi = (x: bigint) => Number(x >> 32n);
    return new Xoshiro128(lo(a), hi(a), lo(b), hi(b));
  }

  /** Next output; an integer in [0, 2^32). */
  nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(this.s1, 5), 7), 9) >>> 0;
    const t = this.s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return result;
  }

  /** Uniform double in [0, 1) with 53 random bits. */
  nextFloat(): number {
    const a = this.nextUint32() >>> 5;
    const b = this.nextUint32() >>> 6;
    return (a * 67108864 + b) / 9007199254740992;
  }
}

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
