/**
 * Errors for a caller's mistakes in describing a plant. Each names where (component or stream), the field, the value
 * and what would have been valid. Non-convergence is not an error: `Network.solve` returns it as a result.
 */

import { inRange, rangeTextWith, type InputIssue, type Range } from '../units/schema.js';

/** A bad parameter or specification value. */
export class PlantInputError extends RangeError {
  /** 'compressor C1', 'stream C1 → IC1' */
  readonly where: string;
  readonly field: string;
  readonly value: unknown;
  readonly valid: string;
  constructor(where: string, field: string, value: unknown, valid: string) {
    super(`${where}: ${field} = ${show(value)} is not valid; valid: ${valid}`);
    this.name = 'PlantInputError';
    this.where = where;
    this.field = field;
    this.value = value;
    this.valid = valid;
  }

  /** As an input issue at `field` (the path as written, e.g. `components.C1.eta_s`). */
  issue(field: string): InputIssue {
    return { field, value: this.value, valid: this.valid, message: this.message };
  }
}

/** One thing wrong with a network's structure or specification. */
export interface Problem {
  /** 'topology' (ports, connections), 'fluid', 'under-specified', 'over-specified' */
  readonly kind: 'topology' | 'fluid' | 'under-specified' | 'over-specified';
  /** Component or stream it is about ('compressor C1', 'stream C1 → IC1'); several for conflicts. */
  readonly where: readonly string[];
  readonly message: string;
}

/** A network that cannot be solved as specified: dangling ports, fluid conflicts, too few or too many specs. */
export class NetworkSpecificationError extends Error {
  readonly problems: readonly Problem[];
  constructor(problems: readonly Problem[]) {
    super(`the network cannot be solved as specified:\n${problems.map((p) => `  - ${p.message}`).join('\n')}`);
    this.name = 'NetworkSpecificationError';
    this.problems = problems;
  }
}

export function show(value: unknown): string {
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return JSON.stringify(value);
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** A valid range as a component's messages word it: "0 < eta_s ≤ 1", "0 W ≤ Q (hint)", "a finite number in K". */
export function validRange(name: string, range: Range, unit = '', hint = ''): string {
  const u = unit ? ` ${unit}` : '';
  const bounded = (range.min !== undefined && range.min !== -Infinity) || (range.max !== undefined && range.max !== Infinity);
  const what = bounded ? rangeTextWith(range, name, (v) => `${v}${u}`) : `a finite number${u ? ` in${u}` : ''}`;
  return `${what}${hint ? ` (${hint})` : ''}`;
}

/** The value if it is a finite number in [lo, hi] (open ends where asked), else a PlantInputError. */
export function checkNumber(where: string, field: string, value: unknown, range: Range & { unit?: string; hint?: string }): number {
  if (typeof value === 'number' && inRange(value, range)) return value;
  throw new PlantInputError(where, field, value, validRange(field, range, range.unit, range.hint));
}
