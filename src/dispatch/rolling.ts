/**
 * Rolling-horizon dispatch: optimise a window (e.g. 48 h), keep its first part (e.g. 24 h), move on from the
 * state it left. Windows see the true prices (perfect foresight) or a forecast (imperfect foresight, e.g.
 * persistence of the previous day); revenue is always counted at the true prices. Windows before the last end
 * free; the last one carries the horizon's end state.
 */
import type { SolveResult } from '../numerics/index.js';
import { failed, solved } from '../numerics/index.js';
import { checkRange, DispatchInputError } from './errors.js';
import { solveWindow, type DispatchOptions, type WindowEnd } from './lp.js';
import type { StorageParams } from './model.js';
import { validateStorage } from './model.js';
import { checkPriceSeries, type PriceSeries } from './prices.js';
import { summarizeSchedule, type DispatchResult, type HorizonReport } from './result.js';
import { resolveEnd, resolveOptions, scheduleOf } from './solve.js';
import { localDayNumbers } from './time.js';

export type Foresight =
  | { readonly kind: 'perfect' }
  /** Prices the windows see instead of the true ones, money/J, one per step of the series. */
  | { readonly kind: 'forecast'; readonly prices: Float64Array; readonly name: string };

export interface RollingOptions {
  /** Look-ahead of each window, s (a multiple of the series step). */
  readonly windowSeconds: number;
  /** Part of each window kept before moving on, s (a multiple of the step, at most the window). */
  readonly commitSeconds: number;
  readonly foresight: Foresight;
}

/**
 * Persistence forecast: each step's price is the true price `lagSteps` earlier (24 for "same hour yesterday" on an
 * hourly series). The first `lagSteps` steps have no history and repeat the true prices, so the first window is
 * effectively perfect.
 */
export function persistenceForecast(prices: Float64Array, lagSteps: number): Float64Array {
  if (!Number.isInteger(lagSteps) || lagSteps < 1) throw new DispatchInputError('lagSteps', lagSteps, 'expected a whole number of steps ≥ 1');
  const out = new Float64Array(prices.length);
  for (let t = 0; t < prices.length; t++) out[t] = t >= lagSteps ? prices[t - lagSteps] : prices[t];
  return out;
}

function stepsOf(field: string, seconds: number, stepSeconds: number): number {
  checkRange(field, seconds, 0, Infinity, { minOpen: true, maxOpen: true, unit: 's' });
  const steps = Math.round(seconds / stepSeconds);
  if (steps < 1 || Math.abs(steps * stepSeconds - seconds) > 1e-9 * seconds) {
    throw new DispatchInputError(field, seconds, `expected a whole number of steps of ${stepSeconds} s`);
  }
  return steps;
}

export async function solveRollingDispatch(
  series: PriceSeries,
  storage: StorageParams,
  rolling: RollingOptions,
  options: Partial<DispatchOptions> = {},
): Promise<SolveResult<DispatchResult>> {
  checkPriceSeries(series);
  const o = resolveOptions(options);
  const segments = validateStorage(storage, o.milp);
  if (storage.socInitial === undefined) {
    throw new DispatchInputError('storage.socInitial', storage.socInitial, 'rolling horizons need a fixed starting SOC');
  }
  const T = series.prices.length;
  const W = stepsOf('rolling.windowSeconds', rolling.windowSeconds, series.stepSeconds);
  const C = stepsOf('rolling.commitSeconds', rolling.commitSeconds, series.stepSeconds);
  if (C > W) throw new DispatchInputError('rolling.commitSeconds', rolling.commitSeconds, `must not exceed the window (${rolling.windowSeconds} s)`);
  const f = rolling.foresight;
  if (f.kind === 'forecast' && f.prices.length !== T) {
    throw new DispatchInputError('rolling.foresight.prices', f.prices.length, `expected one forecast price per step (${T})`);
  }
  if (f.kind === 'forecast') checkPriceSeries({ ...series, prices: f.prices }, 'rolling.foresight');
  const seen = f.kind === 'perfect' ? series.prices : f.prices;

  const E0 = storage.socInitial * storage.energyCapacity;
  const globalEnd = resolveEnd(storage);
  const finalEnd: WindowEnd =
    globalEnd.kind === 'linked' ? { kind: 'bounds', min: E0, max: globalEnd.atLeast ? Infinity : E0 } : globalEnd;
  const freeEnd: WindowEnd = { kind: 'bounds', min: -Infinity, max: Infinity };
  const dayNumbers = localDayNumbers(series.startMs, T, series.stepSeconds, series.utcOffsetMinutes);
  const dt = series.stepSeconds;

  const charge = new Float64Array(T);
  const discharge = new Float64Array(T);
  const inflow = new Float64Array(T);
  const withdrawal = new Float64Array(T);
  const energy = new Float64Array(T);
  const chargeOn = o.milp ? new Uint8Array(T) : undefined;
  const dischargeOn = o.milp ? new Uint8Array(T) : undefined;

  let energyNow = E0;
  let windows = 0;
  let buildSeconds = 0;
  let solveSeconds = 0;
  let iterations = 0;
  let status = 'optimal';
  let mipGap: number | undefined;
  for (let start = 0; start < T; ) {
    const len = Math.min(W, T - start);
    const last = start + len === T;
    const keep = last ? len : Math.min(C, len);
    let withdrawnEarlierToday = 0;
    for (let t = start - 1; t >= 0 && dayNumbers[t] === dayNumbers[start]; t--) withdrawnEarlierToday += withdrawal[t] * dt;
    const w = await solveWindow({
      prices: seen.subarray(start, start + len),
      stepSeconds: dt,
      dayNumbers: dayNumbers.subarray(start, start + len),
      storage,
      ...segments,
      energyInitial: energyNow,
      end: last ? finalEnd : freeEnd,
      chargeOnBefore: start > 0 && !!chargeOn?.[start - 1],
      dischargeOnBefore: start > 0 && !!dischargeOn?.[start - 1],
      withdrawnEarlierToday,
      options: o,
    });
    windows++;
    if (!w.ok) return failed(`rolling window ${windows} (steps ${start}–${start + len - 1}): ${w.reason}`, iterations + w.iterations);
    const s = w.value;
    charge.set(s.charge.subarray(0, keep), start);
    discharge.set(s.discharge.subarray(0, keep), start);
    inflow.set(s.inflow.subarray(0, keep), start);
    withdrawal.set(s.withdrawal.subarray(0, keep), start);
    energy.set(s.energy.subarray(0, keep), start);
    if (chargeOn && s.chargeOn) chargeOn.set(s.chargeOn.subarray(0, keep), start);
    if (dischargeOn && s.dischargeOn) dischargeOn.set(s.dischargeOn.subarray(0, keep), start);
    energyNow = s.energy[keep - 1];
    buildSeconds += s.buildSeconds;
    solveSeconds += s.solveSeconds;
    iterations += s.iterations;
    if (s.status !== 'optimal' && status === 'optimal') status = s.status;
    if (s.mipGap !== undefined) mipGap = Math.max(mipGap ?? 0, s.mipGap);
    start += keep;
  }

  const schedule = scheduleOf(series, {
    charge,
    discharge,
    inflow,
    withdrawal,
    energy,
    energyInitial: E0,
    ...(chargeOn ? { chargeOn, dischargeOn } : {}),
  });
  const horizon: HorizonReport = {
    kind: 'rolling',
    windowSeconds: rolling.windowSeconds,
    commitSeconds: rolling.commitSeconds,
    windows,
    foresight: f.kind === 'perfect' ? 'perfect' : 'imperfect',
    ...(f.kind === 'forecast' ? { forecast: f.name } : {}),
  };
  return solved(
    {
      ...summarizeSchedule(schedule, storage),
      schedule,
      horizon,
      formulation: o.milp ? 'milp' : 'lp',
      status,
      ...(mipGap !== undefined ? { mipGap } : {}),
      buildSeconds,
      solveSeconds,
    },
    iterations,
  );
}
