/**
 * What every chart shares: fonts that carry Chinese, the colours of each quantity (the same colour means the same
 * thing on every chart), the title block and an axis name with its unit.
 */
import type { EChartsOption } from 'echarts';

/** CJK-capable fonts first, so Chinese never falls back to boxes where one of them is installed. */
export const FONT_FAMILY = "'Noto Sans CJK SC', 'WenQuanYi Micro Hei', 'Source Han Sans SC', 'Microsoft YaHei', 'PingFang SC', sans-serif";

export const COLORS = {
  charge: '#2b6cb0',
  discharge: '#dd6b20',
  price: '#4a5568',
  soc: '#2f855a',
  revenue: '#38a169',
  chargingCost: '#3182ce',
  om: '#805ad5',
  taxes: '#d69e2e',
  interest: '#e53e3e',
  principal: '#9b2c2c',
  investment: '#718096',
  salvage: '#81e6d9',
  cumulative: '#1a202c',
  dscr: '#00838f',
  dome: '#1a202c',
  isoline: '#a0aec0',
  grid: '#e2e8f0',
  low: '#3182ce',
  high: '#dd6b20',
  histogram: '#90cdf4',
} as const;

/** A palette for the n-th line of a panel with several (temperatures, levels). */
export const PALETTE = ['#2b6cb0', '#dd6b20', '#2f855a', '#805ad5', '#d69e2e', '#e53e3e', '#00838f', '#718096', '#b83280', '#975a16'];

/** "Name (unit)": every axis names its display unit. */
export function axisName(name: string, unit: string): string {
  return unit && unit !== '–' ? `${name} (${unit})` : name;
}

/** The frame every chart starts from: no animation (reports are static), fonts, title and a plain tooltip. */
export function baseOption(title: string, subtitle?: string): EChartsOption {
  return {
    animation: false,
    backgroundColor: '#ffffff',
    textStyle: { fontFamily: FONT_FAMILY },
    title: { text: title, subtext: subtitle ?? '', left: 'center', top: 4, textStyle: { fontSize: 15, fontWeight: 'bold' }, subtextStyle: { fontSize: 11, color: '#4a5568' } },
    tooltip: { trigger: 'axis', confine: true },
    legend: { bottom: 4, type: 'plain', textStyle: { fontSize: 11 }, itemWidth: 18, itemHeight: 10 },
  };
}

/** Rounds for the chart data: charts need 5 significant digits, not 17 (keeps SVGs and the worker messages small). */
export function round(v: number, significant = 5): number {
  return Number.isFinite(v) ? Number(v.toPrecision(significant)) : v;
}
