/**
 * Plant-feasible dispatch over a whole horizon (perfect foresight) or in rolling windows on a price forecast, with
 * the LP relaxation as the upper bound and the gap between them.
 */
import type { SolveResult } from '../../numerics/result.js';
import { failed, solved } from '../../numerics/result.js';
import { checkRange, DispatchInputError } from '../errors.js';
import { checkPriceSeries, type PriceSeries } from '../prices.js';
import type { HorizonReport } from '../result.js';
import type { RollingOptions } from '../rolling.js';
import { localDayNumbers } from '../time.js';
import { buildTables, DP_DEFAULTS, solveDpHorizon, type DpSchedule, type DpSettings, type DpTables } from './dp.js';
import type { OperatingEnvelope } from './envelope.js';
import { solveBoundLp } from './bound-lp.js';
import { summarizeFeasible, type FeasibleDispatchResult } from './result.js';

export interface FeasibleOptions extends DpSettings {
  /** State of charge at the start, fraction of the capacity (default: the envelope's socMin). */
  readonly socStart?: number;
  /** The end: at least the start (default), or free. */
  readonly end: 'atLeastInitial' | 'free';
  /** Solve the LP relaxation for the bound and the gap. */
  readonly bound: boolean;
}

export const FEASIBLE_DEFAULTS: FeasibleOptions = { ...DP_DEFAULTS, end: 'atLeastInitial', bound: true };

function resolve(e: OperatingEnvelope, options: Partial<FeasibleOptions>): FeasibleOptions & { s0: number } {
  const o = { ...FEASIBLE_DEFAULTS, ...options };
  checkRange('options.socLevels', o.socLevels, 2, 1e5);
  checkRange('options.powerLevels', o.powerLevels, 1, 1e4);
  if (o.end !== 'atLeastInitial' && o.end !== 'free') throw new DispatchInputError('options.end', o.end, 'expected "atLeastInitial" or "free"');
  const soc = checkRange('options.socStart', o.socStart ?? e.socMin, e.socMin, e.socMax, { unit: '(between socMin and socMax)' });
  // the state the replay starts from: its initialSoc × capacity, with the same rounding
  return { ...o, s0: Math.min(1, Math.max(0, soc)) * e.maps.capacity };
}

function assemble(series: PriceSeries, e: OperatingEnvelope, s0: number, x: DpSchedule, horizon: HorizonReport, grid: DpSettings, seconds: { tables: number; dp: number }) {
  const T = x.mode.length;
  const chargeOn = new Uint8Array(T);
  const dischargeOn = new Uint8Array(T);
  for (let t = 0; t < T; t++) {
    chargeOn[t] = x.mode[t] === 1 ? 1 : 0;
    dischargeOn[t] = x.mode[t] === 2 ? 1 : 0;
  }
  const schedule = {
    startMs: series.startMs,
    stepSeconds: series.stepSeconds,
    utcOffsetMinutes: series.utcOffsetMinutes,
    price: series.prices,
    charge: x.charge,
    discharge: x.discharge,
    inflow: x.inflow,
    withdrawal: x.withdrawal,
    energy: x.energy,
    energyInitial: s0,
    chargeOn,
    dischargeOn,
  };
  return {
    method: 'dp' as const,
    schedule,
    fuelRate: x.fuel,
    ...summarizeFeasible(schedule, x.fuel, e),
    grid: { socLevels: grid.socLevels, powerLevels: grid.powerLevels },
    horizon,
    endShortfall: x.endShortfall,
    seconds: { ...seconds, bound: 0 },
  };
}

/** The LP relaxation's optimum (money). */
async function relaxationBound(series: PriceSeries, e: OperatingEnvelope, s0: number, endMin: number | undefined): Promise<SolveResult<{ value: number; seconds: number }>> {
  const T = series.prices.length;
  const r = await solveBoundLp({
    envelope: e,
    prices: series.prices,
    stepSeconds: series.stepSeconds,
    dayNumbers: localDayNumbers(series.startMs, T, series.stepSeconds, series.utcOffsetMinutes),
    s0,
    ...(endMin !== undefined ? { endMin } : {}),
  });
  return r.ok ? r : failed(`the LP relaxation (the bound): ${r.reason}`, 0);
}

/**
 * The bound of a dispatch with these options (what solveFeasibleDispatch and solveFeasibleRolling add with
 * `bound: true`) on its own: the LP relaxation's optimum (money) and its seconds. With withBound, a caller may
 * compute the schedule (`bound: false`) and the bound side by side and get the same result.
 */
export async function feasibleBound(series: PriceSeries, e: OperatingEnvelope, options: Partial<FeasibleOptions> = {}): Promise<SolveResult<{ value: number; seconds: number }>> {
  checkPriceSeries(series);
  const o = resolve(e, options);
  return relaxationBound(series, e, o.s0, o.end === 'atLeastInitial' ? o.s0 : undefined);
}

/** A result computed without its bound, with the bound (feasibleBound's) and the gap. */
export function withBound(r: FeasibleDispatchResult, b: { value: number; seconds: number }): FeasibleDispatchResult {
  return {
    ...r,
    bound: b.value,
    gap: (b.value - r.netRevenue) / Math.max(Math.abs(b.value), 1e-300),
    seconds: { ...r.seconds, bound: b.seconds },
  };
}

/** How long step t withdrew at its rate: Δt, or Δt − t_start for the first step of a discharge. */
function withdrawalSeconds(e: OperatingEnvelope, mode: Uint8Array, t: number, dt: number): number {
  return mode[t] === 2 && (t === 0 || mode[t - 1] !== 2) ? dt - e.startUp.discharge.seconds : dt;
}

/** The DP's transitions for an envelope and step, reused across windows and calls. */
export function feasibleTables(e: OperatingEnvelope, stepSeconds: number, settings: DpSettings = DP_DEFAULTS): DpTables {
  return buildTables(e, stepSeconds, settings);
}

/** Plant-feasible dispatch over the whole series with perfect foresight. */
export async function solveFeasibleDispatch(series: PriceSeries, e: OperatingEnvelope, options: Partial<FeasibleOptions> = {}, tables?: DpTables): Promise<SolveResult<FeasibleDispatchResult>> {
  checkPriceSeries(series);
  const o = resolve(e, options);
  const t0 = performance.now();
  const tb = tables ?? buildTables(e, series.stepSeconds, o);
  const t1 = performance.now();
  const T = series.prices.length;
  const endMin = o.end === 'atLeastInitial' ? o.s0 : undefined;
  const x = solveDpHorizon(tb, {
    prices: series.prices,
    dayNumbers: localDayNumbers(series.startMs, T, series.stepSeconds, series.utcOffsetMinutes),
    s0: o.s0,
    modeBefore: 0,
    withdrawnToday: 0,
    ...(endMin !== undefined ? { endMin } : {}),
    keep: T,
  });
  const t2 = performance.now();
  const r = assemble(series, e, o.s0, x, { kind: 'full' }, o, { tables: (t1 - t0) / 1000, dp: (t2 - t1) / 1000 });
  if (!o.bound) return solved(r, 0);
  const b = await relaxationBound(series, e, o.s0, endMin);
  if (!b.ok) return failed(b.reason, 0);
  return solved(withBound(r, b.value), 0);
}

/**
 * Rolling windows (e.g. 48 h, keeping 24 h) on the prices the foresight gives; the money is counted at the true
 * prices. With a forecast, the perfect-foresight DP is run too and the value of perfect foresight reported; the
 * bound is the perfect-foresight LP relaxation's.
 */
export async function solveFeasibleRolling(
  series: PriceSeries,
  e: OperatingEnvelope,
  rolling: RollingOptions,
  options: Partial<FeasibleOptions> = {},
): Promise<SolveResult<FeasibleDispatchResult>> {
  checkPriceSeries(series);
  const o = resolve(e, options);
  const dt = series.stepSeconds;
  const T = series.prices.length;
  const steps = (field: string, seconds: number) => {
    checkRange(field, seconds, 0, Infinity, { minOpen: true, maxOpen: true, unit: 's' });
    const n = Math.round(seconds / dt);
    if (n < 1 || Math.abs(n * dt - seconds) > 1e-9 * seconds) throw new DispatchInputError(field, seconds, `expected a whole number of steps of ${dt} s`);
    return n;
  };
  const W = steps('rolling.windowSeconds', rolling.windowSeconds);
  const C = steps('rolling.commitSeconds', rolling.commitSeconds);
  if (C > W) throw new DispatchInputError('rolling.commitSeconds', rolling.commitSeconds, `must not exceed the window (${rolling.windowSeconds} s)`);
  const f = rolling.foresight;
  if (f.kind === 'forecast') {
    if (f.prices.length !== T) throw new DispatchInputError('rolling.foresight.prices', f.prices.length, `expected one forecast price per step (${T})`);
    checkPriceSeries({ ...series, prices: f.prices }, 'rolling.foresight');
  }
  const seen = f.kind === 'perfect' ? series.prices : f.prices;
  const t0 = performance.now();
  const tb = buildTables(e, dt, o);
  const t1 = performance.now();
  const dayNumbers = localDayNumbers(series.startMs, T, dt, series.utcOffsetMinutes);
  const endMin = o.end === 'atLeastInitial' ? o.s0 : undefined;
  const x = {
    charge: new Float64Array(T),
    discharge: new Float64Array(T),
    inflow: new Float64Array(T),
    withdrawal: new Float64Array(T),
    fuel: new Float64Array(T),
    energy: new Float64Array(T),
    mode: new Uint8Array(T),
    endShortfall: 0,
    next: o.s0,
  };
  let s = o.s0;
  let mode = 0;
  let windows = 0;
  for (let start = 0; start < T; ) {
    const len = Math.min(W, T - start);
    const last = start + len === T;
    const keep = last ? len : Math.min(C, len);
    // what the day of the window's first step has used already: energy withdrawn, discharges started
    let today = 0;
    let startsToday = 0;
    for (let t = start - 1; t >= 0 && dayNumbers[t] === dayNumbers[start]; t--) {
      today += x.withdrawal[t] * withdrawalSeconds(e, x.mode, t, dt);
      if (x.mode[t] === 2 && (t === 0 || x.mode[t - 1] !== 2)) startsToday++;
    }
    const w = solveDpHorizon(tb, {
      prices: seen.subarray(start, start + len),
      dayNumbers: dayNumbers.subarray(start, start + len),
      s0: s,
      modeBefore: mode,
      withdrawnToday: today,
      startsToday,
      ...(last && endMin !== undefined ? { endMin } : {}),
      keep,
    });
    for (const k of ['charge', 'discharge', 'inflow', 'withdrawal', 'fuel', 'energy', 'mode'] as const) x[k].set(w[k], start);
    x.endShortfall = w.endShortfall;
    windows++;
    s = w.next;
    mode = w.mode[keep - 1];
    start += keep;
  }
  const t2 = performance.now();
  const horizon: HorizonReport = {
    kind: 'rolling',
    windowSeconds: rolling.windowSeconds,
    commitSeconds: rolling.commitSeconds,
    windows,
    foresight: f.kind === 'perfect' ? 'perfect' : 'imperfect',
    ...(f.kind === 'forecast' ? { forecast: f.name } : {}),
  };
  let r: FeasibleDispatchResult = assemble(series, e, o.s0, x, horizon, o, { tables: (t1 - t0) / 1000, dp: (t2 - t1) / 1000 });
  if (f.kind === 'forecast') {
    const perfect = await solveFeasibleDispatch(series, e, { ...o, bound: false }, tb);
    if (!perfect.ok) return failed(perfect.reason, 0);
    r = { ...r, perfectForesight: { netRevenue: perfect.value.netRevenue, value: perfect.value.netRevenue - r.netRevenue } };
  }
  if (!o.bound) return solved(r, 0);
  const b = await relaxationBound(series, e, o.s0, endMin);
  if (!b.ok) return failed(b.reason, 0);
  return solved({ ...withBound(r as ReturnType<typeof assemble>, b.value), ...(r.perfectForesight ? { perfectForesight: r.perfectForesight } : {}) }, 0);
}
