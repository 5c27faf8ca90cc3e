import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { parseNetwork, parseNetworkText, type NetworkIssue } from './load.js';
import { EXAMPLE_ALLOWANCES } from '../validation/helpers.js';
import { COMPONENTS } from '../components/registry.js';
import { Compressor } from '../components/compressor.js';

const base = {
  deadState: { T: '20 degC', p: '1.013 bar' },
  components: {
    amb: { type: 'source', fluid: 'Air', ambient: true },
    C1: { type: 'compressor', eta_s: 0.85, pr: 4 },
    out: { type: 'sink' },
  },
  connections: [
    { from: 'amb', to: 'C1', m: '100 kg/s' },
    { from: 'C1', to: 'out' },
  ],
};

function issues(edit: (f: typeof base & Record<string, unknown>) => void): NetworkIssue[] {
  const f = structuredClone(base) as typeof base & Record<string, unknown>;
  edit(f);
  const r = parseNetwork(f);
  assert.equal(r.ok, false, 'the file should be refused');
  return r.ok ? [] : [...r.issues];
}

test('a valid file becomes a network with SI values (units parsed, dead state included)', () => {
  const r = parseNetwork(base);
  assert.ok(r.ok);
  if (!r.ok) return;
  assert.equal(r.network.deadState.T, 293.15);
  assert.ok(Math.abs(r.network.deadState.p - 101300) < 1e-9);
  assert.equal(r.network.connection('s1').specs.m, 100);
  const s = r.network.solve();
  assert.ok(s.ok);
});

test('every example network parses and solves (accepting what an example is known to break: EXAMPLE_ALLOWANCES)', () => {
  const dir = new URL('../../../examples/networks/', import.meta.url);
  const files = readdirSync(dir).filter((f) => f.endsWith('.yaml'));
  assert.ok(files.length >= 4);
  for (const f of files) {
    const r = parseNetworkText(readFileSync(new URL(f, dir), 'utf8'), f);
    assert.ok(r.ok, r.ok ? '' : r.issues.map((i) => i.message).join('\n'));
    if (!r.ok) continue;
    const allowed = EXAMPLE_ALLOWANCES[f.replace(/\.yaml$/, '')];
    if (allowed) r.network.allowUnphysical(allowed);
    const solved = r.network.solve();
    assert.ok(solved.ok, `${f}: ${solved.ok ? '' : solved.reason}`);
  }
});

test('mistakes are reported with the field path and what is valid', () => {
  assert.deepEqual(
    issues((f) => ((f.components.C1 as Record<string, unknown>).eta_s = -0.2)),
    [{ field: 'components.C1.eta_s', value: -0.2, valid: '0 < eta_s ≤ 1', message: 'compressor C1: eta_s = -0.2 is not valid; valid: 0 < eta_s ≤ 1' }],
  );
  assert.deepEqual(
    issues((f) => ((f.components.C1 as Record<string, unknown>).pr = 0.5)),
    [{ field: 'components.C1.pr', value: 0.5, valid: '1 ≤ pr (pr = p_out/p_in of a compression)', message: 'compressor C1: pr = 0.5 is not valid; valid: 1 ≤ pr (pr = p_out/p_in of a compression)' }],
  );
  const written = issues((f) => ((f.components.C1 as Record<string, unknown>).eta_s = '120 %'));
  assert.deepEqual(written, [{ field: 'components.C1.eta_s', value: '120 %', valid: '0 < eta_s ≤ 1', message: 'compressor C1: eta_s = "120 %" is not valid; valid: 0 < eta_s ≤ 1' }]);
  const unit = issues((f) => ((f.connections[0] as Record<string, unknown>).m = '100 bar'));
  assert.equal(unit[0].field, 'connections[0].m');
  assert.match(unit[0].message, /connections\[0\]\.m: "bar" is not a unit of mass flow/);
  const typo = issues((f) => ((f.components.C1 as Record<string, unknown>).eta = 0.8));
  assert.equal(typo[0].field, 'components.C1.eta');
  assert.equal(typo[0].message, 'compressor C1: eta = 0.8 is not valid; valid: a parameter of compressor: eta_s, eta_poly, pr, p_out, P, P_el, eta_mech, eta_el, etaChar');
  const type = issues((f) => ((f.components.C1 as Record<string, unknown>).type = 'compresor'));
  assert.equal(type[0].field, 'components.C1.type');
  const fluid = issues((f) => ((f.components.amb as Record<string, unknown>).fluid = 'Helium'));
  assert.equal(fluid[0].field, 'components.amb.fluid');
  assert.match(fluid[0].message, /source amb: fluid = "Helium" is not valid; valid: one of CO2, Air/);
  const port = issues((f) => (f.connections[1].to = 'out.inlet'));
  assert.deepEqual(port, [{ field: 'connections[1].to', value: 'out.inlet', valid: 'one of out.in', message: 'connections[1]: sink out: inlet = "out.inlet" is not valid; valid: one of out.in' }]);
});

test("a file's parameters are parsed once, by the file schema: the component takes its SI values without parsing them again", () => {
  const schema = COMPONENTS.compressor.parameters;
  const original = schema.safeParse;
  let parses = 0;
  schema.safeParse = ((...args: Parameters<typeof original>) => {
    parses++;
    return original.apply(schema, args);
  }) as typeof original;
  try {
    const f = structuredClone(base);
    (f.components.C1 as Record<string, unknown>).pr = '400 %';
    const r = parseNetwork(f);
    assert.ok(r.ok, r.ok ? '' : r.issues.map((i) => i.message).join('\n'));
    assert.equal(parses, 0, "the compressor's declaration parsed the file's values a second time");
    assert.deepEqual(r.network.component<Compressor>('C1').get(), { eta_s: 0.85, pr: 4 });
    // made in code, a component still parses its own parameters (the one check they get)
    assert.throws(() => new Compressor('C2', { eta_s: 1.2 }), /compressor C2: eta_s = 1\.2 is not valid; valid: 0 < eta_s ≤ 1/);
    assert.equal(parses, 1);
  } finally {
    schema.safeParse = original;
  }
});

test('a rule tying parameters together is still checked on a file, at the field as written', () => {
  const both = issues((f) => ((f.components.C1 as Record<string, unknown>).p_out = '4 bar'));
  assert.deepEqual(both, [{ field: 'components.C1.pr', value: '4/400000', valid: 'only one of pr and p_out', message: 'compressor C1: pr/p_out = "4/400000" is not valid; valid: only one of pr and p_out' }]);
});

test('YAML syntax errors say where', () => {
  const r = parseNetworkText('components: {a: [1, 2\nconnections: []', 'broken.yaml');
  assert.equal(r.ok, false);
  assert.match(r.ok ? '' : r.issues[0].message, /^broken\.yaml: /);
});
