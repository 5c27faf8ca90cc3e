/**
 * From a network file (YAML or JSON text, or the parsed object) to a Network, with every mistake reported as data:
 * the field's path (`components.C1.eta_s`, `connections[3].to`) and a message naming the value and what is valid.
 * Parameter ranges are the components' declarations (components/registry.ts), checked once: a file's by the
 * generated schema, whose SI values then go straight into each component (core/component.ts alreadyParsed); a
 * template's document (SI numbers that no schema has seen) by each component as it is made.
 */
import { parse as parseYaml, YAMLParseError } from 'yaml';
import type { z } from 'zod';
import { fieldOf, inputIssueOf, type InputIssue } from '../../units/schema.js';
import type { ViolationKind } from '../violations.js';
import { FluidInputError } from '../../fluids/index.js';
import { Network } from '../network/network.js';
import { PlantInputError } from '../errors.js';
import { alreadyParsed, type Component } from '../core/component.js';
import { parameterError } from '../core/parameters.js';
import { declarationOf } from '../components/registry.js';
import type { SolverOptions } from '../network/newton.js';
import { NetworkFileSchema, type ComponentEntry, type NetworkFile } from './schema.js';
import { liquidTemperatureIssues } from './liquid-ranges.js';

/** One thing wrong with a network file: the field's path as written (`components.C1.eta_s`), the value, the valid
 *  range where known, and a message naming them. */
export type NetworkIssue = InputIssue;

export type NetworkFileParse =
  | { readonly ok: true; readonly network: Network; readonly solver: Partial<SolverOptions> }
  | { readonly ok: false; readonly issues: readonly NetworkIssue[] };

/**
 * Builds one component from its entry through its declaration, with its opt-in to unphysical solutions; `parsed`:
 * the entry is the file schema's output (its parameters are taken as they are, not parsed again).
 */
function make(id: string, entry: ComponentEntry, parsed: boolean): Component {
  const { type, allowUnphysical, ...params } = entry as ComponentEntry & Record<string, unknown>;
  const declaration = declarationOf(type as string);
  if (!declaration) throw new RangeError(`network file: no component type ${String(type)} (the schema admits only registered types)`);
  const c = declaration.create(id, parsed ? alreadyParsed(params) : params);
  return allowUnphysical === undefined ? c : c.allowUnphysical(allowUnphysical as boolean | readonly ViolationKind[]);
}

/**
 * A schema issue as a NetworkIssue. Inside a registered component's entry it reads as the component's own
 * PlantInputError would ("compressor C1: eta_s = -0.2 is not valid; valid: 0 < eta_s ≤ 1"), the range checked once,
 * by the schema; elsewhere it is zod's message after the field.
 */
function schemaIssue(issue: z.core.$ZodIssue, input: unknown): NetworkIssue {
  const [top, id] = issue.path;
  const entry = top === 'components' && typeof id === 'string' ? (input as { components?: Record<string, unknown> }).components?.[id] : undefined;
  const type = entry !== null && typeof entry === 'object' ? (entry as { type?: unknown }).type : undefined;
  const declaration = typeof type === 'string' ? declarationOf(type) : undefined;
  if (declaration && issue.path.length >= 2 && !(issue.code === 'unrecognized_keys' && issue.keys.includes('type'))) {
    const error = parameterError(`${type as string} ${String(id)}`, { ...issue, path: issue.path.slice(2) }, entry, Object.keys(declaration.parameters.shape));
    const at = issue.code === 'unrecognized_keys' ? `components.${String(id)}.${error.field}` : fieldOf(issue.path);
    return error.issue(at);
  }
  const issued = inputIssueOf(issue);
  return { ...issued, message: `${issued.field || 'network'}: ${issue.message}` };
}

/** The field a PlantInputError is about, inside `base` (`components.C1`). */
function issueOf(base: string, error: PlantInputError | FluidInputError): NetworkIssue {
  const field = error.field.split('/')[0].replace(/^stream .*$/, '');
  const at = field ? `${base}.${field}` : base;
  return error instanceof PlantInputError ? error.issue(at) : { field: at, value: error.value, valid: error.valid, message: error.message };
}

/** A network from an already parsed YAML/JSON object; never throws for bad input. */
export function parseNetwork(input: unknown): NetworkFileParse {
  const r = NetworkFileSchema.safeParse(input);
  if (!r.success) {
    return { ok: false, issues: r.error.issues.map((i) => schemaIssue(i, input)) };
  }
  return networkOfFile(r.data, true);
}

/**
 * The network of a document in the file's form with SI values that no schema has parsed (a template's document):
 * every component made through its declaration, which checks its parameters once; issues instead of throws.
 */
export function networkFromFile(file: NetworkFile): NetworkFileParse {
  return networkOfFile(file, false);
}

/** The network of a file; `parsed`: the file is NetworkFileSchema's output, its parameters already checked. */
function networkOfFile(file: NetworkFile, parsed: boolean): NetworkFileParse {
  const issues: NetworkIssue[] = [];
  let network: Network;
  try {
    network = new Network({ name: file.name, deadState: file.deadState, ...(file.allowUnphysical !== undefined ? { allowUnphysical: file.allowUnphysical || undefined } : {}) });
  } catch (error) {
    if (error instanceof PlantInputError) return { ok: false, issues: [error.issue('deadState')] };
    throw error;
  }
  const broken = new Set<string>();
  for (const [id, entry] of Object.entries(file.components)) {
    try {
      network.add(make(id, entry, parsed));
    } catch (error) {
      if (!(error instanceof PlantInputError || error instanceof FluidInputError)) throw error;
      issues.push(issueOf(`components.${id}`, error));
      broken.add(id);
    }
  }
  file.connections.forEach((c, k) => {
    const { from, to, ...options } = c;
    // a connection to a component already reported would only repeat the problem
    if (broken.has(from.split('.')[0]) || broken.has(to.split('.')[0])) return;
    try {
      network.connect(from, to, options);
    } catch (error) {
      if (!(error instanceof PlantInputError || error instanceof FluidInputError)) throw error;
      const field = error.field === 'outlet' ? 'from' : error.field === 'inlet' ? 'to' : error.field;
      issues.push({ field: `connections[${k}].${field}`, value: error.value, valid: error.valid, message: `connections[${k}]: ${error.message}` });
    }
  });
  // a file's storage-liquid temperatures against the liquid's range (a template's are its parameters' business)
  if (issues.length === 0 && parsed) issues.push(...liquidTemperatureIssues(network));
  if (issues.length > 0) return { ok: false, issues };
  const solver: Partial<SolverOptions> = {
    ...(file.solver?.tolerance !== undefined ? { tolerance: file.solver.tolerance } : {}),
    ...(file.solver?.maxIterations !== undefined ? { maxIterations: file.solver.maxIterations } : {}),
  };
  return { ok: true, network, solver };
}

/** YAML or JSON text (JSON is YAML) as a parsed object, or the syntax error with where it is; `source` names the file. */
export function readYamlText(text: string, source: string): { readonly ok: true; readonly input: unknown } | { readonly ok: false; readonly issues: readonly NetworkIssue[] } {
  try {
    return { ok: true, input: parseYaml(text, { prettyErrors: true }) };
  } catch (error) {
    if (error instanceof YAMLParseError) return { ok: false, issues: [{ field: '', message: `${source}: ${error.message}` }] };
    throw error;
  }
}

/** A network from YAML or JSON text (JSON is YAML); `source` names the file in messages. */
export function parseNetworkText(text: string, source = 'network file'): NetworkFileParse {
  const read = readYamlText(text, source);
  return read.ok ? parseNetwork(read.input) : read;
}
