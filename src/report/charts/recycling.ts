/**
 * A recycling-plant project's figures: its yearly cash flow (the plants' cash-flow chart, without the rows a
 * recycling plant has none of: charging cost, DSCR where no debt is served), the net value by route and chemistry
 * per tonne or per kWh of retired battery (every feed stream under each of the three routes, same line, costs and
 * prices: src/battery/recycling/compare.ts), and the mass balance of each feed stream.
 */
import type { EChartsOption } from 'echarts';
import type { AnnualStatement, RecyclingResult, RecyclingRoute, RouteComparison } from '../../battery/recycling/index.js';
import type { RecyclingEvaluation } from '../../project/recycling-evaluate.js';
import { routeName, term } from '../battery-labels.js';
import { currencyName } from '../display.js';
import type { Lang } from '../labels.js';
import { cashFlowChart } from './cashflow.js';
import { axisName, baseOption, round } from './common.js';

/** A recycling plant's evaluation as results.json carries it (src/project/recycling-evaluate.ts; SI, money in `finance.currency`, CNY without finance). */
export type RecyclingReportData = RecyclingEvaluation;

export const ROUTE_COLORS: Readonly<Record<RecyclingRoute, string>> = { pyro: '#c05621', hydro: '#2b6cb0', direct: '#2f855a' };

/** kg per t, J per kWh */
const TONNE = 1000;
const KWH = 3.6e6;

export function recyclingCurrency(r: Pick<RecyclingReportData, 'finance'>): string {
  return r.finance?.currency ?? 'CNY';
}

/** The cash-flow chart of the plants with the rows that are zero in every year (charging cost, …) left out. */
export function recyclingCashFlowChart(r: RecyclingReportData, lang: Lang): EChartsOption {
  if (!r.finance) throw new RangeError(`${r.name}: the project has no finance section, so there is no cash flow to draw`);
  const o = cashFlowChart({ name: r.name, finance: r.finance }, lang);
  const series = (o.series as { type?: string; name?: string; data: (number | null)[] }[]).filter((s) => s.data.some((v) => v !== null && v !== 0));
  const subtitle =
    lang === 'zh'
      ? '柱: 逐年现金流入 (正) 与流出 (负, 含电池收购与运营成本); 线: 累计税后项目现金流; 点: 偿债覆盖率 (右轴)'
      : 'bars: cash in (+) and out (−, batteries bought and running costs included); line: cumulative after-tax project cash flow; dots: DSCR (right axis)';
  return { ...o, title: { ...(o.title as object), subtext: subtitle }, series: series as EChartsOption['series'] };
}

/** Net value per t (basis 'mass') or per kWh of nameplate ('energy') of retired battery: chemistries on x, one bar per route. */
export function recyclingRouteChart(r: Pick<RecyclingReportData, 'routes' | 'route' | 'finance'>, basis: 'mass' | 'energy', lang: Lang): EChartsOption {
  const money = currencyName(recyclingCurrency(r), lang);
  const unit = basis === 'mass' ? `${money}/t` : `${money}/kWh`;
  const chemistries = [...new Set(r.routes.map((x) => x.chemistry))];
  const routes = [...new Set(r.routes.map((x) => x.route))];
  const value = (x: RouteComparison) => (basis === 'mass' ? round(x.netValuePerMass * TONNE, 5) : round(x.netValuePerEnergy * KWH, 5));
  const subtitle =
    lang === 'zh'
      ? `同一产线、成本与价格; 未计处理费 (电池收购价); 本项目采用: ${routeName(r.route, lang)}`
      : `same line, costs and prices; before gate fees (what the batteries cost); this project: ${routeName(r.route, lang)}`;
  return {
    ...baseOption(`${term('valueByRoute', lang)} (${unit})`, subtitle),
    tooltip: { trigger: 'axis', confine: true, axisPointer: { type: 'shadow' } },
    grid: { left: 80, right: 30, top: 70, bottom: 70 },
    xAxis: { type: 'category', data: chemistries, name: term('chemistry', lang), nameLocation: 'middle', nameGap: 26 },
    yAxis: { type: 'value', name: axisName(basis === 'mass' ? term('netValuePerMass', lang) : term('netValuePerEnergy', lang), unit), nameTextStyle: { align: 'left' } },
    series: routes.map((route) => ({
      name: `${routeName(route, lang)}${route === r.route ? (lang === 'zh' ? ' (本项目)' : ' (this project)') : ''}`,
      type: 'bar' as const,
      color: ROUTE_COLORS[route],
      barMaxWidth: 36,
      data: chemistries.map((c) => {
        const x = r.routes.find((y) => y.chemistry === c && y.route === route);
        return x ? value(x) : null;
      }),
      ...(route === routes[0] ? { markLine: { silent: true, symbol: 'none', data: [{ yAxis: 0 }], lineStyle: { color: '#1a202c', width: 1, type: 'solid' as const }, label: { show: false } } } : {}),
    })),
  };
}

/** Per feed stream (t/yr): second life, black mass, products of the dismantling and pre-treatment, residue. */
export function massBalanceRows(result: RecyclingResult): { chemistry: string; feed: number; feedEnergy: number; secondLife: number; blackMass: number; residue: number; products: { name: string; mass: number }[] }[] {
  return result.streams.map((s) => {
    const b = s.balance;
    return {
      chemistry: b.chemistry,
      feed: b.feedMass / TONNE,
      feedEnergy: b.feedEnergy / 3.6e9,
      secondLife: b.secondLifeMass / TONNE,
      blackMass: b.blackMass / TONNE,
      residue: b.residue / TONNE,
      products: b.products.map((p) => ({ name: p.name, mass: p.mass / TONNE })),
    };
  });
}

/** The mass balance as stacked bars per chemistry: where each tonne of feed goes (t/yr). */
export function massBalanceChart(result: RecyclingResult, lang: Lang): EChartsOption {
  const rows = massBalanceRows(result);
  const sold = (r: (typeof rows)[number]) => r.products.reduce((a, p) => a + p.mass, 0);
  const subtitle =
    lang === 'zh'
      ? '产品为化合物 (碳酸锂等含试剂带入的碳与氧), 故各项之和不必等于进料; 黑粉为中间产物, 单列'
      : "products are compounds (Li2CO3 carries the reagents' C and O), so the stack need not equal the feed; black mass is an intermediate, shown beside";
  const bar = (name: string, color: string, data: number[], stack?: string) => ({ name, type: 'bar' as const, color, barMaxWidth: 40, ...(stack ? { stack } : {}), data: data.map((v) => round(v, 5)) });
  return {
    ...baseOption(`${term('massBalance', lang)} (t)`, subtitle),
    tooltip: { trigger: 'axis', confine: true, axisPointer: { type: 'shadow' } },
    grid: { left: 80, right: 30, top: 70, bottom: 70 },
    xAxis: { type: 'category', data: rows.map((r) => r.chemistry), name: term('chemistry', lang), nameLocation: 'middle', nameGap: 26 },
    yAxis: { type: 'value', name: axisName(term('feed', lang), 't'), nameTextStyle: { align: 'left' } },
    series: [
      bar(term('feed', lang), '#718096', rows.map((r) => r.feed)),
      bar(term('secondLife', lang), '#2f855a', rows.map((r) => r.secondLife), 'out'),
      bar(term('products', lang), '#2b6cb0', rows.map(sold), 'out'),
      bar(term('residue', lang), '#c53030', rows.map((r) => r.residue), 'out'),
      bar(term('blackMass', lang), '#1a202c', rows.map((r) => r.blackMass)),
    ],
  };
}
