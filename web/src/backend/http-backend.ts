/**
 * The back end of the served app: the HTTP API of `chuneng serve` (the contract's routes). Errors are data
 * (`{ error: { status, code, message, issues? } }`) and become BackendErrors; run progress arrives as server-sent
 * events (`progress`, `plant`, `status`).
 */
import {
  BackendError,
  type Backend,
  type ExampleInfo,
  type FieldIssue,
  type Lang,
  type ParameterInfo,
  type PlantResultsJson,
  type PricePreview,
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

interface ApiError {
  readonly error?: { readonly status?: number; readonly code?: string; readonly message?: string; readonly issues?: readonly FieldIssue[] };
}

/** Resolves API paths against the page (the app is served by the API's own server). */
export class HttpBackend implements Backend {
  readonly kind = 'http' as const;
  private readonly base: string;

  constructor(base = new URL('./', location.href).href) {
    this.base = base;
  }

  /** True when the API answers /api/health (the app then uses the server). */
  static async available(base = new URL('./', location.href).href, timeoutMs = 1500): Promise<boolean> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
      const r = await fetch(new URL('api/health', base), { signal: controller.signal, headers: { accept: 'application/json' } });
      if (!r.ok) return false;
      const body = (await r.json()) as { status?: string };
      return body.status === 'ok';
    } catch {
      return false;
    } finally {
      clearTimeout(timer);
    }
  }

  private url(path: string, query: Record<string, string> = {}): URL {
    const u = new URL(path.replace(/^\//, ''), this.base);
    for (const [k, v] of Object.entries(query)) u.searchParams.set(k, v);
    return u;
  }

  private async call<T>(method: string, path: string, body?: unknown, query: Record<string, string> = {}): Promise<T> {
    let r: Response;
    try {
      r = await fetch(this.url(path, query), {
        method,
        headers: { accept: 'application/json', ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
    } catch (e) {
      throw new BackendError(`the server did not answer (${(e as Error).message})`, 0, 'network');
    }
    if (r.status === 204) return undefined as T;
    const text = await r.text();
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      throw new BackendError(`the server answered ${r.status} with something that is not JSON`, r.status, 'bad_response');
    }
    if (!r.ok) {
      const e = (json as ApiError | undefined)?.error;
      throw new BackendError(e?.message ?? `HTTP ${r.status}`, e?.status ?? r.status, e?.code ?? 'error', e?.issues ?? []);
    }
    return json as T;
  }

  listExamples(): Promise<readonly ExampleInfo[]> {
    return this.call('GET', 'api/examples');
  }

  async loadExample(id: string): Promise<ProjectDocument> {
    const r = await this.call<{ name: string; project: unknown; files?: Record<string, string> }>('GET', `api/examples/${encodeURIComponent(id)}`);
    return { name: r.name, project: r.project, files: r.files ?? {} };
  }

  listTemplates(): Promise<readonly TemplateInfo[]> {
    return this.call('GET', 'api/templates');
  }

  templateParameters(name: string): Promise<readonly ParameterInfo[]> {
    return this.call('GET', `api/templates/${encodeURIComponent(name)}/parameters`);
  }

  async validate(doc: ProjectDocument, lang: Lang): Promise<Validation> {
    try {
      const r = await this.call<{ ok: boolean; issues?: readonly FieldIssue[] }>('POST', 'api/validate', { project: doc.project, files: doc.files }, { lang });
      return r.ok ? { ok: true } : { ok: false, issues: r.issues ?? [] };
    } catch (e) {
      if (e instanceof BackendError && e.issues.length) return { ok: false, issues: e.issues };
      throw e;
    }
  }

  async previewPrices(text: string, timeZone: string, lang: Lang): Promise<PricePreviewResult> {
    try {
      const preview = await this.call<PricePreview>('POST', 'api/prices/preview', { text, timeZone }, { lang });
      return { ok: true, preview };
    } catch (e) {
      if (e instanceof BackendError && e.issues.length) return { ok: false, issues: e.issues };
      if (e instanceof BackendError && e.status === 400) return { ok: false, issues: [{ field: 'market.prices', message: e.message }] };
      throw e;
    }
  }

  saveProject(doc: ProjectDocument, id?: string): Promise<{ id: string; version: number }> {
    const body = { name: doc.name, project: doc.project, files: doc.files };
    return id ? this.call('PUT', `api/projects/${encodeURIComponent(id)}`, body) : this.call('POST', 'api/projects', body);
  }

  async startRun(doc: ProjectDocument, events: RunEvents, lang: Lang, projectId?: string): Promise<RunHandle> {
    const saved = await this.saveProject(doc, projectId);
    const run = await this.call<{ id: string }>('POST', `api/projects/${encodeURIComponent(saved.id)}/runs`, undefined, { lang });
    const id = run.id;
    const finished = new Promise<RunOutcome>((resolve) => {
      const source = new EventSource(this.url(`api/runs/${encodeURIComponent(id)}/events`, { lang }));
      let settled = false;
      const settle = async (status: string) => {
        if (settled) return;
        settled = true;
        source.close();
        if (status === 'done') {
          try {
            resolve({ status: 'done', results: await this.results(id) });
          } catch (e) {
            resolve({ status: 'failed', error: (e as Error).message });
          }
        } else if (status === 'cancelled') resolve({ status: 'cancelled' });
        else {
          const r = await this.call<{ error?: { message?: string; issues?: FieldIssue[] } | string }>('GET', `api/runs/${encodeURIComponent(id)}`, undefined, { lang }).catch(() => ({ error: undefined }));
          const err = typeof r.error === 'string' ? { message: r.error } : r.error;
          resolve({ status: 'failed', error: err?.message ?? `the run ended: ${status}`, ...(err && typeof err === 'object' && 'issues' in err && err.issues ? { issues: err.issues } : {}) });
        }
      };
      source.addEventListener('progress', (e) => {
        const d = JSON.parse((e as MessageEvent<string>).data) as { progress: number; stage: string | null; plant: string | null };
        events.onProgress?.({ progress: d.progress, stage: d.stage ?? '', plant: d.plant ?? '' });
      });
      source.addEventListener('plant', (e) => {
        const d = JSON.parse((e as MessageEvent<string>).data) as { index: number; name: string };
        // the plant's part of the results, where the server already serves it during the run
        this.partialPlant(id, d.index).then(
          (plant) => events.onPlant?.(d.index, d.name, plant),
          () => events.onPlant?.(d.index, d.name),
        );
      });
      source.addEventListener('status', (e) => {
        const d = JSON.parse((e as MessageEvent<string>).data) as { status: string };
        if (d.status === 'done' || d.status === 'failed' || d.status === 'cancelled' || d.status === 'interrupted') void settle(d.status);
      });
      source.onerror = () => {
        // the stream closes after the last status; ask the run itself how it ended
        if (settled) return;
        void this.call<{ status: string }>('GET', `api/runs/${encodeURIComponent(id)}`).then(
          (r) => {
            if (r.status !== 'queued' && r.status !== 'running') void settle(r.status);
          },
          () => void settle('failed'),
        );
      };
    });
    return {
      id,
      projectId: saved.id,
      finished,
      cancel: async () => {
        await this.call('POST', `api/runs/${encodeURIComponent(id)}/cancel`).catch(() => undefined);
        await finished;
      },
    };
  }

  /** A plant's entry of results.json, which the API serves as soon as that plant is done. */
  private partialPlant(runId: string, index: number): Promise<PlantResultsJson> {
    return this.call('GET', `api/runs/${encodeURIComponent(runId)}/results/plants/${index}`);
  }

  results(runId: string): Promise<ResultsJson> {
    return this.call('GET', `api/runs/${encodeURIComponent(runId)}/results`);
  }

  schedule(runId: string, plantIndex: number): Promise<ScheduleData> {
    return this.call('GET', `api/runs/${encodeURIComponent(runId)}/results/plants/${plantIndex}/schedule`);
  }

  /**
   * Property diagrams are drawn from the fluid library; the API has no route for them, so the served app computes
   * them in the same Web Worker the static build uses (loaded on the first diagram).
   */
  async diagram(fluid: string, paths?: ProcessPaths): Promise<PropertyDiagramData> {
    this.local ??= import('./worker-backend.js').then((m) => new m.WorkerBackend());
    return (await this.local).diagram(fluid, paths);
  }

  private local: Promise<Backend> | undefined;

  reportFormats(): readonly ReportFormat[] {
    return ['html', 'pdf', 'xlsx'];
  }

  async report(runId: string, format: ReportFormat, lang: Lang): Promise<ReportFile> {
    const r = await fetch(this.url(`api/runs/${encodeURIComponent(runId)}/report`, { format, lang }));
    if (!r.ok) {
      const body = (await r.json().catch(() => ({}))) as ApiError;
      throw new BackendError(body.error?.message ?? `HTTP ${r.status}`, r.status, body.error?.code ?? 'error');
    }
    const disposition = r.headers.get('content-disposition') ?? '';
    const name = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition)?.[1];
    return { blob: await r.blob(), fileName: name ? decodeURIComponent(name) : `report.${format}` };
  }
}
