/**
 * Numerical methods of design-space studies (issue 16): designs on the unit cube, the distributions that map them
 * to parameter values, global sensitivity (Sobol/Saltelli, Morris), a tornado, Monte Carlo statistics and
 * multi-objective optimisation (NSGA-II). Pure TypeScript, browser-safe, no I/O; every random choice is seeded, so the
 * same call gives the same numbers bit for bit on every machine and in every worker.
 *
 * ## How a runner uses it (the contract with src/project/study/*)
 * A design is `UnitPoint[]` (rows of numbers in [0, 1], one column per parameter, `number[][]`). The runner maps
 * each row to parameter values with `valuesFromUnit(row, distributions)` (or `fromUnit(distribution, u)` per column),
 * evaluates the cases in any order and on any machine, and hands the outputs back **in row order** (`number[]`, one per
 * row; NaN/undefined are refused by the analysis functions: drop or repeat failed cases and say so).
 *
 * - Random numbers: `seededRng(seed): Rng` (xoshiro128** of src/finance/random.ts, not a second generator).
 * - Sweeps: `fullFactorial(levels: number[]): UnitPoint[]`; `cartesianProduct(values: number[][]): number[][]`.
 * - Latin hypercube: `latinHypercube(n, d, { seed, maximin?: { iterations } }): UnitPoint[]`.
 * - Sobol sequence: `sobolSequence(n, d, { skip?, seed? }): UnitPoint[]` (Joe–Kuo new-joe-kuo-6.21201, d ≤
 *   `SOBOL_MAX_DIMENSION`; without a seed the raw sequence from index `skip` (default 0: the origin comes first); with
 *   a seed a random digital shift, so no coordinate is 0).
 * - Saltelli: `saltelliDesign(n, d, { seed, secondOrder? }): SaltelliDesign` → `.points` (n·(d+2) rows, or n·(2d+2)
 *   with second order; blocks A, B, AB_1…AB_d, [BA_1…BA_d], each n rows) →
 *   `sobolIndices(design, outputs, { bootstrap?, confidence?, seed? }): SobolIndices` → `first[i]`, `total[i]`
 *   (and `second` for pairs i < j) as `{ value, low, high }` (first order: Saltelli 2010; total: Jansen 1999; second
 *   order: Saltelli 2002; percentile-bootstrap intervals, default 1000 resamples at 95 %).
 * - Morris: `morrisDesign(d, { trajectories, levels?, seed, candidates? }): MorrisDesign` → `.points` (r·(d+1) rows;
 *   `candidates` > r turns on Campolongo's selection) → `morrisIndices(design, outputs, { bootstrap?, seed? })`:
 *   `mu`, `muStar`, `sigma`, `muStarInterval`, `ranking` per parameter (effects per whole range of a parameter).
 * - Tornado: `tornadoDesign(base, low, high): number[][]` (rows: base, then low_i, high_i for each i; any units) →
 *   `tornadoBars(outputs, names): TornadoResult` (`base`, `bars` sorted by swing, largest first).
 * - Distributions: `StudyDistribution` (uniform, normal with optional truncation min/max, triangular, lognormal,
 *   discrete), `checkStudyDistribution(d, field)`, `fromUnit(d, u)`, `valuesFromUnit(row, ds)`.
 * - Statistics: `summarize(values, { quantiles? })` → mean, sample std, min, max, quantiles (type 7, P10 = the 10th
 *   percentile); `exceedance(values, threshold, { confidence? })` → P(X > threshold) with a Wilson interval.
 * - NSGA-II: `new Nsga2(options)`; `ask(): number[][]` (the generation's cases, in parameter units);
 *   `tell(evaluations: (Evaluation | null)[])` in the same order (null = the case failed: infeasible, never chosen);
 *   `front(): Individual[]`; `generation`. All objectives minimised; constraints g(x) ≤ 0. Deterministic: a run
 *   resumed by replaying ask/tell with the stored evaluations reproduces the original bit for bit.
 * - Hypervolume: `hypervolume(points, reference)` for 2 or 3 objectives (minimisation), exact.
 * - Test problems with known answers (for tests and benches): `ishigami`, `ishigamiIndices`, `gFunction`, `zdt1`, `zdt2`.
 */

export type { UnitPoint } from './types.js';
export { seededRng, randomInt, randomPermutation, shuffleInPlace, type Rng } from './rng.js';
export { fullFactorial, cartesianProduct, unitLevels, GRID_MAX_ROWS } from './grid.js';
export { latinHypercube, minimumDistance, type LatinHypercubeOptions } from './lhs.js';
export { sobolSequence, SOBOL_DEFAULTS, SOBOL_MAX_DIMENSION, SOBOL_MAX_POINTS, type SobolOptions } from './sobol.js';
export { saltelliDesign, saltelliBlocks, SALTELLI_DEFAULTS, SALTELLI_MAX_PARAMETERS, type SaltelliDesign, type SaltelliOptions } from './saltelli.js';
export { sobolIndices, SOBOL_INDICES_DEFAULTS, type SobolIndices, type SobolIndicesOptions, type IndexEstimate } from './sobol-indices.js';
export { morrisDesign, morrisIndices, morrisSpread, MORRIS_DEFAULTS, type MorrisDesign, type MorrisIndices, type MorrisOptions } from './morris.js';
export { tornadoDesign, tornadoBars, type TornadoBar, type TornadoResult } from './tornado.js';
export { normalCdf, normalSurvival, normalQuantile } from '../../../numerics/normal.js';
export {
  checkStudyDistribution,
  fromUnit,
  valuesFromUnit,
  STUDY_DISTRIBUTION_KINDS,
  type StudyDistribution,
  type DiscreteDistribution,
} from './distributions.js';
export { summarize, exceedance, SUMMARY_DEFAULTS, EXCEEDANCE_DEFAULTS, type Summary, type Exceedance } from './statistics.js';
export { Nsga2, NSGA2_DEFAULTS, type Nsga2Options, type Evaluation, type Individual } from './nsga2.js';
export { dominates, constrainedDominates, nonDominatedSort, crowdingDistance, type Ranked } from './pareto.js';
export { sbx, polynomialMutation } from './variation.js';
export { hypervolume } from './hypervolume.js';
export { ishigami, ishigamiIndices, gFunction, zdt1, zdt2 } from './test-problems.js';
