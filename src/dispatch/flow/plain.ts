/**
 * The plain-storage dispatch by the fastest exact route: the dedicated solver (storage-lp.ts) where it applies,
 * HiGHS otherwise. HiGHS is imported only when it is needed, so a process that never needs it never loads it.
 */
import type { SolveResult } from '../../numerics/result.js';
import { failed, solved } from '../../numerics/result.js';
import type { DispatchOptions } from '../lp.js';
import type { StorageParams } from '../model.js';
import { validateStorage } from '../model.js';
import { checkPriceSeries, type PriceSeries } from '../prices.js';
import { summarizeSchedule, type DispatchResult } from '../result.js';
import { flowUnsupported, solveStorageFlow } from './storage-lp.js';

export type PlainDispatchResult = DispatchResult & {
  /** Which solver found it: the dedicated one, or HiGHS (with the reason the dedicated one did not apply). */
  readonly solver: 'flow' | 'highs';
  readonly fallbackReason?: string;
};

/** Optimal arbitrage of a plain store (perfect foresight, whole horizon). */
export async function solvePlainDispatch(series: PriceSeries, storage: StorageParams, options: Partial<DispatchOptions> = {}): Promise<SolveResult<PlainDispatchResult>> {
  checkPriceSeries(series);
  const milp = options.milp ?? false;
  const seg = validateStorage(storage, milp);
  const why = flowUnsupported(storage, seg, series.prices, milp);
  if (why === undefined) {
    const t0 = performance.now();
    const x = solveStorageFlow(series, storage, seg);
    const t1 = performance.now();
    const schedule = {
      startMs: series.startMs,
      stepSeconds: series.stepSeconds,
      utcOffsetMinutes: series.utcOffsetMinutes,
      price: series.prices,
      ...x,
    };
    const summary = summarizeSchedule(schedule, storage);
    return solved(
      { ...summary, schedule, horizon: { kind: 'full' }, formulation: 'lp', status: 'optimal', objective: summary.netRevenue, buildSeconds: 0, solveSeconds: (t1 - t0) / 1000, solver: 'flow' },
      0,
    );
  }
  const { solveDispatch } = await import('../solve.js');
  const r = await solveDispatch(series, storage, options);
  return r.ok ? solved({ ...r.value, solver: 'highs', fallbackReason: why }, r.iterations) : failed(r.reason, r.iterations);
}
