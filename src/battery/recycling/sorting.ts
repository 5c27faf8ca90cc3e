/**
 * The sorting step's link to second-life grading (src/battery/grading): the grade counts of a test campaign become
 * the `sorting.grades` of a recycling plant — cells graded for reuse in storage or at low power leave for a second
 * life, the rest are recycled. The campaign's share stands for the whole feed (state so when the sample is small).
 */
import type { GradingResult } from '../grading/index.js';

export interface GradeCounts {
  readonly reuseStorage: number;
  readonly reuseLowPower: number;
  readonly recycle: number;
}

/** The grade counts of a grading result, in the form `sorting.grades` takes. */
export function gradeCountsFromGrading(result: Pick<GradingResult, 'yields'>): GradeCounts {
  return { reuseStorage: result.yields['reuse-storage'].count, reuseLowPower: result.yields['reuse-low-power'].count, recycle: result.yields.recycle.count };
}

/** Share of cells fit for a second life: (storage + low power) / all graded; 1. */
export function secondLifeShareOf(g: GradeCounts): number {
  const all = g.reuseStorage + g.reuseLowPower + g.recycle;
  return all === 0 ? 0 : (g.reuseStorage + g.reuseLowPower) / all;
}
