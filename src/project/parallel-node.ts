/**
 * The plants of a project evaluated concurrently on worker threads (Node). Each plant's evaluation is independent of
 * the others' (its own design, dispatch and money on the project's prices), so running them side by side changes
 * no number: evaluate() gathers them in the file's order and computes the recycling plants and the price summary
 * itself. The library stays single-threaded and browser-safe (the web app already runs it in a Web Worker); this
 * is the Node edge's plantRunner (EvaluateOptions).
 *
 * Threads: one for each plant that has to be computed, at most the machine's available parallelism less one (V8's
 * own compiler and collector threads and the main thread's share need a core: on this project's 2-core machine, shared,
 * the Luoyang comparison cold took 9.9 s wall / 12.6 s CPU in-process and 11.3 s / 14.4 s on two threads, with
 * liquid CO2 17.6 s / 16.8 s and 20.3 s / 18.7 s — each thread also compiles HiGHS's WebAssembly for itself); a
 * machine with two cores or fewer, or a project with fewer than PARALLEL.minimumPlants such plants, evaluates
 * in-process unless `threads` asks otherwise. Each thread loads the library itself (about 0.5 s of CPU), which a slow plant earns back
 * and a plant whose physics and dispatch come from the disk cache does not (measured on the Luoyang comparison,
 * warm: 1.4 s CPU in-process, 2.8 s on two threads). So with a disk cache, each plant evaluated is marked there
 * (namespace 'plant-evaluated', by everything but its money) and marked plants count as cheap. The mark only
 * steers where a plant runs, never what it gives.
 * In-process, the plant-feasible dispatches still run on a thread of their own (dispatch-thread-node.ts) while the
 * main thread goes on with the plants' detail and the next plant (evaluate.ts dispatchRunner), when one is computed.
 */
import { availableParallelism } from 'node:os';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Worker } from 'node:worker_threads';
import { startThread } from './thread-node.js';
import { tryDispatchThread, type DispatchThread } from './dispatch-thread-node.js';
import type { DiskCache } from './cache-node.js';
import { priceSeries } from './market.js';
import { readFromMap } from './read-text.js';
import { yearDispatchKey } from './year-cache.js';
import { LI_ION_TEMPLATE } from './li-ion-evaluate.js';
import { dispatchMethod, evaluate, type EvaluateOptions, type PlantEvaluation, type ProjectEvaluation, type ProjectProgress } from './evaluate.js';
import type { ProjectSpec } from './schema.js';

export const PARALLEL = Object.freeze({
  /** Fewer plants to compute than this are evaluated in-process. */
  minimumPlants: 2,
  /**
   * In-process evaluations run their plant-feasible dispatches (the DP and its bound) on a thread of their own: on
   * the Luoyang comparison, cold and built, the main thread's CPU fell from 7.3 s to 6.1 s (dispatch-thread-node.ts).
   */
  dispatchThread: true,
  /**
   * With the dispatch thread, a li-ion plant to be computed is evaluated whole on it (its battery model and yearly
   * dispatches, about 0.7 s of CPU for the Luoyang comparison's), beside the template plants' physics in the main
   * thread instead of after it.
   */
  sidePlants: true,
});

/** What a worker is started with. cacheDir: the disk cache's folder, or undefined for none. */
export interface WorkerData {
  readonly baseDir: string;
  readonly cacheDir: string | undefined;
}
export interface PlantJob {
  readonly project: ProjectSpec;
  readonly index: number;
}
export type WorkerReply =
  | { readonly kind: 'progress'; readonly index: number; readonly event: Parameters<ProjectProgress>[0] }
  | { readonly kind: 'plant'; readonly index: number; readonly plant: PlantEvaluation }
  | { readonly kind: 'error'; readonly index: number; readonly name: string; readonly message: string; readonly stack?: string };

export interface ParallelOptions extends Omit<EvaluateOptions, 'plantRunner' | 'plantCache'> {
  /** The folder the project's files are read relative to (loadProjectFile's baseDir). */
  readonly baseDir: string;
  /** The disk cache the threads keep results in (the caller's, cache-node.ts: its folder), or undefined for none. */
  readonly cache?: DiskCache;
  /** Worker threads at most; default: the machine's available parallelism less one. 1: in-process. */
  readonly threads?: number;
  /**
   * In-process: the template plants' dispatches on a thread of their own (dispatch-thread-node.ts) while the main
   * thread goes on with the plants' detail and design. Default: PARALLEL.dispatchThread, when a plant's dispatch
   * is to be computed.
   */
  readonly dispatchThread?: boolean;
  /** With the dispatch thread, li-ion plants evaluated whole on it. Default: PARALLEL.sidePlants. */
  readonly sidePlants?: boolean;
  /**
   * A dispatch thread the caller started before reading the project (earlyDispatchThread), so that its modules
   * load meanwhile: used as the in-process evaluation's dispatch thread where it runs one, and closed in any case.
   * It must have been started with this evaluation's baseDir and cache folder.
   */
  readonly startedDispatchThread?: DispatchThread;
}

/**
 * The dispatch thread started as early as the caller can (before the project is read and checked: its modules then
 * load on the other core meanwhile) when the evaluation is likely to run in-process (`threads` 1, or a machine with
 * two cores or fewer) and PARALLEL.dispatchThread; else undefined. Pass it to evaluateInThreads
 * (startedDispatchThread), which closes it. A project with no plant-feasible dispatch to compute (all plants from
 * the disk cache, or none with a DP) leaves it unused: the thread's start, about 0.05–0.1 s of CPU on the other
 * core, is then wasted.
 */
export function earlyDispatchThread(data: WorkerData, threads?: number): DispatchThread | undefined {
  const inProcess = (threads ?? availableParallelism() - 1) < 2;
  return inProcess && PARALLEL.dispatchThread ? tryDispatchThread(data) : undefined;
}

/** evaluate() with the plants on worker threads where that pays (see the header); the same results. */
export async function evaluateInThreads(project: ProjectSpec, options: ParallelOptions): Promise<ProjectEvaluation> {
  const { baseDir, cache, threads: asked, dispatchThread, sidePlants, startedDispatchThread: started, ...rest } = options;
  try {
    return await evaluateWith(project, asked, started, { baseDir, cache, dispatchThread, sidePlants }, rest);
  } finally {
    await started?.close();
  }
}

async function evaluateWith(
  project: ProjectSpec,
  asked: number | undefined,
  started: DispatchThread | undefined,
  { baseDir, cache, dispatchThread, sidePlants }: Pick<ParallelOptions, 'baseDir' | 'cache' | 'dispatchThread' | 'sidePlants'>,
  rest: Omit<EvaluateOptions, 'plantRunner' | 'plantCache'>,
): Promise<ProjectEvaluation> {
  if (asked !== undefined && !(Number.isInteger(asked) && asked >= 1)) throw new RangeError(`threads = ${asked} is not valid; valid: an integer ≥ 1`);
  const marks = cache ? plantMarks(project, rest.readText) : [];
  const mark = () => {
    for (const key of marks) if (key !== undefined) cache!.write(EVALUATED, key, true);
  };
  // which plants have to be computed (without a disk cache: all)
  const computed = project.plants.map((_, i) => !cache || marks[i] === undefined || cache.read(EVALUATED, marks[i]!) !== true);
  const toCompute = computed.filter(Boolean).length;
  const threads = Math.min(toCompute, asked ?? availableParallelism() - 1);
  if (threads < 2 || toCompute < PARALLEL.minimumPlants) {
    // a thread for the dispatches pays only when a plant-feasible dispatch (the DP) is to be computed
    const feasible = project.plants.some((spec, i) => computed[i] && dispatchMethod(project, spec) === 'dp');
    const side = (dispatchThread ?? PARALLEL.dispatchThread) && feasible ? (started ?? tryDispatchThread({ baseDir, cacheDir: cache?.dir })) : undefined;
    const elsewhere = (i: number) => (computed[i] && project.plants[i].template === LI_ION_TEMPLATE ? side?.plant(project, i, rest.onProgress) : undefined);
    try {
      const e = await evaluate(project, { ...rest, ...(side ? { dispatchRunner: side.run, ...((sidePlants ?? PARALLEL.sidePlants) ? { plantElsewhere: elsewhere } : {}), helpElsewhere: side.help } : {}) });
      mark();
      return e;
    } finally {
      await side?.close();
    }
  }
  const cacheDir = cache?.dir;
  // the plants' threads load the library themselves: a dispatch thread started early is not needed
  await started?.close();

  const here = fileURLToPath(import.meta.url);
  const script = new URL(`./plant-worker-node${extname(here)}`, import.meta.url);
  const data: WorkerData = { baseDir, cacheDir };
  const workers = Array.from({ length: threads }, () => startThread(script, { workerData: data }));
  const waiting = new Map<number, { resolve: (p: PlantEvaluation) => void; reject: (e: Error) => void }>();
  const idle: Worker[] = [];
  const queue: number[] = [];
  const next = (w: Worker) => {
    const index = queue.shift();
    if (index === undefined) idle.push(w);
    else w.postMessage({ project, index } satisfies PlantJob);
  };
  for (const w of workers) {
    w.on('message', (m: WorkerReply) => {
      if (m.kind === 'progress') return rest.onProgress?.(m.event);
      const job = waiting.get(m.index)!;
      waiting.delete(m.index);
      if (m.kind === 'plant') job.resolve(m.plant);
      else job.reject(Object.assign(new Error(m.message), { name: m.name, ...(m.stack ? { stack: m.stack } : {}) }));
      next(w);
    });
    // a thread that dies (out of memory, a crash in its code) fails every plant it may still owe
    w.on('error', (e) => {
      for (const [i, job] of waiting) {
        waiting.delete(i);
        job.reject(e);
      }
    });
    idle.push(w);
  }
  const runner = (index: number) =>
    new Promise<PlantEvaluation>((resolve, reject) => {
      waiting.set(index, { resolve, reject });
      queue.push(index);
      const w = idle.shift();
      if (w) next(w);
    });
  try {
    const e = await evaluate(project, { ...rest, plantRunner: runner });
    mark();
    return e;
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

/** The disk cache's namespace of the plants evaluated before (a scheduling hint). */
const EVALUATED = 'plant-evaluated';

/** Each plant's mark: what its physics and dispatch depend on (its money left out), or undefined (never marked). */
function plantMarks(project: ProjectSpec, readText: EvaluateOptions['readText']): (string | undefined)[] {
  let series;
  try {
    series = priceSeries(project.market, project.site, readText ?? readFromMap({}));
  } catch {
    return project.plants.map(() => undefined); // evaluate() reports the prices' error
  }
  return project.plants.map((spec) => yearDispatchKey(project, { ...spec, finance: {} }, series, {}));
}
