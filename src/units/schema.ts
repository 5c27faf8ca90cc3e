/**
 * The one quantity schema of every input edge (plant files, network files, template parameters, project files):
 * a string with units ("70 bar", "25 degC", "10 K", "88 %") or a bare number read as SI, parsed by `parseQuantity`,
 * optionally checked against a valid range (SI). A bad value becomes a zod issue whose `params` carry the value as
 * written and the valid range as text, so each edge can turn it into its own `InputIssue` without re-checking.
 */
import { z } from 'zod';
import { formatQuantity } from './format.js';
import { QUANTITY_KINDS, type QuantityKind } from './kinds.js';
import { parseQuantity, UnitError } from './parse.js';

/** A closed or open interval in SI; either end may be absent. */
export interface Range {
  readonly min?: number;
  readonly max?: number;
  readonly minOpen?: boolean;
  readonly maxOpen?: boolean;
}

/** One thing wrong with an input, as every edge reports it. */
export interface InputIssue {
  /** The field's path as written in the input (`components.C1.eta_s`, `parameters.storage.volume`). */
  readonly field: string;
  /** The value as written, where there is one. */
  readonly value?: unknown;
  /** What would have been valid ("0 < eta_s ≤ 1", "1 bar ≤ x ≤ 200 bar"), where known. */
  readonly valid?: string;
  readonly message: string;
}

/** What a quantity's zod issue carries in `params` (read back by `inputIssueOf`). */
export interface QuantityIssueParams {
  readonly value: unknown;
  readonly valid: string;
}

/** Whether x is finite and inside r. */
export function inRange(x: number, r: Range): boolean {
  if (!Number.isFinite(x)) return false;
  if (r.min !== undefined && (r.minOpen ? !(x > r.min) : !(x >= r.min))) return false;
  if (r.max !== undefined && (r.maxOpen ? !(x < r.max) : !(x <= r.max))) return false;
  return true;
}

/** "lo ≤ name < hi" with each end shown by `show`; 'any finite value' for an unbounded range. */
export function rangeTextWith(r: Range, name: string, show: (v: number) => string): string {
  const lo = r.min !== undefined && r.min !== -Infinity ? `${show(r.min)} ${r.minOpen ? '<' : '≤'} ` : '';
  const hi = r.max !== undefined && r.max !== Infinity ? ` ${r.maxOpen ? '<' : '≤'} ${show(r.max)}` : '';
  return lo || hi ? `${lo}${name}${hi}` : 'any finite value';
}

/** "1 bar ≤ x ≤ 200 bar" in the kind's display unit. */
export function rangeText(kind: QuantityKind, r: Range, name = 'x'): string {
  return rangeTextWith(r, name, (v) => formatQuantity(v, kind, QUANTITY_KINDS[kind].display, 4));
}

const raw = z.union([z.string(), z.number()], { error: (issue) => (issue.input === undefined ? 'a value is required' : 'a number (SI) or a string with units') });

/** The message of a unit error without its field prefix (the edge adds the field). */
const unitDetail = (e: UnitError) => e.message.replace(/^[^:]*: /, '');

/**
 * A quantity of `kind`, SI after parsing; a bare number is SI. With `range`, a value outside it is an issue saying
 * `valid` (default: the range in the kind's display unit; a function of the SI value where the hint depends on it).
 */
export function quantity(kind: QuantityKind, range?: Range, valid?: string | ((x: number) => string)) {
  return raw.transform((v, ctx) => {
    let x: number;
    try {
      x = parseQuantity(v, kind, '');
    } catch (e) {
      if (!(e instanceof UnitError)) throw e;
      ctx.addIssue({ code: 'custom', message: unitDetail(e), input: v });
      return z.NEVER;
    }
    if (range && !inRange(x, range)) {
      const validText = valid === undefined ? rangeText(kind, range) : typeof valid === 'string' ? valid : valid(x);
      const params: QuantityIssueParams = { value: v, valid: validText };
      ctx.addIssue({ code: 'custom', message: `${JSON.stringify(v)} is outside the valid range ${validText}`, input: v, params: params as unknown as Record<string, unknown> });
      return z.NEVER;
    }
    return x;
  });
}

/** `v` through `schema` inside another transform: its value, or its issues passed on to `ctx` (then z.NEVER). */
export function parseWithin<T>(schema: z.ZodType<T>, v: unknown, ctx: z.core.$RefinementCtx): T {
  const r = schema.safeParse(v);
  if (r.success) return r.data;
  for (const issue of r.error.issues) ctx.addIssue({ ...issue, code: 'custom', input: v } as never);
  return z.NEVER;
}

/** A zod path as written: `components.C1.eta_s`, `connections[3].to`. */
export function fieldOf(path: readonly PropertyKey[]): string {
  return path.reduce<string>((s, p) => (typeof p === 'number' ? `${s}[${p}]` : s ? `${s}.${String(p)}` : String(p)), '');
}

/** A zod issue as an InputIssue (value and valid range where the quantity schema put them). */
export function inputIssueOf(issue: z.core.$ZodIssue, message = issue.message): InputIssue {
  const params = (issue as { params?: Partial<QuantityIssueParams> }).params;
  const input = (issue as { input?: unknown }).input;
  return {
    field: fieldOf(issue.path),
    ...(params?.value !== undefined ? { value: params.value } : input !== undefined ? { value: input } : {}),
    ...(params?.valid !== undefined ? { valid: params.valid } : {}),
    message,
  };
}
