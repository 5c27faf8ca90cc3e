/**
 * The hypervolume indicator (E. Zitzler, L. Thiele, 1998): the measure of the objective-space region dominated by a
 * set of points and bounded by a reference point, all objectives minimised. Exact for 2 objectives (a sweep over the
 * points sorted by the first objective, O(n log n)) and 3 objectives (slices along the third objective, each a 2-D
 * hypervolume, O(n² log n)). Points not strictly better than the reference in every objective add nothing.
 */
import { ProjectError } from '../../errors.js';
import { checkFinite } from './checks.js';

function hypervolume2d(points: readonly (readonly number[])[], r0: number, r1: number): number {
  const inside = points.filter((p) => p[0] < r0 && p[1] < r1).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let volume = 0;
  let ceiling = r1;
  for (const p of inside) {
    if (p[1] >= ceiling) continue;
    volume += (r0 - p[0]) * (ceiling - p[1]);
    ceiling = p[1];
  }
  return volume;
}

function hypervolume3d(points: readonly (readonly number[])[], ref: readonly number[]): number {
  const inside = points.filter((p) => p[0] < ref[0] && p[1] < ref[1] && p[2] < ref[2]).sort((a, b) => a[2] - b[2]);
  let volume = 0;
  for (let i = 0; i < inside.length; i++) {
    const top = i + 1 < inside.length ? inside[i + 1][2] : ref[2];
    if (top > inside[i][2]) volume += hypervolume2d(inside.slice(0, i + 1), ref[0], ref[1]) * (top - inside[i][2]);
  }
  return volume;
}

/** Hypervolume of `points` (each with 2 or 3 objectives) against `reference`, in the product of the objectives' units. */
export function hypervolume(points: readonly (readonly number[])[], reference: readonly number[]): number {
  const m = reference.length;
  if (m !== 2 && m !== 3) throw new ProjectError('reference', reference, 'a reference point with 2 or 3 objectives');
  reference.forEach((r, k) => checkFinite(`reference[${k}]`, r));
  points.forEach((p, i) => {
    if (p.length !== m) throw new ProjectError(`points[${i}]`, p, `${m} objective values`);
    p.forEach((v, k) => checkFinite(`points[${i}][${k}]`, v));
  });
  return m === 2 ? hypervolume2d(points, reference[0], reference[1]) : hypervolume3d(points, reference);
}
