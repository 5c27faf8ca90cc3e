/**
 * The report as ONE self-contained HTML file: inline CSS and the charts as inline SVG (rendered here with ECharts'
 * SSR), no scripts, no external requests, print CSS that starts every section on a new A4 page (the Chinese
 * statements on landscape pages). Sections: title page; the comparison with a verdict per plant; per plant its
 * key figures and design point, p–h/T–s diagrams and cycle (template plants), operation, cash flow (chart and
 * table), tornado and Monte Carlo when the run made them, the Chinese method's indicators and statements; the
 * conventions.
 */
import { compareTable, replayVerdict } from '../charts/index.js';
import { FONT_FAMILY } from '../charts/common.js';
import { formatNumber, formatPercent, priceUnit, MWH } from '../display.js';
import { plantCharts, type ReportChart, type ReportInput } from '../figures.js';
import { kpiValues } from '../kpis.js';
import { label, type Lang } from '../labels.js';
import type { ResultsPlant } from '../results.js';
import { BALANCE_COLUMNS, balanceCaption, balanceRows, cashFlowTable, cnIndicatorRows, cnStatementTable, figureRows, reportConventions } from '../tables.js';
import { renderChartSvg } from './svg.js';
import { batteryOf, batteryPages } from '../battery-section.js';
import { recyclingOf, recyclingPages } from '../recycling-section.js';

export type { ReportInput } from '../figures.js';

export interface HtmlReportOptions {
  /** The date on the title page (default: now). */
  readonly date?: Date;
}

/** Years per landscape page of a Chinese statement (34 years of a 2 + 30-year project fit in two). */
export const STATEMENT_YEARS_PER_PAGE = 17;

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function htmlReport(input: ReportInput, lang: Lang, options: HtmlReportOptions = {}): string {
  const r = input.results;
  const date = (options.date ?? new Date()).toISOString().slice(0, 10);
  const pages: string[] = [titlePage(input, lang, date), ...(r.plants.length ? [comparisonPage(input, lang)] : [])];
  r.plants.forEach((p, i) => pages.push(...plantPages(p, i, input.schedules[i], lang)));
  recyclingOf(r).forEach((x) => pages.push(...recyclingPages(x, lang, { page, chart, esc, cashFlowTable: (finance) => cashFlowTableHtml({ finance }, lang) })));
  const currency = r.plants[0]?.finance.currency ?? 'CNY';
  pages.push(
    page('conventions', `<h2>${label('conventions', lang)}</h2><ul class="conventions">${reportConventions(r.conventions, lang, currency).map((c) => `<li>${esc(c)}</li>`).join('')}</ul>`),
  );
  return `<!DOCTYPE html>
<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(`${label('report', lang)} — ${r.name}`)}</title>
<style>${CSS}</style>
</head>
<body>
${pages.join('\n')}
</body>
</html>
`;
}

function page(kind: string, body: string, landscape = false): string {
  return `<section class="page${landscape ? ' landscape' : ''}" data-page="${kind}">${body}</section>`;
}

function chart(c: ReportChart, plantIndex: number): string {
  const svg = renderChartSvg(c.option, c.width, c.height);
  return `<figure class="chart" data-chart="${c.id}" data-plant="${plantIndex}">${svg}${c.caption ? `<figcaption>${esc(c.caption)}</figcaption>` : ''}</figure>`;
}

function titlePage(input: ReportInput, lang: Lang, date: string): string {
  const r = input.results;
  const rows: [string, string][] = [
    [label('project', lang), r.name],
    [label('site', lang), r.site.name],
    [label('date', lang), date],
    [label('language', lang), lang === 'zh' ? '中文' : 'English'],
  ];
  return page(
    'title',
    `<div class="title-page">
<p class="kicker">Chuneng 储能</p>
<h1>${label('report', lang)}</h1>
<p class="project">${esc(r.name)}</p>
<table class="meta">${rows.map(([k, v]) => `<tr><th>${esc(k)}</th><td>${esc(v)}</td></tr>`).join('')}</table>
<h3>${label('plant', lang)}</h3>
<ol class="plants">${r.plants.map((p) => `<li>${esc(p.name)}${p.performance.technology !== p.name ? ` — ${esc(p.performance.technology)}` : ''}</li>`).join('')}</ol>
</div>`,
  );
}

function comparisonPage(input: ReportInput, lang: Lang): string {
  const r = input.results;
  const t = compareTable(r, lang);
  const currency = r.plants[0]?.finance.currency ?? 'CNY';
  const price = (v: number) => formatNumber(v * MWH, lang, 1);
  const prices =
    lang === 'zh'
      ? `电价：${price(r.prices.min)}–${price(r.prices.max)} ${priceUnit(lang, currency)}，平均 ${price(r.prices.mean)}；${r.prices.steps} 个时段。`
      : `Prices ${price(r.prices.min)}–${price(r.prices.max)} ${priceUnit(lang, currency)}, mean ${price(r.prices.mean)}; ${r.prices.steps} steps.`;
  // the texts carry their units (亿元 beside 万元 where a figure passes 1 亿), so no unit column
  const head = `<tr class="head"><th></th>${t.columns.map((c) => `<th>${esc(c.name)}<div class="tech">${esc(c.technology)}</div></th>`).join('')}</tr>`;
  const body = t.rows.map((row) => `<tr><th>${esc(row.label)}</th>${row.texts.map((x) => `<td class="num">${esc(x)}</td>`).join('')}</tr>`).join('');
  const verdicts = t.columns.map((c, i) => `<p class="verdict"><b>${esc(c.name)}</b>: ${esc(t.verdicts[i])}</p>`).join('');
  return page('comparison', `<h2>${label('comparison', lang)}</h2><p class="note">${esc(prices)}</p><table class="kpi compare">${head}${body}</table><h3>${label('verdict', lang)}</h3>${verdicts}`);
}

function plantPages(p: ResultsPlant, i: number, schedule: ReportInput['schedules'][number], lang: Lang): string[] {
  const name = esc(p.name);
  const charts = plantCharts(p, schedule, lang);
  const out: string[] = [];
  const kpis = kpiValues(p, lang);
  const figures = figureRows(p, lang);
  const balance = balanceRows(p, lang);
  const replay = replayVerdict(p, lang);
  const warnings = p.plantModel?.warnings ?? [];
  out.push(
    page(
      'overview',
      `<h2>${i + 1}. ${name}</h2><p class="tech">${esc(p.performance.technology)}</p>
<div class="two">
<div><h3>${label('kpis', lang)}</h3><table class="kpi">${kpis.map((k) => `<tr><th>${esc(k.label)}</th><td class="num">${esc(k.text)}</td></tr>`).join('')}</table>
</div>
${figures.length ? `<div><h3>${label('plantFigures', lang)}</h3><table class="kpi small">${figures.map((f) => `<tr><th>${esc(f.name)}</th><td class="num">${esc(f.text)}</td></tr>`).join('')}</table></div>` : ''}
</div>
${replay ? `<h3>${label('replay', lang)}</h3><p>${esc(replay)}</p>` : ''}
${warnings.length ? `<h3>${label('notes', lang)}</h3><ul>${warnings.map((w) => `<li>${esc(w)}</li>`).join('')}</ul>` : ''}`,
    ),
  );
  // the stores' balance over the design cycle on a page of its own: a plant with many stores fills it
  if (balance.length) {
    const head = `<tr>${BALANCE_COLUMNS.map((h) => `<th>${label(h, lang)}</th>`).join('')}</tr>`;
    const rows = balance.map((b) => `<tr${b.endedDischarge ? ' class="ended"' : ''}><th>${esc(b.store)}</th>${b.texts.map((t) => `<td class="num">${esc(t)}</td>`).join('')}</tr>`).join('');
    out.push(page('balance', `<h3>${name}: ${label('liquidBalance', lang)}</h3><table class="kpi small balance">${head}${rows}</table><p class="note">${esc(balanceCaption(p, lang))}</p>`));
  }
  const [ph, ts, cycle] = [charts.physics.find((c) => c.id === 'ph'), charts.physics.find((c) => c.id === 'Ts'), charts.physics.find((c) => c.id === 'cycle')];
  if (ph && ts) out.push(page('diagrams', `<h3>${name}: ${label('phDiagram', lang)}, ${label('tsDiagram', lang)}</h3>${chart(ph, i)}${chart(ts, i)}`));
  if (cycle) {
    const notes = p.plantModel?.notes ?? [];
    out.push(
      page(
        'cycle',
        `<h3>${name}: ${label('cycle', lang)}</h3>${chart(cycle, i)}${notes.length ? `<h4>${label('notes', lang)}${lang === 'zh' ? ' (模型说明，英文原文)' : ''}</h4><ul class="small">${notes.map((n) => `<li>${esc(n)}</li>`).join('')}</ul>` : ''}`,
      ),
    );
  }
  const [week, heatmap, monthly] = ['week', 'heatmap', 'monthly'].map((id) => charts.operation.find((c) => c.id === id));
  if (week && heatmap) out.push(page('operation', `<h3>${name}: ${label('operation', lang)}</h3>${chart(week, i)}${chart(heatmap, i)}`));
  out.push(...batteryPages(p.name, batteryOf(p), i, lang, p.finance.currency, { page, chart, esc }));
  out.push(page('money', `<h3>${name}: ${label('money', lang)}</h3>${monthly ? chart(monthly, i) : ''}${charts.money.map((c) => chart(c, i)).join('')}`));
  out.push(page('cashflow-table', `<h3>${name}: ${label('cashFlow', lang)}</h3>${cashFlowTableHtml(p, lang)}`));
  if (charts.risk.length) out.push(page('risk', `<h3>${name}: ${label('tornado', lang)} / ${label('monteCarlo', lang)}</h3>${charts.risk.map((c) => chart(c, i)).join('')}`));
  const cn = p.finance.cn;
  if (cn) out.push(...cnPages(p, lang));
  return out;
}

function cashFlowTableHtml(p: Parameters<typeof cashFlowTable>[0], lang: Lang): string {
  const t = cashFlowTable(p, lang);
  const head = `<tr>${t.columns.map((c) => `<th>${esc(c.label)}${c.unit ? `<div class="unit">${esc(c.unit)}</div>` : ''}</th>`).join('')}</tr>`;
  const cell = (v: number | string | null, j: number) => {
    if (v === null) return '<td class="num">—</td>';
    if (typeof v === 'string') return `<td>${esc(v)}</td>`;
    const digits = j < 2 ? 0 : j === t.columns.length - 1 ? 2 : lang === 'zh' ? 0 : 2;
    return `<td class="num">${formatNumber(v, lang, digits)}</td>`;
  };
  return `<table class="grid cashflow">${head}${t.rows.map((r) => `<tr>${r.map(cell).join('')}</tr>`).join('')}</table>`;
}

function cnPages(p: ResultsPlant, lang: Lang): string[] {
  const cn = p.finance.cn!;
  const currency = p.finance.currency;
  const name = esc(p.name);
  const rows = cnIndicatorRows(cn, lang, currency);
  const intro =
    lang === 'zh'
      ? `基准收益率 i<sub>c</sub> = ${formatPercent(cn.benchmarkRate, lang)}。`
      : `Benchmark rate i<sub>c</sub> = ${formatPercent(cn.benchmarkRate, lang)}.`;
  const table = `<table class="kpi"><tr class="head"><th>${label('indicator', lang)}</th><th>${label('value', lang)}</th><th>${label('benchmark', lang)}</th><th>${label('passes', lang)}</th></tr>${rows
    .map((x) => `<tr><th>${esc(x.name)}</th><td class="num">${esc(x.value)}</td><td class="num">${esc(x.benchmark)}</td><td>${esc(x.passes)}</td></tr>`)
    .join('')}</table>`;
  const out = [page('cn-indicators', `<h3>${name}: ${label('chineseMethod', lang)}</h3><p>${intro}</p>${table}<p class="small">${label('source', lang)}: ${esc(rows[0]?.source ?? '')}</p>`)];
  out.push(
    page(
      'cn-definitions',
      `<h3>${name}: ${label('definition', lang)}</h3><dl class="definitions">${rows.map((x) => `<dt>${esc(x.name)}</dt><dd>${esc(x.definition)}${x.note ? ` <i>${esc(x.note)}</i>` : ''}</dd>`).join('')}</dl>`,
    ),
  );
  for (const s of cn.statements) {
    const t = cnStatementTable(s, lang, currency);
    for (let from = 0; from < t.years.length; from += STATEMENT_YEARS_PER_PAGE) {
      const years = t.years.slice(from, from + STATEMENT_YEARS_PER_PAGE);
      const head = `<tr><th></th><th>${label('unit', lang)}</th>${years.map((y) => `<th>${y}</th>`).join('')}</tr>`;
      const body = t.rows
        .map(
          (r) =>
            `<tr><th>${esc(r.code)} ${esc(r.name)}</th><td class="unit">${esc(r.unit)}</td>${r.values
              .slice(from, from + STATEMENT_YEARS_PER_PAGE)
              .map((v) => `<td class="num">${v === null ? '' : formatNumber(v, lang, r.unit === '–' ? 2 : r.unit === '%' ? 1 : lang === 'zh' ? 0 : 2)}</td>`)
              .join('')}</tr>`,
        )
        .join('');
      const range = lang === 'zh' ? `第 ${years[0]}–${years[years.length - 1]} 年` : `years ${years[0]}–${years[years.length - 1]}`;
      out.push(page('cn-statement', `<h3>${name}: ${esc(t.name)} (${range})</h3><table class="grid statement">${head}${body}</table>`, true));
    }
  }
  return out;
}

export const CSS = `
@page { size: A4; margin: 14mm 14mm 16mm 14mm; }
@page landscape { size: A4 landscape; margin: 12mm; }
* { box-sizing: border-box; }
html { font-family: ${FONT_FAMILY}; color: #1a202c; font-size: 11px; line-height: 1.45; }
body { margin: 0; background: #edf2f7; }
.page { background: #fff; max-width: 210mm; margin: 12px auto; padding: 12mm 14mm; box-shadow: 0 1px 3px rgba(0,0,0,.12); }
.page.landscape { max-width: 297mm; }
h1 { font-size: 28px; margin: 0 0 8px; }
h2 { font-size: 18px; margin: 0 0 8px; border-bottom: 2px solid #2b6cb0; padding-bottom: 4px; }
h3 { font-size: 13px; margin: 10px 0 6px; }
h4 { font-size: 11px; margin: 8px 0 4px; }
p { margin: 4px 0; }
.tech { color: #4a5568; font-weight: normal; font-size: 10px; }
.title-page { padding-top: 60mm; }
.title-page .kicker { color: #2b6cb0; font-weight: bold; letter-spacing: .1em; }
.title-page .project { font-size: 18px; margin-bottom: 16px; }
table { border-collapse: collapse; }
table.meta th { text-align: left; padding: 3px 16px 3px 0; color: #4a5568; font-weight: normal; }
table.kpi { width: 100%; }
table.kpi th, table.kpi td { border-bottom: 1px solid #e2e8f0; padding: 3px 6px; vertical-align: top; }
table.kpi th { text-align: left; font-weight: normal; }
table.kpi tr.head th { font-weight: bold; }
table.compare { table-layout: fixed; }
table.compare tr > th:first-child { width: 28%; }
table.compare th { vertical-align: bottom; }
td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
td.unit, th.unit, div.unit { color: #718096; font-size: 9px; font-weight: normal; white-space: nowrap; }
.two { display: grid; grid-template-columns: 1fr 1fr; gap: 16px; }
table.small, ul.small, .small { font-size: 9.5px; }
table.grid { width: 100%; font-size: 8.5px; }
table.grid th, table.grid td { border: 1px solid #e2e8f0; padding: 1px 3px; }
table.grid th { background: #f7fafc; font-weight: bold; }
table.statement { font-size: 7.5px; }
table.statement tr > th:first-child { text-align: left; font-weight: normal; white-space: nowrap; }
.verdict { margin: 6px 0; }
.note { color: #4a5568; }
table.balance { width: 100%; }
table.balance tr.ended th, table.balance tr.ended td { font-weight: bold; }
figure.chart { margin: 4px 0 10px; break-inside: avoid; }
figure.chart svg { width: 100%; height: auto; display: block; }
figcaption { color: #4a5568; font-size: 9.5px; }
dl.definitions { font-size: 8.5px; margin: 0; }
dl.definitions dt { font-weight: bold; margin-top: 4px; }
dl.definitions dd { margin: 0 0 0 8px; }
ul.conventions li { margin-bottom: 4px; }
@media print {
  body { background: #fff; }
  .page { box-shadow: none; margin: 0; padding: 0; max-width: none; break-after: page; }
  .page:last-child { break-after: auto; }
  .page.landscape { page: landscape; }
}
`;
