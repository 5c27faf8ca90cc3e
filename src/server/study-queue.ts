/**
 * A study's cases across machines with BullMQ on Redis. `chuneng study run STUDY --queue redis://HOST:PORT` puts
 * the study's input in Redis once (by its hash) and one job per case with a deterministic id `<hash>-<index>`: a
 * case submitted twice (two submitters, a resumed study) is one job, computed once. `chuneng worker --queue …` on any
 * number of machines takes jobs and computes each on a worker thread (its own thread keeps renewing the job's lock).
 * A worker killed mid-case loses its lock; after `lockSeconds` another worker's stalled check puts the job back and it
 * is computed elsewhere. Finished jobs are kept (with their result) so a submitter that was killed collects them when
 * it starts again; the submitter writes each result to its store as it sees it.
 */
import { Queue, QueueEvents, Worker, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import type { CaseInput, CaseResult } from '../project/study/case.js';
import type { StudyInput } from '../project/study/files-node.js';
import type { CaseExecutor } from './study-executor.js';
import { CaseThreads } from './study-threads.js';

export const STUDY_QUEUE = {
  /** BullMQ queue name. */
  name: 'chuneng-studies',
  /** Redis key of a study's input, by hash. */
  inputKey: (hash: string) => `chuneng:study-input:${hash}`,
  /** Attempts of a job whose worker died (a case's own error is a result, not a failure). */
  attempts: 3,
  /** How often the submitter looks at every job it waits for (finished jobs are announced by events in between). Unit: ms */
  sweepMs: 5000,
  /** A job's lock; a worker that stops renewing it (killed) loses the job after this long. Unit: s */
  lockSeconds: 30,
} as const;

/** A job's id: the study's hash and the case's index (BullMQ refuses ':' in ids). */
export function caseJobId(hash: string, index: number): string {
  return `${hash}-${index}`;
}

interface CaseJobData extends CaseInput {
  readonly hash: string;
}

interface CaseJobResult {
  readonly result: CaseResult;
  readonly worker: string;
}

/** The connection options of a redis:// URL, checked. */
export function redisConnection(url: string): { url: string; maxRetriesPerRequest: null } {
  if (!/^rediss?:\/\/[^/]+/.test(url)) throw new Error(`--queue: "${url}" is not valid; expected redis://HOST:PORT (or rediss:// for TLS)`);
  return { url, maxRetriesPerRequest: null };
}

export class QueueExecutor implements CaseExecutor {
  private readonly queue: Queue;
  private readonly events: QueueEvents;
  private readonly redis: Redis;

  constructor(url: string, name: string = STUDY_QUEUE.name) {
    this.queue = new Queue(name, { connection: redisConnection(url) });
    this.events = new QueueEvents(name, { connection: redisConnection(url) });
    this.redis = new Redis(url, { maxRetriesPerRequest: null });
  }

  async run(input: StudyInput, cases: readonly CaseInput[], onResult: (result: CaseResult, worker: string) => void): Promise<void> {
    if (cases.length === 0) return;
    await this.redis.set(STUDY_QUEUE.inputKey(input.hash), JSON.stringify(input));
    await this.queue.addBulk(
      cases.map((c) => ({
        name: 'case',
        data: { hash: input.hash, index: c.index, values: [...c.values] } satisfies CaseJobData,
        opts: { jobId: caseJobId(input.hash, c.index), attempts: STUDY_QUEUE.attempts, removeOnComplete: false, removeOnFail: false },
      })),
    );
    const pending = new Map(cases.map((c) => [caseJobId(input.hash, c.index), c]));
    // finished jobs are announced by events; a sweep over every pending job catches those finished before the
    // subscription (a resumed or second submitter) and any event missed
    const announced = new Set<string>();
    let wake: (() => void) | undefined;
    const announce = ({ jobId }: { jobId: string }) => {
      if (!pending.has(jobId)) return;
      announced.add(jobId);
      wake?.();
    };
    this.events.on('completed', announce);
    this.events.on('failed', announce);
    try {
      await this.events.waitUntilReady();
      let sweep = true;
      while (pending.size > 0) {
        const ids = sweep ? [...pending.keys()] : [...announced].filter((id) => pending.has(id));
        announced.clear();
        for (const id of ids) await this.collect(id, pending.get(id)!, pending, onResult);
        if (pending.size === 0) break;
        sweep = await new Promise<boolean>((resolve) => {
          const timer = setTimeout(() => resolve(true), STUDY_QUEUE.sweepMs);
          wake = () => {
            clearTimeout(timer);
            resolve(false);
          };
          if (announced.size > 0) wake();
        });
        wake = undefined;
      }
    } finally {
      this.events.off('completed', announce);
      this.events.off('failed', announce);
    }
  }

  /** Takes a job's result when it is finished for good (done, or failed with no attempt left). */
  private async collect(id: string, c: CaseInput, pending: Map<string, CaseInput>, onResult: (result: CaseResult, worker: string) => void): Promise<void> {
    const job = (await this.queue.getJob(id)) as Job<CaseJobData, CaseJobResult> | undefined;
    if (!job?.finishedOn) return;
    if (job.returnvalue) {
      pending.delete(id);
      onResult(job.returnvalue.result, job.returnvalue.worker);
    } else if ((await job.getState()) === 'failed') {
      // out of attempts, or stalled more often than maxStalledCount (its workers kept dying)
      pending.delete(id);
      onResult({ index: c.index, values: [...c.values], outputs: null, error: `the queue gave up on the case after ${job.attemptsMade} attempts: ${job.failedReason}`, seconds: 0 }, 'queue');
    }
  }

  async close(): Promise<void> {
    await this.events.close();
    await this.queue.close();
    this.redis.disconnect();
  }
}

export interface QueueWorkerOptions {
  /** Cases computed at once (threads). */
  readonly concurrency: number;
  readonly lockSeconds?: number;
  readonly name?: string;
  /** A case taken (attempt counts from 1) and a case finished. */
  readonly onStart?: (index: number, attempt: number) => void;
  readonly onCase?: (result: CaseResult, worker: string) => void;
}

/** Takes case jobs from the queue until closed; each on a worker thread. */
export function startQueueWorker(url: string, options: QueueWorkerOptions): { worker: Worker; close: () => Promise<void> } {
  const threads = new CaseThreads(options.concurrency);
  const inputs = new Map<string, StudyInput>();
  const connection = redisConnection(url);
  const redis = new Redis(url, { maxRetriesPerRequest: null });
  const lockMs = (options.lockSeconds ?? STUDY_QUEUE.lockSeconds) * 1000;
  const worker = new Worker<CaseJobData, CaseJobResult>(
    options.name ?? STUDY_QUEUE.name,
    async (job) => {
      const { hash, index, values } = job.data;
      let input = inputs.get(hash);
      if (!input) {
        const text = await redis.get(STUDY_QUEUE.inputKey(hash));
        if (text === null) throw new Error(`the input of study ${hash} is not in Redis (key ${STUDY_QUEUE.inputKey(hash)})`);
        input = JSON.parse(text) as StudyInput;
        inputs.set(hash, input);
      }
      options.onStart?.(index, job.attemptsMade + 1);
      const out = await threads.evaluate(input, { index, values });
      options.onCase?.(out.result, out.worker);
      return out;
    },
    { connection, concurrency: options.concurrency, lockDuration: lockMs, stalledInterval: Math.max(500, lockMs / 2), maxStalledCount: STUDY_QUEUE.attempts },
  );
  return {
    worker,
    close: async () => {
      await worker.close();
      await threads.close();
      redis.disconnect();
    },
  };
}
