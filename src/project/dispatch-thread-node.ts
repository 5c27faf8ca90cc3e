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
 *
 * The thread also evaluates whole plants it is handed (evaluatePlantOf, its modules loaded with the first such
 * plant): a li-ion plant's life of yearly dispatches then runs beside the template plants' physics instead of after
 * it (parallel-node.ts PARALLEL.sidePlants). A plant the thread cannot finish rejects, and the caller evaluates it
 * in the main thread (evaluate.ts plantElsewhere), so that its error is the in-process one.
 */
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Worker } from 'node:worker_threads';
import type { SolveResult } from '../numerics/result.js';
import type { FeasibleDispatchResult } from '../dispatch/feasible/result.js';
import { runFeasibleJob, type FeasibleJob, type FeasibleRunner } from './feasible-job.js';
import type { PlantEvaluation, ProjectProgress } from './evaluate.js';
import type { PlantJob, WorkerData } from './parallel-node.js';
import { startThread } from './thread-node.js';

/** A dispatch job, or a whole plant to evaluate. */
export type DispatchRequest = { readonly id: number; readonly job: FeasibleJob } | { readonly id: number; readonly plant: PlantJob };
export type DispatchReply =
  | { readonly id: number; readonly kind: 'ready' }
  | { readonly id: number; readonly kind: 'result'; readonly result: SolveResult<FeasibleDispatchResult> }
  | { readonly id: number; readonly kind: 'plant'; readonly plant: PlantEvaluation }
  | { readonly id: number; readonly kind: 'progress'; readonly event: Parameters<ProjectProgress>[0] }
  | { readonly id: number; readonly kind: 'failed'; readonly message: string };

export interface DispatchThread {
  /** Runs a job on the thread (or, after a failure there, here). */
  readonly run: FeasibleRunner;
  /**
   * Evaluates plants[index] of the project on the thread, its progress passed to onProgress; rejects where the
   * thread cannot (no thread, no files to read from, the plant's error there): the caller then evaluates it here.
   */
  plant(project: PlantJob['project'], index: number, onProgress?: ProjectProgress): Promise<PlantEvaluation>;
  /** Jobs the thread finished, jobs run here instead, and plants the thread evaluated. */
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

/** What the thread owes for one request: a job's result, or a plant. */
type Owed =
  | { readonly job: FeasibleJob; readonly resolve: (r: SolveResult<FeasibleDispatchResult>) => void; readonly reject: (e: unknown) => void }
  | { readonly job?: undefined; readonly resolve: (p: PlantEvaluation) => void; readonly reject: (e: unknown) => void; readonly onProgress?: ProjectProgress };

/**
 * Starts the dispatch thread. data: the folder the project's files are read relative to and the disk cache's, for
 * the plants it evaluates (without it, plant() always rejects).
 */
export function startDispatchThread(data?: WorkerData): DispatchThread {
  const here = fileURLToPath(import.meta.url);
  const script = new URL(`./dispatch-worker-node${extname(here)}`, import.meta.url);
  const stats = { done: 0, local: 0, plants: 0 };
  const waiting = new Map<number, Owed>();
  let worker: Worker | undefined = startThread(script, data ? { workerData: data } : {});
  let nextId = 0;
  const local = (job: FeasibleJob) => {
    stats.local++;
    return runFeasibleJob(job);
  };
  // what the thread owed and cannot give: a job runs here, a plant is the caller's to evaluate
  const fail = (w: Owed, why: string) => {
    if (w.job) local(w.job).then(w.resolve, w.reject);
    else w.reject(new Error(why));
  };
  // the thread lost: what it still owed runs here
  const lose = () => {
    worker = undefined;
    for (const [id, w] of waiting) {
      waiting.delete(id);
      fail(w, 'the dispatch thread stopped');
    }
  };
  worker.on('message', (m: DispatchReply) => {
    if (m.kind === 'ready') return;
    const w = waiting.get(m.id);
    if (!w) return;
    if (m.kind === 'progress') {
      if (!w.job) w.onProgress?.(m.event);
      return;
    }
    waiting.delete(m.id);
    if (waiting.size === 0) worker?.unref();
    if (m.kind === 'result' && w.job) {
      stats.done++;
      w.resolve(m.result);
    } else if (m.kind === 'plant' && !w.job) {
      stats.plants++;
      w.resolve(m.plant);
    } else fail(w, m.kind === 'failed' ? m.message : `an unexpected reply (${m.kind})`);
  });
  worker.on('error', lose);
  worker.on('exit', lose);
  // an idle thread does not keep the process alive (one with a job does: run() refs it)
  worker.unref();
  /** Sends a request and keeps what it owes; false where it cannot be sent (not cloneable, or no thread). */
  const send = (owed: Owed, request: (id: number) => DispatchRequest): boolean => {
    const w = worker;
    if (!w) return false;
    const id = nextId++;
    waiting.set(id, owed);
    w.ref();
    try {
      w.postMessage(request(id));
      return true;
    } catch {
      waiting.delete(id);
      if (waiting.size === 0) w.unref();
      return false;
    }
  };
  return {
    stats,
    run: (job) =>
      new Promise((resolve, reject) => {
        // a job that cannot be sent runs here
        if (!send({ job, resolve, reject }, (id) => ({ id, job }))) local(job).then(resolve, reject);
      }),
    plant: (project, index, onProgress) =>
      new Promise((resolve, reject) => {
        if (!data) return reject(new Error('the dispatch thread was started without the project’s folder'));
        if (!send({ resolve, reject, ...(onProgress ? { onProgress } : {}) }, (id) => ({ id, plant: { project, index } }))) reject(new Error('no dispatch thread to send the plant to'));
      }),
    close: async () => {
      const w = worker;
      worker = undefined;
      if (w) await w.terminate();
    },
  };
}
