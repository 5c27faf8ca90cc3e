/**
 * The yearly cash flow: money in (revenue, salvage) above zero and money out (charging, O&M, taxes, interest,
 * principal, investment) below it as stacked bars, the cumulative after-tax project cash flow as a line (the same
 * numbers as the `cumulative_after_tax` column of the cash-flow CSV), and the DSCR of each debt-service year on a
 * second axis. The bars show where the money goes, the financing included; the line is the all-equity view the
 * project IRR and NPV are computed on, so it does not subtract interest and principal.
 */
import type { EChartsOption } from 'echarts';
import { moneyUnit } from '../display.js';
import { label, type Lang, type LabelKey } from '../labels.js';
import type { ResultsPlant } from '../results.js';
import { axisName, baseOption, COLORS, round } from './common.js';

type CashFlow = ResultsPlant['finance']['cashFlow'];

/** The bar rows: label, colour and the signed money per year (positive = in). */
export const CASH_FLOW_BARS: readonly { readonly key: LabelKey; readonly color: string; readonly value: (c: CashFlow, t: number) => number }[] = [
  { key: 'revenue', color: COLORS.revenue, value: (c, t) => c.revenue[t] },
  { key: 'salvage', color: COLORS.salvage, value: (c, t) => c.salvage[t] - c.decommissioning[t] },
  { key: 'chargingCost', color: COLORS.chargingCost, value: (c, t) => -c.chargingCost[t] },
  { key: 'om', color: COLORS.om, value: (c, t) => -(c.omFixed[t] + c.omVariable[t] + c.otherCosts[t]) },
  { key: 'taxes', color: COLORS.taxes, value: (c, t) => -(c.vatPaid[t] + c.surcharges[t] + c.incomeTax[t]) },
  { key: 'interest', color: COLORS.interest, value: (c, t) => -c.interest[t] },
  { key: 'principal', color: COLORS.principal, value: (c, t) => -c.principal[t] },
  { key: 'investment', color: COLORS.investment, value: (c, t) => -(c.capex[t] + c.replacement[t]) },
];

/** Cumulative after-tax project cash flow per year (money). */
export function cumulativeAfterTax(c: CashFlow): number[] {
  let sum = 0;
  return c.projectCashFlowAfterTax.map((v) => (sum += v));
}

export function cashFlowChart(plant: { readonly name: string; readonly finance: Pick<ResultsPlant['finance'], 'currency' | 'cashFlow'> }, lang: Lang): EChartsOption {
  const c = plant.finance.cashFlow;
  const { unit, factor } = moneyUnit(lang, plant.finance.currency);
  const years = c.year.map(String);
  const money = (v: number) => round(v / factor);
  const title = `${label('cashFlow', lang)} — ${plant.name}`;
  const subtitle =
    lang === 'zh'
      ? '柱: 逐年现金流入 (正) 与流出 (负); 线: 累计税后项目现金流 (全投资口径); 点: 偿债覆盖率 (右轴)'
      : 'bars: cash in (+) and out (−) per year; line: cumulative after-tax project cash flow (all-equity view); dots: DSCR (right axis)';
  return {
    ...baseOption(title, subtitle),
    grid: { left: 80, right: 60, top: 64, bottom: 86 },
    xAxis: { type: 'category', data: years, name: label('year', lang), nameLocation: 'middle', nameGap: 26 },
    yAxis: [
      { type: 'value', name: axisName(label('cashFlow', lang), unit), nameTextStyle: { align: 'left' } },
      { type: 'value', name: axisName('DSCR', '–'), min: 0, splitLine: { show: false }, nameTextStyle: { align: 'right' } },
    ],
    series: [
      ...CASH_FLOW_BARS.map((b) => ({
        name: label(b.key, lang),
        type: 'bar' as const,
        // ECharts stacks positive and negative values apart, so inflows and outflows pile up on their own sides
        stack: 'cash',
        color: b.color,
        data: c.year.map((_, t) => money(b.value(c, t))),
      })),
      { name: label('cumulativeCashFlow', lang), type: 'line', yAxisIndex: 0, color: COLORS.cumulative, symbolSize: 4, lineStyle: { width: 2 }, data: cumulativeAfterTax(c).map(money) },
      {
        name: label('dscr', lang),
        type: 'line',
        yAxisIndex: 1,
        color: COLORS.dscr,
        symbol: 'circle',
        symbolSize: 6,
        lineStyle: { width: 0 },
        // null where no debt is served: a gap, not a zero
        data: c.dscr.map((d) => (d === null || d === undefined ? null : round(d, 4))),
      },
    ],
  };
}
