/**
 * The dispatch thread's worker (dispatch-thread-node.ts): runs the plant-feasible dispatch jobs it is sent
 * (feasible-job.ts: the DP, or its LP bound alone) and posts back each result, or that the job failed (the main thread
 * then runs that job itself, so that an error is the very error evaluate() gives in-process). It also evaluates
 * the whole plants it is sent (evaluatePlantOf, with the project's files read relative to workerData.baseDir and
 * the disk cache's folder in workerData.cacheDir), loading that code with the first plant only.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { runFeasibleJob } from './feasible-job.js';
import { CLAIM_SLOTS, runBoundJob, type DispatchReply, type DispatchRequest, type DispatchWorkerData } from './dispatch-thread-node.js';
import type { PlantJob } from './parallel-node.js';

const port = parentPort!;
const reply = (m: DispatchReply) => port.postMessage(m);
const { plants: data, claims: shared } = workerData as DispatchWorkerData;
const claims = new Int32Array(shared);
/** This thread's claim on a request: false when the main thread took it back before it began here. */
const claim = (id: number) => id >= CLAIM_SLOTS || Atomics.compareExchange(claims, id, 0, 1) === 0;

/** The plant evaluation's code and the project's files, loaded with the first plant. */
let plants: Promise<(job: PlantJob, id: number) => Promise<void>> | undefined;
const plantEvaluator = async () => {
  if (!data) throw new Error('no project folder given to the dispatch thread');
  const [{ evaluatePlantOf }, { useDiskCache }, { readRelativeTo }] = await Promise.all([import('./evaluate.js'), import('./cache-node.js'), import('./read-files-node.js')]);
  useDiskCache(data.cacheDir !== undefined, data.cacheDir);
  const readText = readRelativeTo(data.baseDir);
  return async (job: PlantJob, id: number) => {
    if (!claim(id)) return;
    const plant = await evaluatePlantOf(job.project, job.index, { readText, onProgress: (event) => reply({ id, kind: 'progress', event }) });
    reply({ id, kind: 'result', result: plant });
  };
};

const failed = (id: number) => (e: unknown) => reply({ id, kind: 'failed', message: e instanceof Error ? e.message : String(e) });

port.on('message', (m: DispatchRequest) => {
  if ('plant' in m) {
    plants ??= plantEvaluator();
    plants.then((evaluate) => evaluate(m.plant, m.id)).catch(failed(m.id));
    return;
  }
  if (!claim(m.id)) return;
  const done = 'job' in m ? runFeasibleJob(m.job) : runBoundJob(m.bound);
  done.then((result) => reply({ id: m.id, kind: 'result', result }), failed(m.id));
});
// loaded: the first job's modules are compiled while the main thread designs the first plant
reply({ id: -1, kind: 'ready' });
