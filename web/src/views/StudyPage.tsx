/**
 * The Studies page: choose the project (the one in the editor or a stored one), write the study file, start it on
 * the server, follow its progress live (cases done, failed with their errors, ETA), and read its outputs (P10/P50/P90,
 * P(output > threshold)), its plots (the report layer's study charts: Pareto front, Sobol indices, Morris, tornado,
 * scatter matrix, histogram) and the cases' table; the CSV and the report are downloads. The offline app says that
 * studies need the server.
 */
import { useCallback, useEffect, useState } from 'react';
import type { Backend, FieldIssue, Lang, ProjectDocument } from '../backend/types.js';
import {
  cancelStudy,
  followStudy,
  getStudy,
  listProjects,
  listStudies,
  resumeStudy,
  startStudy,
  studyAnalysis,
  studyCases,
  studyCsvUrl,
  studyReportUrl,
  type StoredProject,
  type StudyProgress,
  type StudyStatus,
  type StudySummary,
} from '../backend/studies.js';
import { Card, Note } from '../components/Card.js';
import { DataTable } from '../components/DataTable.js';
import { KpiCards } from '../components/Kpis.js';
import { StudyCode } from './study-code.js';
import { StudyDesignFields } from './study-design-form.js';
import { StudyResults, withoutCase, type Shown } from './study-results.js';
import { STARTER_STUDY, duration, studyStrings } from './study-strings.js';
import '../components/components.css';
import './views.css';
import './study-page.css';

/** Fewest milliseconds between two reloads of the cases and analysis while a study runs. */
const REFRESH_MS = 1500;

export function StudyPage({ backend, doc, lang }: { readonly backend: Backend; readonly doc: ProjectDocument; readonly lang: Lang }) {
  const s = studyStrings(lang);
  const [text, setText] = useState(STARTER_STUDY);
  const [projects, setProjects] = useState<readonly StoredProject[]>([]);
  const [projectId, setProjectId] = useState('');
  const [earlier, setEarlier] = useState<readonly StudySummary[]>([]);
  const [id, setId] = useState<string>();
  const [status, setStatus] = useState<StudyStatus>();
  const [statusError, setStatusError] = useState<string>();
  const [progress, setProgress] = useState<StudyProgress>();
  const [shown, setShown] = useState<Shown>();
  const [error, setError] = useState<string>();
  const [issues, setIssues] = useState<readonly FieldIssue[]>([]);
  const [busy, setBusy] = useState(false);
  const served = backend.kind === 'http';

  useEffect(() => {
    if (!served) return;
    listProjects(lang).then(setProjects, () => undefined);
    listStudies(lang).then(setEarlier, () => undefined);
  }, [served, lang, status]);

  const load = useCallback(
    async (studyId: string) => {
      const [info, cases, analysis] = await Promise.all([getStudy(studyId, lang), studyCases(studyId, lang), studyAnalysis(studyId, lang)]);
      setShown({ info, cases: cases.cases, analysis: analysis.analysis, final: analysis.final });
      return info;
    },
    [lang],
  );

  // follow the open study: its events, and its cases and analysis reloaded at most every REFRESH_MS while it runs
  useEffect(() => {
    if (!id) return;
    let last = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const refresh = () => {
      clearTimeout(timer);
      const wait = last + REFRESH_MS - Date.now();
      const go = () => {
        last = Date.now();
        load(id).catch((e: Error) => setError(e.message));
      };
      if (wait <= 0) go();
      else timer = setTimeout(go, wait);
    };
    const stop = followStudy(id, {
      progress: (p) => {
        setProgress(p);
        refresh();
      },
      status: (st, why) => {
        setStatus(st);
        setStatusError(why);
        if (st !== 'queued' && st !== 'running') {
          clearTimeout(timer);
          load(id).catch((e: Error) => setError(e.message));
        }
      },
    });
    return () => {
      stop();
      clearTimeout(timer);
    };
  }, [id, load]);

  const start = async () => {
    setBusy(true);
    setError(undefined);
    setIssues([]);
    try {
      const r = await startStudy(text, projectId ? { projectId } : { doc }, lang);
      setShown(undefined);
      setProgress(undefined);
      setStatus(r.status);
      setId(r.id);
    } catch (e) {
      setError((e as Error).message);
      setIssues((e as { issues?: FieldIssue[] }).issues ?? []);
    } finally {
      setBusy(false);
    }
  };

  const pageLang = lang === 'zh' ? 'zh-CN' : 'en';
  if (!served) {
    return (
      <div className="cn-results cn-page study-page" data-study-page="offline" lang={pageLang}>
        <header className="cn-page-head">
          <h2>{s.title}</h2>
          <p className="cn-muted">{s.intro}</p>
        </header>
        <Note tone="warn" name="study-needs-server">
          {s.needsServer}
        </Note>
      </div>
    );
  }

  return (
    <div className="cn-results cn-page study-page" data-study-page="served" lang={pageLang}>
      <header className="cn-page-head">
        <h2>{s.title}</h2>
        <p className="cn-muted">{s.intro}</p>
      </header>
      <Card name="study-input" title={s.input}>
        <div className="fields study-fields">
          <label className="field study-project">
            <span className="field-label">{s.project}</span>
            <span className="field-input">
              <select data-field="study-project" value={projectId} onChange={(e) => setProjectId(e.target.value)}>
                <option value="">{`${s.editorProject}: ${doc.name || '—'}`}</option>
                {projects.map((p) => (
                  <option key={p.id} value={p.id}>{`${p.name} (v${p.version})`}</option>
                ))}
              </select>
            </span>
          </label>
          <StudyDesignFields text={text} onText={setText} lang={lang} />
          <StudyCode label={s.studyFile} value={text} onChange={setText} lang={lang} />
        </div>
        <div className="study-start">
          <button type="button" className="primary" data-action="start-study" disabled={busy} onClick={() => void start()}>
            {busy ? s.starting : s.start}
          </button>
        </div>
        {error ? (
          <div className="cn-note cn-note-error study-error" role="alert" data-study-error>
            {error}
            {issues.length ? (
              <ul>
                {issues.map((i, k) => (
                  <li key={k}>{i.message}</li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}
      </Card>
      {id ? <StudyStatusCard id={id} status={status} error={statusError} progress={progress ?? shown?.info.progress} lang={lang} onResume={() => void resumeStudy(id, lang).then((r) => setStatus(r.status), (e: Error) => setError(e.message))} onStop={() => void cancelStudy(id, lang).catch((e: Error) => setError(e.message))} /> : null}
      {shown ? <StudyResults shown={shown} lang={lang} /> : null}
      <Card name="study-list" title={s.earlier}>
        {earlier.length === 0 ? (
          <p className="cn-muted">{s.none}</p>
        ) : (
          <DataTable
            name="studies"
            head={[s.name, s.status, s.cases, s.updated, '']}
            rows={earlier.map((x) => ({
              key: x.id,
              strong: x.id === id,
              cells: [
                x.name,
                <StatusBadge key="status" status={x.status} lang={lang} />,
                <span key="cases">
                  {`${x.finished}${x.cases !== null ? ` / ${x.cases}` : ''}`}
                  {x.failed ? <span className="study-failed-count">{` · ${x.failed} ${s.failed}`}</span> : null}
                </span>,
                when(x.updatedAt, lang),
                <button key="open" type="button" className="cn-icon-btn" data-action="open-study" onClick={() => { setShown(undefined); setProgress(undefined); setStatus(x.status); setId(x.id); }}>
                  {s.open}
                </button>,
              ],
            }))}
          />
        )}
      </Card>
    </div>
  );
}

/** A stored time as the reader's short date and time ('—' when it does not read as one). */
function when(iso: string, lang: Lang): string {
  const t = new Date(iso);
  return Number.isNaN(t.getTime()) ? '—' : t.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' });
}

function StatusBadge({ status, lang, name }: { status?: StudyStatus; lang: Lang; name?: boolean }) {
  const s = studyStrings(lang);
  return (
    <span className={`study-badge study-badge-${status ?? 'none'}`} {...(name ? { 'data-study-status': status ?? '' } : {})}>
      {status ? s.statusWord[status] : '…'}
    </span>
  );
}

function StudyStatusCard({ id, status, error, progress, lang, onResume, onStop }: { id: string; status?: StudyStatus; error?: string; progress?: StudyProgress; lang: Lang; onResume: () => void; onStop: () => void }) {
  const s = studyStrings(lang);
  const p = progress;
  const share = p && p.total > 0 ? (p.done + p.failed) / p.total : 0;
  const running = status === 'running' || status === 'queued';
  return (
    <Card
      name="study-status"
      title={
        <>
          {s.status}
          <StatusBadge status={status} lang={lang} name />
        </>
      }
      tools={
        <>
          <span className="study-downloads" role="group" aria-label={s.downloads}>
            <a className="cn-link" href={studyCsvUrl(id)} download data-link="study-csv">
              {s.csv}
            </a>
            <a className="cn-link" href={studyReportUrl(id, lang)} target="_blank" rel="noreferrer" data-link="study-report">
              {s.report}
            </a>
            <a className="cn-link" href={studyReportUrl(id, lang, 'pdf')} download data-link="study-report-pdf">
              {s.reportPdf}
            </a>
          </span>
          {running ? (
            <button type="button" data-action="stop-study" onClick={onStop}>
              {s.stop}
            </button>
          ) : null}
          {status === 'interrupted' || status === 'failed' ? (
            <button type="button" className="primary" data-action="resume-study" onClick={onResume}>
              {s.resume}
            </button>
          ) : null}
        </>
      }
    >
      <div className="study-stack">
        {error ? <Note tone="error" name="study-status-error">{error}</Note> : null}
        {status === 'interrupted' ? <Note tone="warn" name="study-interrupted">{s.interruptedHint}</Note> : null}
        {p ? (
          <>
            <KpiCards
              name="study-progress"
              items={[
                { key: 'finished', label: s.finished, value: `${p.done + p.failed} / ${p.total}`, ...(p.resumed ? { note: s.resumed(p.resumed) } : {}) },
                { key: 'succeeded', label: s.succeeded, value: String(p.done) },
                { key: 'failed', label: s.failedCases, value: String(p.failed), ...(p.failed > 0 ? { tone: 'bad' as const } : {}) },
                { key: 'eta', label: s.remaining, value: p.etaSeconds !== null && status === 'running' ? duration(p.etaSeconds, lang) : '—' },
              ]}
            />
            <div className="progress-block study-progress">
              <progress max={1} value={share} data-study-progress={`${p.done + p.failed}/${p.total}`} />
              <span className="progress-text" data-study-counts={`${p.done},${p.failed},${p.total}`}>
                {`${Math.round(share * 100)} % · `}
                {s.progress(p.done, p.failed, p.total)}
                {p.resumed ? ` (${s.resumed(p.resumed)})` : ''}
                {p.etaSeconds !== null && status === 'running' ? `; ${s.eta(duration(p.etaSeconds, lang))}` : ''}
              </span>
            </div>
            {p.lastError ? <Note tone="error" name="study-last-error">{s.lastError(p.lastError.index, withoutCase(p.lastError.error, p.lastError.index))}</Note> : null}
          </>
        ) : null}
      </div>
    </Card>
  );
}
