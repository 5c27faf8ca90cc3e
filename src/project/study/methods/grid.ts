/**
 * Sweeps: full-factorial grids. `fullFactorial` gives unit-cube points (level k of L at k/(L−1), both ends included;
 * a single level sits at the middle, 0.5); `cartesianProduct` crosses explicit value lists. The last parameter varies
 * fastest (row-major, like nested loops written in parameter order).
 */
import { ProjectError } from '../../errors.js';
import { checkInteger } from './checks.js';
import type { UnitPoint } from './types.js';

/** Most rows a grid may have: beyond this a sweep is a mistake, not a study. */
export const GRID_MAX_ROWS = 10_000_000;

/** Every combination of the value lists, last list fastest. */
export function cartesianProduct(values: readonly (readonly number[])[], field = 'values'): number[][] {
  if (!Array.isArray(values) || values.length === 0) throw new ProjectError(field, values, 'at least one list of values');
  let rows = 1;
  values.forEach((v, i) => {
    if (!Array.isArray(v) || v.length === 0) throw new ProjectError(`${field}[${i}]`, v, 'a non-empty list of numbers');
    rows *= v.length;
  });
  if (rows > GRID_MAX_ROWS) throw new ProjectError(field, `${rows} combinations`, `at most ${GRID_MAX_ROWS} combinations`);
  const out: number[][] = [];
  const index = new Array<number>(values.length).fill(0);
  for (let r = 0; r < rows; r++) {
    out.push(index.map((k, i) => values[i][k]));
    for (let i = values.length - 1; i >= 0; i--) {
      if (++index[i] < values[i].length) break;
      index[i] = 0;
    }
  }
  return out;
}

/** The levels of one parameter on [0, 1]: L equally spaced points with both ends, or 0.5 alone. */
export function unitLevels(levels: number, field = 'levels'): number[] {
  checkInteger(field, levels, 1);
  if (levels === 1) return [0.5];
  return Array.from({ length: levels }, (_, k) => k / (levels - 1));
}

/** A full-factorial grid on the unit cube with `levels[i]` levels for parameter i. */
export function fullFactorial(levels: readonly number[], field = 'levels'): UnitPoint[] {
  if (!Array.isArray(levels) || levels.length === 0) throw new ProjectError(field, levels, 'one level count per parameter');
  return cartesianProduct(levels.map((l, i) => unitLevels(l, `${field}[${i}]`)), field);
}
