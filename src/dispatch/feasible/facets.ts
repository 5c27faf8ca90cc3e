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
  // the points as flat arrays (indexed reads: a few dozen points, but a triple loop over them)
  const n = points.length;
  const X = new Float64Array(n);
  const Y = new Float64Array(n);
  const Z = new Float64Array(n);
  let sx = 1;
  let sy = 1;
  let sz = 1;
  for (let i = 0; i < n; i++) {
    X[i] = points[i][0];
    Y[i] = points[i][1];
    Z[i] = sign * points[i][2];
    sx = Math.max(sx, Math.abs(X[i]));
    sy = Math.max(sy, Math.abs(Y[i]));
    sz = Math.max(sz, Math.abs(Z[i]));
  }
  const tol = 1e-9 * sz;
  const planes: Plane[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      for (let k = j + 1; k < n; k++) {
        const x1 = X[i], y1 = Y[i], z1 = Z[i];
        // solve z = a + b x + c y through the three points (scaled to keep the determinant meaningful)
        const ux = (X[j] - x1) / sx, uy = (Y[j] - y1) / sy, vx = (X[k] - x1) / sx, vy = (Y[k] - y1) / sy;
        const det = ux * vy - uy * vx;
        if (Math.abs(det) < 1e-9) continue;
        const dz1 = Z[j] - z1;
        const dz2 = Z[k] - z1;
        const b = ((dz1 * vy - dz2 * uy) / det) / sx;
        const c = ((ux * dz2 - vx * dz1) / det) / sy;
        const a = z1 - b * x1 - c * y1;
        if (!allBelow(X, Y, Z, a, b, c, tol)) continue;
        if (!hasPlane(planes, sign * a, sign * b, sign * c, tol, sx, sy)) planes.push({ a: sign * a, b: sign * b, c: sign * c });
      }
    }
  }
  return planes;
}

/** Every point on or below the plane z = a + b x + c y (within tol). */
function allBelow(X: Float64Array, Y: Float64Array, Z: Float64Array, a: number, b: number, c: number, tol: number): boolean {
  for (let m = 0; m < X.length; m++) if (Z[m] > a + b * X[m] + c * Y[m] + tol) return false;
  return true;
}

/** A plane already found within tol (in value, over the points' ranges sx, sy). */
function hasPlane(planes: readonly Plane[], a: number, b: number, c: number, tol: number, sx: number, sy: number): boolean {
  for (const q of planes) if (Math.abs(q.a - a) <= tol && Math.abs(q.b - b) * sx <= tol && Math.abs(q.c - c) * sy <= tol) return true;
  return false;
}
