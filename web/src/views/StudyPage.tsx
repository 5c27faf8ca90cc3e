/**
 * The Studies page: choose the project (the one in the editor or a stored one), write the study file, start it on
 * the server, follow its progress live (cases done, failed with their errors, ETA), and read its outputs (P10/P50/P90,
 * P(output > threshold)), its plots (the report layer's study charts: Pareto front, Sobol indices, Morris, tornado,
 * scatter matrix, histogram) and the cases' table; the CSV and the report are downloads. The offline app says that
 * studies need the server.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { StudyAnalysis } from '../../../src/project/study/analysis.js';
import { studyCharts, type StudyCaseRow, type StudyChartData } from '../../../src/report/charts/study.js';
import { parameterText, studyNumber } from '../../../src/report/study-section.js';
import { formatPercent } from '../../../src/report/display.js';
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
  type StudyInfo,
  type StudyProgress,
  type StudyStatus,
  type StudySummary,
} from '../backend/studies.js';
import { Card, Note } from '../components/Card.js';
import { DataTable } from '../components/DataTable.js';
import { EChart } from '../components/EChart.js';
import { STARTER_STUDY, duration, studyStrings } from './study-strings.js';
import { StudyDesignForm } from './StudyDesignForm.js';

/** Fewest milliseconds between two reloads of the cases and analysis while a study runs. */
const REFRESH_MS = 1500;
/** Rows of the cases' table on the page (the CSV has them all). */
const PAGE_ROWS = 500;

interface Shown {
  readonly info: StudyInfo;
  readonly cases: readonly StudyCaseRow[];
  readonly analysis: StudyAnalysis;
  readonly final: boolean;
}

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

  if (!served) {
    return (
      <div className="study-page" data-study-page="offline">
        <h2>{s.title}</h2>
        <Note tone="warn" name="study-needs-server">
          {s.needsServer}
        </Note>
      </div>
    );
  }

  return (
    <div className="study-page" data-study-page="served">
      <h2>{s.title}</h2>
      <p className="cn-muted">{s.intro}</p>
      <Card name="study-input">
        <label className="study-field" style={{ display: 'block', marginBottom: 8 }}>
          {s.project}{' '}
          <select data-field="study-project" value={projectId} onChange={(e) => setProjectId(e.target.value)}>
            <option value="">{`${s.editorProject}: ${doc.name || '—'}`}</option>
            {projects.map((p) => (
              <option key={p.id} value={p.id}>{`${p.name} (v${p.version})`}</option>
            ))}
          </select>
        </label>
        <StudyDesignForm text={text} onText={setText} lang={lang} />
        <label className="study-field" style={{ display: 'block', marginBottom: 8 }}>
          {s.studyFile}
          <textarea data-field="study-text" value={text} onChange={(e) => setText(e.target.value)} rows={16} spellCheck={false} style={{ width: '100%', fontFamily: 'ui-monospace, monospace', fontSize: 12 }} />
        </label>
        <button type="button" className="primary" data-action="start-study" disabled={busy} onClick={() => void start()}>
          {busy ? s.starting : s.start}
        </button>
        {error ? (
          <div className="field-error" role="alert" data-study-error>
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
            head={[s.name, s.status, s.cases, '']}
            rows={earlier.map((x) => ({
              key: x.id,
              cells: [
                x.name,
                s[x.status === 'interrupted' ? 'interrupted' : x.status],
                `${x.finished}${x.cases !== null ? ` / ${x.cases}` : ''}${x.failed ? ` (${x.failed} ${s.failed})` : ''}`,
                <button key="open" type="button" data-action="open-study" onClick={() => { setShown(undefined); setProgress(undefined); setStatus(x.status); setId(x.id); }}>
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

function StudyStatusCard({ id, status, error, progress, lang, onResume, onStop }: { id: string; status?: StudyStatus; error?: string; progress?: StudyProgress; lang: Lang; onResume: () => void; onStop: () => void }) {
  const s = studyStrings(lang);
  const p = progress;
  const share = p && p.total > 0 ? (p.done + p.failed) / p.total : 0;
  return (
    <Card name="study-status" title={s.status}>
      <p data-study-status={status ?? ''}>
        <b>{status ? s[status] : '…'}</b>
        {error ? ` — ${error}` : ''}
      </p>
      {p ? (
        <>
          <progress max={1} value={share} style={{ width: '100%' }} data-study-progress={`${p.done + p.failed}/${p.total}`} />
          <p data-study-counts={`${p.done},${p.failed},${p.total}`}>
            {s.progress(p.done, p.failed, p.total)}
            {p.resumed ? ` (${s.resumed(p.resumed)})` : ''}
            {p.etaSeconds !== null && status === 'running' ? `; ${s.eta(duration(p.etaSeconds, lang))}` : ''}
          </p>
          {p.lastError ? <Note tone="error" name="study-last-error">{s.lastError(p.lastError.index, p.lastError.error)}</Note> : null}
        </>
      ) : null}
      <p className="study-actions">
        {status === 'running' || status === 'queued' ? (
          <button type="button" data-action="stop-study" onClick={onStop}>
            {s.stop}
          </button>
        ) : null}
        {status === 'interrupted' || status === 'failed' ? (
          <button type="button" data-action="resume-study" onClick={onResume}>
            {s.resume}
          </button>
        ) : null}{' '}
        <a href={studyCsvUrl(id)} download data-link="study-csv">
          {s.csv}
        </a>{' '}
        <a href={studyReportUrl(id, lang)} target="_blank" rel="noreferrer" data-link="study-report">
          {s.report}
        </a>{' '}
        <a href={studyReportUrl(id, lang, 'pdf')} download data-link="study-report-pdf">
          {s.reportPdf}
        </a>
      </p>
    </Card>
  );
}

function StudyResults({ shown, lang }: { shown: Shown; lang: Lang }) {
  const s = studyStrings(lang);
  const { info, cases, analysis } = shown;
  const design = info.study as { design?: { kind?: string; objectives?: { output: string; goal?: 'min' | 'max' }[] } } | null;
  const data = useMemo<StudyChartData>(
    () => ({
      name: info.name,
      parameters: info.parameters,
      outputs: info.outputs,
      cases,
      analysis,
      ...(design?.design?.kind === 'nsga2' && design.design.objectives ? { objectives: design.design.objectives.map((o) => ({ output: o.output, goal: o.goal ?? 'min' })) } : {}),
    }),
    [info, cases, analysis, design],
  );
  const charts = useMemo(() => {
    try {
      return studyCharts(data, lang);
    } catch {
      return [];
    }
  }, [data, lang]);
  const q = (k: number, p: number) => analysis.outputs[k]?.summary?.quantiles.find((x) => Math.abs(x.p - p) < 1e-9)?.value;
  const sorted = [...cases].sort((a, b) => a.index - b.index).slice(0, PAGE_ROWS);
  return (
    <>
      <Card name="study-summary" title={s.summary}>
        {shown.final ? null : <p className="cn-muted">{s.partial}</p>}
        {analysis.outputs
          .filter((a) => a.note && shown.final)
          .map((a) => (
            <Note key={a.name} tone="warn" name={`study-note-${a.name}`}>{`${a.name}: ${a.note}`}</Note>
          ))}
        <DataTable
          name="study-outputs"
          head={[s.output, s.unit, 'P10', 'P50', 'P90', s.mean, s.exceed]}
          rows={info.outputs.map((o, k) => {
            const a = analysis.outputs[k];
            const e = a?.exceedance;
            return {
              key: o.name,
              cells: [o.name, o.unit || '–', studyNumber(q(k, 0.1), lang), studyNumber(q(k, 0.5), lang), studyNumber(q(k, 0.9), lang), studyNumber(a?.summary?.mean, lang), e ? `${formatPercent(e.probability, lang)} (> ${studyNumber(e.threshold, lang)})` : '—'],
            };
          })}
        />
      </Card>
      {charts.length ? (
        <Card name="study-plots" title={s.plots}>
          {charts.map((c) => (
            <EChart key={c.id} name={`study-${c.id}`} option={c.option} height={c.height} />
          ))}
        </Card>
      ) : null}
      <Card name="study-cases" title={`${s.cases} (${cases.length})`}>
        <DataTable
          name="study-cases"
          maxHeight={420}
          head={[s.case, ...info.parameters.map((p) => (p.unit && !p.words ? `${p.name} (${p.unit})` : p.name)), ...info.outputs.map((o) => (o.unit ? `${o.name} (${o.unit})` : o.name)), s.error]}
          rows={sorted.map((c) => ({
            key: String(c.index),
            cells: [String(c.index), ...c.values.map((v, i) => parameterText(data, i, v, lang)), ...info.outputs.map((_, k) => studyNumber(c.outputs?.[k], lang)), c.error ?? ''],
          }))}
        />
      </Card>
    </>
  );
}
