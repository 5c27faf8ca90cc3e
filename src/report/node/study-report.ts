/**
 * A study's report as one self-contained HTML file in the frame of the run report (./html.ts: its CSS, A4 pages,
 * charts as inline SVG rendered here with ECharts' SSR); the PDF is this page printed by Chromium (./pdf.ts).
 */
import type { StudyChartData } from '../charts/study.js';
import { studyWord } from '../charts/study.js';
import type { Lang } from '../labels.js';
import { studyPages } from '../study-section.js';
import { CSS } from './html.js';
import { renderChartSvg } from './svg.js';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The study report's own rules: failed cases in the table. */
const STUDY_CSS = `table.study-cases tr.failed td { color: #9b2c2c; } table.study-cases td:last-child { white-space: normal; font-size: 7.5px; }`;

export function studyReportHtml(d: StudyChartData, lang: Lang): string {
  const pages = studyPages(d, lang, {
    esc,
    page: (kind, body, landscape = false) => `<section class="page${landscape ? ' landscape' : ''}" data-page="${kind}">${body}</section>`,
    chart: (id, option, width, height) => `<figure class="chart" data-chart="${id}">${renderChartSvg(option, width, height)}</figure>`,
  });
  return `<!DOCTYPE html>
<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(`${studyWord('study', lang)} — ${d.name}`)}</title>
<style>${CSS}${STUDY_CSS}</style>
</head>
<body>
${pages.join('\n')}
</body>
</html>
`;
}
