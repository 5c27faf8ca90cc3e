/**
 * Chebyshev expansions on an interval [a, b]: fitting at the Chebyshev–Lobatto points and evaluation by
 * Clenshaw's recurrence. Used for the saturation "superancillaries" (our own fits to our own Maxwell solution).
 */

/** The n+1 Chebyshev–Lobatto points of [a, b], from a to b. */
export function lobattoNodes(a: number, b: number, n: number): Float64Array {
  const x = new Float64Array(n + 1);
  for (let k = 0; k <= n; k++) x[k] = 0.5 * (a + b) - 0.5 * (b - a) * Math.cos((Math.PI * k) / n);
  return x;
}

/** Coefficients c_0..c_n of the degree-n interpolant through values at lobattoNodes(a, b, n). */
export function chebFit(values: ArrayLike<number>): Float64Array {
  const n = values.length - 1;
  const c = new Float64Array(n + 1);
  for (let j = 0; j <= n; j++) {
    let s = 0;
    for (let k = 0; k <= n; k++) {
      const w = k === 0 || k === n ? 0.5 : 1;
      // node k sits at -cos(pi k / n); T_j(-cos θ) = (-1)^j cos(j θ)
      s += w * values[k] * Math.cos((Math.PI * j * k) / n);
    }
    const wj = j === 0 || j === n ? 1 / n : 2 / n;
    c[j] = (j % 2 === 0 ? 1 : -1) * wj * s;
  }
  return c;
}

/** Clenshaw evaluation of Σ c_j T_j(t) with t = (2x − a − b)/(b − a); coefficients from `offset`, `count` of them. */
export function chebEval(c: ArrayLike<number>, offset: number, count: number, a: number, b: number, x: number): number {
  const t = (2 * x - a - b) / (b - a);
  const t2 = 2 * t;
  let b1 = 0;
  let b2 = 0;
  for (let j = offset + count - 1; j > offset; j--) {
    const b0 = c[j] + t2 * b1 - b2;
    b2 = b1;
    b1 = b0;
  }
  return c[offset] + t * b1 - b2;
}
