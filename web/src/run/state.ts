/** A run as the app follows it: status, progress, the plants done so far, the results, and when things happened. */
import type { FieldIssue, PlantResultsJson, ProjectDocument, ResultsJson } from '../backend/types.js';

export type RunStatus = 'idle' | 'starting' | 'running' | 'done' | 'failed' | 'cancelled';

export interface RunState {
  readonly status: RunStatus;
  readonly runId?: string;
  /** 0…1 */
  readonly progress: number;
  readonly stage: string;
  readonly plant: string;
  /** Each plant's part of results.json as it arrives (null: done, but the back end sends it with the results). */
  readonly plants: readonly (PlantResultsJson | null)[];
  readonly plantNames: readonly string[];
  readonly results?: ResultsJson;
  /** The project as it was run (the editor's sizing hints use its results). */
  readonly doc?: ProjectDocument;
  readonly error?: string;
  readonly issues?: readonly FieldIssue[];
  /** performance.now() at the start. Unit: ms */
  readonly startedAt?: number;
  /** From the start to the first plant's results. Unit: ms */
  readonly firstPlantMs?: number;
  /** Unit: s */
  readonly seconds?: number;
}

export const IDLE: RunState = { status: 'idle', progress: 0, stage: '', plant: '', plants: [], plantNames: [] };

/** The results to show: the finished run's, or those of the plants done so far (in order, without gaps). */
export function shownResults(run: RunState): ResultsJson | undefined {
  if (run.results) return run.results;
  const done: PlantResultsJson[] = [];
  for (const p of run.plants) {
    if (!p) break;
    done.push(p);
  }
  if (done.length === 0 || !run.doc) return undefined;
  const project = run.doc.project as { name?: string; site?: ResultsJson['site'] };
  return {
    name: String(project.name ?? run.doc.name),
    site: (project.site ?? { name: '' }) as ResultsJson['site'],
    prices: { startMs: 0, stepSeconds: 3600, steps: 0, mean: 0, min: 0, max: 0 },
    plants: done,
    conventions: [],
    seconds: 0,
  };
}
