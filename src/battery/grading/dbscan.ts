/**
 * The paper's density rejection (density_rejection.m in windcookies/Sorting-and-Regrouping, as
 * ../shared/data/retired_lfp_cells/README.md describes it): feature columns z-scored with the sample standard
 * deviation, then DBSCAN (Ester et al., KDD 1996) with a point's neighbourhood including itself and an inclusive
 * radius; noise points are rejected. Kept for comparison with the paper and its reference values; the grading's own
 * rejection is robust z-scores (rejection.ts).
 */
import { euclidean, mean, sampleStd } from './statistics.js';

/** Each column shifted by its mean and divided by its sample standard deviation. */
export function zScoreColumns(rows: readonly Float64Array[]): Float64Array[] {
  const m = rows[0].length;
  const centre = new Float64Array(m);
  const scale = new Float64Array(m);
  for (let j = 0; j < m; j++) {
    const column = rows.map((r) => r[j]);
    centre[j] = mean(column);
    scale[j] = sampleStd(column);
  }
  return rows.map((r) => r.map((v, j) => (v - centre[j]) / scale[j]));
}

export interface DbscanResult {
  /** Cluster of each point from 1 (numbered in order of their lowest-index core point), −1 for noise. */
  readonly label: Int32Array;
  /** Distance of each point to its nearest other point. */
  readonly nearest: Float64Array;
}

export function dbscan(points: readonly Float64Array[], radius: number, minPoints: number): DbscanResult {
  const n = points.length;
  const neighbours: number[][] = Array.from({ length: n }, () => []);
  const nearest = new Float64Array(n).fill(Infinity);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const d = i === j ? 0 : euclidean(points[i], points[j]);
      if (d <= radius) neighbours[i].push(j);
      if (i !== j) nearest[i] = Math.min(nearest[i], d);
    }
  }
  const core = neighbours.map((s) => s.length >= minPoints);
  const label = new Int32Array(n);
  let cluster = 0;
  for (let k = 0; k < n; k++) {
    if (label[k] !== 0 || !core[k]) continue;
    label[k] = ++cluster;
    const stack = [k];
    while (stack.length > 0) {
      const j = stack.pop() as number;
      for (const m of neighbours[j]) {
        if (label[m] === 0) {
          label[m] = cluster;
          if (core[m]) stack.push(m);
        }
      }
    }
  }
  return { label: label.map((l) => (l === 0 ? -1 : l)), nearest };
}
