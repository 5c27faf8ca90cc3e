/**
 * A study's results on the Studies page: the outputs' key figures and their P10/P50/P90, mean and P(> threshold)
 * table, the report layer's study charts, and the cases' table a page at a time (failed cases marked with their
 * error; the CSV has them all).
 */
import { useMemo, useState } from 'react';
import type { StudyAnalysis } from '../../../src/project/study/analysis.js';
import { studyCharts, type StudyCaseRow, type StudyChartData } from '../../../src/report/charts/study.js';
import { parameterText, studyNumber } from '../../../src/report/study-section.js';
import { formatNumber, formatPercent } from '../../../src/report/display.js';
import type { Lang } from '../backend/types.js';
import type { StudyInfo } from '../backend/studies.js';
import { Card, Note } from '../components/Card.js';
import { DataTable } from '../components/DataTable.js';
import { EChart } from '../components/EChart.js';
import { KpiCards, type KpiItem } from '../components/Kpis.js';
import { Segmented } from '../components/Segmented.js';
import { studyStrings } from './study-strings.js';

/** Rows of the cases' table per page. */
const PAGE_ROWS = 100;
/** Significant digits a column of the cases' table keeps on its largest value; the others share its decimals. */
const COLUMN_DIGITS = 4;

export interface Shown {
  readonly info: StudyInfo;
  readonly cases: readonly StudyCaseRow[];
  readonly analysis: StudyAnalysis;
  readonly final: boolean;
}

/** Decimals for a column: COLUMN_DIGITS significant digits of its largest magnitude, none for whole numbers. */
function columnDecimals(values: readonly (number | null | undefined)[]): number {
  const finite = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  if (finite.length === 0 || finite.every((v) => Number.isInteger(v))) return 0;
  const largest = Math.max(...finite.map(Math.abs));
  if (largest === 0) return 0;
  return Math.min(6, Math.max(0, COLUMN_DIGITS - 1 - Math.floor(Math.log10(largest))));
}

/** A case's error without the "case N:" its project was parsed under (the row already names the case). */
export const withoutCase = (error: string, index: number) => error.replace(new RegExp(`^case ${index}:\\s*`), '');

const withUnit = (name: string, unit: string | undefined) => (unit ? `${name} (${unit})` : name);

export function StudyResults({ shown, lang }: { readonly shown: Shown; readonly lang: Lang }) {
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
  const finished = cases.filter((c) => !c.error).length;
  const kpis: KpiItem[] = info.outputs.flatMap((o, k) => {
    const a = analysis.outputs[k];
    const median: KpiItem = { key: `p50-${o.name}`, label: s.median(o.name), value: studyNumber(q(k, 0.5), lang), unit: o.unit, note: s.quantiles(studyNumber(q(k, 0.1), lang), studyNumber(q(k, 0.9), lang)) };
    const e = a?.exceedance;
    return e ? [median, { key: `exceed-${o.name}`, label: s.exceedKpi(o.name, `${studyNumber(e.threshold, lang)}${o.unit ? ` ${o.unit}` : ''}`), value: formatPercent(e.probability, lang), note: s.exceedNote(finished) }] : [median];
  });
  const histograms = charts.filter((c) => c.id.startsWith('histogram'));
  const others = charts.filter((c) => !c.id.startsWith('histogram'));
  return (
    <>
      <Card name="study-summary" title={s.summary}>
        <div className="study-stack">
          {shown.final ? null : <Note name="study-partial">{s.partial}</Note>}
          {analysis.outputs
            .filter((a) => a.note && shown.final)
            .map((a) => (
              <Note key={a.name} tone="warn" name={`study-note-${a.name}`}>{`${a.name}: ${a.note}`}</Note>
            ))}
          <KpiCards name="study-outputs" items={kpis} />
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
        </div>
      </Card>
      {charts.length ? (
        <Card name="study-plots" title={s.plots}>
          <div className="study-stack">
            {histograms.length ? (
              <div className={histograms.length > 1 ? 'cn-grid-2' : undefined}>
                {histograms.map((c) => (
                  <EChart key={c.id} name={`study-${c.id}`} option={c.option} height={c.height} />
                ))}
              </div>
            ) : null}
            {others.map((c) => (
              <EChart key={c.id} name={`study-${c.id}`} option={c.option} height={c.height} />
            ))}
          </div>
        </Card>
      ) : null}
      <StudyCases data={data} info={info} cases={cases} lang={lang} />
    </>
  );
}

function StudyCases({ data, info, cases, lang }: { readonly data: StudyChartData; readonly info: StudyInfo; readonly cases: readonly StudyCaseRow[]; readonly lang: Lang }) {
  const s = studyStrings(lang);
  const [only, setOnly] = useState<'all' | 'failed'>('all');
  const [page, setPage] = useState(0);
  const sorted = useMemo(() => [...cases].sort((a, b) => a.index - b.index), [cases]);
  const failed = sorted.filter((c) => c.error).length;
  const listed = only === 'failed' && failed > 0 ? sorted.filter((c) => c.error) : sorted;
  const pages = Math.max(1, Math.ceil(listed.length / PAGE_ROWS));
  const at = Math.min(page, pages - 1);
  const rows = listed.slice(at * PAGE_ROWS, (at + 1) * PAGE_ROWS);
  // decimals per column over every case, so a column keeps one precision from page to page
  const decimals = useMemo(
    () => ({
      parameters: info.parameters.map((_, i) => columnDecimals(sorted.map((c) => c.values[i]))),
      outputs: info.outputs.map((_, k) => columnDecimals(sorted.map((c) => c.outputs?.[k]))),
    }),
    [info, sorted],
  );
  const figure = (v: number | null | undefined, d: number) => (typeof v === 'number' && Number.isFinite(v) ? formatNumber(v, lang, d) : '—');
  const tools = (
    <>
      {failed > 0 ? (
        <Segmented
          name="study-cases-filter"
          value={only}
          onChange={(k) => {
            setOnly(k);
            setPage(0);
          }}
          options={[
            { key: 'all', label: s.allCases },
            { key: 'failed', label: s.failedOnly(failed) },
          ]}
        />
      ) : null}
      {pages > 1 ? (
        <span className="study-pager" data-pager={`${at + 1}/${pages}`}>
          <button type="button" className="cn-icon-btn" aria-label={s.previous} title={s.previous} disabled={at === 0} onClick={() => setPage(at - 1)}>
            ‹
          </button>
          <span className="cn-small cn-muted">{s.rowsShown(at * PAGE_ROWS + 1, at * PAGE_ROWS + rows.length, listed.length)}</span>
          <button type="button" className="cn-icon-btn" aria-label={s.next} title={s.next} disabled={at >= pages - 1} onClick={() => setPage(at + 1)}>
            ›
          </button>
        </span>
      ) : null}
    </>
  );
  return (
    <Card name="study-cases" title={`${s.cases} (${cases.length})`} tools={tools}>
      <DataTable
        name="study-cases"
        maxHeight={480}
        signed
        head={[s.case, ...info.parameters.map((p) => withUnit(p.name, p.words ? undefined : p.unit)), ...info.outputs.map((o) => withUnit(o.name, o.unit)), s.error]}
        rows={rows.map((c) => ({
          key: String(c.index),
          cells: [
            c.error ? (
              <span className="study-case-failed" title={c.error}>
                {c.index}
              </span>
            ) : (
              String(c.index)
            ),
            ...c.values.map((v, i) => (info.parameters[i]?.words ? parameterText(data, i, v, lang) : figure(v, decimals.parameters[i] ?? 0))),
            ...info.outputs.map((_, k) => figure(c.outputs?.[k], decimals.outputs[k] ?? 0)),
            c.error ? <span className="study-error-text">{withoutCase(c.error, c.index)}</span> : '',
          ],
        }))}
      />
      {cases.length === 0 ? <p className="cn-muted cn-small study-no-cases">{s.noCases}</p> : null}
    </Card>
  );
}
