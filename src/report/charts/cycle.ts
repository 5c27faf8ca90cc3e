/**
 * The repeatable cycle of a template plant (PlantDetail.cycle: its periodic design cycle's charge at design power, a
 * hold, and the discharge after it): four panels on one time axis: electric power, store pressure, temperatures and levels, with the phases shaded.
 * Channels are picked by the quantity their name ends with (".p", ".T", ".level"; src/plant/transient).
 */
import type { EChartsOption } from 'echarts';
import type { PlantDetail } from '../../project/index.js';
import { channelName, label, type Lang } from '../labels.js';
import { axisName, baseOption, COLORS, PALETTE, round } from './common.js';

type Cycle = PlantDetail['cycle'];

interface Panel {
  readonly name: string;
  readonly unit: string;
  readonly lines: { readonly name: string; readonly color: string; readonly values: number[] }[];
}

/** The panels with their lines in display units (MW, MPa, °C, %); a panel without channels is left out. */
export function cyclePanels(cycle: Cycle, lang: Lang): Panel[] {
  const ch = Object.entries(cycle.channels);
  const pick = (suffix: string, unit: string) => ch.filter(([k, c]) => k.endsWith(suffix) && c.unit === unit);
  const fuel = cycle.channels.fuel;
  const power: Panel['lines'] = [
    ...(cycle.channels['power.in'] ? [{ name: label('powerIn', lang), color: COLORS.charge, values: cycle.channels['power.in'].values.map((v) => round(v / 1e6)) }] : []),
    ...(cycle.channels['power.out'] ? [{ name: label('powerOut', lang), color: COLORS.discharge, values: cycle.channels['power.out'].values.map((v) => round(v / 1e6)) }] : []),
    // fuel only where the plant burns any (diabatic CAES)
    ...(fuel && fuel.values.some((v) => v > 0) ? [{ name: label('fuel', lang), color: COLORS.taxes, values: fuel.values.map((v) => round(v / 1e6)) }] : []),
  ];
  // one colour per store across the panels, so a store's pressure, temperature and level read as one thing
  const stores = [...new Set(ch.map(([k]) => channelName(k, lang)))];
  const colorOf = (name: string) => PALETTE[stores.indexOf(name) % PALETTE.length];
  const lines = (entries: [string, { values: readonly number[] }][], f: (v: number) => number) =>
    entries.map(([k, c]) => ({ name: channelName(k, lang), color: colorOf(channelName(k, lang)), values: c.values.map((v) => round(f(v))) }));
  const panels: Panel[] = [
    { name: label('power', lang), unit: 'MW', lines: power },
    { name: label('storePressure', lang), unit: 'MPa', lines: lines(pick('.p', 'Pa'), (v) => v / 1e6) },
    { name: label('temperature', lang), unit: '°C', lines: lines(pick('.T', 'K'), (v) => v - 273.15) },
    { name: label('level', lang), unit: '%', lines: lines(pick('.level', '-'), (v) => v * 100) },
  ];
  return panels.filter((p) => p.lines.length > 0);
}

/** Runs of equal phase (0 charge, 1 hold, 2 discharge) as [start h, end h, phase]. */
export function phaseSpans(cycle: Cycle): [number, number, number][] {
  const out: [number, number, number][] = [];
  for (let i = 0; i < cycle.t.length; i++) {
    const ph = cycle.phase[i];
    const last = out[out.length - 1];
    if (last && last[2] === ph) last[1] = cycle.t[i] / 3600;
    else out.push([cycle.t[i] / 3600, cycle.t[i] / 3600, ph]);
  }
  // each run ends where the next begins
  for (let k = 0; k + 1 < out.length; k++) out[k][1] = out[k + 1][0];
  return out.filter((s) => s[2] <= 2 && s[1] > s[0]);
}

export function cycleChart(detail: Pick<PlantDetail, 'cycle'>, lang: Lang): EChartsOption {
  const cycle = detail.cycle;
  const panels = cyclePanels(cycle, lang);
  const hours = cycle.t.map((t) => round(t / 3600));
  const h = 78 / Math.max(1, panels.length);
  const phaseName = [label('charge', lang), label('hold', lang), label('discharge', lang)];
  const phaseColor = ['rgba(43,108,176,0.08)', 'rgba(160,174,192,0.10)', 'rgba(221,107,32,0.08)'];
  const spans = phaseSpans(cycle);
  const rte = `${(cycle.roundTripEfficiency * 100).toFixed(1)}${lang === 'zh' ? '%' : ' %'}`;
  const hold = spans.find((s) => s[2] === 1);
  const holdHours = hold ? Number((hold[1] - hold[0]).toFixed(1)) : 0;
  const subtitle =
    lang === 'zh'
      ? `按设计功率：设计循环的充电、静置 ${holdHours} 小时、放电；本循环往返效率 ${rte}`
      : `at design power: the design cycle's charge, a ${holdHours} h hold, the discharge; round-trip efficiency of this cycle ${rte}`;
  const legendNames = [...new Set(panels.flatMap((p) => p.lines.map((l) => l.name)))];
  return {
    ...baseOption(`${label('cycle', lang)}`, subtitle),
    legend: { ...(baseOption('').legend as object), data: legendNames },
    axisPointer: { link: [{ xAxisIndex: 'all' }] },
    // percentages, since the builder does not know the height: 10 % for the title, 12 % for the legend and axis name
    grid: panels.map((_, i) => ({ left: 80, right: 30, top: `${10 + i * h}%`, height: `${h - 4}%` })),
    xAxis: panels.map((_, i) => ({
      type: 'value' as const,
      gridIndex: i,
      min: 0,
      max: Math.ceil(hours[hours.length - 1] ?? 0),
      axisLabel: { show: i === panels.length - 1 },
      name: i === panels.length - 1 ? axisName(label('time', lang), 'h') : '',
      nameLocation: 'middle' as const,
      nameGap: 24,
    })),
    yAxis: panels.map((p, i) => ({ type: 'value' as const, gridIndex: i, scale: p.unit !== '%', name: axisName(p.name, p.unit), nameTextStyle: { align: 'left' as const }, splitNumber: 3 })),
    series: panels.flatMap((p, i) =>
      p.lines.map((l, j) => ({
        name: l.name,
        type: 'line' as const,
        xAxisIndex: i,
        yAxisIndex: i,
        showSymbol: false,
        color: l.color,
        data: l.values.map((v, k) => [hours[k], v]),
        ...(j === 0
          ? { markArea: { silent: true, label: { fontSize: 9, color: '#4a5568' }, data: spans.map(([a, b, ph]) => [{ xAxis: round(a), name: i === 0 ? phaseName[ph] : '', itemStyle: { color: phaseColor[ph] } }, { xAxis: round(b) }]) } }
          : {}),
      })),
    ),
  } as EChartsOption;
}
