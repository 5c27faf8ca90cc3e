/**
 * Results of a project run as texts: a summary for the terminal (display units), the JSON results, and CSV time
 * series and cash flows that reopen the run without recomputing it. No file access here (write.ts writes them).
 */
import { formatNumber } from '../units/index.js';
import type { PlantEvaluation, ProjectEvaluation, YearlyCashFlow } from './evaluate.js';
import type { ReplayReport } from './template-plant.js';

const MWH = 3.6e9;
const MW = 1e6;

/** A compact comparison table of the plants and the conventions behind it. */
export function summaryText(e: ProjectEvaluation, currency = 'CNY'): string {
  const money = (v: number) => formatNumber(v / 1e6, 5);
  const pct = (v: number | null) => (v === null ? '—' : `${formatNumber(v * 100, 3)} %`);
  const perMWh = (v: number | null) => (v === null ? '—' : formatNumber(v * MWH, 4));
  const rows: [string, (p: PlantEvaluation) => string][] = [
    ['technology', (p) => p.performance.technology],
    ['power out / in, MW', (p) => `${formatNumber(p.performance.dischargePower / MW, 4)} / ${formatNumber(p.performance.chargePower / MW, 4)}`],
    // a template plant's figures are its periodic design cycle at the annual mean ambient (`chuneng simulate` prints the same beside the file's first cycle)
    ['energy (periodic design cycle), MWh', (p) => formatNumber(p.performance.energyCapacity / MWH, 4)],
    ['round-trip efficiency (periodic design cycle)', (p) => pct(p.performance.roundTripEfficiency)],
    ['designed at (annual mean ambient)', (p) => (p.plantModel ? `${formatNumber(p.plantModel.ambientTemperature - 273.15, 3)} degC` : '—')],
    ['energy density', (p) => (p.performance.energyDensity ? `${formatNumber(p.performance.energyDensity / 3.6e6, 3)} kWh/m3 (${p.performance.energyDensityBasis})` : '—')],
    ['discharged per year, MWh', (p) => formatNumber((p.replay ? p.replay.energyOut : p.dispatch.discharged) / MWH, 5)],
    ['equivalent full cycles per year', (p) => formatNumber(p.dispatch.equivalentFullCycles, 4)],
    [`arbitrage margin per year, M${currency}`, (p) => money(p.finance.revenuePerYear.arbitrage)],
    [`capex, M${currency}`, (p) => money(p.finance.capex)],
    [`NPV after tax, M${currency}`, (p) => money(p.finance.npvProjectAfterTax)],
    ['project IRR after tax', (p) => pct(p.finance.irrProjectAfterTax)],
    ['equity IRR', (p) => pct(p.finance.irrEquity)],
    ['payback, years', (p) => (p.finance.paybackYears === null ? 'not reached' : formatNumber(p.finance.paybackYears, 3))],
    ['minimum DSCR', (p) => (p.finance.minDscr === null ? '—' : formatNumber(p.finance.minDscr, 3))],
    [`LCOS Schmidt, ${currency}/MWh`, (p) => perMWh(p.finance.lcosSchmidt)],
    [`LCOS Lazard, ${currency}/MWh`, (p) => perMWh(p.finance.lcosLazard)],
    ['dispatch', (p) => `${p.dispatch.formulation.toUpperCase()} ${p.dispatch.horizon.kind}, ${p.dispatch.status}, ${formatNumber(p.dispatch.solveSeconds, 3)} s`],
  ];
  // a li-ion plant's life (the battery model): what an investor asks of a battery
  if (e.plants.some((p) => p.battery)) {
    const life = (f: (b: NonNullable<PlantEvaluation['battery']>) => string) => (p: PlantEvaluation) => (p.battery ? f(p.battery) : '—');
    rows.push(
      ['battery capacity after 10 years', life((b) => (b.years.length >= 10 ? pct(b.years[9].capacityEnd) : `${pct(b.years[b.years.length - 1].capacityEnd)} (after year ${b.years.length})`))],
      ['battery replacements', life((b) => (b.replacements.length ? b.replacements.map((r) => `year ${r.year + 1}: ${r.kind} ${money(r.cost)} M${currency}`).join('; ') : 'none'))],
      [`end-of-life value, M${currency}`, life((b) => money(b.endOfLife.value))],
    );
  }
  const header = ['', ...e.plants.map((p) => p.name)];
  const body = rows.map(([label, f]) => [label, ...e.plants.map(f)]);
  const widths = header.map((_, j) => Math.max(...[header, ...body].map((r) => r[j].length)));
  const line = (r: string[]) => r.map((c, j) => c.padEnd(widths[j])).join('  ').trimEnd();
  const notes = e.plants.flatMap((p) => [
    ...(p.plantModel?.warnings ?? []).map((w) => `${p.name}: plant model: ${w}`),
    ...p.dispatch.relaxed.map((r) => `${p.name}: ${r}`),
    ...(p.finance.lcosNote ? [`${p.name}: LCOS ${p.finance.lcosNote}`] : []),
    ...(p.replay ? [`${p.name}: replay through the plant model: ${replayLine(p.replay)}`] : []),
    ...(p.battery
      ? [
          `${p.name}: life model ${p.battery.lifeModel} (${p.battery.lifeModelName}); the shipped ${p.battery.chemistry} models under the first year's duty give years to 80 %: ${p.battery.spread.map((m) => `${m.model} ${m.yearsTo80 === null ? `> ${m.capacity.length - 1}` : formatNumber(m.yearsTo80, 3)}`).join(', ')}`,
          ...p.battery.notes.map((n) => `${p.name}: ${n}`),
        ]
      : []),
  ]);
  const recycling = (e.recycling ?? []).flatMap((r) => {
    const x = r.result;
    const f = r.finance;
    return [
      `${r.name}: ${r.route} route, ${formatNumber(x.feedMass / 1e3, 4)} t/yr of retired batteries (utilisation ${pct(x.utilisation)}); net value ${formatNumber(x.netValuePerMass * 1e3, 4)} yuan/t, ${formatNumber(x.netValuePerEnergy * 3.6e6, 4)} yuan/kWh; break-even gate fee ${formatNumber(x.breakEvenGateFee * 1e3, 4)} yuan/t (negative: it can pay for batteries)`,
      ...(f
        ? [`${r.name}: capex ${money(f.capex)} M${f.currency}, NPV after tax ${money(f.npvProjectAfterTax)} M${f.currency}, project IRR ${pct(f.irrProjectAfterTax)}, equity IRR ${pct(f.irrEquity)}, payback ${f.paybackYears === null ? 'not reached' : `${formatNumber(f.paybackYears, 3)} years`}`]
        : []),
    ];
  });
  return [
    `${e.name} — ${e.site.name}; prices ${formatNumber(e.prices.min * MWH, 4)}–${formatNumber(e.prices.max * MWH, 4)} ${currency}/MWh (mean ${formatNumber(e.prices.mean * MWH, 4)}); ${formatNumber(e.seconds, 3)} s`,
    '',
    line(header),
    line(widths.map((w) => '-'.repeat(w))),
    ...body.map(line),
    ...(recycling.length ? ['', 'Recycling:', ...recycling.map((n) => `  - ${n}`)] : []),
    ...(notes.length ? ['', 'Notes:', ...notes.map((n) => `  - ${n}`)] : []),
    '',
    'Conventions:',
    ...e.conventions.map((c) => `  - ${c}`),
    '',
  ].join('\n');
}

/** A plant of results.json: the evaluation without its schedule and realised powers (the CSVs carry them). */
export type ResultsPlant = Omit<PlantEvaluation, 'schedule' | 'replay'> & {
  readonly replay?: Omit<ReplayReport, 'charge' | 'discharge'>;
  readonly scheduleSteps: number;
};

/** results.json: the evaluation without the bulky schedules (SI units, money in each plant's currency). */
export type ResultsData = Omit<ProjectEvaluation, 'plants'> & { readonly plants: readonly ResultsPlant[] };

/** One plant's entry of results.json (the API serves it as soon as the plant is done). */
export function plantResultsJson({ schedule, replay, ...rest }: PlantEvaluation): ResultsPlant {
  const plain = replay ? (({ charge: _c, discharge: _d, ...r }) => r)(replay) : undefined;
  return { ...rest, ...(plain ? { replay: plain } : {}), scheduleSteps: schedule.charge.length };
}

/** results.json of an evaluation. */
export function resultsJson(e: ProjectEvaluation): ResultsData {
  return { ...e, plants: e.plants.map(plantResultsJson) };
}

/** A file of a results folder: its name and its text. */
export interface ResultFile {
  readonly name: string;
  readonly text: string;
}

/** The files of a results folder: results.json, summary.txt, and per plant its schedule and yearly cash flow (CSV). */
export function resultFiles(e: ProjectEvaluation, currency = 'CNY'): ResultFile[] {
  return [
    { name: 'results.json', text: JSON.stringify(resultsJson(e), null, 2) + '\n' },
    { name: 'summary.txt', text: summaryText(e, currency) },
    ...e.plants.flatMap((p, i) => [
      { name: `schedule-${i + 1}-${fileSafe(p.name)}.csv`, text: scheduleCsv(p, currency) },
      { name: `cashflow-${i + 1}-${fileSafe(p.name)}.csv`, text: cashFlowCsv(p, currency) },
    ]),
  ];
}

function fileSafe(name: string): string {
  return name.replace(/[^\w.-]+/g, '_');
}

/** Per step: time, price, charge, discharge, stored energy, SOC, revenue; for a template plant also the powers its model realises. */
export function scheduleCsv(p: PlantEvaluation, currency = 'CNY'): string {
  const s = p.schedule;
  const capacity = p.performance.energyCapacity;
  const r = p.replay;
  const lines = [`time,price_${currency}_per_MWh,charge_MW,discharge_MW,stored_MWh,soc,revenue_${currency}${r ? ',plant_charge_MW,plant_discharge_MW' : ''}`];
  for (let t = 0; t < s.charge.length; t++) {
    const time = new Date(s.startMs + t * s.stepSeconds * 1000 + s.utcOffsetMinutes * 60_000).toISOString().replace('Z', offsetText(s.utcOffsetMinutes));
    const revenue = s.price[t] * (s.discharge[t] - s.charge[t]) * s.stepSeconds;
    const real = r ? `,${(r.charge[t] / MW).toPrecision(8)},${(r.discharge[t] / MW).toPrecision(8)}` : '';
    lines.push(
      `${time},${(s.price[t] * MWH).toPrecision(8)},${(s.charge[t] / MW).toPrecision(8)},${(s.discharge[t] / MW).toPrecision(8)},${(s.energy[t] / MWH).toPrecision(8)},${(s.energy[t] / capacity).toPrecision(6)},${revenue.toPrecision(8)}${real}`,
    );
  }
  return lines.join('\n') + '\n';
}

/** The yearly cash flow in display units: one row per year t (0 = start of construction); money in the currency, energy in MWh. */
export const CASH_FLOW_COLUMNS = [
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

export function cashFlowCsv(p: { readonly finance: { readonly cashFlow: YearlyCashFlow } }, currency = 'CNY'): string {
  const c = p.finance.cashFlow;
  const head = ['year', 'operating_year', ...CASH_FLOW_COLUMNS.map((k) => (k === 'energyDischarged' ? 'energyDischarged_MWh' : `${k}_${currency}`)), 'cumulative_after_tax_' + currency, 'dscr'];
  const lines = [head.join(',')];
  let cumulative = 0;
  for (let t = 0; t < c.year.length; t++) {
    cumulative += c.projectCashFlowAfterTax[t];
    const cells = CASH_FLOW_COLUMNS.map((k) => csvNumber(k === 'energyDischarged' ? c[k][t] / MWH : c[k][t]));
    const d = c.dscr[t];
    lines.push([String(c.year[t]), String(c.operatingYear[t]), ...cells, csvNumber(cumulative), d === null || d === undefined ? '' : csvNumber(d)].join(','));
  }
  return lines.join('\n') + '\n';
}

/** Ten significant digits, without trailing zeros (money to 0.01 yuan up to 1e8). */
function csvNumber(v: number): string {
  return String(Number(v.toPrecision(10)));
}

function offsetText(minutes: number): string {
  const sign = minutes >= 0 ? '+' : '-';
  const m = Math.abs(minutes);
  return `${sign}${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

/** A one-line account of a replay, for the terminal. */
export function replayLine(r: ReplayReport): string {
  const mwh = (j: number) => (j / MWH).toFixed(0);
  const head = r.feasible ? 'feasible' : `${r.violationCount} violations (first: step ${r.violations[0]?.step}, ${r.violations[0]?.limit})`;
  return `${head}; plant model ${mwh(r.energyIn)} MWh in / ${mwh(r.energyOut)} MWh out vs dispatch ${mwh(r.dispatchEnergyIn)} / ${mwh(r.dispatchEnergyOut)}`;
}
