/**
 * One-at-a-time sensitivity: a tornado (each chosen input set to its low and its high value with all others at
 * base, bars sorted by swing) and a one-input sweep. Generic over the input type: each variable says how to apply a
 * value to a copy of the base inputs. Inputs are never mutated.
 */
import { checkNumber, FinanceInputError, RANGES } from './check.js';

/** An input to vary: `apply` returns new inputs with the value set (never mutating `base`). */
export interface SensitivityVariable<I> {
  readonly name: string;
  readonly low: number;
  readonly high: number;
  readonly apply: (base: I, value: number) => I;
}

/** A metric of the evaluated inputs; undefined where it does not exist (e.g. no IRR). */
export type Metric<I> = (inputs: I) => number | undefined;

export type Progress = (done: number, total: number) => void;

export interface TornadoBar {
  readonly name: string;
  readonly low: number;
  readonly high: number;
  readonly metricAtLow: number | undefined;
  readonly metricAtHigh: number | undefined;
  /** |metric(high) − metric(low)|; undefined when either is undefined. */
  readonly swing: number | undefined;
}

export interface Tornado {
  readonly base: number | undefined;
  /** Bars by decreasing swing; bars without a swing last, in input order. */
  readonly bars: readonly TornadoBar[];
}

export function tornado<I>(base: I, variables: readonly SensitivityVariable<I>[], metric: Metric<I>, onProgress?: Progress): Tornado {
  if (variables.length === 0) throw new FinanceInputError('sensitivity.variables', variables, 'at least one variable');
  variables.forEach((v, i) => {
    checkNumber(`sensitivity.variables[${i}].low`, v.low, RANGES.finite);
    checkNumber(`sensitivity.variables[${i}].high`, v.high, RANGES.finite);
  });
  const total = 2 * variables.length + 1;
  let done = 0;
  const tick = () => onProgress?.(++done, total);
  const baseValue = metric(base);
  tick();
  const bars = variables.map((v): TornadoBar => {
    const lo = metric(v.apply(base, v.low));
    tick();
    const hi = metric(v.apply(base, v.high));
    tick();
    return {
      name: v.name,
      low: v.low,
      high: v.high,
      metricAtLow: lo,
      metricAtHigh: hi,
      swing: lo === undefined || hi === undefined ? undefined : Math.abs(hi - lo),
    };
  });
  const order = bars.map((b, i) => ({ b, i }));
  order.sort((x, y) => (y.b.swing ?? -1) - (x.b.swing ?? -1) || x.i - y.i);
  return { base: baseValue, bars: order.map((o) => o.b) };
}

/** The metric at each value of one input; undefined entries where the metric does not exist. */
export function sweep<I>(base: I, apply: (base: I, value: number) => I, values: ArrayLike<number>, metric: Metric<I>, onProgress?: Progress): (number | undefined)[] {
  const out: (number | undefined)[] = [];
  for (let i = 0; i < values.length; i++) {
    checkNumber(`sweep.values[${i}]`, values[i], RANGES.finite);
    out.push(metric(apply(base, values[i])));
    onProgress?.(i + 1, values.length);
  }
  return out;
}
