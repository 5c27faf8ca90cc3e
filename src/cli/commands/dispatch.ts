/**
 * `chuneng dispatch`: a quick arbitrage study of one store against a price file. A thin adapter: quantities go
 * through src/units, the file through the dispatch layer's reader, and every check lives in the library.
 */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { formatNumber, parseQuantity } from '../../units/index.js';
import { STDOUT, type CommandOutput } from '../output.js';
import { DispatchInputError, formatIsoTime, parsePriceCsv, simpleStorage, solveDispatch, type DispatchResult } from '../../dispatch/index.js';

const MW = 1e6;
const MWH = 3.6e9;

interface DispatchFlags {
  prices: string;
  power: string;
  energy: string;
  etaCharge: string;
  etaDischarge: string;
  powerCharge?: string;
  socMin: string;
  socMax: string;
  socStart?: string;
  standingLoss?: string;
  timeZone: string;
  anyLength?: boolean;
  milp?: boolean;
  json?: boolean;
}

export function registerDispatchCommand(program: Command, output: CommandOutput = STDOUT): Command {
  return program
    .command('dispatch')
    .description(
      'Optimal arbitrage of one store against a price series (one LP over the horizon; --milp forbids simultaneous ' +
        'charge and discharge). The CSV has a header and columns time,price (ISO time, price per MWh).',
    )
    .requiredOption('--prices <file>', 'CSV with columns time,price (a year of hours or quarter hours)')
    .requiredOption('--power <power>', 'discharge power delivered to the grid, e.g. 100MW')
    .requiredOption('--energy <energy>', 'energy capacity of the store, e.g. 400MWh')
    .requiredOption('--eta-charge <fraction>', 'stored ÷ drawn, e.g. 0.9')
    .requiredOption('--eta-discharge <fraction>', 'delivered ÷ withdrawn, e.g. 0.9')
    .option('--power-charge <power>', 'charge power drawn from the grid (default: --power)')
    .option('--soc-min <fraction>', 'lowest state of charge', '0')
    .option('--soc-max <fraction>', 'highest state of charge', '1')
    .option('--soc-start <fraction>', 'state of charge at the start; the end must be at or above it (default: --soc-min)')
    .option('--standing-loss <rate>', 'self-discharge, e.g. 0.1%/h (default: none)')
    .option('--time-zone <zone>', 'zone of times without an offset in the file', 'Asia/Shanghai')
    .option('--any-length', 'accept any regular series, not only a whole year')
    .option('--milp', 'binary on/off states: no simultaneous charge and discharge')
    .option('--json', 'print the result as JSON (schedule arrays per step; soc_MWh is the stored energy at the end of each step)')
    .action(async (flags: DispatchFlags) => {
      let text: string;
      try {
        text = readFileSync(flags.prices, 'utf8');
      } catch (error) {
        throw new Error(`--prices: cannot read "${flags.prices}": ${(error as Error).message}`);
      }
      const series = parsePriceCsv(text, { source: flags.prices, timeZone: flags.timeZone, allowAnyLength: !!flags.anyLength });
      const power = parseQuantity(flags.power, 'power', '--power');
      const storage = inFlagTerms(flags, () => simpleStorage({
        power,
        powerCharge: flags.powerCharge === undefined ? power : parseQuantity(flags.powerCharge, 'power', '--power-charge'),
        energy: parseQuantity(flags.energy, 'energy', '--energy'),
        etaCharge: parseQuantity(flags.etaCharge, 'fraction', '--eta-charge'),
        etaDischarge: parseQuantity(flags.etaDischarge, 'fraction', '--eta-discharge'),
        socMin: parseQuantity(flags.socMin, 'fraction', '--soc-min'),
        socMax: parseQuantity(flags.socMax, 'fraction', '--soc-max'),
        ...(flags.socStart !== undefined ? { socInitial: parseQuantity(flags.socStart, 'fraction', '--soc-start') } : {}),
        standingLoss: flags.standingLoss === undefined ? 0 : parseQuantity(flags.standingLoss, 'ratePerTime', '--standing-loss'),
        endState: { kind: 'atLeastInitial' },
      }));
      const result = await solveDispatch(series, storage, { milp: !!flags.milp });
      if (!result.ok) throw new Error(`dispatch: ${result.reason}`);
      output.out(flags.json ? `${JSON.stringify(toJson(result.value))}\n` : summary(result.value, flags, storage.energyCapacity));
    });
}

/**
 * The flags behind the storage's fields, and the range each must lie in, as the user writes them: an error names
 * `--eta-charge 1.9`, not `storage.charge.efficiency` in SI.
 */
const FLAG_OF: Readonly<Record<string, { flag: keyof DispatchFlags; name: string; valid: string }>> = {
  'storage.charge.powerMax': { flag: 'powerCharge', name: '--power-charge (or --power)', valid: 'a power above 0, e.g. 100MW' },
  'storage.discharge.powerMax': { flag: 'power', name: '--power', valid: 'a power above 0, e.g. 100MW' },
  'storage.energyCapacity': { flag: 'energy', name: '--energy', valid: 'an energy above 0, e.g. 400MWh' },
  'storage.charge.efficiency': { flag: 'etaCharge', name: '--eta-charge', valid: '0 < x ≤ 1 (or 0 % < x ≤ 100 %)' },
  'storage.discharge.efficiency': { flag: 'etaDischarge', name: '--eta-discharge', valid: '0 < x ≤ 1 (or 0 % < x ≤ 100 %)' },
  'storage.socMin': { flag: 'socMin', name: '--soc-min', valid: '0 ≤ x < 1' },
  'storage.socMax': { flag: 'socMax', name: '--soc-max', valid: '--soc-min < x ≤ 1' },
  'storage.socInitial': { flag: 'socStart', name: '--soc-start', valid: '--soc-min ≤ x ≤ --soc-max' },
  'storage.standingLoss': { flag: 'standingLoss', name: '--standing-loss', valid: 'a loss rate ≥ 0 that keeps something over one step, e.g. 0.1%/h' },
};

function inFlagTerms<T>(flags: DispatchFlags, build: () => T): T {
  try {
    return build();
  } catch (e) {
    const f = e instanceof DispatchInputError ? FLAG_OF[e.field] : undefined;
    if (!f) throw e;
    const written = flags[f.flag] ?? (f.flag === 'powerCharge' ? flags.power : undefined);
    throw new Error(`${f.name} ${String(written)} is not valid; expected ${f.valid}`);
  }
}

function toJson(r: DispatchResult) {
  const s = r.schedule;
  return {
    revenue: r.revenue,
    charged_MWh: r.chargedEnergy / MWH,
    discharged_MWh: r.dischargedEnergy / MWH,
    cycles: r.equivalentFullCycles,
    status: r.status,
    solve_seconds: r.solveSeconds,
    formulation: r.formulation,
    start: formatIsoTime(s.startMs, s.utcOffsetMinutes),
    step_seconds: s.stepSeconds,
    schedule: {
      charge_MW: Array.from(s.charge, (v) => v / MW),
      discharge_MW: Array.from(s.discharge, (v) => v / MW),
      soc_MWh: Array.from(s.energy, (v) => v / MWH),
    },
  };
}

function summary(r: DispatchResult, flags: DispatchFlags, energyCapacity: number): string {
  const s = r.schedule;
  const steps = s.price.length;
  const rows: [string, string][] = [
    ['formulation', `${r.formulation.toUpperCase()} (HiGHS status: ${r.status})`],
    ['revenue', `${formatNumber(r.revenue, 9)} (the file's currency)`],
    ['charged', `${formatNumber(r.chargedEnergy / MWH)} MWh`],
    ['discharged', `${formatNumber(r.dischargedEnergy / MWH)} MWh`],
    ['equivalent full cycles', formatNumber(r.equivalentFullCycles)],
    ['store at the end', `${formatNumber(s.energy[steps - 1] / MWH)} MWh of ${formatNumber(energyCapacity / MWH)} MWh`],
    ['build / solve time', `${formatNumber(r.buildSeconds, 3)} s / ${formatNumber(r.solveSeconds, 3)} s`],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  const head =
    `Dispatch against ${flags.prices}: ${steps} steps of ${formatNumber(s.stepSeconds / 3600)} h ` +
    `from ${formatIsoTime(s.startMs, s.utcOffsetMinutes)}\n`;
  return head + rows.map(([k, v]) => `  ${k.padEnd(width)}  ${v}`).join('\n') + '\n';
}
