/**
 * The plant page. A template plant: its key figures, the flowsheet of the charge or the discharge design point
 * (click a stream or a component), the p–h and T–s diagrams of the working fluid with the saturation dome and the
 * design cycle's paths, the transient charge–hold–discharge cycle, the design figures and the warnings. A plant given
 * by its performance (a battery): a panel of that performance instead.
 */
import { lazy, Suspense, useState } from 'react';
import { cycleChart } from '../../../src/report/charts/cycle.js';
import { label } from '../../../src/report/labels.js';
import { Card, Note } from '../components/Card.js';
import { ChartBox } from '../components/ChartBox.js';
import { DataTable } from '../components/DataTable.js';
import { KpiCards, type KpiItem } from '../components/Kpis.js';
import { Segmented } from '../components/Segmented.js';
import { workingFluid } from '../components/flowsheet-layout.js';
import * as f from './format.js';
import { figureName } from '../../../src/report/labels.js';
import { BALANCE_COLUMNS, balanceCaption, balanceRows } from '../../../src/report/tables.js';
import { useLoaded } from './hooks.js';
import { strings, type Lang, type Strings } from './strings.js';
import type { PlantResultsJson, SolutionJson, ViewProps } from './types.js';
import '../components/components.css';
import './views.css';

const Flowsheet = lazy(() => import('../components/Flowsheet.js'));

type Mode = 'charge' | 'discharge';

export default function PlantView(props: ViewProps) {
  const { results, plantIndex, lang } = props;
  const t = strings(lang);
  const plant = results.plants[plantIndex];
  if (!plant) return <Note tone="error">{t.noPlant}</Note>;
  return (
    <div className="cn-results cn-page" data-view="plant" data-plant={plantIndex} lang={lang === 'zh' ? 'zh-CN' : 'en'}>
      <header className="cn-page-head">
        <h2>{plant.name}</h2>
        <p className="cn-muted">
          {plant.performance.technology}
          {plant.plantModel ? ` · ${t.template} ${plant.plantModel.template}` : ''}
        </p>
      </header>
      {plant.plantDetail && plant.plantModel ? <TemplatePlant {...props} plant={plant} t={t} /> : <GivenPerformance plant={plant} lang={lang} t={t} />}
    </div>
  );
}

function TemplatePlant({ plant, lang, t, diagramData }: ViewProps & { plant: PlantResultsJson; t: Strings }) {
  const detail = plant.plantDetail!;
  const model = plant.plantModel!;
  const [mode, setMode] = useState<Mode>('charge');
  const solution = detail[mode].solution as SolutionJson;
  const fluid = workingFluid(detail.charge.solution as SolutionJson) ?? workingFluid(detail.discharge.solution as SolutionJson);
  // the diagrams' data come from the back end; their builder (which reads fluid names through src/fluids) loads beside them
  const diagram = useLoaded(
    `diagram:${fluid}`,
    fluid && diagramData ? () => Promise.all([diagramData(fluid), import('../../../src/report/charts/property.js')]).then(([data, module]) => ({ data, chart: module.propertyDiagramChart })) : undefined,
    t.noDiagramSource,
  );

  const perf = plant.performance;
  const kpis: KpiItem[] = [
    { key: 'roundTripEfficiency', label: label('roundTripEfficiency', lang), value: f.num(model.roundTripEfficiency * 100, lang, 1), unit: '%' },
    { key: 'exergyEfficiency', label: t.exergyEfficiency, value: f.num(model.exergyEfficiency * 100, lang, 1), unit: '%' },
    { key: 'chargePower', label: label('chargePower', lang), value: f.num(perf.chargePower / 1e6, lang), unit: 'MW' },
    { key: 'dischargePower', label: label('dischargePower', lang), value: f.num(perf.dischargePower / 1e6, lang), unit: 'MW' },
    { key: 'energyCapacity', label: label('energyCapacity', lang), value: f.num(perf.energyCapacity / 3.6e9, lang), unit: 'MWh' },
    { key: 'chargeDuration', label: t.chargeDuration, value: f.num(model.chargeDuration / 3600, lang, 2), unit: t.hours },
    { key: 'dischargeDuration', label: t.dischargeDuration, value: f.num(model.dischargeDuration / 3600, lang, 2), unit: t.hours },
    ...(perf.energyDensity
      ? [{ key: 'energyDensity', label: t.energyDensity, value: f.num(perf.energyDensity / 3.6e6, lang), unit: 'kWh/m³', note: perf.energyDensityBasis }]
      : []),
    ...(Math.abs(model.roundTripEfficiencyWithFuel - model.roundTripEfficiency) > 1e-9
      ? [{ key: 'rteWithFuel', label: t.rteWithFuel, value: f.num(model.roundTripEfficiencyWithFuel * 100, lang, 1), unit: '%' }]
      : []),
    { key: 'designAmbient', label: t.designAmbient, value: f.num(model.ambientTemperature - 273.15, lang, 1), unit: '°C' },
  ];

  const warnings = [...model.warnings, ...(detail.charge.solution as SolutionJson).warnings, ...(detail.discharge.solution as SolutionJson).warnings];
  const figures = Object.entries(model.figures);
  // the stores over the periodic design cycle as measured (the report's table, one row per store part)
  const balance = balanceRows(plant, lang);
  const cycle = model.designCycle;

  return (
    <>
      <KpiCards items={kpis} name="plant" />

      <Card
        name="flowsheet"
        title={t.flowsheet}
        tools={
          <Segmented
            name="flowsheet-mode"
            value={mode}
            onChange={setMode}
            options={[
              { key: 'charge', label: t.chargeMode },
              { key: 'discharge', label: t.dischargeMode },
            ]}
          />
        }
      >
        <Suspense fallback={<div className="cn-placeholder" style={{ height: 340 }}>{t.loading}</div>}>
          <Flowsheet key={mode} solution={solution} lang={lang} name={mode} />
        </Suspense>
        <BalanceLine solution={solution} lang={lang} t={t} />
      </Card>

      <div className="cn-grid-2">
        {(['ph', 'Ts'] as const).map((kind) => (
          <Card key={kind} name={`diagram-${kind}`}>
            {diagram.state === 'done' ? (
              <ChartBox name={kind === 'ph' ? 'ph-diagram' : 'ts-diagram'} build={() => diagram.value.chart(detail, diagram.value.data, kind, lang)} deps={[detail, diagram.value, kind, lang]} height={400} />
            ) : diagram.state === 'loading' ? (
              <div className="cn-placeholder" style={{ height: 400 }}>
                {t.diagramLoading}
              </div>
            ) : (
              <Note tone="warn" name="diagram-missing">
                {label(kind === 'ph' ? 'phDiagram' : 'tsDiagram', lang)}: {diagram.error}
              </Note>
            )}
          </Card>
        ))}
      </div>

      <Card name="cycle" title={t.transientCycle}>
        <ChartBox name="cycle" build={() => cycleChart(detail, lang)} deps={[detail, lang]} height={620} />
        {detail.cycle.stops.length ? (
          <p className="cn-muted cn-small">
            {t.cycleStops}:{' '}
            {detail.cycle.stops.map((s) => `${s.phase === 'charge' ? t.chargeMode : s.phase === 'discharge' ? t.dischargeMode : s.phase} ${f.hours(s.time, lang)} — ${s.reason}`).join('; ')}
          </p>
        ) : null}
      </Card>

      {balance.length ? (
        <Card name="store-balance" title={label('liquidBalance', lang)}>
          <DataTable
            name="store-balance"
            head={BALANCE_COLUMNS.map((h) => label(h, lang))}
            rows={balance.map((b, i) => ({ key: String(i), cells: [b.store, ...b.texts], strong: b.endedDischarge }))}
          />
          <p className="cn-muted cn-small">{balanceCaption(plant, lang)}</p>
        </Card>
      ) : null}

      <div className="cn-grid-2">
        <Card name="design-figures" title={t.designFigures}>
          <DataTable
            name="design-figures"
            maxHeight={420}
            head={[t.item, label('value', lang)]}
            rows={figures.map(([key, v]) => ({ key, cells: [<span title={v.note ? `${key}: ${v.note}` : key}>{figureName(key, lang)}</span>, f.figure(key, v.value, v.unit, lang)] }))}
          />
        </Card>
        <Card name="warnings" title={t.warnings}>
          <p className="cn-small">
            <strong>{t.designCycle}:</strong> {cycle.periodic ? t.designCyclePeriodic(cycle.cycles) : t.designCycleNotPeriodic(cycle.cycles)}
            {cycle.stops.length ? ` (${cycle.stops.join('; ')})` : ''}
          </p>
          {cycle.restore?.length ? (
            <ul className="cn-notes cn-small">
              {cycle.restore.map((r) => (
                <li key={r}>{r}</li>
              ))}
            </ul>
          ) : null}
          {warnings.length ? (
            <ul className="cn-warnings" data-warnings={warnings.length}>
              {warnings.map((w, i) => (
                <li key={i}>{w}</li>
              ))}
            </ul>
          ) : (
            <p className="cn-muted" data-warnings="0">
              {t.noWarnings}
            </p>
          )}
          {model.notes.length ? (
            <>
              <h4 className="cn-subhead">{t.notes}</h4>
              <ul className="cn-notes">
                {model.notes.map((n) => (
                  <li key={n}>{n}</li>
                ))}
              </ul>
            </>
          ) : null}
        </Card>
      </div>
    </>
  );
}

/** Net power and total exergy destruction of the shown design point. */
function BalanceLine({ solution, lang, t }: { solution: SolutionJson; lang: Lang; t: Strings }) {
  const b = solution.balances;
  if (!b) return null;
  return (
    <p className="cn-muted cn-small cn-balance">
      {t.balances}: {b.netPower < 0 ? t.netPowerDelivered : t.netPowerDrawn} {f.power(Math.abs(b.netPower), lang)} · {t.totalExergyDestruction} {f.power(b.exergyDestruction, lang)}
    </p>
  );
}

/** A plant described by its performance (a battery): what was given, plainly. */
function GivenPerformance({ plant, lang, t }: { plant: PlantResultsJson; lang: Lang; t: Strings }) {
  const p = plant.performance;
  const durationH = p.energyCapacity / p.dischargePower / 3600;
  const minLoad = p.dischargeCurve.input.length && p.dischargeCurve.output[0] > 0 ? p.dischargeCurve.output[0] / p.dischargePower : 0;
  const items: KpiItem[] = [
    { key: 'dischargePower', label: label('dischargePower', lang), value: f.num(p.dischargePower / 1e6, lang), unit: 'MW' },
    { key: 'chargePower', label: label('chargePower', lang), value: f.num(p.chargePower / 1e6, lang), unit: 'MW' },
    { key: 'energyCapacity', label: label('energyCapacity', lang), value: f.num(p.energyCapacity / 3.6e9, lang), unit: 'MWh' },
    { key: 'duration', label: t.duration, value: f.num(durationH, lang, 2), unit: t.hours },
    { key: 'roundTripEfficiency', label: label('roundTripEfficiency', lang), value: f.num(p.roundTripEfficiency * 100, lang, 1), unit: '%' },
    { key: 'standingLoss', label: t.standingLoss, value: f.num(p.standingLoss * 3600 * 100, lang, 4), unit: '%/h' },
    { key: 'minimumLoad', label: t.minimumLoad, value: f.num(minLoad * 100, lang, 0), unit: '%' },
    ...(p.fuelPerOutput > 0 ? [{ key: 'fuelPerOutput', label: t.fuelPerOutput, value: f.num(p.fuelPerOutput, lang, 3), unit: 'J/J' }] : []),
  ];
  return (
    <>
      <Card name="given-performance" title={t.givenPerformance}>
        <KpiCards items={items} name="given-performance" />
        <p className="cn-muted cn-small" style={{ marginTop: 12 }}>
          {t.givenPerformanceNote}
        </p>
      </Card>
      {p.equipment?.length ? (
        <Card name="equipment" title={t.equipment}>
          <DataTable name="equipment" head={[t.component, t.size]} rows={p.equipment.map((e) => ({ key: e.id, cells: [e.id, f.figure(e.id, e.size, e.unit, lang)] }))} />
        </Card>
      ) : null}
    </>
  );
}
