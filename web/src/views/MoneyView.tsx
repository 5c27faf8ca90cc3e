/**
 * The money page: the investor's key figures (总投资, 净现值, 内部收益率, 投资回收期, 度电成本, 最小偿债覆盖率), the
 * yearly cash flow as a chart and as a table (with the same CSV as the results folder), the tornado and the Monte
 * Carlo histogram where the run has them, and the indicators and statements of the Chinese method (建设项目经济评价
 * 方法与参数) where the results carry them.
 */
import type { MouseEvent } from 'react';
import { cashFlowChart, cumulativeAfterTax } from '../../../src/report/charts/cashflow.js';
import { drawStatistics, metricDraws, monteCarloChart } from '../../../src/report/charts/montecarlo.js';
import { tornadoChart } from '../../../src/report/charts/tornado.js';
import { formatMoney, formatNumber, formatPercent, moneyUnit, priceUnit } from '../../../src/report/display.js';
import { label } from '../../../src/report/labels.js';
import type { CnEvaluation } from '../../../src/finance/cn-evaluation.js';
import type { CASH_FLOW_COLUMNS, PlantEvaluation } from '../../../src/project/index.js';
import { Card, Note } from '../components/Card.js';
import { ChartBox } from '../components/ChartBox.js';
import { DataTable, type TableRow } from '../components/DataTable.js';
import { KpiCards, type KpiItem } from '../components/Kpis.js';
import { strings, type Lang, type Strings } from './strings.js';
import type { PlantResultsJson, ViewProps } from './types.js';
import '../components/components.css';
import './views.css';

const MWH = 3.6e9;

/**
 * The rows of the yearly table: the columns of the cash-flow CSV, in its order (typed as CASH_FLOW_COLUMNS, so a change
 * there fails to compile here; the constant is not imported because its module brings the whole plant library).
 */
const CASH_FLOW_ROWS: typeof CASH_FLOW_COLUMNS = [
  'energyDischarged',
  'revenue',
  'chargingCost',
  'omFixed',
  'omVariable',
  'otherCosts',
  'capex',
  'replacement',
  'decommissioning',
  'salvage',
  'vatPaid',
  'surcharges',
  'ebitda',
  'depreciation',
  'interest',
  'incomeTax',
  'principal',
  'debtService',
  'debtBalance',
  'cfads',
  'projectCashFlowPreTax',
  'projectCashFlowAfterTax',
  'equityCashFlow',
] as const;

export default function MoneyView({ results, plantIndex, lang }: ViewProps) {
  const t = strings(lang);
  const plant = results.plants[plantIndex];
  if (!plant) return <Note tone="error">{t.noPlant}</Note>;
  const fin = plant.finance;
  const cn = (fin as { cn?: CnEvaluation }).cn;
  return (
    <div className="cn-results cn-page" data-view="money" data-plant={plantIndex} lang={lang === 'zh' ? 'zh-CN' : 'en'}>
      <header className="cn-page-head">
        <h2>{plant.name}</h2>
        <p className="cn-muted">
          {plant.performance.technology} · {label('discountRate', lang)} {formatPercent(fin.discountRate, lang)} · {t.constructionSpan(fin.constructionYears)} · {t.operationSpan(fin.operatingYears)}
        </p>
      </header>
      <KpiCards items={headlineKpis(plant, lang, t)} name="money" />
      <KpiCards items={secondaryKpis(plant, lang, t)} name="money-more" />

      <Card name="cash-flow-chart">
        <ChartBox name="cash-flow" build={() => cashFlowChart(plant, lang)} deps={[plant, lang]} height={440} />
      </Card>

      <CashFlowTable plant={plant} plantIndex={plantIndex} lang={lang} t={t} />

      <div className="cn-grid-2">
        <Card name="tornado">
          {fin.tornado ? (
            <ChartBox name="tornado" build={() => tornadoChart(plant, lang)} deps={[plant, lang]} height={Math.max(280, 90 + 42 * fin.tornado.bars.length)} />
          ) : (
            <>
              <h3>{label('tornado', lang)}</h3>
              <Note name="tornado-missing">{codeSpans(t.tornadoMissing)}</Note>
            </>
          )}
        </Card>
        <Card name="monte-carlo">
          {fin.monteCarlo ? (
            <MonteCarlo plant={plant} lang={lang} t={t} />
          ) : (
            <>
              <h3>{label('monteCarlo', lang)}</h3>
              <Note name="monte-carlo-missing">{codeSpans(t.monteCarloMissing)}</Note>
            </>
          )}
        </Card>
      </div>

      {cn ? <ChineseMethod cn={cn} currency={fin.currency} lang={lang} t={t} /> : <Note name="cn-missing">{t.cnMissing}</Note>}
    </div>
  );
}

/** The six figures an investor and a bureau ask first. */
function headlineKpis(p: PlantResultsJson, lang: Lang, t: Strings): KpiItem[] {
  const f = p.finance;
  const c = f.currency;
  const zh = lang === 'zh';
  return [
    { key: 'totalInvestment', label: label('totalInvestment', lang), value: formatMoney(f.capex, lang, c) },
    {
      key: 'npv',
      label: label('npv', lang),
      value: formatMoney(f.npvProjectAfterTax, lang, c),
      note: t.npvNote(formatPercent(f.discountRate, lang)),
      tone: f.npvProjectAfterTax >= 0 ? 'good' : 'bad',
    },
    {
      key: 'irr',
      label: label('irr', lang),
      value: f.irrProjectAfterTax === null ? '—' : formatPercent(f.irrProjectAfterTax, lang, 2),
      note: t.irrNote,
      ...(f.irrProjectAfterTax !== null ? { tone: f.irrProjectAfterTax >= f.discountRate ? ('good' as const) : ('bad' as const) } : {}),
    },
    {
      key: 'payback',
      label: label('paybackYears', lang),
      value: f.paybackYears === null ? label('notReached', lang) : formatNumber(f.paybackYears, lang, 1),
      unit: f.paybackYears === null ? undefined : t.yearsUnit,
      note: t.paybackNote,
    },
    {
      key: 'lcos',
      label: label('lcos', lang),
      value: f.lcosSchmidt === null ? '—' : formatNumber(f.lcosSchmidt * MWH, lang, 0),
      unit: priceUnit(lang, c),
      note: t.lcosNote,
    },
    {
      key: 'minDscr',
      label: label('minDscr', lang),
      value: f.minDscr === null ? t.dscrNone : formatNumber(f.minDscr, lang, 2),
      ...(f.minDscr !== null ? { tone: f.minDscr >= 1 ? ('good' as const) : ('bad' as const) } : {}),
    },
  ];
}

function secondaryKpis(p: PlantResultsJson, lang: Lang, t: Strings): KpiItem[] {
  const f = p.finance;
  const c = f.currency;
  const zh = lang === 'zh';
  const r = f.revenuePerYear;
  return [
    { key: 'irrEquity', label: t.equityIrr, value: f.irrEquity === null ? '—' : formatPercent(f.irrEquity, lang, 2) },
    { key: 'npvEquity', label: t.npvEquity, value: formatMoney(f.npvEquity, lang, c) },
    {
      key: 'lcosLazard',
      label: t.lcosLazardShort,
      value: f.lcosLazard === null ? '—' : formatNumber(f.lcosLazard * MWH, lang, 0),
      unit: priceUnit(lang, c),
      note: t.lazardNote(formatPercent(f.lazardTargetEquityIrr, lang)),
    },
    { key: 'arbitrage', label: label('arbitrageMargin', lang), value: formatMoney(r.arbitrage, lang, c) },
    ...(r.capacity ? [{ key: 'capacity', label: label('capacityRevenue', lang), value: formatMoney(r.capacity, lang, c) }] : []),
    ...(r.ancillary ? [{ key: 'ancillary', label: label('ancillaryRevenue', lang), value: formatMoney(r.ancillary, lang, c) }] : []),
  ];
}

/** `code` in a note's text set as code. */
function codeSpans(text: string) {
  return text.split(/`([^`]+)`/).map((part, i) => (i % 2 ? <code key={i}>{part}</code> : part));
}

/** Rows of the yearly table: every column of the CSV, in display units (money in 万元 or M, energy in MWh). */
function CashFlowTable({ plant, plantIndex, lang, t }: { plant: PlantResultsJson; plantIndex: number; lang: Lang; t: Strings }) {
  const c = plant.finance.cashFlow;
  const { unit, factor } = moneyUnit(lang, plant.finance.currency);
  const digits = lang === 'zh' ? 1 : 2;
  const money = (v: number) => (Math.abs(v) < 1e-9 ? '0' : formatNumber(v / factor, lang, digits));
  const strong = new Set(['revenue', 'ebitda', 'projectCashFlowAfterTax', 'equityCashFlow', 'cumulative']);
  const rows: TableRow[] = [
    ...CASH_FLOW_ROWS.map((k) => ({
      key: k,
      strong: strong.has(k),
      cells: [`${t.cashFlowRows[k]}${k === 'energyDischarged' ? ' (MWh)' : ''}`, ...c[k].map((v) => (k === 'energyDischarged' ? formatNumber(v / MWH, lang, 0) : money(v)))],
    })),
    { key: 'cumulative', strong: true, cells: [t.cashFlowRows.cumulative, ...cumulativeAfterTax(c).map(money)] },
    { key: 'dscr', cells: [t.cashFlowRows.dscr, ...c.dscr.map((d) => (d === null || d === undefined ? '' : formatNumber(d, lang, 2)))] },
  ];
  const head = [`${t.item} (${unit})`, ...c.year.map((y, i) => (c.operatingYear[i] > 0 ? `${y}` : `${y}`))];

  const file = `cashflow-${plantIndex + 1}-${plant.name.replace(/[^\w.-]+/g, '_')}.csv`;
  // the CSV of the results folder, written by the library on demand (its module is loaded only for an export)
  const exportCsv = async (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    const { cashFlowCsv } = await import('../../../src/project/output.js');
    // cashFlowCsv reads only the plant's finance, which results.json carries whole
    const csv = cashFlowCsv(plant as unknown as PlantEvaluation, plant.finance.currency);
    const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = file;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  return (
    <Card
      name="cash-flow-table"
      title={t.cashFlowTable}
      tools={
        <a className="cn-link" href="#" download={file} data-export="cash-flow-csv" onClick={exportCsv}>
          {t.exportCsv}
        </a>
      }
    >
      <DataTable name="cash-flow" head={head} rows={rows} signed maxHeight={460} />
      <p className="cn-muted cn-small">{t.tableUnit(unit)}</p>
    </Card>
  );
}

function MonteCarlo({ plant, lang, t }: { plant: PlantResultsJson; lang: Lang; t: Strings }) {
  const mc = plant.finance.monteCarlo!;
  const c = plant.finance.currency;
  const draws = metricDraws(plant);
  const stats = draws && draws.length ? drawStatistics(draws) : undefined;
  const npv = mc.metrics.npv;
  const items: KpiItem[] = [
    { key: 'p10', label: 'P10', value: formatMoney(stats?.p10 ?? npv?.p10 ?? NaN, lang, c) },
    { key: 'p50', label: 'P50', value: formatMoney(stats?.p50 ?? npv?.p50 ?? NaN, lang, c) },
    { key: 'p90', label: 'P90', value: formatMoney(stats?.p90 ?? npv?.p90 ?? NaN, lang, c) },
    { key: 'pPositive', label: label('probabilityNpvPositive', lang), value: stats ? formatPercent(stats.positive, lang) : '—', note: `${label('draws', lang)} ${mc.draws}` },
  ];
  return (
    <>
      {stats ? (
        <ChartBox name="monte-carlo" build={() => monteCarloChart(plant, lang)} deps={[plant, lang]} height={340} />
      ) : (
        <>
          <h3>{label('monteCarlo', lang)}</h3>
          <Note name="monte-carlo-no-draws">{t.drawsNotKept(mc.draws)}</Note>
        </>
      )}
      <div style={{ marginTop: 12 }}>
        <KpiCards items={items} name="monte-carlo" />
      </div>
    </>
  );
}

/** 建设项目经济评价方法与参数: the indicators against the benchmark, and each statement as a table. */
function ChineseMethod({ cn, currency, lang, t }: { cn: CnEvaluation; currency: string; lang: Lang; t: Strings }) {
  const zh = lang === 'zh';
  const { unit: moneyText, factor } = moneyUnit(lang, currency);
  const value = (v: number | null | undefined, unit: string) => {
    if (v === null || v === undefined) return '—';
    switch (unit) {
      case 'fraction':
        return formatPercent(v, lang, 2);
      case 'years':
        return `${formatNumber(v, lang, 2)} ${t.yearsUnit}`;
      case 'money':
        return formatMoney(v, lang, currency);
      default:
        return formatNumber(v, lang, 2);
    }
  };
  // a statement's rows are money per year, except its cover ratios and the liability-to-asset ratio
  const statementCell = (key: string, v: number | null) => {
    if (v === null) return '';
    if (key === 'liabilityToAssets') return formatPercent(v, lang, 1);
    if (/Cover$/.test(key)) return formatNumber(v, lang, 2);
    return formatNumber(v / factor, lang, zh ? 1 : 2);
  };
  const rows: TableRow[] = cn.indicators.map((i) => ({
    key: i.key,
    cells: [
      <span title={zh ? i.definitionZh : i.definitionEn}>{zh ? i.nameZh : i.nameEn}</span>,
      value(i.value, i.unit),
      i.benchmark === undefined ? '' : value(i.benchmark, i.unit),
      i.passes === undefined ? '' : <span className={i.passes ? 'cn-pass' : 'cn-fail'} data-passes={String(i.passes)}>{i.passes ? t.pass : t.fail}</span>,
    ],
  }));
  return (
    <Card name="cn-method" title={label('chineseMethod', lang)}>
      <p className="cn-muted cn-small">
        {label('benchmarkRate', lang)} {formatPercent(cn.benchmarkRate, lang)}
      </p>
      <DataTable name="cn-indicators" head={[label('indicator', lang), label('value', lang), label('benchmark', lang), label('passes', lang)]} rows={rows} maxHeight="none" />
      <h4 className="cn-subhead">{t.statements}</h4>
      {cn.statements.map((s) => (
        <details key={s.key} className="cn-statement" data-statement={s.key}>
          <summary>{zh ? s.nameZh : s.nameEn}</summary>
          <DataTable
            name={`cn-${s.key}`}
            head={[`${t.item} (${moneyText})`, ...s.years.map(String)]}
            signed
            rows={s.rows.map((r) => ({
              key: r.key,
              cells: [`${r.code} ${zh ? r.nameZh : r.nameEn}`, ...r.values.map((v) => statementCell(r.key, v))],
            }))}
          />
        </details>
      ))}
    </Card>
  );
}
