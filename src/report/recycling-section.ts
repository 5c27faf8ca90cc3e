/**
 * The report pages of a recycling-plant project (`recycling` of its evaluation): the line and its key figures
 * (value per t and per kWh, break-even gate fee, NPV and IRR), the mass balance of each feed stream, the net value
 * by route and chemistry, the annual operating statement, and the cash flow (chart and table, the plants' own).
 * HTML text only; the page frame and chart rendering come from the caller (src/report/node/html.ts).
 */
import type { SectionParts } from './battery-section.js';
import { lineName, routeName, term } from './battery-labels.js';
import { massBalanceChart, massBalanceRows, recyclingCashFlowChart, recyclingCurrency, recyclingRouteChart, type RecyclingReportData } from './charts/recycling.js';
import { currencyName, formatMoney, formatNumber, formatPercent } from './display.js';
import type { ReportChart } from './figures.js';
import { label, type Lang } from './labels.js';

/** A project's recycling plants (its `recycling` list; none for most projects). */
export function recyclingOf(results: object): readonly RecyclingReportData[] {
  return (results as { readonly recycling?: readonly RecyclingReportData[] }).recycling ?? [];
}

export function recyclingCharts(r: RecyclingReportData, lang: Lang): ReportChart[] {
  return [
    { id: 'recycling-mass-balance', option: massBalanceChart(r.result, lang), width: 900, height: 380 },
    { id: 'recycling-routes-mass', option: recyclingRouteChart(r, 'mass', lang), width: 900, height: 360 },
    { id: 'recycling-routes-energy', option: recyclingRouteChart(r, 'energy', lang), width: 900, height: 360 },
    ...(r.finance ? [{ id: 'recycling-cashflow' as const, option: recyclingCashFlowChart(r, lang), width: 900, height: 480 }] : []),
  ];
}

/** The key figures as [name, text]: the line, the value per t and per kWh, the break-even gate fee, the project's NPV and IRR. */
export function recyclingRows(r: RecyclingReportData, lang: Lang): [string, string][] {
  const currency = recyclingCurrency(r);
  const c = currencyName(currency, lang);
  const x = r.result;
  const f = r.finance;
  return [
    [term('route', lang), routeName(r.route, lang)],
    [term('annualCapacity', lang), `${formatNumber(x.annualCapacity / 1000, lang, 0)} t`],
    [term('utilisation', lang), formatPercent(x.utilisation, lang)],
    [term('feed', lang), `${formatNumber(x.feedMass / 1000, lang, 0)} t · ${formatNumber(x.feedEnergy / 3.6e9, lang, 0)} MWh`],
    [term('capex', lang), formatMoney(x.capex, lang, currency)],
    [term('revenueTotal', lang), formatMoney(x.revenueTotal, lang, currency)],
    [term('operatingCost', lang), formatMoney(x.operatingCost, lang, currency)],
    [term('capitalCharge', lang), formatMoney(x.capitalCharge, lang, currency)],
    [term('netValue', lang), formatMoney(x.netValue, lang, currency)],
    [term('netValuePerMass', lang), `${formatNumber(x.netValuePerMass * 1000, lang, 0)} ${c}/t`],
    [term('netValuePerEnergy', lang), `${formatNumber(x.netValuePerEnergy * 3.6e6, lang, 1)} ${c}/kWh`],
    [term('breakEvenGateFee', lang), `${formatNumber(x.breakEvenGateFee * 1000, lang, 0)} ${c}/t (${term('breakEvenNote', lang)})`],
    ...(f
      ? ([
          [label('npvProjectAfterTax', lang), `${formatMoney(f.npvProjectAfterTax, lang, currency)} (${formatPercent(f.discountRate, lang)})`],
          [label('npvEquity', lang), formatMoney(f.npvEquity, lang, currency)],
          [label('irrProjectAfterTax', lang), formatPercent(f.irrProjectAfterTax, lang)],
          [label('irrEquity', lang), formatPercent(f.irrEquity, lang)],
          [label('paybackYears', lang), f.paybackYears === null ? label('notReached', lang) : `${formatNumber(f.paybackYears, lang, 1)} ${lang === 'zh' ? '年' : 'years'}`],
        ] as [string, string][])
      : []),
  ];
}

function table(head: readonly string[], rows: readonly (readonly string[])[], esc: (s: string) => string, cls = 'kpi'): string {
  return `<table class="${cls}"><tr class="head">${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr>${rows
    .map((r) => `<tr>${r.map((c, j) => (j === 0 ? `<th>${esc(c)}</th>` : `<td class="num">${esc(c)}</td>`)).join('')}</tr>`)
    .join('')}</table>`;
}

/** The recycling plant's pages (none without a recycling evaluation). `cashFlowTable` renders the plants' cash-flow table. */
export function recyclingPages(r: RecyclingReportData | undefined, lang: Lang, parts: SectionParts & { cashFlowTable(finance: NonNullable<RecyclingReportData['finance']>): string }): string[] {
  if (!r) return [];
  const { page, chart, esc } = parts;
  const currency = recyclingCurrency(r);
  const c = currencyName(currency, lang);
  const charts = recyclingCharts(r, lang);
  const by = (id: string) => charts.find((x) => x.id === id);
  const t = (n: number, d = 0) => formatNumber(n, lang, d);
  const balance = massBalanceRows(r.result).map((x) => [x.chemistry, t(x.feed), t(x.feedEnergy), t(x.secondLife), t(x.blackMass), t(x.residue), x.products.map((p) => `${lineName(p.name, lang)} ${t(p.mass)}`).join('; ')]);
  const routes = r.routes.map((x) => [`${x.chemistry} · ${routeName(x.route, lang)}`, t(x.netValuePerMass * 1000), t(x.netValuePerEnergy * 3.6e6, 1), t(x.breakEvenGateFee * 1000), t(x.blackMassPrice * 1000)]);
  const statement = [
    ...r.statement.revenues.map((x) => [`+ ${lineName(x.name, lang)}`, formatMoney(x.amount, lang, currency)]),
    ...r.statement.costs.map((x) => [`− ${lineName(x.name, lang)}`, formatMoney(-x.amount, lang, currency)]),
    [term('operatingMargin', lang), formatMoney(r.statement.operatingMargin, lang, currency)],
  ];
  const pages = [
    page(
      'recycling',
      `<h2>${esc(r.name)} — ${esc(term('recycling', lang))}</h2>${table([label('indicator', lang), label('value', lang)], recyclingRows(r, lang), esc)}
<h3>${esc(term('massBalance', lang))}</h3>${table(
        [term('chemistry', lang), `${term('feed', lang)} (t)`, `${term('feedEnergy', lang)} (MWh)`, `${term('secondLife', lang)} (t)`, `${term('blackMass', lang)} (t)`, `${term('residue', lang)} (t)`, `${term('products', lang)} (t)`],
        balance,
        esc,
        'grid',
      )}${chart(by('recycling-mass-balance')!, 0)}`,
    ),
    page(
      'recycling-routes',
      `<h3>${esc(r.name)}: ${esc(term('valueByRoute', lang))}</h3>${chart(by('recycling-routes-mass')!, 0)}${chart(by('recycling-routes-energy')!, 0)}${table(
        [`${term('chemistry', lang)} · ${term('route', lang)}`, `${term('netValuePerMass', lang)} (${c}/t)`, `${term('netValuePerEnergy', lang)} (${c}/kWh)`, `${term('breakEvenGateFee', lang)} (${c}/t)`, `${term('blackMass', lang)} (${c}/t)`],
        routes,
        esc,
        'grid',
      )}`,
    ),
    page('recycling-statement', `<h3>${esc(r.name)}: ${esc(term('statement', lang))}</h3>${table([label('indicator', lang), `${label('value', lang)} (/${lang === 'zh' ? '年' : 'yr'})`], statement, esc)}`),
  ];
  const cash = by('recycling-cashflow');
  if (r.finance && cash) pages.push(page('recycling-cashflow', `<h3>${esc(r.name)}: ${label('cashFlow', lang)}</h3>${chart(cash, 0)}${parts.cashFlowTable(r.finance)}`));
  else pages.push(page('recycling-cashflow', `<p>${esc(term('noFinance', lang))}</p>`));
  return pages;
}
