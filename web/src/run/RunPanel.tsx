/**
 * The run page: the Run button (which says how many problems remain), a progress bar with the stage and the plant,
 * Cancel, each plant as it is done with its key figures, and the report buttons once the run is done.
 */
import { useState } from 'react';
import { useBackend } from '../app/backend-context.js';
import { useI18n, isMessageKey } from '../i18n/index.js';
import type { PlantResultsJson, ReportFormat } from '../backend/types.js';
import { download } from '../editor/download.js';
import { KpiTable } from './KpiTable.js';
import type { RunState } from './state.js';

export function RunButton({ problems, running, onRun }: { problems: number; running: boolean; onRun: () => void }) {
  const { t } = useI18n();
  const label = problems === 0 ? t('run.button') : problems === 1 ? t('run.buttonProblems1') : t('run.buttonProblems', { n: problems });
  return (
    <button type="button" className="run-button primary" disabled={problems > 0 || running} data-problems={problems} onClick={onRun}>
      {label}
    </button>
  );
}

function stageName(stage: string, t: ReturnType<typeof useI18n>['t']): string {
  const key = `run.stage.${stage}`;
  return isMessageKey(key) ? t(key) : stage;
}

function Reports({ runId }: { runId: string }) {
  const backend = useBackend();
  const { t, lang } = useI18n();
  const [busy, setBusy] = useState<ReportFormat | null>(null);
  const [error, setError] = useState('');
  const formats = backend.reportFormats();
  const resultsFile = async () => {
    try {
      const results = await backend.results(runId);
      download(new Blob([JSON.stringify(results, null, 2) + '\n'], { type: 'application/json' }), 'results.json');
    } catch (e) {
      setError(t('report.failed', { message: (e as Error).message }));
    }
  };
  const make = async (format: ReportFormat) => {
    setBusy(format);
    setError('');
    try {
      const file = await backend.report(runId, format, lang);
      download(file.blob, file.fileName);
    } catch (e) {
      setError(t('report.failed', { message: (e as Error).message }));
    } finally {
      setBusy(null);
    }
  };
  return (
    <div className="reports">
      <strong>{t('report.title')}</strong>
      {formats.map((f) => (
        <button key={f} type="button" data-report={f} disabled={busy !== null} onClick={() => void make(f)}>
          {t(`report.${f}`)}
        </button>
      ))}
      <button type="button" data-report="json" onClick={() => void resultsFile()}>
        {t('report.json')}
      </button>
      {busy ? <span className="note">{t('report.making', { format: busy.toUpperCase() })}</span> : null}
      {formats.length < 3 ? <p className="note reports-need-server">{t('report.needsServer')}</p> : null}
      {error ? <div className="field-error">{error}</div> : null}
    </div>
  );
}

export interface RunPanelProps {
  readonly run: RunState;
  readonly problems: number;
  readonly onRun: () => void;
  readonly onCancel: () => void;
}

export function RunPanel({ run, problems, onRun, onCancel }: RunPanelProps) {
  const { t } = useI18n();
  const active = run.status === 'starting' || run.status === 'running';
  const done = run.plants.filter((p): p is PlantResultsJson => p !== null && p !== undefined);
  const shown = run.results?.plants ?? done;
  return (
    <div className="run-panel" data-run-status={run.status}>
      <div className="run-controls">
        <RunButton problems={problems} running={active} onRun={onRun} />
        {active ? (
          <button type="button" className="cancel" onClick={onCancel}>
            {t('run.cancel')}
          </button>
        ) : null}
      </div>
      {run.status === 'idle' ? <p className="note">{t('run.idle')}</p> : null}
      {run.status !== 'idle' ? (
        <div className="progress-block">
          <progress max={1} value={run.progress} data-progress={run.progress.toFixed(3)} />
          <span className="progress-text">
            {Math.round(run.progress * 100)} % ·{' '}
            {run.status === 'starting'
              ? t('run.starting')
              : run.status === 'running'
                ? run.plant
                  ? t('run.plantStage', { plant: run.plant, stage: stageName(run.stage, t) })
                  : t('run.status.running')
                : run.status === 'done'
                  ? t('run.status.done', { seconds: (run.seconds ?? 0).toFixed(1) })
                  : t(`run.status.${run.status}`)}
          </span>
        </div>
      ) : null}
      {run.status === 'failed' ? (
        <div className="field-error run-error" role="alert">
          {t('run.failed', { message: run.error ?? '' })}
          {run.issues?.length ? (
            <ul>
              {run.issues.map((i, k) => (
                <li key={k}>
                  <code>{i.field}</code> {i.message}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      {run.plantNames.length ? (
        <ol className="plant-progress">
          {run.plantNames.map((name, i) => (
            <li key={i} data-plant-state={run.plants[i] !== undefined ? 'done' : run.plant === name && active ? 'computing' : 'waiting'}>
              {name}: {run.plants[i] !== undefined ? t('run.done') : run.plant === name && active ? t('run.computing') : t('run.waiting')}
            </li>
          ))}
        </ol>
      ) : null}
      <KpiTable plants={shown} />
      {run.status === 'done' && run.runId ? <Reports runId={run.runId} /> : null}
    </div>
  );
}
