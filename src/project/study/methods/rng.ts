/**
 * The seeded random numbers of the study methods: the project's one generator (src/numerics/random.ts) behind a
 * one-method interface, so a method never depends on which generator it is, with the seed checked by its field.
 */
import { randomInt, shuffleInPlace, Xoshiro128, type Rng } from '../../../numerics/random.js';
import { checkInteger } from './checks.js';

export { randomInt, shuffleInPlace, type Rng };

/** The generator for an integer seed in [0, 2^53); the same seed gives the same stream everywhere. */
export function seededRng(seed: number, field = 'seed'): Rng {
  checkInteger(field, seed, 0, Number.MAX_SAFE_INTEGER);
  return Xoshiro128.fromSeed(seed);
}

/** A permutation of 0 … n−1. */
export function randomPermutation(rng: Rng, n: number): number[] {
  return shuffleInPlace(rng, Array.from({ length: n }, (_, i) => i));
}
