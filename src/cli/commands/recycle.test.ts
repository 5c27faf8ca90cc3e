import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, stringify } from 'yaml';
import { Command } from 'commander';
import { registerRecycleCommand } from './recycle.js';

const example = fileURLToPath(new URL('../../../examples/recycling/luoyang-recycling.yaml', import.meta.url));

async function run(args: string[]): Promise<string> {
  let out = '';
  const program = new Command().exitOverride();
  registerRecycleCommand(program, { out: (text) => (out += text) });
  await program.parseAsync(['recycle', ...args], { from: 'user' });
  return out;
}

test('recycle prints the mass balance, the net value per tonne and kWh, the break-even gate fee, the routes and the NPV/IRR', async () => {
  const text = await run([example]);
  assert.match(text, /^Luoyang recycling plant: route hydro\n/);
  assert.match(text, /\nFeed 18,150 t\/yr/);
  assert.match(text, /\nMass balance \(t\/yr\)\nchemistry +feed +second life/);
  assert.match(text, /\nLFP +10,500 +1,050 /);
  assert.match(text, /\nNet value -?[\d,]+ yuan\/t, -?[\d,.]+ yuan\/kWh of retired battery/);
  assert.match(text, /\nBreak-even gate fee -?[\d,]+ yuan\/t/);
  for (const route of ['pyro', 'hydro', 'direct']) assert.match(text, new RegExp(`\\nNCM811 +${route} `));
  assert.match(text, /\nFinance \(after tax\): NPV -?[\d,.]+ M yuan, IRR -?\d+\.\d %, payback/);
});

test('recycle --json gives the same figures as numbers, and --route changes the route', async () => {
  const hydro = JSON.parse(await run([example, '--json']));
  assert.equal(hydro.route, 'hydro');
  assert.ok(Math.abs(hydro.breakEvenGateFeePerTonne + hydro.netValuePerTonne) < 1e-9);
  assert.ok(Math.abs(hydro.netValuePerTonne - (hydro.netValue / hydro.feedMass) * 1000) < 1e-6);
  assert.equal(hydro.byRoute.length, 4 * 3);
  assert.equal(typeof hydro.finance.npv, 'number');
  const pyro = JSON.parse(await run([example, '--json', '--route', 'pyro']));
  assert.equal(pyro.route, 'pyro');
  assert.equal(pyro.note, 'process costs as written in the file, for its route hydro');
  assert.equal(hydro.note, null);
  // pyro leaves Li to the slag: no Li2CO3 among the products
  assert.ok(!pyro.revenue.some((x: { name: string }) => x.name === 'Li2CO3'));
  assert.ok(hydro.revenue.some((x: { name: string }) => x.name === 'Li2CO3'));
  await assert.rejects(run([example, '--route', 'smelt']), /--route = "smelt" is not valid: expected one of pyro, hydro, direct/);
});

test('recycle reads a bare plant file (no finance) and reports its bad fields with the file name', async () => {
  const project = parse(readFileSync(example, 'utf8'));
  const dir = mkdtempSync(join(tmpdir(), 'chuneng-recycle-'));
  const good = join(dir, 'plant.yaml');
  writeFileSync(good, stringify({ name: 'bare line', ...project.plant }));
  const text = await run([good]);
  assert.match(text, /^bare line: route hydro\n/);
  assert.doesNotMatch(text, /Finance/);
  const bad = join(dir, 'bad.yaml');
  writeFileSync(bad, stringify({ name: 'bad line', ...project.plant, route: 'smelt' }));
  await assert.rejects(run([bad]), (e: Error) => e.message.startsWith(`${bad}:`) && /plant\.route/.test(e.message));
});
