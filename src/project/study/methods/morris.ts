/**
 * Morris elementary-effects screening (M. D. Morris, Technometrics 33 (1991) 161–174) with μ* (F. Campolongo,
 * J. Cariboni, A. Saltelli, Environ. Model. Softw. 22 (2007) 1509–1518).
 *
 * Design: r trajectories of d + 1 points on a p-level grid {0, 1/(p−1), …, 1}; each trajectory moves one parameter at a
 * time, in a random order, by ±Δ with Δ = p/(2(p − 1)) (2/3 for p = 4). Each parameter's pair of values is drawn
 * uniformly among those Δ apart and its starting end at random, so every level is visited equally often.
 * Optional Campolongo improvement: draw `candidates` trajectories and keep the r of largest spread, the spread being
 * √(Σ over kept pairs of d_ml²) with d_ml the sum of Euclidean distances between the points of trajectories m and l;
 * trajectories are dropped one at a time, each time the one whose removal leaves the largest spread (the
 * "local" selection of Ruano et al., Environ. Model. Softw. 37 (2012) 103–109), not the exhaustive search.
 *
 * Indices per parameter i from its r elementary effects EE_i = (f(x + Δe_i) − f(x))/Δ (unit-cube units: the change
 * of the output per whole range of the parameter): μ = mean EE, μ* = mean |EE|, σ = sample standard deviation
 * (divisor r − 1), and a seeded percentile-bootstrap interval of μ* over trajectories.
 */
import { percentile } from '../../../finance/montecarlo.js';
import { ProjectError } from '../../errors.js';
import { checkFinite, checkInteger, checkOutputs } from './checks.js';
import { randomInt, randomPermutation, seededRng } from './rng.js';
import type { UnitPoint } from './types.js';

export interface MorrisOptions {
  /** Number of trajectories r (≥ 2). */
  readonly trajectories: number;
  /** Grid levels p, even (default 4). */
  readonly levels?: number;
  readonly seed: number;
  /** Campolongo's improved sampling: draw this many candidates (> r) and keep the r most spread. */
  readonly candidates?: number;
}

/** Defaults of the design (levels) and of the indices' bootstrap. */
export const MORRIS_DEFAULTS = { levels: 4, bootstrap: 1000, confidence: 0.95, seed: 0 } as const;

export interface MorrisDesign {
  readonly method: 'morris';
  readonly d: number;
  readonly trajectories: number;
  readonly levels: number;
  /** Grid step Δ on the unit cube. */
  readonly delta: number;
  /** r·(d + 1) rows, trajectory after trajectory. */
  readonly points: UnitPoint[];
}

function trajectory(d: number, p: number, rng: ReturnType<typeof seededRng>): UnitPoint[] {
  const delta = p / (2 * (p - 1));
  const lowLevels = p / 2; // pairs (k, k + p/2) for k = 0 … p/2 − 1
  const low = Array.from({ length: d }, () => randomInt(rng, lowLevels) / (p - 1));
  const upFirst = Array.from({ length: d }, () => rng.nextFloat() < 0.5);
  const x = low.map((l, i) => (upFirst[i] ? l : l + delta));
  const out: UnitPoint[] = [x.slice()];
  for (const i of randomPermutation(rng, d)) {
    x[i] = upFirst[i] ? low[i] + delta : low[i];
    out.push(x.slice());
  }
  return out;
}

function distance(a: UnitPoint[], b: UnitPoint[]): number {
  let sum = 0;
  for (const x of a) for (const y of b) {
    let s = 0;
    for (let k = 0; k < x.length; k++) s += (x[k] - y[k]) ** 2;
    sum += Math.sqrt(s);
  }
  return sum;
}

/** Keeps r of the candidate trajectories, dropping the one whose removal leaves the largest spread each time. */
function mostSpread(candidates: UnitPoint[][], r: number): UnitPoint[][] {
  const m = candidates.length;
  const d2 = Array.from({ length: m }, () => new Float64Array(m));
  for (let a = 0; a < m; a++) for (let b = a + 1; b < m; b++) d2[a][b] = d2[b][a] = distance(candidates[a], candidates[b]) ** 2;
  const kept = new Set(Array.from({ length: m }, (_, i) => i));
  // Removing a lowers Σ d² by its row sum over kept trajectories: drop the smallest row sum (first on ties).
  const rowSum = Array.from({ length: m }, (_, a) => d2[a].reduce((s, v) => s + v, 0));
  while (kept.size > r) {
    let worst = -1;
    for (const a of kept) if (worst < 0 || rowSum[a] < rowSum[worst]) worst = a;
    kept.delete(worst);
    for (const a of kept) rowSum[a] -= d2[a][worst];
  }
  return [...kept].sort((a, b) => a - b).map((i) => candidates[i]);
}

export function morrisDesign(d: number, options: MorrisOptions): MorrisDesign {
  checkInteger('d', d, 1);
  checkInteger('trajectories', options.trajectories, 2);
  const p = options.levels ?? MORRIS_DEFAULTS.levels;
  checkInteger('levels', p, 2);
  if (p % 2 !== 0) throw new ProjectError('levels', p, 'an even number of levels (Δ = p/(2(p − 1)) lands on the grid)');
  const rng = seededRng(options.seed);
  const r = options.trajectories;
  let chosen: UnitPoint[][];
  if (options.candidates !== undefined) {
    checkInteger('candidates', options.candidates, r + 1, 1000);
    chosen = mostSpread(Array.from({ length: options.candidates }, () => trajectory(d, p, rng)), r);
  } else {
    chosen = Array.from({ length: r }, () => trajectory(d, p, rng));
  }
  return { method: 'morris', d, trajectories: r, levels: p, delta: p / (2 * (p - 1)), points: chosen.flat() };
}

/** The spread of a design's trajectories, √(Σ_{m<l} d_ml²) (Campolongo et al. 2007), for comparing designs. */
export function morrisSpread(design: MorrisDesign): number {
  const t = Array.from({ length: design.trajectories }, (_, k) => design.points.slice(k * (design.d + 1), (k + 1) * (design.d + 1)));
  let s = 0;
  for (let a = 0; a < t.length; a++) for (let b = a + 1; b < t.length; b++) s += distance(t[a], t[b]) ** 2;
  return Math.sqrt(s);
}

export interface MorrisIndices {
  /** Mean elementary effect per parameter (signed), output per whole parameter range. */
  readonly mu: number[];
  /** Mean absolute elementary effect per parameter: the importance measure. */
  readonly muStar: number[];
  /** Sample standard deviation of the elementary effects: non-linearity and interactions. */
  readonly sigma: number[];
  /** Percentile-bootstrap interval of μ* at `confidence`. */
  readonly muStarInterval: { readonly low: number; readonly high: number }[];
  /** Parameter indices by decreasing μ*. */
  readonly ranking: number[];
  /** Elementary effects, [parameter][trajectory]. */
  readonly effects: number[][];
  readonly confidence: number;
}

export function morrisIndices(
  design: MorrisDesign,
  outputs: ArrayLike<number>,
  options: { readonly bootstrap?: number; readonly confidence?: number; readonly seed?: number } = {},
): MorrisIndices {
  const { d, trajectories: r, points } = design;
  checkOutputs('outputs', outputs, points.length);
  const bootstrap = options.bootstrap ?? MORRIS_DEFAULTS.bootstrap;
  const confidence = options.confidence ?? MORRIS_DEFAULTS.confidence;
  checkInteger('bootstrap', bootstrap, 0, 100_000);
  checkFinite('confidence', confidence, 0, 1, true);
  const effects = Array.from({ length: d }, () => new Array<number>(r));
  for (let t = 0; t < r; t++) {
    for (let k = 1; k <= d; k++) {
      const row = t * (d + 1) + k;
      const before = points[row - 1];
      const after = points[row];
      const i = after.findIndex((x, j) => x !== before[j]);
      if (i < 0) throw new ProjectError(`points[${row}]`, after, 'a Morris step that moves one parameter');
      effects[i][t] = (outputs[row] - outputs[row - 1]) / (after[i] - before[i]);
    }
  }
  const mean = (a: readonly number[]) => a.reduce((s, v) => s + v, 0) / a.length;
  const mu = effects.map(mean);
  const muStar = effects.map((e) => mean(e.map(Math.abs)));
  const sigma = effects.map((e, i) => Math.sqrt(e.reduce((s, v) => s + (v - mu[i]) ** 2, 0) / (r - 1)));
  const rng = seededRng(options.seed ?? MORRIS_DEFAULTS.seed);
  const boots = Array.from({ length: d }, () => new Float64Array(bootstrap));
  for (let b = 0; b < bootstrap; b++) {
    const pick = Array.from({ length: r }, () => randomInt(rng, r));
    for (let i = 0; i < d; i++) boots[i][b] = pick.reduce((s, t) => s + Math.abs(effects[i][t]), 0) / r;
  }
  const muStarInterval = boots.map((s, i) => {
    if (bootstrap === 0) return { low: muStar[i], high: muStar[i] };
    s.sort();
    return { low: percentile(s, (1 - confidence) / 2), high: percentile(s, (1 + confidence) / 2) };
  });
  const ranking = muStar.map((_, i) => i).sort((a, b) => muStar[b] - muStar[a] || a - b);
  return { mu, muStar, sigma, muStarInterval, ranking, effects, confidence };
}
