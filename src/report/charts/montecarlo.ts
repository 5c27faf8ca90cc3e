/**
 * The Monte Carlo histogram of the project NPV after tax: the draws in bins, vertical lines at P10, P50 and P90
 * (percentiles of the draws, type 7 as src/finance/montecarlo.ts), and the probability that NPV > 0 in the title.
 * The draws are in the results when the Monte Carlo kept its samples; without them the chart shows the three
 * percentiles of the summary and says that the draws are missing.
 */
import type { EChartsOption } from 'echarts';
import { percentile } from '../../finance/montecarlo.js';
import { formatPercent, formatValue } from '../display.js';
import { label, type Lang } from '../labels.js';
import type { ResultsPlant } from '../results.js';
import { axisName, baseOption, COLORS, round } from './common.js';
import { metricAxis } from './tornado.js';

export interface Histogram {
  /** Bin edges in the metric's unit (n + 1). */
  readonly edges: number[];
  readonly counts: number[];
}

/** Equal bins over [min, max], about √n of them (between 10 and 40). */
export function histogram(values: readonly number[], bins = Math.min(40, Math.max(10, Math.round(Math.sqrt(values.length))))): Histogram {
  const min = Math.min(...values);
  const max = Math.max(...values);
  const width = max > min ? (max - min) / bins : 1;
  const edges = Array.from({ length: bins + 1 }, (_, k) => min + k * width);
  const counts = new Array<number>(bins).fill(0);
  for (const v of values) counts[Math.min(bins - 1, Math.floor((v - min) / width))] += 1;
  return { edges, counts };
}

/** The draws of a metric (null draws, where it did not exist, left out), or undefined when none were kept. */
export function metricDraws(plant: Pick<ResultsPlant, 'finance'>, metric = 'npv'): number[] | undefined {
  const kept = plant.finance.monteCarlo?.samples?.metrics[metric];
  if (!kept) return undefined;
  return Array.from(kept as ArrayLike<number | null>).filter((v): v is number => v !== null && Number.isFinite(v));
}

/** P10, P50, P90 of the draws and P(metric > 0). */
export function drawStatistics(draws: readonly number[]): { readonly p10: number; readonly p50: number; readonly p90: number; readonly positive: number } {
  const sorted = Float64Array.from(draws).sort();
  return {
    p10: percentile(sorted, 0.1),
    p50: percentile(sorted, 0.5),
    p90: percentile(sorted, 0.9),
    positive: draws.filter((v) => v > 0).length / draws.length,
  };
}

/** Without draws the axis has no data to span: the percentiles' range with a margin, so their lines show. */
function spanOf(xs: number[]): { min?: number; max?: number } {
  if (xs.length === 0) return {};
  const lo = Math.min(...xs);
  const hi = Math.max(...xs);
  const pad = (hi - lo) * 0.5 || Math.abs(hi) * 0.1 || 1;
  return { min: round(lo - pad, 3), max: round(hi + pad, 3) };
}

export function monteCarloChart(plant: Pick<ResultsPlant, 'name' | 'finance'>, lang: Lang): EChartsOption {
  const mc = plant.finance.monteCarlo;
  if (!mc) throw new RangeError(`${plant.name}: no Monte Carlo in the results (add a monteCarlo section to the plant's finance)`);
  const currency = plant.finance.currency;
  const axis = metricAxis('npv', lang, currency);
  const draws = metricDraws(plant);
  const summary = mc.metrics.npv;
  const stats = draws && draws.length > 0 ? drawStatistics(draws) : undefined;
  const p = stats ?? { p10: summary?.p10, p50: summary?.p50, p90: summary?.p90, positive: undefined };
  const probability = stats ? formatPercent(stats.positive, lang) : '—';
  const title = `${label('monteCarlo', lang)} — ${plant.name}: ${label('probabilityNpvPositive', lang)} = ${probability}`;
  const n = draws?.length ?? summary?.count ?? 0;
  const subtitle = draws
    ? lang === 'zh'
      ? `${axis.name}分布，${n} 次抽样；P10 ${formatValue(p.p10, 'money', lang, currency)}，P50 ${formatValue(p.p50, 'money', lang, currency)}，P90 ${formatValue(p.p90, 'money', lang, currency)}`
      : `${axis.name} over ${n} draws; P10 ${formatValue(p.p10, 'money', lang, currency)}, P50 ${formatValue(p.p50, 'money', lang, currency)}, P90 ${formatValue(p.p90, 'money', lang, currency)}`
    : lang === 'zh'
      ? '结果中未保存抽样值，仅显示 P10/P50/P90'
      : 'the draws were not kept in the results: P10/P50/P90 only';
  const h = draws && draws.length > 0 ? histogram(draws) : { edges: [], counts: [] };
  const marks = (['p10', 'p50', 'p90'] as const)
    .filter((k) => p[k] !== undefined)
    .map((k) => ({ name: k.toUpperCase(), xAxis: axis.scale(p[k] as number), label: { formatter: k.toUpperCase() } }));
  return {
    ...baseOption(title, subtitle),
    tooltip: { trigger: 'item', confine: true },
    grid: { left: 70, right: 40, top: 70, bottom: 70 },
    xAxis: { type: 'value', name: axisName(axis.name, axis.unit), nameLocation: 'middle', nameGap: 26, scale: true, ...(draws ? {} : spanOf(marks.map((m) => m.xAxis))) },
    yAxis: { type: 'value', name: axisName(label('draws', lang), '–') },
    series: [
      {
        name: label('draws', lang),
        type: 'bar',
        color: COLORS.histogram,
        barWidth: '96%',
        // [bin centre, count]: bars on a value axis, so the percentile lines sit at their true values
        data: h.counts.map((count, k) => [round(axis.scale((h.edges[k] + h.edges[k + 1]) / 2)), count]),
        markLine: { symbol: 'none', silent: true, lineStyle: { color: COLORS.cumulative, type: 'dashed' }, data: marks },
      },
    ],
  };
}
