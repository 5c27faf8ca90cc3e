/**
 * What a finished study says, per output: its statistics (mean, spread, P10/P50/P90) over the cases that finished,
 * and by design — P(output > threshold) for Monte Carlo, Sobol first- and total-order indices with their confidence
 * intervals for Saltelli, Morris μ*, σ for Morris, the tornado's bars, NSGA-II's Pareto front. The numbers come
 * from H5's methods (src/project/study/methods); failed cases are listed, never silently left out: an index that
 * needs every case (Sobol, Morris, tornado) is not computed when one failed, and says so.
 */
import {
  exceedance,
  morrisIndices,
  sobolIndices,
  summarize,
  tornadoBars,
  type Exceedance,
  type MorrisIndices,
  type SobolIndices,
  type Summary,
  type TornadoResult,
} from './methods/index.js';
import type { CaseResult } from './case.js';
import type { StudyPlan } from './plan.js';
import type { StudySpec } from './spec.js';

export interface OutputAnalysis {
  readonly name: string;
  readonly unit: string;
  /** Over the cases with a value; null when none has one. */
  readonly summary: Summary | null;
  /** Cases finished without a value for this output (an IRR never reached). */
  readonly undefinedCount: number;
  readonly exceedance?: Exceedance;
  readonly sobol?: SobolIndices;
  readonly morris?: MorrisIndices;
  readonly tornado?: TornadoResult;
  /** Why an index was not computed. */
  readonly note?: string;
}

export interface ParetoPoint {
  readonly index: number;
  readonly values: readonly number[];
  readonly outputs: readonly (number | null)[];
}

export interface StudyAnalysis {
  readonly design: StudySpec['design']['kind'];
  readonly parameters: readonly string[];
  readonly cases: number;
  readonly done: number;
  readonly failed: readonly { readonly index: number; readonly error: string }[];
  readonly outputs: readonly OutputAnalysis[];
  /** NSGA-II: the cases on the final Pareto front. */
  readonly front?: readonly ParetoPoint[];
}

export function analyseStudy(study: StudySpec, plan: StudyPlan | undefined, cases: readonly CaseResult[], front?: readonly ParetoPoint[]): StudyAnalysis {
  const byIndex = [...cases].sort((a, b) => a.index - b.index);
  const failed = byIndex.filter((c) => c.error !== null).map((c) => ({ index: c.index, error: c.error! }));
  const rows = plan?.rows.length ?? byIndex.length;
  const complete = plan !== undefined && byIndex.length === rows && failed.length === 0;
  const outputs = study.outputs.map((o, k): OutputAnalysis => {
    const values: number[] = [];
    let undefinedCount = 0;
    for (const c of byIndex) {
      if (!c.outputs) continue;
      const v = c.outputs[k];
      if (v === null) undefinedCount++;
      else values.push(v);
    }
    const base = { name: o.name, unit: o.unit, summary: values.length ? summarize(values) : null, undefinedCount };
    const design = study.design;
    if (design.kind === 'monte-carlo' && design.threshold?.[o.name] !== undefined && values.length) {
      return { ...base, exceedance: exceedance(values, design.threshold[o.name]) };
    }
    if (design.kind !== 'saltelli' && design.kind !== 'morris' && design.kind !== 'tornado') return base;
    const all = complete && undefinedCount === 0 ? byIndex.map((c) => c.outputs![k] as number) : undefined;
    if (!all) {
      return { ...base, note: `not computed: ${failed.length} case(s) failed, ${undefinedCount} without a value, ${rows - byIndex.length} not run; the ${design.kind} indices need every case` };
    }
    if (design.kind === 'saltelli') return { ...base, sobol: sobolIndices(plan!.saltelli!, all, { bootstrap: design.bootstrap, seed: design.seed }) };
    if (design.kind === 'morris') return { ...base, morris: morrisIndices(plan!.morris!, all) };
    return { ...base, tornado: tornadoBars(all, study.parameters.map((p) => p.name)) };
  });
  return {
    design: study.design.kind,
    parameters: study.parameters.map((p) => p.name),
    cases: rows,
    done: byIndex.length - failed.length,
    failed,
    outputs,
    ...(front ? { front } : {}),
  };
}
