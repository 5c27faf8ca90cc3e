/**
 * A plant-feasible dispatch as a job of pure data — the prices, the operating envelope (the plant's part-load maps
 * and limits), the rolling windows if any and the DP's options in; the schedule, its money, the bound and the gap
 * out — so that it can run where the caller chooses: here, or on a worker thread while the caller goes on with the
 * plant's detail and the next plant (the Node edge's dispatch thread, dispatch-thread-node.ts). Browser-safe.
 */
import type { SolveResult } from '../numerics/result.js';
import type { PriceSeries } from '../dispatch/prices.js';
import type { RollingOptions } from '../dispatch/rolling.js';
import type { OperatingEnvelope } from '../dispatch/feasible/envelope.js';
import type { FeasibleDispatchResult } from '../dispatch/feasible/result.js';
import { solveFeasibleDispatch, solveFeasibleRolling, type FeasibleOptions } from '../dispatch/feasible/solve.js';

export interface FeasibleJob {
  readonly series: PriceSeries;
  readonly envelope: OperatingEnvelope;
  /** Rolling windows on a forecast; undefined: the whole horizon with perfect foresight. */
  readonly rolling?: RollingOptions;
  readonly options: Partial<FeasibleOptions>;
}

/** Runs a job somewhere and gives its result (structured-cloneable data both ways). */
export type FeasibleRunner = (job: FeasibleJob) => Promise<SolveResult<FeasibleDispatchResult>>;

/** The job run here, in this thread. */
export function runFeasibleJob(job: FeasibleJob): Promise<SolveResult<FeasibleDispatchResult>> {
  return job.rolling ? solveFeasibleRolling(job.series, job.envelope, job.rolling, job.options) : solveFeasibleDispatch(job.series, job.envelope, job.options);
}
