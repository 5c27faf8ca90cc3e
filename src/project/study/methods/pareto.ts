/**
 * Pareto ranking for NSGA-II (K. Deb, A. Pratap, S. Agarwal, T. Meyarivan, IEEE Trans. Evol. Comput. 6 (2002)
 * 182–197): constraint-domination, the fast non-dominated sort and the crowding distance. All objectives minimised.
 *
 * Constraint-domination (Deb 2000; §VI of the NSGA-II paper): a feasible solution beats an infeasible one; of two
 * infeasible ones the smaller total violation wins; of two feasible ones the Pareto-dominating one wins.
 */

/** What the ranking needs of a solution. */
export interface Ranked {
  /** Objective values, all minimised. */
  readonly objectives: readonly number[];
  /** Total constraint violation Σ max(0, g_k), 0 when feasible; Infinity for a failed evaluation. */
  readonly violation: number;
}

/** True when a Pareto-dominates b: no worse in every objective, better in one. */
export function dominates(a: readonly number[], b: readonly number[]): boolean {
  let better = false;
  for (let k = 0; k < a.length; k++) {
    if (a[k] > b[k]) return false;
    if (a[k] < b[k]) better = true;
  }
  return better;
}

/** Deb's constraint-domination. */
export function constrainedDominates(a: Ranked, b: Ranked): boolean {
  const fa = a.violation === 0;
  const fb = b.violation === 0;
  if (fa && !fb) return true;
  if (!fa && !fb) return a.violation < b.violation;
  if (!fa) return false;
  return dominates(a.objectives, b.objectives);
}

/** Fronts of indices into `solutions`: front 0 is non-dominated, front 1 is dominated only by front 0, … */
export function nonDominatedSort(solutions: readonly Ranked[]): number[][] {
  const n = solutions.length;
  const dominatedBy = new Int32Array(n);
  const dominatesList: number[][] = Array.from({ length: n }, () => []);
  const fronts: number[][] = [[]];
  for (let p = 0; p < n; p++) {
    for (let q = p + 1; q < n; q++) {
      if (constrainedDominates(solutions[p], solutions[q])) {
        dominatesList[p].push(q);
        dominatedBy[q]++;
      } else if (constrainedDominates(solutions[q], solutions[p])) {
        dominatesList[q].push(p);
        dominatedBy[p]++;
      }
    }
  }
  for (let p = 0; p < n; p++) if (dominatedBy[p] === 0) fronts[0].push(p);
  for (let f = 0; fronts[f].length > 0; f++) {
    const next: number[] = [];
    for (const p of fronts[f]) {
      for (const q of dominatesList[p]) if (--dominatedBy[q] === 0) next.push(q);
    }
    next.sort((a, b) => a - b);
    fronts.push(next);
  }
  fronts.pop();
  return fronts;
}

/**
 * Crowding distance of each member of one front (indices into `solutions`), in the order of `front`: the sum over
 * objectives of the normalised gap between its two neighbours; the extremes of each objective get Infinity.
 */
export function crowdingDistance(solutions: readonly Ranked[], front: readonly number[]): number[] {
  const m = front.length;
  const distance = new Array<number>(m).fill(0);
  if (m === 0) return distance;
  const objectives = solutions[front[0]].objectives.length;
  for (let k = 0; k < objectives; k++) {
    // Stable order: by objective value, then by position in the front, so ties resolve the same way on every machine.
    const order = Array.from({ length: m }, (_, i) => i).sort(
      (a, b) => solutions[front[a]].objectives[k] - solutions[front[b]].objectives[k] || a - b,
    );
    const lo = solutions[front[order[0]]].objectives[k];
    const hi = solutions[front[order[m - 1]]].objectives[k];
    distance[order[0]] = Infinity;
    distance[order[m - 1]] = Infinity;
    if (!(hi > lo)) continue;
    for (let i = 1; i < m - 1; i++) {
      distance[order[i]] += (solutions[front[order[i + 1]]].objectives[k] - solutions[front[order[i - 1]]].objectives[k]) / (hi - lo);
    }
  }
  return distance;
}
