import { test } from 'node:test';
import assert from 'node:assert/strict';
import { judge, Network } from './network/network.js';
import { Source } from './components/source.js';
import { Sink } from './components/sink.js';
import { Compressor } from './components/compressor.js';
import { Pipe } from './components/pipe.js';
import { HeatExchanger } from './components/heat-exchanger.js';
import { Heater } from './components/simple-heat-exchanger.js';
import { PlantInputError } from './errors.js';
import { describeViolations, PhysicsViolationError, VIOLATION_KINDS, VIOLATION_TOLERANCES, type PhysicsViolation } from './violations.js';
import { parseNetworkText } from './file/load.js';

/** Air at 5 bar and 300 K through a compressor held at p_out (10 kg/s). */
function compressorTo(pOut: number, options: ConstructorParameters<typeof Network>[0] = {}) {
  const net = new Network(options);
  net.add(new Source('a', { fluid: 'Air' }), new Compressor('C1', { eta_s: 0.85, p_out: pOut }), new Sink('b'));
  net.connect('a', 'C1', { m: 10, p: 5e5, T: 300 });
  net.connect('C1', 'b');
  return net;
}

test('a compressor held at its inlet pressure, or a hair below it (round-off), is no violation; beyond the tolerance it is', () => {
  const tol = VIOLATION_TOLERANCES.pressure;
  for (const pr of [1, 1 - 0.5 * tol]) {
    const r = compressorTo(5e5 * pr).solve();
    assert.ok(r.ok, r.ok ? '' : r.reason);
    assert.deepEqual(r.value.violations(), []);
  }
  const r = compressorTo(5e5 * (1 - 2 * tol)).solve();
  assert.ok(!r.ok);
  assert.equal(r.violations?.length, 1);
  const v = r.violations?.[0] as PhysicsViolation;
  assert.deepEqual([v.kind, v.where, v.id, v.quantity, v.unit, v.sensible, v.allowed], ['expansion-in-compressor', 'compressor C1', 'C1', 'pr', '-', 'pr ≥ 1', false]);
  assert.ok(Math.abs(v.value - (1 - 2 * tol)) < 1e-12);
});

test('a refused solve carries the violations and the converged solution; the reason is one paragraph', () => {
  const r = compressorTo(1e5).solve();
  assert.equal(r.ok, false);
  if (r.ok) return;
  assert.match(r.reason, /^the solution is physically impossible \(1 violation\): compressor C1: expands instead of compressing: pr = p_out\/p_in = 0\.2 \(5 bar → 1 bar\)/);
  assert.doesNotMatch(r.reason, /\n/);
  assert.ok(r.last, 'the converged solution');
  assert.ok(Math.abs((r.last?.stream('s2').p ?? 0) - 1e5) < 1e-6);
  assert.equal(r.last?.violations()[0].kind, 'expansion-in-compressor');
});

test('the network, or the component, accepts a violation; the opt-in can be withdrawn', () => {
  const net = compressorTo(1e5, { allowUnphysical: ['expansion-in-compressor'] });
  const r = net.solve();
  assert.ok(r.ok);
  assert.equal(r.value.violations()[0].allowed, true);
  assert.match(r.value.warnings().join('\n'), /^compressor C1: expands instead of compressing: .*\[expansion-in-compressor, allowed\]$/m);
  net.allowUnphysical(false);
  assert.equal(net.solve().ok, false);
  net.component('C1').allowUnphysical();
  assert.equal(net.solve().ok, true);
  net.component('C1').allowUnphysical(['pressure-rise']);
  assert.equal(net.solve().ok, false, 'an opt-in for another kind does not cover this one');
});

test('an opt-in with an unknown kind is refused, naming the kinds there are', () => {
  assert.throws(() => new Network({ allowUnphysical: ['compressor-expansion'] as never }), (e: unknown) => {
    assert.ok(e instanceof PlantInputError);
    assert.equal(e.field, 'allowUnphysical');
    assert.match(e.message, /network: allowUnphysical = "compressor-expansion" is not valid; valid: true, or a list of expansion-in-compressor, compression-in-turbine, /);
    return true;
  });
  assert.throws(() => new Pipe('P').allowUnphysical('all' as never), /pipe P: allowUnphysical = "all" is not valid/);
});

test('a network file opts in at the top level or on a component; a wrong kind is named by its path', () => {
  const base = 'components:\n  a: { type: source, fluid: Air }\n  P: { type: pipe, p_out: 2 bar%s }\n  b: { type: sink }\nconnections:\n  - { from: a, to: P, m: 1, p: 1 bar, T: 300 K }\n  - { from: P, to: b }\n';
  const file = (entry: string, top = '') => `${top}${base.replace('%s', entry)}`;
  const solve = (text: string) => {
    const parsed = parseNetworkText(text);
    if (!parsed.ok) throw new Error(parsed.issues.map((i) => i.message).join('; '));
    return parsed.network.solve();
  };
  assert.equal(solve(file('')).ok, false);
  assert.equal(solve(file('', 'allowUnphysical: [pressure-rise]\n')).ok, true);
  assert.equal(solve(file('', 'allowUnphysical: true\n')).ok, true);
  assert.equal(solve(file(', allowUnphysical: true')).ok, true);
  assert.equal(solve(file(', allowUnphysical: [pressure-rise]')).ok, true);
  assert.equal(solve(file(', allowUnphysical: [temperature-cross]')).ok, false);
  assert.equal(solve(file(', allowUnphysical: false')).ok, false);
  const bad = parseNetworkText(file(', allowUnphysical: [pressure-drop]'));
  assert.ok(!bad.ok);
  assert.equal(bad.issues[0].field, 'components.P.allowUnphysical');
  assert.match(bad.issues[0].message, /expected true, false or a list of expansion-in-compressor, .* \(got \["pressure-drop"\]\)/);
});

test('an exchanger held at a zero pinch touches without crossing: no violation', () => {
  const net = new Network();
  net.add(new Source('h', { fluid: 'Air' }), new Source('c', { fluid: 'Water' }), new HeatExchanger('X', { ttd_min: 0, ttd_u: 30 }), new Sink('ho'), new Sink('co'));
  net.connect('h', 'X.hot_in', { m: 5, p: 5e5, T: 500 });
  net.connect('X.hot_out', 'ho');
  net.connect('c', 'X.cold_in', { p: 30e5, T: 300 });
  net.connect('X.cold_out', 'co');
  const r = net.solve();
  assert.ok(r.ok, r.ok ? '' : r.reason);
  assert.ok(Math.abs(r.value.component('X').pinch as number) < 1e-6);
});

test('a heater against the ambient (no T_external) is a warning only; with a T_external the fluid stays below it', () => {
  const heater = (T_external?: number) => {
    const net = new Network();
    net.add(new Source('a', { fluid: 'Air' }), new Heater('H', T_external === undefined ? {} : { T_external }), new Sink('b'));
    net.connect('a', 'H', { m: 1, p: 1e5, T: 300 });
    net.connect('H', 'b', { T: 500 });
    return net.solve();
  };
  const ambient = heater();
  assert.ok(ambient.ok);
  assert.match(ambient.value.warnings().join('\n'), /heater H: the heat would have to come from above T_external = 293\.15 K/);
  assert.equal(heater(500).ok, true, 'a source at the outlet temperature can just do it');
  const cold = heater(450);
  assert.ok(!cold.ok);
  assert.deepEqual(cold.violations?.map((v) => [v.kind, v.quantity, v.value, v.sensible]), [['heat-against-temperature', 'T_out', cold.last?.stream('s2').T, 'T_out ≤ T_external = 450 K']]);
});

test('several violations: each named, every kind once in the opt-in the reason proposes; a PhysicsViolationError says where', () => {
  const v = (kind: (typeof VIOLATION_KINDS)[number], where: string): PhysicsViolation => ({ kind, where, id: where.split(' ')[1], quantity: 'q', value: 1, unit: '-', sensible: 's', message: `${kind} here`, allowed: false });
  const list = [v('pressure-rise', 'pipe P1'), v('pressure-rise', 'valve V1'), v('temperature-cross', 'heat-exchanger X')];
  assert.equal(
    describeViolations(list),
    'the solution is physically impossible (3 violations): pipe P1: pressure-rise here; valve V1: pressure-rise here; heat-exchanger X: temperature-cross here. ' +
      'Change the specification; or, to accept them as a warning, add allowUnphysical: [pressure-rise, temperature-cross] to the network (or allowUnphysical: true to the component)',
  );
  const e = new PhysicsViolationError(list, 'adiabatic-caes charge design point');
  assert.equal(e.name, 'PhysicsViolationError');
  assert.equal(e.violations.length, 3);
  assert.match(e.message, /^adiabatic-caes charge design point: the solution is physically impossible \(3 violations\)/);
});

test('a solve left unjudged (check: false) keeps its converged solution; judged once, it is the default solve exactly', () => {
  const net = compressorTo(1e5);
  net.add(new Source('a2', { fluid: 'Air' }), new Pipe('P1', {}), new Sink('c'));
  net.connect('a2', 'P1', { m: 2, p: 4e5, T: 300 });
  // the outlet held above the inlet: a pressure rise across the pipe
  net.connect('P1', 'c', { p: 4.4e5 });
  const refused = net.solve();
  assert.equal(refused.ok, false);
  const open = net.solve({ check: false });
  assert.ok(open.ok, 'unjudged: converged is ok');
  // each component's part of the check, exactly as the whole check has it
  const whole = open.value.violations();
  assert.deepEqual(whole.map((v) => v.kind), ['expansion-in-compressor', 'pressure-rise']);
  assert.deepEqual(open.value.violationsOf(['P1']), whole.filter((v) => v.id === 'P1'));
  assert.deepEqual(open.value.violationsOf(['C1', 'P1']), whole);
  assert.deepEqual(open.value.violationsOf([]), []);
  const judged = judge(open);
  assert.ok(!judged.ok && !refused.ok);
  assert.equal(judged.reason, refused.reason);
  assert.deepEqual(judged.violations, refused.violations);
  assert.equal(judged.last, open.value, 'the failed result carries the solution it judged');
  // a result judged already passes unchanged, and so does one with nothing refused
  assert.equal(judge(judged), judged);
  net.allowUnphysical(true);
  const accepted = net.solve({ check: false });
  assert.equal(judge(accepted), accepted);
});
