/**
 * BLAST-Lite's time stepping (blast/models/degradation_model.py, simulate_battery_life with fixed SOC, i.e.
 * is_conserve_energy_throughput = false), reproduced because the published results depend on it:
 *  - the turning points are the end indices of the year's rainflow cycles (sorted, unique);
 *  - a breakpoint is set at a turning point once more than 1 EFC (Σ|ΔSOC|/2, unscaled) has passed since the last
 *    breakpoint, or — when more than one day passed before the next turning point — at each sample more than a
 *    day after the last breakpoint (so daily slices on a 15-min profile are 24 h 15 min apart); the last sample is
 *    always one;
 *  - the model updates once per slice [previous breakpoint + 1, breakpoint]: the step between two slices is not
 *    counted in the age (one pass over a 365-day 15-min profile ages the cell ~361.2 days), and each pass over the
 *    year starts again at sample 0.
 * Per slice: Δt, ΔEFC = Σ|ΔSOC|/2 × q, DOD = max − min SOC, and BLAST's 'Crate' — the time average (trapezoid over
 * the step times after the first) of |ΔSOC/Δt_h| with rates below 0.01/h zeroed, × q: throughput per time, not the
 * charge or discharge C-rate.
 */
import { visitRainflowCycles } from '../../rainflow.js';
import { SECONDS_PER_DAY, type Duty } from '../duty.js';

/** Longest slice in time before a breakpoint is forced, s (BLAST: breakpoints_max_time_diff_s). */
export const BLAST_MAX_SLICE_TIME = 86400;
/** Most equivalent full cycles in a slice before a breakpoint (BLAST: breakpoints_max_EFC_diff). */
export const BLAST_MAX_SLICE_EFC = 1;

/** End indices of the duty's slices, in order (the last is the duty's last sample). */
export function blastBreakpoints(duty: Duty): Int32Array {
  const { soc, time } = duty;
  const n = soc.length;
  const ends = new Set<number>();
  visitRainflowCycles(soc, (_r, _m, _c, _s, end) => ends.add(end));
  const turning = [...ends].sort((a, b) => a - b);
  const efc = new Float64Array(n);
  for (let i = 1; i < n; i++) efc[i] = efc[i - 1] + Math.abs(soc[i] - soc[i - 1]) / 2;
  const out: number[] = [];
  let last = 0;
  for (const i of turning) {
    if (time[i] - time[last] > BLAST_MAX_SLICE_TIME) {
      const start = last;
      for (let j = start; j < i; j++) {
        if (time[j] - time[last] > BLAST_MAX_SLICE_TIME) {
          out.push(j);
          last = j;
        }
      }
      continue;
    }
    if (efc[i] - efc[last] > BLAST_MAX_SLICE_EFC) {
      out.push(i);
      last = i;
    }
  }
  if (out.length === 0 || out[out.length - 1] !== n - 1) out.push(n - 1);
  return Int32Array.from(out);
}

const cache = new WeakMap<Duty, Int32Array>();
/** Breakpoints computed once per duty object. */
export function cachedBreakpoints(duty: Duty): Int32Array {
  let b = cache.get(duty);
  if (!b) {
    b = blastBreakpoints(duty);
    cache.set(duty, b);
  }
  return b;
}

/** The stressors of one slice, written into a caller-owned object. */
export class SliceStressors {
  /** Duration, days. */
  deltaDays = 0;
  /** Equivalent full cycles of the slice at the present capacity, –. */
  deltaEfc = 0;
  /** Depth of discharge max − min SOC, –. */
  dod = 0;
  /** BLAST's throughput rate: mean |dSOC/dt| × q, 1/h. */
  cRate = 0;
}

/** Fills `s` with the stressors of samples from..to of `duty` at present capacity q. */
export function sliceStressors(duty: Duty, from: number, to: number, q: number, s: SliceStressors): void {
  const { soc, time } = duty;
  const deltaDays = (time[to] - time[from]) / SECONDS_PER_DAY;
  let throughput = 0;
  let lo = soc[from];
  let hi = soc[from];
  // trapezoid of the step rates over the times of the steps' ends (numpy: trapz(rates, t_days[1:]))
  let rateIntegral = 0;
  let prevRate = 0;
  for (let i = from + 1; i <= to; i++) {
    const d = Math.abs(soc[i] - soc[i - 1]);
    throughput += d;
    if (soc[i] < lo) lo = soc[i];
    if (soc[i] > hi) hi = soc[i];
    let rate = d / ((time[i] - time[i - 1]) / 3600);
    if (rate < 1e-2) rate = 0;
    if (i > from + 1) rateIntegral += 0.5 * (prevRate + rate) * ((time[i] - time[i - 1]) / SECONDS_PER_DAY);
    prevRate = rate;
  }
  s.deltaDays = deltaDays;
  s.deltaEfc = (throughput / 2) * q;
  s.dod = hi - lo;
  const cRate = rateIntegral / deltaDays;
  s.cRate = Number.isNaN(cRate) ? 0 : cRate * q;
}

/** Time average over samples from..to of values[i] by the trapezoid rule: ∫ v dt / Δt. */
export function trapezoidMean(time: Float64Array, values: Float64Array, from: number, to: number): number {
  let integral = 0;
  for (let i = from + 1; i <= to; i++) integral += 0.5 * (values[i - 1] + values[i]) * (time[i] - time[i - 1]);
  return integral / (time[to] - time[from]);
}

/**
 * Per-sample arrays a model derives from a duty (rates that depend on SOC and temperature only), computed once per
 * duty object and model kind: a life repeats the same year many times.
 */
export function perSample<T>(cache: WeakMap<Duty, T>, duty: Duty, build: (duty: Duty) => T): T {
  let v = cache.get(duty);
  if (v === undefined) {
    v = build(duty);
    cache.set(duty, v);
  }
  return v;
}
