/**
 * The report pages of a design-space study: what was varied and what came out (per output its P10/P50/P90, mean,
 * range and P(output > threshold); Sobol indices with their intervals; Morris μ* and σ), the study's plots
 * (src/report/charts/study.ts) and the cases' table, failed cases with their errors. HTML text only (browser-safe);
 * the page frame and the chart rendering come from the caller (src/report/node/study-report.ts).
 */
import { studyCharts, studyWord, type StudyChartData } from './charts/study.js';
import { formatNumber, formatPercent } from './display.js';
import type { Lang } from './labels.js';
import type { EChartsOption } from 'echarts';

/** What the section needs of the report it is part of: its page frame, chart rendering and escaping. */
export interface StudySectionParts {
  page(kind: string, body: string, landscape?: boolean): string;
  chart(id: string, option: EChartsOption, width: number, height: number): string;
  esc(s: string): string;
}

/** Rows of the cases' table in the report (a larger study's CSV has them all). */
export const REPORT_CASE_ROWS = 400;

const W = {
  parameters: ['Parameters', '参数'],
  outputs: ['Outputs', '输出'],
  unit: ['unit', '单位'],
  mean: ['mean', '均值'],
  min: ['min', '最小'],
  max: ['max', '最大'],
  probability: ['P(> threshold)', 'P(> 阈值)'],
  withValue: ['with a value', '有值算例'],
  error: ['error', '错误'],
  sobolTable: ['Sobol indices ({p} interval)', 'Sobol 指数（{p} 置信区间）'],
  morrisTable: ['Morris screening', 'Morris 筛选'],
  casesShown: ['the first {n} cases; the CSV has all', '仅列出前 {n} 个算例；CSV 中有全部'],
  notComputed: ['Not computed', '未计算'],
} as const;
const w = (k: keyof typeof W, lang: Lang) => W[k][lang === 'zh' ? 1 : 0];

/** A number of a study's column, four significant digits. */
export function studyNumber(v: number | null | undefined, lang: Lang): string {
  return typeof v === 'number' && Number.isFinite(v) ? formatNumber(v, lang, 4, true) : '—';
}

/** A parameter's value as written: its word for a choice, else the number. */
export function parameterText(d: StudyChartData, i: number, v: number, lang: Lang): string {
  const p = d.parameters[i];
  return p.words ? String(p.words[v]) : studyNumber(v, lang);
}

export function studyPages(d: StudyChartData, lang: Lang, parts: StudySectionParts): string[] {
  const { page, chart, esc } = parts;
  const a = d.analysis;
  const unit = (u: string) => (u ? esc(u) : '–');
  const quantile = (k: number, p: number) => a.outputs[k].summary?.quantiles.find((q) => Math.abs(q.p - p) < 1e-9)?.value;
  const outputRows = d.outputs
    .map((o, k) => {
      const x = a.outputs[k];
      const s = x.summary;
      const cells = [quantile(k, 0.1), quantile(k, 0.5), quantile(k, 0.9), s?.mean, s?.min, s?.max].map((v) => `<td class="num">${studyNumber(v, lang)}</td>`).join('');
      const e = x.exceedance ? `${formatPercent(x.exceedance.probability, lang)} (> ${studyNumber(x.exceedance.threshold, lang)})` : '—';
      return `<tr><th>${esc(o.name)}</th><td class="unit">${unit(o.unit)}</td>${cells}<td class="num">${e}</td><td class="num">${s?.count ?? 0}</td></tr>`;
    })
    .join('');
  const outputsTable = `<table class="kpi"><tr class="head"><th>${w('outputs', lang)}</th><th>${w('unit', lang)}</th><th>P10</th><th>P50</th><th>P90</th><th>${w('mean', lang)}</th><th>${w('min', lang)}</th><th>${w('max', lang)}</th><th>${w('probability', lang)}</th><th>${w('withValue', lang)}</th></tr>${outputRows}</table>`;
  const interval = (e: { value: number; low: number; high: number }) => `${formatNumber(e.value, lang, 3)} [${formatNumber(e.low, lang, 3)}, ${formatNumber(e.high, lang, 3)}]`;
  const sobol = a.outputs
    .map((x, k) => (x.sobol ? `<tr><th>${esc(d.outputs[k].name)}</th>${d.parameters.map((_, i) => `<td class="num">S1 ${interval(x.sobol!.first[i])}<br>ST ${interval(x.sobol!.total[i])}</td>`).join('')}</tr>` : ''))
    .join('');
  const morris = a.outputs
    .map((x, k) => (x.morris ? `<tr><th>${esc(d.outputs[k].name)}</th>${d.parameters.map((_, i) => `<td class="num">μ* ${studyNumber(x.morris!.muStar[i], lang)}<br>σ ${studyNumber(x.morris!.sigma[i], lang)}</td>`).join('')}</tr>` : ''))
    .join('');
  const head = `<tr class="head"><th></th>${d.parameters.map((p) => `<th>${esc(p.name)}</th>`).join('')}</tr>`;
  const notes = a.outputs.filter((x) => x.note).map((x) => `<li>${esc(x.name)}: ${esc(x.note!)}</li>`);
  const summary = `<h2>${studyWord('study', lang)}: ${esc(d.name)}</h2>
<p>${lang === 'zh' ? `试验设计：<b>${esc(a.design)}</b>；共 ${a.cases} 个算例：完成 ${a.done} 个，失败 ${a.failed.length} 个。` : `Design: <b>${esc(a.design)}</b>; ${a.cases} cases: ${a.done} done, ${a.failed.length} failed.`}</p>
<h3>${w('parameters', lang)}</h3><ul>${d.parameters.map((p) => `<li>${esc(p.name)}${p.unit ? ` (${esc(p.unit)})` : ''}${p.words ? `: ${p.words.map((x) => esc(String(x))).join(', ')}` : ''}</li>`).join('')}</ul>
<h3>${w('outputs', lang)}</h3>${outputsTable}
${sobol ? `<h3>${w('sobolTable', lang).replace('{p}', formatPercent(a.outputs.find((x) => x.sobol)!.sobol!.confidence, lang))}</h3><table class="kpi small">${head}${sobol}</table>` : ''}
${morris ? `<h3>${w('morrisTable', lang)}</h3><table class="kpi small">${head}${morris}</table>` : ''}
${notes.length ? `<h3>${w('notComputed', lang)}</h3><ul class="small">${notes.join('')}</ul>` : ''}`;
  const pages = [page('study', summary)];
  const charts = studyCharts(d, lang);
  for (let k = 0; k < charts.length; k += 2) {
    pages.push(page('study-charts', charts.slice(k, k + 2).map((c) => chart(c.id, c.option, 900, c.height)).join('')));
  }
  pages.push(page('study-cases', `<h3>${studyWord('cases', lang)}</h3>${casesTable(d, lang, esc)}`, d.parameters.length + d.outputs.length > 8));
  return pages;
}

/** The cases' table: case, parameter values, outputs (their units in the header), the error of a failed case. */
export function casesTable(d: StudyChartData, lang: Lang, esc: (s: string) => string): string {
  const cases = [...d.cases].sort((x, y) => x.index - y.index);
  const shown = cases.slice(0, REPORT_CASE_ROWS);
  const th = (name: string, unit: string) => `<th>${esc(name)}${unit ? `<div class="unit">${esc(unit)}</div>` : ''}</th>`;
  const head = `<tr><th>${studyWord('case', lang)}</th>${d.parameters.map((p) => th(p.name, p.words ? '' : p.unit)).join('')}${d.outputs.map((o) => th(o.name, o.unit)).join('')}<th>${w('error', lang)}</th></tr>`;
  const rows = shown
    .map(
      (c) =>
        `<tr${c.error ? ' class="failed"' : ''}><td class="num">${c.index}</td>${c.values.map((v, i) => `<td class="num">${esc(parameterText(d, i, v, lang))}</td>`).join('')}${d.outputs
          .map((_, k) => `<td class="num">${studyNumber(c.outputs?.[k], lang)}</td>`)
          .join('')}<td>${c.error ? esc(c.error) : ''}</td></tr>`,
    )
    .join('');
  const more = cases.length > shown.length ? `<p class="note">${w('casesShown', lang).replace('{n}', String(REPORT_CASE_ROWS))}</p>` : '';
  return `<table class="grid study-cases">${head}${rows}</table>${more}`;
}
