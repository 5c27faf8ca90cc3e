import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fluid } from '../../fluids/index.js';
import { Network } from '../network/network.js';
import { Mixer } from './mixer.js';
import { Splitter } from './splitter.js';
import { Source } from './source.js';
import { Sink } from './sink.js';
import { checkGradients } from '../testing.js';

test('mixing two water streams conserves mass and enthalpy; the outlet takes the lower inlet pressure, noted', () => {
  const net = new Network({ deadState: { T: 293.15, p: 1e5 } });
  net.add(new Source('a', { fluid: 'Water' }), new Source('b', { fluid: 'Water' }), new Mixer('M'), new Sink('c'));
  net.connect('a', 'M.in1', { m: 3, p: 5e5, T: 300 });
  net.connect('b', 'M.in2', { m: 1, p: 4e5, T: 360 });
  net.connect('M', 'c');
  const r = net.solve();
  if (!r.ok) throw new Error(r.reason);
  const w = fluid('Water');
  const h = (3 * w.tp(300, 5e5).h + 1 * w.tp(360, 4e5).h) / 4;
  const out = r.value.stream('s3');
  assert.equal(out.m, 4);
  assert.ok(Math.abs(out.h - h) < 1e-9);
  assert.equal(out.p, 4e5);
  assert.match(r.value.component('M').notes.join(), /inlets at different pressures/);
  assert.ok(r.value.component('M').exergyDestruction > 0);
  assert.deepEqual(checkGradients(net), []);
});

test('a splitter passes the state to every outlet and divides the flow by the given fractions', () => {
  const net = new Network({ deadState: { T: 293.15, p: 1e5 } });
  net.add(new Source('a', { fluid: 'TVP1' }), new Splitter('S', { fractions: [0.25, 0.5, 0.25] }), new Sink('x'), new Sink('y'), new Sink('z'));
  net.connect('a', 'S', { m: 8, p: 5e5, T: 500 });
  net.connect('S.out1', 'x');
  net.connect('S.out2', 'y');
  net.connect('S.out3', 'z');
  const r = net.solve();
  if (!r.ok) throw new Error(r.reason);
  assert.deepEqual(['s2', 's3', 's4'].map((id) => r.value.stream(id).m), [2, 4, 2]);
  for (const id of ['s2', 's3', 's4']) assert.equal(r.value.stream(id).T, r.value.stream('s1').T);
  assert.ok(Math.abs(r.value.component('S').exergyDestruction) < 1e-9);
  assert.throws(() => new Splitter('S2', { fractions: [0.3, 0.3] }), /splitter S2: fractions = \[0.3,0.3\] is not valid; valid: fractions summing to 1/);
  assert.deepEqual(checkGradients(net), []);
});
