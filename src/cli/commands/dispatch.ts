/**
 * `chuneng dispatch`: a quick arbitrage study of one store against a price file. A thin adapter: quantities go
 * through src/units, the file through the dispatch layer's reader, and every check lives in the library.
 */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { formatNumber, parseQuantity } from '../../units/index.js';
import { STDOUT, type CommandOutput } from '../output.js';
import { DispatchInputError } from '../../dispatch/errors.js';
import { parsePriceCsv, type PriceSeries } from '../../dispatch/prices.js';
import { formatIsoTime } from '../../dispatch/time.js';
import { simpleStorage, type Converter, type StorageParams } from '../../dispatch/model.js';
import type { DispatchResult } from '../../dispatch/result.js';
import { solvePlainDispatch } from '../../dispatch/flow/plain.js';
import { parsePartLoadCsv, type PartLoadFile } from '../../dispatch/feasible/part-load-csv.js';
import type { FeasibleDispatchResult } from '../../dispatch/feasible/result.js';

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
  method: string;
  minLoad?: string;
  partLoad?: string;
  startCost?: string;
  startTime?: string;
  startEnergy?: string;
  cycleLimit?: string;
  dailyStarts?: string;
  socLevels?: string;
  powerLevels?: string;
  bound: boolean;
  json?: boolean;
}

export function registerDispatchCommand(program: Command, output: CommandOutput = STDOUT): Command {
  return program
    .command('dispatch')
    .description(
      'Optimal arbitrage of one store against a price series. A linear store is one LP (a dedicated exact solver, ' +
        'HiGHS where it does not apply); a minimum load, a part-load curve or a start cost makes it the plant-feasible ' +
        'DP over a state-of-charge grid, reported with its LP bound and gap (--method picks: auto, dp, lp, milp). ' +
        'The CSV has a header and columns time,price (ISO time, price per MWh).',
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
    .option('--milp', 'binary on/off states: no simultaneous charge and discharge (same as --method milp)')
    .option('--method <method>', 'auto (dp with --min-load, --part-load, --start-cost, --start-time, --start-energy or --daily-starts, else lp), dp, lp or milp', 'auto')
    .option('--min-load <fraction>', 'minimum load of both converters as a fraction of their largest power, e.g. 0.3')
    .option('--part-load <file>', 'CSV side,power,efficiency: each converter\'s efficiency at grid powers (first point = minimum load)')
    .option('--start-cost <money>', 'cost of each start of charging or discharging, in the price file\'s currency')
    .option('--start-time <time>', 'start-up time of either train, e.g. 10min: the first hour of a run delivers or absorbs its power for the step less this time')
    .option('--start-energy <energy>', 'energy a start draws from the grid, e.g. 2MWh')
    .option('--cycle-limit <cycles>', 'most equivalent full cycles withdrawn per local day')
    .option('--daily-starts <n>', 'most discharges started per local day (dp)')
    .option('--soc-levels <n>', 'dp: states of charge on the grid (default 201)')
    .option('--power-levels <n>', 'dp: power levels per direction (default 12)')
    .option('--no-bound', 'dp: skip the LP relaxation (the bound and the gap)')
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
      const minLoad = flags.minLoad === undefined ? 0 : parseQuantity(flags.minLoad, 'fraction', '--min-load');
      if (!(minLoad >= 0 && minLoad < 1)) throw new Error(`--min-load ${flags.minLoad} is not valid; expected 0 ≤ x < 1`);
      const startCost = flags.startCost === undefined ? 0 : Number(flags.startCost);
      if (!(startCost >= 0 && Number.isFinite(startCost))) throw new Error(`--start-cost ${flags.startCost} is not valid; expected a number ≥ 0 in the price file's currency`);
      const cycleLimit = flags.cycleLimit === undefined ? undefined : Number(flags.cycleLimit);
      if (cycleLimit !== undefined && !(cycleLimit > 0 && Number.isFinite(cycleLimit))) throw new Error(`--cycle-limit ${flags.cycleLimit} is not valid; expected a number of cycles > 0`);
      const partLoad = flags.partLoad === undefined ? {} : readPartLoad(flags.partLoad);
      const startUp = {
        seconds: flags.startTime === undefined ? 0 : parseQuantity(flags.startTime, 'time', '--start-time'),
        energy: flags.startEnergy === undefined ? 0 : parseQuantity(flags.startEnergy, 'energy', '--start-energy'),
      };
      if (!(startUp.seconds >= 0)) throw new Error(`--start-time ${flags.startTime} is not valid; expected a time ≥ 0 shorter than a step, e.g. 10min`);
      if (!(startUp.energy >= 0)) throw new Error(`--start-energy ${flags.startEnergy} is not valid; expected an energy ≥ 0, e.g. 2MWh`);
      const dailyStarts = flags.dailyStarts === undefined ? undefined : Number(flags.dailyStarts);
      if (dailyStarts !== undefined && !(Number.isInteger(dailyStarts) && dailyStarts >= 1)) throw new Error(`--daily-starts ${flags.dailyStarts} is not valid; expected a whole number ≥ 1`);
      const plain = inFlagTerms(flags, () =>
        simpleStorage({
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
          ...(cycleLimit !== undefined ? { dailyCycleLimit: cycleLimit } : {}),
        }),
      );
      const storage = withEnvelope(plain, partLoad, minLoad, startCost);
      const method = flags.milp ? 'milp' : flags.method;
      if (!['auto', 'dp', 'lp', 'milp'].includes(method)) throw new Error(`--method ${method} is not valid; expected auto, dp, lp or milp`);
      const needsDp = minLoad > 0 || startCost > 0 || flags.partLoad !== undefined || startUp.seconds > 0 || startUp.energy > 0 || dailyStarts !== undefined;
      if (method === 'dp' || (method === 'auto' && needsDp)) {
        const r = await dispatchFeasible(series, storage, flags, startUp, dailyStarts);
        output.out(flags.json ? `${JSON.stringify(feasibleJson(r))}\n` : feasibleSummary(r, flags, storage.energyCapacity));
        return;
      }
      if (startUp.seconds > 0 || startUp.energy > 0 || dailyStarts !== undefined) {
        throw new Error(`--method ${method} does not model start-up times, start-up energies or daily start limits; use --method dp (or auto)`);
      }
      const result = await solvePlainDispatch(series, storage, { milp: method === 'milp' });
      if (!result.ok) throw new Error(`dispatch: ${result.reason}`);
      output.out(flags.json ? `${JSON.stringify(toJson(result.value))}\n` : summary(result.value, flags, storage.energyCapacity));
    });
}

function readPartLoad(path: string): PartLoadFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(`--part-load: cannot read "${path}": ${(error as Error).message}`);
  }
  return parsePartLoadCsv(text, path);
}

/** The store with the part-load curves, minimum loads and start costs of the flags. */
function withEnvelope(s: StorageParams, file: PartLoadFile, minLoad: number, startCost: number): StorageParams {
  const side = (c: Converter, curve: Converter | undefined): Converter => {
    let out: Converter = curve ?? c;
    if (out.kind === 'linear' && minLoad > 0) out = { ...out, powerMin: minLoad * out.powerMax };
    return startCost > 0 ? { ...out, startupCost: startCost } : out;
  };
  return { ...s, charge: side(s.charge, file.charge), discharge: side(s.discharge, file.discharge) };
}

/** The plant-feasible DP of a store given as converters (its curves are the maps, with no state-of-charge effect). */
async function dispatchFeasible(
  series: PriceSeries,
  s: StorageParams,
  flags: DispatchFlags,
  startUp: { seconds: number; energy: number },
  dailyStartLimit: number | undefined,
): Promise<FeasibleDispatchResult> {
  const [{ envelopeFromMaps, mapsFromCurves }, { solveFeasibleDispatch }, { converterSegments }] = await Promise.all([
    import('../../dispatch/feasible/envelope.js'),
    import('../../dispatch/feasible/solve.js'),
    import('../../dispatch/model.js'),
  ]);
  const curve = (c: Converter, side: 'charge' | 'discharge') => {
    const seg = converterSegments(c, side);
    const input = [seg.x0];
    const output = [seg.y0];
    for (let k = 0; k < seg.widths.length; k++) {
      input.push(input[k] + seg.widths[k]);
      output.push(output[k] + seg.widths[k] * seg.slopes[k]);
    }
    return { input, output };
  };
  const maps = mapsFromCurves({ capacity: s.energyCapacity, standingLoss: s.standingLoss, chargeCurve: curve(s.charge, 'charge'), dischargeCurve: curve(s.discharge, 'discharge') });
  const envelope = envelopeFromMaps(maps, {
    socMin: s.socMin,
    socMax: s.socMax,
    startCost: { charge: s.charge.startupCost ?? 0, discharge: s.discharge.startupCost ?? 0 },
    ...(s.dailyCycleLimit !== undefined ? { dailyCycleLimit: s.dailyCycleLimit } : {}),
    ...(dailyStartLimit !== undefined ? { dailyStartLimit } : {}),
    startUp: { charge: startUp, discharge: startUp },
  });
  if (startUp.seconds >= series.stepSeconds) throw new Error(`--start-time ${flags.startTime} is not valid; expected a time shorter than the price file's step (${series.stepSeconds} s)`);
  const level = (flag: string | undefined, name: string) => {
    if (flag === undefined) return undefined;
    const n = Number(flag);
    if (!Number.isInteger(n) || n < 1) throw new Error(`${name} ${flag} is not valid; expected a whole number ≥ 1`);
    return n;
  };
  const socLevels = level(flags.socLevels, '--soc-levels');
  const powerLevels = level(flags.powerLevels, '--power-levels');
  const r = await solveFeasibleDispatch(series, envelope, {
    ...(s.socInitial !== undefined ? { socStart: s.socInitial } : {}),
    ...(socLevels !== undefined ? { socLevels } : {}),
    ...(powerLevels !== undefined ? { powerLevels } : {}),
    bound: flags.bound,
  });
  if (!r.ok) throw new Error(`dispatch: ${r.reason}`);
  return r.value;
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

function toJson(r: DispatchResult & { solver?: string }) {
  const s = r.schedule;
  return {
    revenue: r.revenue,
    ...(r.solver ? { solver: r.solver } : {}),
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

function summary(r: DispatchResult & { solver?: string }, flags: DispatchFlags, energyCapacity: number): string {
  const s = r.schedule;
  const steps = s.price.length;
  const rows: [string, string][] = [
    ['formulation', `${r.formulation.toUpperCase()} (${r.solver === 'flow' ? 'dedicated storage solver' : 'HiGHS'} status: ${r.status})`],
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

function feasibleJson(r: FeasibleDispatchResult) {
  const s = r.schedule;
  return {
    formulation: 'dp',
    revenue: r.revenue,
    net_revenue: r.netRevenue,
    bound: r.bound ?? null,
    gap: r.gap ?? null,
    grid: r.grid,
    charged_MWh: r.chargedEnergy / MWH,
    discharged_MWh: r.dischargedEnergy / MWH,
    cycles: r.equivalentFullCycles,
    starts: r.starts,
    start_up_MWh: r.startUpEnergy / MWH,
    solve_seconds: r.seconds.tables + r.seconds.dp,
    bound_seconds: r.seconds.bound,
    start: formatIsoTime(s.startMs, s.utcOffsetMinutes),
    step_seconds: s.stepSeconds,
    schedule: {
      charge_MW: Array.from(s.charge, (v) => v / MW),
      discharge_MW: Array.from(s.discharge, (v) => v / MW),
      soc_MWh: Array.from(s.energy, (v) => v / MWH),
    },
  };
}

function feasibleSummary(r: FeasibleDispatchResult, flags: DispatchFlags, energyCapacity: number): string {
  const s = r.schedule;
  const steps = s.price.length;
  const rows: [string, string][] = [
    ['formulation', `DP over ${r.grid.socLevels} states of charge × ${r.grid.powerLevels} power levels (plant-feasible)`],
    ['revenue', `${formatNumber(r.revenue, 9)} (the file's currency)`],
    ['net of start costs', formatNumber(r.netRevenue, 9)],
    ['LP bound', r.bound === undefined ? 'not computed' : formatNumber(r.bound, 9)],
    ['gap', r.gap === undefined ? '—' : `${formatNumber(100 * r.gap, 4)} %`],
    ['charged', `${formatNumber(r.chargedEnergy / MWH)} MWh`],
    ['discharged', `${formatNumber(r.dischargedEnergy / MWH)} MWh`],
    ['equivalent full cycles', formatNumber(r.equivalentFullCycles)],
    ['starts (charge / discharge)', `${r.starts.charge} / ${r.starts.discharge}`],
    ...(r.startUpEnergy > 0 ? [['start-up energy bought', `${formatNumber(r.startUpEnergy / MWH)} MWh`] as [string, string]] : []),
    ['store at the end', `${formatNumber(s.energy[steps - 1] / MWH)} MWh of ${formatNumber(energyCapacity / MWH)} MWh`],
    ['DP / bound time', `${formatNumber(r.seconds.tables + r.seconds.dp, 3)} s / ${formatNumber(r.seconds.bound, 3)} s`],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  const head = `Dispatch against ${flags.prices}: ${steps} steps of ${formatNumber(s.stepSeconds / 3600)} h from ${formatIsoTime(s.startMs, s.utcOffsetMinutes)}\n`;
  return head + rows.map(([k, v]) => `  ${k.padEnd(width)}  ${v}`).join('\n') + '\n';
}
