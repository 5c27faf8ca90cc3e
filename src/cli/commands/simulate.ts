/**
 * `chuneng simulate plant.yaml [--json] [--out DIR] [--performance]`: a template plant (format:
 * src/plant/templates/plant-file.ts) designed at its site and run through its charge–hold–discharge cycle. A thin
 * adapter: the plant layer parses, designs and simulates; this prints a summary or one JSON object (metrics in SI
 * with a human-readable copy, time series, the design points' stream and component tables), and with --out writes
 * results.json, timeseries.csv, the two design-point network files and summary.txt. A progress bar goes to stderr
 * on a terminal.
 *
 * Two cycles, each figure labelled with its own: the file's cycle is the first from empty stores, at the file's
 * durations (a charge may end before the store is full, a discharge when a store runs out); the periodic design
 * cycle (a charge until a store limit and a discharge until empty, repeated until the stores return to where the
 * cycle began) gives the capacity and round-trip efficiency `chuneng evaluate` reports for the same plant at the
 * same ambient (a project designs its plants at the annual mean of its site's temperatures).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import cliProgress from 'cli-progress';
import { formatNumber } from '../../units/index.js';
import { cycleOptionsOf, parsePlantFile, plantOf, siteOf, type PlantFile } from '../../plant/templates/plant-file.js';
import { efficiencyFigures } from '../../plant/templates/efficiency.js';
import type { CycleResult, PlantModel, PlantPerformance } from '../../plant/templates/index.js';
import { STDOUT, textTable, type CommandOutput } from '../output.js';
import { storeBalanceText } from './simulate-balance.js';

interface SimulateFlags {
  json?: boolean;
  out?: string;
  performance?: boolean;
  progress?: boolean;
}

const MWH = 3.6e9;
const PHASES = ['charge', 'hold', 'discharge', 'end'];

export function registerSimulateCommand(program: Command, output: CommandOutput = STDOUT): Command {
  return program
    .command('simulate')
    .description('Design a template plant (A-CAES, D-CAES, gas-liquid or transcritical CO2) at its site and run its charge–hold–discharge cycle: RTE, energy density, time series, losses.')
    .argument('<file>', 'plant file (.yaml or .json): template, parameters, site, cycle')
    .option('--json', 'print one JSON object: metrics (SI and readable), time series, design-point tables')
    .option('--out <dir>', 'write results.json, timeseries.csv, charge.yaml, discharge.yaml and summary.txt into this folder')
    .option('--performance', 'also put the plant’s whole performance for dispatch (part-load curves, equipment) in the JSON; the periodic design cycle’s figures are always reported')
    .option('--no-progress', 'no progress bar')
    .action(async (file: string, flags: SimulateFlags) => {
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch (error) {
        throw new Error(`simulate: cannot read "${file}": ${(error as Error).message}`);
      }
      const parsed = parsePlantFile(text, file);
      if (!parsed.ok) throw new Error(problems(file, parsed.issues));
      const built = plantOf(parsed.file);
      if (!built.ok) throw new Error(problems(file, built.issues));
      const plant = built.plant;
      const bar =
        flags.progress !== false && process.stderr.isTTY
          ? new cliProgress.SingleBar({ format: '{bar} {percentage}% | {stage}', stream: process.stderr, hideCursor: true }, cliProgress.Presets.shades_classic)
          : undefined;
      bar?.start(1, 0, { stage: 'cycle' });
      const result = plant.cycle(
        cycleOptionsOf(parsed.file, (done, total) => {
          bar?.setTotal(total);
          bar?.update(done, { stage: 'cycle' });
        }),
      );
      bar?.update(bar.getTotal(), { stage: 'done' });
      bar?.stop();
      // the periodic design cycle, as `chuneng evaluate` reports it
      const performance = plant.performance();
      const json = resultsJson(parsed.file, plant, result, performance, flags.performance === true);
      const summary = summaryText(file, parsed.file, plant, result, performance);
      if (flags.out) {
        mkdirSync(flags.out, { recursive: true });
        writeFileSync(join(flags.out, 'results.json'), `${JSON.stringify(json, null, 1)}\n`);
        writeFileSync(join(flags.out, 'timeseries.csv'), timeseriesCsv(result));
        writeFileSync(join(flags.out, 'charge.yaml'), plant.network('charge'));
        writeFileSync(join(flags.out, 'discharge.yaml'), plant.network('discharge'));
        writeFileSync(join(flags.out, 'summary.txt'), summary);
      }
      output.out(flags.json ? `${JSON.stringify(json)}\n` : summary);
    });
}

function problems(file: string, issues: readonly { message: string }[]): string {
  return `${file}: ${issues.length} problem${issues.length > 1 ? 's' : ''}:\n${issues.map((i) => `  ${i.message}`).join('\n')}`;
}

const n = (v: number, digits = 5) => formatNumber(v, digits);

/** The metrics for people: each with its unit. */
function readable(r: CycleResult, fuel: boolean): Record<string, string> {
  const m = r.metrics;
  const out: Record<string, string> = {
    energyIn: `${n(m.energyIn / MWH)} MWh`,
    energyOut: `${n(m.energyOut / MWH)} MWh`,
    roundTripEfficiency: `${n(m.roundTripEfficiency * 100, 4)} %`,
    exergyEfficiency: `${n(m.exergyEfficiency * 100, 4)} %`,
    chargeDuration: `${n(m.chargeDuration / 3600, 4)} h`,
    holdDuration: `${n(m.holdDuration / 3600, 4)} h`,
    dischargeDuration: `${n(m.dischargeDuration / 3600, 4)} h`,
    heatRejected: `${n(m.heatRejected / MWH)} MWh`,
    drivetrainLoss: `${n(m.drivetrainLoss / MWH)} MWh`,
    exhaustLoss: `${n(m.exhaustLoss / MWH)} MWh`,
    storeLoss: `${n(m.storeLoss / MWH)} MWh`,
    auxiliaryEnergy: `${n(m.auxiliaryEnergy / MWH)} MWh`,
    storedEnergyChange: `${n(m.storedEnergyChange / MWH)} MWh`,
    storeExergyChange: `${n(m.storeExergyChange / MWH)} MWh`,
  };
  if (fuel) {
    out.fuel = `${n(m.fuel / MWH)} MWh (LHV)`;
    out.roundTripEfficiencyWithFuel = `${n(m.roundTripEfficiencyWithFuel * 100, 4)} %`;
  }
  for (const d of m.energyDensity) out[`energyDensity (${d.basis})`] = `${n(d.value / 3.6e6, 4)} kWh/m3 on ${n(d.volume, 6)} m3`;
  return out;
}

/** What the file's cycle is, beside the periodic design cycle. */
const FIRST_CYCLE = 'first cycle from empty stores, at the plant file’s charge, hold and discharge durations (a phase ends early at a store limit)';
const PERIODIC_CYCLE = 'periodic design cycle: a charge until a store limit and a discharge until empty at design power, repeated until the stores return to where the cycle began (what `chuneng evaluate` reports)';

/** The periodic design cycle's figures (SI), the ones a project evaluation uses. */
function periodicFigures(p: PlantPerformance, ambientTemperature: number) {
  return {
    cycle: PERIODIC_CYCLE,
    ambientTemperature,
    energyIn: p.energyCapacity / p.roundTripEfficiency,
    energyOut: p.energyCapacity,
    roundTripEfficiency: p.roundTripEfficiency,
    roundTripEfficiencyWithFuel: p.roundTripEfficiencyWithFuel,
    exergyEfficiency: p.exergyEfficiency,
    chargeDuration: p.chargeDuration,
    dischargeDuration: p.dischargeDuration,
    standingLoss: p.standingLoss,
    energyDensity: p.energyDensity,
    energyDensityBasis: p.energyDensityBasis,
    cycles: p.designCycle.cycles,
    periodic: p.designCycle.periodic,
    roundTripEfficiencies: p.designCycle.roundTripEfficiencies,
    stops: p.designCycle.stops,
    /** Every store part's balance over this cycle, measured (src/plant/templates/balance.ts). */
    storeBalance: p.designCycle.storeBalance,
    warnings: p.warnings,
  };
}

/** Why the file's first cycle and the periodic design cycle differ, from what each did. */
function differences(file: PlantFile, r: CycleResult, p: PlantPerformance): string[] {
  const m = r.metrics;
  const h = (s: number) => `${n(s / 3600, 4)} h`;
  const out = ['the file’s cycle starts from empty stores (thermal stores and basin as built); the periodic cycle from the state the cycle before it left'];
  const chargeStop = r.stops.find((s) => s.phase === 'charge');
  if (chargeStop) out.push(`the file’s charge stopped after ${h(chargeStop.time)} (${chargeStop.reason}); the periodic one runs ${h(p.chargeDuration)} to its store limit`);
  else if (file.cycle.charge < p.chargeDuration) out.push(`the file’s charge of ${h(m.chargeDuration)} ends before a store is full: the periodic one runs ${h(p.chargeDuration)} to its store limit`);
  const dischargeStop = r.stops.find((s) => s.phase === 'discharge');
  if (dischargeStop) out.push(`the file’s discharge stopped after ${h(dischargeStop.time)} (${dischargeStop.reason}); the periodic one runs ${h(p.dischargeDuration)}`);
  else if (file.cycle.discharge < p.dischargeDuration) out.push(`the file’s discharge of ${h(m.dischargeDuration)} ends before the store is empty: the periodic one runs ${h(p.dischargeDuration)}`);
  if (file.cycle.hold > 0) out.push(`the file’s cycle holds ${h(file.cycle.hold)} between charge and discharge (standing losses); the periodic one does not`);
  return out;
}

function resultsJson(file: PlantFile, plant: PlantModel, r: CycleResult, performance: PlantPerformance, full: boolean): Record<string, unknown> {
  const design = plant.design();
  const ts = r.timeseries;
  const fuel = r.metrics.fuel > 0;
  const site = siteOf(file);
  return {
    name: file.name ?? plant.template,
    template: plant.template,
    technology: plant.technology,
    site,
    cycle: file.cycle,
    metricsCycle: FIRST_CYCLE,
    periodicDesignCycle: { ...periodicFigures(performance, site.ambientTemperature), differences: differences(file, r, performance) },
    metrics: { ...r.metrics, losses: r.metrics.losses },
    metricsReadable: readable(r, fuel),
    efficiencies: efficiencyFigures(r.metrics, (plant.parameters as { referenceEfficiency?: number }).referenceEfficiency),
    stops: r.stops,
    conservation: r.conservation,
    timeseries: {
      t: Array.from(ts.t),
      dt: Array.from(ts.dt),
      phase: Array.from(ts.phase, (p) => PHASES[p]),
      channels: Object.fromEntries(Object.entries(ts.channels).map(([k, c]) => [k, { unit: c.unit, values: Array.from(c.values) }])),
    },
    design: { charge: design.charge.toJSON(), discharge: design.discharge.toJSON(), figures: design.figures, notes: design.notes },
    ...(full ? { performance } : {}),
  };
}

function timeseriesCsv(r: CycleResult): string {
  const ts = r.timeseries;
  const names = Object.keys(ts.channels);
  const head = ['t_s', 'dt_s', 'phase', ...names.map((k) => `${k}_${ts.channels[k].unit}`)].join(',');
  const rows: string[] = [head];
  for (let i = 0; i < ts.t.length; i++) rows.push([ts.t[i], ts.dt[i], PHASES[ts.phase[i]], ...names.map((k) => ts.channels[k].values[i])].join(','));
  return `${rows.join('\n')}\n`;
}

function summaryText(path: string, file: PlantFile, plant: PlantModel, r: CycleResult, performance: PlantPerformance): string {
  const m = r.metrics;
  const site = siteOf(file);
  const design = plant.design();
  const fuel = m.fuel > 0;
  let text = `${file.name ?? path}: ${plant.technology} (template ${plant.template}) at ${n(site.ambientTemperature - 273.15, 4)} degC\n`;
  text += `Design: charge ${n((design.figures.chargeNetPower?.value ?? 0) / 1e6)} MW drawn, discharge ${n((design.figures.dischargeNetPower?.value ?? 0) / 1e6)} MW delivered (auxiliaries included)\n`;
  text += `Cycle: charge ${n(file.cycle.charge / 3600, 4)} h, hold ${n(file.cycle.hold / 3600, 4)} h, discharge ${n(file.cycle.discharge / 3600, 4)} h in steps of ${n(file.cycle.step, 4)} s, the first from empty stores\n`;
  for (const s of r.stops) text += `  ${s.phase} stopped after ${n(s.time / 3600, 4)} h: ${s.reason}\n`;
  text += '\nMetrics (first cycle from empty, the file’s durations)\n';
  text += textTable(Object.entries(readable(r, fuel)).map(([k, v]) => [k, v]));
  text += '\nEfficiencies (first cycle from empty)\n';
  text += textTable(efficiencyFigures(m, (plant.parameters as { referenceEfficiency?: number }).referenceEfficiency).map((e) => [e.name, e.unit === '-' ? `${n(e.value * 100, 4)} %` : `${n(e.value, 4)} ${e.unit}`, e.formula]));
  text += '\nLosses by component (exergy destroyed over the cycle)\n';
  text += textTable(
    m.losses.slice(0, 12).map((l) => [l.id, `${n(l.exergyDestroyed / MWH, 4)} MWh`, l.heat !== 0 ? `heat ${n(l.heat / MWH, 4)} MWh` : '']),
    ['component', 'exergy destroyed', ''],
  );
  const stores = Object.entries(m.storeLossByStore).filter(([, v]) => v !== 0);
  if (stores.length > 0) text += `Store heat losses: ${stores.map(([k, v]) => `${k} ${n(v / MWH, 4)} MWh`).join(', ')}\n`;
  text += `\nConservation: mass ${r.conservation.massRelative.toExponential(1)}, energy ${r.conservation.energyRelative.toExponential(1)} (relative residuals over the cycle)\n`;
  const p = periodicFigures(performance, site.ambientTemperature);
  text += `\nPeriodic design cycle (what \`chuneng evaluate\` reports for this plant designed at ${n(site.ambientTemperature - 273.15, 4)} degC): a charge until a store limit and a discharge until empty at design power, repeated until the stores return to where the cycle began\n`;
  text += textTable([
    ['energyIn', `${n(p.energyIn / MWH)} MWh`],
    ['energyOut (capacity)', `${n(p.energyOut / MWH)} MWh`],
    ['roundTripEfficiency', `${n(p.roundTripEfficiency * 100, 4)} %`],
    ...(fuel ? [['roundTripEfficiencyWithFuel', `${n(p.roundTripEfficiencyWithFuel * 100, 4)} %`]] : []),
    ['exergyEfficiency', `${n(p.exergyEfficiency * 100, 4)} %`],
    ['chargeDuration', `${n(p.chargeDuration / 3600, 4)} h`],
    ['dischargeDuration', `${n(p.dischargeDuration / 3600, 4)} h`],
    ['standingLoss', `${n(p.standingLoss * 3600 * 100, 3)} %/h`],
    [`energyDensity (${p.energyDensityBasis})`, `${n(p.energyDensity / 3.6e6, 4)} kWh/m3`],
    ['cycles run', `${p.cycles}, ${p.periodic ? 'periodic' : 'not periodic'} (RTE of each: ${p.roundTripEfficiencies.map((e) => `${n(e * 100, 4)} %`).join(', ')})`],
  ]);
  for (const w of p.warnings) text += `  ${w}\n`;
  text += storeBalanceText(p.storeBalance);
  text += '\nWhy the two cycles differ:\n';
  for (const d of differences(file, r, performance)) text += `  - ${d}\n`;
  text += '  (a project designs its plants at the annual mean of its site’s temperatures: `chuneng evaluate` gives these figures for a project site at the same temperature)\n';
  return text;
}
