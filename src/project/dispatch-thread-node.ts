/**
 * One worker thread for the plant-feasible dispatches of an evaluation (Node): evaluate() hands each template
 * plant's year of dispatch (the DP and its LP bound, pure data: feasible-job.ts) to it and goes on, in the main
 * thread, with the plant's detail and the next plant's design; the two cores then work side by side. The results
 * are the job's own (structured clone copies every double exactly), so nothing changes but the wall time.
 *
 * The thread starts with the evaluation, so its modules load while the first plant is designed. A job the thread
 * cannot finish (its error, or the thread dying) is run in the main thread instead: an error is then exactly the
 * one the in-process evaluation throws, and a lost thread costs time, never a result.
 *
 * Measured (the Luoyang comparison cold, per-thread CPU from /proc; the 2 cores shared with a load of 7–19, so wall
 * times were noise): built (dist), 4 plants, the main thread's CPU 7.3 s in-process and 6.1 s with the dispatch
 * thread (which took 2.2 s: three DPs and their bounds; starting it costs about 0.08 s), the process's 10.5 s and
 * 11.4 s; 3 plants, 5.3 s and 4.4 s (thread 1.4 s), process 7.8 s and 8.4 s. From source (tsx), 3 plants before
 * the bound recursion: 9.9 s and 5.9 s. The wall time on two cores is at least the busier thread's CPU and half
 * the process's; the main thread is the busier, so the thread is the default (parallel-node.ts
 * PARALLEL.dispatchThread).
 */
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Worker } from 'node:worker_threads';
import type { SolveResult } from '../numerics/result.js';
import type { FeasibleDispatchResult } from '../dispatch/feasible/result.js';
import { runFeasibleJob, type FeasibleJob, type FeasibleRunner } from './feasible-job.js';
import { startThread } from './thread-node.js';

export interface DispatchRequest {
  readonly id: number;
  readonly job: FeasibleJob;
}
export type DispatchReply =
  | { readonly id: number; readonly kind: 'ready' }
  | { readonly id: number; readonly kind: 'result'; readonly result: SolveResult<FeasibleDispatchResult> }
  | { readonly id: number; readonly kind: 'failed'; readonly message: string };

export interface DispatchThread {
  /** Runs a job on the thread (or, after a failure there, here). */
  readonly run: FeasibleRunner;
  /** Jobs the thread finished, and jobs run here instead. */
  readonly stats: { done: number; local: number };
  /** Ends the thread (pending jobs finish in the main thread). */
  close(): Promise<void>;
}

/** Starts the dispatch thread; undefined where no thread can be started (then the jobs run in the main thread). */
export function tryDispatchThread(): DispatchThread | undefined {
  try {
    return startDispatchThread();
  } catch {
    return undefined;
  }
}

/** Starts the dispatch thread. */
export function startDispatchThread(): DispatchThread {
  const here = fileURLToPath(import.meta.url);
  const script = new URL(`./dispatch-worker-node${extname(here)}`, import.meta.url);
  const stats = { done: 0, local: 0 };
  const waiting = new Map<number, { job: FeasibleJob; resolve: (r: SolveResult<FeasibleDispatchResult>) => void; reject: (e: unknown) => void }>();
  let worker: Worker | undefined = startThread(script, {});
  let nextId = 0;
  const local = (job: FeasibleJob) => {
    stats.local++;
    return runFeasibleJob(job);
  };
  // the thread lost: what it still owed runs here
  const lose = () => {
    worker = undefined;
    for (const [id, w] of waiting) {
      waiting.delete(id);
      local(w.job).then(w.resolve, w.reject);
    }
  };
  worker.on('message', (m: DispatchReply) => {
    if (m.kind === 'ready') return;
    const w = waiting.get(m.id);
    if (!w) return;
    waiting.delete(m.id);
    if (waiting.size === 0) worker?.unref();
    if (m.kind === 'result') {
      stats.done++;
      w.resolve(m.result);
    } else {
      local(w.job).then(w.resolve, w.reject);
    }
  });
  worker.on('error', lose);
  worker.on('exit', lose);
  // an idle thread does not keep the process alive (one with a job does: run() refs it)
  worker.unref();
  return {
    stats,
    run: (job) => {
      const w = worker;
      if (!w) return local(job);
      return new Promise((resolve, reject) => {
        const id = nextId++;
        waiting.set(id, { job, resolve, reject });
        w.ref();
        try {
          w.postMessage({ id, job } satisfies DispatchRequest);
        } catch {
          // a job that cannot be sent (not cloneable) runs here
          waiting.delete(id);
          if (waiting.size === 0) w.unref();
          local(job).then(resolve, reject);
        }
      });
    },
    close: async () => {
      const w = worker;
      worker = undefined;
      if (w) await w.terminate();
    },
  };
}
