/**
 * A worker thread of parallel-node.ts: evaluates the plants it is sent (evaluatePlantOf), reading the project's
 * files relative to its folder and keeping results in the disk cache when the parent does, and posts back each
 * plant's evaluation (structured clone: its schedules' typed arrays copied), its progress, or its error.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { useDiskCache } from './cache-node.js';
import { evaluatePlantOf } from './evaluate.js';
import { readRelativeTo } from './files.js';
import type { PlantJob, WorkerData, WorkerReply } from './parallel-node.js';

const data = workerData as WorkerData;
useDiskCache(data.cacheDir !== undefined, data.cacheDir);
const readText = readRelativeTo(data.baseDir);
const port = parentPort!;
const reply = (m: WorkerReply) => port.postMessage(m);

port.on('message', (job: PlantJob) => {
  evaluatePlantOf(job.project, job.index, { readText, onProgress: (event) => reply({ kind: 'progress', index: job.index, event }) }).then(
    (plant) => reply({ kind: 'plant', index: job.index, plant }),
    (e: unknown) => {
      const err = e instanceof Error ? e : new Error(String(e));
      reply({ kind: 'error', index: job.index, name: err.name, message: err.message, ...(err.stack ? { stack: err.stack } : {}) });
    },
  );
});
