/**
 * zod issues turned into problems in the file's own terms: the path as written, the value as written (read from the
 * raw input, not zod's transformed one), a stable code and the valid range in the user's unit where possible.
 *
 * zod says "Invalid input" for a union that failed; here a union is resolved the way a person reads it: a value of
 * the wrong shape for every branch is a `type` problem naming what the field takes; a mapping whose `kind` (or other
 * literal field) matches no branch is a `one_of` problem on that field; otherwise the problems of the branch the value
 * was meant for (the one its literal fields match, with the fewest problems) are reported.
 *
 * The schemas' own words (custom issues of src/units, the finance layer's ranges, the refinements of
 * src/project/schema.ts) are read back by their patterns; anything not recognised stays an `invalid` problem with the
 * checker's words, so nothing is lost.
 */
import type { z } from 'zod';
import { formatNumber, fromSI, parseQuantity, parseUnit, QUANTITY_KINDS, readUnitErrorMessage, SECONDS_PER_YEAR, type QuantityKind } from '../units/index.js';
import { ISSUE_CODES, type Expected, type IssueCode } from './messages.js';

type Path = readonly (string | number)[];

/** What a valid value is, before it is put into words. */
export type Valid =
  | { readonly t: 'text'; readonly text: string }
  | { readonly t: 'choices'; readonly values: readonly string[] }
  | { readonly t: 'expected'; readonly expected: Expected }
  | { readonly t: 'count'; readonly id: 'exactly' | 'at_least' | 'at_most'; readonly n: number }
  | { readonly t: 'finance'; readonly text: string };

/** A problem found, before it is put into words. */
export interface Problem {
  readonly path: Path;
  readonly code: IssueCode;
  /** Which sentence of the code (unit: the UnitError reason; exclusive: both / neither). */
  readonly variant?: string;
  readonly value?: unknown;
  readonly valid?: Valid;
  /** Further message parameters ({key}, {a}, {kind}, {symbol}, {currency}, {where}, {detail}, ...). */
  readonly params?: Readonly<Record<string, string | number>>;
  readonly kind?: QuantityKind;
  readonly expected?: Expected;
}

/** Facts about a field that a schema keeps outside zod (the template parameters' kinds and ranges). */
export interface FieldInfo {
  readonly kind: string;
  readonly range: string;
}

export interface IssueContext {
  /** The schema the issues came from (for the fields of an object, the branches of a union, the type of a field). */
  readonly schema: z.ZodType | undefined;
  /** The input as the user wrote it. */
  readonly raw: unknown;
  /** Where the input sits in the project file. */
  readonly base: Path;
  /** Facts about a field by its path inside the input (template parameters). */
  readonly info?: (path: Path) => FieldInfo | undefined;
}

type Issue = z.core.$ZodIssue;

/** The value at a path inside a raw value (undefined when any step is missing). */
export function valueAt(raw: unknown, path: Path): unknown {
  let v: unknown = raw;
  for (const p of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[p];
  }
  return v;
}

// ---- walking a zod schema ----

interface Def {
  readonly type: string;
  readonly innerType?: z.ZodType;
  readonly in?: z.ZodType;
  readonly shape?: Record<string, z.ZodType>;
  readonly element?: z.ZodType;
  readonly valueType?: z.ZodType;
  readonly options?: readonly z.ZodType[];
  readonly values?: readonly unknown[];
  readonly entries?: Record<string, string | number>;
  readonly checks?: readonly { readonly _zod: { readonly def: { readonly check: string; readonly minimum?: number; readonly value?: number; readonly inclusive?: boolean } } }[];
}

const defOf = (s: z.ZodType): Def => (s as unknown as { def: Def }).def;

/** The schema a value meets first: through optional, default, nullable and the input side of a transform. */
function unwrap(schema: z.ZodType): z.ZodType {
  let s = schema;
  for (let i = 0; i < 16; i++) {
    const d = defOf(s);
    if (d.innerType && ['optional', 'nullable', 'default', 'prefault', 'readonly', 'catch', 'nonoptional'].includes(d.type)) s = d.innerType;
    else if (d.type === 'pipe' && d.in) s = d.in;
    else break;
  }
  return s;
}

/** The schema of the value at `path` inside a value of `schema`, when the path does not go through a union. */
export function schemaAt(schema: z.ZodType | undefined, path: Path): z.ZodType | undefined {
  let s = schema;
  for (const p of path) {
    if (!s) return undefined;
    const d = defOf(unwrap(s));
    if (d.type === 'object' && typeof p === 'string') s = d.shape?.[p];
    else if (d.type === 'array' && typeof p === 'number') s = d.element;
    else if (d.type === 'record') s = d.valueType;
    else if (d.type === 'union' && d.options?.length === 1) s = schemaAt(d.options[0], [p]);
    else return undefined;
  }
  return s;
}

/** The field names of the object schema at a path (for "unknown field … (valid: …)"). */
function fieldNames(schema: z.ZodType | undefined): string[] | undefined {
  if (!schema) return undefined;
  const d = defOf(unwrap(schema));
  return d.type === 'object' && d.shape ? Object.keys(d.shape) : undefined;
}

/** What a schema takes, for "expected …". */
export function expectedOf(schema: z.ZodType | undefined, info?: FieldInfo): Expected {
  if (info && info.kind in QUANTITY_KINDS) return { t: 'quantity', kind: info.kind as QuantityKind };
  if (!schema) return { t: 'any' };
  const s = unwrap(schema);
  const d = defOf(s);
  switch (d.type) {
    case 'string':
      return { t: 'text' };
    case 'number':
      return (s as unknown as { isInt?: boolean }).isInt ? { t: 'integer' } : { t: 'number' };
    case 'boolean':
      return { t: 'boolean' };
    case 'array': {
      const min = d.checks?.map((c) => c._zod.def).find((c) => c.check === 'min_length' || c.check === 'length_equals');
      return { t: 'list', ...(min ? { min: min.minimum ?? min.value } : {}) };
    }
    case 'object':
    case 'record':
      return { t: 'mapping' };
    case 'literal':
      return { t: 'choices', values: (d.values ?? []).map(String) };
    case 'enum':
      return { t: 'choices', values: Object.values(d.entries ?? {}).map(String) };
    case 'union': {
      const of = (d.options ?? []).map((o) => expectedOf(o));
      // a number or a string: a quantity
      if (of.length === 2 && of.some((e) => e.t === 'text') && of.some((e) => e.t === 'number')) return { t: 'quantity' };
      return of.length === 1 ? of[0] : { t: 'alternatives', of };
    }
    default:
      return { t: 'any' };
  }
}

function expectedOfType(type: string): Expected {
  switch (type) {
    case 'string':
      return { t: 'text' };
    case 'number':
      return { t: 'number' };
    case 'int':
      return { t: 'integer' };
    case 'boolean':
      return { t: 'boolean' };
    case 'array':
      return { t: 'list' };
    case 'object':
    case 'record':
      return { t: 'mapping' };
    default:
      return { t: 'any' };
  }
}

// ---- ranges in the user's unit ----

/** The unit part of a quantity as written ("-5 %" → "%"), or undefined for a bare number or no quantity. */
function unitWritten(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const m = /^\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?\s*(.*)$/s.exec(value.normalize('NFKC'));
  const unit = m?.[1].trim();
  return unit ? unit : undefined;
}

/** A bound in the given unit of a kind, e.g. 0.5 → "50 %". */
function shown(valueSI: number, kind: QuantityKind, unit: string): string {
  return `${formatNumber(fromSI(valueSI, unit, kind), 4)} ${unit}`;
}

/** "lo ≤ x ≤ hi", one side when the other is absent. */
function rangeText(lo: string | undefined, hi: string | undefined, opts: { minOpen?: boolean; maxOpen?: boolean; integer?: boolean } = {}): string {
  const x = opts.integer ? 'n' : 'x';
  if (lo !== undefined && hi !== undefined) return `${lo} ${opts.minOpen ? '<' : '≤'} ${x} ${opts.maxOpen ? '<' : '≤'} ${hi}`;
  if (lo !== undefined) return `${x} ${opts.minOpen ? '>' : '≥'} ${lo}`;
  if (hi !== undefined) return `${x} ${opts.maxOpen ? '<' : '≤'} ${hi}`;
  return opts.integer ? 'n' : 'any finite value';
}

/**
 * A range written in a kind's display unit ("1 bar ≤ x ≤ 200 bar", src/plant/templates/parameters.ts rangeText)
 * restated in the unit the user wrote ("0.1 MPa ≤ x ≤ 20 MPa"); the text as given when that is not possible.
 */
export function rangeInUserUnit(text: string, kind: QuantityKind | undefined, value: unknown): string {
  const unit = unitWritten(value);
  const m = /^(?:(.+?) (≤|<) )?x(?: (≤|<) (.+))?$/.exec(text);
  if (!kind || !unit || !m) return text;
  try {
    const lo = m[1] !== undefined ? shown(parseQuantity(m[1], kind), kind, unit) : undefined;
    const hi = m[4] !== undefined ? shown(parseQuantity(m[4], kind), kind, unit) : undefined;
    return rangeText(lo, hi, { minOpen: m[2] === '<', maxOpen: m[3] === '<' });
  } catch {
    return text;
  }
}

/**
 * A range in a field's model unit (a fraction, a fraction per year, years, SI) shown in the user's unit: "%" and the
 * like scale a fraction, "%/yr" a rate per year; whole numbers and bare numbers stay as they are.
 */
function modelRangeText(r: { min?: number; max?: number; minOpen?: boolean; maxOpen?: boolean; integer?: boolean }, value: unknown): string {
  let scale = 1;
  let suffix = '';
  const unit = unitWritten(value);
  if (unit && !r.integer) {
    try {
      const u = parseUnit(unit);
      const dimensionless = u.dim.every((e) => e === 0);
      const perTime = u.dim.every((e, i) => e === (i === 2 ? -1 : 0));
      if (dimensionless) scale = u.factor;
      else if (perTime) scale = u.factor * SECONDS_PER_YEAR;
      else if (!u.temperatureSymbol) scale = u.factor;
      suffix = ` ${unit}`;
    } catch {
      // an unreadable unit is reported by its own issue; the range stays in model units
    }
  }
  const show = (v: number | undefined) => (v === undefined || !Number.isFinite(v) ? undefined : `${formatNumber(v / scale, 6)}${suffix}`);
  return rangeText(show(r.min), show(r.max), r);
}

/** "a number in [-0.5, 1]", "an integer in [1, 100]" (src/finance/check.ts describeRange) as a range. */
function readFinanceRange(text: string): { min?: number; max?: number; minOpen?: boolean; maxOpen?: boolean; integer?: boolean } | undefined {
  const m = /^an? (number|integer) in ([[(])(-∞|[-+\d.eE]+), (∞|[-+\d.eE]+)([\])])$/.exec(text);
  if (!m) return undefined;
  return {
    integer: m[1] === 'integer',
    ...(m[3] !== '-∞' ? { min: Number(m[3]) } : {}),
    ...(m[4] !== '∞' ? { max: Number(m[4]) } : {}),
    minOpen: m[2] === '(',
    maxOpen: m[5] === ')',
  };
}

// ---- issues to problems ----

const isMissing = (v: unknown) => v === undefined || v === null;

/** Problems of a list of zod issues (all relative to ctx.raw). */
export function problemsOf(issues: readonly Issue[], ctx: IssueContext): Problem[] {
  return issues.flatMap((i) => problemsOfIssue(i, ctx));
}

function problemsOfIssue(issue: Issue, ctx: IssueContext): Problem[] {
  const rel = issue.path as Path;
  const path = [...ctx.base, ...rel];
  const value = valueAt(ctx.raw, rel);
  const info = ctx.info?.(rel);
  const kind = info && info.kind in QUANTITY_KINDS ? (info.kind as QuantityKind) : undefined;
  const at = (p: Omit<Problem, 'path' | 'value'>): Problem => ({ path, value, ...p });
  switch (issue.code) {
    case 'invalid_type': {
      const expected = schemaAt(ctx.schema, rel) ? expectedOf(schemaAt(ctx.schema, rel), info) : expectedOfType(issue.expected);
      return [at({ code: isMissing(value) ? 'required' : 'type', expected })];
    }
    case 'unrecognized_keys': {
      const names = fieldNames(schemaAt(ctx.schema, rel)) ?? [];
      return issue.keys.map((key) => ({
        path: [...path, key],
        value: valueAt(value, [key]),
        code: 'unknown_field' as const,
        valid: { t: 'choices' as const, values: names },
        params: { key },
      }));
    }
    case 'invalid_value':
      return [at({ code: isMissing(value) ? 'required' : 'one_of', valid: { t: 'choices', values: issue.values.map(String) }, expected: { t: 'choices', values: issue.values.map(String) } })];
    case 'invalid_union':
      return unionProblems(issue, rel, value, ctx);
    case 'too_small':
    case 'too_big':
      return sizeProblems(issue, rel, value, ctx, info);
    case 'custom':
      return customProblems(issue, path, value, ctx, kind, info);
    default:
      return [at({ code: 'invalid', params: { detail: issue.message } })];
  }
}

function sizeProblems(issue: z.core.$ZodIssueTooSmall | z.core.$ZodIssueTooBig, rel: Path, value: unknown, ctx: IssueContext, info?: FieldInfo): Problem[] {
  const path = [...ctx.base, ...rel];
  if (issue.origin === 'array' || issue.origin === 'set' || issue.origin === 'string') {
    const small = issue.code === 'too_small';
    const n = Number(small ? (issue as z.core.$ZodIssueTooSmall).minimum : (issue as z.core.$ZodIssueTooBig).maximum);
    const exact = (issue as { exact?: boolean }).exact === true;
    const count = Array.isArray(value) ? value.length : typeof value === 'string' ? value.length : 0;
    return [{ path, value, code: 'length', valid: { t: 'count', id: exact ? 'exactly' : small ? 'at_least' : 'at_most', n }, params: { count } }];
  }
  // a number: the whole range of the schema, not only the side that was crossed
  const s = schemaAt(ctx.schema, rel);
  const num = s ? (unwrap(s) as unknown as { minValue?: number | null; maxValue?: number | null; isInt?: boolean }) : {};
  const min = issue.code === 'too_small' ? Number(issue.minimum) : (num.minValue ?? undefined);
  const max = issue.code === 'too_big' ? Number(issue.maximum) : (num.maxValue ?? undefined);
  const inclusive = issue.inclusive !== false;
  const r = {
    ...(min !== undefined && Number.isFinite(min) ? { min } : {}),
    ...(max !== undefined && Number.isFinite(max) ? { max } : {}),
    minOpen: issue.code === 'too_small' && !inclusive,
    maxOpen: issue.code === 'too_big' && !inclusive,
    integer: num.isInt === true,
  };
  const text = info ? rangeInUserUnit(info.range, undefined, value) : modelRangeText(r, value);
  return [{ path, value, code: 'out_of_range', valid: { t: 'text', text } }];
}

/**
 * A failed union, read as a person would: which branch was the value meant for?
 */
function unionProblems(issue: z.core.$ZodIssueInvalidUnion, rel: Path, value: unknown, ctx: IssueContext): Problem[] {
  const path = [...ctx.base, ...rel];
  const union = schemaAt(ctx.schema, rel);
  const options = union ? defOf(unwrap(union)).options : undefined;
  const expected = union ? expectedOf(union, ctx.info?.(rel)) : { t: 'any' as const };
  if (isMissing(value)) return [{ path, value, code: 'required', expected }];
  const branches = issue.errors.map((errors, i) => ({ errors, schema: options?.[i] }));
  const rootFail = (errs: readonly Issue[]) => errs.some((e) => e.path.length === 0 && (e.code === 'invalid_type' || e.code === 'invalid_value'));
  // a literal field (`kind: perPower`) the value does not match
  const discriminator = (errs: readonly Issue[]) => errs.find((e) => e.path.length === 1 && e.code === 'invalid_value' && valueAt(value, e.path as Path) !== undefined);
  const candidates = branches.filter((b) => !rootFail(b.errors) && !discriminator(b.errors));
  if (candidates.length > 0) {
    const best = candidates.reduce((a, b) => (b.errors.length < a.errors.length ? b : a));
    return problemsOf(best.errors, { ...ctx, schema: best.schema, raw: value, base: path, info: ctx.info ? (p) => ctx.info!([...rel, ...p]) : undefined });
  }
  const shaped = branches.filter((b) => !rootFail(b.errors));
  const keys = new Set(shaped.map((b) => discriminator(b.errors)?.path[0]));
  if (shaped.length > 0 && keys.size === 1) {
    const key = [...keys][0] as string;
    const values = shaped.flatMap((b) => (discriminator(b.errors) as z.core.$ZodIssueInvalidValue).values.map(String));
    return [{ path: [...path, key], value: valueAt(value, [key]), code: 'one_of', valid: { t: 'choices', values } }];
  }
  return [{ path, value, code: 'type', expected }];
}

/** Refinement messages of src/project/schema.ts, read back (or the code a refinement gives in `params.code`). */
function customProblems(issue: z.core.$ZodIssueCustom, path: Path, value: unknown, ctx: IssueContext, kind: QuantityKind | undefined, info?: FieldInfo): Problem[] {
  const msg = issue.message;
  const at = (p: Omit<Problem, 'path' | 'value'>): Problem[] => [{ path, value, ...p }];
  let m: RegExpExecArray | null;

  // a refinement may say what it found: params { code: 'exclusive', fields: [a, b] } or { code, valid }
  const coded = issue.params?.code;
  if (coded === 'exclusive' && Array.isArray(issue.params?.fields)) return exclusive(path, value, issue.params.fields as string[]);
  if (typeof coded === 'string' && (ISSUE_CODES as readonly string[]).includes(coded)) {
    const valid = issue.params?.valid;
    return at({ code: coded as IssueCode, ...(typeof valid === 'string' ? { valid: { t: 'text', text: rangeInUserUnit(valid, kind, value) } } : {}), params: { detail: msg } });
  }
  if ((m = /^give either `?(\w+)`?.*? or `?(\w+)`?/.exec(msg))) return exclusive(path, value, [m[1], m[2]]);
  if (/^expected a fraction between 0 and 100 %$/.test(msg)) return at({ code: 'out_of_range', valid: { t: 'text', text: modelRangeText({ min: 0, max: 1 }, value) } });
  if (/^expected (?:a positive value|> 0)$/.test(msg)) return at({ code: 'out_of_range', valid: { t: 'text', text: modelRangeText({ min: 0, minOpen: true }, value) } });
  if ((m = /is outside the valid range (.+)$/.exec(msg))) return at({ code: 'out_of_range', valid: { t: 'text', text: rangeInUserUnit(m[1], kind, value) } });
  if ((m = /^a whole number from (-?\d+) to (-?\d+)$/.exec(msg))) {
    const text = rangeText(m[1], m[2], { integer: true });
    return at({ code: typeof value === 'number' && !Number.isInteger(value) ? 'integer' : 'out_of_range', valid: { t: 'text', text } });
  }
  if (/a saturation-temperature drop is accepted only/.test(msg)) return at({ code: 'unit', variant: 'saturation_drop', valid: { t: 'text', text: info?.range ?? '' } });
  if ((m = /^required: (.+)$/.exec(msg))) return at({ code: 'required', expected: { t: 'any' }, params: { detail: m[1] } });
  if ((m = /is not valid: expected (.+?)(?: \((.+)\))?$/.exec(msg))) return financeRange(path, value, m[1], m[2]);
  // any other refinement that states its range: "an ambient temperature of a site: −60 °C ≤ x ≤ 60 °C"
  if ((m = /(?:^|: )((?:\S+ \S+ [≤<] )?x(?: [≤<] .+)?)$/.exec(msg)) && / x|x /.test(m[1])) return at({ code: 'out_of_range', valid: { t: 'text', text: rangeInUserUnit(m[1], kind, value) } });
  const unit = readUnitErrorMessage(msg);
  if (unit) {
    const k = unit.kind ?? kind;
    const example = k ? QUANTITY_KINDS[k].example : '';
    if (unit.reason === 'not_finite') return at({ code: 'type', expected: { t: 'quantity', ...(k ? { kind: k } : {}) } });
    const detail = msg.replace(/; expected .*$/, '').replace(/ \(got .*\)$/, '');
    return at({ code: 'unit', variant: unit.reason, ...(k ? { kind: k } : {}), params: { symbol: unit.symbol ?? '', example, detail, ...(unit.currency ? { currency: unit.currency } : {}) } });
  }
  return at({ code: 'invalid', params: { detail: msg } });
}

function exclusive(path: Path, value: unknown, fields: readonly string[]): Problem[] {
  const given = fields.filter((f) => valueAt(value, [f]) !== undefined);
  return [{ path, value: undefined, code: 'exclusive', variant: given.length > 1 ? 'both' : 'neither', params: { a: fields[0], b: fields[1] } }];
}

/** A FinanceInputError's "expected …" (src/finance/check.ts) read back. */
export function financeRange(path: Path, value: unknown, expected: string, detail?: string): Problem[] {
  const r = readFinanceRange(expected);
  if (r) {
    const wholeOk = !r.integer || typeof value !== 'number' || Number.isInteger(value);
    return [{ path, value, code: wholeOk ? 'out_of_range' : 'integer', valid: { t: 'text', text: modelRangeText(r, value) } }];
  }
  if (expected === 'a whole number of years') return [{ path, value, code: 'integer', variant: 'years', valid: { t: 'finance', text: expected } }];
  if (/^a series of \d+ /.test(expected)) {
    const values = valueAt(value, ['values']);
    return [{ path, value, code: 'length', valid: { t: 'finance', text: expected }, params: { count: Array.isArray(values) ? values.length : 1 } }];
  }
  const choices = /^one of ((?:"[^"]*"(?:, )?)+)$/.exec(expected);
  if (choices) return [{ path, value, code: 'one_of', valid: { t: 'choices', values: [...choices[1].matchAll(/"([^"]*)"/g)].map((x) => x[1]) } }];
  return [{ path, value, code: 'out_of_range', valid: { t: 'finance', text: expected }, ...(detail ? { params: { detail } } : {}) }];
}
