import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
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

/** The example file with the opt-in it needs added, unless it has it (see the examples test below). */
function accepted(name: string, kinds: readonly string[]): string {
  const text = readFileSync(join(examples, name), 'utf8');
  if (/^allowUnphysical:/m.test(text)) return join(examples, name);
  const copy = join(dir, name);
  writeFileSync(copy, `${text.replace(/\n*$/, '\n')}allowUnphysical: [${kinds.join(', ')}]\n`);
  return copy;
}

test('solve prints the stream and component tables, the balances and the warnings', async () => {
  const text = await run([accepted('tespy-acaes-2stage-charge.yaml', ['temperature-cross'])]);
  assert.match(text, /^TESPy 2-stage A-CAES, charge: solved in [\d.]+ ms \(33 blocks, largest 1, \d+ Newton steps\)\n/);
  assert.match(text, /\nStreams\nid +stream +fluid +m kg\/s +p bar +T degC/);
  assert.match(text, /\ns2 +C1 → IC1\.hot_in +Air +100 +8\.42081 +302\.06/);
  assert.match(text, /\nC1 +compressor +28\.7875 +28\.7875 +8\.3127 +0\.85 /);
  assert.match(text, /\nBalances: mass 0\.0e\+0, energy \d\.\de[-+]\d+, exergy \d\.\de[-+]\d+ \(relative residuals\)\n/);
  assert.match(text, /\nWarnings\n {2}- heat-exchanger IC1: temperature cross inside: .* \[temperature-cross, allowed\]\n/);
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
  // both mistakes of the one component, each with its field and range (each component's declared parameters)
  await assert.rejects(run([bad]), /bad\.yaml: 2 problems:\n {2}compressor C: eta_s = 1\.2 is not valid; valid: 0 < eta_s ≤ 1\n {2}compressor C: pr = 0\.5 is not valid; valid: 1 ≤ pr \(pr = p_out\/p_in of a compression\)$/);
  const under = join(dir, 'under.yaml');
  writeFileSync(under, 'components:\n  a: { type: source, fluid: Air }\n  C: { type: compressor, eta_s: 0.8, pr: 2 }\n  b: { type: sink }\nconnections:\n  - { from: a, to: C, m: 10 }\n  - { from: C, to: b }\n');
  await assert.rejects(run([under]), /under\.yaml: the network cannot be solved as specified:\n {2}- under-specified \(4 equations for 6 unknowns\): 2 more specifications are needed/);
  await assert.rejects(run([join(dir, 'missing.yaml')]), /solve: cannot read ".*missing\.yaml"/);
});

// ——— solutions that break physics (src/plant/violations.ts) ———
// Each network below solved, with at most a warning, before violations were checked; each is now refused, naming
// the component (or stream), the quantity and its value, and what would be sensible; and each is let through, as a
// warning, by the opt-in (`allowUnphysical`, network-wide or on the component).

interface Case {
  /** The network file without its opt-in. */
  readonly yaml: string;
  /** What the refusal must say. */
  readonly refused: RegExp;
  /** The opt-in: a line for the top level, or the component to mark with allowUnphysical: true. */
  readonly optIn: { readonly network: string } | { readonly component: string };
  /** The warning the accepted solution must show. */
  readonly warning: RegExp;
}

const CASES: Record<string, Case> = {
  'a compressor that expands (pr 0.042, giving out 261 MW)': {
    yaml: `name: compressor run backwards
components:
  hp: { type: source, fluid: Air }
  C1: { type: compressor, eta_s: 0.85, p_out: 1.013 bar }
  out: { type: sink }
connections:
  - { from: hp, to: C1, m: 400 kg/s, p: 24 bar, T: 900 K }
  - { from: C1, to: out }
`,
    refused: /compressor C1: expands instead of compressing: pr = p_out\/p_in = 0\.04221 \(24 bar → 1\.013 bar\), fluid power P = -26\d\.\d MW, where a compressor needs pr ≥ 1 .*; its exergy destruction is negative too \(-\d+(\.\d+)? MW\)\. .*allowUnphysical: \[expansion-in-compressor\]/,
    optIn: { network: 'allowUnphysical: [expansion-in-compressor]' },
    warning: /- compressor C1: expands instead of compressing: pr = p_out\/p_in = 0\.04221 .*\[expansion-in-compressor, allowed\]/,
  },
  'a pump that expands': {
    yaml: `components:
  w: { type: source, fluid: Water }
  P1: { type: pump, eta_s: 0.8, p_out: 2 bar }
  out: { type: sink }
connections:
  - { from: w, to: P1, m: 10 kg/s, p: 20 bar, T: 30 degC }
  - { from: P1, to: out }
`,
    refused: /pump P1: expands instead of compressing: pr = p_out\/p_in = 0\.1 \(20 bar → 2 bar\), .*where a pump needs pr ≥ 1/,
    optIn: { component: 'P1' },
    warning: /- pump P1: expands instead of compressing: .*\[expansion-in-compressor, allowed\]/,
  },
  'a turbine that compresses': {
    yaml: `components:
  a: { type: source, fluid: Air }
  T1: { type: turbine, eta_s: 0.9, p_out: 10 bar }
  out: { type: sink }
connections:
  - { from: a, to: T1, m: 50 kg/s, p: 1 bar, T: 300 K }
  - { from: T1, to: out }
`,
    refused: /turbine T1: compresses instead of expanding: pr = p_out\/p_in = 10 \(1 bar → 10 bar\), .*where a turbine needs pr ≤ 1 \(a compressor raises the pressure\)/,
    optIn: { network: 'allowUnphysical: [compression-in-turbine]' },
    warning: /- turbine T1: compresses instead of expanding: .*\[compression-in-turbine, allowed\]/,
  },
  'a pipe that raises the pressure 115-fold': {
    yaml: `components:
  a: { type: source, fluid: Air }
  well: { type: pipe, p_out: 115 bar }
  out: { type: sink }
connections:
  - { from: a, to: well, m: 100 kg/s, p: 1 bar, T: 300 K }
  - { from: well, to: out }
`,
    refused: /pipe well: the pressure rises across the pipe: pr = p_out\/p_in = 115 \(1 bar → 115 bar\), where the pipe can only lose pressure \(sensible: pr ≤ 1; a compressor or pump raises it\)/,
    optIn: { component: 'well' },
    warning: /- pipe well: the pressure rises across the pipe: .*\[pressure-rise, allowed\]/,
  },
  'a valve that raises the pressure': {
    yaml: `components:
  a: { type: source, fluid: Water }
  V: { type: valve, p_out: 5 bar }
  out: { type: sink }
connections:
  - { from: a, to: V, m: 1 kg/s, p: 2 bar, T: 300 K }
  - { from: V, to: out }
`,
    refused: /valve V: the pressure rises across the valve: pr = p_out\/p_in = 2\.5 \(2 bar → 5 bar\)/,
    optIn: { network: 'allowUnphysical: [pressure-rise]' },
    warning: /- valve V: the pressure rises across the valve: .*\[pressure-rise, allowed\]/,
  },
  'a heat-exchanger side whose pressure rises': {
    yaml: `components:
  hot: { type: source, fluid: Air }
  cold: { type: source, fluid: Water }
  X: { type: heat-exchanger, pr2: free, ttd_u: 20 K }
  h_out: { type: sink }
  c_out: { type: sink }
connections:
  - { from: hot, to: X.hot_in, m: 5 kg/s, p: 5 bar, T: 500 K }
  - { from: X.hot_out, to: h_out, T: 350 K }
  - { from: cold, to: X.cold_in, p: 20 bar, T: 300 K }
  - { from: X.cold_out, to: c_out, p: 30 bar }
`,
    refused: /heat-exchanger X: the pressure rises across the cold side: pr2 = p_out\/p_in = 1\.5 \(20 bar → 30 bar\)/,
    optIn: { component: 'X' },
    warning: /- heat-exchanger X: the pressure rises across the cold side: .*\[pressure-rise, allowed\]/,
  },
  'a stream flowing against its connection': {
    yaml: `components:
  a: { type: source, fluid: Air }
  split: { type: splitter }
  b1: { type: sink }
  b2: { type: sink }
connections:
  - { from: a, to: split, m: 10 kg/s, p: 5 bar, T: 300 K }
  - { from: split.out1, to: b1, m: 15 kg/s }
  - { id: back, from: split.out2, to: b2 }
`,
    refused: /stream back \(split\.out2 → b2\): the mass flow is negative, m = -5 kg\/s: the stream would run from b2 to split, against its connection \(sensible: m ≥ 0/,
    optIn: { component: 'split' },
    warning: /- stream back \(split\.out2 → b2\): the mass flow is negative, m = -5 kg\/s.*\[negative-mass-flow, allowed\]/,
  },
  'a heat exchanger whose hot outlet is colder than its cold inlet': {
    yaml: `components:
  hot: { type: source, fluid: Water }
  cold: { type: source, fluid: Water }
  X: { type: heat-exchanger }
  h_out: { type: sink }
  c_out: { type: sink }
connections:
  - { from: hot, to: X.hot_in, m: 10 kg/s, p: 3 bar, T: 80 degC }
  - { from: X.hot_out, to: h_out, T: 40 degC }
  - { from: cold, to: X.cold_in, m: 10 kg/s, p: 3 bar, T: 50 degC }
  - { from: X.cold_out, to: c_out }
`,
    refused: /heat-exchanger X: temperature cross inside: T_hot − T_cold = -10\.000 K at 100\.0 % of the duty from the hot end \(hot 313\.15 K, cold 323\.15 K\) \(ends: ttd_u = -9\.9\d\d K, ttd_l = -10\.000 K\), where heat can only pass from the warmer stream to the colder/,
    optIn: { network: 'allowUnphysical: [temperature-cross]' },
    warning: /- heat-exchanger X: temperature cross inside: .*\[temperature-cross, allowed\]/,
  },
  'a heater that takes its heat from a colder source': {
    yaml: `components:
  a: { type: source, fluid: Air }
  H: { type: heater, T_external: 350 K }
  out: { type: sink }
connections:
  - { from: a, to: H, m: 10 kg/s, p: 5 bar, T: 300 K }
  - { from: H, to: out, T: 400 K }
`,
    refused: /heater H: takes in Q = 1\.0\d\d MW from a source at T_external = 350 K, yet the fluid reaches T_out = 400 K: heat cannot flow from a colder source \(sensible: T_out ≤ T_external = 350 K/,
    optIn: { component: 'H' },
    warning: /- heater H: takes in Q = .*\[heat-against-temperature, allowed\]/,
  },
  'a cooler that rejects its heat to a hotter sink': {
    yaml: `components:
  a: { type: source, fluid: Air }
  K: { type: cooler, T_external: 320 K }
  out: { type: sink }
connections:
  - { from: a, to: K, m: 10 kg/s, p: 5 bar, T: 400 K }
  - { from: K, to: out, T: 300 K }
`,
    refused: /cooler K: rejects Q = 1\.0\d\d MW to a sink at T_external = 320 K, yet the fluid reaches T_out = 300 K: heat cannot flow into a hotter sink \(sensible: T_out ≥ T_external = 320 K/,
    optIn: { network: 'allowUnphysical: [heat-against-temperature]' },
    warning: /- cooler K: rejects Q = .*\[heat-against-temperature, allowed\]/,
  },
  'a compressor better than isentropic (negative exergy destruction)': {
    yaml: `components:
  a: { type: source, fluid: Air }
  C1: { type: compressor, pr: 4 }
  out: { type: sink }
connections:
  - { from: a, to: C1, m: 10 kg/s, p: 1 bar, T: 293.15 K }
  - { from: C1, to: out, T: 400 K }
`,
    refused: /compressor C1: negative exergy destruction -2\d\d(\.\d)? kW \(entropy would be destroyed; the second law needs exergyDestruction ≥ 0/,
    optIn: { network: 'allowUnphysical: [negative-exergy-destruction]' },
    warning: /- compressor C1: negative exergy destruction .*\[negative-exergy-destruction, allowed\]/,
  },
};

/** The case's file with its opt-in: a top-level line, or allowUnphysical: true on the component's entry. */
function withOptIn(c: Case): string {
  if ('network' in c.optIn) return `${c.yaml}${c.optIn.network}\n`;
  const id = c.optIn.component;
  return c.yaml.replace(new RegExp(`^( {2}${id}: \\{ .*) \\}$`, 'm'), '$1, allowUnphysical: true }');
}

for (const [what, c] of Object.entries(CASES)) {
  test(`${what}: refused with the component, the quantity and what is sensible; accepted as a warning with the opt-in`, async () => {
    const file = join(dir, `${what.replace(/[^a-z0-9]+/gi, '-')}.yaml`);
    writeFileSync(file, c.yaml);
    await assert.rejects(run([file]), (error: Error) => {
      assert.match(error.message, /^.*\.yaml: the solution is physically impossible \(1 violation\): /);
      assert.match(error.message, c.refused);
      assert.doesNotMatch(error.message, /\n/, 'one paragraph');
      return true;
    });
    const optIn = withOptIn(c);
    assert.notEqual(optIn, c.yaml, 'the opt-in was written into the file');
    writeFileSync(file, optIn);
    const text = await run([file]);
    assert.match(text, /\nWarnings\n/);
    assert.match(text, c.warning);
    const json = JSON.parse(await run([file, '--json']));
    assert.equal(json.violations.length, 1);
    assert.equal(json.violations[0].allowed, true);
  });
}

test('the command exits 1 with the one-paragraph reason on stderr, and 0 once the file opts in', () => {
  const c = CASES['a pipe that raises the pressure 115-fold'];
  const file = join(dir, 'exit.yaml');
  writeFileSync(file, c.yaml);
  const root = fileURLToPath(new URL('../../../', import.meta.url));
  const cli = (path: string) => spawnSync(process.execPath, ['--import', 'tsx', join(root, 'src/cli/main.ts'), 'solve', path], { cwd: root, encoding: 'utf8' });
  const refused = cli(file);
  assert.equal(refused.status, 1, refused.stderr);
  assert.equal(refused.stdout, '');
  assert.match(refused.stderr, /^chuneng: .*exit\.yaml: the solution is physically impossible \(1 violation\): pipe well: the pressure rises across the pipe: pr = p_out\/p_in = 115 .*allowUnphysical: true to the component\)\n$/);
  writeFileSync(file, withOptIn(c));
  const accepted = cli(file);
  assert.equal(accepted.status, 0, accepted.stderr);
  assert.match(accepted.stdout, /- pipe well: the pressure rises across the pipe: .*\[pressure-rise, allowed\]/);
});

test('an opt-in that names no kind of violation is a mistake in the file, named with the valid kinds', async () => {
  const file = join(dir, 'bad-opt-in.yaml');
  writeFileSync(file, `${CASES['a turbine that compresses'].yaml}allowUnphysical: [compressor-expansion]\n`);
  await assert.rejects(run([file]), /bad-opt-in\.yaml: 1 problem:\n {2}allowUnphysical: expected true, false or a list of expansion-in-compressor, .* \(got \["compressor-expansion"\]\)$/);
});

// The TESPy 2-stage A-CAES charge case is TESPy's own solution: both intercoolers meet 10 K at their ends and cross
// inside (the oil's cp), so its file must accept temperature crosses; every other example solves as it is.
const NEEDS: Record<string, readonly string[]> = { 'tespy-acaes-2stage-charge.yaml': ['temperature-cross'] };

test('every example network solves — as it is, or (the TESPy charge case) with the crosses it is known to have accepted', async () => {
  const names = readdirSync(examples).filter((f) => /\.(ya?ml|json)$/.test(f));
  assert.ok(names.length >= 4, names.join(', '));
  for (const name of names) {
    const kinds = NEEDS[name];
    const text = readFileSync(join(examples, name), 'utf8');
    if (kinds && !/^allowUnphysical:/m.test(text)) {
      await assert.rejects(run([join(examples, name)]), /the solution is physically impossible \(2 violations\): heat-exchanger IC1: temperature cross inside: .*; heat-exchanger IC2: temperature cross inside: .*allowUnphysical: \[temperature-cross\]/, name);
    }
    const json = JSON.parse(await run([kinds ? accepted(name, kinds) : join(examples, name), '--json']));
    assert.ok(json.balances.energy.relative < 1e-9, name);
    const unaccepted = json.violations.filter((v: { kind: string }) => !kinds?.includes(v.kind));
    assert.deepEqual(unaccepted, [], `${name}: ${JSON.stringify(unaccepted)}`);
  }
});

test('solve on a cycle file prints the handover, the round trip (RTE gross and net) and the stores’ balance over the cycle', async () => {
  // the TESPy 2-stage A-CAES, 8 h each way: RTE 0.7795814456634315 (../shared/validation/tespy_acaes_2stage.results.json)
  const cycles = fileURLToPath(new URL('../../../examples/cycles/', import.meta.url));
  const text = await run([join(cycles, 'tespy-acaes-2stage-cycle.yaml')]);
  assert.match(text, /^TESPy 2-stage A-CAES, one cycle: charge "TESPy 2-stage A-CAES, charge" for 8 h, discharge "TESPy 2-stage A-CAES, discharge" for 8 h\n/);
  assert.match(text, /\ns11\.T +tes\.T +585\.2137015 +585\.2137015\n/);
  assert.match(text, /\nRTE gross 77\.9581 % \(turbines over compressors\), net 77\.9581 % \(every electric draw included\)\n/);
  assert.match(text, /\ntes +two-tank-store +3071\.89 +2997\.31 +0\.975724 /);
  const json = JSON.parse(await run([join(cycles, 'tespy-acaes-2stage-cycle.yaml'), '--json']));
  assert.ok(Math.abs(json.figures.rteNet - 0.7795814456634315) < 1e-6 * 0.78, String(json.figures.rteNet));
  // a cycle whose handover names no stream fails with the field
  const bad = join(dir, 'bad-cycle.yaml');
  writeFileSync(bad, `kind: cycle\ncharge: { network: ${join(examples, 'tespy-acaes-2stage-charge.yaml')}, duration: 8 h }\ndischarge: { network: ${join(examples, 'tespy-acaes-2stage-discharge.yaml')}, duration: 8 h }\nhandover: [{ from: s99.T, to: tes.T }]\n`);
  await assert.rejects(run([bad]), /bad-cycle\.yaml: 1 problem:\n {2}handover\[0\]\.from: "s99" is neither a component nor a connection of the charge network$/);
  // a phase whose solution breaks physics stops the cycle with the plant layer's reason (the exit code is main's, 1):
  // the charge file's intercoolers cross inside; withdrawn by the phase, the cross is refused
  const crossing = join(dir, 'crossing-cycle.yaml');
  const strict = join(dir, 'charge-strict.yaml');
  writeFileSync(strict, readFileSync(join(examples, 'tespy-acaes-2stage-charge.yaml'), 'utf8').replace(/^allowUnphysical:.*$/m, ''));
  writeFileSync(crossing, `kind: cycle\ncharge: { network: ${strict}, duration: 8 h }\ndischarge: { network: ${join(examples, 'tespy-acaes-2stage-discharge.yaml')}, duration: 8 h }\n`);
  await assert.rejects(run([crossing]), /crossing-cycle\.yaml: charge: the solution is physically impossible \(2 violations\): heat-exchanger IC1: temperature cross inside/);
});
