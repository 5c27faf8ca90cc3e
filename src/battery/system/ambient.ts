/**
 * An ambient temperature series from twelve monthly means: the means interpolated linearly between mid-months
 * (cyclic over the year) plus a cosine diurnal swing peaking in the afternoon. ASSUMPTION (stated wherever it is
 * used): the swing (default 10 K peak to trough, the order of Luoyang's mean daily range) and its 15:00 peak; give a
 * measured hourly series instead when there is one.
 */
import { PlantInputError } from '../../plant/errors.js';

export const DIURNAL_DEFAULTS = { swing: 10, peakHour: 15 } as const;

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** One 365-day year at `stepSeconds` (must divide a day), local time from 1 January 00:00. Unit: K */
export function ambientFromMonthlyMeans(monthly: readonly number[], stepSeconds = 3600, options: { swing?: number; peakHour?: number } = {}): Float64Array {
  if (monthly.length !== 12) throw new PlantInputError('ambient', 'monthly means', monthly.length, '12 values');
  if (!(stepSeconds > 0 && 86400 % stepSeconds === 0)) throw new PlantInputError('ambient', 'stepSeconds', stepSeconds, 'a divisor of 86400 s');
  const swing = options.swing ?? DIURNAL_DEFAULTS.swing;
  const peak = options.peakHour ?? DIURNAL_DEFAULTS.peakHour;
  const mid: number[] = [];
  let start = 0;
  for (const d of MONTH_DAYS) {
    mid.push(start + d / 2);
    start += d;
  }
  const n = (365 * 86400) / stepSeconds;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const day = ((i + 0.5) * stepSeconds) / 86400;
    // the two mid-months around `day`, cyclic
    let k = mid.findIndex((m) => m > day);
    let lo: number, hi: number, x0: number, x1: number;
    if (k === 0 || k === -1) {
      lo = 11;
      hi = 0;
      x0 = mid[11] - (k === 0 ? 365 : 0);
      x1 = mid[0] + (k === -1 ? 365 : 0);
    } else {
      lo = k - 1;
      hi = k;
      x0 = mid[lo];
      x1 = mid[hi];
    }
    const mean = monthly[lo] + ((monthly[hi] - monthly[lo]) * (day - x0)) / (x1 - x0);
    const hour = (day % 1) * 24;
    out[i] = mean + (swing / 2) * Math.cos((2 * Math.PI * (hour - peak)) / 24);
  }
  return out;
}
