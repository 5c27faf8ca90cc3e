/**
 * The studies API of `chuneng serve` (src/server/routes/studies.ts): start a study, follow it (server-sent events),
 * read its cases and analysis, links to its CSV and report. Studies run on the server's worker threads only; the
 * offline app (the library in a Web Worker) says so instead.
 */
import type { StudyAnalysis } from '../../../src/project/study/analysis.js';
import type { StudyCaseRow, StudyColumn } from '../../../src/report/charts/study.js';
import { BackendError, type FieldIssue, type Lang, type ProjectDocument } from './types.js';

export type StudyStatus = 'queued' | 'running' | 'done' | 'failed' | 'interrupted';

export interface StudyProgress {
  readonly total: number;
  readonly done: number;
  readonly failed: number;
  readonly resumed: number;
  /** Unit: s */
  readonly etaSeconds: number | null;
  readonly lastError?: { readonly index: number; readonly error: string };
}

export interface StudyInfo {
  readonly id: string;
  readonly name: string;
  readonly status: StudyStatus;
  readonly error?: string;
  readonly design: string;
  readonly parameters: readonly StudyColumn[];
  readonly outputs: readonly StudyColumn[];
  readonly progress: StudyProgress;
  readonly study: unknown;
}

export interface StudySummary {
  readonly id: string;
  readonly name: string;
  readonly status: StudyStatus;
  readonly cases: number | null;
  readonly finished: number;
  readonly failed: number;
  readonly updatedAt: string;
}

export interface StoredProject {
  readonly id: string;
  readonly name: string;
  readonly version: number;
}

const base = () => new URL('./', location.href);
const url = (path: string) => new URL(path, base()).href;

async function call<T>(method: string, path: string, lang: Lang, body?: unknown): Promise<T> {
  let r: Response;
  try {
    r = await fetch(url(`${path}${path.includes('?') ? '&' : '?'}lang=${lang}`), {
      method,
      headers: { accept: 'application/json', ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
  } catch (e) {
    throw new BackendError(`the server did not answer (${(e as Error).message})`, 0, 'network');
  }
  const json = (await r.json().catch(() => undefined)) as { error?: { message?: string; code?: string; issues?: FieldIssue[] } } | undefined;
  if (!r.ok) throw new BackendError(json?.error?.message ?? `HTTP ${r.status}`, r.status, json?.error?.code ?? 'error', json?.error?.issues ?? []);
  return json as T;
}

/** Starts a study of a stored project, or of the project being edited (sent with it). */
export function startStudy(study: string, project: { readonly projectId: string } | { readonly doc: ProjectDocument }, lang: Lang): Promise<{ id: string; status: StudyStatus; cases: number | null }> {
  const body = 'projectId' in project ? { study, projectId: project.projectId } : { study, project: project.doc.project, files: project.doc.files };
  return call('POST', 'api/studies', lang, body);
}

export const listStudies = (lang: Lang) => call<StudySummary[]>('GET', 'api/studies', lang);
export const listProjects = (lang: Lang) => call<StoredProject[]>('GET', 'api/projects', lang);
export const getStudy = (id: string, lang: Lang) => call<StudyInfo>('GET', `api/studies/${encodeURIComponent(id)}`, lang);
export const studyCases = (id: string, lang: Lang) => call<{ cases: StudyCaseRow[] }>('GET', `api/studies/${encodeURIComponent(id)}/cases`, lang);
export const studyAnalysis = (id: string, lang: Lang) => call<{ final: boolean; analysis: StudyAnalysis }>('GET', `api/studies/${encodeURIComponent(id)}/analysis`, lang);
export const resumeStudy = (id: string, lang: Lang) => call<{ status: StudyStatus }>('POST', `api/studies/${encodeURIComponent(id)}/start`, lang);
export const cancelStudy = (id: string, lang: Lang) => call<{ status: StudyStatus }>('POST', `api/studies/${encodeURIComponent(id)}/cancel`, lang);

export const studyCsvUrl = (id: string) => url(`api/studies/${encodeURIComponent(id)}/cases?format=csv`);
export const studyReportUrl = (id: string, lang: Lang, format: 'html' | 'pdf' = 'html') => url(`api/studies/${encodeURIComponent(id)}/report?format=${format}&lang=${lang}`);

/** Follows a study's events until it ends; returns a function that stops listening. */
export function followStudy(id: string, on: { progress(p: StudyProgress): void; status(s: StudyStatus, error?: string): void }): () => void {
  const source = new EventSource(url(`api/studies/${encodeURIComponent(id)}/events`));
  source.addEventListener('progress', (e) => on.progress(JSON.parse((e as MessageEvent<string>).data) as StudyProgress));
  source.addEventListener('status', (e) => {
    const d = JSON.parse((e as MessageEvent<string>).data) as { status: StudyStatus; error?: string };
    if (d.status === 'done' || d.status === 'failed' || d.status === 'interrupted') source.close();
    on.status(d.status, d.error);
  });
  return () => source.close();
}
