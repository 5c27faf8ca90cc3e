/**
 * Input checks of the study methods: a wrong argument is a ProjectError naming the field as the caller wrote it,
 * the value and what would be valid. Never NaN out, never a silent clamp.
 */
import { ProjectError } from '../../errors.js';

/** An integer in [min, max]. */
export function checkInteger(field: string, value: number, min: number, max = Number.MAX_SAFE_INTEGER): void {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new ProjectError(field, value, `an integer in [${min}, ${max === Number.MAX_SAFE_INTEGER ? '∞' : max}]`);
  }
}

/** A finite number in [min, max] (open ends when `exclusive`). */
export function checkFinite(field: string, value: number, min = -Infinity, max = Infinity, exclusive = false): void {
  const ok = typeof value === 'number' && Number.isFinite(value) && (exclusive ? value > min && value < max : value >= min && value <= max);
  if (!ok) {
    const lo = min === -Infinity ? '(-∞' : `${exclusive ? '(' : '['}${min}`;
    const hi = max === Infinity ? '∞)' : `${max}${exclusive ? ')' : ']'}`;
    throw new ProjectError(field, value, `a finite number in ${lo}, ${hi}`);
  }
}

/** Outputs of a design: one finite number per row, as many as the design has rows. */
export function checkOutputs(field: string, outputs: ArrayLike<number>, rows: number): void {
  if (!outputs || typeof outputs.length !== 'number' || outputs.length !== rows) {
    throw new ProjectError(field, outputs ? `${outputs.length} values` : outputs, `${rows} outputs, one per row of the design, in row order`);
  }
  for (let i = 0; i < rows; i++) {
    if (typeof outputs[i] !== 'number' || !Number.isFinite(outputs[i])) {
      throw new ProjectError(`${field}[${i}]`, outputs[i], 'a finite number (a failed case must be re-run or the design shrunk, not left as a gap)');
    }
  }
}
