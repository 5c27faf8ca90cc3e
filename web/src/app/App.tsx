/**
 * The app: header (name, back end, pages, language), and the page shown. Every piece of state — the project being
 * edited, its issues, the run and its results, the language — lives here, above the pages and the language switch,
 * so changing language or page re-renders the words and keeps every input.
 */
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { chooseBackend, type Backend, type FieldIssue, type Lang, type ProjectDocument } from '../backend/index.js';
import { I18nProvider, translate, useI18n } from '../i18n/index.js';
import { BackendContext } from './backend-context.js';
import { Editor } from '../editor/Editor.js';
import { EditorContext, type EditorContextValue } from '../editor/context.js';
import { setAt } from '../editor/paths.js';
import { RunButton, RunPanel } from '../run/RunPanel.js';
import { IDLE, shownResults, type RunState } from '../run/state.js';
import { ResultsPage } from './ResultsPage.js';
import { VIEWS, type ResultsJson, type ViewKey } from '../views/types.js';

const GradingPage = lazy(() => import('../views/GradingPage.js'));
const StudyPage = lazy(() => import('../views/StudyPage.js').then((m) => ({ default: m.StudyPage })));

export type Page = 'editor' | 'run' | ViewKey | 'grading' | 'studies';

const BLANK: ProjectDocument = { name: '', project: { name: '', market: { tariff: { henan2024: { basePrice: '0.38 yuan/kWh' } } }, plants: [] }, files: {} };
/** The example shown at first (a fast one: a battery on the Henan tariff). */
const FIRST_EXAMPLE = 'li-ion';
/** Quiet time after the last keystroke before the project is checked. Unit: ms */
const VALIDATE_DELAY_MS = 250;

function initialLang(): Lang {
  const asked = new URLSearchParams(location.search).get('lang');
  if (asked === 'en' || asked === 'zh') return asked;
  try {
    const saved = localStorage.getItem('chuneng.lang');
    if (saved === 'en' || saved === 'zh') return saved;
  } catch {
    // storage may be unavailable (file://, private mode)
  }
  return navigator.language.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

function LanguageSwitch({ lang, onChange }: { lang: Lang; onChange: (l: Lang) => void }) {
  const { t } = useI18n();
  return (
    <div className="lang-switch" role="group" aria-label={t('app.language')}>
      {(['zh', 'en'] as const).map((l) => (
        <button key={l} type="button" lang={l} aria-pressed={lang === l} data-lang={l} onClick={() => onChange(l)}>
          {l === 'zh' ? '中文' : 'English'}
        </button>
      ))}
    </div>
  );
}

function Header({ backend, page, onPage, lang, onLang, results }: { backend: Backend | null; page: Page; onPage: (p: Page) => void; lang: Lang; onLang: (l: Lang) => void; results: ResultsJson | undefined }) {
  const { t } = useI18n();
  const hasResults = results !== undefined;
  // a page with something to show of these results (the plant pages when there are plants; battery, recycling where they apply)
  const shown = (v: (typeof VIEWS)[number]) => (results ? (v.shownFor ? v.shownFor(results) : results.plants.length > 0) : !v.shownFor);
  const pages: Page[] = ['editor', 'run', ...VIEWS.filter(shown).map((v) => v.key), 'grading', 'studies'];
  return (
    <header className="app-header">
      <div className="brand">
        <span className="logo">{t('app.name')}</span>
        <span className="tagline">{t('app.tagline')}</span>
        <span className={`backend-badge ${backend?.kind ?? 'none'}`} data-backend={backend?.kind ?? ''}>
          {backend ? t(backend.kind === 'http' ? 'app.backend.http' : 'app.backend.worker') : t('app.backend.connecting')}
        </span>
      </div>
      <nav>
        {pages.map((p) => {
          const needsResults = p !== 'editor' && p !== 'run' && p !== 'grading' && p !== 'studies';
          return (
            <button key={p} type="button" data-page={p} aria-current={page === p ? 'page' : undefined} disabled={needsResults && !hasResults} title={needsResults && !hasResults ? t('nav.noResults') : undefined} onClick={() => onPage(p)}>
              {t(`nav.${p}`)}
            </button>
          );
        })}
      </nav>
      <LanguageSwitch lang={lang} onChange={onLang} />
    </header>
  );
}

export function App() {
  const [lang, setLangState] = useState<Lang>(initialLang);
  const [backend, setBackend] = useState<Backend | null>(null);
  const [backendError, setBackendError] = useState('');
  const [doc, setDoc] = useState<ProjectDocument>(BLANK);
  const touched = useRef(false);
  const [issues, setIssues] = useState<readonly FieldIssue[]>([]);
  const [checking, setChecking] = useState(false);
  const [page, setPage] = useState<Page>('editor');
  const [plantIndex, setPlantIndex] = useState(0);
  const [run, setRun] = useState<RunState>(IDLE);
  const handle = useRef<{ cancel(): Promise<void> } | null>(null);
  // the stored project the editor's document belongs to (each run a new version of it); a loaded project starts afresh
  const projectId = useRef<string | undefined>(undefined);

  const setLang = useCallback((l: Lang) => {
    setLangState(l);
    document.documentElement.lang = l === 'zh' ? 'zh-CN' : 'en';
    try {
      localStorage.setItem('chuneng.lang', l);
    } catch {
      // not kept: fine
    }
  }, []);

  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.title = `${translate(lang, 'app.name')} — ${translate(lang, 'app.tagline')}`;
  }, [lang]);

  // the back end: the API when it answers, else the worker; then the first example unless the user started typing
  useEffect(() => {
    chooseBackend().then(
      (b) => {
        setBackend(b);
        b.loadExample(FIRST_EXAMPLE).then(
          (d) => {
            if (!touched.current) setDoc(d);
          },
          () => undefined,
        );
      },
      (e: Error) => setBackendError(e.message),
    );
  }, []);

  // field issues, in the UI's language, a moment after the last change
  const validation = useRef(0);
  useEffect(() => {
    if (!backend) return;
    const seq = ++validation.current;
    setChecking(true);
    const timer = setTimeout(() => {
      backend.validate(doc, lang).then(
        (v) => {
          if (seq !== validation.current) return;
          setIssues(v.ok ? [] : v.issues);
          setChecking(false);
        },
        (e: Error) => {
          if (seq !== validation.current) return;
          setIssues([{ field: '', message: e.message }]);
          setChecking(false);
        },
      );
    }, VALIDATE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [backend, doc, lang]);

  const editor = useMemo<EditorContextValue>(() => {
    const byField = new Map<string, FieldIssue[]>();
    for (const i of issues) byField.set(i.field, [...(byField.get(i.field) ?? []), i]);
    const change = (f: (p: unknown) => unknown) => {
      touched.current = true;
      setDoc((d) => {
        const project = f(d.project);
        const name = (project as { name?: unknown } | null)?.name;
        return { ...d, project, name: typeof name === 'string' ? name : d.name };
      });
    };
    return {
      project: doc.project,
      set: (path, value) => change((p) => setAt(p, path, value)),
      update: change,
      issuesAt: (field) => byField.get(field) ?? [],
      issuesUnder: (prefix) => issues.filter((i) => i.field === prefix || i.field.startsWith(`${prefix}.`) || i.field.startsWith(`${prefix}[`)),
      files: doc.files,
      setFile: (name, text) => {
        touched.current = true;
        setDoc((d) => {
          const files = { ...d.files };
          if (text === undefined) delete files[name];
          else files[name] = text;
          return { ...d, files };
        });
      },
    };
  }, [doc, issues]);

  const load = useCallback((d: ProjectDocument) => {
    touched.current = true;
    projectId.current = undefined;
    setDoc(d);
    setPage('editor');
  }, []);

  const start = useCallback(async () => {
    if (!backend) return;
    const t0 = performance.now();
    const names = ((doc.project as { plants?: { name?: string }[] }).plants ?? []).map((p) => String(p?.name ?? ''));
    setRun({ ...IDLE, status: 'starting', doc, plantNames: names, startedAt: t0 });
    setPage('run');
    setPlantIndex(0);
    try {
      const h = await backend.startRun(
        doc,
        {
          onProgress: (p) => setRun((r) => (r.status === 'starting' || r.status === 'running' ? { ...r, status: 'running', progress: Math.max(r.progress, p.progress), stage: p.stage, plant: p.plant } : r)),
          onPlant: (index, _name, plant) =>
            setRun((r) => {
              const plants = [...r.plants];
              plants[index] = plant ?? null;
              return { ...r, plants, firstPlantMs: r.firstPlantMs ?? performance.now() - t0 };
            }),
        },
        lang,
        projectId.current,
      );
      handle.current = h;
      projectId.current = h.projectId;
      setRun((r) => ({ ...r, runId: h.id, status: r.status === 'starting' ? 'running' : r.status }));
      const outcome = await h.finished;
      handle.current = null;
      const seconds = (performance.now() - t0) / 1000;
      if (outcome.status === 'done') setRun((r) => ({ ...r, status: 'done', progress: 1, results: outcome.results, plants: outcome.results.plants, seconds }));
      else if (outcome.status === 'cancelled') setRun((r) => ({ ...r, status: 'cancelled', seconds }));
      else setRun((r) => ({ ...r, status: 'failed', error: outcome.error, issues: outcome.issues, seconds }));
    } catch (e) {
      handle.current = null;
      setRun((r) => ({ ...r, status: 'failed', error: (e as Error).message, issues: (e as { issues?: FieldIssue[] }).issues }));
    }
  }, [backend, doc, lang]);

  const cancel = useCallback(() => {
    void handle.current?.cancel();
  }, []);

  const results = shownResults(run);
  const active = run.status === 'starting' || run.status === 'running';

  return (
    <I18nProvider lang={lang}>
      <BackendContext.Provider value={backend}>
        <div className="app" data-page={page} data-lang={lang}>
          <Header backend={backend} page={page} onPage={setPage} lang={lang} onLang={setLang} results={results} />
          <main>
            {backendError ? <div className="field-error" role="alert">{translate(lang, 'error.backend', { message: backendError })}</div> : null}
            {!backend ? (
              <div className="cn-loading" aria-busy="true" />
            ) : page === 'editor' ? (
              <EditorContext.Provider value={editor}>
                <div className="editor-run-bar">
                  <RunButton problems={issues.length} running={active} onRun={() => void start()} />
                  <span className="problem-count" data-problem-count={issues.length}>
                    {issues.length === 0 ? translate(lang, 'editor.noProblems') : issues.length === 1 ? translate(lang, 'editor.problemCount1') : translate(lang, 'editor.problemCount', { n: issues.length })}
                  </span>
                  {checking ? <span className="checking">{translate(lang, 'editor.checking')}</span> : null}
                </div>
                <Editor doc={doc} onLoad={load} issues={issues} checking={checking} lastResults={run.results?.plants} />
              </EditorContext.Provider>
            ) : page === 'grading' ? (
              <Suspense fallback={<div className="cn-loading" aria-busy="true" />}>
                <GradingPage lang={lang} />
              </Suspense>
            ) : page === 'studies' ? (
              <Suspense fallback={<div className="cn-loading" aria-busy="true" />}>
                <StudyPage backend={backend} doc={doc} lang={lang} />
              </Suspense>
            ) : page === 'run' ? (
              <RunPanel run={run} problems={issues.length} onRun={() => void start()} onCancel={cancel} />
            ) : results && run.runId ? (
              <ResultsPage page={page} results={results} runId={run.runId} plantIndex={Math.min(plantIndex, results.plants.length - 1)} onPlant={setPlantIndex} lang={lang} />
            ) : (
              <p className="note">{translate(lang, 'results.none')}</p>
            )}
          </main>
        </div>
      </BackendContext.Provider>
    </I18nProvider>
  );
}
