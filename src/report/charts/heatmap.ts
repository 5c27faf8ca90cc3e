/**
 * The year as an hour-of-day × day heat map of the net power (discharge positive, charge negative). Net power is
 * what an operator reads the plant's habits from: when it charges and discharges, on which days it stands idle, how
 * the pattern follows the tariff's seasons; the state of charge, a running sum of it, blurs those edges.
 * Steps shorter than an hour are averaged into their hour; hours and days are the site's local time.
 */
import type { EChartsOption } from 'echarts';
import { MW, localTime } from '../display.js';
import { label, type Lang } from '../labels.js';
import { realisedPowers, type ScheduleData } from '../results.js';
import { axisName, baseOption, round } from './common.js';

/** Net power per local (day, hour): cells [dayIndex, hour, MW], days counted from the schedule's first local day. */
export function hourlyNetPower(s: ScheduleData): { readonly days: string[]; readonly cells: [number, number, number][] } {
  const { charge, discharge } = realisedPowers(s);
  const sums = new Map<number, { sum: number; n: number }>();
  const firstDay = Math.floor((s.startMs + s.utcOffsetMinutes * 60_000) / 86_400_000);
  let lastDay = firstDay;
  for (let i = 0; i < charge.length; i++) {
    const localMs = s.startMs + i * s.stepSeconds * 1000 + s.utcOffsetMinutes * 60_000;
    const day = Math.floor(localMs / 86_400_000) - firstDay;
    const hour = Math.floor((localMs % 86_400_000) / 3_600_000);
    const key = day * 24 + hour;
    const cell = sums.get(key) ?? { sum: 0, n: 0 };
    cell.sum += (discharge[i] - charge[i]) / MW;
    cell.n += 1;
    sums.set(key, cell);
    lastDay = Math.max(lastDay, day + firstDay);
  }
  const cells: [number, number, number][] = [];
  for (const [key, c] of sums) cells.push([Math.floor(key / 24), key % 24, round(c.sum / c.n, 4)]);
  cells.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const days = Array.from({ length: lastDay - firstDay + 1 }, (_, d) => {
    const t = localTime((firstDay + d) * 86_400_000, 0);
    return `${String(t.month + 1).padStart(2, '0')}-${String(t.day).padStart(2, '0')}`;
  });
  return { days, cells };
}

export function yearHeatmapChart(s: ScheduleData, lang: Lang): EChartsOption {
  const { days, cells } = hourlyNetPower(s);
  const limit = Math.max(1e-9, ...cells.map((c) => Math.abs(c[2])));
  const subtitle =
    lang === 'zh'
      ? `${label('netPower', lang)}，MW；${s.plantCharge ? '电站模型复核后的功率' : '调度计划'}`
      : `${label('netPower', lang)}, MW; ${s.plantCharge ? 'powers the plant model realises' : 'the dispatch schedule'}`;
  return {
    ...baseOption(label('yearHeatmap', lang), subtitle),
    tooltip: { trigger: 'item', confine: true },
    legend: { show: false },
    grid: { left: 60, right: 30, top: 60, bottom: 90 },
    xAxis: { type: 'category', data: days, name: label('dayOfYear', lang), nameLocation: 'middle', nameGap: 26, axisLabel: { interval: 29, fontSize: 10 }, splitArea: { show: false } },
    yAxis: { type: 'category', data: Array.from({ length: 24 }, (_, h) => String(h)), name: axisName(label('hourOfDay', lang), 'h'), nameLocation: 'start', inverse: true, axisLabel: { interval: 2, fontSize: 10 } },
    visualMap: {
      type: 'continuous',
      min: -round(limit, 3),
      max: round(limit, 3),
      calculable: false,
      orient: 'horizontal',
      left: 'center',
      bottom: 2,
      itemHeight: 240,
      itemWidth: 12,
      text: [label('discharge', lang), label('charge', lang)],
      // blue for charging, white for idle, orange for discharging (the colours of charge and discharge elsewhere)
      inRange: { color: ['#2b6cb0', '#90cdf4', '#ffffff', '#fbd38d', '#dd6b20'] },
    },
    series: [{ name: label('netPower', lang), type: 'heatmap', data: cells, progressive: 0 }],
  };
}
