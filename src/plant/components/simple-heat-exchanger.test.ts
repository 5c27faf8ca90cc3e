import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fluid } from '../../fluids/index.js';
import { Network } from '../network/network.js';
import { Cooler, Heater } from './simple-heat-exchanger.js';
import { Source } from './source.js';
import { Sink } from './sink.js';
import { checkGradients } from '../testing.js';

test('a heater adds Q = m (h_out − h_in) and a cooler removes it; both are counted per named sink', () => {
  const net = new Network({ deadState: { T: 293.15, p: 1e5 } });
  net.add(new Source('a', { fluid: 'Air' }), new Heater('H', { Q: 1e6, pr: 0.98, T_external: 900, sink: 'TES' }), new Cooler('K', { dp: 0.1e5 }), new Sink('b'));
  net.connect('a', 'H', { m: 5, p: 10e5, T: 300 });
  net.connect('H', 'K');
  net.connect('K', 'b', { T: 310 });
  const r = net.solve();
  if (!r.ok) throw new Error(r.reason);
  const s = r.value;
  const air = fluid('Air');
  assert.ok(Math.abs(s.stream('s2').h - (air.tp(300, 10e5).h + 1e6 / 5)) < 1e-6);
  assert.ok(Math.abs(s.stream('s2').p - 9.8e5) < 1e-6);
  assert.ok(Math.abs(s.stream('s3').p - 9.7e5) < 1e-6);
  const Qk = s.component('K').Q as number;
  assert.ok(Math.abs(Qk - 5 * (air.tp(310, 9.7e5).h - s.stream('s2').h)) < 1e-3);
  const totals = s.heatTotals();
  assert.deepEqual(Object.keys(totals), ['TES', 'ambient']);
  assert.ok(Math.abs(totals.TES - 1e6) < 1e-6 && totals.ambient === Qk);
  // heat from a 900 K source carries Q (1 − T0/900) of exergy
  assert.ok(Math.abs(s.component('H').accounting.heatExergy - 1e6 * (1 - 293.15 / 900)) < 1e-6);
  assert.ok(s.component('H').exergyDestruction > 0);
  assert.deepEqual(checkGradients(net), []);
});

test('heat that would have to come from a source colder than the stream is flagged', () => {
  const net = new Network({ deadState: { T: 293.15, p: 1e5 } });
  net.add(new Source('a', { fluid: 'Air' }), new Heater('H'), new Sink('b'));
  net.connect('a', 'H', { m: 1, p: 1e5, T: 300 });
  net.connect('H', 'b', { T: 500 });
  const r = net.solve();
  if (!r.ok) throw new Error(r.reason);
  assert.match(r.value.warnings().join('\n'), /heater H: the heat would have to come from above T_external = 293\.15 K/);
});

test('a cooler specified by its duty refuses a negative Q (a magnitude) and names itself', () => {
  assert.throws(() => new Cooler('K1', { Q: -5 }), /cooler K1: Q = -5 is not valid; valid: 0 W ≤ Q \(the magnitude of the heat removed\)/);
});
