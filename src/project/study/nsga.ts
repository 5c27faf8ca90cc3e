/**
 * An NSGA-II study, generation by generation through the same case machinery as every other design: H5's Nsga2
 * asks for a generation of points on the unit cube (each parameter through its distribution, so ranges, choices and
 * integers all work), the runner computes the cases that are not stored yet, and the evaluations are told back in
 * order. Case k of generation g has index g · population + k, so a resumed study replays its stored generations
 * (ask/tell is deterministic for a seed) and computes only what is missing.
 *
 * Objectives are minimised (a `max` goal is negated); a constraint `min ≤ output ≤ max` becomes g ≤ 0 in the
 * output's unit; a failed case, or one without a value for an objective or a constrained output, is told as null
 * (never chosen).
 */
import { Nsga2 } from './methods/index.js';
import type { CaseInput, CaseResult } from './case.js';
import type { ParetoPoint } from './analysis.js';
import { caseValues } from './plan.js';
import type { StudySpec } from './spec.js';

/** Runs every generation; `compute` returns the generation's results in the order of its cases. */
export async function runNsga2(study: StudySpec, compute: (cases: readonly CaseInput[]) => Promise<CaseResult[]>): Promise<ParetoPoint[]> {
  const design = study.design;
  if (design.kind !== 'nsga2') throw new Error(`runNsga2 needs an nsga2 design, not ${design.kind}`);
  const d = study.parameters.length;
  const outputIndex = (name: string) => study.outputs.findIndex((o) => o.name === name);
  const objectives = design.objectives.map((o) => ({ k: outputIndex(o.output), sign: o.goal === 'max' ? -1 : 1 }));
  const constraints = study.constraints.map((c) => ({ k: outputIndex(c.output), min: c.min, max: c.max }));
  const nsga = new Nsga2({
    lower: new Array<number>(d).fill(0),
    upper: new Array<number>(d).fill(1),
    populationSize: design.population,
    seed: design.seed,
    objectives: objectives.length,
    constraints: constraints.reduce((n, c) => n + (c.min !== undefined ? 1 : 0) + (c.max !== undefined ? 1 : 0), 0),
  });
  const byPoint = new Map<string, CaseResult>();
  for (let g = 0; g < design.generations; g++) {
    const points = nsga.ask();
    const cases = points.map((x, j) => {
      const index = g * design.population + j;
      return { index, values: caseValues(study, x, index) };
    });
    const results = await compute(cases);
    points.forEach((x, j) => byPoint.set(JSON.stringify(x), results[j]));
    nsga.tell(
      results.map((r) => {
        const out = r.outputs;
        if (!out) return null;
        const f: number[] = [];
        for (const o of objectives) {
          const v = out[o.k];
          if (v === null) return null;
          f.push(o.sign * v);
        }
        const gs: number[] = [];
        for (const c of constraints) {
          const v = out[c.k];
          if (v === null) return null;
          if (c.min !== undefined) gs.push(c.min - v);
          if (c.max !== undefined) gs.push(v - c.max);
        }
        return { objectives: f, constraints: gs };
      }),
    );
  }
  return nsga.front().map((ind) => {
    const r = byPoint.get(JSON.stringify(ind.x))!;
    return { index: r.index, values: r.values, outputs: r.outputs ?? [] };
  });
}
