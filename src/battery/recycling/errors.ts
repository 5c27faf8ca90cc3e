/**
 * Bad input to the recycling model: an error naming the field as written, the value and the valid range
 * (never NaN, never a silent clamp).
 */
export class RecyclingInputError extends Error {
  readonly field: string;
  readonly value: unknown;
  readonly range: string;
  constructor(field: string, value: unknown, range: string, detail?: string) {
    super(`${field} = ${typeof value === 'number' ? String(value) : JSON.stringify(value)} is not valid: expected ${range}${detail ? ` (${detail})` : ''}`);
    this.name = 'RecyclingInputError';
    this.field = field;
    this.value = value;
    this.range = range;
  }
}

/** Throws unless min ≤ value ≤ max (finite). */
export function checkRange(field: string, value: number, min: number, max: number, what = 'a number'): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    throw new RecyclingInputError(field, value, `${what} in [${min}, ${max === Infinity ? '∞)' : `${max}]`}`);
  }
}
