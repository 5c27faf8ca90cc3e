import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fluid } from '../../fluids/index.js';
import { Network } from '../network/network.js';
import { Valve } from './valve.js';
import { Pipe } from './pipe.js';
import { Source } from './source.js';
import { Sink } from './sink.js';
import { checkGradients } from '../testing.js';

test('throttling keeps h: liquid CO2 from 65 bar flashes to 30 bar at its saturation temperature with Q from the lever rule', () => {
  const net = new Network({ deadState: { T: 293.15, p: 1e5 } });
  net.add(new Source('tank', { fluid: 'CO2' }), new Valve('V', { p_out: 30e5 }), new Sink('low'));
  net.connect('tank', 'V', { m: 2, p: 65e5, Q: 0 });
  net.connect('V', 'low');
  const r = net.solve();
  if (!r.ok) throw new Error(r.reason);
  const co2 = fluid('CO2');
  const h = co2.pq(65e5, 0).h;
  const sat = co2.saturationAtP(30e5);
  const out = r.value.stream('s2');
  assert.ok(Math.abs(out.h - h) < 1e-9);
  assert.ok(Math.abs((out.Q as number) - (h - sat.liquid.h) / (sat.vapor.h - sat.liquid.h)) < 1e-9);
  assert.ok(Math.abs(out.T - sat.T) < 1e-9);
  assert.ok(r.value.component('V').exergyDestruction > 0);
  assert.deepEqual(checkGradients(net), []);
});

test('a pipe loses pressure (pr, dp or p_out) and, when given, heat', () => {
  const net = new Network({ deadState: { T: 293.15, p: 1e5 } });
  net.add(new Source('a', { fluid: 'Air' }), new Pipe('well', { dp: 1.5e5, Q: -2e5 }), new Sink('b'));
  net.connect('a', 'well', { m: 40, p: 116.5e5, T: 338.15 });
  net.connect('well', 'b');
  const r = net.solve();
  if (!r.ok) throw new Error(r.reason);
  const s = r.value;
  assert.ok(Math.abs(s.stream('s2').p - 115e5) < 1e-6);
  assert.ok(Math.abs(s.stream('s2').h - (fluid('Air').tp(338.15, 116.5e5).h - 2e5 / 40)) < 1e-9);
  assert.ok(Math.abs((s.component('well').Q as number) + 2e5) < 1e-6);
  assert.deepEqual(checkGradients(net), []);
  assert.throws(() => new Pipe('p1', { pr: 0.9, dp: 1e4 }), /pipe p1: pr\/dp = "0.9\/10000" is not valid; valid: only one of pr, dp and p_out/);
});
