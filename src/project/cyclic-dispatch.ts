/**
 * The plain-storage LP with a cyclic end and a free start (the store ends the year where it began, and the optimiser
 * picks where: storage.ts without a socStart) on the dedicated solver (src/dispatch/flow), which takes a given start.
 *
 * Why it is exact: the LP's optimum with the start and the end both fixed at s, f(s), is a concave piecewise-linear
 * function of s (the optimum of an LP is concave in its right-hand side), and the cyclic LP's optimum is max f(s)
 * over [socMin, socMax]. So: f(socMin) and f(socMin + δ) are solved; f(socMin + δ) ≤ f(socMin) proves by concavity
 * that no start above socMin + δ does better, and one inside (socMin, socMin + δ) could gain at most the steepest
 * slope of f (the dearest marginal value of stored energy, bounded by the dearest price over the round trip) × δ·E
 * — with δ = CYCLIC_FLOW.startTolerance, below 1e-9 of a year's revenue. Otherwise a golden-section search over the
 * start finds the best to δ. A year of hourly arbitrage in which the store is empty at the start of the year (the
 * usual case: the night's valley is ahead) costs two solves of a few tens of milliseconds, against a HiGHS LP of
 * about 0.15 s a year (and the wasm's load and compilation, 2–3 s, in a process that needs HiGHS for nothing else).
 *
 * Where the dedicated solver does not apply (flowUnsupported: a MILP, a daily cycle limit, prices that pay for
 * charging and discharging at once…) or the start is given, this is solvePlainDispatch itself (HiGHS with the cyclic
 * end, saying why).
 */
import { failed, solved, type SolveResult } from '../numerics/result.js';
import { validateStorage, type StorageParams } from '../dispatch/model.js';
import type { PriceSeries } from '../dispatch/prices.js';
import type { DispatchOptions } from '../dispatch/lp.js';
import { flowUnsupported } from '../dispatch/flow/storage-lp.js';
import { solvePlainDispatch, type PlainDispatchResult } from '../dispatch/flow/plain.js';

export const CYCLIC_FLOW = Object.freeze({
  /** δ: the start (fraction of capacity) is found to within this; see the header for the revenue it can cost. */
  startTolerance: 1e-10,
});

/** The golden ratio's conjugate, (√5 − 1)/2. */
const PHI = (Math.sqrt(5) - 1) / 2;

/** Optimal arbitrage of a plain store whose year ends where it starts; `solver` says which solver found it. */
export async function solveCyclicPlainDispatch(series: PriceSeries, storage: StorageParams, options: Partial<DispatchOptions> = {}): Promise<SolveResult<PlainDispatchResult>> {
  if (storage.endState.kind !== 'cyclic' || storage.socInitial !== undefined) return solvePlainDispatch(series, storage, options);
  const milp = options.milp ?? false;
  const at = (soc: number): StorageParams => ({ ...storage, socInitial: soc, endState: { kind: 'fixed', soc } });
  const probe = at(storage.socMin);
  if (milp || flowUnsupported(probe, validateStorage(probe, milp), series.prices, milp) !== undefined) return solvePlainDispatch(series, storage, options);

  let iterations = 0;
  const solve = async (soc: number): Promise<PlainDispatchResult> => {
    iterations++;
    const r = await solvePlainDispatch(series, at(soc), options);
    if (!r.ok) throw new StartFailed(`the start at SOC ${soc} failed (${r.reason})`);
    if (r.value.solver !== 'flow') throw new StartFailed(`the dedicated solver did not take the start at SOC ${soc} (${r.value.fallbackReason ?? 'no reason given'})`);
    return r.value;
  };
  try {
    return solved(await bestStart(solve, storage.socMin, storage.socMax), iterations);
  } catch (e) {
    if (e instanceof StartFailed) return failed(`cyclic dispatch: ${e.message}`, iterations);
    throw e;
  }
}

class StartFailed extends Error {}

/** The best of f over [lo, hi] for a concave f, to within CYCLIC_FLOW.startTolerance (see the header). */
async function bestStart(solve: (soc: number) => Promise<PlainDispatchResult>, lo: number, hi: number): Promise<PlainDispatchResult> {
  const delta = CYCLIC_FLOW.startTolerance;
  let best = await solve(lo);
  if (hi - lo > delta) {
    const next = await solve(lo + delta);
    if (next.netRevenue > best.netRevenue) {
      // the best start lies above socMin: golden section on the concave f
      let a = lo;
      let b = hi;
      let c = b - PHI * (b - a);
      let d = a + PHI * (b - a);
      let fc = await solve(c);
      let fd = await solve(d);
      for (const x of [next, fc, fd]) if (x.netRevenue > best.netRevenue) best = x;
      while (b - a > delta) {
        if (fc.netRevenue >= fd.netRevenue) {
          b = d;
          d = c;
          fd = fc;
          c = b - PHI * (b - a);
          fc = await solve(c);
          if (fc.netRevenue > best.netRevenue) best = fc;
        } else {
          a = c;
          c = d;
          fc = fd;
          d = a + PHI * (b - a);
          fd = await solve(d);
          if (fd.netRevenue > best.netRevenue) best = fd;
        }
      }
      const top = await solve(hi);
      if (top.netRevenue > best.netRevenue) best = top;
    }
  }
  return best;
}
