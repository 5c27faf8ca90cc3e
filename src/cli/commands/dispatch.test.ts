import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { registerDispatchCommand } from './dispatch.js';

const dir = mkdtempSync(join(tmpdir(), 'chuneng-dispatch-'));

/** Hourly CSV from 2025-01-01 00:00 (Beijing time, no offsets written): valley at night, peak in the evening. */
function writePrices(name: string, hours: number, edit?: (lines: string[]) => void): string {
  const lines = ['time,price'];
  for (let h = 0; h < hours; h++) {
    const t = new Date(Date.UTC(2025, 0, 1) + h * 3600_000).toISOString().slice(0, 16);
    const hod = h % 24;
    lines.push(`${t},${hod < 6 ? 200 : hod >= 16 ? 700 + (hod % 3) : 450}`);
  }
  edit?.(lines);
  const path = join(dir, name);
  writeFileSync(path, lines.join('\n') + '\n');
  return path;
}

async function run(args: string[]): Promise<string> {
  let out = '';
  const program = new Command().exitOverride();
  registerDispatchCommand(program, { out: (text) => (out += text) });
  await program.parseAsync(['dispatch', ...args], { from: 'user' });
  return out;
}

const year = writePrices('year.csv', 8760);
const STUDY = ['--power', '100MW', '--energy', '400MWh', '--eta-charge', '0.9', '--eta-discharge', '0.9'];

test('--json prints revenue, energies, cycles, status, solve time and the hourly schedule for a year', async () => {
  const args = ['--prices', year, ...STUDY, '--power-charge', '80MW', '--soc-min', '0.05', '--soc-max', '0.95', '--soc-start', '0.5', '--standing-loss', '0.1%/h', '--json'];
  const json = JSON.parse(await run(args));
  for (const key of ['revenue', 'charged_MWh', 'discharged_MWh', 'cycles', 'status', 'solve_seconds', 'schedule']) assert.ok(key in json, key);
  assert.deepEqual(Object.keys(json.schedule), ['charge_MW', 'discharge_MW', 'soc_MWh']);
  assert.equal(json.status, 'optimal');
  assert.equal(json.solver, 'flow', 'the plain LP goes to the dedicated solver, not HiGHS');
  for (const series of Object.values(json.schedule) as number[][]) assert.equal(series.length, 8760);
  // revenue = Σ price × (discharge − charge) × 1 h, recomputed here from the printed schedule
  let revenue = 0;
  for (let h = 0; h < 8760; h++) {
    const hod = h % 24;
    const price = hod < 6 ? 200 : hod >= 16 ? 700 + (hod % 3) : 450;
    revenue += price * (json.schedule.discharge_MW[h] - json.schedule.charge_MW[h]);
  }
  assert.ok(Math.abs(revenue - json.revenue) <= 1e-6 * json.revenue, `${revenue} vs ${json.revenue}`);
  // one 400 MWh swing a day between 5 % and 95 %: 360 MWh usable, at most 80 MW × 6 valley hours × 0.9 stored
  assert.ok(json.cycles > 300 && json.cycles <= 365 * (1 + 1e-9), String(json.cycles));
  assert.ok(Math.max(...json.schedule.charge_MW) <= 80 + 1e-9);
  assert.ok(Math.max(...json.schedule.discharge_MW) <= 100 + 1e-9);
  assert.ok(Math.min(...json.schedule.soc_MWh) >= 0.05 * 400 - 1e-6);
  assert.ok(json.schedule.soc_MWh[8759] >= 0.5 * 400 - 1e-6, 'ends at or above the start');
  const roundTrip = json.discharged_MWh / json.charged_MWh; // 0.81 less the standing loss while held
  assert.ok(roundTrip > 0.78 && roundTrip <= 0.81 + 1e-9, `round trip ${roundTrip}`);
});

test('without --json a short table reports the study', async () => {
  const text = await run(['--prices', year, ...STUDY]);
  assert.match(text, /^Dispatch against .*year\.csv: 8760 steps of 1 h from 2025-01-01T00:00\+08:00\n/);
  assert.match(text, /\n {2}formulation +LP \(dedicated storage solver status: optimal\)\n/);
  assert.match(text, /\n {2}revenue +[\d.]+ \(the file's currency\)\n/);
  assert.match(text, /\n {2}equivalent full cycles +[\d.]+\n/);
});

test('--milp on a two-day file (with --any-length) never charges and discharges in the same hour', async () => {
  const twoDays = writePrices('two-days.csv', 48, (lines) => {
    for (let h = 11; h < 14; h++) lines[1 + h] = lines[1 + h].replace(/,.*/, ',-300');
  });
  const json = JSON.parse(await run(['--prices', twoDays, ...STUDY, '--soc-start', '1', '--milp', '--any-length', '--json']));
  assert.equal(json.formulation, 'milp');
  for (let h = 0; h < 48; h++) assert.equal(Math.min(json.schedule.charge_MW[h], json.schedule.discharge_MW[h]), 0, `hour ${h}`);
});

test('a malformed price file stops the command with the row, column and value', async () => {
  const gap = writePrices('gap.csv', 8760, (lines) => lines.splice(1000, 1));
  await assert.rejects(run(['--prices', gap, ...STUDY]), /gap\.csv row 1001, column "time": gap: 1 step\(s\) of 3600 s missing after row 1000/);
  const bad = writePrices('bad.csv', 8760, (lines) => (lines[20] = lines[20].replace(/,.*/, ',12,5')));
  await assert.rejects(run(['--prices', bad, ...STUDY]), /bad\.csv row 21, column "row": expected 2 cells/);
  await assert.rejects(run(['--prices', join(dir, 'missing.csv'), ...STUDY]), /--prices: cannot read ".*missing\.csv"/);
});

test('bad quantities on the command line are named by their option', async () => {
  await assert.rejects(run(['--prices', year, ...STUDY.slice(0, 2), '--energy', '400MW', ...STUDY.slice(4)]), /--energy: "MW" is not a unit of energy/);
  await assert.rejects(run(['--prices', year, ...STUDY, '--standing-loss', '0.1']), /--standing-loss: a unit is required for a rate per unit time/);
  await assert.rejects(run(['--prices', year, ...STUDY, '--soc-start', '1.2']), /--soc-start 1\.2 is not valid; expected --soc-min ≤ x ≤ --soc-max/);
});

test('a bad flag value is named as the flag with the value as written, not an internal field in SI (issue 12, item 4)', async () => {
  const cases: [string[], RegExp][] = [
    [['--power', '0MW'], /^--power-charge \(or --power\) 0MW is not valid; expected a power above 0/],
    [['--eta-charge', '190%'], /^--eta-charge 190% is not valid; expected 0 < x ≤ 1/],
    [['--soc-min', '0.6', '--soc-max', '0.5'], /^--soc-max 0.5 is not valid; expected --soc-min < x ≤ 1/],
  ];
  for (const [flags, message] of cases) {
    const args = [...STUDY];
    for (let i = 0; i < flags.length; i += 2) {
      const k = args.indexOf(flags[i]);
      if (k >= 0) args[k + 1] = flags[i + 1];
      else args.push(flags[i], flags[i + 1]);
    }
    await assert.rejects(() => run(['--prices', year, ...args]), (e: unknown) => message.test((e as Error).message) && !/storage\.|W \(got/.test((e as Error).message));
  }
});

test('--min-load makes it the plant-feasible DP: no hour below the minimum load, one mode per hour, a bound at or above the revenue', async () => {
  const json = JSON.parse(await run(['--prices', year, ...STUDY, '--min-load', '0.4', '--json']));
  assert.equal(json.formulation, 'dp');
  for (let h = 0; h < 8760; h++) {
    const c = json.schedule.charge_MW[h];
    const d = json.schedule.discharge_MW[h];
    assert.ok(c === 0 || c >= 40 - 1e-9, `hour ${h}: charge ${c} MW below 40 MW`);
    assert.ok(d === 0 || d >= 40 - 1e-9, `hour ${h}: discharge ${d} MW below 40 MW`);
    assert.ok(c === 0 || d === 0, `hour ${h}: both`);
  }
  assert.ok(json.bound >= json.net_revenue, `bound ${json.bound} below ${json.net_revenue}`);
  // the same store without a minimum load (the LP) earns at least as much
  const lp = JSON.parse(await run(['--prices', year, ...STUDY, '--json']));
  assert.ok(lp.revenue >= json.revenue - 1e-6 * lp.revenue);
  assert.ok(json.gap >= 0 && json.gap < 0.01, `gap ${json.gap}`);
});

test('--part-load reads a non-convex curve and --start-cost is paid per start', async () => {
  const curves = join(dir, 'curves.csv');
  writeFileSync(curves, ['side,power,efficiency', 'charge,40MW,0.80', 'charge,100MW,0.92', 'discharge,30MW,0.82', 'discharge,100MW,0.93', ''].join('\n'));
  const json = JSON.parse(await run(['--prices', year, ...STUDY, '--part-load', curves, '--start-cost', '20000', '--json']));
  assert.equal(json.formulation, 'dp');
  const starts = json.starts.charge + json.starts.discharge;
  assert.ok(Math.abs(json.revenue - json.net_revenue - 20000 * starts) <= 1e-6 * json.revenue);
  for (let h = 0; h < 8760; h++) {
    const c = json.schedule.charge_MW[h];
    assert.ok(c === 0 || c >= 40 - 1e-9, `hour ${h}: charge ${c} MW below the curve's first point`);
  }
  const bad = join(dir, 'bad-curves.csv');
  writeFileSync(bad, 'side,power,efficiency\ncharge,40MW,0.8\ncharge,30MW,0.9\n');
  await assert.rejects(run(['--prices', year, ...STUDY, '--part-load', bad]), /bad-curves\.csv row 3, column "power": expected powers of a side to increase/);
});

test('--start-time and --start-energy make a start deliver the setpoint for the hour less the start-up and buy the energy; --daily-starts caps the discharges started per day', async () => {
  const days = writePrices('ten-days.csv', 240);
  const json = JSON.parse(await run(['--prices', days, '--any-length', ...STUDY, '--min-load', '0.4', '--start-time', '30min', '--start-energy', '2MWh', '--daily-starts', '1', '--json']));
  assert.equal(json.formulation, 'dp');
  const c: number[] = json.schedule.charge_MW;
  const d: number[] = json.schedule.discharge_MW;
  assert.equal(json.start_up_MWh, 2 * (json.starts.charge + json.starts.discharge));
  // the money by the rule, from the printed schedule: hours of the file's prices (200 / 450 / 70x yuan/MWh)
  let revenue = 0;
  let before = 0;
  for (let h = 0; h < 240; h++) {
    const hod = h % 24;
    const price = hod < 6 ? 200 : hod >= 16 ? 700 + (hod % 3) : 450;
    const mode = c[h] > 0 ? 1 : d[h] > 0 ? 2 : 0;
    const hours = mode !== 0 && mode !== before ? 0.5 : 1;
    revenue += price * (d[h] * hours - c[h] * hours - (hours === 0.5 ? 2 : 0));
    before = mode;
  }
  assert.ok(Math.abs(revenue - json.revenue) <= 1e-9 * Math.abs(json.revenue), `${revenue} vs ${json.revenue}`);
  for (let day = 0; day < 10; day++) {
    let starts = 0;
    for (let h = 24 * day; h < 24 * day + 24; h++) if (d[h] > 0 && !(h > 0 && d[h - 1] > 0)) starts++;
    assert.ok(starts <= 1, `day ${day}: ${starts} discharge starts`);
  }
  assert.ok(json.bound >= json.net_revenue);
  await assert.rejects(run(['--prices', days, '--any-length', ...STUDY, '--start-time', '1h']), /--start-time 1h is not valid; expected a time shorter than the price file's step \(3600 s\)/);
  await assert.rejects(run(['--prices', days, '--any-length', ...STUDY, '--daily-starts', '0']), /--daily-starts 0 is not valid/);
  await assert.rejects(run(['--prices', days, '--any-length', ...STUDY, '--start-energy', '2MWh', '--method', 'lp']), /--method lp does not model start-up/);
});
