/**
 * One thread of the study pool (study-pool.ts): the study's context built once (its plant cache lives as long as the
 * thread), then one case per message, each answered with its result (an error is a result too).
 */
import { parentPort, threadId, workerData } from 'node:worker_threads';
import { evaluateCase, type CaseInput } from '../project/study/case.js';
import type { StudyInput } from '../project/study/files-node.js';
import { studyContext, workerName } from './study-executor.js';
import type { PoolMessage } from './study-pool.js';

const context = studyContext((workerData as { input: StudyInput }).input);
const name = workerName(`thread-${threadId}`);

parentPort!.on('message', async (c: CaseInput) => {
  const result = await evaluateCase(context, c);
  parentPort!.postMessage({ type: 'result', result, worker: name } satisfies PoolMessage);
});
parentPort!.postMessage({ type: 'ready' } satisfies PoolMessage);
