import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Command } from 'commander';
import { registerPropsCommand, parseInputs, runBatch } from './props.js';
import { fluid } from '../../fluids/index.js';

async function run(args: string[], stdin = ''): Promise<string> {
  let text = '';
  const program = new Command().exitOverride();
  registerPropsCommand(program, { out: (t) => void (text += t) }, async () => stdin);
  await program.parseAsync(['node', 'chuneng', 'props', ...args]);
  return text;
}

test('one state with units in strings prints a table in display units', async () => {
  const text = await run(['CO2', 'T=25degC', 'p=70bar']);
  const rho = fluid('CO2').tp(298.15, 7e6).rho;
  assert.match(text, /phase\s+liquid/);
  assert.match(text, new RegExp(`density rho\\s+${rho.toPrecision(8).replace('.', '\\.')}`));
  assert.match(text, /298\.15 K = 25 degC/);
});

test('--json gives the state in SI', async () => {
  const s = JSON.parse(await run(['Water', 'p=1atm', 'Q=0', '--json']));
  assert.ok(Math.abs(s.T - 373.1242958476664) < 1e-6, String(s.T));
  assert.equal(s.phase, 'twophase');
});

test('inputs: aliases, units and clear errors', () => {
  assert.deepEqual(parseInputs(['P=1MPa', 'D=10kg/m3']), { p: 1e6, rho: 10 });
  assert.throws(() => parseInputs(['T=300K']), /exactly two inputs/);
  assert.throws(() => parseInputs(['T=300K', 'z=3']), /unknown key "z"/);
  assert.throws(() => parseInputs(['T=300kg', 'p=1bar']), /not a unit of temperature/);
});

test('batch: one JSON line per input with the required fields; Q only when two-phase', () => {
  const out = runBatch(fluid('CO2'), '{"T":300,"p":7e6}\n{"p":5e6,"h":3e5}\n{"T":250,"Q":0.5}\n').trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(out.length, 3);
  assert.deepEqual(Object.keys(out[0]), ['T', 'p', 'rho', 'h', 's', 'u', 'cp', 'cv', 'w', 'phase']);
  assert.equal(out[1].phase, 'twophase');
  assert.equal(out[1].cp, null);
  assert.equal(out[1].p, 5e6);
  assert.ok(out[1].Q > 0 && out[1].Q < 1);
  assert.equal(out[2].Q, 0.5);
});

test('issue 12 item 7: batch output line n answers input line n, blank lines included (as error lines)', () => {
  const input = '{"T":300,"p":7e6}\n\n   \n{"p":5e6,"h":3e5}\r\n\n';
  const lines = runBatch(fluid('CO2'), input).split('\n');
  assert.equal(lines.pop(), '', 'the output ends with a newline');
  // five input lines (the newline ending the last one starts no sixth)
  assert.equal(lines.length, 5);
  const out = lines.map((l) => JSON.parse(l));
  assert.equal(out[0].phase, 'liquid');
  assert.match(out[1].error, /^line 2: blank/);
  assert.match(out[2].error, /^line 3: blank/);
  assert.equal(out[3].phase, 'twophase');
  assert.match(out[4].error, /^line 5: blank/);
  assert.equal(runBatch(fluid('CO2'), ''), '', 'no input, no output');
  assert.equal(runBatch(fluid('CO2'), '\n').split('\n').length, 2, 'one blank line, one error line');
});

test('issue 12 item 1: a two-phase tank at the critical density to four digits is a state, not an error', () => {
  const [o] = runBatch(fluid('CO2'), '{"rho":467.6,"u":250000}\n').trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(o.phase, 'twophase');
  assert.ok(Math.abs(o.T - 284.195) < 0.01 && Math.abs(o.u - 250000) < 1e-6, JSON.stringify(o));
});

test('issue 12 item 2: --transport keeps valid lines valid, with null where a correlation ends (CO2 conductivity above 1100 K)', () => {
  const out = runBatch(fluid('CO2'), '{"T":1200,"p":1e5}\n{"T":300,"p":1e5}\n', true).trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(out[0].error, undefined, JSON.stringify(out[0]));
  assert.equal(out[0].k, null);
  assert.ok(out[0].mu > 4.6e-5 && out[0].mu < 4.8e-5, JSON.stringify(out[0]));
  assert.ok(out[1].k > 0.016 && out[1].k < 0.018);
});

test('issue 12 item 2: one state whose conductivity is outside its correlation prints "—" for it, and at the critical point "—" for cp', async () => {
  const text = await run(['CO2', 'T=1200K', 'p=1bar']);
  assert.match(text, /thermal conductivity k\s+—/);
  assert.match(text, /viscosity mu\s+46\.84\d* µPa s/);
  assert.match(text, /—: not defined here/);
  const c = fluid('CO2').critical;
  const critical = await run(['CO2', `T=${c.T}K`, `p=${c.p}Pa`]);
  assert.match(critical, /isobaric heat capacity cp\s+—/);
  const json = JSON.parse(await run(['CO2', 'T=1200K', 'p=1bar', '--json']));
  assert.equal(json.k, null);
  assert.equal(json.phase, 'supercritical_gas');
});

test('batch: a bad line gives an error for that line alone, never stopping the batch', () => {
  const input = ['not json', '[1,2]', '{"T":"300","p":1e5}', '{"T":300}', '{"T":300,"h":1}', '{"p":-5,"h":3e5}', '{"T":1e9,"p":1e5}', '{"T":300,"p":1e5}'].join('\n');
  const out = runBatch(fluid('Air'), input).trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(out.length, 8);
  for (let i = 0; i < 7; i++) assert.match(out[i].error, new RegExp(`^line ${i + 1}: `), JSON.stringify(out[i]));
  assert.match(out[2].error, /must be numbers/);
  assert.match(out[3].error, /input pair/);
  assert.match(out[5].error, /p = -5 Pa is not valid/);
  assert.match(out[6].error, /T = 1000000000 K is not valid/);
  assert.ok(Math.abs(out[7].rho - 1.1612) < 1e-3);
});

test('CoolProp fluid names are accepted and --transport adds mu and k', () => {
  const [line] = runBatch(fluid('CarbonDioxide'), '{"T":300,"p":1e5}', true).trim().split('\n');
  const o = JSON.parse(line);
  assert.ok(o.mu > 1.4e-5 && o.mu < 1.6e-5 && o.k > 0.016 && o.k < 0.018, line);
});
