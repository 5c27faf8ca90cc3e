/** Dispatch over the whole horizon in one LP (or MILP): validate, solve, recompute the money from the schedule. */
import type { SolveResult } from '../numerics/index.js';
import { failed, solved } from '../numerics/index.js';
import { checkRange, DispatchInputError } from './errors.js';
import { DISPATCH_DEFAULTS, solveWindow, type DispatchOptions, type WindowEnd, type WindowSolution } from './lp.js';
import type { StorageParams } from './model.js';
import { validateStorage } from './model.js';
import { checkPriceSeries, type PriceSeries } from './prices.js';
import { summarizeSchedule, type DispatchResult, type DispatchSchedule, type HorizonReport } from './result.js';
import { localDayNumbers } from './time.js';

export function resolveOptions(options: Partial<DispatchOptions>): DispatchOptions {
  const o = { ...DISPATCH_DEFAULTS, ...options };
  if (typeof o.milp !== 'boolean') throw new DispatchInputError('options.milp', o.milp, 'expected true or false');
  checkRange('options.timeLimitSeconds', o.timeLimitSeconds, 0, Infinity, { minOpen: true, unit: 's' });
  checkRange('options.mipRelGap', o.mipRelGap, 0, 1);
  if (!['choose', 'simplex', 'ipm'].includes(o.solver)) throw new DispatchInputError('options.solver', o.solver, 'expected "choose", "simplex" or "ipm"');
  return o;
}

/** The end state in energies, J: bounds, or tied to a start the optimiser picks. */
export function resolveEnd(s: StorageParams): WindowEnd {
  const E = s.energyCapacity;
  const end = s.endState;
  switch (end.kind) {
    case 'cyclic':
      return { kind: 'linked', atLeast: false };
    case 'atLeastInitial':
      return { kind: 'linked', atLeast: true };
    case 'fixed':
      return { kind: 'bounds', min: end.soc * E, max: end.soc * E };
    case 'atLeast':
      return { kind: 'bounds', min: end.soc * E, max: Infinity };
    case 'free':
      return { kind: 'bounds', min: -Infinity, max: Infinity };
  }
}

/** The schedule of a solution, on the series' grid with its true prices. */
export function scheduleOf(series: PriceSeries, w: Omit<WindowSolution, 'objective' | 'status' | 'buildSeconds' | 'solveSeconds' | 'iterations'>): DispatchSchedule {
  return {
    startMs: series.startMs,
    stepSeconds: series.stepSeconds,
    utcOffsetMinutes: series.utcOffsetMinutes,
    price: series.prices,
    charge: w.charge,
    discharge: w.discharge,
    inflow: w.inflow,
    withdrawal: w.withdrawal,
    energy: w.energy,
    energyInitial: w.energyInitial,
    ...(w.chargeOn ? { chargeOn: w.chargeOn } : {}),
    ...(w.dischargeOn ? { dischargeOn: w.dischargeOn } : {}),
  };
}

/**
 * Optimal arbitrage over the whole series in one solve (perfect foresight). Throws a DispatchInputError for bad
 * input; returns `ok: false` with HiGHS's status when no schedule satisfies the constraints.
 */
export async function solveDispatch(
  series: PriceSeries,
  storage: StorageParams,
  options: Partial<DispatchOptions> = {},
): Promise<SolveResult<DispatchResult>> {
  checkPriceSeries(series);
  const o = resolveOptions(options);
  const segments = validateStorage(storage, o.milp);
  const T = series.prices.length;
  const w = await solveWindow({
    prices: series.prices,
    stepSeconds: series.stepSeconds,
    dayNumbers: localDayNumbers(series.startMs, T, series.stepSeconds, series.utcOffsetMinutes),
    storage,
    ...segments,
    energyInitial: storage.socInitial === undefined ? undefined : storage.socInitial * storage.energyCapacity,
    end: resolveEnd(storage),
    chargeOnBefore: false,
    dischargeOnBefore: false,
    withdrawnEarlierToday: 0,
    options: o,
  });
  if (!w.ok) return failed(w.reason, w.iterations);
  const sol = w.value;
  const schedule = scheduleOf(series, sol);
  const horizon: HorizonReport = { kind: 'full' };
  return solved(
    {
      ...summarizeSchedule(schedule, storage),
      schedule,
      horizon,
      formulation: o.milp ? 'milp' : 'lp',
      status: sol.status,
      objective: sol.objective,
      ...(sol.mipGap !== undefined ? { mipGap: sol.mipGap } : {}),
      buildSeconds: sol.buildSeconds,
      solveSeconds: sol.solveSeconds,
    },
    w.iterations,
  );
}
