/**
 * Revenue month by month: energy sales above zero, the cost of charging below, and the net arbitrage margin as a
 * line, in the site's local months. Counted on the powers the money is counted on (the plant model's replay for a
 * template plant), so the twelve net margins add up to the year's arbitrage margin of the results.
 */
import type { EChartsOption } from 'echarts';
import { localTime, moneyUnit } from '../display.js';
import { label, type Lang } from '../labels.js';
import { realisedPowers, type ScheduleData } from '../results.js';
import { axisName, baseOption, COLORS, round } from './common.js';

const MONTHS = {
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
  zh: ['1月', '2月', '3月', '4月', '5月', '6月', '7月', '8月', '9月', '10月', '11月', '12月'],
} as const;

/** Sales, charging cost and net margin per local month (money), months in the order they occur. */
export function monthlyRevenue(s: ScheduleData): { readonly months: { year: number; month: number }[]; readonly sales: number[]; readonly chargingCost: number[]; readonly net: number[] } {
  const { charge, discharge } = realisedPowers(s);
  const months: { year: number; month: number }[] = [];
  const sales: number[] = [];
  const cost: number[] = [];
  for (let i = 0; i < charge.length; i++) {
    const t = localTime(s.startMs + i * s.stepSeconds * 1000, s.utcOffsetMinutes);
    const last = months[months.length - 1];
    if (!last || last.year !== t.year || last.month !== t.month) {
      months.push({ year: t.year, month: t.month });
      sales.push(0);
      cost.push(0);
    }
    const k = months.length - 1;
    sales[k] += s.price[i] * discharge[i] * s.stepSeconds;
    cost[k] += s.price[i] * charge[i] * s.stepSeconds;
  }
  return { months, sales, chargingCost: cost, net: sales.map((v, k) => v - cost[k]) };
}

export function monthlyRevenueChart(s: ScheduleData, lang: Lang, currency = 'CNY'): EChartsOption {
  const m = monthlyRevenue(s);
  const { unit, factor } = moneyUnit(lang, currency);
  const years = new Set(m.months.map((x) => x.year));
  const names = m.months.map((x) => (years.size > 1 ? `${x.year}-${MONTHS[lang][x.month]}` : MONTHS[lang][x.month]));
  const scaled = (xs: number[], sign = 1) => xs.map((v) => round((sign * v) / factor));
  return {
    ...baseOption(label('monthlyRevenue', lang)),
    grid: { left: 80, right: 30, top: 50, bottom: 70 },
    xAxis: { type: 'category', data: names, name: label('month', lang), nameLocation: 'middle', nameGap: 26 },
    yAxis: { type: 'value', name: axisName(label('monthlyRevenue', lang), unit), nameTextStyle: { align: 'left' } },
    series: [
      { name: label('energySales', lang), type: 'bar', stack: 'money', color: COLORS.discharge, data: scaled(m.sales) },
      { name: label('chargingCost', lang), type: 'bar', stack: 'money', color: COLORS.charge, data: scaled(m.chargingCost, -1) },
      { name: label('netMargin', lang), type: 'line', color: COLORS.cumulative, symbolSize: 6, data: scaled(m.net) },
    ],
  };
}
