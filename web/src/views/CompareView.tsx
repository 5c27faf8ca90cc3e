/**
 * The compare page: the technologies of one site side by side — the report layer's compare table (KPIs in rows, plants
 * in columns, the same figures as the HTML report and the workbook) with the best figure of each row marked where
 * "best" has a direction, and under each plant one plain sentence of verdict.
 */
import { useMemo } from 'react';
import { compareTable } from '../../../src/report/charts/compare.js';
import { priceUnit } from '../../../src/report/display.js';
import { label, type LabelKey } from '../../../src/report/labels.js';
import { Card, Note } from '../components/Card.js';
import { DataTable, type TableRow } from '../components/DataTable.js';
import { strings } from './strings.js';
import type { ViewProps } from './types.js';
import '../components/components.css';
import './views.css';

/** Rows where a higher (1) or lower (−1) figure is plainly better. */
const BETTER: Partial<Record<LabelKey, 1 | -1>> = {
  roundTripEfficiency: 1,
  npvProjectAfterTax: 1,
  irrProjectAfterTax: 1,
  irrEquity: 1,
  paybackYears: -1,
  minDscr: 1,
  lcosSchmidt: -1,
  lcosLazard: -1,
  arbitrageMargin: 1,
};

export default function CompareView({ results, lang }: ViewProps) {
  const t = strings(lang);
  const table = useMemo(() => compareTable(results, lang), [results, lang]);
  if (!results.plants.length) return <Note tone="error">{t.noPlant}</Note>;
  const mean = results.prices.mean * 3.6e9;
  const currency = results.plants[0].finance.currency;

  const rows: TableRow[] = table.rows.map((r) => {
    const dir = BETTER[r.key];
    const present = r.values.filter((v): v is number => v !== null);
    const best = dir && present.length > 1 ? (dir > 0 ? Math.max(...present) : Math.min(...present)) : undefined;
    return {
      key: r.key,
      cells: [
        r.label,
        ...r.texts.map((text, j) =>
          best !== undefined && r.values[j] === best ? (
            <strong key={j} className="cn-best" data-best="true">
              {text}
            </strong>
          ) : (
            text
          ),
        ),
      ],
    };
  });
  rows.push({
    key: 'verdict',
    strong: true,
    cells: [
      label('verdict', lang),
      ...table.verdicts.map((v, j) => (
        <span key={j} className="cn-compare-verdict-text" data-verdict-plant={j}>
          {v}
        </span>
      )),
    ],
  });

  return (
    <div className="cn-results cn-page" data-view="compare" lang={lang === 'zh' ? 'zh-CN' : 'en'}>
      <header className="cn-page-head">
        <h2>{t.compareTitle}</h2>
        <p className="cn-muted">
          {results.name} · {label('site', lang)} {results.site.name} · {label('prices', lang)} {label('mean', lang)} {Math.round(mean)} {priceUnit(lang, currency)}
        </p>
      </header>
      <Card name="compare">
        <DataTable
          name="compare"
          maxHeight="none"
          head={[
            label('kpis', lang),
            ...table.columns.map((c) => (
              <span key={c.name} className="cn-compare-head">
                {c.name}
                {c.technology !== c.name ? (
                  <>
                    <br />
                    <span className="cn-muted cn-small">{c.technology}</span>
                  </>
                ) : null}
              </span>
            )),
          ]}
          rows={rows}
        />
        <p className="cn-muted cn-small">{t.compareNote}</p>
      </Card>
    </div>
  );
}
