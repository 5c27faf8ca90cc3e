/**
 * The Sobol low-discrepancy sequence (I. M. Sobol', USSR Comput. Math. Math. Phys. 7 (1967) 86–112) with the Joe–Kuo
 * direction numbers (sobol-directions.ts), 32 bits, in Gray-code order as Joe and Kuo's own generator and
 * scipy.stats.qmc.Sobol write it: point i is the XOR of the direction numbers at the set bits of i ^ (i >> 1).
 *
 * Skip and scramble policy:
 * - Without a seed: the raw sequence from index `skip` (default 0, so the first point is the origin 0, …, 0, and the
 *   first 2^m points form a (t, m, d)-net). Nothing is discarded silently; take n a power of two for the balance
 *   properties. A distribution without finite ends cannot take a coordinate 0 (fromUnit refuses it): skip ≥ 1 or seed.
 * - With a seed: a random digital shift (each dimension's 32-bit integers XOR one seeded random word; Sobol' and
 *   Kucherenko's randomisation, which keeps the net property), and each point is put at the centre of its 2^-32
 *   cell, so no coordinate is ever 0 or 1. Different seeds give independent randomisations for error estimates.
 */
import { checkInteger } from './checks.js';
import { seededRng } from './rng.js';
import { JOE_KUO_ROWS } from './sobol-directions.js';
import type { UnitPoint } from './types.js';

const BITS = 32;
const TWO_32 = 4294967296;

/** Direction numbers per dimension, v[j] = m_j · 2^(32−j) as 32-bit integers; dimension 1 is van der Corput's. */
const DIRECTIONS: readonly Uint32Array[] = (() => {
  const all = [Uint32Array.from({ length: BITS }, (_, j) => 2 ** (BITS - 1 - j))];
  for (const row of JOE_KUO_ROWS.split('|')) {
    const [s, a, ...m] = row.split(' ').map(Number);
    const v = new Uint32Array(BITS);
    for (let j = 0; j < BITS; j++) {
      if (j < s) {
        v[j] = (m[j] * 2 ** (BITS - 1 - j)) >>> 0;
        continue;
      }
      // Bratley–Fox recurrence: v_j = a_1 v_{j−1} ⊕ … ⊕ a_{s−1} v_{j−s+1} ⊕ v_{j−s} ⊕ (v_{j−s} >> s)
      let x = v[j - s] ^ (v[j - s] >>> s);
      for (let k = 1; k < s; k++) if ((a >>> (s - 1 - k)) & 1) x ^= v[j - k];
      v[j] = x >>> 0;
    }
    all.push(v);
  }
  return all;
})();

/** Most dimensions the sequence has (Joe–Kuo rows carried in sobol-directions.ts plus van der Corput's). */
export const SOBOL_MAX_DIMENSION = DIRECTIONS.length;

/** Most points, skip included, one call may ask for (2^31; the integers have 32 bits). */
export const SOBOL_MAX_POINTS = 2 ** 31;

/** Defaults: the raw sequence from its first point. */
export const SOBOL_DEFAULTS = { skip: 0 } as const;

export interface SobolOptions {
  /** Index of the first point returned (default 0: the origin first when unscrambled). */
  readonly skip?: number;
  /** Seed of the random digital shift; absent: the raw, published sequence. */
  readonly seed?: number;
}

/** The index (from 0) of the lowest zero bit of i. */
function lowestZeroBit(i: number): number {
  let c = 0;
  while (i & 1) {
    i >>>= 1;
    c++;
  }
  return c;
}

/** n points of the d-dimensional Sobol sequence (see the header for skip and seed). */
export function sobolSequence(n: number, d: number, options: SobolOptions = {}): UnitPoint[] {
  checkInteger('n', n, 1, SOBOL_MAX_POINTS);
  checkInteger('d', d, 1, SOBOL_MAX_DIMENSION);
  const skip = options.skip ?? SOBOL_DEFAULTS.skip;
  checkInteger('skip', skip, 0, SOBOL_MAX_POINTS - n);
  const shift = new Uint32Array(d);
  if (options.seed !== undefined) {
    const rng = seededRng(options.seed);
    for (let k = 0; k < d; k++) shift[k] = Math.floor(rng.nextFloat() * TWO_32) >>> 0;
  }
  const offset = options.seed !== undefined ? 0.5 : 0;
  // The integers of point `skip`: the XOR of the direction numbers at the set bits of its Gray code.
  const x = new Uint32Array(d);
  const gray = (skip ^ (skip >>> 1)) >>> 0;
  for (let j = 0; j < BITS; j++) {
    if ((gray >>> j) & 1) for (let k = 0; k < d; k++) x[k] ^= DIRECTIONS[k][j];
  }
  const out: UnitPoint[] = [];
  for (let i = skip; i < skip + n; i++) {
    if (i > skip) {
      const c = lowestZeroBit(i - 1);
      for (let k = 0; k < d; k++) x[k] ^= DIRECTIONS[k][c];
    }
    const row = new Array<number>(d);
    for (let k = 0; k < d; k++) row[k] = (((x[k] ^ shift[k]) >>> 0) + offset) / TWO_32;
    out.push(row);
  }
  return out;
}
