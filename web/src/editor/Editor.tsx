/**
 * The project editor: examples, import and export (YAML/JSON), the site, market, dispatch and plants, and the list of
 * problems the back end found (each also shown at its field). The project lives in App's state, so switching
 * language or page never loses an input.
 */
import { useEffect, useState } from 'react';
import { useBackend } from '../app/backend-context.js';
import { useI18n } from '../i18n/index.js';
import type { ExampleInfo, FieldIssue, PlantResultsJson, ProjectDocument } from '../backend/types.js';
import { Section, TextField } from './fields.js';
import { SiteForm } from './site-form.js';
import { MarketForm } from './market-form.js';
import { DispatchForm } from './dispatch-form.js';
import { PlantsForm } from './plants-form.js';
import { download, fileSafe } from './download.js';

export interface EditorProps {
  readonly doc: ProjectDocument;
  readonly onLoad: (doc: ProjectDocument) => void;
  readonly issues: readonly FieldIssue[];
  readonly checking: boolean;
  readonly lastResults?: readonly PlantResultsJson[];
}

function ExamplesMenu({ onLoad }: { onLoad: (doc: ProjectDocument) => void }) {
  const backend = useBackend();
  const { t } = useI18n();
  const [examples, setExamples] = useState<readonly ExampleInfo[]>([]);
  const [error, setError] = useState('');
  useEffect(() => {
    backend.listExamples().then(setExamples, (e: Error) => setError(e.message));
  }, [backend]);
  return (
    <>
      <select
        className="examples"
        aria-label={t('editor.examples')}
        value=""
        onChange={(e) => {
          const id = e.target.value;
          if (id) backend.loadExample(id).then(onLoad, (err: Error) => setError(err.message));
        }}
      >
        <option value="">{t('editor.examples')}</option>
        {examples.map((x) => (
          <option key={x.id} value={x.id} title={x.description}>
            {x.name}
          </option>
        ))}
      </select>
      {error ? <span className="field-error">{error}</span> : null}
    </>
  );
}

function ImportExport({ doc, onLoad }: { doc: ProjectDocument; onLoad: (doc: ProjectDocument) => void }) {
  const { t } = useI18n();
  const [error, setError] = useState('');
  const importFile = async (file: File) => {
    try {
      const { parse } = await import('yaml');
      const project = parse(await file.text()) as { name?: unknown };
      if (project === null || typeof project !== 'object') throw new Error('not a project');
      onLoad({ name: String(project.name ?? file.name), project, files: {} });
      setError('');
    } catch (e) {
      setError(t('editor.importFailed', { file: file.name, message: (e as Error).message }));
    }
  };
  const exportAs = async (format: 'yaml' | 'json') => {
    const text = format === 'json' ? JSON.stringify(doc.project, null, 2) + '\n' : (await import('yaml')).stringify(doc.project);
    download(new Blob([text], { type: format === 'json' ? 'application/json' : 'application/yaml' }), `${fileSafe(doc.name)}.${format === 'json' ? 'json' : 'yaml'}`);
  };
  return (
    <>
      <label className="file-button">
        {t('editor.import')}
        <input type="file" data-testid="import-file" accept=".yaml,.yml,.json,application/json,text/yaml" onChange={(e) => e.target.files?.[0] && void importFile(e.target.files[0])} />
      </label>
      <button type="button" onClick={() => void exportAs('yaml')}>
        {t('editor.exportYaml')}
      </button>
      <button type="button" onClick={() => void exportAs('json')}>
        {t('editor.exportJson')}
      </button>
      {error ? <span className="field-error">{error}</span> : null}
    </>
  );
}

function Problems({ issues, checking }: { issues: readonly FieldIssue[]; checking: boolean }) {
  const { t } = useI18n();
  if (issues.length === 0) return null;
  return (
    <div className={`problems${issues.length ? ' has-problems' : ''}`} data-problems={issues.length} aria-live="polite">
      <strong>{issues.length ? t('editor.problems') : t('editor.noProblems')}</strong>
      {checking ? <span className="checking"> {t('editor.checking')}</span> : null}
      {issues.length ? (
        <ul>
          {issues.map((i, k) => (
            <li key={k}>
              <button
                type="button"
                className="link"
                onClick={() => {
                  const el = document.querySelector<HTMLElement>(`[data-field="${CSS.escape(i.field)}"]`);
                  el?.closest('details')?.setAttribute('open', '');
                  el?.scrollIntoView({ block: 'center' });
                  el?.querySelector<HTMLElement>('input,select')?.focus();
                }}
              >
                <code>{i.field || '—'}</code>
              </button>{' '}
              {i.message}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

export function Editor({ doc, onLoad, issues, checking, lastResults }: EditorProps) {
  const { t } = useI18n();
  return (
    <div className="editor">
      <div className="toolbar">
        <ExamplesMenu onLoad={onLoad} />
        <ImportExport doc={doc} onLoad={onLoad} />
      </div>
      <Problems issues={issues} checking={checking} />
      <Section title={t('section.project')} path="">
        <TextField path="name" label={t('project.name')} wide />
        <TextField path="description" label={t('project.description')} wide placeholder={t('editor.optional')} />
      </Section>
      <SiteForm />
      <MarketForm />
      <DispatchForm />
      <PlantsForm lastResults={lastResults} />
    </div>
  );
}
