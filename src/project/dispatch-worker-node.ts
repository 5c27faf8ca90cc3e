/**
 * The dispatch thread's worker (dispatch-thread-node.ts): runs the plant-feasible dispatch jobs it is sent
 * (feasible-job.ts: the DP and its LP bound) and posts back each result, or that the job failed (the main thread
 * then runs that job itself, so that an error is the very error evaluate() gives in-process).
 */
import { parentPort } from 'node:worker_threads';
import { runFeasibleJob, type FeasibleJob } from './feasible-job.js';
import type { DispatchReply, DispatchRequest } from './dispatch-thread-node.js';

const port = parentPort!;
const reply = (m: DispatchReply) => port.postMessage(m);

port.on('message', (m: DispatchRequest) => {
  const job: FeasibleJob = m.job;
  runFeasibleJob(job).then(
    (result) => reply({ id: m.id, kind: 'result', result }),
    (e: unknown) => reply({ id: m.id, kind: 'failed', message: e instanceof Error ? e.message : String(e) }),
  );
});
// loaded: the first job's modules are compiled while the main thread designs the first plant
reply({ id: -1, kind: 'ready' });
