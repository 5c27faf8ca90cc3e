/**
 * A study's results as text and figures: the cases as CSV (one row per case: its index, parameter values and
 * outputs in their units, or its error), and the progress of a running study (done, failed, ETA).
 */
import type { CaseResult } from './case.js';
import type { StudySpec } from './spec.js';

function csvCell(v: string): string {
  return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

const withUnit = (name: string, unit: string) => (unit ? `${name} [${unit}]` : name);

/** The parameter value as written in the CSV: the word for a choice, else the number. */
function valueText(study: StudySpec, i: number, x: number): string {
  const p = study.parameters[i];
  return p.words ? String(p.words[x]) : String(p.integer ? Math.round(x) : x);
}

/** CSV of the finished cases, by index: case, parameters, outputs (empty where undefined or failed), error. */
export function casesCsv(study: StudySpec, cases: readonly CaseResult[]): string {
  const header = ['case', ...study.parameters.map((p) => withUnit(p.name, p.words ? '' : p.unit)), ...study.outputs.map((o) => withUnit(o.name, o.unit)), 'error'];
  const rows = [...cases]
    .sort((a, b) => a.index - b.index)
    .map((c) => [
      String(c.index),
      ...c.values.map((x, i) => valueText(study, i, x)),
      ...study.outputs.map((_, k) => (c.outputs && c.outputs[k] !== null ? String(c.outputs[k]) : '')),
      c.error ?? '',
    ]);
  return [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\n') + '\n';
}

export interface StudyProgress {
  /** Cases of the study (known so far for NSGA-II). */
  readonly total: number;
  /** Finished with outputs. */
  readonly done: number;
  /** Finished with an error. */
  readonly failed: number;
  /** Finished before this run started (a resumed study). */
  readonly resumed: number;
  /** Estimated time to finish, from this run's pace; null before its first case. Unit: s */
  readonly etaSeconds: number | null;
  /** The last error seen, for the progress line. */
  readonly lastError?: { readonly index: number; readonly error: string };
}

/** Counts progress as results arrive; the ETA from this run's cases only (resumed ones cost nothing now). */
export class ProgressCounter {
  private done = 0;
  private failed = 0;
  private thisRun = 0;
  private lastError?: { index: number; error: string };
  private readonly t0 = performance.now();

  constructor(
    private total: number,
    private readonly resumed: readonly CaseResult[],
  ) {
    for (const c of resumed) {
      if (c.error === null) this.done++;
      else this.failed++;
    }
  }

  setTotal(total: number): void {
    this.total = total;
  }

  add(r: CaseResult): StudyProgress {
    this.thisRun++;
    if (r.error === null) this.done++;
    else {
      this.failed++;
      this.lastError = { index: r.index, error: r.error };
    }
    return this.snapshot();
  }

  snapshot(): StudyProgress {
    const elapsed = (performance.now() - this.t0) / 1000;
    const left = this.total - this.done - this.failed;
    return {
      total: this.total,
      done: this.done,
      failed: this.failed,
      resumed: this.resumed.length,
      etaSeconds: this.thisRun === 0 ? null : (elapsed / this.thisRun) * left,
      ...(this.lastError ? { lastError: this.lastError } : {}),
    };
  }
}

/** One line of progress for a terminal or a log. */
export function progressLine(p: StudyProgress): string {
  const eta = p.etaSeconds === null ? '' : `, ETA ${formatDuration(p.etaSeconds)}`;
  const resumed = p.resumed ? ` (${p.resumed} from before)` : '';
  return `${p.done + p.failed}/${p.total} cases: ${p.done} done, ${p.failed} failed${resumed}${eta}`;
}

export function formatDuration(seconds: number): string {
  if (seconds < 90) return `${Math.round(seconds)} s`;
  if (seconds < 5400) return `${Math.round(seconds / 60)} min`;
  return `${(seconds / 3600).toFixed(1)} h`;
}
