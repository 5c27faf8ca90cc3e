/**
 * The server's limits, each with its default in one place; `chuneng serve` overrides them by flags
 * (--max-body, --run-seconds, --concurrent-runs, --queue, --sse-clients, --run-memory, --concurrent-reports).
 */
import { availableParallelism } from 'node:os';

export interface ServerLimits {
  /** Largest request body accepted (413 beyond). Unit: bytes */
  readonly bodyBytes: number;
  /** A run still going after this long is stopped and marked failed. Unit: s */
  readonly runSeconds: number;
  /** Runs evaluated at the same time, each in its own worker thread; more wait in the queue. */
  readonly concurrentRuns: number;
  /** Runs waiting beyond the concurrent ones (429 when full). */
  readonly queueLength: number;
  /** Open server-sent-event streams (429 beyond). */
  readonly sseClients: number;
  /** Heap of one run's worker: a run that needs more fails alone instead of taking the server down. Unit: MB */
  readonly runMemoryMb: number;
  /** Reports rendered at the same time, each in its own worker thread; more wait their turn. */
  readonly concurrentReports: number;
}

export const SERVER_LIMITS: ServerLimits = Object.freeze({
  bodyBytes: 8 * 1024 * 1024,
  runSeconds: 600,
  // an evaluation is single-threaded (HiGHS in wasm, the plant models in JS): half the cores, leaving the rest to
  // the server and the machine's other work — 1 on 2 cores
  concurrentRuns: Math.max(1, Math.floor(availableParallelism() / 2)),
  queueLength: 16,
  sseClients: 64,
  runMemoryMb: 4096,
  concurrentReports: 2,
});

/** Where `chuneng serve` listens and keeps its data unless told otherwise. */
export const SERVER_DEFAULTS = Object.freeze({
  host: '127.0.0.1',
  port: 8640,
  dataDir: './chuneng-data',
});
