import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import { registerStudyCommand } from './study.js';
import { loadProjectFileWithSets } from '../../project/study/files-node.js';
import { studyFolder } from '../../server/study-testing.js';

async function chuneng(args: string[]): Promise<{ out: string; err: string }> {
  let out = '';
  let err = '';
  const program = new Command().exitOverride();
  registerStudyCommand(program, { out: (t) => (out += t), err: (t) => (err += t) });
  await program.parseAsync(args, { from: 'user' });
  return { out, err };
}

test('study run computes every case, writes cases.csv and analysis.json; status and results read the store', async () => {
  const { dir, study } = studyFolder();
  const out = join(dir, 'out');
  const run = await chuneng(['study', 'run', study, '--out', out, '--workers', '1']);
  assert.match(run.out, /battery grid: 4 of 4 cases done, 0 failed/);
  assert.match(run.out, /NPV \[万元\]/);
  assert.match(run.err, /4\/4 cases: 4 done, 0 failed/);
  const csv = readFileSync(join(out, 'cases.csv'), 'utf8');
  assert.equal(csv.split('\n')[0], 'case,energy [MWh],unit cost [yuan/kWh],NPV [万元],LCOS [yuan/MWh],cycles,error');
  assert.equal(csv.trim().split('\n').length, 5);
  const analysis = JSON.parse(readFileSync(join(out, 'analysis.json'), 'utf8'));
  assert.equal(analysis.done, 4);
  assert.deepEqual(analysis.failed, []);
  assert.equal(analysis.outputs[0].summary.count, 4);
  const status = await chuneng(['study', 'status', study, '--out', out]);
  assert.match(status.out, /battery grid \(study [0-9a-f]{12}\): 4 done, 0 failed, 0 left of 4/);
  const results = await chuneng(['study', 'results', study, '--out', out]);
  assert.equal(results.out, csv);
  // run again: nothing left to compute, the same table
  const again = await chuneng(['study', 'run', study, '--out', out, '--workers', '1']);
  assert.match(again.err, /4\/4 cases: 4 done, 0 failed \(4 from before\)/);
  assert.equal(readFileSync(join(out, 'cases.csv'), 'utf8'), csv);
});

test('a study not started says so; a bad --workers is refused', async () => {
  const { dir, study } = studyFolder();
  const status = await chuneng(['study', 'status', study, '--out', join(dir, 'none')]);
  assert.match(status.out, /battery grid: not started/);
  await assert.rejects(chuneng(['study', 'run', study, '--out', join(dir, 'o'), '--workers', '0']), /--workers: "0" is not valid; expected a whole number ≥ 1/);
});

test('evaluate --set: a project file read with path=value assignments applied before its checks', () => {
  const { dir } = studyFolder();
  const loaded = loadProjectFileWithSets(join(dir, 'battery.yaml'), ['plants[0].performance.energy=80 MWh', 'plants[0].finance.discountRate=6 %']);
  assert.equal(loaded.spec.plants[0].performance!.energy, 80 * 3.6e9);
  assert.equal(loaded.baseDir, dir);
  assert.throws(() => loadProjectFileWithSets(join(dir, 'battery.yaml'), ['plants[0].performance.energy=80 MW']), /plants\[0\]\.performance\.energy/);
});
