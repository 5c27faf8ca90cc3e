/**
 * Worker threads that compute single cases on request, for the queue worker (study-queue.ts): the BullMQ worker's
 * own thread stays free to renew its job locks while a case computes for seconds (a lock not renewed would let
 * another worker take the case as stalled). Threads belong to one study at a time (each built its context and
 * plant cache); a case of another study retires an idle thread and starts one for it.
 */
import type { Worker } from 'node:worker_threads';
import type { CaseInput, CaseResult } from '../project/study/case.js';
import type { StudyInput } from '../project/study/files-node.js';
import { POOL_DEFAULTS, STUDY_WORKER_URL, type PoolMessage } from './study-pool.js';
import { startThread } from '../project/thread-node.js';

interface Thread {
  readonly worker: Worker;
  readonly hash: string;
  ready: Promise<void>;
  busy: boolean;
  pending?: { resolve: (r: { result: CaseResult; worker: string }) => void; reject: (e: Error) => void };
}

export class CaseThreads {
  private threads: Thread[] = [];
  private waiting: (() => void)[] = [];

  constructor(private readonly capacity: number) {}

  /** Computes one case of `input` on a thread (waits for one to be free). */
  async evaluate(input: StudyInput, c: CaseInput): Promise<{ result: CaseResult; worker: string }> {
    const t = await this.acquire(input);
    await t.ready;
    return new Promise((resolve, reject) => {
      t.pending = {
        resolve: (r) => {
          this.release(t);
          resolve(r);
        },
        reject: (e) => {
          this.release(t);
          reject(e);
        },
      };
      t.worker.postMessage(c);
    });
  }

  private async acquire(input: StudyInput): Promise<Thread> {
    for (;;) {
      const idle = this.threads.find((t) => !t.busy && t.hash === input.hash);
      if (idle) {
        idle.busy = true;
        return idle;
      }
      if (this.threads.length >= this.capacity) {
        const other = this.threads.find((t) => !t.busy);
        if (other) this.remove(other);
      }
      if (this.threads.length < this.capacity) {
        const t = this.start(input);
        t.busy = true;
        return t;
      }
      await new Promise<void>((r) => this.waiting.push(r));
    }
  }

  private release(t: Thread): void {
    t.busy = false;
    t.pending = undefined;
    this.waiting.shift()?.();
  }

  private start(input: StudyInput): Thread {
    const worker = startThread(STUDY_WORKER_URL, { workerData: { input }, resourceLimits: { maxOldGenerationSizeMb: POOL_DEFAULTS.memoryMb } });
    let ready!: () => void;
    const t: Thread = { worker, hash: input.hash, busy: false, ready: new Promise<void>((r) => (ready = r)) };
    worker.on('message', (m: PoolMessage) => {
      if (m.type === 'ready') ready();
      else t.pending?.resolve({ result: m.result, worker: m.worker });
    });
    worker.on('error', (e) => t.pending?.reject(new Error(`the worker thread crashed: ${e.message}`)));
    worker.on('exit', (code) => {
      t.pending?.reject(new Error(`the worker thread exited (code ${code})`));
      this.threads = this.threads.filter((x) => x !== t);
      this.waiting.shift()?.();
    });
    this.threads.push(t);
    return t;
  }

  private remove(t: Thread): void {
    this.threads = this.threads.filter((x) => x !== t);
    void t.worker.terminate();
  }

  async close(): Promise<void> {
    const all = this.threads;
    this.threads = [];
    await Promise.all(all.map((t) => t.worker.terminate()));
  }
}
