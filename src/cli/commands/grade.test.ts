/**
 * `chuneng grade` on the retired-LFP string (../shared/data/retired_lfp_cells, 252 cells, MIT), built with
 * new Command() and registerGradeCommand.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { registerGradeCommand } from './grade.js';

const DATA = fileURLToPath(new URL('../../../../shared/data/retired_lfp_cells/', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'chuneng-grade-'));

async function run(args: string[]): Promise<string> {
  let out = '';
  const program = new Command().exitOverride();
  registerGradeCommand(program, { out: (text) => (out += text) });
  await program.parseAsync(['grade', ...args], { from: 'user' });
  return out;
}

test('grade prints the cells, the rejected cells with reasons, yields, modules, spreads against random groupings and the data’s limits', async () => {
  const text = await run([DATA]);
  assert.match(text, /^Grading of .*retired_lfp_cells\/?: 252 cells, 8 rejected, 15 modules of 16 cells, 2 spares\n/);
  assert.match(text, /\ncell_112 +recycle +rest voltage 2\.274 V below 3 V \(over-discharged\); rest voltage falls 12\.4 mV\/day/);
  assert.match(text, /\ncell_116 +recycle +rest voltage 2\.718 V below 3 V/);
  assert.match(text, /\nrecycle +2 +0\.8 %\n/);
  assert.match(text, /\nratio +0\.\d+ +0\.\d+ +0\.\d+ +0\.\d+\n/);
  assert.match(text, /\nWhat the data cannot say\n- Partial charge: 130\.8 Ah passed/);
  assert.match(text, /\n- No discharge data/);
});

test('grade --out writes the per-cell CSV, the summary, the JSON and three SVG plots, with no temporary file left', async () => {
  const out = join(dir, 'run');
  const json = JSON.parse(await run([DATA, '--out', out, '--json', '--module-size', '12']));
  assert.deepEqual(readdirSync(out).sort(), ['capacity-histogram.svg', 'cells.csv', 'dv-curves.svg', 'features.svg', 'grading.json', 'summary.txt']);
  const csv = readFileSync(join(out, 'cells.csv'), 'utf8').trim().split('\n');
  assert.equal(csv.length, 253);
  assert.match(csv[0], /^cell,grade,group,rejected,reasons,grade_reason,capacity_proxy_Ah,resistance_mOhm,/);
  const storage = json.cells.filter((c: { grade: string }) => c.grade === 'reuse-storage').length;
  assert.equal(json.groups.length, Math.floor(storage / 12));
  assert.ok(json.groups.every((g: { cells: string[] }) => g.cells.length === 12));
  assert.equal(json.units.capacityProxy, 'C');
  for (const svg of ['features.svg', 'dv-curves.svg', 'capacity-histogram.svg']) {
    const body = readFileSync(join(out, svg), 'utf8');
    assert.match(body, /^<svg[^>]*width="900"/, svg);
    assert.ok(body.length > 5000, `${svg}: ${body.length} bytes`);
  }
  assert.match(readFileSync(join(out, 'features.svg'), 'utf8'), /module 1/);
});

test('a wrong module size or a folder without a campaign stops the command naming what is wrong', async () => {
  await assert.rejects(run([DATA, '--module-size', '0']), /grade: --module-size 0 is not valid; valid: a whole number ≥ 1/);
  await assert.rejects(run([DATA, '--module-size', '300']), /moduleSize = 300 is not valid for 242 cells to group; valid: 1 to 242/);
  await assert.rejects(run([dir]), /campaign: 0 charge days found/);
});
