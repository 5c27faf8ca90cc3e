/**
 * Capacity from a manufacturer's cycle table C(DOD, n), interpolated as SSC does (lib_battery_lifetime_calendar_cycle
 * .cpp, lifetime_cycle_t::bilinear, github.com/NREL/ssc e97a19f8e): first along n within the two DOD levels that
 * bracket the DOD (the level just below, and the level at or just above; linear extrapolation past a level's last
 * row), then linearly in DOD. Below the lowest level a 0 % DOD level at 100 % is assumed; above the highest the
 * highest level is used. C(D_lo) is floored at 0 and C(D_hi) capped at 100 %.
 */
import type { CycleTableRow } from '../../data/life-sam.js';

/** SSC's util::interpolate: the line through (x1, y1), (x2, y2) at x; y1 when the points coincide in x or y. */
export function sscInterpolate(x1: number, y1: number, x2: number, y2: number, x: number): number {
  if (x1 === x2) return y1;
  if (y1 === y2) return y1;
  const slope = (y2 - y1) / (x2 - x1);
  const intercept = y1 - slope * x1;
  return slope * x + intercept;
}

/** SSC's util::linterp_col over rows (x increasing): the segment holding x, or the end segments beyond. */
function linterp(xs: readonly number[], ys: readonly number[], x: number): number {
  const n = xs.length;
  if (n < 2) return Number.NaN;
  let i = 1;
  while (i < n && !(xs[i] > x)) i++;
  if (i === n) i--;
  return sscInterpolate(xs[i - 1], ys[i - 1], xs[i], ys[i], x);
}

/** A cycle table ready for C(DOD, n): its DOD levels and each level's rows in table order. */
export class CycleTable {
  private readonly levels: number[];
  private readonly cycles = new Map<number, number[]>();
  private readonly capacity = new Map<number, number[]>();
  private readonly maxLevel: number;

  constructor(rows: readonly CycleTableRow[]) {
    if (rows.length < 3) throw new Error(`a cycle table needs at least 3 rows [DOD %, cycles, capacity %]; got ${rows.length}`);
    for (const [d, n, c] of rows) {
      if (!(d > 0 && d <= 100)) throw new Error(`cycle table DOD ${d} %: valid range above 0 to 100 %`);
      if (!(n >= 0) || !Number.isFinite(c)) throw new Error(`cycle table row [${d}, ${n}, ${c}]: cycles must be ≥ 0 and capacity finite`);
      if (!this.cycles.has(d)) {
        this.cycles.set(d, []);
        this.capacity.set(d, []);
      }
      const xs = this.cycles.get(d)!;
      if (xs.length && n < xs[xs.length - 1]) throw new Error(`cycle table DOD ${d} %: cycles must not decrease (${n} after ${xs[xs.length - 1]})`);
      xs.push(n);
      this.capacity.get(d)!.push(c);
    }
    this.levels = [...this.cycles.keys()];
    this.maxLevel = Math.max(...this.levels);
  }

  /** Relative capacity after `n` cycles of depth `dod`, %; dod in %. */
  capacityAt(dod: number, n: number): number {
    if (this.levels.length === 1) {
      const d = this.levels[0];
      return linterp(this.cycles.get(d)!, this.capacity.get(d)!, n);
    }
    let dLo = 0;
    let dHi = 100;
    for (const d of this.levels) {
      if (d < dod && d > dLo) dLo = d;
      else if (d >= dod && d < dHi) dHi = d;
    }
    const hiLevel = this.cycles.has(dHi) ? dHi : this.maxLevel;
    let cHi = linterp(this.cycles.get(hiLevel)!, this.capacity.get(hiLevel)!, n);
    // no level below: a 0 % DOD level at 100 % capacity
    let cLo = this.cycles.has(dLo) ? linterp(this.cycles.get(dLo)!, this.capacity.get(dLo)!, n) : 100;
    if (cLo < 0) cLo = 0;
    if (cHi > 100) cHi = 100;
    return sscInterpolate(dLo, cLo, dHi, cHi, dod);
  }
}
