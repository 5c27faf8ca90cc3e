/**
 * A study's cases on a pool of worker threads, one per core by default: each thread builds the study's context once
 * (its own plant cache) and takes the next case as soon as it is free. A thread that crashes fails the case it
 * held with the reason; the pool starts another in its place.
 */
import { availableParallelism } from 'node:os';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Worker } from 'node:worker_threads';
import type { CaseInput, CaseResult } from '../project/study/case.js';
import type { StudyInput } from '../project/study/files-node.js';
import type { CaseExecutor } from './study-executor.js';
import { startThread } from '../project/thread-node.js';

export type PoolMessage = { type: 'ready' } | { type: 'result'; result: CaseResult; worker: string };

/** The pool's thread script beside this file (.ts under tsx, .js in dist). */
export const STUDY_WORKER_URL = new URL(`./study-pool-worker${extname(fileURLToPath(import.meta.url))}`, import.meta.url);

export const POOL_DEFAULTS = { memoryMb: 2048 } as const;

/** One thread per core by default. */
export function defaultWorkers(): number {
  return Math.max(1, availableParallelism());
}

export class PoolExecutor implements CaseExecutor {
  private readonly size: number;
  private threads: Worker[] = [];
  /** Ends the run in progress (close() while cases are out: the run rejects instead of waiting for ever). */
  private abort?: (e: Error) => void;

  constructor(workers: number = defaultWorkers()) {
    if (!Number.isInteger(workers) || workers < 1) throw new Error(`--workers: ${workers} is not valid; expected a whole number ≥ 1`);
    this.size = workers;
  }

  run(input: StudyInput, cases: readonly CaseInput[], onResult: (result: CaseResult, worker: string) => void): Promise<void> {
    if (cases.length === 0) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      let next = 0;
      let finished = 0;
      let failed: Error | undefined;
      this.abort = (e) => {
        failed ??= e;
        reject(e);
      };
      const finish = (r: CaseResult, worker: string) => {
        finished++;
        try {
          onResult(r, worker);
        } catch (e) {
          failed ??= e as Error; // the store refused a write: stop handing out cases
        }
        if (finished === cases.length || (failed && this.threads.length === 0)) {
          if (failed) reject(failed);
          else resolve();
        }
      };
      const start = () => {
        const w = startThread(STUDY_WORKER_URL, { workerData: { input }, resourceLimits: { maxOldGenerationSizeMb: POOL_DEFAULTS.memoryMb } });
        let held: CaseInput | undefined;
        const give = () => {
          if (failed || next >= cases.length) {
            held = undefined;
            this.drop(w);
            if (failed && this.threads.length === 0) reject(failed);
            return;
          }
          held = cases[next++];
          w.postMessage(held);
        };
        w.on('message', (m: PoolMessage) => {
          if (m.type === 'result') {
            held = undefined;
            finish(m.result, m.worker);
          }
          give();
        });
        w.on('error', (e) => {
          if (held) {
            const lost = held;
            held = undefined;
            finish({ index: lost.index, values: [...lost.values], outputs: null, error: `the worker thread crashed: ${e.message}`, seconds: 0 }, 'thread');
          }
        });
        w.on('exit', () => {
          const was = this.threads.includes(w);
          this.threads = this.threads.filter((t) => t !== w);
          if (was && held === undefined && !failed && next < cases.length) start(); // replace a crashed thread
        });
        this.threads.push(w);
      };
      for (let k = 0; k < Math.min(this.size, cases.length); k++) start();
    });
  }

  private drop(w: Worker): void {
    this.threads = this.threads.filter((t) => t !== w);
    void w.terminate();
  }

  /** Stops every thread; a run in progress rejects (its finished cases were already reported). */
  async close(): Promise<void> {
    const threads = this.threads;
    this.threads = [];
    this.abort?.(new Error('stopped: the study’s worker threads were closed before its cases were finished'));
    this.abort = undefined;
    await Promise.all(threads.map((t) => t.terminate()));
  }
}
