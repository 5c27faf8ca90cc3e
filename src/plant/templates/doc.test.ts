import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NetworkBuilder, docToYaml } from './doc.js';
import { parseNetworkText } from '../file/load.js';

/** An air compressor into a cooler: the smallest template-like network. */
function builder(): NetworkBuilder {
  const d = new NetworkBuilder('typed', 'a compressor and its aftercooler', { T: 293.15, p: 101325 });
  d.add('source', 'amb', { fluid: 'Air', ambient: true });
  d.add('compressor', 'C1', { eta_s: 0.85, pr: 4 });
  d.add('cooler', 'K1', { pr: 0.99, T_external: 293.15 });
  d.add('sink', 'out', {});
  d.connect('air', 'amb', 'C1', { m: 10 });
  d.connect('hot', 'C1', 'K1');
  d.connect('cooled', 'K1', 'out', { T: 313.15 });
  return d;
}

test('typed add puts the component into the live network, and its exported document names its type and parameters', () => {
  const d = builder();
  assert.deepEqual(d.network.component('C1').get(), { eta_s: 0.85, pr: 4 });
  assert.deepEqual(d.toDoc().components.C1, { type: 'compressor', eta_s: 0.85, pr: 4 });
  assert.deepEqual(d.toDoc().components.K1, { type: 'cooler', pr: 0.99, T_external: 293.15 });
  assert.deepEqual(d.toDoc().connections.map((c) => [c.id, c.from, c.to]), [['air', 'amb.out', 'C1.in'], ['hot', 'C1.out', 'K1.in'], ['cooled', 'K1.out', 'out.in']]);
  // compile-time checks: an unknown key or type is a type error (the lines would not compile without the marks)
  const check = (x: NetworkBuilder) => {
    // @ts-expect-error eta is no parameter of a compressor
    x.add('compressor', 'C9', { eta: 0.85 });
    // @ts-expect-error a compressor's pr is a number, not a string with units (the document is SI)
    x.add('compressor', 'C8', { pr: '4' });
    // @ts-expect-error no component is called compresor
    x.add('compresor', 'C7', {});
  };
  assert.equal(typeof check, 'function');
});

test('the live network of a typed document solves: P = m (h_out − h_in), the cooler takes the heat back out', () => {
  const net = builder().network;
  const r = net.solve();
  assert.ok(r.ok, r.ok ? '' : r.reason);
  if (!r.ok) return;
  const s = r.value;
  const air = s.stream('air');
  const hot = s.stream('hot');
  assert.ok(Math.abs(s.component('C1').P! - 10 * (hot.h - air.h)) < 1e-6 * s.component('C1').P!);
  assert.ok(Math.abs(s.component('K1').Q! + 10 * (hot.h - s.stream('cooled').h)) < 1e-6 * Math.abs(s.component('K1').Q!));
});

test('a range is checked once, by the component, as it is added to the live network: the template bug names the field', () => {
  const d = new NetworkBuilder('typed', 'a compressor', { T: 293.15, p: 101325 });
  assert.throws(() => d.add('compressor', 'C1', { eta_s: 1.3, pr: 4 }), /template bug: components\.C1: compressor C1: eta_s = 1\.3 is not valid; valid: 0 < eta_s ≤ 1/);
  assert.equal(d.has('C1'), false);
  d.add('compressor', 'C1', { eta_s: 0.85, pr: 4 });
  assert.throws(() => d.add('compressor', 'C1', { eta_s: 0.85 }), /template bug: component C1 added twice/);
  assert.throws(() => d.connect('x', 'C1', 'K9'), /template bug: connection x: /);
});

test('a live network’s own document (toDoc) written by docToYaml loads back to the same solution', () => {
  const net = builder().network;
  const a = net.solve();
  assert.ok(a.ok);
  const r = parseNetworkText(docToYaml(net.toDoc('exported'), ['exported from the live network']));
  assert.ok(r.ok, r.ok ? '' : r.issues.map((i) => i.message).join('\n'));
  if (!a.ok || !r.ok) return;
  const b = r.network.solve();
  assert.ok(b.ok);
  if (!b.ok) return;
  assert.deepEqual([...b.value.x], [...a.value.x]);
});
