/**
 * The charts of a design-space study (src/project/study): the Pareto front of two outputs (every case faint, the
 * non-dominated ones strong), Sobol first- and total-order indices with their confidence intervals, Morris μ* against
 * σ, the tornado of the study's parameters, a scatter matrix of parameters against outputs, and the histogram of an
 * output with its P10/P50/P90 (and P(output > threshold) where the study asked for it). Values are in the units the
 * study file gave its parameters and outputs, named on every axis. Browser-safe: plain option objects, no functions
 * (the web app and the report's SVG rendering take the same options); only bar, line and scatter series.
 */
import type { EChartsOption } from 'echarts';
import type { StudyAnalysis } from '../../project/study/analysis.js';
import { dominates } from '../../project/study/methods/pareto.js';
import { formatNumber, formatPercent } from '../display.js';
import type { Lang } from '../labels.js';
import { axisName, baseOption, COLORS, PALETTE, round } from './common.js';
import { histogram } from './montecarlo.js';

/** A parameter or output of the study: its name and unit ("" = a bare number); a parameter of choices names them. */
export interface StudyColumn {
  readonly name: string;
  readonly unit: string;
  readonly words?: readonly (string | number | boolean)[];
}

/** A finished case as the store and the API keep it: values and outputs in their columns' units. */
export interface StudyCaseRow {
  readonly index: number;
  readonly values: readonly number[];
  readonly outputs: readonly (number | null)[] | null;
  readonly error: string | null;
}

/** What the study charts read: the columns, the finished cases and the analysis (src/project/study/analysis.ts). */
export interface StudyChartData {
  readonly name: string;
  readonly parameters: readonly StudyColumn[];
  readonly outputs: readonly StudyColumn[];
  readonly cases: readonly StudyCaseRow[];
  readonly analysis: StudyAnalysis;
  /** The NSGA-II objectives (the Pareto chart's axes and their directions). */
  readonly objectives?: readonly { readonly output: string; readonly goal: 'min' | 'max' }[];
}

/** The words of the study charts, section and page (English, Chinese). */
export const STUDY_WORDS = {
  study: ['Study', '研究'],
  cases: ['Cases', '算例'],
  case: ['case', '算例'],
  pareto: ['Pareto front', '帕累托前沿'],
  paretoFront: ['non-dominated', '非劣解'],
  dominated: ['dominated', '劣解'],
  allCases: ['all cases', '全部算例'],
  sobol: ['Sobol indices', 'Sobol 指数'],
  firstOrder: ['first order S1', '一阶 S1'],
  totalOrder: ['total order ST', '总阶 ST'],
  interval: ['confidence interval', '置信区间'],
  morris: ['Morris screening', 'Morris 筛选'],
  tornado: ['Tornado', '龙卷风图'],
  atLow: ['parameter at its low value', '参数取低值'],
  atHigh: ['parameter at its high value', '参数取高值'],
  scatter: ['Parameters against outputs', '参数与输出散点矩阵'],
  histogram: ['Distribution', '分布'],
  count: ['cases', '算例数'],
  index: ['index', '指数'],
} as const satisfies Record<string, readonly [string, string]>;

export type StudyWord = keyof typeof STUDY_WORDS;

export function studyWord(key: StudyWord, lang: Lang): string {
  return STUDY_WORDS[key][lang === 'zh' ? 1 : 0];
}

/** Colours of the study charts: the front strong, other cases faint; first and total order as low and high. */
export const STUDY_COLORS = { front: '#dd6b20', dominated: '#a0aec0', first: COLORS.low, total: COLORS.high, whisker: '#1a202c', point: '#2b6cb0' } as const;

const colName = (c: StudyColumn) => axisName(c.name, c.unit);
const casesText = (n: number, lang: Lang) => (lang === 'zh' ? `${n} 个算例` : `${n} case${n === 1 ? '' : 's'}`);
const finite = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v);

/** The output's values over the cases that have one (failed cases and undefined values left out), case by case. */
export function outputValues(d: Pick<StudyChartData, 'cases'>, k: number): { index: number; value: number }[] {
  return d.cases.filter((c) => c.outputs && finite(c.outputs[k])).map((c) => ({ index: c.index, value: c.outputs![k] as number }));
}

/**
 * The cases not dominated in outputs (a, b) under their goals (min or max each), among the cases with both values;
 * an NSGA-II study's own front (the analysis) where it has one.
 */
export function paretoIndices(d: StudyChartData, a: number, b: number, goals: readonly ['min' | 'max', 'min' | 'max']): Set<number> {
  if (d.analysis.front && d.objectives && d.objectives.length === 2) return new Set(d.analysis.front.map((p) => p.index));
  const sign = goals.map((g) => (g === 'max' ? -1 : 1));
  const points = d.cases.filter((c) => c.outputs && finite(c.outputs[a]) && finite(c.outputs[b])).map((c) => ({ index: c.index, f: [sign[0] * c.outputs![a]!, sign[1] * c.outputs![b]!] }));
  return new Set(points.filter((p) => !points.some((q) => dominates(q.f, p.f))).map((p) => p.index));
}

/** The two outputs of the Pareto chart: the NSGA-II objectives, else the first two outputs, both minimised. */
export function paretoAxes(d: StudyChartData): { a: number; b: number; goals: ['min' | 'max', 'min' | 'max'] } | undefined {
  const o = d.objectives;
  if (o && o.length >= 2) {
    const a = d.outputs.findIndex((x) => x.name === o[0].output);
    const b = d.outputs.findIndex((x) => x.name === o[1].output);
    if (a >= 0 && b >= 0) return { a, b, goals: [o[0].goal, o[1].goal] };
  }
  return d.outputs.length >= 2 ? { a: 0, b: 1, goals: ['min', 'min'] } : undefined;
}

export function paretoChart(d: StudyChartData, lang: Lang, axes = paretoAxes(d)): EChartsOption {
  if (!axes) throw new RangeError(`${d.name}: a Pareto front needs two outputs`);
  const { a, b, goals } = axes;
  const front = paretoIndices(d, a, b, goals);
  const both = d.cases.filter((c) => c.outputs && finite(c.outputs[a]) && finite(c.outputs[b]));
  const point = (c: StudyCaseRow) => [round(c.outputs![a]!), round(c.outputs![b]!), c.index];
  const onFront = both.filter((c) => front.has(c.index)).sort((x, y) => x.outputs![a]! - y.outputs![a]!);
  const goal = (g: 'min' | 'max') => (lang === 'zh' ? (g === 'min' ? '越小越好' : '越大越好') : g === 'min' ? 'lower is better' : 'higher is better');
  const subtitle = `${d.outputs[a].name}: ${goal(goals[0])}; ${d.outputs[b].name}: ${goal(goals[1])} — ${onFront.length} / ${both.length} ${studyWord('paretoFront', lang)}`;
  return {
    ...baseOption(`${studyWord('pareto', lang)} — ${d.name}`, subtitle),
    tooltip: { trigger: 'item', confine: true },
    grid: { left: 80, right: 40, top: 70, bottom: 70 },
    xAxis: { type: 'value', scale: true, name: colName(d.outputs[a]), nameLocation: 'middle', nameGap: 28 },
    yAxis: { type: 'value', scale: true, name: colName(d.outputs[b]), nameLocation: 'middle', nameGap: 56 },
    series: [
      { name: studyWord('dominated', lang), type: 'scatter', symbolSize: 6, color: STUDY_COLORS.dominated, itemStyle: { opacity: 0.45 }, data: both.filter((c) => !front.has(c.index)).map(point) },
      { name: studyWord('paretoFront', lang), type: 'line', step: false, symbolSize: 9, color: STUDY_COLORS.front, lineStyle: { width: 1.5 }, data: onFront.map(point) },
    ],
  };
}

/** Two panels (first order | total order) of bars with their confidence intervals as whiskers. */
export function sobolChart(d: StudyChartData, k: number, lang: Lang): EChartsOption {
  const s = d.analysis.outputs[k]?.sobol;
  if (!s) throw new RangeError(`${d.name}: no Sobol indices of ${d.outputs[k]?.name ?? k} (a saltelli design computes them once every case is done)`);
  const names = d.parameters.map((p) => p.name);
  const panel = (est: readonly { value: number; low: number; high: number }[], i: number, color: string, word: StudyWord) => ({
    bars: { name: studyWord(word, lang), type: 'bar' as const, xAxisIndex: i, yAxisIndex: i, color, barWidth: '50%', data: est.map((e) => round(e.value, 4)) },
    // one line through every interval, broken between parameters ('-' is ECharts' empty value)
    whiskers: {
      name: studyWord('interval', lang),
      type: 'line' as const,
      xAxisIndex: i,
      yAxisIndex: i,
      color: STUDY_COLORS.whisker,
      symbol: 'rect',
      symbolSize: [10, 2],
      lineStyle: { width: 1.5 },
      connectNulls: false,
      data: est.flatMap((e, j) => [[names[j], round(e.low, 4)], [names[j], round(e.high, 4)], [names[j], '-']]),
    },
  });
  const first = panel(s.first, 0, STUDY_COLORS.first, 'firstOrder');
  const total = panel(s.total, 1, STUDY_COLORS.total, 'totalOrder');
  const ci = `${Math.round(s.confidence * 100)} % ${studyWord('interval', lang)}`;
  const subtitle = lang === 'zh' ? `${d.outputs[k].name}；N = ${s.n}，${ci}（自助法 ${s.bootstrap} 次）` : `${d.outputs[k].name}; N = ${s.n}, ${ci} (${s.bootstrap} bootstrap resamples)`;
  const category = (i: number) => ({ type: 'category' as const, gridIndex: i, data: names, axisLabel: { fontSize: 11, interval: 0 } });
  // both panels on one scale: 0 … 1 widened to whole tenths where an interval reaches beyond (small samples do)
  const all = [...s.first, ...s.total];
  const lo = Math.min(0, Math.floor(Math.min(...all.map((e) => e.low)) * 10) / 10);
  const hi = Math.max(1, Math.ceil(Math.max(...all.map((e) => e.high)) * 10) / 10);
  const value = (i: number, word: StudyWord) => ({ type: 'value' as const, gridIndex: i, min: round(lo, 3), max: round(hi, 3), name: studyWord(word, lang), nameGap: 10 });
  return {
    ...baseOption(`${studyWord('sobol', lang)} — ${d.outputs[k].name}`, subtitle),
    tooltip: { trigger: 'item', confine: true },
    grid: [
      { left: 60, right: '53%', top: 80, bottom: 70 },
      { left: '55%', right: 30, top: 80, bottom: 70 },
    ],
    xAxis: [category(0), category(1)],
    yAxis: [value(0, 'firstOrder'), value(1, 'totalOrder')],
    series: [first.bars, first.whiskers, total.bars, total.whiskers],
  };
}

/** Morris screening: μ* (importance) against σ (non-linearity, interactions), one labelled point per parameter. */
export function morrisChart(d: StudyChartData, k: number, lang: Lang): EChartsOption {
  const m = d.analysis.outputs[k]?.morris;
  if (!m) throw new RangeError(`${d.name}: no Morris indices of ${d.outputs[k]?.name ?? k}`);
  const unit = d.outputs[k].unit;
  return {
    ...baseOption(`${studyWord('morris', lang)} — ${d.outputs[k].name}`, lang === 'zh' ? '效应按参数全范围计；σ 大表示非线性或交互作用' : 'effects per whole parameter range; a large σ means non-linearity or interactions'),
    tooltip: { trigger: 'item', confine: true },
    grid: { left: 80, right: 40, top: 70, bottom: 70 },
    xAxis: { type: 'value', name: axisName('μ*', unit), nameLocation: 'middle', nameGap: 28, min: 0 },
    yAxis: { type: 'value', name: axisName('σ', unit), nameLocation: 'middle', nameGap: 56, min: 0 },
    series: d.parameters.map((p, i) => ({
      name: p.name,
      type: 'scatter' as const,
      color: PALETTE[i % PALETTE.length],
      symbolSize: 11,
      label: { show: true, position: 'right' as const, formatter: p.name, fontSize: 11 },
      data: [[round(m.muStar[i]), round(m.sigma[i])]],
    })),
  };
}

/** The tornado of a study's output: each parameter at its low and high value (the others at their median). */
export function studyTornadoChart(d: StudyChartData, k: number, lang: Lang): EChartsOption {
  const t = d.analysis.outputs[k]?.tornado;
  if (!t) throw new RangeError(`${d.name}: no tornado of ${d.outputs[k]?.name ?? k}`);
  const out = d.outputs[k];
  const byIndex = new Map(d.cases.map((c) => [c.index, c]));
  const valueText = (i: number, row: number) => {
    const c = byIndex.get(row);
    if (!c) return '—';
    const p = d.parameters[i];
    return p.words ? String(p.words[c.values[i]]) : `${formatNumber(c.values[i], lang, 3, true)}${p.unit ? ` ${p.unit}` : ''}`;
  };
  const bars = [...t.bars].reverse(); // ECharts draws the first category at the bottom
  const subtitle = lang === 'zh' ? `${out.name} 相对基准值 ${formatNumber(t.base, lang, 4, true)} ${out.unit} 的变化` : `change of ${out.name} from its base value ${formatNumber(t.base, lang, 4, true)} ${out.unit}`;
  return {
    ...baseOption(`${studyWord('tornado', lang)} — ${out.name}`, subtitle),
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, confine: true },
    grid: { left: 220, right: 40, top: 64, bottom: 70 },
    xAxis: { type: 'value', name: axisName(`Δ ${out.name}`, out.unit), nameLocation: 'middle', nameGap: 26 },
    yAxis: { type: 'category', data: bars.map((b) => `${b.name} ${valueText(b.index, 1 + 2 * b.index)} / ${valueText(b.index, 2 + 2 * b.index)}`), axisLabel: { fontSize: 11 } },
    series: [
      { name: studyWord('atLow', lang), type: 'bar', color: COLORS.low, barGap: '-100%', barWidth: '55%', data: bars.map((b) => round(b.low - t.base)) },
      { name: studyWord('atHigh', lang), type: 'bar', color: COLORS.high, barGap: '-100%', barWidth: '55%', data: bars.map((b) => round(b.high - t.base)) },
    ],
  };
}

/** Most parameters and outputs one scatter matrix shows (the first ones; a larger study shows a part). */
export const SCATTER_MATRIX_MAX = { parameters: 6, outputs: 4 } as const;

/** A small scatter plot of each output (rows) against each parameter (columns), over the cases with a value. */
export function scatterMatrixChart(d: StudyChartData, lang: Lang): EChartsOption {
  const ps = d.parameters.slice(0, SCATTER_MATRIX_MAX.parameters);
  const os = d.outputs.slice(0, SCATTER_MATRIX_MAX.outputs);
  // percentages of the chart (ECharts takes no calc()): 12 % above for the title, 9 % below for the names, 8 % left
  const colW = 90 / ps.length;
  const rowH = 79 / os.length;
  const pct = (v: number) => `${round(v, 4)}%`;
  const grid: object[] = [];
  const xAxis: object[] = [];
  const yAxis: object[] = [];
  const series: object[] = [];
  os.forEach((o, r) => {
    ps.forEach((p, c) => {
      const g = grid.length;
      grid.push({ left: pct(8 + c * colW), width: pct(colW - 2.5), top: pct(12 + r * rowH), height: pct(rowH - 4) });
      xAxis.push({ type: 'value', gridIndex: g, scale: true, name: r === os.length - 1 ? colName(p) : '', nameLocation: 'middle', nameGap: 22, axisLabel: { fontSize: 9, show: r === os.length - 1 }, splitLine: { show: false } });
      yAxis.push({ type: 'value', gridIndex: g, scale: true, name: c === 0 ? colName(o) : '', nameLocation: 'middle', nameGap: 50, nameTextStyle: { fontSize: 10 }, axisLabel: { fontSize: 9, show: c === 0 }, splitLine: { show: false } });
      const k = d.outputs.indexOf(o);
      const i = d.parameters.indexOf(p);
      series.push({
        name: o.name,
        type: 'scatter',
        xAxisIndex: g,
        yAxisIndex: g,
        symbolSize: 4,
        color: PALETTE[r % PALETTE.length],
        data: d.cases.filter((x) => x.outputs && finite(x.outputs[k])).map((x) => [round(x.values[i]), round(x.outputs![k]!), x.index]),
      });
    });
  });
  const shown = d.parameters.length > ps.length || d.outputs.length > os.length ? (lang === 'zh' ? `（仅显示前 ${ps.length} 个参数、${os.length} 个输出）` : ` (the first ${ps.length} parameters and ${os.length} outputs)`) : '';
  const subtitle = `${casesText(outputValues(d, 0).length, lang)}${shown}`;
  const option: EChartsOption = { ...baseOption(`${studyWord('scatter', lang)} — ${d.name}`, subtitle), tooltip: { trigger: 'item', confine: true }, grid, xAxis, yAxis, series } as EChartsOption;
  delete (option as { legend?: unknown }).legend;
  return option;
}

/** The histogram of one output over the cases, its P10/P50/P90 marked, and P(output > threshold) where computed. */
export function studyHistogramChart(d: StudyChartData, k: number, lang: Lang): EChartsOption {
  const out = d.outputs[k];
  const a = d.analysis.outputs[k];
  const values = outputValues(d, k).map((v) => v.value);
  if (!a?.summary || values.length === 0) throw new RangeError(`${d.name}: no values of ${out?.name ?? k} to draw`);
  const h = histogram(values);
  const marks = a.summary.quantiles.map((q) => ({ name: `P${Math.round(q.p * 100)}`, xAxis: round(q.value), label: { formatter: `P${Math.round(q.p * 100)}` } }));
  const fmt = (v: number) => `${formatNumber(v, lang, 4, true)}${out.unit ? ` ${out.unit}` : ''}`;
  const quantiles = a.summary.quantiles.map((q) => `P${Math.round(q.p * 100)} ${fmt(q.value)}`).join(lang === 'zh' ? '，' : ', ');
  const e = a.exceedance;
  const probability = e ? `: P(${out.name} > ${formatNumber(e.threshold, lang, 4, true)}) = ${formatPercent(e.probability, lang)}` : '';
  return {
    ...baseOption(`${studyWord('histogram', lang)} — ${out.name}${probability}`, `${casesText(values.length, lang)}${lang === 'zh' ? '；' : '; '}${quantiles}`),
    tooltip: { trigger: 'item', confine: true },
    grid: { left: 70, right: 40, top: 70, bottom: 70 },
    xAxis: { type: 'value', scale: true, name: colName(out), nameLocation: 'middle', nameGap: 26 },
    yAxis: { type: 'value', name: studyWord('count', lang), minInterval: 1 },
    series: [
      {
        name: studyWord('count', lang),
        type: 'bar',
        color: COLORS.histogram,
        barWidth: '96%',
        data: h.counts.map((count, j) => [round((h.edges[j] + h.edges[j + 1]) / 2), count]),
        markLine: { symbol: 'none', silent: true, lineStyle: { color: COLORS.cumulative, type: 'dashed' }, data: marks },
      },
    ],
  };
}

/** A chart of the study with a stable id (for the page, the report and the tests) and its size in the report. */
export interface StudyChart {
  readonly id: string;
  readonly option: EChartsOption;
  readonly height: number;
}

/** Every chart the study's design and results make, in reading order. */
export function studyCharts(d: StudyChartData, lang: Lang): StudyChart[] {
  const out: StudyChart[] = [];
  const kind = d.analysis.design;
  if (kind === 'nsga2' && paretoAxes(d)) out.push({ id: 'pareto', option: paretoChart(d, lang), height: 420 });
  d.analysis.outputs.forEach((a, k) => {
    if (a.sobol) out.push({ id: `sobol-${k}`, option: sobolChart(d, k, lang), height: 360 });
    if (a.morris) out.push({ id: `morris-${k}`, option: morrisChart(d, k, lang), height: 360 });
    if (a.tornado) out.push({ id: `tornado-${k}`, option: studyTornadoChart(d, k, lang), height: 120 + 34 * d.parameters.length });
    if ((kind === 'monte-carlo' || kind === 'lhs' || kind === 'sobol') && a.summary) out.push({ id: `histogram-${k}`, option: studyHistogramChart(d, k, lang), height: 340 });
  });
  if (kind !== 'tornado' && outputValues(d, 0).length >= 2) {
    const rows = Math.min(d.outputs.length, SCATTER_MATRIX_MAX.outputs);
    out.push({ id: 'scatter-matrix', option: scatterMatrixChart(d, lang), height: 90 + 170 * rows });
  }
  return out;
}
