import { test } from 'node:test';
import assert from 'node:assert/strict';
import { judge, Network } from '../network/network.js';
import { Source } from '../components/source.js';
import { Sink } from '../components/sink.js';
import { Compressor } from '../components/compressor.js';
import { HeatExchanger, type HeatExchangerParams } from '../components/heat-exchanger.js';
import { PhysicsViolationError } from '../violations.js';
import { solveDesign, solveHoldingPinches } from './common.js';

test('a design point that breaks physics stops the template with a PhysicsViolationError naming the template, the mode and the component', () => {
  const net = new Network();
  net.add(new Source('a', { fluid: 'Air' }), new Compressor('C1', { eta_s: 0.85, p_out: 1e5 }), new Sink('b'));
  net.connect('a', 'C1', { m: 10, p: 5e5, T: 300 });
  net.connect('C1', 'b');
  assert.throws(
    () => solveDesign(net, 'adiabatic-caes', 'charge'),
    (e: unknown) => {
      assert.ok(e instanceof PhysicsViolationError);
      assert.equal(e.violations[0].kind, 'expansion-in-compressor');
      assert.match(e.message, /^adiabatic-caes charge design point: the solution is physically impossible \(1 violation\): compressor C1: expands instead of compressing: pr = p_out\/p_in = 0\.2 /);
      return true;
    },
  );
});

/** CO2 from 65 bar and 80 degC cooled (and condensed) by 30 kg/s of water from 12 degC. */
function condenser(params: HeatExchangerParams): Network {
  const net = new Network({ deadState: { T: 293.15, p: 1e5 } });
  net.add(new Source('h', { fluid: 'CO2' }), new Source('c', { fluid: 'Water' }), new HeatExchanger('X', params), new Sink('ho'), new Sink('co'));
  net.connect('h', 'X.hot_in', { m: 20, p: 65e5, T: 353.15 });
  net.connect('X.hot_out', 'ho');
  net.connect('c', 'X.cold_in', { m: 30, p: 3e5, T: 285.15 });
  net.connect('X.cold_out', 'co');
  return net;
}

test('off design, an exchanger held at end differences that would cross holds its design pinch for that solve, then goes back', () => {
  // ttd_u 10 K and ttd_l 5 K: the water would have to be warmer than the condensing CO2 inside
  const net = condenser({ ttd_u: 10 });
  net.setSpecs('s3', { m: undefined });
  net.component('X').set({ ttd_l: 5 });
  const crossed = net.solve();
  assert.ok(!crossed.ok && crossed.violations?.[0].kind === 'temperature-cross');
  const r = solveHoldingPinches(net, [{ id: 'X', pinch: 3 }]);
  assert.ok(r.ok, r.ok ? '' : r.reason);
  assert.ok(Math.abs((r.value.component('X').pinch as number) - 3) < 1e-6, String(r.value.component('X').pinch));
  assert.ok(Math.abs(r.value.component('X').values.ttd_u - 10) < 1e-6);
  assert.deepEqual(net.component('X').get(), { ttd_u: 10, ttd_l: 5 });
});

test('off design, an exchanger held at an effectiveness that would cross is bypassed for that solve, then goes back', () => {
  const net = condenser({ eps: 0.9 });
  assert.equal(net.solve().ok, false);
  const r = solveHoldingPinches(net, [{ id: 'X', pinch: 3 }]);
  assert.ok(r.ok, r.ok ? '' : r.reason);
  assert.equal(r.value.component('X').Q, 0);
  assert.deepEqual(net.component('X').get(), { eps: 0.9 });
  // where nothing crosses the solve is the plain one
  net.setSpecs('s3', { m: 80 });
  const plain = solveHoldingPinches(net, [{ id: 'X', pinch: 3 }]);
  assert.ok(plain.ok && Math.abs((plain.value.component('X').values.eps as number) - 0.9) < 1e-9);
});

test('held exchangers are checked on every trial solve and the solve kept is judged whole once; unjudged (judge: false), the check waits for judge', () => {
  // an exchanger not held (no pinch to fall back on) that crosses: refused by the default, unreported until judged
  const net = condenser({ ttd_u: 10 });
  net.setSpecs('s3', { m: undefined });
  net.component('X').set({ ttd_l: 5 });
  const refused = solveHoldingPinches(net, []);
  assert.ok(!refused.ok && refused.violations?.[0].kind === 'temperature-cross');
  const open = solveHoldingPinches(net, [], { judge: false });
  assert.ok(open.ok, 'unjudged');
  const judged = judge(open);
  assert.ok(!judged.ok);
  assert.equal(judged.reason, refused.reason);
  // held, it switches to its pinch either way, and the solution judged later (the exchanger back on ttd_l) is accepted
  const held = solveHoldingPinches(net, [{ id: 'X', pinch: 3 }], { judge: false });
  assert.ok(held.ok);
  assert.deepEqual(net.component('X').get(), { ttd_u: 10, ttd_l: 5 });
  assert.ok(Math.abs((held.value.component('X').pinch as number) - 3) < 1e-6);
  assert.equal(judge(held), held);
  assert.deepEqual(held.value.violations(), []);
});
