/**
 * An upper concave approximation of a concave function known only by exact values at chosen states, for the bound
 * recursion (bound-recursion.ts). Between evaluated states x_k a concave W lies below the chords of its neighbours
 * extended (the chord (x_{k−1}, x_k) continued right, (x_{k+1}, x_{k+2}) continued left: a "tent" over each
 * interval); the upper concave hull of the tents is never below W and at most the tallest tent above it. New states
 * go to the tents' peaks: on a kink of a piecewise-linear W whose neighbouring nodes lie on its two pieces, the peak
 * is the kink and the tent closes.
 */

/** A concave non-decreasing piecewise-linear function on [xs[0], ∞), constant after xs[n − 1], −∞ below xs[0]. */
export interface Concave {
  readonly xs: Float64Array;
  readonly vs: Float64Array;
  /** slopes[j] between xs[j] and xs[j + 1] (non-increasing, ≥ 0) */
  readonly slopes: Float64Array;
}

/** U(y): −∞ below its domain, held after its last state. */
export function valueAt(u: Concave, y: number): number {
  const n = u.xs.length;
  if (y < u.xs[0]) return -Infinity;
  if (y >= u.xs[n - 1]) return u.vs[n - 1];
  let lo = 0;
  let hi = n - 1; // xs[lo] ≤ y < xs[hi]
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (u.xs[mid] <= y) lo = mid;
    else hi = mid;
  }
  return u.vs[lo] + u.slopes[lo] * (y - u.xs[lo]);
}

export const MAX_NODES = 4000;

/** A concave function evaluated exactly at any state (an object, so that one compiled caller serves every kind). */
export interface Evaluated {
  value(x: number): number;
}

const finite = (v: number) => v > -Infinity && v < Infinity;

export function concaveFrom(xs: number[], vs: number[]): Concave {
  const n = xs.length;
  const slopes = new Float64Array(Math.max(0, n - 1));
  for (let j = 0; j + 1 < n; j++) slopes[j] = (vs[j + 1] - vs[j]) / (xs[j + 1] - xs[j]);
  return { xs: Float64Array.from(xs), vs: Float64Array.from(vs), slopes };
}

/** Scratch buffers of the node refinement, reused across steps. */
export class Nodes {
  xs = new Float64Array(MAX_NODES);
  vs = new Float64Array(MAX_NODES);
  nx = new Float64Array(MAX_NODES);
  nv = new Float64Array(MAX_NODES);
  /** per interval: the tent's peak (x, value) and height above the chord, and where to add a node (NaN: nowhere) */
  px = new Float64Array(MAX_NODES);
  pv = new Float64Array(MAX_NODES);
  at = new Float64Array(MAX_NODES);
  hx = new Float64Array(2 * MAX_NODES + 2);
  sx = new Float64Array(2 * MAX_NODES + 2);
  sv = new Float64Array(2 * MAX_NODES + 2);
  hv = new Float64Array(2 * MAX_NODES + 2);
}

/**
 * A concave non-decreasing U ≥ W on [lo, hi] from exact values of the concave W: nodes refined at the tents'
 * peaks until each tent is at most `tol` above the chord under it; gap is the largest tent height left.
 */
export function approximate(W: Evaluated, lo: number, hi: number, tol: number, minSpacing: number, b: Nodes): { u: Concave; gap: number } | undefined {
  // the end state only just reachable: one state, held after it (a higher state is thrown away down to it)
  if (!(hi > lo)) {
    const v = W.value(lo);
    return finite(v) ? { u: concaveFrom([lo], [v]), gap: 0 } : undefined;
  }
  minSpacing = Math.min(minSpacing, (hi - lo) / 64);
  const N0 = 8;
  let { xs, vs, nx, nv } = b;
  const { px, pv, at } = b;
  let n = N0 + 1;
  for (let i = 0; i <= N0; i++) {
    xs[i] = i === N0 ? hi : lo + ((hi - lo) * i) / N0;
    vs[i] = W.value(xs[i]);
    if (!finite(vs[i])) return undefined;
  }
  for (;;) {
    const M = n - 1;
    let gap = 0;
    let adds = 0;
    for (let k = 0; k < M; k++) {
      const x0 = xs[k], x1 = xs[k + 1];
      const w0 = vs[k], w1 = vs[k + 1];
      let g = 0;
      let where = 0.5 * (x0 + x1);
      px[k] = NaN;
      if (k === 0) {
        // only the chord on the right continued: its height at x0
        g = w1 - ((vs[2] - w1) / (xs[2] - x1)) * (x1 - x0) - w0;
        px[k] = x0;
        pv[k] = w0 + Math.max(0, g);
      } else if (k === M - 1) {
        g = w0 + ((w0 - vs[k - 1]) / (x0 - xs[k - 1])) * (x1 - x0) - w1;
        px[k] = x1;
        pv[k] = w1 + Math.max(0, g);
      } else {
        const sL = (w0 - vs[k - 1]) / (x0 - xs[k - 1]);
        const sR = (vs[k + 2] - w1) / (xs[k + 2] - x1);
        if (sL - sR > 0) {
          // L(x) = w0 + sL(x − x0) and R(x) = w1 + sR(x − x1) meet at the peak
          const xp = Math.min(x1, Math.max(x0, (w1 - w0 + sL * x0 - sR * x1) / (sL - sR)));
          const vp = Math.min(w0 + sL * (xp - x0), w1 + sR * (xp - x1));
          g = vp - (w0 + ((w1 - w0) / (x1 - x0)) * (xp - x0));
          where = xp;
          if (g > 0) {
            px[k] = xp;
            pv[k] = vp;
          }
        }
      }
      if (g > gap) gap = g;
      at[k] = g > tol && x1 - x0 > 2 * minSpacing ? Math.min(x1 - minSpacing, Math.max(x0 + minSpacing, where)) : NaN;
      if (at[k] === at[k]) adds++;
    }
    if (adds === 0) return { u: upperHull(xs, vs, n, px, pv, b), gap };
    if (n + adds > MAX_NODES) return undefined;
    let m = 0;
    for (let k = 0; k < M; k++) {
      nx[m] = xs[k];
      nv[m++] = vs[k];
      if (at[k] === at[k]) {
        nx[m] = at[k];
        nv[m] = W.value(at[k]);
        if (!finite(nv[m++])) return undefined;
      }
    }
    nx[m] = xs[M];
    nv[m++] = vs[M];
    [xs, nx] = [nx, xs];
    [vs, nv] = [nv, vs];
    n = m;
  }
}

/**
 * The upper concave hull of the tents (the nodes, the interior peaks, the end intervals' raised ends), cut flat
 * after its highest point (the non-decreasing hull).
 */
function upperHull(xs: Float64Array, vs: Float64Array, n: number, px: Float64Array, pv: Float64Array, b: Nodes): Concave {
  const { hx, hv, sx, sv } = b;
  // the tents' corners in order: the first interval's raised start, each inner node and inner peak, the last's raised end
  const M = n - 1;
  let q = 0;
  sx[q] = px[0];
  sv[q++] = pv[0];
  for (let k = 1; k < M; k++) {
    sx[q] = xs[k];
    sv[q++] = vs[k];
    if (k < M - 1 && px[k] === px[k]) {
      sx[q] = px[k];
      sv[q++] = pv[k];
    }
  }
  sx[q] = px[M - 1];
  sv[q++] = pv[M - 1];
  let h = 0;
  for (let i = 0; i < q; i++) {
    const x = sx[i];
    const v = sv[i];
    if (h > 0 && x <= hx[h - 1]) {
      if (v <= hv[h - 1]) continue;
      hv[h - 1] = v;
    } else {
      hx[h] = x;
      hv[h++] = v;
    }
    // drop the middle point while it lies on or below the chord of its neighbours
    while (h >= 3 && (hv[h - 2] - hv[h - 3]) * (hx[h - 1] - hx[h - 3]) - (hv[h - 1] - hv[h - 3]) * (hx[h - 2] - hx[h - 3]) <= 0) {
      hx[h - 2] = hx[h - 1];
      hv[h - 2] = hv[h - 1];
      h--;
    }
  }
  let top = 0;
  for (let i = 1; i < h; i++) if (hv[i] >= hv[top]) top = i;
  const x = hx.slice(0, top + 1);
  const v = hv.slice(0, top + 1);
  const slopes = new Float64Array(top);
  for (let j = 0; j < top; j++) slopes[j] = (v[j + 1] - v[j]) / (x[j + 1] - x[j]);
  return { xs: x, vs: v, slopes };
}
