/**
 * Rainflow cycle counting after ASTM E1049-85 (reapproved 2011), section 5.4.4, on any series (a state of charge,
 * a load, a temperature).
 *
 * Reversals: the first and last samples, and every sample where the slope changes sign; a plateau reverses at its
 * last sample, and samples equal to their predecessor are skipped. Counting: the three-point form of the
 * standard's algorithm (equivalent to the four-point form) with its treatment of the starting point — a range Y
 * that contains the first reversal still on the stack is counted as a half cycle and only the starting point is
 * dropped; any other range Y ≤ X is a full cycle and its two reversals are dropped; what remains at the end is
 * counted as half cycles. Ranges are compared exactly (no tolerance), as the standard and the `rainflow` package
 * (iamlikeme/rainflow 3.2.0, the reference in ../shared/reference/battery) do.
 */

/** One counted cycle. */
export interface RainflowCycle {
  /** Range |x_end − x_start|, in the series' unit. */
  readonly range: number;
  /** Mean (x_start + x_end) / 2, in the series' unit. */
  readonly mean: number;
  /** 1 for a full cycle, 0.5 for a half cycle. */
  readonly count: 0.5 | 1;
  /** Index in the series of the cycle's first reversal. */
  readonly start: number;
  /** Index in the series of the cycle's second reversal. */
  readonly end: number;
}

/**
 * Indices of the reversals of a series (first and last sample included). A series of one sample has one reversal,
 * an empty series none. Non-finite samples are refused with their index.
 */
export function reversalIndices(series: ArrayLike<number>): number[] {
  const n = series.length;
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(series[i])) throw new Error(`rainflow: sample ${i} is ${series[i]}; every sample must be a finite number`);
  }
  if (n === 0) return [];
  if (n === 1) return [0];
  const out = [0];
  let x = series[1];
  let dLast = x - series[0];
  for (let i = 2; i < n; i++) {
    const xNext = series[i];
    if (xNext === x) continue;
    const dNext = xNext - x;
    if (dLast * dNext < 0) out.push(i - 1);
    x = xNext;
    dLast = dNext;
  }
  out.push(n - 1);
  return out;
}

/** Calls `visit(range, mean, count, start, end)` for every cycle, in the order the algorithm counts them. */
export function visitRainflowCycles(
  series: ArrayLike<number>,
  visit: (range: number, mean: number, count: 0.5 | 1, start: number, end: number) => void,
): void {
  const rev = reversalIndices(series);
  // the stack of reversal indices not yet counted
  const stack = new Int32Array(rev.length);
  let top = 0;
  const emit = (a: number, b: number, count: 0.5 | 1) => {
    const xa = series[a];
    const xb = series[b];
    visit(Math.abs(xa - xb), 0.5 * (xa + xb), count, a, b);
  };
  for (const r of rev) {
    stack[top++] = r;
    while (top >= 3) {
      const x1 = series[stack[top - 3]];
      const x2 = series[stack[top - 2]];
      const x3 = series[stack[top - 1]];
      const X = Math.abs(x3 - x2);
      const Y = Math.abs(x2 - x1);
      if (X < Y) break;
      if (top === 3) {
        // Y contains the starting point: a half cycle, and only the starting point leaves the stack
        emit(stack[0], stack[1], 0.5);
        stack[0] = stack[1];
        stack[1] = stack[2];
        top = 2;
      } else {
        emit(stack[top - 3], stack[top - 2], 1);
        stack[top - 3] = stack[top - 1];
        top -= 2;
      }
    }
  }
  for (let i = 0; i + 1 < top; i++) emit(stack[i], stack[i + 1], 0.5);
}

/** Every cycle of a series, in counting order. */
export function rainflowCycles(series: ArrayLike<number>): RainflowCycle[] {
  const out: RainflowCycle[] = [];
  visitRainflowCycles(series, (range, mean, count, start, end) => out.push({ range, mean, count, start, end }));
  return out;
}

/** Totals of a count. */
export interface RainflowSummary {
  /** Number of reversals of the series. */
  readonly reversals: number;
  /** Σ count (a half cycle counts 0.5). */
  readonly totalCycles: number;
  /** Entries counted as full cycles. */
  readonly fullCycleEntries: number;
  /** Entries counted as half cycles. */
  readonly halfCycleEntries: number;
  /** Σ range × count: for a state of charge (0–1), the equivalent full cycles of the rainflow count. */
  readonly rangeTimesCount: number;
}

export function summarizeRainflow(series: ArrayLike<number>, cycles: readonly RainflowCycle[]): RainflowSummary {
  let totalCycles = 0;
  let full = 0;
  let rangeTimesCount = 0;
  for (const c of cycles) {
    totalCycles += c.count;
    if (c.count === 1) full++;
    rangeTimesCount += c.range * c.count;
  }
  return {
    reversals: reversalIndices(series).length,
    totalCycles,
    fullCycleEntries: full,
    halfCycleEntries: cycles.length - full,
    rangeTimesCount,
  };
}

/**
 * Cycles gathered by range rounded to `ndigits` decimals (the `rainflow` package's count_cycles(ndigits)):
 * [range, Σ count] sorted by range.
 */
export function countByRange(cycles: readonly RainflowCycle[], ndigits: number): [number, number][] {
  if (!Number.isInteger(ndigits) || ndigits < 0 || ndigits > 15) throw new Error(`ndigits is ${ndigits}; give an integer from 0 to 15`);
  const scale = 10 ** ndigits;
  const counts = new Map<number, number>();
  for (const c of cycles) {
    const key = Math.round(c.range * scale) / scale;
    counts.set(key, (counts.get(key) ?? 0) + c.count);
  }
  return [...counts.entries()].sort((a, b) => a[0] - b[0]);
}
