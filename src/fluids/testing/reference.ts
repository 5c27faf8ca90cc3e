/**
 * Test-only access to the reference data in ../shared/reference (CoolProp 8.0.0 samples; see its README).
 * Never imported by run-time code (and excluded from the build).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const SHARED = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..', '..', '..', 'shared');

export type Row = Record<string, number | string | boolean | null>;

export function referenceRows(fluid: string, kind: 'pt' | 'sat' | 'flash' | 'transport'): Row[] {
  const text = readFileSync(join(SHARED, 'reference', `${fluid}_${kind}_public.jsonl`), 'utf8');
  return text
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Row);
}

/** Relative deviation, or absolute deviation over `scale` where the value is small next to it (crossing zero). */
export function deviation(got: number, want: number, scale = 0): number {
  return Math.abs(got - want) / Math.max(Math.abs(want), scale, 1e-300);
}

/** Tracks the worst deviation and where it occurred, for one assertion with a useful message. */
export class Worst {
  value = 0;
  where = '';
  add(dev: number, where: () => string): void {
    if (!(dev <= this.value)) {
      this.value = Number.isNaN(dev) ? Infinity : dev;
      this.where = where();
    }
  }
}
