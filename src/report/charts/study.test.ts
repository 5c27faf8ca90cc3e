import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { StudyAnalysis } from '../../project/study/analysis.js';
import { exceedance, summarize } from '../../project/study/methods/statistics.js';
import { renderChartSvg } from '../node/svg.js';
import { studyReportHtml } from '../node/study-report.js';
import { paretoChart, paretoIndices, scatterMatrixChart, sobolChart, studyCharts, studyHistogramChart, studyTornadoChart, type StudyChartData } from './study.js';

/** Six cases of two parameters and two outputs (cost to minimise, efficiency to maximise), one failed. */
const CASES = [
  { index: 0, values: [1, 10], outputs: [100, 0.8], error: null },
  { index: 1, values: [2, 20], outputs: [90, 0.7], error: null }, // on the front: cheaper than 0
  { index: 2, values: [3, 30], outputs: [120, 0.75], error: null }, // dominated by 0 (dearer, less efficient)
  { index: 3, values: [4, 40], outputs: [110, 0.85], error: null }, // on the front: most efficient
  { index: 4, values: [5, 50], outputs: null, error: 'case 4: plants[0].finance.discountRate: -3 % is below 0 %' },
  { index: 5, values: [6, 60], outputs: [95, 0.65], error: null }, // dominated by 1
];

function data(analysis: Partial<StudyAnalysis> = {}): StudyChartData {
  const cost = CASES.filter((c) => c.outputs).map((c) => c.outputs![0]);
  return {
    name: 'test study',
    parameters: [
      { name: 'volume', unit: 'm3' },
      { name: 'approach', unit: 'K' },
    ],
    outputs: [
      { name: 'cost', unit: '万元' },
      { name: 'RTE', unit: '' },
    ],
    cases: CASES,
    analysis: {
      design: 'monte-carlo',
      parameters: ['volume', 'approach'],
      cases: 6,
      done: 5,
      failed: [{ index: 4, error: CASES[4].error! }],
      outputs: [
        { name: 'cost', unit: '万元', summary: summarize(cost), undefinedCount: 0, exceedance: exceedance(cost, 100) },
        { name: 'RTE', unit: '', summary: summarize(CASES.filter((c) => c.outputs).map((c) => c.outputs![1])), undefinedCount: 0 },
      ],
      ...analysis,
    },
  };
}

test('the Pareto front of cost (min) and efficiency (max) is the cases no other case beats in both', () => {
  assert.deepEqual([...paretoIndices(data(), 0, 1, ['min', 'max'])].sort(), [0, 1, 3]);
  const o = paretoChart(data(), 'en', { a: 0, b: 1, goals: ['min', 'max'] }) as { series: { data: number[][] }[]; xAxis: { name: string } };
  assert.deepEqual(o.series[1].data.map((p) => p[2]), [1, 0, 3], 'the front drawn by increasing cost');
  assert.deepEqual(o.series[0].data.map((p) => p[2]), [2, 5], 'the dominated cases, faint; the failed case nowhere');
  assert.equal(o.xAxis.name, 'cost (万元)');
});

test('Sobol bars are the first- and total-order estimates and each whisker spans its confidence interval', () => {
  const sobol = {
    first: [{ value: 0.31, low: 0.25, high: 0.37 }, { value: 0.44, low: 0.39, high: 0.5 }],
    total: [{ value: 0.56, low: 0.5, high: 0.61 }, { value: 0.44, low: 0.4, high: 0.48 }],
    mean: 3.5, variance: 13.8, n: 1024, bootstrap: 200, confidence: 0.95,
  };
  const d = data();
  const a = { ...d.analysis, design: 'saltelli' as const, outputs: [{ ...d.analysis.outputs[0], sobol }, d.analysis.outputs[1]] };
  const o = sobolChart({ ...d, analysis: a }, 0, 'zh') as { series: { data: unknown[] }[]; title: { subtext: string }; yAxis: { min: number; max: number }[] };
  assert.deepEqual(o.yAxis.map((y) => [y.min, y.max]), [[0, 1], [0, 1]], 'both panels 0 … 1 when every interval lies inside');
  const wide = sobolChart({ ...d, analysis: { ...a, outputs: [{ ...a.outputs[0], sobol: { ...sobol, first: [{ value: 0.8, low: 0.25, high: 1.187 }, { value: 0.2, low: -0.16, high: 0.7 }] } }, a.outputs[1]] } }, 0, 'en') as { yAxis: { min: number; max: number }[] };
  assert.deepEqual(wide.yAxis.map((y) => [y.min, y.max]), [[-0.2, 1.2], [-0.2, 1.2]], 'widened to whole tenths so no whisker is cut');
  assert.deepEqual(o.series[0].data, [0.31, 0.44]);
  assert.deepEqual(o.series[1].data, [['volume', 0.25], ['volume', 0.37], ['volume', '-'], ['approach', 0.39], ['approach', 0.5], ['approach', '-']]);
  assert.deepEqual(o.series[2].data, [0.56, 0.44]);
  assert.match(o.title.subtext, /N = 1024，95 % 置信区间（自助法 200 次）/);
});

test('the histogram marks P10, P50 and P90 of the output and names P(output > threshold) in its title', () => {
  const d = data();
  const o = studyHistogramChart(d, 0, 'en') as { series: { data: number[][]; markLine: { data: { name: string; xAxis: number }[] } }[]; title: { text: string } };
  const q = d.analysis.outputs[0].summary!.quantiles;
  assert.deepEqual(o.series[0].markLine.data.map((m) => [m.name, m.xAxis]), [['P10', q[0].value], ['P50', q[1].value], ['P90', q[2].value]]);
  assert.equal(o.series[0].data.reduce((n, b) => n + b[1], 0), 5, 'every case with a value in a bin');
  assert.match(o.title.text, /cost: P\(cost > 100\) = 40(\.0)? ?%/, '2 of 5 costs above 100');
});

test('the scatter matrix draws each output against each parameter over the cases with a value', () => {
  const o = scatterMatrixChart(data(), 'en') as { series: { data: number[][]; xAxisIndex: number }[]; grid: unknown[] };
  assert.equal(o.grid.length, 4);
  assert.deepEqual(o.series.map((s) => s.data.length), [5, 5, 5, 5]);
  assert.deepEqual(o.series[1].data.map((p) => p.slice(0, 2)), [[10, 100], [20, 90], [30, 120], [40, 110], [60, 95]], 'approach against cost');
});

test('the tornado names each parameter with its low and high value and draws the change from the base case', () => {
  const tornadoCases = [
    { index: 0, values: [2, 5], outputs: [100], error: null },
    { index: 1, values: [1, 5], outputs: [90], error: null },
    { index: 2, values: [3, 5], outputs: [130], error: null },
    { index: 3, values: [2, 4], outputs: [98], error: null },
    { index: 4, values: [2, 6], outputs: [101], error: null },
  ];
  const d: StudyChartData = {
    ...data(),
    outputs: [{ name: 'cost', unit: '万元' }],
    cases: tornadoCases,
    analysis: {
      design: 'tornado', parameters: ['volume', 'approach'], cases: 5, done: 5, failed: [],
      outputs: [{ name: 'cost', unit: '万元', summary: summarize([100, 90, 130, 98, 101]), undefinedCount: 0, tornado: { base: 100, bars: [{ index: 0, name: 'volume', low: 90, high: 130, swing: 40 }, { index: 1, name: 'approach', low: 98, high: 101, swing: 3 }] } }],
    },
  };
  const o = studyTornadoChart(d, 0, 'en') as { yAxis: { data: string[] }; series: { data: number[] }[] };
  assert.deepEqual(o.yAxis.data, ['approach 4 K / 6 K', 'volume 1 m3 / 3 m3'], 'the widest swing on top (drawn last)');
  assert.deepEqual(o.series[0].data, [-2, -10]);
  assert.deepEqual(o.series[1].data, [1, 30]);
  assert.deepEqual(studyCharts(d, 'en').map((c) => c.id), ['tornado-0']);
});

test('a Monte Carlo study charts a histogram per output and the scatter matrix, rendered to SVG with the Chinese words', () => {
  const charts = studyCharts(data(), 'zh');
  assert.deepEqual(charts.map((c) => c.id), ['histogram-0', 'histogram-1', 'scatter-matrix']);
  const svg = renderChartSvg(charts[2].option, 900, charts[2].height);
  assert.match(svg, /参数与输出散点矩阵/);
  assert.match(svg, /cost \(万元\)/);
});

test('the study report has the outputs\' P10/P50/P90, every chart and every case, a failed one with its error', () => {
  const html = studyReportHtml(data(), 'en');
  for (const id of ['histogram-0', 'histogram-1', 'scatter-matrix']) assert.match(html, new RegExp(`data-chart="${id}"`));
  assert.equal((html.match(/<tr( class="failed")?><td class="num">\d+<\/td>/g) ?? []).length, 6);
  assert.match(html, /<tr class="failed"><td class="num">4<\/td>.*below 0 %/);
  assert.match(html, /<th>cost<\/th><td class="unit">万元<\/td><td class="num">92<\/td>/, 'P10 of 90, 95, 100, 110, 120 (type 7) is 92');
});
