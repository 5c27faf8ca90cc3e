import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { registerBatteryCommand } from './battery.js';

const REF = fileURLToPath(new URL('../../../../shared/reference/battery/', import.meta.url));
const reference = JSON.parse(readFileSync(join(REF, 'reference_results.json'), 'utf8'));
const P1 = join(REF, 'p1_daily1_05C_25C.csv');

async function run(args: string[]): Promise<string> {
  let text = '';
  const program = new Command().exitOverride();
  registerBatteryCommand(program, { out: (t) => void (text += t) });
  await program.parseAsync(['node', 'chuneng', 'battery', ...args]);
  return text;
}

test('battery models lists every model with its chemistry, source and validity', async () => {
  const infos = JSON.parse(await run(['models', '--json']));
  assert.deepEqual(
    infos.map((i: { id: string }) => i.id),
    ['lfp-250ah', 'lfp-sonymurata-3ah', 'sam-lfp', 'sam-nmc', 'nmc111-kokam-75ah', 'nmc622-denso-50ah', 'nmc811-lgmj1', 'sam-nmc-smith2017'],
  );
  const lfp = infos[0];
  assert.equal(lfp.chemistry, 'LFP/graphite');
  assert.match(lfp.source.implementation, /BLAST-Lite bae8c719/);
  assert.deepEqual(lfp.validity.temperatureC, [10, 45]);
  const text = await run(['models']);
  assert.match(text, /lfp-250ah: LFP\/graphite 250 Ah prismatic/);
  assert.match(text, /temperature 10–45 °C, DOD 80–100 %/);
});

test('battery life --json gives BLAST-Lite Lfp_Gr_250AhPrismatic capacity per year on the p1 duty', async () => {
  const r = JSON.parse(await run(['life', '--model', 'lfp-250ah', '--duty', P1, '--years', '5', '--json']));
  const ref = reference.results.p1_daily1_05C_25C.BLAST_Lfp_Gr_250AhPrismatic;
  assert.deepEqual(Object.keys(r), ['model', 'capacity', 'resistance', 'yearsTo80', 'yearsTo70', 'equivalentFullCycles']);
  assert.equal(r.model, 'lfp-250ah');
  assert.equal(r.capacity.length, 6);
  assert.equal(r.capacity[0], 1);
  r.capacity.forEach((q: number, y: number) => assert.ok(Math.abs(q - ref.q_yearly[y]) < 1e-9, `year ${y}: ${q} vs ${ref.q_yearly[y]}`));
  assert.equal(r.resistance, null);
  assert.equal(r.yearsTo80, null);
  assert.ok(Math.abs(r.equivalentFullCycles[1] - ref.efc_yearly[1]) < 1e-6);
});

test('battery life prints a table by year and the years to 80 % (SAM LFP on p1: 4.93 years)', async () => {
  const text = await run(['life', '--model', 'sam-lfp', '--duty', P1, '--years', '6']);
  assert.match(text, /^sam-lfp: /);
  assert.match(text, /\n5\s+0\.79865\s+—/);
  assert.match(text, /years to 80 % capacity: 4\.93 years/);
  assert.match(text, /years to 70 % capacity: not reached in 6 years/);
});

test('battery rainflow --json counts the p1 duty as the rainflow package does: 730 half cycles of range 0.8', async () => {
  const r = JSON.parse(await run(['rainflow', P1, '--json']));
  const ref = reference.profiles.p1_daily1_05C_25C.rainflow.year1;
  assert.equal(r.cycles.length, ref.half_cycle_entries + ref.full_cycle_entries);
  assert.deepEqual(Object.keys(r.cycles[0]), ['range', 'mean', 'count']);
  assert.ok(r.cycles.every((c: { range: number; mean: number; count: number }) => Math.abs(c.range - 0.8) < 1e-12 && Math.abs(c.mean - 0.5) < 1e-12 && c.count === 0.5));
  assert.equal(r.totalCycles, ref.cycles_total);
  assert.equal(r.reversals, ref.n_reversals);
  const text = await run(['rainflow', P1]);
  assert.match(text, /reversals 731, cycles 365 \(0 full, 730 half\)/);
  assert.match(text, /\n0\.8\s+365\n/);
});

test('bad input is refused naming the line and column, the option, or the model', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'chuneng-battery-'));
  try {
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'time_h,soc,temperature_C,c_rate\n0,0.5,25,0\n0.25,abc,25,0\n');
    await assert.rejects(run(['life', '--model', 'lfp-250ah', '--duty', bad, '--years', '2']), /bad\.csv line 3, column soc: "abc" is not a finite number/);
    await assert.rejects(run(['rainflow', bad]), /line 3, column soc: "abc"/);
    const high = join(dir, 'high.csv');
    writeFileSync(high, 'time_h,soc,temperature_C,c_rate\n0,0.5,25,0\n0.25,1.2,25,0\n');
    await assert.rejects(run(['life', '--model', 'lfp-250ah', '--duty', high, '--years', '2']), /line 3, column soc: 1\.2 is outside the valid range 0 to 1/);
    const missing = join(dir, 'missing.csv');
    writeFileSync(missing, 'time_h,soc,temperature_C\n0,0.5,25\n0.25,0.6,25\n');
    await assert.rejects(run(['life', '--model', 'lfp-250ah', '--duty', missing, '--years', '2']), /line 1: no column "c_rate"/);
    await assert.rejects(run(['life', '--model', 'lfp-250ah', '--duty', P1, '--years', '2.5']), /--years is "2\.5"; give a whole number of years from 1 to 100/);
    await assert.rejects(run(['life', '--model', 'nope', '--duty', P1, '--years', '2']), /life model "nope" is unknown; valid: lfp-250ah/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
