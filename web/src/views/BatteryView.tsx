/**
 * The battery page of a li-ion plant: the system laid out from the cell, capacity and resistance over the years
 * with the augmentations and replacements (and the spread of the published life models), the replacements table,
 * the end-of-life value, the round trip per year and at C-rates and ambients, and the notes naming the life model.
 * Figures and charts come from the report layer (src/report/battery-section.ts, src/report/charts/battery.ts), so
 * the page and the report say the same.
 */
import { useMemo } from 'react';
import { batteryOf, batteryRows, capacityAfter } from '../../../src/report/battery-section.js';
import type { BatteryDetail } from '../../../src/project/li-ion-evaluate.js';
import { term } from '../../../src/report/battery-labels.js';
import { batteryLifeChart, batteryYearsChart, roundTripChart } from '../../../src/report/charts/battery.js';
import { formatMoney } from '../../../src/report/display.js';
import { label } from '../../../src/report/labels.js';
import { Card, Note } from '../components/Card.js';
import { ChartBox } from '../components/ChartBox.js';
import { DataTable } from '../components/DataTable.js';
import { KpiCards, type KpiItem } from '../components/Kpis.js';
import { batteryStrings } from './battery-strings.js';
import * as f from './format.js';
import type { Lang } from './strings.js';
import type { ViewProps } from './types.js';
import '../components/components.css';
import './views.css';

const MWH = 3.6e9;

/** A text cell that wraps (the tables' cells keep to one line otherwise). */
function Wrapped({ text }: { text: string }) {
  return <span style={{ whiteSpace: 'normal', display: 'inline-block', maxWidth: 360 }}>{text}</span>;
}

export default function BatteryView({ results, plantIndex, lang }: ViewProps) {
  const b = batteryStrings(lang);
  const plant = results.plants[plantIndex];
  const d = plant ? batteryOf(plant) : undefined;
  if (!plant || !d) {
    const names = results.plants.filter((p) => batteryOf(p)).map((p) => p.name).join(', ');
    return (
      <div className="cn-results cn-page" data-view="battery" data-plant={plantIndex}>
        <Note tone="info" name="no-battery">
          {b.noBattery(names)}
        </Note>
      </div>
    );
  }
  return <Battery name={plant.name} d={d} currency={plant.finance.currency} lang={lang} plantIndex={plantIndex} />;
}

function Battery({ name, d, currency, lang, plantIndex }: { name: string; d: BatteryDetail; currency: string; lang: Lang; plantIndex: number }) {
  const b = batteryStrings(lang);
  const own = d.spread.find((s) => s.model === d.lifeModel);
  const after10 = capacityAfter(d, 10);
  const first = d.years[0];
  const kpis: KpiItem[] = [
    { key: 'capacityAfter10', label: term('capacityAfter10', lang), value: after10 === null ? '—' : f.num(after10 * 100, lang, 1), unit: '%' },
    { key: 'yearsTo80', label: b.yearsTo80Own, value: own ? (own.yearsTo80 === null ? term('notReached', lang) : f.num(own.yearsTo80, lang, 1)) : '—', unit: own?.yearsTo80 === null ? undefined : lang === 'zh' ? '年' : 'years' },
    { key: 'replacements', label: b.replacementCount, value: f.num(d.replacements.length, lang, 0) },
    { key: 'endOfLifeValue', label: term('endOfLife', lang), value: formatMoney(d.endOfLife.value, lang, currency), note: `${f.num(d.endOfLife.valuePerEnergy * 3.6e6, lang, 0)} ${currency === 'CNY' && lang === 'zh' ? '元' : currency}/kWh · ${f.num(d.endOfLife.energy / MWH, lang, 1)} MWh` },
    ...(first
      ? [
          { key: 'roundTrip1', label: b.firstYearRoundTrip, value: f.num(first.roundTripEfficiency * 100, lang, 1), unit: '%' },
          { key: 'auxiliary1', label: b.firstYearAux, value: f.num(first.auxiliaryEnergy / MWH, lang), unit: 'MWh' },
        ]
      : []),
  ];
  // the basis of the end-of-life value is a sentence: under the table, not in it
  const rows = useMemo(() => batteryRows(d, lang, currency), [d, lang, currency]);
  const basis = rows.find(([k]) => k === term('basis', lang));
  const reached = d.spread.filter((s) => s.yearsTo80 !== null).map((s) => s.yearsTo80 as number);
  const years = (v: number) => `${f.num(v, lang, 1)} ${lang === 'zh' ? '年' : 'years'}`;
  const spreadNote =
    d.spread.length < 2
      ? b.spreadNoteOne
      : b.spreadNote(
          d.spread.length,
          reached.length ? years(Math.min(...reached)) : term('notReached', lang),
          reached.length === d.spread.length ? years(Math.max(...reached)) : `${term('notReached', lang)} (> ${d.years.length} ${lang === 'zh' ? '年' : 'years'})`,
        );
  return (
    <div className="cn-results cn-page" data-view="battery" data-plant={plantIndex} lang={lang === 'zh' ? 'zh-CN' : 'en'}>
      <header className="cn-page-head">
        <h2>
          {name} — {term('battery', lang)}
        </h2>
        <p className="cn-muted">
          {d.cell} ({d.chemistry}) · {b.lifeModelLine(d.lifeModelName, d.lifeModel)}
        </p>
      </header>
      <KpiCards items={kpis} name="battery" />
      <Card name="battery-life" title={term('batteryLife', lang)}>
        <ChartBox name="battery-life" build={() => batteryLifeChart(d, lang)} deps={[d, lang]} height={460} />
        <p className="cn-muted cn-small" data-note="spread">
          {spreadNote}
        </p>
      </Card>
      <div className="cn-grid-2">
        <Card name="replacements" title={term('replacements', lang)}>
          {d.replacements.length ? (
            <DataTable
              name="replacements"
              maxHeight={460}
              head={[b.operatingYearStart, term('kind', lang), term('racks', lang), `${term('addedEnergyShort', lang)} (MWh)`, term('cost', lang)]}
              rows={d.replacements.map((r, i) => ({ key: String(i), cells: [String(r.year + 1), term(r.kind, lang), f.num(r.racks, lang, 0), f.num(r.energy / MWH, lang, 1), formatMoney(r.cost, lang, currency)] }))}
            />
          ) : (
            <p className="cn-muted" data-note="no-replacements">
              {b.replacementsNone}
            </p>
          )}
        </Card>
        <Card name="battery-layout" title={term('layout', lang)}>
          <DataTable name="battery-layout" head={[term('layout', lang), label('value', lang)]} rows={rows.filter((r) => r !== basis).map(([k, v]) => ({ key: k, cells: [k, <Wrapped text={v} />] }))} />
          {basis ? (
            <p className="cn-muted cn-small" data-note="end-of-life-basis">
              {term('endOfLife', lang)} — {basis[0]}: {basis[1]}
            </p>
          ) : null}
        </Card>
      </div>
      <Card name="battery-years" title={term('yearlyEfficiency', lang)}>
        <ChartBox name="battery-years" build={() => batteryYearsChart(d, lang)} deps={[d, lang]} height={360} />
      </Card>
      {d.roundTrips.length ? (
        <div className="cn-grid-2">
          <Card name="round-trips" title={term('roundTrips', lang)}>
            <ChartBox name="battery-round-trips" build={() => roundTripChart(d, lang)} deps={[d, lang]} height={360} />
          </Card>
          <Card name="round-trip-table" title={term('roundTrips', lang)}>
            <DataTable
              name="round-trips"
              head={[`${term('power', lang)} (MW)`, `${term('ambientShort', lang)} (°C)`, `${term('dcShort', lang)} (%)`, `${term('acShort', lang)} (%)`, `${term('acWithAuxShort', lang)} (%)`]}
              rows={[...d.roundTrips]
                .sort((a, c) => a.power - c.power || a.ambient - c.ambient)
                .map((r, i) => ({ key: String(i), cells: [f.num(r.power / 1e6, lang, 1), f.num(r.ambient - 273.15, lang, 0), f.num(r.dc * 100, lang, 1), f.num(r.ac * 100, lang, 1), f.num(r.acWithAuxiliaries * 100, lang, 1)] }))}
            />
          </Card>
        </div>
      ) : null}
      <Card name="battery-notes" title={b.notes}>
        <DataTable
          name="model-spread"
          head={[term('lifeModel', lang), term('yearsTo80', lang)]}
          rows={d.spread.map((s) => ({ key: s.model, strong: s.model === d.lifeModel, cells: [`${s.name} (${s.model})`, s.yearsTo80 === null ? term('notReached', lang) : years(s.yearsTo80)] }))}
        />
        {d.notes.length ? (
          <ul className="cn-notes cn-small">
            {d.notes.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        ) : null}
      </Card>
    </div>
  );
}
