/**
 * The operation page: the replay's verdict in words (can the plant follow its dispatch?), one chosen week of price,
 * charge, discharge and state of charge, the year as an hour-of-day × day heat map, and the monthly revenue. The hourly
 * schedule is loaded on demand (`loadSchedule`) and kept while the language changes.
 */
import { useState } from 'react';
import { monthlyRevenueChart } from '../../../src/report/charts/monthly.js';
import { yearHeatmapChart } from '../../../src/report/charts/heatmap.js';
import { weekCount, weekOperationChart } from '../../../src/report/charts/week.js';
import { formatMoney, localTime, priceUnit } from '../../../src/report/display.js';
import { label } from '../../../src/report/labels.js';
import { Card, Note } from '../components/Card.js';
import { ChartBox } from '../components/ChartBox.js';
import { KpiCards, type KpiItem } from '../components/Kpis.js';
import * as f from './format.js';
import { useLoaded } from './hooks.js';
import { replayVerdict } from './replay-verdict.js';
import { strings, wordOr, type Lang, type Strings } from './strings.js';
import type { PlantResultsJson, ScheduleData, ViewProps } from './types.js';
import '../components/components.css';
import './views.css';

export default function OperationView({ results, plantIndex, lang, loadSchedule }: ViewProps) {
  const t = strings(lang);
  const plant = results.plants[plantIndex];
  const schedule = useLoaded(`schedule:${plantIndex}:${plant?.name}`, plant ? () => loadSchedule(plantIndex) : undefined);
  if (!plant) return <Note tone="error">{t.noPlant}</Note>;
  const currency = plant.finance.currency;
  return (
    <div className="cn-results cn-page" data-view="operation" data-plant={plantIndex} lang={lang === 'zh' ? 'zh-CN' : 'en'}>
      <header className="cn-page-head">
        <h2>{plant.name}</h2>
        <p className="cn-muted">{plant.performance.technology}</p>
      </header>
      <KpiCards items={dispatchFigures(plant, results.prices, lang, t)} name="operation" />
      {schedule.state === 'loading' ? <div className="cn-placeholder" style={{ height: 200 }}>{t.loading}</div> : null}
      {schedule.state === 'failed' ? <Note tone="error" name="schedule-failed">{t.loadFailed(label('schedule', lang), schedule.error)}</Note> : null}
      {schedule.state === 'done' ? <ScheduleCharts plant={plant} schedule={schedule.value} lang={lang} t={t} currency={currency} /> : null}
    </div>
  );
}

function ScheduleCharts({ plant, schedule, lang, t, currency }: { plant: PlantResultsJson; schedule: ScheduleData; lang: Lang; t: Strings; currency: string }) {
  const weeks = weekCount(schedule);
  // 52 whole weeks are what people pick from; a trailing day (8760 h) is week 53 for the chart only
  const maxWeek = Math.max(1, Math.min(52, weeks));
  const [week, setWeek] = useState(1);
  const go = (w: number) => setWeek(Math.min(maxWeek, Math.max(1, Math.round(w) || 1)));
  return (
    <>
      <Verdict plant={plant} schedule={schedule} lang={lang} t={t} />
      <Card
        name="week"
        title={label('weekOperation', lang)}
        tools={
          <span className="cn-week" data-week={week}>
            <button type="button" className="cn-icon-btn" aria-label={t.previousWeek} title={t.previousWeek} disabled={week <= 1} onClick={() => go(week - 1)}>
              ‹
            </button>
            <label>
              {t.week}{' '}
              <input type="number" min={1} max={maxWeek} value={week} aria-label={t.week} data-input="week" onChange={(e) => go(Number(e.target.value))} />
            </label>
            <span className="cn-muted">{t.weekOf(maxWeek)}</span>
            <input type="range" min={1} max={maxWeek} value={week} aria-label={t.week} data-input="week-slider" onChange={(e) => go(Number(e.target.value))} />
            <button type="button" className="cn-icon-btn" aria-label={t.nextWeek} title={t.nextWeek} disabled={week >= maxWeek} onClick={() => go(week + 1)}>
              ›
            </button>
          </span>
        }
      >
        <ChartBox name="week-operation" build={() => weekOperationChart(schedule, week, lang, currency)} deps={[schedule, week, lang, currency]} height={440} />
      </Card>
      <Card name="heatmap">
        <ChartBox name="year-heatmap" build={() => yearHeatmapChart(schedule, lang)} deps={[schedule, lang]} height={420} />
      </Card>
      <Card name="monthly">
        <ChartBox name="monthly-revenue" build={() => monthlyRevenueChart(schedule, lang, currency)} deps={[schedule, lang, currency]} height={360} />
      </Card>
    </>
  );
}

/** The replay's verdict: the shares of hours and energy not followed, the violations, and the energies. */
function Verdict({ plant, schedule, lang, t }: { plant: PlantResultsJson; schedule: ScheduleData; lang: Lang; t: Strings }) {
  const v = replayVerdict(schedule);
  const r = plant.replay;
  if (!v || !r) {
    return (
      <Card name="verdict" title={t.replayVerdict}>
        <p className="cn-verdict" data-verdict="no-replay">
          {t.verdictNoReplay}
        </p>
      </Card>
    );
  }
  const follows = v.unfollowedSteps === 0 && r.violationCount === 0;
  const first = r.violations[0];
  const firstText = first ? `${stepTime(schedule, first.step)}${t.comma}${wordOr(t.violationLimits, first.limit)}` : '';
  const items: KpiItem[] = [
    { key: 'hoursNotFollowed', label: t.verdictHoursLabel, value: f.num(v.hourShare * 100, lang, 1), unit: '%', note: `${v.unfollowedSteps} / ${v.runningSteps} ${t.hours}`, tone: v.hourShare > 0.05 ? 'bad' : undefined },
    { key: 'energyNotFollowed', label: t.verdictEnergyLabel, value: f.num(v.energyShare * 100, lang, 1), unit: '%', tone: v.energyShare > 0.05 ? 'bad' : undefined },
    { key: 'violations', label: t.violationsLabel, value: String(r.violationCount) },
  ];
  return (
    <Card name="verdict" title={t.replayVerdict}>
      <p className="cn-verdict" data-verdict={follows ? 'follows' : 'not-followed'} data-hour-share={v.hourShare} data-energy-share={v.energyShare}>
        {[
          follows ? t.verdictFollows : t.verdictShares(f.percent(v.hourShare, lang), f.percent(v.energyShare, lang)),
          ...(r.violationCount > 0 ? [t.verdictViolations(r.violationCount, firstText)] : []),
          t.verdictEnergy(f.energyMWh(r.energyIn, lang), f.energyMWh(r.dispatchEnergyIn, lang), f.energyMWh(r.energyOut, lang), f.energyMWh(r.dispatchEnergyOut, lang)),
          t.verdictMoneyBasis,
        ].join(t.sentenceGap)}
      </p>
      <KpiCards items={items} name="verdict" />
    </Card>
  );
}

/** The dispatched year in figures. */
function dispatchFigures(plant: PlantResultsJson, prices: { mean: number; min: number; max: number }, lang: Lang, t: Strings): KpiItem[] {
  const d = plant.dispatch;
  const r = plant.replay;
  const currency = plant.finance.currency;
  const MWH = 3.6e9;
  return [
    { key: 'arbitrage', label: label('arbitrageMargin', lang), value: formatMoney(plant.finance.revenuePerYear.arbitrage, lang, currency) },
    // what the plant does (the replay of a template plant), with the schedule's figure beside it where they differ
    { key: 'charged', label: t.charged, value: f.num((r ? r.energyIn : d.charged) / MWH, lang, 0), unit: 'MWh', note: r ? `${t.scheduled} ${f.num(d.charged / MWH, lang, 0)} MWh` : undefined },
    { key: 'discharged', label: t.discharged, value: f.num((r ? r.energyOut : d.discharged) / MWH, lang, 0), unit: 'MWh', note: r ? `${t.scheduled} ${f.num(d.discharged / MWH, lang, 0)} MWh` : undefined },
    { key: 'cycles', label: label('equivalentFullCycles', lang), value: f.num(d.equivalentFullCycles, lang, 0) },
    {
      key: 'prices',
      label: t.priceRange,
      value: `${f.num(prices.min * MWH, lang, 0)}–${f.num(prices.max * MWH, lang, 0)}`,
      unit: priceUnit(lang, currency),
      note: `${label('mean', lang)} ${f.num(prices.mean * MWH, lang, 0)}`,
    },
    { key: 'dispatch', label: t.dispatchMethod, value: `${d.formulation.toUpperCase()}`, note: `${wordOr(t.horizons, d.horizon.kind)}${t.comma}${wordOr(t.statuses, d.status)}` },
  ];
}

/** The local date and hour of a step: "01-01 21:00". */
function stepTime(s: ScheduleData, step: number): string {
  const t = localTime(s.startMs + step * s.stepSeconds * 1000, s.utcOffsetMinutes);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(t.month + 1)}-${two(t.day)} ${two(t.hour)}:00`;
}
