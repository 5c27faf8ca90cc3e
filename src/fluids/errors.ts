/**
 * The error every fluid-property function throws for a caller's mistake (unknown fluid, unsupported input pair,
 * a value out of range, NaN, Infinity): it names what was being computed, the field, the value and what would have
 * been valid. Never NaN, never a silent clamp.
 */
export class FluidInputError extends RangeError {
  /** What was being computed, e.g. "CO2 (p, h) flash" or "Therminol VP-1 hMass". */
  readonly subject: string;
  /** The offending input, e.g. "T" or "moleFractions.CH4". */
  readonly field: string;
  readonly value: unknown;
  /** What would have been accepted, in words with units, e.g. "216.592 K ≤ T ≤ 2000 K". */
  readonly valid: string;

  constructor(subject: string, field: string, value: unknown, valid: string, unit = '') {
    super(`${subject}: ${field} = ${show(value)}${unit && typeof value === 'number' && Number.isFinite(value) ? ` ${unit}` : ''} is not valid; valid: ${valid}`);
    this.name = 'FluidInputError';
    this.subject = subject;
    this.field = field;
    this.value = value;
    this.valid = valid;
  }
}

/** What a FluidSolveError knows about the last iterate, where the solver had one. */
export interface SolveDetail {
  /** Found minus wanted, per input, at the last iterate (SI units of each input). */
  readonly residuals?: Readonly<Record<string, number>>;
  /** Iterations the solver took before it gave up or stopped. */
  readonly iterations?: number;
}

/**
 * A solver that did not converge on input that was valid, or whose result did not reproduce its inputs: says which
 * flash, the inputs, why, and (where known) the residuals and the iterations taken.
 */
export class FluidSolveError extends Error {
  readonly subject: string;
  readonly inputs: Readonly<Record<string, number>>;
  readonly residuals?: Readonly<Record<string, number>>;
  readonly iterations?: number;
  constructor(subject: string, inputs: Record<string, number>, reason: string, detail: SolveDetail = {}) {
    const where = Object.entries(inputs)
      .map(([k, v]) => `${k} = ${v}`)
      .join(', ');
    const residuals = detail.residuals
      ? `; residuals ${Object.entries(detail.residuals)
          .map(([k, v]) => `${k}: ${v}`)
          .join(', ')}`
      : '';
    const iterations = detail.iterations !== undefined ? `; ${detail.iterations} iterations` : '';
    super(`${subject}: no solution for ${where}: ${reason}${residuals}${iterations}`);
    this.name = 'FluidSolveError';
    this.subject = subject;
    this.inputs = inputs;
    if (detail.residuals) this.residuals = detail.residuals;
    if (detail.iterations !== undefined) this.iterations = detail.iterations;
  }
}

function show(value: unknown): string {
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return JSON.stringify(value);
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** Returns x if it is a finite number, else throws naming subject and field. */
export function requireFinite(subject: string, field: string, x: unknown, unit = ''): number {
  if (typeof x !== 'number' || !Number.isFinite(x)) throw new FluidInputError(subject, field, x, `a finite number${unit ? ` in ${unit}` : ''}`);
  return x;
}

/** Returns x if lo ≤ x ≤ hi, else throws naming subject, field, value and the range. */
export function requireInRange(subject: string, field: string, x: unknown, lo: number, hi: number, unit: string): number {
  const v = requireFinite(subject, field, x, unit);
  if (!(v >= lo && v <= hi)) throw new FluidInputError(subject, field, v, `${lo} ${unit} ≤ ${field} ≤ ${hi} ${unit}`, unit);
  return v;
}
