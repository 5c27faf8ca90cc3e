/**
 * The seeded random numbers of the study methods: the project's one generator, xoshiro128** seeded through
 * SplitMix64 (src/finance/random.ts), behind a one-method interface so a method never depends on which generator it is.
 */
import { Xoshiro128 } from '../../../finance/random.js';
import { checkInteger } from './checks.js';

/** A source of uniform doubles in [0, 1). */
export interface Rng {
  nextFloat(): number;
}

/** The generator for an integer seed in [0, 2^53); the same seed gives the same stream everywhere. */
export function seededRng(seed: number, field = 'seed'): Rng {
  checkInteger(field, seed, 0, Number.MAX_SAFE_INTEGER);
  return Xoshiro128.fromSeed(seed);
}

/** A uniform integer in [0, n) (n ≤ 2^32; the bias of the multiply-floor is below 2^-21 there). */
export function randomInt(rng: Rng, n: number): number {
  return Math.floor(rng.nextFloat() * n);
}

/** Fisher–Yates shuffle of `a` in place, returning it. */
export function shuffleInPlace<T>(rng: Rng, a: T[]): T[] {
  for (let i = a.length - 1; i > 0; i--) {
    const j = randomInt(rng, i + 1);
    const t = a[i];
    a[i] = a[j];
    a[j] = t;
  }
  return a;
}

/** A permutation of 0 … n−1. */
export function randomPermutation(rng: Rng, n: number): number[] {
  return shuffleInPlace(rng, Array.from({ length: n }, (_, i) => i));
}
