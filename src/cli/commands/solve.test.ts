import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { registerSolveCommand } from './solve.js';

const examples = fileURLToPath(new URL('../../../examples/networks/', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'chuneng-solve-'));

async function run(args: string[]): Promise<string> {
  let out = '';
  const program = new Command().exitOverride();
  registerSolveCommand(program, { out: (text) => (out += text) });
  await program.parseAsync(['solve', ...args], { from: 'user' });
  return out;
}

test('solve prints the stream and component tables, the balances and the warnings', async () => {
  const text = await run([join(examples, 'tespy-acaes-2stage-charge.yaml')]);
  assert.match(text, /^TESPy 2-stage A-CAES, charge: solved in [\d.]+ ms \(33 blocks, largest 1, \d+ Newton steps\)\n/);
  assert.match(text, /\nStreams\nid +stream +fluid +m kg\/s +p bar +T degC/);
  assert.match(text, /\ns2 +C1 → IC1\.hot_in +Air +100 +8\.42081 +302\.06/);
  assert.match(text, /\nC1 +compressor +28\.7875 +28\.7875 +8\.3127 +0\.85 /);
  assert.match(text, /\nBalances: mass 0\.0e\+0, energy \d\.\de[-+]\d+, exergy \d\.\de[-+]\d+ \(relative residuals\)\n/);
  assert.match(text, /\nWarnings\n {2}- heat-exchanger IC1: temperature cross inside/);
});

test('solve --json prints the solution as SI data, with --paths the process paths', async () => {
  const json = JSON.parse(await run([join(examples, 'co2-condenser.yaml'), '--json', '--paths']));
  assert.equal(json.network, 'CO2 condenser');
  assert.equal(json.streams.length, 4);
  assert.ok(Math.abs(json.components.find((c: { id: string }) => c.id === 'condenser').pinch - 5) < 1e-6);
  assert.ok(Array.isArray(json.paths) && json.paths.length === 2);
  assert.ok(json.balances.energy.relative < 1e-9);
});

test('a file with mistakes stops the command with every field named', async () => {
  const bad = join(dir, 'bad.yaml');
  writeFileSync(bad, 'components:\n  a: { type: source, fluid: Air }\n  C: { type: compressor, eta_s: 1.2, pr: 0.5 }\n  b: { type: sink }\nconnections:\n  - { from: a, to: C, m: 10 }\n  - { from: C, to: b }\n');
  await assert.rejects(run([bad]), /bad\.yaml: 1 problem:\n {2}compressor C: eta_s = 1\.2 is not valid; valid: 0 < eta_s ≤ 1/);
  const under = join(dir, 'under.yaml');
  writeFileSync(under, 'components:\n  a: { type: source, fluid: Air }\n  C: { type: compressor, eta_s: 0.8, pr: 2 }\n  b: { type: sink }\nconnections:\n  - { from: a, to: C, m: 10 }\n  - { from: C, to: b }\n');
  await assert.rejects(run([under]), /under\.yaml: the network cannot be solved as specified:\n {2}- under-specified \(4 equations for 6 unknowns\): 2 more specifications are needed/);
  await assert.rejects(run([join(dir, 'missing.yaml')]), /solve: cannot read ".*missing\.yaml"/);
});
