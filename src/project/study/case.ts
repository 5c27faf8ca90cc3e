/**
 * One case of a study: the project with the case's parameter values set at their paths (set-path.ts), checked by
 * the project's own validation, evaluated (src/project/evaluate.ts), and the study's outputs read by path from the
 * evaluation. A case ends with its outputs or with its error — never dropped: the error is the case's result.
 */
import { evaluate, type EvaluateOptions } from '../evaluate.js';
import { parseProjectValue, readFromMap } from '../parse.js';
import { getPath, setPath } from '../set-path.js';
import type { PlantCache } from './plant-cache.js';
import { factorValue, projectValue, type StudySpec } from './spec.js';
import { withPriceFactors } from './price-factors.js';

/** What every case of a study shares: the study, the project file as parsed (before validation) and its files. */
export interface StudyContext {
  readonly study: StudySpec;
  /** The project file's value as parsed from YAML/JSON (units in strings), before validation. */
  readonly project: unknown;
  /** The files the project names (price files), name → text. */
  readonly files: Readonly<Record<string, string>>;
  /** Reuses plant physics across this worker's cases (plant-cache.ts). */
  readonly plantCache?: PlantCache;
}

export interface CaseInput {
  readonly index: number;
  /** One per parameter, in its unit (a word's index). */
  readonly values: readonly number[];
}

export interface CaseResult extends CaseInput {
  /** One per study output, in the output's unit; null where the result is undefined (an IRR never reached). Null on error. */
  readonly outputs: readonly (number | null)[] | null;
  readonly error: string | null;
  /** Wall time of the case. Unit: s */
  readonly seconds: number;
}

/**
 * The project value and files of a case: the study's fixed values set, every parameter written at its paths, and
 * the price series changed by the price factors (when the study has any).
 */
export function caseProject(context: StudyContext, values: readonly number[], source = 'case'): { project: unknown; files: Readonly<Record<string, string>> } {
  let raw = context.project;
  for (const s of context.study.set) raw = setPath(raw, s.steps, s.value);
  const factors = { scale: 1, spread: 1 };
  let priced = false;
  context.study.parameters.forEach((p, i) => {
    if (p.priceFactor) {
      factors[p.priceFactor === 'prices.scale' ? 'scale' : 'spread'] = factorValue(p, values[i]);
      priced = true;
    }
    for (const steps of p.steps) raw = setPath(raw, steps, projectValue(p, values[i]));
  });
  return priced ? withPriceFactors(raw, context.files, factors, source) : { project: raw, files: context.files };
}

/** The outputs of an evaluation, in the outputs' units (an output that is not a number is an error naming it). */
export function readOutputs(study: StudySpec, evaluation: unknown): (number | null)[] {
  return study.outputs.map((o) => {
    const v = getPath(evaluation, o.steps);
    if (v === null) return null;
    if (typeof v === 'boolean') return v ? 1 : 0;
    if (typeof v !== 'number') throw new Error(`output ${o.name} (${o.path}) is ${Array.isArray(v) ? 'a list' : typeof v}, not a number`);
    return v / o.factor;
  });
}

/** Evaluates one case; a failure becomes the case's error (with the project's field paths). */
export async function evaluateCase(context: StudyContext, input: CaseInput): Promise<CaseResult> {
  const t0 = performance.now();
  try {
    const source = `case ${input.index}`;
    const { project, files } = caseProject(context, input.values, source);
    const { spec, readText } = parseProjectValue(project, source, readFromMap(files));
    // plantCache: EvaluateOptions.plantCache once evaluate.ts takes it (proposed); ignored until then
    const options: EvaluateOptions & { plantCache?: PlantCache } = { readText, ...(context.plantCache ? { plantCache: context.plantCache } : {}) };
    const evaluation = await evaluate(spec, options);
    const outputs = readOutputs(context.study, evaluation);
    return { ...plain(input), outputs, error: null, seconds: (performance.now() - t0) / 1000 };
  } catch (e) {
    return { ...plain(input), outputs: null, error: (e as Error).message ?? String(e), seconds: (performance.now() - t0) / 1000 };
  }
}

function plain(input: CaseInput): CaseInput {
  return { index: input.index, values: [...input.values] };
}
