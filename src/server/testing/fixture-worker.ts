/**
 * A stand-in for the run worker in tests, doing what the project's name says: `hang` reports some progress and
 * never ends, `crash` throws out of the thread, `oom` fills its heap, `exit` ends the thread without a result.
 * Any other project is evaluated by the real worker.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { RunInput, WorkerMessage } from '../run-protocol.js';

const post = (m: WorkerMessage) => parentPort!.postMessage(m);
const mode = String(((workerData as RunInput).project as { name?: unknown }).name ?? 'hang');

const FIXTURES = ['hang', 'crash', 'oom', 'exit'];
if (FIXTURES.includes(mode)) post({ type: 'progress', progress: 0.1, stage: 'plant model', plant: mode });
if (mode === 'hang') setInterval(() => post({ type: 'progress', progress: 0.2, stage: 'dispatch', plant: mode }), 100);
if (mode === 'crash') setTimeout(() => {
  throw new Error('a fault inside the worker');
}, 50);
if (mode === 'oom') {
  const hoard: number[][] = [];
  for (;;) hoard.push(new Array(1e6).fill(Math.random()));
}
if (mode === 'exit') setTimeout(() => process.exit(3), 50);
// any other project is evaluated by the real worker, which reads the same workerData
if (!FIXTURES.includes(mode)) await import('../run-worker.js');
