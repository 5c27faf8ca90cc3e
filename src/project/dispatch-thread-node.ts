/**
 * One worker thread for the plant-feasible dispatches of an evaluation (Node): evaluate() hands each template
 * plant's year of dispatch (the DP and its LP bound, pure data: feasible-job.ts) to it and goes on, in the main
 * thread, with the plant's detail and the next plant's design; the two cores then work side by side. The results
 * are the job's own (structured clone copies every double exactly), so nothing changes but the wall time.
 *
 * The thread starts with the evaluation, so its modules load while the first plant is designed; `chuneng evaluate`
 * starts it before it even reads the project (parallel-node.ts earlyDispatchThread), and built, it runs from
 * scripts/bundle-cli.mjs's bundle (dist/cli/fast/dispatch-worker-node.js, found beside the bundle that starts it):
 * its first modules loaded in about 0.05 s instead of 0.1–0.35 s from dist's modules (Luoyang comparison, load 7).
 * A job the thread cannot finish (its error, or the thread dying) is run in the main thread instead: an error is
 * then exactly the one the in-process evaluation throws, and a lost thread costs time, never a result.
 *
 * Measured (the Luoyang comparison cold, per-thread CPU from /proc; the 2 cores shared with a load of 7–19, so wall
 * times were noise): built (dist), 4 plants, the main thread's CPU 7.3 s in-process and 6.1 s with the dispatch
 * thread (which took 2.2 s: three DPs and their bounds; starting it costs about 0.08 s), the process's 10.5 s and
 * 11.4 s; 3 plants, 5.3 s and 4.4 s (thread 1.4 s), process 7.8 s and 8.4 s. From source (tsx), 3 plants before
 * the bound recursion: 9.9 s and 5.9 s. The wall time on two cores is at least the busier thread's CPU and half
 * the process's; the main thread is the busier, so the thread is the default (parallel-node.ts
 * PARALLEL.dispatchThread).
 *
 * The thread also evaluates whole plants it is handed (evaluatePlantOf, its modules loaded with the first such
 * plant): a li-ion plant's life of yearly dispatches then runs beside the template plants' physics instead of after
 * it (parallel-node.ts PARALLEL.sidePlants). A plant the thread cannot finish rejects, and the caller evaluates it
 * in the main thread (evaluate.ts plantElsewhere), so that its error is the in-process one.
 *
 * A job with its bound goes as two requests, its schedule and its bound (feasibleBound, withBound: the same numbers
 * as the job computed whole), so that two threads can share one plant's dispatch. Work the thread has not begun can
 * be taken back (help()): each request has a slot in a shared array that the
 * thread or the main thread claims (Atomics.compareExchange) before it runs it, so exactly one of them does. The
 * main thread, once it has nothing of its own left but to wait (evaluate.ts helpElsewhere), takes the latest
 * request the thread has not begun: the last plant's dispatch, or the li-ion plant, runs beside the thread's
 * current job instead of after it. Where a job runs changes no number.
 */
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Worker } from 'node:worker_threads';
import type { SolveResult } from '../numerics/result.js';
import type { FeasibleDispatchResult } from '../dispatch/feasible/result.js';
import { failed, solved } from '../numerics/result.js';
import { feasibleBound, withBound } from '../dispatch/feasible/solve.js';
import { runFeasibleJob, type FeasibleJob, type FeasibleRunner } from './feasible-job.js';
import type { PlantEvaluation, ProjectProgress } from './evaluate.js';
import type { PlantJob, WorkerData } from './parallel-node.js';
import { startThread } from './thread-node.js';

/** What the thread is started with: the project's folder and the disk cache's (for plants), and the claim slots. */
export interface DispatchWorkerData {
  readonly plants?: WorkerData;
  /** Int32 per request id (below CLAIM_SLOTS): 0 free, 1 claimed by the thread, 2 taken back by the main thread. */
  readonly claims: SharedArrayBuffer;
}

/** Requests with a claim slot; later ones (more than an evaluation sends) always run on the thread. */
export const CLAIM_SLOTS = 4096;

/** A dispatch job (its schedule, or its bound alone), or a whole plant to evaluate. */
export type DispatchRequest =
  | { readonly id: number; readonly job: FeasibleJob }
  | { readonly id: number; readonly bound: FeasibleJob }
  | { readonly id: number; readonly plant: PlantJob };
/** The result of a job, a bound, or a plant, a plant's progress, or a failure there (the message). */
export type DispatchReply =
  | { readonly id: number; readonly kind: 'ready' }
  | { readonly id: number; readonly kind: 'result'; readonly result: unknown }
  | { readonly id: number; readonly kind: 'progress'; readonly event: Parameters<ProjectProgress>[0] }
  | { readonly id: number; readonly kind: 'failed'; readonly message: string };

export interface DispatchThread {
  /** Runs a job on the thread (or, after a failure there, here); its schedule and bound as two requests. */
  readonly run: FeasibleRunner;
  /**
   * Evaluates plants[index] of the project on the thread, its progress passed to onProgress; rejects where the
   * thread cannot (no thread, no files to read from, the plant's error there): the caller then evaluates it here.
   */
  plant(project: PlantJob['project'], index: number, onProgress?: ProjectProgress): Promise<PlantEvaluation>;
  /**
   * Takes back the latest request the thread has not begun and runs it here (a plant: its promise rejects with
   * TAKEN_BACK, for the caller to evaluate it here); the promise of that work done, or undefined when there is none.
   */
  help(): Promise<void> | undefined;
  /** Requests the thread finished, requests run here instead (failed there, or taken back), plants the thread evaluated. */
  readonly stats: { done: number; local: number; plants: number };
  /** Ends the thread (pending jobs finish in the main thread). */
  close(): Promise<void>;
}

/** Starts the dispatch thread; undefined where no thread can be started (then the jobs run in the main thread). */
export function tryDispatchThread(data?: WorkerData): DispatchThread | undefined {
  try {
    return startDispatchThread(data);
  } catch {
    return undefined;
  }
}

/** The message of a plant taken back from the thread by help(). */
export const TAKEN_BACK = 'taken back from the dispatch thread';

/** What the thread owes for one request, and how to do it here instead (none for a plant: the caller evaluates it). */
interface Owed {
  readonly here?: () => Promise<unknown>;
  readonly resolve: (value: never) => void;
  readonly reject: (e: unknown) => void;
  readonly onProgress?: ProjectProgress;
}

/** The bound of a job alone (feasibleBound), as the thread and the main thread compute it. */
export function runBoundJob(job: FeasibleJob): ReturnType<typeof feasibleBound> {
  return feasibleBound(job.series, job.envelope, job.options);
}

/**
 * Starts the dispatch thread. data: the folder the project's files are read relative to and the disk cache's, for
 * the plants it evaluates (without it, plant() always rejects).
 */
export function startDispatchThread(data?: WorkerData): DispatchThread {
  const here = fileURLToPath(import.meta.url);
  const script = new URL(`./dispatch-worker-node${extname(here)}`, import.meta.url);
  const stats = { done: 0, local: 0, plants: 0 };
  const waiting = new Map<number, Owed>();
  const claims = new Int32Array(new SharedArrayBuffer(4 * CLAIM_SLOTS));
  let worker: Worker | undefined = startThread(script, { workerData: { ...(data ? { plants: data } : {}), claims: claims.buffer } satisfies DispatchWorkerData });
  let nextId = 0;
  // what the thread owed and does not give: a job runs here (the promise of it done), a plant is the caller's to evaluate
  const fail = (w: Owed, why: string): Promise<void> => {
    if (!w.here) {
      w.reject(new Error(why));
      return Promise.resolve();
    }
    stats.local++;
    return w.here().then(w.resolve as (v: unknown) => void, w.reject);
  };
  // the thread lost: what it still owed runs here
  const lose = () => {
    worker = undefined;
    for (const [id, w] of waiting) {
      waiting.delete(id);
      fail(w, 'the dispatch thread stopped');
    }
  };
  const settle = (id: number): Owed | undefined => {
    const w = waiting.get(id);
    if (!w) return undefined;
    waiting.delete(id);
    if (waiting.size === 0) worker?.unref();
    return w;
  };
  worker.on('message', (m: DispatchReply) => {
    if (m.kind === 'ready') return;
    if (m.kind === 'progress') return waiting.get(m.id)?.onProgress?.(m.event);
    const w = settle(m.id);
    if (!w) return;
    if (m.kind === 'failed') return void fail(w, m.message);
    if (w.here) stats.done++;
    else stats.plants++;
    (w.resolve as (v: unknown) => void)(m.result);
  });
  worker.on('error', lose);
  worker.on('exit', lose);
  // an idle thread does not keep the process alive (one with a job does: send() refs it)
  worker.unref();
  /** Sends a request; its promise settles with what the thread (or, failing there, this thread) gives. */
  const send = <T>(request: (id: number) => DispatchRequest, owed: { here?: () => Promise<T>; onProgress?: ProjectProgress }): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const w = worker;
      const o: Owed = { ...owed, resolve: resolve as (v: never) => void, reject };
      if (!w) return void fail(o, 'no dispatch thread');
      const id = nextId++;
      waiting.set(id, o);
      w.ref();
      try {
        w.postMessage(request(id));
      } catch {
        // not cloneable: done here
        settle(id);
        fail(o, 'a request the dispatch thread cannot be sent');
      }
    });
  const help = (): Promise<void> | undefined => {
    for (const id of [...waiting.keys()].reverse()) {
      if (id >= CLAIM_SLOTS || Atomics.compareExchange(claims, id, 0, 2) !== 0) continue;
      return fail(settle(id)!, TAKEN_BACK);
    }
    return undefined;
  };
  const whole = (job: FeasibleJob) => send((id) => ({ id, job }), { here: () => runFeasibleJob(job) });
  return {
    stats,
    help,
    run: async (job) => {
      if (job.options.bound === false) return whole(job);
      // the schedule and the bound side by side, put together as the whole job does (an error is the schedule's)
      const schedule = whole({ ...job, options: { ...job.options, bound: false } });
      const bound = send((id) => ({ id, bound: job }), { here: () => runBoundJob(job) });
      const [r, b] = await Promise.allSettled([schedule, bound]);
      if (r.status === 'rejected') throw r.reason;
      if (!r.value.ok) return r.value;
      if (b.status === 'rejected') throw b.reason;
      return b.value.ok ? solved(withBound(r.value.value, b.value.value), 0) : failed(b.value.reason, 0);
    },
    plant: (project, index, onProgress) => {
      if (!data) return Promise.reject(new Error('the dispatch thread was started without the project’s folder'));
      return send<PlantEvaluation>((id) => ({ id, plant: { project, index } }), onProgress ? { onProgress } : {});
    },
    close: async () => {
      const w = worker;
      worker = undefined;
      if (w) await w.terminate();
    },
  };
}
