/**
 * Errors as data: every error answer is `{ error: { status, code, message, issues? } }`, each issue naming the field
 * (path), the value and, where known, the valid range — never a stack trace. The library's errors already carry
 * their field, value and valid range; this module only turns them into issues.
 */
import type { z } from 'zod';
import type { RunError } from './store.js';

/** One problem with one field of the input (a project, a request body, a price file's row). */
export interface FieldIssue {
  /** The field's path written out, e.g. `plants[0].finance.discountRate` ('' for the whole input). */
  readonly field: string;
  /** The same path as keys and indices. */
  readonly path: readonly (string | number)[];
  readonly value?: unknown;
  /** What would be valid, for people (a range, the choices). */
  readonly valid?: string;
  readonly code: string;
  /** In the requested language where the library provides it. */
  readonly message: string;
  /** A price file's 1-based line. */
  readonly row?: number;
  /** A price file's column. */
  readonly column?: string;
}

export interface ErrorBody {
  readonly error: { readonly status: number; readonly code: string; readonly message: string; readonly issues?: readonly FieldIssue[] };
}

/** An error answer: status, a stable code for programs, a message for people, and the field issues. */
export class HttpError extends Error {
  readonly status: number;
  readonly code: string;
  readonly issues?: readonly FieldIssue[];
  readonly headers?: Readonly<Record<string, string>>;
  constructor(status: number, code: string, message: string, issues?: readonly FieldIssue[], headers?: Readonly<Record<string, string>>) {
    super(message);
    this.name = 'HttpError';
    this.status = status;
    this.code = code;
    if (issues) this.issues = issues;
    if (headers) this.headers = headers;
  }

  body(): ErrorBody {
    return { error: { status: this.status, code: this.code, message: this.message, ...(this.issues ? { issues: this.issues } : {}) } };
  }
}

/** `plants[0].finance.discountRate` → ['plants', 0, 'finance', 'discountRate']. */
export function fieldPath(field: string): (string | number)[] {
  const out: (string | number)[] = [];
  for (const m of field.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) out.push(m[2] !== undefined ? Number(m[2]) : m[1]);
  return out;
}

/** ['plants', 0, 'name'] → `plants[0].name`. */
export function fieldText(path: readonly PropertyKey[]): string {
  return path.reduce<string>((s, p) => (typeof p === 'number' ? `${s}[${p}]` : s ? `${s}.${String(p)}` : String(p)), '');
}

/** Issues of a zod parse of a request body (messages in the locale the parse was given). */
export function zodIssues(error: z.ZodError, prefix: readonly (string | number)[] = []): FieldIssue[] {
  return error.issues.map((i) => {
    const path = [...prefix, ...(i.path as (string | number)[])];
    const field = fieldText(path);
    return { field, path, code: i.code, message: field ? `${field}: ${i.message}` : i.message, ...('input' in i && i.input !== undefined ? { value: i.input } : {}) };
  });
}

interface LibraryIssue {
  readonly field?: unknown;
  readonly message?: unknown;
  readonly value?: unknown;
  readonly valid?: unknown;
  readonly code?: unknown;
}

/**
 * The field issues a library error carries (ProjectFileError, TemplateParameterError: a list; ProjectError,
 * PlantInputError, FluidInputError, UnitError, DispatchInputError: one field; PriceFileError: a row), with the
 * fields put under `prefix`; undefined for an error that names no field.
 */
export function libraryIssues(e: unknown, prefix = ''): FieldIssue[] | undefined {
  if (!(e instanceof Error)) return undefined;
  const at = (field: string) => (prefix && field ? `${prefix}.${field}` : prefix || field);
  const x = e as Error & { issues?: unknown; field?: unknown; value?: unknown; valid?: unknown; row?: unknown; column?: unknown };
  if (Array.isArray(x.issues)) {
    return (x.issues as LibraryIssue[]).map((i) => {
      const field = at(typeof i.field === 'string' ? i.field : '');
      return {
        field,
        path: fieldPath(field),
        code: typeof i.code === 'string' ? i.code : 'invalid_value',
        message: typeof i.message === 'string' ? i.message : String(i.message),
        ...(i.value !== undefined ? { value: i.value } : {}),
        ...(typeof i.valid === 'string' ? { valid: i.valid } : {}),
      };
    });
  }
  if (typeof x.row === 'number' && typeof x.column === 'string') {
    return [{ field: prefix, path: fieldPath(prefix), code: 'invalid_row', message: e.message, row: x.row, column: x.column, value: x.value }];
  }
  if (typeof x.field === 'string') {
    const field = at(x.field);
    return [
      {
        field,
        path: fieldPath(field),
        code: 'invalid_value',
        message: e.message,
        ...(x.value !== undefined ? { value: x.value } : {}),
        ...(typeof x.valid === 'string' ? { valid: x.valid } : {}),
      },
    ];
  }
  return undefined;
}

/** A run's error as data: the library's message and issues (a mistake in the input), or what went wrong. */
export function runError(e: unknown): RunError {
  const issues = libraryIssues(e);
  const message = e instanceof Error ? e.message : String(e);
  return issues ? { code: 'invalid_input', message, issues } : { code: 'evaluation_failed', message };
}
