/**
 * The workbench's studies: one study at a time runs on a pool of worker threads (H6's PoolExecutor, one thread per
 * core), others wait in order; every finished case goes to the study tables of the workbench's own store the moment
 * it arrives (H6's runStudy), and progress is pushed to subscribers (the server-sent-event streams).
 *
 * A study's status is not a column of its own: a study being computed or waiting is `running` or `queued` (known to
 * this process), one with its analysis stored is `done`, one whose run threw is `failed` (this process), and any
 * other is `interrupted` — stopped before its end by a cancel or by a server that stopped or was killed. Like an
 * interrupted run (../runs.ts) it is marked, not restarted by itself; started again it resumes: the finished cases
 * are kept and only the others are computed.
 */
import { EventListeners } from '../listeners.js';
import type Database from 'better-sqlite3';
import type { StudyInput } from '../../project/study/files-node.js';
import type { StudyProgress } from '../../project/study/results.js';
import type { StudySpec } from '../../project/study/spec.js';
import { PoolExecutor, defaultWorkers } from '../study-pool.js';
import type { CaseExecutor } from '../study-executor.js';
import { runStudy } from '../study-run.js';
import { StudyStore } from '../study-store.js';
import type { Store } from '../store.js';

export const STUDY_STATUSES = ['queued', 'running', 'done', 'failed', 'interrupted'] as const;
export type StudyStatus = (typeof STUDY_STATUSES)[number];

export type StudyEvent =
  | { readonly event: 'progress'; readonly data: StudyProgress }
  | { readonly event: 'status'; readonly data: { readonly status: StudyStatus; readonly error?: string } };

export type StudyListener = (e: StudyEvent) => void;

/** Shortest time between two progress events of one study (the last one always goes out). Unit: ms */
export const STUDY_PROGRESS_INTERVAL_MS = 200;

/**
 * The study tables on the workbench store's own connection: the store holds its database in EXCLUSIVE locking mode,
 * so a second connection would be refused. (Store keeps the connection private; this reads it until it offers one.)
 */
export function studyStoreOf(store: Store): StudyStore {
  const db = store.connection;
  if (!db.open) throw new Error('the workbench store is closed: the study tables need its open connection');
  return StudyStore.on(db);
}

interface Job {
  readonly input: StudyInput;
  readonly spec: StudySpec;
  executor?: CaseExecutor;
  progress?: StudyProgress;
  lastPush: number;
  pending?: NodeJS.Timeout;
  stopped: boolean;
}

export interface StudyManagerOptions {
  readonly studies: StudyStore;
  /** Worker threads of a study (default: one per core). */
  readonly workers?: number;
  readonly log?: (line: string) => void;
}

export class StudyManager {
  readonly studies: StudyStore;
  private readonly workers: number;
  private readonly log: (line: string) => void;
  private readonly queue: Job[] = [];
  private active: Job | undefined;
  private readonly failures = new Map<string, string>();
  private readonly listeners: EventListeners<StudyEvent>;
  private closed = false;

  constructor(options: StudyManagerOptions) {
    this.studies = options.studies;
    this.workers = options.workers ?? defaultWorkers();
    this.log = options.log ?? ((line) => void process.stderr.write(line + '\n'));
    this.listeners = new EventListeners('study', this.log);
  }

  /** The study's status (undefined: not in the store). */
  status(hash: string): { status: StudyStatus; error?: string } | undefined {
    if (this.active?.input.hash === hash) return { status: 'running' };
    if (this.queue.some((j) => j.input.hash === hash)) return { status: 'queued' };
    const record = this.studies.getStudy(hash);
    if (!record) return undefined;
    if (record.analysis !== null) return { status: 'done' };
    const error = this.failures.get(hash);
    return error !== undefined ? { status: 'failed', error } : { status: 'interrupted' };
  }

  /** This run's progress of a running study (undefined before its first report or when it is not running). */
  progress(hash: string): StudyProgress | undefined {
    return this.active?.input.hash === hash ? this.active.progress : undefined;
  }

  /**
   * Records the study and queues it (it starts at once when none is running). A study running, queued or done is
   * left as it is; its status is returned.
   */
  submit(input: StudyInput, spec: StudySpec, cases: number | null): StudyStatus {
    if (this.closed) throw new Error('the server is shutting down');
    const now = this.status(input.hash);
    if (now && (now.status === 'running' || now.status === 'queued' || now.status === 'done')) return now.status;
    this.studies.registerStudy(input.hash, spec.name, input, cases);
    this.failures.delete(input.hash);
    this.queue.push({ input, spec, lastPush: 0, stopped: false });
    this.emit(input.hash, { event: 'status', data: { status: 'queued' } });
    this.pump();
    return this.status(input.hash)!.status;
  }

  /** Stops a queued or running study (its finished cases stay); false when it was neither. */
  async cancel(hash: string): Promise<boolean> {
    const k = this.queue.findIndex((j) => j.input.hash === hash);
    if (k >= 0) {
      this.queue.splice(k, 1);
      this.emit(hash, { event: 'status', data: { status: 'interrupted' } });
      return true;
    }
    const job = this.active;
    if (!job || job.input.hash !== hash) return false;
    await this.stop(job);
    this.emit(hash, { event: 'status', data: { status: 'interrupted' } });
    this.pump();
    return true;
  }

  subscribe(hash: string, listener: StudyListener): () => void {
    return this.listeners.subscribe(hash, listener);
  }

  subscriberCount(): number {
    return this.listeners.count();
  }

  /** Stops the running study's threads (its finished cases are stored already); nothing starts afterwards. */
  async shutdown(): Promise<void> {
    this.closed = true;
    const queued = this.queue.splice(0);
    const job = this.active;
    if (job) await this.stop(job);
    for (const j of [...queued, ...(job ? [job] : [])]) this.emit(j.input.hash, { event: 'status', data: { status: 'interrupted' } });
  }

  private async stop(job: Job): Promise<void> {
    job.stopped = true;
    clearTimeout(job.pending);
    if (this.active === job) this.active = undefined;
    await job.executor?.close();
  }

  private pump(): void {
    if (this.closed || this.active || this.queue.length === 0) return;
    const job = this.queue.shift()!;
    this.active = job;
    job.executor = new PoolExecutor(this.workers);
    this.emit(job.input.hash, { event: 'status', data: { status: 'running' } });
    runStudy(job.input, job.spec, { store: this.studies, executor: job.executor, onProgress: (p) => this.onProgress(job, p) }).then(
      () => this.finish(job),
      (e: Error) => this.finish(job, e),
    );
  }

  private finish(job: Job, error?: Error): void {
    if (job.stopped) return; // cancelled or shut down: its status was told then
    clearTimeout(job.pending);
    if (job.progress) this.emit(job.input.hash, { event: 'progress', data: job.progress });
    this.active = undefined;
    void job.executor?.close();
    if (error) {
      this.log(`chuneng serve: study ${job.input.hash}: ${error.stack ?? error.message}`);
      this.failures.set(job.input.hash, error.message);
      this.emit(job.input.hash, { event: 'status', data: { status: 'failed', error: error.message } });
    } else {
      this.emit(job.input.hash, { event: 'status', data: { status: 'done' } });
    }
    this.pump();
  }

  private onProgress(job: Job, p: StudyProgress): void {
    if (job.stopped) return;
    job.progress = p;
    const wait = job.lastPush + STUDY_PROGRESS_INTERVAL_MS - Date.now();
    const push = () => {
      job.pending = undefined;
      job.lastPush = Date.now();
      if (!job.stopped && job.progress) this.emit(job.input.hash, { event: 'progress', data: job.progress });
    };
    if (wait <= 0) push();
    else job.pending ??= setTimeout(push, wait);
  }

  private emit(hash: string, e: StudyEvent): void {
    this.listeners.emit(hash, e);
  }
}
