/**
 * One week of operation: the price on top, the charge and discharge powers and the state of charge below, on one
 * time axis in the site's local time (category labels computed here, so the chart reads the same in any browser's
 * time zone and on the server).
 */
import type { EChartsOption } from 'echarts';
import { MW, MWH, localTime, priceUnit } from '../display.js';
import { label, type Lang } from '../labels.js';
import type { ScheduleData } from '../results.js';
import { axisName, baseOption, COLORS, round } from './common.js';

const WEEK_SECONDS = 7 * 86400;

/** Weeks in a schedule (the last may be short: 8760 h is 52 weeks and a day). */
export function weekCount(s: ScheduleData): number {
  return Math.ceil((s.charge.length * s.stepSeconds) / WEEK_SECONDS);
}

/** Steps [from, to) of week `week` (1 = the first seven days of the schedule). */
export function weekRange(s: ScheduleData, week: number): { readonly from: number; readonly to: number } {
  const n = weekCount(s);
  if (!Number.isInteger(week) || week < 1 || week > n) throw new RangeError(`week: ${week} is not a week of this schedule; use an integer from 1 to ${n}`);
  const per = Math.round(WEEK_SECONDS / s.stepSeconds);
  return { from: (week - 1) * per, to: Math.min(week * per, s.charge.length) };
}

export function weekOperationChart(s: ScheduleData, week: number, lang: Lang, currency = 'CNY'): EChartsOption {
  const { from, to } = weekRange(s, week);
  const at = (xs: readonly number[], f: (v: number) => number) => xs.slice(from, to).map((v) => round(f(v)));
  const times = Array.from({ length: to - from }, (_, k) => {
    const t = localTime(s.startMs + (from + k) * s.stepSeconds * 1000, s.utcOffsetMinutes);
    return `${String(t.month + 1).padStart(2, '0')}-${String(t.day).padStart(2, '0')} ${String(t.hour).padStart(2, '0')}:00`;
  });
  const stepsPerDay = Math.round(86400 / s.stepSeconds);
  const first = times[0]?.slice(0, 5) ?? '';
  const last = times[times.length - 1]?.slice(0, 5) ?? '';
  const title = lang === 'zh' ? `第 ${week} 周运行 (${first} 至 ${last})` : `Operation, week ${week} (${first} to ${last})`;
  const hasPlant = Boolean(s.plantCharge && s.plantDischarge);
  const subtitle = hasPlant
    ? lang === 'zh'
      ? '柱: 调度计划; 虚线: 电站模型实际可实现的功率'
      : 'bars: the dispatch schedule; dashed: what the plant model realises'
    : undefined;
  const xAxis = (gridIndex: number, show: boolean) => ({
    type: 'category' as const,
    gridIndex,
    data: times,
    boundaryGap: true,
    axisLabel: { show, interval: stepsPerDay - 1, fontSize: 10 },
    axisTick: { interval: stepsPerDay - 1 },
    name: show ? label('time', lang) : '',
    nameLocation: 'middle' as const,
    nameGap: 24,
  });
  const base = baseOption(title, subtitle);
  return {
    ...base,
    grid: [
      { left: 70, right: 70, top: 64, height: '22%' },
      { left: 70, right: 70, top: '45%', bottom: 80 },
    ],
    axisPointer: { link: [{ xAxisIndex: 'all' }] },
    xAxis: [xAxis(0, false), xAxis(1, true)],
    yAxis: [
      { type: 'value', gridIndex: 0, name: axisName(label('price', lang), priceUnit(lang, currency)), nameTextStyle: { align: 'left' }, scale: true },
      { type: 'value', gridIndex: 1, name: axisName(label('power', lang), 'MW'), nameTextStyle: { align: 'left' } },
      { type: 'value', gridIndex: 1, name: axisName(label('soc', lang), '%'), min: 0, max: 100, splitLine: { show: false }, nameTextStyle: { align: 'right' } },
    ],
    series: [
      { name: label('price', lang), type: 'line', step: 'end', xAxisIndex: 0, yAxisIndex: 0, showSymbol: false, lineStyle: { width: 1.5 }, color: COLORS.price, data: at(s.price, (v) => v * MWH) },
      // charging drawn below zero, so the two directions of power never hide each other
      { name: label('charge', lang), type: 'bar', stack: 'power', xAxisIndex: 1, yAxisIndex: 1, barCategoryGap: '0%', color: COLORS.charge, data: at(s.charge, (v) => -v / MW) },
      { name: label('discharge', lang), type: 'bar', stack: 'power', xAxisIndex: 1, yAxisIndex: 1, barCategoryGap: '0%', color: COLORS.discharge, data: at(s.discharge, (v) => v / MW) },
      ...(hasPlant
        ? [
            { name: label('plantCharge', lang), type: 'line' as const, step: 'middle' as const, xAxisIndex: 1, yAxisIndex: 1, showSymbol: false, lineStyle: { type: 'dashed' as const, width: 1 }, color: '#1a365d', data: at(s.plantCharge!, (v) => -v / MW) },
            { name: label('plantDischarge', lang), type: 'line' as const, step: 'middle' as const, xAxisIndex: 1, yAxisIndex: 1, showSymbol: false, lineStyle: { type: 'dashed' as const, width: 1 }, color: '#7b341e', data: at(s.plantDischarge!, (v) => v / MW) },
          ]
        : []),
      { name: label('soc', lang), type: 'line', xAxisIndex: 1, yAxisIndex: 2, showSymbol: false, lineStyle: { width: 2 }, color: COLORS.soc, data: at(s.energy, (v) => (100 * v) / s.energyCapacity) },
    ],
  };
}
