/**
 * What every iterative solver returns: a value it stands behind, or the reason it could not find one.
 * Solvers throw only for the caller's mistakes (bad arguments); non-convergence is a result, not an exception.
 */
export type SolveResult<T> =
  | { readonly ok: true; readonly value: T; readonly iterations: number }
  | { readonly ok: false; readonly reason: string; readonly iterations: number; readonly last?: T };

export function solved<T>(value: T, iterations: number): SolveResult<T> {
  return { ok: true, value, iterations };
}

export function failed<T>(reason: string, iterations: number, last?: T): SolveResult<T> {
  return { ok: false, reason, iterations, last };
}
