/**
 * SSC's own cycle counting, shared by SAM's life models (lifetime_cycle_t::rainflow and capacity_t::
 * check_charge_change, github.com/NREL/ssc e97a19f8e): a reversal is noticed when the current's direction (from the
 * SOC change) differs from the last non-zero direction, which starts as discharge; the depth of discharge before that
 * step joins the peak list. Whenever the last three peaks give X + 0.002 ≥ Y (X the newest range, in % DOD), Y is one
 * full cycle (no half cycles, no special start) and its two peaks leave the list.
 */

/** SSC's `tolerance` in the comparison of ranges, % DOD. */
export const SSC_RAINFLOW_TOLERANCE = 0.002;

const CHARGE = -1;
const DISCHARGE = 1;

export class SscCycleCounter {
  private peaks: number[] = [];
  private lastDirection = DISCHARGE;

  reset(): void {
    this.peaks = [];
    this.lastDirection = DISCHARGE;
  }

  /** Whether the step socPrev → soc (0–1) reverses the current; remembers the new direction. */
  reversal(socPrev: number, soc: number): boolean {
    const direction = soc > socPrev ? CHARGE : soc < socPrev ? DISCHARGE : 0;
    if (direction === 0 || direction === this.lastDirection) return false;
    this.lastDirection = direction;
    return true;
  }

  /** Adds a peak (DOD, %) and reports each cycle it closes: its range and the highest DOD on the list, %. */
  push(dod: number, onCycle: (range: number, highestDod: number) => void): void {
    const p = this.peaks;
    p.push(dod);
    while (p.length >= 3) {
      const m = p.length;
      const X = Math.abs(p[m - 1] - p[m - 2]);
      const Y = Math.abs(p[m - 2] - p[m - 3]);
      if (X + SSC_RAINFLOW_TOLERANCE < Y) break;
      let highest = p[0];
      for (const v of p) if (v > highest) highest = v;
      onCycle(Y, highest);
      p.splice(m - 3, 2);
    }
  }
}
