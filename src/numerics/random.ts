/**
 * The project's one seeded pseudo-random generator, for the Monte Carlo, the study methods and the cell grading: the
 * same stream for the same seed in every JavaScript engine.
 *
 * Generator: xoshiro128** 1.1 (D. Blackman, S. Vigna, "Scrambled linear pseudorandom number generators", ACM TOMS
 * 47 (2021); reference code prng.di.unimi.it/xoshiro128starstar.c), 32-bit words with Math.imul. Seeding: a
 * SplitMix64 stream (Vigna, prng.di.unimi.it/splitmix64.c) started at the seed gives two 64-bit words; their low and
 * high halves, in that order, are the four state words. Doubles in [0, 1) take 53 bits from two outputs.
 */

/** A source of uniform doubles in [0, 1). */
export interface Rng {
  nextFloat(): number;
}

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

export class Xoshiro128 implements Rng {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;

  /** From four 32-bit state words (not all zero). */
  constructor(s0: number, s1: number, s2: number, s3: number) {
    if ((s0 | s1 | s2 | s3) === 0) throw new RangeError(`state = [${s0}, ${s1}, ${s2}, ${s3}] is not valid; valid: four 32-bit words, not all zero`);
    this.s0 = s0 | 0;
    this.s1 = s1 | 0;
    this.s2 = s2 | 0;
    this.s3 = s3 | 0;
  }

  /** From an integer seed in [0, 2^53) through SplitMix64. */
  static fromSeed(seed: number): Xoshiro128 {
    if (!Number.isSafeInteger(seed) || seed < 0) throw new RangeError(`seed = ${seed} is not valid; valid: an integer in [0, 2^53)`);
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

/** A shuffled copy. */
export function shuffled<T>(rng: Rng, items: readonly T[]): T[] {
  return shuffleInPlace(rng, items.slice());
}

/** A seeded source of uniform doubles in [0, 1) as a plain function (tests' random cases, the fuzzers' plants). */
export function uniformSource(seed: number): () => number {
  const g = Xoshiro128.fromSeed(seed);
  return () => g.nextFloat();
}
