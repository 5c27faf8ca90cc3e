/**
 * The cases of a study: the design's rows on the unit cube (H5's methods) mapped through each parameter's
 * distribution to values in the parameters' units. Case i is row i, whatever machine or order computes it; an
 * NSGA-II study has no fixed rows (its generations come from ask/tell, nsga.ts).
 */
import {
  fullFactorial,
  latinHypercube,
  morrisDesign,
  saltelliDesign,
  seededRng,
  sobolSequence,
  tornadoDesign,
  valuesFromUnit,
  type MorrisDesign,
  type SaltelliDesign,
  type UnitPoint,
} from './methods/index.js';
import type { StudySpec } from './spec.js';

/** A fixed design: its rows, and what the analysis of its outputs needs (a Saltelli or Morris design object). */
export interface StudyPlan {
  readonly rows: readonly UnitPoint[];
  readonly saltelli?: SaltelliDesign;
  readonly morris?: MorrisDesign;
}

/** The design's rows for a study with a fixed design (every kind but nsga2). */
export function planStudy(study: StudySpec): StudyPlan {
  const d = study.parameters.length;
  const design = study.design;
  switch (design.kind) {
    case 'grid':
      return { rows: fullFactorial(study.parameters.map((p) => p.levels ?? (p.distribution.kind === 'discrete' ? p.distribution.values.length : design.levels)), 'parameters[].levels') };
    case 'lhs':
      return { rows: latinHypercube(design.samples, d, { seed: design.seed, ...(design.maximinIterations > 0 ? { maximin: { iterations: design.maximinIterations } } : {}) }) };
    case 'sobol':
      return { rows: sobolSequence(design.samples, d, { seed: design.seed }) };
    case 'saltelli': {
      const saltelli = saltelliDesign(design.samples, d, { seed: design.seed, secondOrder: design.secondOrder });
      return { rows: saltelli.points, saltelli };
    }
    case 'morris': {
      const morris = morrisDesign(d, { trajectories: design.trajectories, levels: design.levels, seed: design.seed });
      return { rows: morris.points, morris };
    }
    case 'tornado':
      return { rows: tornadoDesign(study.parameters.map(() => 0.5), study.parameters.map(() => design.low), study.parameters.map(() => design.high)) };
    case 'monte-carlo': {
      const rng = seededRng(design.seed, 'design.seed');
      const rows: UnitPoint[] = [];
      for (let i = 0; i < design.samples; i++) rows.push(Array.from({ length: d }, () => rng.nextFloat()));
      return { rows };
    }
    case 'nsga2':
      throw new Error('an NSGA-II study has no fixed design: its generations come from ask/tell (nsga.ts)');
  }
}

/** The parameter values (in their units; a word's index) of one design row. */
export function caseValues(study: StudySpec, row: readonly number[], index: number): number[] {
  return valuesFromUnit(
    row,
    study.parameters.map((p) => p.distribution),
    `case ${index}`,
  );
}
