import { failed, solved, type SolveResult } from './result.js';

/** Options shared by the scalar root finders; defaults in ROOT_DEFAULTS. */
export interface RootOptions {
  /** Absolute tolerance on x. */
  readonly xtol: number;
  /** Relative tolerance on x. */
  readonly rtol: number;
  readonly maxIterations: number;
}

export const ROOT_DEFAULTS: RootOptions = { xtol: 0, rtol: 4 * Number.EPSILON, maxIterations: 200 };

/**
 * Brent's method on a bracket [a, b] with f(a)·f(b) ≤ 0. Converges whenever the bracket is valid;
 * the result is the end of the final bracket with the smaller |f|.
 */
export function brent(
  f: (x: number) => number,
  a: number,
  b: number,
  options: Partial<RootOptions> = {},
): SolveResult<number> {
  const { xtol, rtol, maxIterations } = { ...ROOT_DEFAULTS, ...options };
  let fa = f(a);
  let fb = f(b);
  if (!Number.isFinite(fa) || !Number.isFinite(fb)) return failed(`f is not finite at the bracket ends (f(${a}) = ${fa}, f(${b}) = ${fb})`, 0);
  if (fa === 0) return solved(a, 0);
  if (fb === 0) return solved(b, 0);
  if (fa * fb > 0) return failed(`no sign change on [${a}, ${b}]: f = ${fa}, ${fb}`, 0);
  let c = a;
  let fc = fa;
  let d = b - a;
  let e = d;
  for (let i = 1; i <= maxIterations; i++) {
    if (fb * fc > 0) {
      c = a;
      fc = fa;
      d = b - a;
      e = d;
    }
    if (Math.abs(fc) < Math.abs(fb)) {
      a = b;
      b = c;
      c = a;
      fa = fb;
      fb = fc;
      fc = fa;
    }
    const tol = 2 * rtol * Math.abs(b) + 0.5 * xtol;
    const m = 0.5 * (c - b);
    if (Math.abs(m) <= tol || fb === 0) return solved(b, i);
    if (Math.abs(e) >= tol && Math.abs(fa) > Math.abs(fb)) {
      // inverse quadratic interpolation or secant
      const s = fb / fa;
      let p: number;
      let q: number;
      if (a === c) {
        p = 2 * m * s;
        q = 1 - s;
      } else {
        const qa = fa / fc;
        const r = fb / fc;
        p = s * (2 * m * qa * (qa - r) - (b - a) * (r - 1));
        q = (qa - 1) * (r - 1) * (s - 1);
      }
      if (p > 0) q = -q;
      else p = -p;
      if (2 * p < Math.min(3 * m * q - Math.abs(tol * q), Math.abs(e * q))) {
        e = d;
        d = p / q;
      } else {
        d = m;
        e = m;
      }
    } else {
      d = m;
      e = m;
    }
    a = b;
    fa = fb;
    b += Math.abs(d) > tol ? d : m > 0 ? tol : -tol;
    fb = f(b);
    if (!Number.isFinite(fb)) return failed(`f is not finite at x = ${b}`, i, a);
  }
  return failed(`no convergence in ${maxIterations} iterations; bracket [${b}, ${c}]`, maxIterations, b);
}

/**
 * Newton's method kept inside a bracket [lo, hi] that holds a sign change of f: a Newton step that leaves the
 * bracket or does not halve |f| is replaced by bisection. `fdf` returns f and df/dx through `out`.
 */
export function safeNewton(
  fdf: (x: number, out: Float64Array) => void,
  x0: number,
  lo: number,
  hi: number,
  options: Partial<RootOptions> = {},
): SolveResult<number> {
  const { xtol, rtol, maxIterations } = { ...ROOT_DEFAULTS, ...options };
  const out = new Float64Array(2);
  fdf(lo, out);
  const flo = out[0];
  fdf(hi, out);
  const fhi = out[0];
  if (!(flo * fhi <= 0)) return failed(`no sign change on [${lo}, ${hi}]: f = ${flo}, ${fhi}`, 0);
  const increasing = flo < fhi;
  let x = x0 > lo && x0 < hi ? x0 : 0.5 * (lo + hi);
  let dxOld = hi - lo;
  for (let i = 1; i <= maxIterations; i++) {
    fdf(x, out);
    const fx = out[0];
    const dfx = out[1];
    if (fx === 0) return solved(x, i);
    if ((fx < 0) === increasing) lo = x;
    else hi = x;
    let next = x - fx / dfx;
    if (!(next > lo && next < hi) || Math.abs(2 * (x - next)) > Math.abs(dxOld)) next = 0.5 * (lo + hi);
    dxOld = next - x;
    const tol = rtol * Math.abs(next) + xtol;
    x = next;
    if (Math.abs(dxOld) <= tol || hi - lo <= tol) return solved(x, i);
  }
  return failed(`no convergence in ${maxIterations} iterations; bracket [${lo}, ${hi}]`, maxIterations, x);
}
