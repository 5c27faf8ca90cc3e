/**
 * The messages between the server and a run's worker thread (./run-worker.ts). The worker gets the project as
 * saved, its files as content and the language of its messages; it sends progress, each plant as soon as it is
 * done, and the end (results or the error as data). Results travel as JSON/CSV texts made in the worker, so the
 * server's thread only stores them.
 */
import type { Lang, PlantResultTexts, RunError } from './store.js';

export interface RunInput {
  /** The project file as JSON, as saved (validated again in the worker, in `lang`). */
  readonly project: unknown;
  readonly files: Readonly<Record<string, string>>;
  readonly lang: Lang;
}

export type WorkerMessage =
  /** `progress` 0 … 1 over the whole run, never decreasing. */
  | { readonly type: 'progress'; readonly progress: number; readonly stage: string; readonly plant: string }
  | { readonly type: 'plant'; readonly index: number; readonly texts: PlantResultTexts }
  /** `resultsJson`: the results.json text; `seconds`: the evaluation's wall time. */
  | { readonly type: 'done'; readonly resultsJson: string; readonly seconds: number }
  | { readonly type: 'failed'; readonly error: RunError };
