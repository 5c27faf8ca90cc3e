/**
 * Runs: each evaluation in its own worker thread, a queue in front of a fixed number of them, and the run's events
 * (status, progress, each plant done) stored and pushed to subscribers (the server-sent-event streams).
 *
 * A worker is terminated to cancel its run, when it outlives the run-time limit (failed, with the limit named), and
 * when the server stops (interrupted). A worker that crashes or runs out of its heap fails its own run only.
 * Progress reaches the database and the subscribers at most five times a second (the last value always).
 */
import { EventListeners } from './listeners.js';
import type { Worker } from 'node:worker_threads';
import { startThread } from '../project/thread-node.js';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FINISHED_STATUSES, type Lang, type RunError, type RunRecord, type RunStatus, type Store } from './store.js';
import type { RunInput, WorkerMessage } from './run-protocol.js';
import type { ServerLimits } from './limits.js';
import { messages } from './messages.js';

/** What a run's subscribers receive, in order. */
export type RunEvent =
  | { readonly event: 'status'; readonly data: { readonly status: RunStatus; readonly error?: RunError } }
  | { readonly event: 'progress'; readonly data: { readonly progress: number; readonly stage: string | null; readonly plant: string | null } }
  | { readonly event: 'plant'; readonly data: { readonly index: number; readonly name: string } };

export type RunListener = (e: RunEvent) => void;

/** The queue already holds `queueLength` runs. */
export class QueueFullError extends Error {
  readonly queueLength: number;
  constructor(queueLength: number) {
    super(`the run queue is full (${queueLength} waiting)`);
    this.name = 'QueueFullError';
    this.queueLength = queueLength;
  }
}

/** Shortest time between two stored and pushed progress updates of one run. Unit: ms */
export const PROGRESS_INTERVAL_MS = 200;

/** The worker beside this file, with this file's extension: run-worker.ts under tsx, run-worker.js in dist. */
export const RUN_WORKER_URL = new URL(`./run-worker${extname(fileURLToPath(import.meta.url))}`, import.meta.url);

export interface RunManagerOptions {
  readonly store: Store;
  readonly limits: Pick<ServerLimits, 'concurrentRuns' | 'queueLength' | 'runSeconds' | 'runMemoryMb'>;
  /** The worker script (tests give one that hangs or crashes). */
  readonly workerUrl?: URL;
  /** Where unexpected events are logged (stderr by default). */
  readonly log?: (line: string) => void;
}

interface Active {
  readonly id: string;
  readonly lang: Lang;
  readonly worker: Worker;
  readonly timer: NodeJS.Timeout;
  settled: boolean;
  progress: { progress: number; stage: string | null; plant: string | null };
  lastWrite: number;
  pending: NodeJS.Timeout | undefined;
}

export class RunManager {
  private readonly store: Store;
  private readonly limits: RunManagerOptions['limits'];
  private readonly workerUrl: URL;
  private readonly log: (line: string) => void;
  private readonly queue: string[] = [];
  private readonly active = new Map<string, Active>();
  private readonly listeners: EventListeners<RunEvent>;
  private closed = false;

  constructor(options: RunManagerOptions) {
    this.store = options.store;
    this.limits = options.limits;
    this.workerUrl = options.workerUrl ?? RUN_WORKER_URL;
    this.log = options.log ?? ((line) => void process.stderr.write(line + '\n'));
    this.listeners = new EventListeners('run', this.log);
  }

  /** Runs queued and running now. */
  counts(): { queued: number; running: number } {
    return { queued: this.queue.length, running: this.active.size };
  }

  /** Queues a run of a saved project version (it starts at once when a worker is free); QueueFullError beyond the limit. */
  start(projectId: string, version: number, lang: Lang): RunRecord {
    if (this.closed) throw new Error('the server is shutting down');
    const startsNow = this.active.size < this.limits.concurrentRuns && this.queue.length === 0;
    if (!startsNow && this.queue.length >= this.limits.queueLength) throw new QueueFullError(this.limits.queueLength);
    const run = this.store.createRun(projectId, version, lang);
    this.queue.push(run.id);
    this.pump();
    return run;
  }

  /**
   * Cancels a queued or running run: 'cancelled', or 'finished' when it had already ended (the status unchanged),
   * or undefined for an unknown run.
   */
  cancel(id: string): 'cancelled' | 'finished' | undefined {
    const run = this.store.getRun(id);
    if (!run) return undefined;
    const error = { code: 'cancelled', message: messages(run.lang).cancelled() };
    const queued = this.queue.indexOf(id);
    if (queued >= 0) {
      this.queue.splice(queued, 1);
      this.store.endRun(id, 'cancelled', error);
      this.emit(id, { event: 'status', data: { status: 'cancelled', error } });
      return 'cancelled';
    }
    const a = this.active.get(id);
    if (a && !a.settled) {
      this.end(a, 'cancelled', error);
      return 'cancelled';
    }
    return FINISHED_STATUSES.has(run.status) ? 'finished' : undefined;
  }

  /** Listens to a run's events until the returned function is called. */
  subscribe(id: string, listener: RunListener): () => void {
    return this.listeners.subscribe(id, listener);
  }

  /** Number of subscribers over all runs. */
  subscriberCount(): number {
    return this.listeners.count();
  }

  /**
   * Stops every worker and marks the runs still queued or running interrupted (their subscribers get the status);
   * resolves when the workers have exited. No run starts afterwards.
   */
  async shutdown(): Promise<void> {
    this.closed = true;
    const exits: Promise<number>[] = [];
    for (const a of this.active.values()) {
      a.settled = true;
      clearTimeout(a.timer);
      clearTimeout(a.pending);
      exits.push(a.worker.terminate());
    }
    const ids = [...this.queue, ...this.active.keys()];
    this.queue.length = 0;
    this.active.clear();
    for (const id of ids) {
      const run = this.store.getRun(id);
      const error = { code: 'interrupted', message: messages(run?.lang ?? 'en').interruptedShutdown() };
      if (this.store.endRun(id, 'interrupted', error)) this.emit(id, { event: 'status', data: { status: 'interrupted', error } });
    }
    await Promise.all(exits);
  }

  private pump(): void {
    while (!this.closed && this.active.size < this.limits.concurrentRuns && this.queue.length > 0) {
      const id = this.queue.shift()!;
      try {
        this.launch(id);
      } catch (e) {
        this.log(`chuneng serve: run ${id} could not start: ${(e as Error).stack ?? String(e)}`);
        const error = { code: 'evaluation_failed', message: messages(this.store.getRun(id)?.lang ?? 'en').runCrashed((e as Error).message) };
        if (this.store.endRun(id, 'failed', error)) this.emit(id, { event: 'status', data: { status: 'failed', error } });
      }
    }
  }

  private launch(id: string): void {
    const run = this.store.getRun(id);
    if (!run || run.status !== 'queued') return;
    const project = this.store.getProject(run.projectId, run.version);
    if (!project) return;
    const input: RunInput = { project: project.project, files: project.files, lang: run.lang };
    const worker = startThread(this.workerUrl, { workerData: input, resourceLimits: { maxOldGenerationSizeMb: this.limits.runMemoryMb } });
    const timer = setTimeout(() => {
      const a = this.active.get(id);
      if (a) this.end(a, 'failed', { code: 'time_limit', message: messages(run.lang).runTimeLimit(this.limits.runSeconds) });
    }, this.limits.runSeconds * 1000);
    timer.unref();
    const a: Active = { id, lang: run.lang, worker, timer, settled: false, progress: { progress: 0, stage: null, plant: null }, lastWrite: 0, pending: undefined };
    this.active.set(id, a);
    this.store.markRunning(id);
    this.emit(id, { event: 'status', data: { status: 'running' } });

    worker.on('message', (m: WorkerMessage) => this.onMessage(a, m));
    worker.on('error', (e: Error & { code?: string }) => {
      if (a.settled) return;
      const m = messages(a.lang);
      const out = e.code === 'ERR_WORKER_OUT_OF_MEMORY';
      if (!out) this.log(`chuneng serve: run ${id}: worker error: ${e.stack ?? e.message}`);
      this.end(a, 'failed', out ? { code: 'out_of_memory', message: m.runOutOfMemory(this.limits.runMemoryMb) } : { code: 'worker_crashed', message: m.runCrashed(e.message) });
    });
    worker.on('exit', (code) => {
      if (!a.settled) this.end(a, 'failed', { code: 'worker_crashed', message: messages(a.lang).runCrashed(`exit code ${code}`) });
    });
  }

  private onMessage(a: Active, m: WorkerMessage): void {
    if (a.settled) return;
    switch (m.type) {
      case 'progress':
        a.progress = { progress: m.progress, stage: m.stage, plant: m.plant };
        this.progressLater(a);
        break;
      case 'plant':
        this.flushProgress(a);
        this.store.savePlant(a.id, m.index, m.texts);
        this.emit(a.id, { event: 'plant', data: { index: m.index, name: m.texts.name } });
        break;
      case 'done':
        clearTimeout(a.pending);
        a.settled = true;
        this.release(a);
        void a.worker.terminate();
        if (this.store.finishRun(a.id, m.resultsJson, m.seconds)) {
          this.emit(a.id, { event: 'progress', data: { progress: 1, stage: 'done', plant: null } });
          this.emit(a.id, { event: 'status', data: { status: 'done' } });
        }
        this.pump();
        break;
      case 'failed':
        this.end(a, 'failed', m.error);
        break;
    }
  }

  /** Stores and pushes the run's progress now if the last update is old enough, else once it is. */
  private progressLater(a: Active): void {
    const wait = a.lastWrite + PROGRESS_INTERVAL_MS - Date.now();
    if (wait <= 0) this.flushProgress(a);
    else a.pending ??= setTimeout(() => this.flushProgress(a), wait);
  }

  private flushProgress(a: Active): void {
    clearTimeout(a.pending);
    a.pending = undefined;
    if (a.settled) return;
    a.lastWrite = Date.now();
    const p = a.progress;
    this.store.setProgress(a.id, p.progress, p.stage, p.plant);
    this.emit(a.id, { event: 'progress', data: p });
  }

  /** Ends an active run (failed or cancelled), stopping its worker, and starts the next. */
  private end(a: Active, status: 'failed' | 'cancelled', error: RunError): void {
    if (a.settled) return;
    a.settled = true;
    clearTimeout(a.pending);
    this.release(a);
    void a.worker.terminate();
    const started = this.store.getRun(a.id)?.startedAt;
    const seconds = started ? (Date.now() - Date.parse(started)) / 1000 : null;
    if (this.store.endRun(a.id, status, error, seconds)) this.emit(a.id, { event: 'status', data: { status, error } });
    this.pump();
  }

  private release(a: Active): void {
    clearTimeout(a.timer);
    this.active.delete(a.id);
  }

  private emit(id: string, e: RunEvent): void {
    this.listeners.emit(id, e);
  }
}
