/**
 * A li-ion plant's life (the `battery` detail of a plant evaluation, src/project/li-ion-evaluate.ts): relative
 * capacity and resistance over the years as the plant lived them (a sawtooth: each year from its start, after the
 * policy acted, to its end, so an augmentation or replacement is a vertical step), the augmentations and replacements
 * marked, and every shipped life model of the chemistry under the plant's first-year duty as a thin line (the models
 * disagree widely; the spread is shown, not hidden). Then the AC round trip and the auxiliary (HVAC) energy of each
 * year, and the round trip at the C-rates and ambients the model was run at.
 */
import type { EChartsOption } from 'echarts';
import type { BatteryDetail, BatteryYear } from '../../project/li-ion-evaluate.js';
import { term } from '../battery-labels.js';
import { MW, MWH } from '../display.js';
import { label, type Lang } from '../labels.js';
import { axisName, baseOption, COLORS, PALETTE, round } from './common.js';

/**
 * What the battery charts read of a plant's battery detail (the project's BatteryDetail; SI): the life curves, the
 * years, the events, the models' spread and the round trips; the nameplate energy at the grid is optional, and with
 * it the chart also shows each year's usable energy against it.
 */
export type BatteryChartData = Pick<BatteryDetail, 'lifeModel' | 'lifeModelName' | 'capacity' | 'resistance' | 'replacements' | 'spread' | 'roundTrips'> & {
  readonly layout?: Pick<BatteryDetail['layout'], 'energy'>;
  readonly years: readonly Pick<BatteryYear, 'year' | 'usableEnergy' | 'capacityStart' | 'capacityEnd' | 'resistanceEnd' | 'roundTripEfficiency' | 'dcRoundTripEfficiency' | 'auxiliaryEnergy' | 'energyOut' | 'energyIn'>[];
};

/** Above this many augmentations and replacements, only the replacements' lines carry a label. */
export const MAX_LABELLED_EVENTS = 4;

export const BATTERY_COLORS = { capacity: '#2b6cb0', usable: '#2f855a', resistance: '#dd6b20', augmentation: '#2f855a', replacement: '#9b2c2c', spread: '#a0aec0', auxiliary: '#d69e2e' } as const;

/**
 * The plant's capacity (left axis, % of nameplate) and resistance (right axis, % of new) as [years of operation,
 * value] points: each year's start and end, so a step up at year y is the policy acting at its start.
 */
export function lifePoints(d: BatteryChartData, quantity: 'capacity' | 'resistance'): [number, number][] {
  const start = quantity === 'capacity' ? d.capacity : d.resistance;
  const out: [number, number][] = [];
  d.years.forEach((y, k) => {
    out.push([k, start[k]]);
    out.push([k + 1, quantity === 'capacity' ? y.capacityEnd : y.resistanceEnd]);
  });
  // no years (an empty life): the start values alone
  if (out.length === 0) start.forEach((v, k) => out.push([k, v]));
  return out;
}

export function batteryLifeChart(d: BatteryChartData, lang: Lang): EChartsOption {
  const pct = (v: number) => round(v * 100, 5);
  const title = `${term('batteryLife', lang)} — ${d.lifeModelName}`;
  const subtitle =
    lang === 'zh'
      ? `寿命模型 ${d.lifeModel}; 细灰线: 同一化学体系的其他已发布模型在首年工况下的预测 (模型不确定性); 竖线: 增容/更换`
      : `life model ${d.lifeModel}; thin grey lines: the chemistry's other published models under the first year's duty (model uncertainty); vertical lines: augmentation/replacement`;
  // a few events are labelled; augmentation every year would bury the curve under labels, so then only replacements are
  const labelled = (kind: string) => kind === 'replacement' || d.replacements.length <= MAX_LABELLED_EVENTS;
  const marks = d.replacements.map((r) => ({
    xAxis: r.year,
    name: `${term(r.kind, lang)} +${r.racks}`,
    lineStyle: { color: BATTERY_COLORS[r.kind], type: 'solid' as const, width: labelled(r.kind) ? 1.5 : 0.8, opacity: labelled(r.kind) ? 1 : 0.5 },
    label: labelled(r.kind) ? { formatter: `${term(r.kind, lang)} +${r.racks}`, position: 'insideEndTop' as const, color: BATTERY_COLORS[r.kind], fontSize: 10 } : { show: false },
  }));
  return {
    ...baseOption(title, subtitle),
    legend: { bottom: 4, type: 'scroll', textStyle: { fontSize: 11 }, itemWidth: 18, itemHeight: 10 },
    grid: { left: 70, right: 70, top: 78, bottom: 70 },
    xAxis: { type: 'value', name: term('yearsOfOperation', lang), nameLocation: 'middle', nameGap: 26, min: 0, max: Math.max(d.years.length, d.capacity.length - 1), minInterval: 1 },
    yAxis: [
      { type: 'value', name: axisName(term('capacity', lang), '%'), nameTextStyle: { align: 'left' }, scale: true, max: 102 },
      { type: 'value', name: axisName(term('resistance', lang), '%'), nameTextStyle: { align: 'right' }, scale: true, splitLine: { show: false } },
    ],
    series: [
      ...d.spread.map((s) => ({
        // the model's id keeps the legend short; the report and the page name it in full beside the chart
        name: `${s.model}${s.yearsTo80 === null ? '' : ` (${lang === 'zh' ? '80%:' : '80 %:'} ${s.yearsTo80.toFixed(1)} ${lang === 'zh' ? '年' : 'a'})`}`,
        type: 'line' as const,
        yAxisIndex: 0,
        showSymbol: false,
        color: BATTERY_COLORS.spread,
        lineStyle: { width: 1, type: 'dashed' as const, opacity: 0.9 },
        emphasis: { disabled: true },
        data: s.capacity.map((v, k) => [k, pct(v)]),
      })),
      {
        name: `${term('capacity', lang)} (${d.lifeModel})`,
        type: 'line',
        yAxisIndex: 0,
        color: BATTERY_COLORS.capacity,
        symbolSize: 4,
        lineStyle: { width: 2.5 },
        data: lifePoints(d, 'capacity').map(([x, v]) => [x, pct(v)]),
        markLine: {
          silent: true,
          symbol: 'none',
          data: [
            { yAxis: 80, name: term('threshold80', lang), lineStyle: { color: '#718096', type: 'dotted' as const, width: 1 }, label: { formatter: term('threshold80', lang), position: 'insideStartTop' as const, fontSize: 10, color: '#4a5568' } },
            ...marks,
          ],
        },
      },
      ...(d.layout && d.layout.energy > 0
        ? [
            {
              name: term('usableEnergy', lang),
              type: 'line' as const,
              yAxisIndex: 0,
              color: BATTERY_COLORS.usable,
              symbol: 'rect',
              symbolSize: 5,
              lineStyle: { width: 1.5, type: 'dashed' as const },
              data: d.years.map((y, k) => [k, pct(y.usableEnergy / d.layout!.energy)]),
            },
          ]
        : []),
      { name: term('resistance', lang), type: 'line', yAxisIndex: 1, color: BATTERY_COLORS.resistance, symbolSize: 4, lineStyle: { width: 2 }, data: lifePoints(d, 'resistance').map(([x, v]) => [x, pct(v)]) },
    ],
  };
}

/** AC round trip per operating year (line, %) and the auxiliary/HVAC energy of the year (bars, MWh). */
export function batteryYearsChart(d: BatteryChartData, lang: Lang): EChartsOption {
  const years = d.years.map((y) => String(y.year + 1));
  const subtitle =
    lang === 'zh'
      ? '交流往返效率 = 年上网电量 / 年下网电量 (含温控与辅助用电); 柱: 年辅助及温控用电量 (右轴)'
      : 'AC round trip = energy delivered to / drawn from the grid in the year (auxiliaries and HVAC included); bars: auxiliary and HVAC energy (right axis)';
  return {
    ...baseOption(term('yearlyEfficiency', lang), subtitle),
    grid: { left: 70, right: 80, top: 86, bottom: 70 },
    xAxis: { type: 'category', data: years, name: term('operatingYear', lang), nameLocation: 'middle', nameGap: 26 },
    yAxis: [
      { type: 'value', name: axisName(label('roundTripEfficiency', lang), '%'), scale: true, nameTextStyle: { align: 'left' } },
      { type: 'value', name: axisName(term('auxiliaryEnergy', lang), 'MWh'), min: 0, splitLine: { show: false }, nameTextStyle: { align: 'right' } },
    ],
    series: [
      { name: axisName(term('auxiliaryEnergy', lang), 'MWh'), type: 'bar', yAxisIndex: 1, color: BATTERY_COLORS.auxiliary, barMaxWidth: 24, data: d.years.map((y) => round(y.auxiliaryEnergy / MWH, 5)) },
      { name: term('acRoundTrip', lang), type: 'line', yAxisIndex: 0, color: COLORS.discharge, symbolSize: 5, lineStyle: { width: 2 }, data: d.years.map((y) => round(y.roundTripEfficiency * 100, 5)) },
      { name: term('dcRoundTrip', lang), type: 'line', yAxisIndex: 0, color: COLORS.charge, symbolSize: 4, lineStyle: { width: 1.5, type: 'dashed' }, data: d.years.map((y) => round(y.dcRoundTripEfficiency * 100, 5)) },
    ],
  };
}

/** The AC round trip (with auxiliaries) against the ambient temperature, one line per power (C-rate). */
export function roundTripChart(d: Pick<BatteryChartData, 'roundTrips'>, lang: Lang): EChartsOption {
  const powers = [...new Set(d.roundTrips.map((r) => r.power))].sort((a, b) => a - b);
  const subtitle = lang === 'zh' ? '实线: 交流侧 (含辅助及温控用电); 虚线: 直流侧' : 'solid: AC with auxiliaries and HVAC; dashed: DC';
  const mw = (p: number) => `${round(p / MW, 4)} MW`;
  return {
    ...baseOption(term('roundTrips', lang), subtitle),
    grid: { left: 70, right: 30, top: 86, bottom: 84 },
    xAxis: { type: 'value', name: axisName(term('ambient', lang), '°C'), nameLocation: 'middle', nameGap: 26, scale: true, axisLine: { onZero: false } },
    // the y axis at the left edge, not where x = 0 °C
    yAxis: { type: 'value', name: axisName(label('roundTripEfficiency', lang), '%'), scale: true, axisLine: { onZero: false } },
    series: powers.flatMap((p, i) => {
      const rows = d.roundTrips.filter((r) => r.power === p).sort((a, b) => a.ambient - b.ambient);
      const color = PALETTE[i % PALETTE.length];
      return [
        { name: `${term('acWithAuxShort', lang)} ${mw(p)}`, type: 'line' as const, color, symbolSize: 6, data: rows.map((r) => [round(r.ambient - 273.15, 4), round(r.acWithAuxiliaries * 100, 5)]) },
        { name: `${term('dcShort', lang)} ${mw(p)}`, type: 'line' as const, color, symbolSize: 4, lineStyle: { type: 'dashed' as const, width: 1 }, data: rows.map((r) => [round(r.ambient - 273.15, 4), round(r.dc * 100, 5)]) },
      ];
    }),
  };
}
