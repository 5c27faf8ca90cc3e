/**
 * Input checks for the finance layer: every malformed input becomes a FinanceInputError that names the field,
 * the value and the valid range. Never NaN, never a silent clamp.
 */

/** A closed or open interval, optionally of integers. */
export interface Range {
  readonly min: number;
  readonly max: number;
  readonly minExclusive?: boolean;
  readonly maxExclusive?: boolean;
  readonly integer?: boolean;
}

export function describeRange(r: Range): string {
  const lo = r.min === -Infinity ? '(-∞' : `${r.minExclusive ? '(' : '['}${r.min}`;
  const hi = r.max === Infinity ? '∞)' : `${r.max}${r.maxExclusive ? ')' : ']'}`;
  return `${r.integer ? 'an integer in ' : 'a number in '}${lo}, ${hi}`;
}

function show(value: unknown): string {
  if (typeof value === 'number') return String(value);
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** A finance input outside its valid range: `field` is a path such as `debt.rate` or `operation.revenues[1].amounts[3]`. */
export class FinanceInputError extends Error {
  readonly field: string;
  readonly value: unknown;
  readonly range: string;
  constructor(field: string, value: unknown, range: string, detail?: string) {
    super(`${field} = ${show(value)} is not valid: expected ${range}${detail ? ` (${detail})` : ''}`);
    this.name = 'FinanceInputError';
    this.field = field;
    this.value = value;
    this.range = range;
  }
}

export function inRange(value: number, r: Range): boolean {
  if (typeof value !== 'number' || !Number.isFinite(value)) return false;
  if (r.integer && !Number.isInteger(value)) return false;
  if (r.minExclusive ? !(value > r.min) : !(value >= r.min)) return false;
  if (r.maxExclusive ? !(value < r.max) : !(value <= r.max)) return false;
  return true;
}

export function checkNumber(field: string, value: number, r: Range, detail?: string): void {
  if (!inRange(value, r)) throw new FinanceInputError(field, value, describeRange(r), detail);
}

/** Checks a per-year series: its length and every element. */
export function checkSeries(field: string, series: ArrayLike<number>, length: number, r: Range): void {
  if (!series || typeof series.length !== 'number') throw new FinanceInputError(field, series, `a series of ${length} numbers`);
  if (series.length !== length) {
    throw new FinanceInputError(field, `${series.length} values`, `a series of ${length} values, one per operating year`);
  }
  for (let i = 0; i < series.length; i++) checkNumber(`${field}[${i}]`, series[i], r);
}

/** The entries of an object whose value is not undefined (an absent override keeps the default). */
export function defined<T extends object>(o: T | undefined): Partial<T> {
  return Object.fromEntries(Object.entries(o ?? {}).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export function checkChoice<T extends string>(field: string, value: T, choices: readonly T[]): void {
  if (!choices.includes(value)) throw new FinanceInputError(field, value, `one of ${choices.map((c) => `"${c}"`).join(', ')}`);
}

/** Ranges used throughout the layer. */
export const RANGES = {
  fraction: { min: 0, max: 1 },
  nonNegative: { min: 0, max: Infinity },
  finite: { min: -Infinity, max: Infinity },
  positive: { min: 0, max: Infinity, minExclusive: true },
  /** Discount and interest rates; fraction per year. */
  rate: { min: -0.5, max: 1 },
  /** Escalation and inflation rates; fraction per year. */
  escalation: { min: -0.5, max: 1 },
} as const satisfies Record<string, Range>;
