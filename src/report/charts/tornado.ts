/**
 * The tornado: each uncertain input at its low and its high value with all others at base, the change of the
 * metric against its base value as two bars per input, the widest swing on top (the order of the results, which
 * src/finance/sensitivity.ts sorts by swing).
 */
import type { EChartsOption } from 'echarts';
import { formatValue, moneyUnit, priceUnit, MWH, type DisplayKind } from '../display.js';
import { label, labelOr, type Lang, type LabelKey } from '../labels.js';
import type { ResultsPlant } from '../results.js';
import { axisName, baseOption, COLORS, round } from './common.js';

/** How each finance metric (src/finance/knobs.ts FINANCE_METRICS) is named and shown. */
export const METRIC_DISPLAY: Readonly<Record<string, { readonly key: LabelKey; readonly kind: DisplayKind }>> = {
  npv: { key: 'npvProjectAfterTax', kind: 'money' },
  npvEquity: { key: 'npvEquity', kind: 'money' },
  projectIrr: { key: 'irrProjectAfterTax', kind: 'fraction' },
  equityIrr: { key: 'irrEquity', kind: 'fraction' },
  lcos: { key: 'lcosSchmidt', kind: 'pricePerEnergy' },
  minDscr: { key: 'minDscr', kind: 'ratio' },
};

/** The metric's value in its axis unit, and that unit. */
export function metricAxis(metric: string, lang: Lang, currency: string): { readonly name: string; readonly unit: string; readonly scale: (v: number) => number; readonly kind: DisplayKind } {
  const m = METRIC_DISPLAY[metric] ?? { key: 'npvProjectAfterTax', kind: 'money' as const };
  const name = label(m.key, lang);
  switch (m.kind) {
    case 'money': {
      const u = moneyUnit(lang, currency);
      return { name, unit: u.unit, scale: (v) => v / u.factor, kind: m.kind };
    }
    case 'fraction':
      return { name, unit: '%', scale: (v) => v * 100, kind: m.kind };
    case 'pricePerEnergy':
      return { name, unit: priceUnit(lang, currency), scale: (v) => v * MWH, kind: m.kind };
    default:
      return { name, unit: '–', scale: (v) => v, kind: m.kind };
  }
}

/** "Capex ×0.8 / ×1.2" or "Discount rate 4 % / 8 %": the input and its two values. */
function rowName(name: string, low: number, high: number, lang: Lang): string {
  const rate = name === 'discountRate' || name === 'debtInterestRate' || name === 'incomeTaxRate';
  const v = (x: number) => (rate ? formatValue(x, 'fraction', lang) : `×${round(x, 3)}`);
  return `${labelOr(name, lang)} ${v(low)} / ${v(high)}`;
}

export function tornadoChart(plant: Pick<ResultsPlant, 'name' | 'finance'>, lang: Lang): EChartsOption {
  const t = plant.finance.tornado;
  if (!t) throw new RangeError(`${plant.name}: no sensitivity in the results (add a sensitivity section to the plant's finance)`);
  // the results name their metric when the lead's evaluate passes it through; NPV is the finance section's default
  const metric = (t as { metric?: string }).metric ?? 'npv';
  const axis = metricAxis(metric, lang, plant.finance.currency);
  // ECharts draws the first category at the bottom: reversed so the widest swing is on top
  const bars = [...t.bars].reverse();
  const delta = (v: number | undefined) => (v === undefined || t.base === undefined ? null : round(axis.scale(v) - axis.scale(t.base)));
  const base = t.base === undefined ? '—' : formatValue(t.base, axis.kind, lang, plant.finance.currency);
  const title = `${label('tornado', lang)} — ${plant.name}`;
  const subtitle = lang === 'zh' ? `${axis.name}相对基准值 ${base} 的变化` : `change of ${axis.name} from its base value ${base}`;
  return {
    ...baseOption(title, subtitle),
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, confine: true },
    grid: { left: 210, right: 40, top: 64, bottom: 70 },
    xAxis: { type: 'value', name: axisName(`Δ ${axis.name}`, axis.unit), nameLocation: 'middle', nameGap: 26 },
    yAxis: { type: 'category', data: bars.map((b) => rowName(b.name, b.low, b.high, lang)), axisLabel: { fontSize: 11 } },
    series: [
      { name: label('atLow', lang), type: 'bar', color: COLORS.low, barGap: '-100%', barWidth: '55%', data: bars.map((b) => delta(b.metricAtLow)) },
      { name: label('atHigh', lang), type: 'bar', color: COLORS.high, barGap: '-100%', barWidth: '55%', data: bars.map((b) => delta(b.metricAtHigh)) },
    ],
  };
}
