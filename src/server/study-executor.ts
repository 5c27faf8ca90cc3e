/**
 * Where a study's cases are computed: in this thread (serial), on a pool of worker threads (study-pool.ts), or by
 * workers on any machine through BullMQ on Redis (study-queue.ts). Each computes the cases it is given in any order
 * and reports each result as it finishes; a case's result depends only on the study and the case, so every
 * executor gives the same results.
 */
import { hostname } from 'node:os';
import { evaluateCase, type CaseInput, type CaseResult, type StudyContext } from '../project/study/case.js';
import { TemplatePlantCache } from '../project/study/plant-cache.js';
import { parseStudyValue } from '../project/study/spec.js';
import type { StudyInput } from '../project/study/files-node.js';

export interface CaseExecutor {
  /** Computes `cases` of the study, calling `onResult` for each as it finishes (in any order); resolves when all are. */
  run(input: StudyInput, cases: readonly CaseInput[], onResult: (result: CaseResult, worker: string) => void): Promise<void>;
  /** Stops its workers or connections. */
  close(): Promise<void>;
}

/** The context of a study's cases, built once per worker (with its own plant cache). */
export function studyContext(input: StudyInput): StudyContext {
  return { study: parseStudyValue(input.studyValue), project: input.project, files: input.files, plantCache: new TemplatePlantCache() };
}

/** A name for the worker computing here: host, process, and a thread or slot. */
export function workerName(slot: string | number): string {
  return `${hostname()}:${process.pid}:${slot}`;
}

/** Every case in this thread, one after another (the reference the pool and the queue are compared with). */
export class SerialExecutor implements CaseExecutor {
  private contexts = new Map<string, StudyContext>();

  async run(input: StudyInput, cases: readonly CaseInput[], onResult: (result: CaseResult, worker: string) => void): Promise<void> {
    let context = this.contexts.get(input.hash);
    if (!context) {
      context = studyContext(input);
      this.contexts.set(input.hash, context);
    }
    const name = workerName('main');
    for (const c of cases) onResult(await evaluateCase(context, c), name);
  }

  async close(): Promise<void> {
    this.contexts.clear();
  }
}
