/**
 * The grading page: the user drops a test campaign's six CSV files (the format of the retired-LFP data set: a charge
 * day and a rest day, each as time–current, voltage and temperature files) and sees the rejected cells, the modules
 * (groups), the yields by grade and the plots. Everything is computed in this browser by src/battery/grading; the
 * charts are the report layer's (src/report/charts/grading.ts).
 */
import { useCallback, useState, type DragEvent } from 'react';
import { campaignLabels, gradeCampaign, parseCampaign, GRADES, type CampaignDayTexts, type GradingResult } from '../../../src/battery/grading/index.js';
import { gradeName, term } from '../../../src/report/battery-labels.js';
import { gradingDvChart, gradingFeatureChart, gradingHistogramChart, gradingYieldChart } from '../../../src/report/charts/grading.js';
import { Card, Note } from '../components/Card.js';
import { ChartBox } from '../components/ChartBox.js';
import { DataTable } from '../components/DataTable.js';
import { KpiCards, type KpiItem } from '../components/Kpis.js';
import { batteryStrings } from './battery-strings.js';
import * as f from './format.js';
import type { Lang } from './strings.js';
import '../components/components.css';
import './views.css';

type State =
  | { readonly status: 'idle' }
  | { readonly status: 'reading' | 'grading'; readonly files: readonly string[] }
  | { readonly status: 'done'; readonly files: readonly string[]; readonly result: GradingResult }
  | { readonly status: 'failed'; readonly files: readonly string[]; readonly error: string };

const AH = 3600;

const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Grades the campaign in `files` (the six CSVs, by their names). */
async function grade(files: readonly File[], onGrading: () => void): Promise<GradingResult> {
  const texts = new Map<string, string>();
  for (const file of files) texts.set(file.name, await file.text());
  const labels = campaignLabels([...texts.keys()]);
  const day = (l: string): CampaignDayTexts => ({ timeCurrent: texts.get(`${l}_time_current.csv`)!, voltage: texts.get(`${l}_voltage_V.csv`)!, temperature: texts.get(`${l}_temperature_C.csv`)! });
  onGrading();
  // let the page say so before the main thread is busy for a few seconds
  await new Promise((r) => setTimeout(r, 30));
  return gradeCampaign(parseCampaign(day(labels.charge), labels.charge, day(labels.rest), labels.rest));
}

export default function GradingPage({ lang }: { readonly lang: Lang }) {
  const b = batteryStrings(lang);
  const [state, setState] = useState<State>({ status: 'idle' });
  const [over, setOver] = useState(false);
  const take = useCallback((list: FileList | null) => {
    const files = list ? Array.from(list) : [];
    if (!files.length) return;
    const names = files.map((x) => x.name).sort();
    setState({ status: 'reading', files: names });
    grade(files, () => setState({ status: 'grading', files: names })).then(
      (result) => setState({ status: 'done', files: names, result }),
      (e: unknown) => setState({ status: 'failed', files: names, error: e instanceof Error ? e.message : String(e) }),
    );
  }, []);
  const drop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    take(e.dataTransfer.files);
  };
  return (
    <div className="cn-results cn-page" data-view="grading" data-grading-state={state.status} lang={lang === 'zh' ? 'zh-CN' : 'en'}>
      <header className="cn-page-head">
        <h2>{b.gradingTitle}</h2>
      </header>
      <Card name="campaign-files">
        <div
          className="cn-dropzone"
          data-drop-over={over}
          onDragOver={(e) => {
            e.preventDefault();
            setOver(true);
          }}
          onDragLeave={() => setOver(false)}
          onDrop={drop}
          style={{ border: `2px dashed ${over ? '#2b6cb0' : '#cbd5e0'}`, borderRadius: 8, padding: 20, background: over ? '#ebf4ff' : '#f7fafc' }}
        >
          <p className="cn-small" style={{ marginTop: 0 }}>
            {b.gradingIntro}
          </p>
          <label className="cn-file-button">
            {b.chooseFiles}: <input type="file" multiple accept=".csv,text/csv" data-input="campaign" onChange={(e) => take(e.currentTarget.files)} />
          </label>{' '}
          <span className="cn-muted cn-small">{b.dropHere}</span>
          {state.status !== 'idle' ? (
            <p className="cn-muted cn-small" data-files={state.files.length}>
              {b.filesRead(state.files.join(', '))}
            </p>
          ) : null}
        </div>
        {state.status === 'reading' || state.status === 'grading' ? (
          <div className="cn-placeholder" style={{ height: 80, marginTop: 12 }} aria-busy="true">
            {state.status === 'reading' ? b.reading(state.files.length) : b.grading}
          </div>
        ) : null}
        {state.status === 'failed' ? (
          <Note tone="error" name="grading-error">
            {b.gradingFailed}: {state.error}
          </Note>
        ) : null}
      </Card>
      {state.status === 'done' ? <Graded result={state.result} lang={lang} /> : null}
    </div>
  );
}

function Graded({ result, lang }: { result: GradingResult; lang: Lang }) {
  const b = batteryStrings(lang);
  const rejected = result.cells.filter((c) => c.rejected);
  const kpis: KpiItem[] = [
    { key: 'cells', label: b.cellsTotal, value: f.num(result.cells.length, lang, 0) },
    { key: 'rejected', label: b.rejectedCount, value: f.num(rejected.length, lang, 0) },
    { key: 'groups', label: b.groupCount, value: f.num(result.groups.length, lang, 0), note: result.groups.length ? `${result.groups[0].cells.length} ${b.cellsInGroup}` : undefined },
    { key: 'spares', label: b.spares, value: f.num(result.spares.length, lang, 0) },
    ...GRADES.map((g) => ({ key: `yield-${g}`, label: capitalised(gradeName(g, lang)), value: f.num(result.yields[g].count, lang, 0), note: f.percent(result.yields[g].share, lang) })),
  ];
  const ratio = result.tightness.ratio.capacityProxy;
  return (
    <>
      <KpiCards items={kpis} name="grading" />
      <div className="cn-grid-2">
        <Card name="yields" title={term('yields', lang)}>
          <ChartBox name="grading-yields" build={() => gradingYieldChart(result, lang)} deps={[result, lang]} height={360} />
        </Card>
        <Card name="histogram" title={term('capacityHistogram', lang)}>
          <ChartBox name="grading-histogram" build={() => gradingHistogramChart(result, lang)} deps={[result, lang]} height={360} />
        </Card>
      </div>
      <Card name="rejected" title={term('rejected', lang)}>
        {rejected.length ? (
          <DataTable
            name="rejected"
            maxHeight={360}
            head={[b.cell, b.grade, b.reasons]}
            rows={rejected.map((c) => ({
              key: c.features.cell,
              cells: [
                c.features.cell,
                gradeName(c.grade, lang),
                // a sentence: wrapped and left-aligned, not a number column
                <span style={{ whiteSpace: 'normal', display: 'inline-block', minWidth: 420, textAlign: 'left' }}>{c.reasons.map((r) => b.reason(r)).join('; ')}</span>,
              ],
            }))}
          />
        ) : (
          <p className="cn-muted">{b.noneRejected}</p>
        )}
      </Card>
      <Card name="features" title={term('featuresByModule', lang)}>
        <ChartBox name="grading-features" build={() => gradingFeatureChart(result, lang)} deps={[result, lang]} height={480} />
      </Card>
      <Card name="dv-curves" title={term('dvCurves', lang)}>
        <ChartBox name="grading-dv" build={() => gradingDvChart(result, lang)} deps={[result, lang]} height={460} />
      </Card>
      <Card name="groups" title={term('groups', lang)}>
        <p className="cn-small" data-note="tightness">
          {b.tightness(f.percent(ratio, lang, 0))}
        </p>
        <DataTable
          name="groups"
          maxHeight={360}
          head={[b.group, b.cellsInGroup, b.capacitySpread, b.dvSpread, b.restSpread]}
          rows={result.groups.map((g) => ({
            key: String(g.group),
            cells: [String(g.group), f.num(g.cells.length, lang, 0), f.num(g.spreads.capacityProxy / AH, lang, 3), f.num(g.spreads.dvVector, lang, 3), f.num(g.spreads.restVoltage * 1e3, lang, 2)],
          }))}
        />
      </Card>
      <Card name="grading-notes" title={b.limitations}>
        <ul className="cn-notes cn-small" data-list="limitations">
          {result.limitations.map((l) => (
            <li key={l}>{l}</li>
          ))}
        </ul>
        <h4 className="cn-subhead">{b.methods}</h4>
        <ul className="cn-notes cn-small" data-list="methods">
          {result.methods.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      </Card>
    </>
  );
}
