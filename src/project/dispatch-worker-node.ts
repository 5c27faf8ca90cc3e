/**
 * The dispatch thread's worker (dispatch-thread-node.ts): runs the plant-feasible dispatch jobs it is sent
 * (feasible-job.ts: the DP and its LP bound) and posts back each result, or that the job failed (the main thread
 * then runs that job itself, so that an error is the very error evaluate() gives in-process). It also evaluates
 * the whole plants it is sent (evaluatePlantOf, with the project's files read relative to workerData.baseDir and
 * the disk cache's folder in workerData.cacheDir), loading that code with the first plant only.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { runFeasibleJob, type FeasibleJob } from './feasible-job.js';
import type { DispatchReply, DispatchRequest } from './dispatch-thread-node.js';
import type { PlantJob, WorkerData } from './parallel-node.js';

const port = parentPort!;
const reply = (m: DispatchReply) => port.postMessage(m);
const data = workerData as WorkerData | undefined;

/** The plant evaluation's code and the project's files, loaded with the first plant. */
let plants: Promise<(job: PlantJob, id: number) => Promise<void>> | undefined;
const plantEvaluator = async () => {
  if (!data) throw new Error('no project folder given to the dispatch thread');
  const [{ evaluatePlantOf }, { useDiskCache }, { readRelativeTo }] = await Promise.all([import('./evaluate.js'), import('./cache-node.js'), import('./files.js')]);
  useDiskCache(data.cacheDir !== undefined, data.cacheDir);
  const readText = readRelativeTo(data.baseDir);
  return async (job: PlantJob, id: number) => {
    const plant = await evaluatePlantOf(job.project, job.index, { readText, onProgress: (event) => reply({ id, kind: 'progress', event }) });
    reply({ id, kind: 'plant', plant });
  };
};

const failed = (id: number) => (e: unknown) => reply({ id, kind: 'failed', message: e instanceof Error ? e.message : String(e) });

port.on('message', (m: DispatchRequest) => {
  if ('plant' in m) {
    plants ??= plantEvaluator();
    plants.then((evaluate) => evaluate(m.plant, m.id)).catch(failed(m.id));
    return;
  }
  const job: FeasibleJob = m.job;
  runFeasibleJob(job).then((result) => reply({ id: m.id, kind: 'result', result }), failed(m.id));
});
// loaded: the first job's modules are compiled while the main thread designs the first plant
reply({ id: -1, kind: 'ready' });
