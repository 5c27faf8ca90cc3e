/**
 * Reports rendered off the server's thread, in worker threads (./report-worker.ts): at most `concurrentReports`
 * workers, each rendering one report at a time (the others wait their turn), kept warm for a minute after their last
 * report so a burst of downloads (HTML, then PDF, then XLSX) loads the report layer once. A report that outlives the
 * run-time limit, or whose worker fails, takes only its worker down.
 */
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Worker } from 'node:worker_threads';
import type { ReportFormat } from '../report/node/index.js';
import { startThread } from '../project/thread-node.js';
import type { Lang } from './store.js';

export interface ReportJob {
  readonly resultsJson: string;
  /** Per plant, its ScheduleData JSON (null where there is none). */
  readonly schedulesJson: readonly (string | null)[];
  readonly lang: Lang;
  readonly format: ReportFormat;
}

export interface ReportRequest {
  readonly id: number;
  readonly job: ReportJob;
}

export type ReportOutcome = { readonly ok: true; readonly body: Uint8Array; readonly contentType: string } | { readonly ok: false; readonly chromiumMissing: boolean; readonly message: string };

export const REPORT_WORKER_URL = new URL(`./report-worker${extname(fileURLToPath(import.meta.url))}`, import.meta.url);

/** How long a worker waits for its next report before it is stopped. Unit: ms */
export const REPORT_WORKER_IDLE_MS = 60_000;

interface Slot {
  readonly worker: Worker;
  idleTimer?: NodeJS.Timeout;
}

export class ReportRenderer {
  private readonly idle: Slot[] = [];
  private readonly all = new Set<Slot>();
  private readonly waiting: ((slot: Slot) => void)[] = [];
  private nextId = 1;
  private closed = false;

  constructor(private readonly limits: { readonly concurrentReports: number; readonly runSeconds: number; readonly runMemoryMb: number }) {}

  async render(job: ReportJob): Promise<ReportOutcome> {
    if (this.closed) return { ok: false, chromiumMissing: false, message: 'the server is shutting down' };
    const slot = await this.acquire();
    let healthy = false;
    try {
      const outcome = await this.renderOn(slot, job);
      healthy = !('dead' in outcome);
      return 'dead' in outcome ? outcome.dead : outcome;
    } finally {
      this.release(slot, healthy);
    }
  }

  /** Stops every report worker (the server is closing). */
  async close(): Promise<void> {
    this.closed = true;
    const slots = [...this.all];
    this.all.clear();
    this.idle.length = 0;
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }

  private acquire(): Promise<Slot> {
    const slot = this.idle.pop();
    if (slot) {
      clearTimeout(slot.idleTimer);
      return Promise.resolve(slot);
    }
    if (this.all.size < this.limits.concurrentReports) {
      const worker = startThread(REPORT_WORKER_URL, { resourceLimits: { maxOldGenerationSizeMb: this.limits.runMemoryMb } });
      // the HTTP server keeps the process alive; a report worker never does on its own
      worker.unref();
      const fresh: Slot = { worker };
      this.all.add(fresh);
      // a worker that fails between reports is dropped (during one, renderOn reports the failure)
      worker.on('error', () => this.drop(fresh));
      worker.on('exit', () => this.drop(fresh));
      return Promise.resolve(fresh);
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(slot: Slot, healthy: boolean): void {
    if (!healthy || this.closed) {
      this.drop(slot);
      void slot.worker.terminate();
      // a waiting report gets a fresh worker in the place of the one that went down
      const next = this.waiting.shift();
      if (next && !this.closed) void this.acquire().then(next);
      return;
    }
    const next = this.waiting.shift();
    if (next) return next(slot);
    slot.idleTimer = setTimeout(() => {
      this.drop(slot);
      void slot.worker.terminate();
    }, REPORT_WORKER_IDLE_MS);
    slot.idleTimer.unref();
    this.idle.push(slot);
  }

  private drop(slot: Slot): void {
    clearTimeout(slot.idleTimer);
    const i = this.idle.indexOf(slot);
    if (i >= 0) this.idle.splice(i, 1);
    this.all.delete(slot);
  }

  /** The outcome, or `dead` when the worker cannot be used again (it failed, exited or ran out of time). */
  private renderOn(slot: Slot, job: ReportJob): Promise<ReportOutcome | { dead: ReportOutcome }> {
    const id = this.nextId++;
    const w = slot.worker;
    return new Promise((resolve) => {
      const done = (outcome: ReportOutcome | { dead: ReportOutcome }) => {
        clearTimeout(timer);
        w.off('message', onMessage);
        w.off('error', onError);
        w.off('exit', onExit);
        resolve(outcome);
      };
      const failed = (message: string) => done({ dead: { ok: false, chromiumMissing: false, message } });
      const onMessage = (m: { id: number; outcome: ReportOutcome }) => {
        if (m.id === id) done(m.outcome);
      };
      const onError = (e: Error) => failed(e.message);
      const onExit = (code: number) => failed(`the report's worker stopped (exit code ${code})`);
      const timer = setTimeout(() => failed(`the report took longer than ${this.limits.runSeconds} s and was stopped`), this.limits.runSeconds * 1000);
      timer.unref();
      w.on('message', onMessage);
      w.on('error', onError);
      w.on('exit', onExit);
      w.postMessage({ id, job } satisfies ReportRequest);
    });
  }
}
