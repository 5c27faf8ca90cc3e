/**
 * Grouping kept cells into modules of exactly `size` cells: balanced k-means (k = ⌊n / size⌋ groups). Each restart
 * seeds k centres by k-means++ (Arthur & Vassilvitskii, "k-means++: the advantages of careful seeding", SODA 2007),
 * then repeats until the groups stop changing: (1) assign cells to the nearest centre with room, taking the
 * (cell, centre) pairs in order of distance (a greedy capacity-constrained assignment); (2) exchange two cells of
 * different groups, or a grouped cell and a spare, whenever that lowers the within-group sum of squares to the
 * centres (first-improvement passes until none does); (3) move each centre to its group's mean. The restart with the
 * least within-group sum of squares is kept. Equal sizes because a module's cells are in series: the pack needs
 * whole modules of the same count, and the cells left over (n mod size) are the spares the distance puts aside.
 */
import { Xoshiro128, type Rng } from '../../numerics/random.js';

export interface Grouping {
  /** Group of each point (0 … k − 1), or −1 for a spare. */
  readonly group: Int32Array;
  /** Within-group sum of squared distances to the group means. */
  readonly cost: number;
  readonly groups: number;
}

const sq = (a: Float64Array, b: Float64Array) => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] - b[i]) ** 2;
  return s;
};

function kMeansPlusPlus(points: readonly Float64Array[], k: number, random: Rng): Float64Array[] {
  const centres = [points[Math.floor(random.nextFloat() * points.length)].slice()];
  const d2 = points.map((p) => sq(p, centres[0]));
  while (centres.length < k) {
    const total = d2.reduce((s, v) => s + v, 0);
    let r = random.nextFloat() * total;
    let pick = points.length - 1;
    for (let i = 0; i < points.length; i++) {
      r -= d2[i];
      if (r < 0) {
        pick = i;
        break;
      }
    }
    centres.push(points[pick].slice());
    for (let i = 0; i < points.length; i++) d2[i] = Math.min(d2[i], sq(points[i], centres[centres.length - 1]));
  }
  return centres;
}

function assign(points: readonly Float64Array[], centres: readonly Float64Array[], size: number): Int32Array {
  const pairs: { i: number; j: number; d: number }[] = [];
  points.forEach((p, i) => centres.forEach((c, j) => pairs.push({ i, j, d: sq(p, c) })));
  pairs.sort((a, b) => a.d - b.d || a.i - b.i || a.j - b.j);
  const group = new Int32Array(points.length).fill(-1);
  const count = new Int32Array(centres.length);
  for (const { i, j } of pairs) {
    if (group[i] === -1 && count[j] < size) {
      group[i] = j;
      count[j]++;
    }
  }
  return group;
}

/** Pairwise exchanges that lower Σ ||x − c_group||² with the centres fixed (a spare costs nothing). */
function exchange(points: readonly Float64Array[], centres: readonly Float64Array[], group: Int32Array): void {
  const k = centres.length;
  const table = new Float64Array(points.length * k);
  points.forEach((p, i) => centres.forEach((c, g) => (table[i * k + g] = sq(p, c))));
  const cost = (i: number, g: number) => (g < 0 ? 0 : table[i * k + g]);
  let improved = true;
  while (improved) {
    improved = false;
    for (let i = 0; i < points.length; i++) {
      for (let j = i + 1; j < points.length; j++) {
        const gi = group[i];
        const gj = group[j];
        if (gi === gj) continue;
        const delta = cost(i, gj) + cost(j, gi) - cost(i, gi) - cost(j, gj);
        if (delta < -1e-12) {
          group[i] = gj;
          group[j] = gi;
          improved = true;
        }
      }
    }
  }
}

function means(points: readonly Float64Array[], group: Int32Array, k: number): Float64Array[] {
  const dim = points[0].length;
  const centres = Array.from({ length: k }, () => new Float64Array(dim));
  const count = new Int32Array(k);
  points.forEach((p, i) => {
    const g = group[i];
    if (g < 0) return;
    count[g]++;
    for (let d = 0; d < dim; d++) centres[g][d] += p[d];
  });
  centres.forEach((c, g) => c.forEach((_, d) => (c[d] /= count[g])));
  return centres;
}

function sumOfSquares(points: readonly Float64Array[], group: Int32Array, centres: readonly Float64Array[]): number {
  let s = 0;
  points.forEach((p, i) => {
    if (group[i] >= 0) s += sq(p, centres[group[i]]);
  });
  return s;
}

export interface BalancedKMeansOptions {
  readonly size: number;
  readonly seed: number;
  readonly restarts: number;
  readonly maxIterations: number;
}

export function balancedKMeans(points: readonly Float64Array[], options: BalancedKMeansOptions): Grouping {
  const { size, restarts, maxIterations } = options;
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`moduleSize = ${size} is not valid; valid: a whole number ≥ 1`);
  if (!Number.isInteger(restarts) || restarts < 1) throw new RangeError(`restarts = ${restarts} is not valid; valid: a whole number ≥ 1`);
  const k = Math.floor(points.length / size);
  if (k < 1) throw new RangeError(`moduleSize = ${size} is not valid for ${points.length} cells to group; valid: 1 to ${points.length}`);
  const random = Xoshiro128.fromSeed(options.seed);
  let best: Grouping | null = null;
  for (let r = 0; r < restarts; r++) {
    let centres = kMeansPlusPlus(points, k, random);
    let group = assign(points, centres, size);
    for (let it = 0; it < maxIterations; it++) {
      exchange(points, centres, group);
      centres = means(points, group, k);
      const next = assign(points, centres, size);
      exchange(points, centres, next);
      const same = next.every((g, i) => g === group[i]);
      group = next;
      centres = means(points, group, k);
      if (same) break;
    }
    const cost = sumOfSquares(points, group, centres);
    if (best === null || cost < best.cost) best = { group, cost, groups: k };
  }
  return best as Grouping;
}
