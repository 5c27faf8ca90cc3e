/**
 * Running a study to the end, resumably: the study is recorded in the store by its hash, the cases already finished
 * there are skipped, the others go to the executor (serial, thread pool or BullMQ), and each result is written to
 * the store the moment it arrives. Killed at any moment and started again, a study loses only the cases that were
 * being computed. An NSGA-II study runs generation by generation through the same machinery (nsga.ts): its finished
 * generations are replayed from the store, bit for bit, before the first missing case is computed.
 */
import type { CaseInput, CaseResult } from '../project/study/case.js';
import type { StudyInput } from '../project/study/files-node.js';
import { caseValues, planStudy } from '../project/study/plan.js';
import { ProgressCounter, type StudyProgress } from '../project/study/results.js';
import { analyseStudy, type StudyAnalysis } from '../project/study/analysis.js';
import { runNsga2 } from '../project/study/nsga.js';
import type { StudySpec } from '../project/study/spec.js';
import type { CaseExecutor } from './study-executor.js';
import type { StudyStore } from './study-store.js';

export interface RunStudyOptions {
  readonly store: StudyStore;
  readonly executor: CaseExecutor;
  readonly onProgress?: (p: StudyProgress) => void;
}

export interface StudyOutcome {
  readonly hash: string;
  /** Every finished case, by index. */
  readonly cases: readonly CaseResult[];
  readonly analysis: StudyAnalysis;
}

/** Runs (or resumes) a study; resolves when every case is finished and the analysis is stored. */
export async function runStudy(input: StudyInput, spec: StudySpec, options: RunStudyOptions): Promise<StudyOutcome> {
  const { store, executor } = options;
  const name = spec.name;
  if (spec.design.kind === 'nsga2') {
    store.registerStudy(input.hash, name, input, null);
    const before = store.cases(input.hash);
    const progress = new ProgressCounter(before.length, before);
    const computeGeneration = async (cases: readonly CaseInput[]): Promise<CaseResult[]> => {
      const stored = new Map(store.cases(input.hash).map((c) => [c.index, c]));
      const missing = cases.filter((c) => !stored.has(c.index));
      progress.setTotal(Math.max(cases[cases.length - 1].index + 1, stored.size));
      store.registerStudy(input.hash, name, input, cases[cases.length - 1].index + 1);
      await executor.run(input, missing, (r, worker) => {
        store.saveCase(input.hash, r, worker);
        stored.set(r.index, { ...r, worker, finishedAt: '' });
        options.onProgress?.(progress.add(r));
      });
      return cases.map((c) => stored.get(c.index)!);
    };
    const front = await runNsga2(spec, computeGeneration);
    const cases = store.cases(input.hash);
    const analysis = analyseStudy(spec, undefined, cases, front);
    store.setAnalysis(input.hash, analysis);
    return { hash: input.hash, cases, analysis };
  }

  const plan = planStudy(spec);
  store.registerStudy(input.hash, name, input, plan.rows.length);
  const before = store.cases(input.hash);
  const finished = new Set(before.map((c) => c.index));
  const todo: CaseInput[] = [];
  plan.rows.forEach((row, index) => {
    if (!finished.has(index)) todo.push({ index, values: caseValues(spec, row, index) });
  });
  const progress = new ProgressCounter(plan.rows.length, before);
  options.onProgress?.(progress.snapshot());
  await executor.run(input, todo, (r, worker) => {
    store.saveCase(input.hash, r, worker);
    options.onProgress?.(progress.add(r));
  });
  const cases = store.cases(input.hash);
  const analysis = analyseStudy(spec, plan, cases);
  store.setAnalysis(input.hash, analysis);
  return { hash: input.hash, cases, analysis };
}
