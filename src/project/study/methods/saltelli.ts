/**
 * Saltelli's sampling scheme for Sobol indices (A. Saltelli, Comput. Phys. Commun. 145 (2002) 280–297; A. Saltelli et
 * al., Comput. Phys. Commun. 181 (2010) 259–270): two independent n × d matrices A and B — the first and last d
 * columns of a 2d-dimensional Sobol sequence — and for each parameter i the matrix AB_i (A with column i taken from
 * B) and, for second-order indices, BA_i (B with column i taken from A).
 *
 * Rows of `points`, in blocks of n: A, B, AB_1 … AB_d, then BA_1 … BA_d when second order is asked:
 * n·(d + 2) rows, or n·(2d + 2). The outputs go back to sobolIndices in the same order.
 */
import { checkInteger } from './checks.js';
import { SOBOL_MAX_DIMENSION, sobolSequence } from './sobol.js';
import type { UnitPoint } from './types.js';

export interface SaltelliOptions {
  /** Seed of the Sobol sequence's digital shift; absent: the raw sequence (A and B start at the origin). */
  readonly seed?: number;
  /** Points of the 2d-dimensional sequence skipped first (default 0). */
  readonly skip?: number;
  /** Add the BA_i blocks for second-order indices (default false). */
  readonly secondOrder?: boolean;
}

export const SALTELLI_DEFAULTS = { skip: 0, secondOrder: false } as const;

export interface SaltelliDesign {
  readonly method: 'saltelli';
  /** Base sample size (rows of A); a power of two keeps the Sobol balance. */
  readonly n: number;
  /** Number of parameters. */
  readonly d: number;
  readonly secondOrder: boolean;
  /** Every row to evaluate, blocks A, B, AB_1…AB_d[, BA_1…BA_d] of n rows each. */
  readonly points: UnitPoint[];
}

/** Most parameters: A and B need two Sobol dimensions each. */
export const SALTELLI_MAX_PARAMETERS = Math.floor(SOBOL_MAX_DIMENSION / 2);

export function saltelliDesign(n: number, d: number, options: SaltelliOptions = {}): SaltelliDesign {
  checkInteger('n', n, 2);
  checkInteger('d', d, 1, SALTELLI_MAX_PARAMETERS);
  const secondOrder = options.secondOrder ?? SALTELLI_DEFAULTS.secondOrder;
  const base = sobolSequence(n, 2 * d, { skip: options.skip ?? SALTELLI_DEFAULTS.skip, ...(options.seed !== undefined ? { seed: options.seed } : {}) });
  const A = base.map((r) => r.slice(0, d));
  const B = base.map((r) => r.slice(d));
  const points: UnitPoint[] = [...A.map((r) => r.slice()), ...B.map((r) => r.slice())];
  for (let i = 0; i < d; i++) for (let j = 0; j < n; j++) points.push(A[j].map((x, k) => (k === i ? B[j][i] : x)));
  if (secondOrder) for (let i = 0; i < d; i++) for (let j = 0; j < n; j++) points.push(B[j].map((x, k) => (k === i ? A[j][i] : x)));
  return { method: 'saltelli', n, d, secondOrder, points };
}

/** The blocks of a Saltelli design as row views (no copies): A, B, AB[i] and, with second order, BA[i]. */
export function saltelliBlocks(design: SaltelliDesign): { A: UnitPoint[]; B: UnitPoint[]; AB: UnitPoint[][]; BA?: UnitPoint[][] } {
  const { n, d, points } = design;
  const block = (k: number) => points.slice(k * n, (k + 1) * n);
  const AB = Array.from({ length: d }, (_, i) => block(2 + i));
  if (!design.secondOrder) return { A: block(0), B: block(1), AB };
  return { A: block(0), B: block(1), AB, BA: Array.from({ length: d }, (_, i) => block(2 + d + i)) };
}
