/**
 * The concave (or convex) envelope of a part-load map as planes over (state of charge, power): the tightest
 * linear description of the map that is still never below it (concave, for the fill rate) or never above it
 * (convex, for the withdrawal). The bilinear interpolation the plant uses is a convex combination of the four
 * corners around a point, so every value it gives lies within the envelope of the map's points; with the points
 * of "not running" (power 0, value 0) at every state of charge, the envelope also covers the idle plant.
 */

/** value ≤ (or ≥) a + b·soc + c·power: J, W → W. */
export interface Plane {
  readonly a: number;
  readonly b: number;
  readonly c: number;
}

/** Points (soc J, power W, value W) of a map: its rows stretched to the store's ends, columns up to `hi`, and idle. */
export function mapPoints(soc: Float64Array, cols: Float64Array, values: Float64Array, capacity: number, hi: number): [number, number, number][] {
  const n = cols.length;
  const rows = soc.length;
  // outside its rows the map holds the end rows' values (mapAt clamps)
  const at = [0, ...soc, capacity];
  const rowOf = (k: number) => Math.min(rows - 1, Math.max(0, k - 1));
  const out: [number, number, number][] = [];
  for (let k = 0; k < at.length; k++) {
    const r = rowOf(k);
    out.push([at[k], 0, 0]);
    for (let c = 0; c < n; c++) {
      const v = values[r * n + c];
      if (cols[c] <= hi && Number.isFinite(v)) out.push([at[k], cols[c], v]);
      if (c + 1 < n && cols[c] < hi && cols[c + 1] > hi) {
        const f = (hi - cols[c]) / (cols[c + 1] - cols[c]);
        const u = v * (1 - f) + values[r * n + c + 1] * f;
        if (Number.isFinite(u)) out.push([at[k], hi, u]);
      }
    }
  }
  return out;
}

/**
 * The planes of the upper concave envelope of the points (`upper`), or of the lower convex one: every plane through
 * three affinely independent points with all points on its side. Brute force over triples: maps are a few dozen
 * points. Near-duplicate planes are merged.
 */
export function envelopePlanes(points: readonly (readonly [number, number, number])[], upper: boolean): Plane[] {
  const sign = upper ? 1 : -1;
  const P = points.map(([x, y, z]) => [x, y, sign * z] as const);
  let sx = 1;
  let sy = 1;
  let sz = 1;
  for (const [x, y, z] of P) {
    sx = Math.max(sx, Math.abs(x));
    sy = Math.max(sy, Math.abs(y));
    sz = Math.max(sz, Math.abs(z));
  }
  const tol = 1e-9 * sz;
  const planes: Plane[] = [];
  const n = P.length;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      for (let k = j + 1; k < n; k++) {
        const [x1, y1, z1] = P[i];
        const [x2, y2, z2] = P[j];
        const [x3, y3, z3] = P[k];
        // solve z = a + b x + c y through the three points (scaled to keep the determinant meaningful)
        const ux = (x2 - x1) / sx, uy = (y2 - y1) / sy, vx = (x3 - x1) / sx, vy = (y3 - y1) / sy;
        const det = ux * vy - uy * vx;
        if (Math.abs(det) < 1e-9) continue;
        const dz1 = z2 - z1;
        const dz2 = z3 - z1;
        const b = ((dz1 * vy - dz2 * uy) / det) / sx;
        const c = ((ux * dz2 - vx * dz1) / det) / sy;
        const a = z1 - b * x1 - c * y1;
        let ok = true;
        for (let m = 0; m < n && ok; m++) if (P[m][2] > a + b * P[m][0] + c * P[m][1] + tol) ok = false;
        if (!ok) continue;
        const same = planes.some((q) => Math.abs(q.a - sign * a) <= tol && Math.abs(q.b - sign * b) * sx <= tol && Math.abs(q.c - sign * c) * sy <= tol);
        if (!same) planes.push({ a: sign * a, b: sign * b, c: sign * c });
      }
    }
  }
  return planes;
}
