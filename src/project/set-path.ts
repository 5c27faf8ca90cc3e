/**
 * Paths into a project as written (`plants[0].parameters.liquidTank.volume`, `market.tariff.henan2024.basePrice`,
 * `plants[1].finance.capex.items[0].unitCost`): reading a value at a path, and setting one on the raw parsed project
 * before it is validated — what `chuneng evaluate FILE --set path=value` and every case of a study do. The project's
 * own schema checks the result afterwards (units in strings, ranges), so a value is set as written ("20000 m3").
 *
 * Grammar: keys joined by `.`, array indices as `[n]` (`a.b[0][1].c`). Missing objects on the way are created (a
 * parameter the file leaves at its default); the index one past a list's end appends to it (a capex item added); an
 * index further out or a step through a number or a string is an error naming the path so far and what is there.
 * Nothing is mutated: the parts on the path are copied.
 */
import { parse as parseYaml } from 'yaml';
import { ProjectError } from './errors.js';

/** One step of a path: an object key or an array index. */
export type PathStep = { readonly key: string } | { readonly index: number };

const STEP_RE = /([^.[\]]+)|\[(\d+)\]|(\.)/gy;

/** The steps of a path; a ProjectError for a path that does not follow the grammar. */
export function parsePath(path: string, field = 'path'): PathStep[] {
  const steps: PathStep[] = [];
  STEP_RE.lastIndex = 0;
  let expectKey = true; // at the start and after a '.', a key must follow
  let ok = path !== '';
  while (ok && STEP_RE.lastIndex < path.length) {
    const m = STEP_RE.exec(path);
    if (m === null) ok = false;
    else if (m[1] !== undefined) {
      ok = expectKey;
      steps.push({ key: m[1] });
      expectKey = false;
    } else if (m[2] !== undefined) {
      ok = !(expectKey && steps.length > 0);
      steps.push({ index: Number(m[2]) });
      expectKey = false;
    } else {
      ok = !expectKey;
      expectKey = true;
    }
  }
  if (!ok || expectKey) {
    throw new ProjectError(field, path, 'a path of keys joined by "." with array indices as [n], e.g. "plants[0].parameters.liquidTank.volume"');
  }
  return steps;
}

/** The text of the first `n` steps (for messages). */
export function pathText(steps: readonly PathStep[], n = steps.length): string {
  let s = '';
  for (const step of steps.slice(0, n)) s += 'key' in step ? (s === '' ? step.key : `.${step.key}`) : `[${step.index}]`;
  return s;
}

/** What a value is, for messages: "a number (17000)", "a list of 2", "an object with keys a, b". */
function describe(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (Array.isArray(v)) return `a list of ${v.length}`;
  if (typeof v === 'object') return `an object with keys ${Object.keys(v).join(', ') || '(none)'}`;
  return `a ${typeof v} (${JSON.stringify(v)})`;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The value at a path, or a ProjectError naming the first step that is not there and what is there instead. */
export function getPath(root: unknown, path: string | readonly PathStep[]): unknown {
  const steps = typeof path === 'string' ? parsePath(path) : path;
  let v = root;
  for (const [i, step] of steps.entries()) {
    if ('key' in step) {
      if (!isObject(v) || !(step.key in v)) throw new ProjectError(pathText(steps, i + 1), undefined, `a value here; ${pathText(steps, i) || 'the root'} is ${describe(v)}`);
      v = v[step.key];
    } else {
      if (!Array.isArray(v) || step.index >= v.length) throw new ProjectError(pathText(steps, i + 1), undefined, `an element of a list; ${pathText(steps, i) || 'the root'} is ${describe(v)}`);
      v = v[step.index];
    }
  }
  return v;
}

/**
 * A copy of `root` with `value` at `path`: objects on the way are copied (or created where missing); arrays are
 * copied, and their element must exist or be the one just past the end (appended). `root` is not changed.
 */
export function setPath(root: unknown, path: string | readonly PathStep[], value: unknown): unknown {
  const steps = typeof path === 'string' ? parsePath(path) : path;
  const at = (node: unknown, i: number): unknown => {
    if (i === steps.length) return value;
    const step = steps[i];
    const here = pathText(steps, i) || 'the project';
    if ('key' in step) {
      if (node !== undefined && !isObject(node)) throw new ProjectError(pathText(steps, i + 1), value, `a path through objects; ${here} is ${describe(node)}`);
      const obj = node ?? {};
      return { ...obj, [step.key]: at(obj[step.key], i + 1) };
    }
    if (!Array.isArray(node)) throw new ProjectError(pathText(steps, i + 1), value, `a path through a list; ${here} is ${describe(node)}`);
    if (step.index > node.length) {
      throw new ProjectError(pathText(steps, i + 1), value, `an index of ${here}, which is a list of ${node.length} (0 … ${node.length} to append)`);
    }
    const copy = node.slice();
    copy[step.index] = at(node[step.index], i + 1);
    return copy;
  };
  return at(root, 0);
}

/** One `path=value` assignment; the value is read as YAML ("20000 m3" stays text, 3 is a number, true a boolean). */
export interface Assignment {
  readonly path: string;
  readonly value: unknown;
}

/** Reads "path=value" (as given to --set); a ProjectError naming the option for anything else. */
export function parseAssignment(text: string, field = '--set'): Assignment {
  const eq = text.indexOf('=');
  if (eq <= 0) throw new ProjectError(field, text, 'path=value, e.g. "plants[0].parameters.liquidTank.volume=20000 m3"');
  const path = text.slice(0, eq).trim();
  parsePath(path, field);
  const rawValue = text.slice(eq + 1).trim();
  let value: unknown;
  try {
    value = rawValue === '' ? '' : parseYaml(rawValue);
  } catch (e) {
    throw new ProjectError(`${field} ${path}`, rawValue, `a value written as in a project file (${(e as Error).message.split('\n')[0]})`);
  }
  return { path, value };
}

/** The raw project with every assignment applied in order (later ones win). */
export function applyAssignments(raw: unknown, assignments: readonly (string | Assignment)[]): unknown {
  let v = raw;
  for (const a of assignments) {
    const { path, value } = typeof a === 'string' ? parseAssignment(a) : a;
    v = setPath(v, path, value);
  }
  return v;
}

/** Commander's collector for a repeatable `--set path=value` option (checks each as it is given). */
export function collectAssignment(text: string, previous: readonly string[] = []): string[] {
  parseAssignment(text);
  return [...previous, text];
}

/** The --set option as `evaluate` (and `study`) declare it. */
export const SET_OPTION = {
  flags: '--set <path=value>',
  description: 'set a value of the project before it is checked, as written in the file (repeatable), e.g. --set "plants[0].parameters.liquidTank.volume=20000 m3"',
} as const;
