/**
 * A tornado: one parameter at a time to its low and then its high value around a base case, the others held at base.
 * Works in whatever values the caller uses (unit cube or parameter units). Rows: the base case, then for each
 * parameter i its low and its high case: 1 + 2d rows.
 */
import { ProjectError } from '../../errors.js';
import { checkFinite, checkOutputs } from './checks.js';

export function tornadoDesign(base: readonly number[], low: readonly number[], high: readonly number[]): number[][] {
  const d = base.length;
  if (d === 0) throw new ProjectError('base', base, 'one value per parameter');
  if (low.length !== d) throw new ProjectError('low', `${low.length} values`, `${d} values, one per parameter`);
  if (high.length !== d) throw new ProjectError('high', `${high.length} values`, `${d} values, one per parameter`);
  base.forEach((v, i) => checkFinite(`base[${i}]`, v));
  low.forEach((v, i) => checkFinite(`low[${i}]`, v));
  high.forEach((v, i) => checkFinite(`high[${i}]`, v));
  const rows: number[][] = [base.slice()];
  for (let i = 0; i < d; i++) {
    rows.push(base.map((v, k) => (k === i ? low[i] : v)));
    rows.push(base.map((v, k) => (k === i ? high[i] : v)));
  }
  return rows;
}

export interface TornadoBar {
  /** Parameter index in the design. */
  readonly index: number;
  readonly name: string;
  /** Output with the parameter at its low / high value, in the output's unit. */
  readonly low: number;
  readonly high: number;
  /** |high − low|, the bar's length. */
  readonly swing: number;
}

export interface TornadoResult {
  /** Output of the base case. */
  readonly base: number;
  /** Bars by decreasing swing (ties in parameter order). */
  readonly bars: TornadoBar[];
}

/** Bars from the outputs of a tornado design, in its row order. */
export function tornadoBars(outputs: ArrayLike<number>, names: readonly string[]): TornadoResult {
  const d = names.length;
  checkOutputs('outputs', outputs, 1 + 2 * d);
  const bars: TornadoBar[] = names.map((name, i) => {
    const low = outputs[1 + 2 * i];
    const high = outputs[2 + 2 * i];
    return { index: i, name, low, high, swing: Math.abs(high - low) };
  });
  bars.sort((a, b) => b.swing - a.swing || a.index - b.index);
  return { base: outputs[0], bars };
}
