/**
 * Dense LU factorisation with partial pivoting, in place on a row-major Float64Array (n × n).
 * Flowsheet Jacobians are small (tens to a few hundred unknowns), where a plain dense LU beats any sparse code.
 */
export interface LUFactors {
  readonly n: number;
  /** L (unit diagonal, below) and U (on and above the diagonal), row-major. */
  readonly lu: Float64Array;
  readonly pivots: Int32Array;
  /** Smallest |U_ii| / max |A_ij|: a cheap singularity indicator (0 means exactly singular). */
  readonly minPivotRatio: number;
  /** Row (in the original numbering) whose pivot was smallest: where the Jacobian is closest to singular. */
  readonly weakestColumn: number;
}

export function luFactor(a: Float64Array, n: number): LUFactors {
  const lu = a;
  const pivots = new Int32Array(n);
  let maxAbs = 0;
  for (let i = 0; i < n * n; i++) maxAbs = Math.max(maxAbs, Math.abs(lu[i]));
  let minPivot = Infinity;
  let weakest = -1;
  for (let k = 0; k < n; k++) {
    let p = k;
    let best = Math.abs(lu[k * n + k]);
    for (let i = k + 1; i < n; i++) {
      const v = Math.abs(lu[i * n + k]);
      if (v > best) {
        best = v;
        p = i;
      }
    }
    pivots[k] = p;
    if (p !== k) {
      for (let j = 0; j < n; j++) {
        const t = lu[k * n + j];
        lu[k * n + j] = lu[p * n + j];
        lu[p * n + j] = t;
      }
    }
    if (best < minPivot) {
      minPivot = best;
      weakest = k;
    }
    const pivot = lu[k * n + k];
    if (pivot === 0) continue;
    for (let i = k + 1; i < n; i++) {
      const f = (lu[i * n + k] /= pivot);
      if (f === 0) continue;
      for (let j = k + 1; j < n; j++) lu[i * n + j] -= f * lu[k * n + j];
    }
  }
  return { n, lu, pivots, minPivotRatio: maxAbs > 0 ? minPivot / maxAbs : 0, weakestColumn: weakest };
}

/** Solves A x = b with the factors of A; b is overwritten with x and returned. */
export function luSolve(f: LUFactors, b: Float64Array): Float64Array {
  const { n, lu, pivots } = f;
  for (let k = 0; k < n; k++) {
    const p = pivots[k];
    if (p !== k) {
      const t = b[k];
      b[k] = b[p];
      b[p] = t;
    }
  }
  for (let i = 1; i < n; i++) {
    let s = b[i];
    for (let j = 0; j < i; j++) s -= lu[i * n + j] * b[j];
    b[i] = s;
  }
  for (let i = n - 1; i >= 0; i--) {
    let s = b[i];
    for (let j = i + 1; j < n; j++) s -= lu[i * n + j] * b[j];
    b[i] = s / lu[i * n + i];
  }
  return b;
}
