/**
 * The report pages of a li-ion plant's battery (the `battery` detail of its evaluation): the system as laid out
 * from the cell, its life model and the spread of the published models, capacity and resistance over the years with
 * the augmentations and replacements, the round trip by year and by C-rate and ambient, the end-of-life value, and
 * the model's notes. HTML text only (browser-safe); the page frame and the chart rendering come from the caller
 * (src/report/node/html.ts), so the section looks like every other of the report.
 */
import { term } from './battery-labels.js';
import { batteryLifeChart, batteryYearsChart, roundTripChart, type BatteryChartData } from './charts/battery.js';
import { formatMoney, formatNumber, formatPercent, MWH } from './display.js';
import type { ReportChart } from './figures.js';
import type { Lang } from './labels.js';
import type { BatteryDetail } from '../project/li-ion-evaluate.js';

/** A plant's battery detail, where it has one (a li-ion template plant). */
export function batteryOf(plant: object): BatteryDetail | undefined {
  return (plant as { readonly battery?: BatteryDetail }).battery;
}

/** What a section needs of the report it is part of: its page frame, chart rendering and escaping. */
export interface SectionParts {
  page(kind: string, body: string, landscape?: boolean): string;
  chart(c: ReportChart, plantIndex: number): string;
  esc(s: string): string;
}

/** The battery's charts in the report's sizes. */
export function batteryCharts(d: BatteryChartData, lang: Lang): ReportChart[] {
  return [
    { id: 'battery-life', option: batteryLifeChart(d, lang), width: 900, height: 480 },
    { id: 'battery-years', option: batteryYearsChart(d, lang), width: 900, height: 380 },
    ...(d.roundTrips.length ? [{ id: 'battery-round-trips' as const, option: roundTripChart(d, lang), width: 900, height: 380 }] : []),
  ];
}

/** The fleet's relative capacity at the end of operating year `years` (before any policy acts), or null when the life is shorter. */
export function capacityAfter(d: Pick<BatteryChartData, 'years'>, years: number): number | null {
  return years >= 1 && years <= d.years.length ? d.years[years - 1].capacityEnd : null;
}

/** Key figures of the battery as [name, text] rows. */
export function batteryRows(d: BatteryDetail, lang: Lang, currency: string): [string, string][] {
  const l = d.layout;
  const mwh = (j: number) => `${formatNumber(j / MWH, lang, 1)} MWh`;
  const after10 = capacityAfter(d, 10);
  const perKWh = d.endOfLife.valuePerEnergy * 3.6e6;
  return [
    [term('cell', lang), `${d.cell} (${d.chemistry})`],
    [term('layout', lang), lang === 'zh' ? `${l.racks} 簇 × ${l.cellsPerRack} 电芯 (${l.modulesPerRack} 模组/簇), ${l.containers} 个集装箱` : `${l.racks} racks × ${l.cellsPerRack} cells (${l.modulesPerRack} modules per rack), ${l.containers} containers`],
    [term('nominalEnergy', lang), mwh(l.nominalEnergy)],
    [term('gridEnergy', lang), `${mwh(l.energy)} · ${formatNumber(l.power / 1e6, lang, 1)} MW`],
    [term('socWindow', lang), `${formatPercent(l.socMin, lang, 0)} – ${formatPercent(l.socMax, lang, 0)}`],
    [term('sizedBy', lang), lang === 'zh' ? ({ energy: '按电量', power: '按功率', duration: '按时长' } as Record<string, string>)[l.sizedBy] ?? l.sizedBy : l.sizedBy],
    [term('lifeModel', lang), `${d.lifeModelName} (${d.lifeModel})`],
    [term('capacityAfter10', lang), after10 === null ? '—' : formatPercent(after10, lang)],
    [term('endOfLifeEnergy', lang), mwh(d.endOfLife.energy)],
    [term('endOfLife', lang), `${formatMoney(d.endOfLife.value, lang, currency)} (${formatNumber(perKWh, lang, 0)} ${currency === 'CNY' && lang === 'zh' ? '元' : currency}/kWh)`],
    [term('basis', lang), d.endOfLife.basis],
  ];
}

function table(head: readonly string[], rows: readonly (readonly string[])[], esc: (s: string) => string, cls = 'kpi'): string {
  return `<table class="${cls}"><tr class="head">${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr>${rows
    .map((r) => `<tr>${r.map((c, j) => (j === 0 ? `<th>${esc(c)}</th>` : `<td class="num">${esc(c)}</td>`)).join('')}</tr>`)
    .join('')}</table>`;
}

/** The battery's pages of plant `index` (none for a plant without battery detail). */
export function batteryPages(name: string, d: BatteryDetail | undefined, index: number, lang: Lang, currency: string, parts: SectionParts): string[] {
  if (!d) return [];
  const { page, chart, esc } = parts;
  const [life, years, trips] = batteryCharts(d, lang);
  const h = `${esc(name)}: ${term('battery', lang)}`;
  const rows = batteryRows(d, lang, currency);
  const spread = d.spread.map((s) => [`${s.name} (${s.model})`, s.yearsTo80 === null ? term('notReached', lang) : `${formatNumber(s.yearsTo80, lang, 1)} ${lang === 'zh' ? '年' : 'years'}`]);
  const replacements = d.replacements.map((r) => [
    String(r.year + 1),
    term(r.kind, lang),
    formatNumber(r.racks, lang, 0),
    `${formatNumber(r.energy / MWH, lang, 1)} MWh`,
    formatMoney(r.cost, lang, currency),
  ]);
  const trip = [...d.roundTrips]
    .sort((a, b) => a.power - b.power || a.ambient - b.ambient)
    .map((r) => [`${formatNumber(r.power / 1e6, lang, 1)} MW`, `${formatNumber(r.ambient - 273.15, lang, 0)} °C`, formatPercent(r.dc, lang), formatPercent(r.ac, lang), formatPercent(r.acWithAuxiliaries, lang)]);
  const pages = [
    page(
      'battery',
      `<h3>${h}</h3><table class="kpi">${rows.map(([k, v]) => `<tr><th>${esc(k)}</th><td>${esc(v)}</td></tr>`).join('')}</table>${chart(life, index)}
<h4>${esc(term('modelSpread', lang))}: ${esc(term('yearsTo80', lang))}</h4>${table([term('lifeModel', lang), term('yearsTo80', lang)], spread, esc, 'kpi small')}`,
    ),
    page(
      'battery-operation',
      `<h3>${h} — ${esc(term('replacements', lang))}</h3>${
        replacements.length
          ? table([lang === 'zh' ? '运行年 (年初)' : 'Operating year (start)', term('kind', lang), term('racks', lang), term('addedEnergy', lang), term('cost', lang)], replacements, esc)
          : `<p>${lang === 'zh' ? '运行期内无增容或更换。' : 'No augmentation or replacement over the operating years.'}</p>`
      }${chart(years, index)}${trips ? chart(trips, index) : ''}${
        trip.length ? table([term('power', lang), term('ambient', lang), term('dcRoundTrip', lang), term('acRoundTrip', lang), term('acRoundTripWithAux', lang)], trip, esc, 'kpi small') : ''
      }${d.notes.length ? `<h4>${lang === 'zh' ? '说明 (模型说明，英文原文)' : 'Notes'}</h4><ul class="small">${d.notes.map((n) => `<li>${esc(n)}</li>`).join('')}</ul>` : ''}`,
    ),
  ];
  return pages;
}
