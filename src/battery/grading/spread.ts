/**
 * How consistent groups are: the mean over groups of each feature's within-group spread, and the same for random
 * partitions of the same cells into the same sizes (the baseline a grouping must beat).
 */
import type { CellFeatures } from './features.js';
import { shuffled, Xoshiro128 } from '../../numerics/random.js';
import { mean, sampleStd } from './statistics.js';

/** Mean within-group spreads; each in its feature's SI unit. */
export interface Spreads {
  /** Sample standard deviation of the capacity proxy, C. */
  readonly capacityProxy: number;
  /** Sample standard deviation of the step resistance (NaN without a step), Ω. */
  readonly resistance: number;
  /** Pooled per-position sample standard deviation of the relative DV vector (dimensionless). */
  readonly dvVector: number;
  /** Sample standard deviation of the mean rest voltage (state of charge, not clustered on), V. */
  readonly restVoltage: number;
}

function dvSpread(members: readonly CellFeatures[]): number {
  const m = members[0].dvRelative.length;
  let s = 0;
  for (let j = 0; j < m; j++) s += sampleStd(members.map((c) => c.dvRelative[j])) ** 2;
  return Math.sqrt(s / m);
}

/** The spreads of one group (zero for a single cell, as the paper's quality score). */
export function groupSpreads(members: readonly CellFeatures[]): Spreads {
  return {
    capacityProxy: sampleStd(members.map((c) => c.capacityProxy ?? NaN)),
    resistance: sampleStd(members.map((c) => c.resistance ?? NaN)),
    dvVector: members.length < 2 ? 0 : dvSpread(members),
    restVoltage: sampleStd(members.map((c) => c.restVoltage)),
  };
}

/** Mean over groups of each spread. */
export function meanSpreads(groups: readonly (readonly CellFeatures[])[]): Spreads {
  const each = groups.map(groupSpreads);
  return {
    capacityProxy: mean(each.map((s) => s.capacityProxy)),
    resistance: mean(each.map((s) => s.resistance)),
    dvVector: mean(each.map((s) => s.dvVector)),
    restVoltage: mean(each.map((s) => s.restVoltage)),
  };
}

/**
 * The mean spreads of each of `count` random partitions of `cells` into groups of `sizes` (cells beyond their sum
 * left out at random), seeded.
 */
export function randomPartitionSpreads(cells: readonly CellFeatures[], sizes: readonly number[], count: number, seed: number): Spreads[] {
  const random = Xoshiro128.fromSeed(seed);
  const runs: Spreads[] = [];
  for (let r = 0; r < count; r++) {
    const order = shuffled(random, cells);
    let at = 0;
    runs.push(meanSpreads(sizes.map((n) => order.slice(at, (at += n)))));
  }
  return runs;
}

/** The mean of each spread over several partitions. */
export function averageSpreads(runs: readonly Spreads[]): Spreads {
  return {
    capacityProxy: mean(runs.map((s) => s.capacityProxy)),
    resistance: mean(runs.map((s) => s.resistance)),
    dvVector: mean(runs.map((s) => s.dvVector)),
    restVoltage: mean(runs.map((s) => s.restVoltage)),
  };
}
