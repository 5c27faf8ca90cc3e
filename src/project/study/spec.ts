/**
 * A study as the runner uses it: the file read by its schema (schema.ts), every parameter turned into a distribution
 * in its own unit (H5's StudyDistribution, src/project/study/methods), outputs with their full paths and SI factors.
 * Every problem is reported with its field path as written in the study file.
 */
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { ProjectFileError, ProjectError } from '../errors.js';
import { parsePath, type PathStep } from '../set-path.js';
import { checkStudyDistribution, type StudyDistribution } from './methods/index.js';
import { StudySchema, resolveOutputPath, unitFactor, type DesignSpec, type ParameterFile } from './schema.js';
import { parseUnit } from '../../units/index.js';
import { isPriceFactor, type PriceFactorPath } from './price-factors.js';

export interface StudyParameter {
  readonly name: string;
  /** Where the value goes: one path or more (the same value at each). */
  readonly paths: readonly string[];
  readonly steps: readonly (readonly PathStep[])[];
  /** A factor on the price series (price-factors.ts) instead of a path into the project. */
  readonly priceFactor?: PriceFactorPath;
  /** The unit its numbers are in and its value is written to the project with ("" = a bare number). */
  readonly unit: string;
  /** In the parameter's unit; for `words` a discrete distribution over their indices. */
  readonly distribution: StudyDistribution;
  /** Values that are not numbers in the unit (a template's choices), picked by index. */
  readonly words?: readonly (string | number | boolean)[];
  readonly levels?: number;
  readonly integer: boolean;
}

export interface StudyOutput {
  readonly name: string;
  readonly path: string;
  readonly steps: readonly PathStep[];
  readonly unit: string;
  /** value in `unit` = SI value / factor */
  readonly factor: number;
}

export interface StudyConstraint {
  readonly output: string;
  /** In the output's unit. */
  readonly min?: number;
  readonly max?: number;
}

export interface StudySpec {
  readonly name: string;
  readonly description?: string;
  /** The project file as written in the study (relative to it). */
  readonly project: string;
  /** Set on the project before every case (path → value as written in a project file). */
  readonly set: readonly { readonly path: string; readonly steps: readonly PathStep[]; readonly value: unknown }[];
  readonly parameters: readonly StudyParameter[];
  readonly design: DesignSpec;
  readonly outputs: readonly StudyOutput[];
  readonly constraints: readonly StudyConstraint[];
}

/** Parses study text (YAML or JSON). */
export function parseStudyText(text: string, source = 'study'): StudySpec {
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (e) {
    throw new ProjectFileError(source, [{ field: '', message: `not valid YAML/JSON: ${(e as Error).message}` }]);
  }
  return parseStudyValue(raw, source);
}

function issuesOf(error: z.ZodError): { field: string; message: string }[] {
  return error.issues.map((i) => {
    const field = i.path.map((p, k) => (typeof p === 'number' ? `[${p}]` : k === 0 ? String(p) : `.${String(p)}`)).join('');
    return { field, message: `${field || '(study)'}: ${i.message}` };
  });
}

/** Parses a study given as a value; a ProjectFileError lists every problem with its field path. */
export function parseStudyValue(raw: unknown, source = 'study'): StudySpec {
  const r = StudySchema.safeParse(raw);
  if (!r.success) throw new ProjectFileError(source, issuesOf(r.error));
  const f = r.data;
  const problems: { field: string; message: string }[] = [];
  const attempt = <T>(fn: () => T): T | undefined => {
    try {
      return fn();
    } catch (e) {
      if (!(e instanceof ProjectError)) throw e;
      problems.push({ field: e.field, message: e.message });
      return undefined;
    }
  };
  const parameters = f.parameters.map((p, i) => attempt(() => parameterOf(p, `parameters[${i}]`, f.design)));
  const outputs = Object.entries(f.outputs).map(([name, o]) =>
    attempt((): StudyOutput => {
      const path = resolveOutputPath(o.path, `outputs.${name}.path`);
      return { name, path, steps: parsePath(path), unit: o.unit, factor: unitFactor(o.unit, `outputs.${name}.unit`) };
    }),
  );
  const names = new Set(Object.keys(f.outputs));
  f.constraints.forEach((c, i) => {
    if (!names.has(c.output)) problems.push({ field: `constraints[${i}].output`, message: `constraints[${i}].output: "${c.output}" is not one of the outputs (${[...names].join(', ')})` });
  });
  if (f.design.kind === 'nsga2') {
    f.design.objectives.forEach((o, i) => {
      if (!names.has(o.output)) problems.push({ field: `design.objectives[${i}].output`, message: `design.objectives[${i}].output: "${o.output}" is not one of the outputs (${[...names].join(', ')})` });
    });
  }
  const seen = new Set<string>();
  parameters.forEach((p, i) => {
    if (!p) return;
    if (seen.has(p.name)) problems.push({ field: `parameters[${i}].name`, message: `parameters[${i}].name: "${p.name}" names two parameters; give each its own name` });
    seen.add(p.name);
  });
  const set = Object.entries(f.set).map(([path, value]) => attempt(() => ({ path, steps: parsePath(path, `set.${path}`), value })));
  if (problems.length) throw new ProjectFileError(source, problems);
  return {
    name: f.name,
    ...(f.description !== undefined ? { description: f.description } : {}),
    project: f.project,
    set: set as StudySpec['set'],
    parameters: parameters as StudyParameter[],
    design: f.design,
    outputs: outputs as StudyOutput[],
    constraints: f.constraints,
  };
}

const QUANTITY_RE = /^\s*([-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)\s*(.*)$/;

/** A number of a parameter: as it is (in the unit) or a quantity string converted into the parameter's unit. */
function inUnit(v: number | string, unit: string, field: string): number {
  if (typeof v === 'number') return v;
  const m = QUANTITY_RE.exec(v);
  if (!m) throw new ProjectError(field, v, `a number in ${unit || 'the parameter’s unit'} or a number with a unit`);
  const value = Number(m[1]);
  const written = m[2].trim();
  if (written === unit || written === '') return value;
  const from = parseUnit(written, field);
  const to = parseUnit(unit, field);
  const sameDim = JSON.stringify(from.dim) === JSON.stringify(to.dim);
  if (!sameDim || from.temperatureSymbol !== to.temperatureSymbol) {
    throw new ProjectError(field, v, `a quantity in ${unit === '' ? 'no unit' : `"${unit}"`} (the parameter's unit; temperatures in that same unit)`);
  }
  // 15 significant digits: a conversion's round-off (1 yuan/Wh = 1000.0000000000001 yuan/kWh) is not a value
  return Number(((value * from.factor) / to.factor).toPrecision(15));
}

function parameterOf(p: ParameterFile, field: string, design: DesignSpec): StudyParameter {
  const paths = typeof p.path === 'string' ? [p.path] : p.path;
  const pathField = (k: number) => (typeof p.path === 'string' ? `${field}.path` : `${field}.path[${k}]`);
  const factors = paths.filter((path, k) => isPriceFactor(path, pathField(k)));
  if (factors.length && paths.length > 1) throw new ProjectError(`${field}.path`, paths, 'a price factor alone (prices.scale or prices.spread), not with other paths');
  if (factors.length && p.unit !== '' && p.unit !== '%') throw new ProjectError(`${field}.unit`, p.unit, 'no unit or "%" for a price factor');
  const steps = factors.length ? [] : paths.map((path, k) => parsePath(path, pathField(k)));
  if (p.unit !== '') {
    try {
      parseUnit(p.unit, `${field}.unit`);
    } catch (e) {
      throw new ProjectError(`${field}.unit`, p.unit, `a unit src/units knows (${(e as Error).message.replace(/^[^:]*: /, '')})`);
    }
  }
  const given = [p.range, p.distribution, p.values].filter((x) => x !== undefined).length;
  if (given !== 1) throw new ProjectError(field, paths[0], 'exactly one of range, distribution or values');
  const base = { name: p.name ?? paths[0], paths, steps, ...(factors.length ? { priceFactor: factors[0] as PriceFactorPath } : {}), unit: p.unit, integer: p.integer, ...(p.levels !== undefined ? { levels: p.levels } : {}) };
  let distribution: StudyDistribution;
  let words: (string | number | boolean)[] | undefined;
  if (p.range) {
    distribution = { kind: 'uniform', min: inUnit(p.range[0], p.unit, `${field}.range[0]`), max: inUnit(p.range[1], p.unit, `${field}.range[1]`) };
  } else if (p.values) {
    if (p.values.every((v) => typeof v === 'number')) {
      distribution = { kind: 'discrete', values: p.values as number[], ...(p.weights ? { weights: p.weights } : {}) };
    } else {
      words = p.values;
      distribution = { kind: 'discrete', values: p.values.map((_, k) => k), ...(p.weights ? { weights: p.weights } : {}) };
    }
  } else {
    const d = p.distribution!;
    const u = (v: number | string, k: string) => inUnit(v, p.unit, `${field}.distribution.${k}`);
    distribution =
      d.kind === 'uniform'
        ? { kind: 'uniform', min: u(d.min, 'min'), max: u(d.max, 'max') }
        : d.kind === 'triangular'
          ? { kind: 'triangular', min: u(d.min, 'min'), mode: u(d.mode, 'mode'), max: u(d.max, 'max') }
          : d.kind === 'normal'
            ? { kind: 'normal', mean: u(d.mean, 'mean'), sd: u(d.sd, 'sd'), ...(d.min !== undefined ? { min: u(d.min, 'min') } : {}), ...(d.max !== undefined ? { max: u(d.max, 'max') } : {}) }
            : { kind: 'lognormal', mean: u(d.mean, 'mean'), sd: u(d.sd, 'sd') };
  }
  checkStudyDistribution(distribution, p.range ? `${field}.range` : p.values ? `${field}.values` : `${field}.distribution`);
  if ((design.kind === 'grid' || design.kind === 'nsga2') && !hasFiniteEnds(distribution)) {
    const why = design.kind === 'grid' ? 'its levels include the ends' : 'NSGA-II searches between the ends';
    throw new ProjectError(`${field}.distribution`, distribution.kind, `a range, values, or a distribution with two finite ends for ${design.kind} (${why})`);
  }
  return { ...base, distribution, ...(words ? { words } : {}) };
}

function hasFiniteEnds(d: StudyDistribution): boolean {
  if (d.kind === 'lognormal') return false;
  if (d.kind === 'normal') return d.min !== undefined && d.max !== undefined;
  return true;
}

/** A price factor's value as a plain number (a value in % divided by 100). */
export function factorValue(p: StudyParameter, x: number): number {
  return p.unit === '%' ? x / 100 : x;
}

/** How the value x of a parameter is written into the project: its word, an integer, a bare number or "x unit". */
export function projectValue(p: StudyParameter, x: number): unknown {
  if (p.words) return p.words[x];
  const v = p.integer ? Math.round(x) : x;
  return p.unit === '' ? v : `${v} ${p.unit}`;
}
