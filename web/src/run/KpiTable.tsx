/** The key figures of the plants done so far, one column per plant (the run page; the Compare view has the full table). */
import { useI18n, formatMoney, formatNumber, formatPercent, type MessageKey } from '../i18n/index.js';
import type { Lang, PlantResultsJson } from '../backend/types.js';

const MW = 1e6;
const MWH = 3.6e9;

type Row = readonly [MessageKey, (p: PlantResultsJson, lang: Lang, t: (k: MessageKey, v?: Record<string, string | number>) => string) => string];

const ROWS: readonly Row[] = [
  ['kpi.technology', (p) => p.performance.technology],
  ['kpi.power', (p, l) => `${formatNumber(p.performance.dischargePower / MW, l, 1)} / ${formatNumber(p.performance.chargePower / MW, l, 1)} MW`],
  ['kpi.energy', (p, l) => `${formatNumber(p.performance.energyCapacity / MWH, l, 1)} MWh`],
  ['kpi.rte', (p, l) => formatPercent(p.performance.roundTripEfficiency, l, 1)],
  ['kpi.discharged', (p, l) => `${formatNumber((p.replay ? p.replay.energyOut : p.dispatch.discharged) / MWH, l, 0)} MWh`],
  ['kpi.cycles', (p, l) => formatNumber(p.dispatch.equivalentFullCycles, l, 1)],
  ['kpi.capex', (p, l) => formatMoney(p.finance.capex, l, p.finance.currency)],
  ['kpi.margin', (p, l) => formatMoney(p.finance.revenuePerYear.arbitrage, l, p.finance.currency)],
  ['kpi.npv', (p, l) => formatMoney(p.finance.npvProjectAfterTax, l, p.finance.currency)],
  ['kpi.irr', (p, l) => formatPercent(p.finance.irrProjectAfterTax, l)],
  ['kpi.irrEquity', (p, l) => formatPercent(p.finance.irrEquity, l)],
  ['kpi.payback', (p, l, t) => (p.finance.paybackYears === null ? t('kpi.notReached') : t('kpi.years', { n: formatNumber(p.finance.paybackYears, l, 1) }))],
  ['kpi.minDscr', (p, l) => (p.finance.minDscr === null ? '—' : formatNumber(p.finance.minDscr, l, 2))],
  ['kpi.lcos', (p, l) => (p.finance.lcosSchmidt === null ? '—' : `${formatNumber(p.finance.lcosSchmidt * MWH, l, 1)} ${l === 'zh' ? '元' : p.finance.currency}/MWh`)],
  ['kpi.lcosLazard', (p, l) => (p.finance.lcosLazard === null ? '—' : `${formatNumber(p.finance.lcosLazard * MWH, l, 1)} ${l === 'zh' ? '元' : p.finance.currency}/MWh`)],
];

export function KpiTable({ plants }: { plants: readonly PlantResultsJson[] }) {
  const { t, lang } = useI18n();
  if (plants.length === 0) return null;
  return (
    <table className="kpi-table" data-kpi-table={plants.length}>
      <thead>
        <tr>
          <th>{t('results.kpis')}</th>
          {plants.map((p, i) => (
            <th key={i}>{p.name}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {ROWS.map(([key, value]) => (
          <tr key={key} data-kpi={key}>
            <th>{t(key)}</th>
            {plants.map((p, i) => (
              <td key={i}>{value(p, lang, t)}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
