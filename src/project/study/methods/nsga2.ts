/**
 * NSGA-II (Deb et al., IEEE Trans. Evol. Comput. 6 (2002) 182–197) with an ask/tell interface, so that a study runner
 * evaluates each generation's cases where and when it likes (worker threads, other machines) and hands the results
 * back in order.
 *
 *   const opt = new Nsga2({ lower, upper, objectives: 2, populationSize: 100, seed: 1 });
 *   while (opt.generation < 250) opt.tell(opt.ask().map(evaluate));   // evaluate: x → Evaluation | null
 *   opt.front();                                                      // the feasible non-dominated individuals
 *
 * Generation 0 is a Latin hypercube over the bounds; each later generation is N children made by binary tournaments
 * (crowded comparison: lower rank, then larger crowding distance), SBX and polynomial mutation; parents and children
 * together are sorted into fronts, and the next population is filled front by front, the last front cut by crowding
 * distance. All objectives are minimised (negate one to maximise); constraints are g_k(x) ≤ 0 with
 * constraint-domination (pareto.ts). A failed case (`null`) counts as infinitely infeasible: never chosen while
 * anything else is available.
 *
 * Determinism: every random choice comes from one seeded generator and ties resolve by position, so the same options
 * and the same evaluations give the same cases bit for bit. A study resumed after a crash replays ask/tell with the
 * stored evaluations and continues exactly where it stopped.
 */
import { ProjectError } from '../../errors.js';
import { checkFinite, checkInteger } from './checks.js';
import { latinHypercube } from './lhs.js';
import { crowdingDistance, nonDominatedSort, type Ranked } from './pareto.js';
import { randomInt, seededRng, type Rng } from './rng.js';
import { polynomialMutation, sbx } from './variation.js';

export interface Nsga2Options {
  /** Lower bound of each variable, in its unit. */
  readonly lower: readonly number[];
  /** Upper bound of each variable (> lower). */
  readonly upper: readonly number[];
  /** Number of objectives (≥ 1). */
  readonly objectives: number;
  /** Number of constraints g_k(x) ≤ 0 (default 0). */
  readonly constraints?: number;
  /** Population size N, even (default 100). */
  readonly populationSize?: number;
  readonly seed: number;
  /** Probability that a pair of parents is crossed (default 0.9). */
  readonly crossoverProbability?: number;
  /** SBX distribution index η_c (default 15). */
  readonly crossoverEta?: number;
  /** Per-variable mutation probability (default 1/number of variables). */
  readonly mutationProbability?: number;
  /** Polynomial-mutation distribution index η_m (default 20). */
  readonly mutationEta?: number;
}

export const NSGA2_DEFAULTS = { populationSize: 100, crossoverProbability: 0.9, crossoverEta: 15, mutationEta: 20, constraints: 0 } as const;

/** The result of evaluating one case. */
export interface Evaluation {
  /** Objective values, all minimised, finite. */
  readonly objectives: readonly number[];
  /** Constraint values g_k(x), feasible when ≤ 0 (absent when the problem has none). */
  readonly constraints?: readonly number[];
}

export interface Individual extends Ranked {
  /** Variables, in their units. */
  readonly x: readonly number[];
  readonly objectives: readonly number[];
  readonly constraints: readonly number[];
  /** Σ max(0, g_k); Infinity for a failed case. */
  readonly violation: number;
  readonly feasible: boolean;
  /** Whether the evaluation failed (null was told). */
  readonly failed: boolean;
  /** Front index in the current population (0 = non-dominated). */
  rank: number;
  /** Crowding distance in its front (Infinity at the extremes). */
  crowding: number;
}

export class Nsga2 {
  readonly options: Required<Omit<Nsga2Options, 'mutationProbability'>> & { readonly mutationProbability: number };
  /** Completed generations (number of tell calls). */
  generation = 0;
  private readonly rng: Rng;
  private populationList: Individual[] = [];
  private pending: number[][] | undefined;

  constructor(options: Nsga2Options) {
    const n = options.lower?.length ?? 0;
    if (n === 0) throw new ProjectError('lower', options.lower, 'one lower bound per variable');
    if (options.upper?.length !== n) throw new ProjectError('upper', options.upper, `${n} upper bounds, one per variable`);
    for (let i = 0; i < n; i++) {
      checkFinite(`lower[${i}]`, options.lower[i]);
      checkFinite(`upper[${i}]`, options.upper[i], options.lower[i], Infinity, true);
    }
    checkInteger('objectives', options.objectives, 1, 100);
    const o = { ...NSGA2_DEFAULTS, mutationProbability: 1 / n, ...options };
    checkInteger('constraints', o.constraints, 0);
    checkInteger('populationSize', o.populationSize, 4);
    if (o.populationSize % 2 !== 0) throw new ProjectError('populationSize', o.populationSize, 'an even number (children come in pairs)');
    checkFinite('crossoverProbability', o.crossoverProbability, 0, 1);
    checkFinite('crossoverEta', o.crossoverEta, 0);
    checkFinite('mutationProbability', o.mutationProbability, 0, 1);
    checkFinite('mutationEta', o.mutationEta, 0);
    this.options = o;
    this.rng = seededRng(o.seed);
  }

  /** The current population, ranked (empty before the first tell). */
  get population(): readonly Individual[] {
    return this.populationList;
  }

  /** The cases to evaluate next (N rows of variables); the same rows again until they are told. */
  ask(): number[][] {
    if (this.pending) return this.pending.map((x) => x.slice());
    const { lower, upper, populationSize: N } = this.options;
    if (this.generation === 0) {
      const seed = Math.floor(this.rng.nextFloat() * 2 ** 53);
      this.pending = latinHypercube(N, lower.length, { seed }).map((u) => u.map((v, i) => lower[i] + v * (upper[i] - lower[i])));
    } else {
      this.pending = this.offspring();
    }
    return this.pending.map((x) => x.slice());
  }

  /** Results of the cases of the last ask(), in the same order; null for a case that failed. */
  tell(evaluations: readonly (Evaluation | null)[]): void {
    const asked = this.pending;
    if (!asked) throw new ProjectError('tell', 'called before ask', 'ask() first, then tell() with its evaluations');
    if (evaluations.length !== asked.length) throw new ProjectError('evaluations', `${evaluations.length} results`, `${asked.length} results, one per asked case, in order`);
    const children = asked.map((x, i) => this.individual(x, evaluations[i], `evaluations[${i}]`));
    this.pending = undefined;
    this.populationList = this.survivors([...this.populationList, ...children]);
    this.generation++;
  }

  /** The feasible individuals of the first front (the current Pareto front approximation), by first objective. */
  front(): Individual[] {
    return this.populationList
      .filter((p) => p.rank === 0 && p.feasible)
      .sort((a, b) => a.objectives[0] - b.objectives[0] || a.objectives[a.objectives.length - 1] - b.objectives[b.objectives.length - 1]);
  }

  private individual(x: number[], e: Evaluation | null, field: string): Individual {
    const m = this.options.objectives;
    const k = this.options.constraints;
    if (e === null) {
      return { x, objectives: new Array<number>(m).fill(Infinity), constraints: [], violation: Infinity, feasible: false, failed: true, rank: 0, crowding: 0 };
    }
    if (e.objectives?.length !== m) throw new ProjectError(`${field}.objectives`, e.objectives, `${m} objective values`);
    e.objectives.forEach((f, j) => checkFinite(`${field}.objectives[${j}]`, f));
    const g = e.constraints ?? [];
    if (g.length !== k) throw new ProjectError(`${field}.constraints`, e.constraints, `${k} constraint values g(x) ≤ 0`);
    g.forEach((v, j) => checkFinite(`${field}.constraints[${j}]`, v));
    const violation = g.reduce((s, v) => s + Math.max(0, v), 0);
    return { x, objectives: e.objectives.slice(), constraints: g.slice(), violation, feasible: violation === 0, failed: false, rank: 0, crowding: 0 };
  }

  /** Ranks `all` and keeps N: whole fronts while they fit, then the most crowded-apart of the next. */
  private survivors(all: Individual[]): Individual[] {
    const N = this.options.populationSize;
    const kept: Individual[] = [];
    const fronts = nonDominatedSort(all);
    for (let f = 0; f < fronts.length && kept.length < N; f++) {
      const front = fronts[f];
      const distance = crowdingDistance(all, front);
      front.forEach((idx, i) => {
        all[idx].rank = f;
        all[idx].crowding = distance[i];
      });
      if (kept.length + front.length <= N) {
        for (const idx of front) kept.push(all[idx]);
      } else {
        const order = front.map((_, i) => i).sort((a, b) => distance[b] - distance[a] || a - b);
        for (const i of order.slice(0, N - kept.length)) kept.push(all[front[i]]);
      }
    }
    // The crowding of the kept population is recomputed per front (the cut front lost members).
    const keptFronts = new Map<number, number[]>();
    kept.forEach((p, i) => keptFronts.set(p.rank, [...(keptFronts.get(p.rank) ?? []), i]));
    for (const members of keptFronts.values()) {
      const d = crowdingDistance(kept, members);
      members.forEach((i, j) => (kept[i].crowding = d[j]));
    }
    return kept;
  }

  /** Binary tournament by crowded comparison. */
  private tournament(): Individual {
    const pop = this.populationList;
    const a = pop[randomInt(this.rng, pop.length)];
    const b = pop[randomInt(this.rng, pop.length)];
    if (a.rank !== b.rank) return a.rank < b.rank ? a : b;
    if (a.crowding !== b.crowding) return a.crowding > b.crowding ? a : b;
    return this.rng.nextFloat() < 0.5 ? a : b;
  }

  private offspring(): number[][] {
    const o = this.options;
    const children: number[][] = [];
    while (children.length < o.populationSize) {
      const p1 = this.tournament();
      const p2 = this.tournament();
      const [c1, c2] = this.rng.nextFloat() <= o.crossoverProbability
        ? sbx(p1.x, p2.x, o.lower, o.upper, o.crossoverEta, this.rng)
        : [p1.x.slice(), p2.x.slice()];
      polynomialMutation(c1, o.lower, o.upper, o.mutationEta, o.mutationProbability, this.rng);
      polynomialMutation(c2, o.lower, o.upper, o.mutationEta, o.mutationProbability, this.rng);
      children.push(c1, c2);
    }
    return children;
  }
}
