/**
 * The back end of the static build: the library in a Web Worker. Quick requests (examples, parameters, validation,
 * previews) go to one worker; each run has a worker of its own, so the editor stays answered while a plant computes,
 * and a cancel terminates the run's worker. Results and schedules are kept in memory for the session.
 */
import { createWorker } from './worker-factory.js';
import { fileSafe } from '../editor/download.js';
import type { WorkerAnswers, WorkerMessage, WorkerRequest } from './protocol.js';
import {
  BackendError,
  type Backend,
  type ExampleInfo,
  type Lang,
  type ParameterInfo,
  type PricePreviewResult,
  type ProcessPaths,
  type ProjectDocument,
  type PropertyDiagramData,
  type ReportFile,
  type ReportFormat,
  type ResultsJson,
  type RunEvents,
  type RunHandle,
  type RunOutcome,
  type ScheduleData,
  type TemplateInfo,
  type Validation,
} from './types.js';

type Pending = {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
  onMessage?: (message: WorkerMessage) => void;
};

type RequestOf<K extends WorkerRequest['op']> = Omit<Extract<WorkerRequest, { op: K }>, 'id'>;

/** One worker and its open requests. */
class WorkerClient {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private next = 1;
  private dead: Error | undefined;

  constructor() {
    this.worker = createWorker();
    this.worker.onmessage = (event: MessageEvent<WorkerMessage>) => this.receive(event.data);
    this.worker.onerror = (event: ErrorEvent) => this.fail(new BackendError(`the computing worker stopped: ${event.message || 'it could not be started'}`));
  }

  request<K extends WorkerRequest['op']>(request: RequestOf<K>, onMessage?: (m: WorkerMessage) => void): Promise<WorkerAnswers[K]> {
    if (this.dead) return Promise.reject(this.dead);
    const id = this.next++;
    return new Promise<WorkerAnswers[K]>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, onMessage });
      this.worker.postMessage({ ...request, id } as WorkerRequest);
    });
  }

  terminate(reason: Error): void {
    this.worker.terminate();
    this.fail(reason);
  }

  private receive(message: WorkerMessage): void {
    if (message.kind === 'ready') return;
    const p = this.pending.get(message.id);
    if (!p) return;
    if (message.kind === 'ok') {
      this.pending.delete(message.id);
      p.resolve(message.value);
    } else if (message.kind === 'error') {
      this.pending.delete(message.id);
      p.reject(new BackendError(message.message, 400, 'error', message.issues ?? []));
    } else p.onMessage?.(message);
  }

  private fail(error: Error): void {
    this.dead = error;
    for (const p of this.pending.values()) p.reject(error);
    this.pending.clear();
  }
}

class Cancelled extends Error {}

interface StoredRun {
  results?: ResultsJson;
  readonly schedules: ScheduleData[];
}

export class WorkerBackend implements Backend {
  readonly kind = 'worker' as const;
  private tasks: WorkerClient | undefined;
  private readonly runs = new Map<string, StoredRun>();
  private readonly projects = new Map<string, ProjectDocument[]>();
  private runCount = 0;

  private get quick(): WorkerClient {
    this.tasks ??= new WorkerClient();
    return this.tasks;
  }

  listExamples(): Promise<readonly ExampleInfo[]> {
    return this.quick.request<'examples'>({ op: 'examples' });
  }

  loadExample(exampleId: string): Promise<ProjectDocument> {
    return this.quick.request<'example'>({ op: 'example', exampleId });
  }

  listTemplates(): Promise<readonly TemplateInfo[]> {
    return this.quick.request<'templates'>({ op: 'templates' });
  }

  templateParameters(template: string): Promise<readonly ParameterInfo[]> {
    return this.quick.request<'parameters'>({ op: 'parameters', template });
  }

  validate(doc: ProjectDocument, lang: Lang): Promise<Validation> {
    return this.quick.request<'validate'>({ op: 'validate', project: doc.project, files: doc.files, lang });
  }

  previewPrices(text: string, timeZone: string, lang: Lang): Promise<PricePreviewResult> {
    return this.quick.request<'preview'>({ op: 'preview', text, timeZone, lang });
  }

  async saveProject(doc: ProjectDocument, id?: string): Promise<{ id: string; version: number }> {
    const key = id ?? `local-${this.projects.size + 1}`;
    const versions = this.projects.get(key) ?? [];
    versions.push(doc);
    this.projects.set(key, versions);
    return { id: key, version: versions.length };
  }

  async startRun(doc: ProjectDocument, events: RunEvents, _lang: Lang, projectId?: string): Promise<RunHandle> {
    const saved = await this.saveProject(doc, projectId);
    const id = `run-${++this.runCount}`;
    const stored: StoredRun = { schedules: [] };
    this.runs.set(id, stored);
    const client = new WorkerClient();
    let finished = false;
    const done = client
      .request<'run'>({ op: 'run', project: doc.project, files: doc.files }, (m) => {
        if (m.kind === 'progress') events.onProgress?.(m.progress);
        else if (m.kind === 'plant') {
          stored.schedules[m.index] = m.schedule;
          events.onPlant?.(m.index, m.plant.name, m.plant);
        }
      })
      .then(
        (results): RunOutcome => {
          stored.results = results;
          return { status: 'done', results };
        },
        (e: unknown): RunOutcome => {
          if (e instanceof Cancelled) return { status: 'cancelled' };
          return { status: 'failed', error: e instanceof Error ? e.message : String(e), ...(e instanceof BackendError && e.issues.length ? { issues: e.issues } : {}) };
        },
      )
      .finally(() => {
        finished = true;
        client.terminate(new Error('run finished'));
      });
    return {
      id,
      projectId: saved.id,
      finished: done,
      cancel: async () => {
        if (!finished) client.terminate(new Cancelled('cancelled'));
        await done;
      },
    };
  }

  async results(runId: string): Promise<ResultsJson> {
    const r = this.runs.get(runId)?.results;
    if (!r) throw new BackendError(`no results for run ${runId}`, 404, 'not_found');
    return r;
  }

  async schedule(runId: string, plantIndex: number): Promise<ScheduleData> {
    const s = this.runs.get(runId)?.schedules[plantIndex];
    if (!s) throw new BackendError(`no schedule for plant ${plantIndex} of run ${runId}`, 404, 'not_found');
    return s;
  }

  diagram(fluid: string, paths?: ProcessPaths): Promise<PropertyDiagramData> {
    return this.quick.request<'diagram'>({ op: 'diagram', fluid, ...(paths ? { paths } : {}) });
  }

  /**
   * The HTML report is built here by the report layer's own builder (charts rendered to SVG by ECharts, loaded on
   * first use). The PDF needs Chromium's printing and the workbook ExcelJS's Node build: the server makes those.
   */
  reportFormats(): readonly ReportFormat[] {
    return ['html'];
  }

  async report(runId: string, format: ReportFormat, lang: Lang): Promise<ReportFile> {
    if (format !== 'html') throw new BackendError(`${format.toUpperCase()} reports are made by the server (chuneng serve); this page computes in the browser`, 501, 'needs_server');
    const run = this.runs.get(runId);
    if (!run?.results) throw new BackendError(`no results for run ${runId}`, 404, 'not_found');
    const { htmlReport } = await import('../../../src/report/node/html.js');
    const html = htmlReport({ results: run.results, schedules: run.results.plants.map((_, i) => run.schedules[i]) }, lang);
    return { blob: new Blob([html], { type: 'text/html;charset=utf-8' }), fileName: `${fileSafe(run.results.name)}-report-${lang}.html` };
  }
}
