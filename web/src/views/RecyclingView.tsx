/**
 * The page of a recycling-plant project: key figures (value per t and per kWh, break-even gate fee, NPV, IRR,
 * payback), the mass balance of each feed stream, the net value by route and chemistry, the annual operating
 * statement and the cash flow. Figures and charts are the report layer's (src/report/recycling-section.ts,
 * src/report/charts/recycling.ts).
 */
import { useState } from 'react';
import { lineName, routeName, term } from '../../../src/report/battery-labels.js';
import { massBalanceChart, massBalanceRows, recyclingCashFlowChart, recyclingRouteChart, type RecyclingReportData } from '../../../src/report/charts/recycling.js';
import { currencyName, formatMoney } from '../../../src/report/display.js';
import { label } from '../../../src/report/labels.js';
import { recyclingOf } from '../../../src/report/recycling-section.js';
import { Card, Note } from '../components/Card.js';
import { ChartBox } from '../components/ChartBox.js';
import { DataTable } from '../components/DataTable.js';
import { KpiCards, type KpiItem } from '../components/Kpis.js';
import { Segmented } from '../components/Segmented.js';
import { batteryStrings } from './battery-strings.js';
import * as f from './format.js';
import type { Lang } from './strings.js';
import type { ViewProps } from './types.js';
import '../components/components.css';
import './views.css';

export default function RecyclingView({ results, lang }: ViewProps) {
  const all = recyclingOf(results);
  const [index, setIndex] = useState(0);
  const r = all[Math.min(index, all.length - 1)];
  if (!r) {
    return (
      <div className="cn-results cn-page" data-view="recycling">
        <Note tone="info" name="no-recycling">
          {batteryStrings(lang).noRecycling}
        </Note>
      </div>
    );
  }
  return (
    <>
      {all.length > 1 ? (
        <div className="plant-chooser" role="tablist">
          {all.map((x, i) => (
            <button key={i} type="button" role="tab" aria-selected={x === r} data-recycling-index={i} onClick={() => setIndex(i)}>
              {x.name}
            </button>
          ))}
        </div>
      ) : null}
      <Recycling key={r.name} r={r} lang={lang} />
    </>
  );
}

function Recycling({ r, lang }: { r: RecyclingReportData; lang: Lang }) {
  const b = batteryStrings(lang);
  const [basis, setBasis] = useState<'mass' | 'energy'>('mass');
  const currency = r.finance?.currency ?? 'CNY';
  const c = currencyName(currency, lang);
  const x = r.result;
  const fin = r.finance;
  const kpis: KpiItem[] = [
    { key: 'netValuePerMass', label: term('netValuePerMass', lang), value: f.num(x.netValuePerMass * 1000, lang, 0), unit: `${c}/t` },
    { key: 'netValuePerEnergy', label: term('netValuePerEnergy', lang), value: f.num(x.netValuePerEnergy * 3.6e6, lang, 1), unit: `${c}/kWh` },
    { key: 'breakEvenGateFee', label: term('breakEvenGateFee', lang), value: f.num(x.breakEvenGateFee * 1000, lang, 0), unit: `${c}/t`, note: term('breakEvenNote', lang) },
    { key: 'capex', label: term('capex', lang), value: formatMoney(x.capex, lang, currency) },
    ...(fin
      ? [
          { key: 'npvProjectAfterTax', label: label('npvProjectAfterTax', lang), value: formatMoney(fin.npvProjectAfterTax, lang, currency), note: f.percent(fin.discountRate, lang), tone: fin.npvProjectAfterTax >= 0 ? ('good' as const) : ('bad' as const) },
          { key: 'irrProjectAfterTax', label: label('irrProjectAfterTax', lang), value: f.percent(fin.irrProjectAfterTax, lang) },
          { key: 'irrEquity', label: label('irrEquity', lang), value: f.percent(fin.irrEquity, lang) },
          { key: 'paybackYears', label: label('paybackYears', lang), value: fin.paybackYears === null ? label('notReached', lang) : f.num(fin.paybackYears, lang, 1), unit: fin.paybackYears === null ? undefined : lang === 'zh' ? '年' : 'years' },
        ]
      : []),
  ];
  const balance = massBalanceRows(x);
  return (
    <div className="cn-results cn-page" data-view="recycling" lang={lang === 'zh' ? 'zh-CN' : 'en'}>
      <header className="cn-page-head">
        <h2>
          {r.name} — {term('recycling', lang)}
        </h2>
        <p className="cn-muted">
          {b.lineTitle(routeName(r.route, lang))} · {term('annualCapacity', lang)} {f.num(x.annualCapacity / 1000, lang, 0)} t · {term('utilisation', lang)} {f.percent(x.utilisation, lang)}
        </p>
      </header>
      <KpiCards items={kpis} name="recycling" />
      {fin ? null : (
        <Note tone="info" name="no-finance">
          {term('noFinance', lang)}
        </Note>
      )}
      <Card name="mass-balance" title={term('massBalance', lang)}>
        <DataTable
          name="mass-balance"
          head={[term('chemistry', lang), `${term('feed', lang)} (t)`, `${term('feedEnergy', lang)} (MWh)`, `${term('secondLife', lang)} (t)`, `${term('blackMass', lang)} (t)`, `${term('residue', lang)} (t)`, `${term('products', lang)} (t)`]}
          rows={balance.map((s) => ({
            key: s.chemistry,
            cells: [s.chemistry, f.num(s.feed, lang, 0), f.num(s.feedEnergy, lang, 0), f.num(s.secondLife, lang, 0), f.num(s.blackMass, lang, 0), f.num(s.residue, lang, 0), f.num(s.products.reduce((a, p) => a + p.mass, 0), lang, 0)],
          }))}
        />
        <ul className="cn-notes cn-small" data-list="products">
          {balance.map((s) => (
            <li key={s.chemistry}>
              <strong>{s.chemistry}</strong> {term('products', lang)} (t): {s.products.map((p) => `${lineName(p.name, lang)} ${f.num(p.mass, lang, 0)}`).join(' · ')}
            </li>
          ))}
        </ul>
        <ChartBox name="recycling-mass-balance" build={() => massBalanceChart(x, lang)} deps={[x, lang]} height={360} />
      </Card>
      <Card
        name="routes"
        title={term('valueByRoute', lang)}
        tools={
          <Segmented
            name="route-basis"
            value={basis}
            onChange={setBasis}
            options={[
              { key: 'mass', label: b.basisMass },
              { key: 'energy', label: b.basisEnergy },
            ]}
          />
        }
      >
        <ChartBox name="recycling-routes" build={() => recyclingRouteChart(r, basis, lang)} deps={[r, basis, lang]} height={360} />
        <DataTable
          name="routes"
          signed
          head={[`${term('chemistry', lang)} · ${term('route', lang)}`, `${term('netValuePerMass', lang)} (${c}/t)`, `${term('netValuePerEnergy', lang)} (${c}/kWh)`, `${term('breakEvenGateFee', lang)} (${c}/t)`]}
          rows={r.routes.map((y) => ({
            key: `${y.chemistry}-${y.route}`,
            strong: y.route === r.route,
            cells: [`${y.chemistry} · ${routeName(y.route, lang)}`, f.num(y.netValuePerMass * 1000, lang, 0), f.num(y.netValuePerEnergy * 3.6e6, lang, 1), f.num(y.breakEvenGateFee * 1000, lang, 0)],
          }))}
        />
      </Card>
      <div className="cn-grid-2">
        <Card name="statement" title={term('statement', lang)}>
          <DataTable
            name="statement"
            signed
            maxHeight="none"
            head={['', `${label('value', lang)} (/${lang === 'zh' ? '年' : 'yr'})`]}
            rows={[
              ...r.statement.revenues.map((y) => ({ key: `+${y.name}`, cells: [`+ ${lineName(y.name, lang)}`, formatMoney(y.amount, lang, currency)] })),
              ...r.statement.costs.map((y) => ({ key: `-${y.name}`, cells: [`− ${lineName(y.name, lang)}`, formatMoney(-y.amount, lang, currency)] })),
              { key: 'margin', strong: true, cells: [term('operatingMargin', lang), formatMoney(r.statement.operatingMargin, lang, currency)] },
            ]}
          />
        </Card>
        <Card name="line-money" title={term('netValue', lang)}>
          <DataTable
            name="line-money"
            signed
            head={['', `${label('value', lang)} (/${lang === 'zh' ? '年' : 'yr'})`]}
            rows={[
              { key: 'revenue', cells: [term('revenueTotal', lang), formatMoney(x.revenueTotal, lang, currency)] },
              { key: 'operating', cells: [term('operatingCost', lang), formatMoney(-x.operatingCost, lang, currency)] },
              { key: 'capital', cells: [term('capitalCharge', lang), formatMoney(-x.capitalCharge, lang, currency)] },
              { key: 'net', strong: true, cells: [term('netValue', lang), formatMoney(x.netValue, lang, currency)] },
            ]}
          />
        </Card>
      </div>
      {fin ? (
        <Card name="recycling-cashflow" title={label('cashFlow', lang)}>
          <ChartBox name="recycling-cashflow" build={() => recyclingCashFlowChart(r, lang)} deps={[r, lang]} height={460} />
        </Card>
      ) : null}
    </div>
  );
}
