/**
 * The key figures of the plants done so far, one column per plant, as it grows during a run: the report layer's KPI
 * list (src/report/kpis.ts), so the run page, the compare page and the reports use the same figures and terms
 * (总投资, 度电成本, 净现值, 内部收益率, 投资回收期, 最小偿债覆盖率).
 */
import { kpiValues } from '../../../src/report/kpis.js';
import { useI18n } from '../i18n/index.js';
import type { PlantResultsJson } from '../backend/types.js';

export function KpiTable({ plants }: { plants: readonly PlantResultsJson[] }) {
  const { t, lang } = useI18n();
  if (plants.length === 0) return null;
  const columns = plants.map((p) => kpiValues(p, lang));
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
        <tr data-kpi="technology">
          <th>{t('kpi.technology')}</th>
          {plants.map((p, i) => (
            <td key={i}>{p.performance.technology}</td>
          ))}
        </tr>
        {columns[0].map((k, row) => (
          <tr key={k.key} data-kpi={k.key}>
            <th>{k.label}</th>
            {columns.map((c, i) => (
              <td key={i}>{c[row].text}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
