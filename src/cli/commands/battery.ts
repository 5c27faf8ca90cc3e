/**
 * `chuneng battery`: a battery's degradation. A thin adapter over src/battery (the CSV is read here, parsed and
 * checked by the battery layer):
 *   chuneng battery models [--json]                                   the shipped life models
 *   chuneng battery life --model ID --duty DUTY.csv --years N [--json] capacity, resistance, EFC per year; years to 80/70 %
 *   chuneng battery rainflow DUTY.csv [--column soc] [--json]         ASTM E1049-85 rainflow count of one column
 * DUTY.csv: time_h, soc (0–1 of the present aged capacity), temperature_C (cell), c_rate; one year, repeated.
 */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { createLifeModel, describeValidity, lifeModelInfos, lifeUnderDuty, parseDutyCsv, parseNumericCsv, type LifeModelInfo, type LifeResult } from '../../battery/life/index.js';
import { countByRange, rainflowCycles, summarizeRainflow } from '../../battery/rainflow.js';
import { formatNumber } from '../../units/index.js';
import { STDOUT, textTable, type CommandOutput } from '../output.js';

interface LifeFlags {
  model: string;
  duty: string;
  years: string;
  json?: boolean;
}

interface RainflowFlags {
  column: string;
  json?: boolean;
}

function readText(file: string, what: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`battery ${what}: cannot read "${file}": ${(error as Error).message}`);
  }
}

/** --years as a whole number of years, 1–100. */
export function parseYears(text: string): number {
  const years = Number(text);
  if (!Number.isInteger(years) || years < 1 || years > 100) throw new Error(`--years is "${text}"; give a whole number of years from 1 to 100`);
  return years;
}

export function registerBatteryCommand(program: Command, output: CommandOutput = STDOUT): Command {
  const battery = program
    .command('battery')
    .description('Battery degradation: the life models (BLAST-Lite, SAM), a life under a repeated one-year duty, rainflow cycle counts.');

  battery
    .command('models')
    .description('List the life models: id, name, chemistry, source and validity.')
    .option('--json', 'print the list as JSON')
    .action((flags: { json?: boolean }) => {
      const infos = lifeModelInfos();
      output.out(flags.json ? JSON.stringify(infos, null, 2) + '\n' : describeModels(infos));
    });

  battery
    .command('life')
    .description(
      'Capacity (relative to rated), resistance (relative to new, where the model has one) and equivalent full cycles at the end of each ' +
        'year under a one-year duty repeated N years, with the years to 80 % and 70 % capacity (null: not reached).',
    )
    .requiredOption('--model <id>', 'life model id (see "chuneng battery models")')
    .requiredOption('--duty <file>', 'duty CSV: time_h, soc, temperature_C, c_rate (one year)')
    .requiredOption('--years <n>', 'years to simulate (1–100)')
    .option('--json', 'print one JSON object')
    .action((flags: LifeFlags) => {
      const years = parseYears(flags.years);
      const model = createLifeModel(flags.model);
      const duty = parseDutyCsv(readText(flags.duty, 'life'), flags.duty);
      const result = lifeUnderDuty(model, duty, years);
      output.out(flags.json ? JSON.stringify(result, null, 2) + '\n' : describeLife(model.info, result));
    });

  battery
    .command('rainflow')
    .description('Rainflow cycle count (ASTM E1049-85) of one column of a CSV (the SOC by default): ranges, means, counts (half cycles 0.5).')
    .argument('<file>', 'CSV with a header row')
    .option('--column <name>', 'column to count', 'soc')
    .option('--json', 'print one JSON object with every cycle')
    .action((file: string, flags: RainflowFlags) => {
      const table = parseNumericCsv(readText(file, 'rainflow'), file, [flags.column]);
      const series = table.columns[flags.column];
      const cycles = rainflowCycles(series);
      const s = summarizeRainflow(series, cycles);
      if (flags.json) {
        const json = {
          column: flags.column,
          cycles: cycles.map((c) => ({ range: c.range, mean: c.mean, count: c.count })),
          totalCycles: s.totalCycles,
          fullCycles: s.fullCycleEntries,
          halfCycles: s.halfCycleEntries,
          reversals: s.reversals,
          sumRangeTimesCount: s.rangeTimesCount,
        };
        output.out(JSON.stringify(json, null, 2) + '\n');
        return;
      }
      const rows = countByRange(cycles, 4).map(([range, count]) => [formatNumber(range, 4), formatNumber(count, 6)]);
      output.out(
        `rainflow count of column ${flags.column} in ${file} (ASTM E1049-85; half cycles count 0.5)\n` +
          `reversals ${s.reversals}, cycles ${formatNumber(s.totalCycles, 8)} (${s.fullCycleEntries} full, ${s.halfCycleEntries} half), ` +
          `Σ range × count ${formatNumber(s.rangeTimesCount, 8)}\n\n` +
          textTable(rows, ['range (rounded to 1e-4)', 'cycles']),
      );
    });
  return battery;
}

function describeModels(infos: readonly LifeModelInfo[]): string {
  return infos
    .map((i) => {
      return (
        `${i.id}: ${i.name}\n` +
        `  chemistry ${i.chemistry}; cell ${i.cellCapacityAh} Ah; resistance growth: ${i.hasResistance ? 'yes' : 'no'}\n` +
        `  fitted over: ${describeValidity(i.validity)}\n` +
        `  source: ${i.source.reference}\n  implementation reproduced: ${i.source.implementation}\n`
      );
    })
    .join('\n');
}

function describeLife(info: LifeModelInfo, r: LifeResult): string {
  const rows = r.capacity.map((q, y) => [
    String(y),
    formatNumber(q, 5),
    r.resistance ? formatNumber(r.resistance[y], 5) : '—',
    formatNumber(r.equivalentFullCycles[y], 6),
  ]);
  const years = (x: number | null) => (x === null ? `not reached in ${r.capacity.length - 1} years` : `${formatNumber(x, 4)} years`);
  return (
    `${info.id}: ${info.name}\n\n` +
    textTable(rows, ['year', 'capacity (rel. rated)', 'resistance (rel. new)', 'equivalent full cycles']) +
    `\nyears to 80 % capacity: ${years(r.yearsTo80)}\nyears to 70 % capacity: ${years(r.yearsTo70)}\n` +
    (info.hasResistance ? '' : '(this model has no resistance growth)\n')
  );
}
