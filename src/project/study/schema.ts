/**
 * A study file (YAML or JSON): the project it varies, the parameters (any path into the project, each with a range,
 * a distribution or a list of values, in its own unit), the design (grid, Latin hypercube, Sobol sequence,
 * Sobol/Saltelli indices, Morris screening, tornado, Monte Carlo, NSGA-II) with its seed, the outputs (any result
 * by path) and constraints. One zod schema, strict objects; numbers of a parameter are in its `unit` or written
 * with a unit ("12000 m3"), converted through src/units.
 *
 *   name: CO2 plant — tank volume and condensing approach
 *   project: ../luoyang/co2-gas-liquid.yaml            # relative to the study file
 *   parameters:
 *     - { path: plants[0].parameters.liquidTank.volume, unit: m3, range: [12000, 24000], levels: 3 }
 *     - { path: market.tariff.henan2024.basePrice, unit: yuan/kWh, distribution: { kind: normal, mean: 0.38, sd: 0.03 } }
 *     - { path: plants[0].parameters.condenser.sink, values: [basin, ambient-air] }
 *   design: { kind: grid }                              # lhs | sobol | saltelli | morris | tornado | monte-carlo | nsga2
 *   outputs:
 *     LCOS: { path: plants[0].lcos, unit: yuan/MWh }   # an alias (OUTPUT_ALIASES) or a path into the results
 *     RTE: { path: plants[0].rte, unit: "%" }
 *   constraints: [ { output: RTE, min: 60 } ]          # in the output's unit
 */
import { z } from 'zod';
import { parseUnit, UnitError } from '../../units/index.js';
import { parsePath } from '../set-path.js';
import { ProjectError } from '../errors.js';

const num = z.union([z.number(), z.string()]);

const DistributionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('uniform'), min: num, max: num }).strict(),
  z.object({ kind: z.literal('triangular'), min: num, mode: num, max: num }).strict(),
  z.object({ kind: z.literal('normal'), mean: num, sd: num, min: num.optional(), max: num.optional() }).strict(),
  z.object({ kind: z.literal('lognormal'), mean: num, sd: num }).strict(),
]);

export const ParameterSchema = z
  .object({
    /** Its column in the results (default: the path). */
    name: z.string().min(1).optional(),
    /** Where in the project the value goes (src/project/set-path.ts grammar); a list sets the same value at each (a tank's
     *  volume and the capex item priced per its volume). */
    path: z.union([z.string(), z.array(z.string()).min(1)]),
    /** The unit the numbers of this parameter are in and the value is written to the project with ("" = a bare number). */
    unit: z.string().default(''),
    /** Uniform between two ends (a grid takes `levels` equally spaced values between them, ends included). */
    range: z.tuple([num, num]).optional(),
    distribution: DistributionSchema.optional(),
    /** A list of values (numbers in the unit, or words such as a template's choices), equally likely unless weighted. */
    values: z.array(z.union([z.number(), z.string(), z.boolean()])).min(1).optional(),
    weights: z.array(z.number().nonnegative()).optional(),
    /** Grid levels of this parameter (default: design.levels). */
    levels: z.number().int().min(1).max(1000).optional(),
    /** Round the value to an integer (stages, tank counts). */
    integer: z.boolean().default(false),
  })
  .strict();

export const OutputSchema = z
  .object({
    path: z.string(),
    /** The unit of the output's column ("" = SI as computed). */
    unit: z.string().default(''),
  })
  .strict();

export const ConstraintSchema = z
  .object({
    output: z.string(),
    /** Bounds in the output's unit. */
    min: z.number().optional(),
    max: z.number().optional(),
  })
  .strict()
  .refine((c) => c.min !== undefined || c.max !== undefined, { message: 'give min, max or both' });

export const ObjectiveSchema = z.object({ output: z.string(), goal: z.enum(['min', 'max']).default('min') }).strict();

const seed = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(1);

export const DesignSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('grid'), levels: z.number().int().min(1).max(1000).default(3) }).strict(),
  z.object({ kind: z.literal('lhs'), samples: z.number().int().min(1), seed, maximinIterations: z.number().int().min(0).default(0) }).strict(),
  z.object({ kind: z.literal('sobol'), samples: z.number().int().min(1), seed }).strict(),
  z.object({ kind: z.literal('saltelli'), samples: z.number().int().min(2), seed, secondOrder: z.boolean().default(false), bootstrap: z.number().int().min(0).default(200) }).strict(),
  z.object({ kind: z.literal('morris'), trajectories: z.number().int().min(2), levels: z.number().int().min(2).default(4), seed }).strict(),
  z
    .object({
      kind: z.literal('tornado'),
      /** Probabilities of the low and high ends of each bar (default P10 / P90), the others at their median. */
      low: z.number().min(0).max(1).default(0.1),
      high: z.number().min(0).max(1).default(0.9),
    })
    .strict(),
  z.object({ kind: z.literal('monte-carlo'), samples: z.number().int().min(1), seed, threshold: z.record(z.string(), z.number()).optional() }).strict(),
  z
    .object({
      kind: z.literal('nsga2'),
      /** Even (children come in pairs), ≥ 4. */
      population: z.number().int().min(4).refine((n) => n % 2 === 0, { message: 'an even number (children come in pairs)' }),
      generations: z.number().int().min(1),
      seed,
      objectives: z.array(ObjectiveSchema).min(1).max(3),
    })
    .strict(),
]);

export const StudySchema = z
  .object({
    name: z.string().default('study'),
    description: z.string().optional(),
    /** The project file, relative to the study file. */
    project: z.string(),
    /** Values set on the project before every case, as written in a project file (path → value), like evaluate --set. */
    set: z.record(z.string(), z.unknown()).default({}),
    parameters: z.array(ParameterSchema).min(1).max(200),
    design: DesignSchema,
    outputs: z.record(z.string(), OutputSchema).refine((o) => Object.keys(o).length > 0, { message: 'name at least one output' }),
    constraints: z.array(ConstraintSchema).default([]),
  })
  .strict();

export type StudyFile = z.output<typeof StudySchema>;
export type DesignSpec = z.output<typeof DesignSchema>;
export type ParameterFile = z.output<typeof ParameterSchema>;

/**
 * Short names for the results a study usually wants, per plant: `plants[0].lcos` reads
 * `plants[0].finance.lcosSchmidt` of the evaluation (src/project/evaluate.ts PlantEvaluation). Values are SI except
 * payback (years) and the counts (cycles, violations).
 */
export const OUTPUT_ALIASES: Readonly<Record<string, string>> = {
  rte: 'performance.roundTripEfficiency',
  energy: 'performance.energyCapacity',
  energyDensity: 'performance.energyDensity',
  power: 'performance.dischargePower',
  capex: 'finance.capex',
  lcos: 'finance.lcosSchmidt',
  lcosLazard: 'finance.lcosLazard',
  npv: 'finance.npvProjectAfterTax',
  npvEquity: 'finance.npvEquity',
  irr: 'finance.irrProjectAfterTax',
  irrEquity: 'finance.irrEquity',
  payback: 'finance.paybackYears',
  dscr: 'finance.minDscr',
  cycles: 'dispatch.equivalentFullCycles',
  violations: 'replay.violationCount',
};

/** `plants[i].<alias>` → the full path; any other path as it is (checked for its grammar). */
export function resolveOutputPath(path: string, field: string): string {
  const m = /^(plants\[\d+\])\.([A-Za-z]+)$/.exec(path);
  const full = m && OUTPUT_ALIASES[m[2]] ? `${m[1]}.${OUTPUT_ALIASES[m[2]]}` : path;
  parsePath(full, field);
  return full;
}

/** A unit's SI factor (value_SI = factor · value); absolute temperatures with an offset are refused (use K). */
export function unitFactor(unit: string, field: string): number {
  if (unit === '') return 1;
  try {
    const u = parseUnit(unit, field);
    if (u.temperatureSymbol !== undefined && u.temperatureSymbol !== 'K') {
      throw new ProjectError(field, unit, 'a unit without an offset (an absolute temperature in K; degC and degF only in a parameter written to the project)');
    }
    return u.factor;
  } catch (e) {
    if (e instanceof UnitError) throw new ProjectError(field, unit, `a unit src/units knows (${e.message.replace(/^[^:]*: /, '')})`);
    throw e;
  }
}
