import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Network } from '../network/network.js';
import { HeatBus, type HeatBusParams } from './heat-bus.js';
import { Cooler, Heater } from './simple-heat-exchanger.js';
import { HeatExchanger } from './heat-exchanger.js';
import { Turbine } from './turbine.js';
import { Source } from './source.js';
import { Sink } from './sink.js';
import { fluid } from '../../fluids/index.js';
import { checkGradients } from '../testing.js';

const air = fluid('Air');

/** Air at 10 bar through heater H1, an expansion to 4 bar and heater H2, both heaters on one bus. */
function reheat(bus: HeatBusParams, T2?: number) {
  const net = new Network({ deadState: { T: 293.15, p: 101325 } });
  net.add(
    new Source('in', { fluid: 'Air' }),
    new Heater('H1'),
    new Turbine('T1', { eta_s: 0.9, pr: 0.4 }),
    new Heater('H2'),
    new Sink('out'),
    new HeatBus('store', bus),
  );
  net.connect('in', 'H1', { m: 10, p: 10e5, T: 320 });
  net.connect('H1', 'T1', { T: 600 });
  net.connect('T1', 'H2');
  net.connect('H2', 'out', T2 === undefined ? {} : { T: T2 });
  return net;
}

test('a heat bus with its total given fixes the one free heater duty so that the duties add up to it', () => {
  const net = reheat({ members: ['H1', 'H2'], Q: 5e6 });
  const r = net.solve();
  if (!r.ok) throw new Error(r.reason);
  const s = r.value;
  // independent balance from the stream table: m Δh of each heater, h read back from (p, T) by the equation of state
  const m = 10;
  const h = (id: string) => air.tp(s.stream(id).T, s.stream(id).p).h;
  const Q1 = m * (h('s2') - h('s1'));
  const Q2 = m * (h('s4') - h('s3'));
  assert.ok(Math.abs(Q1 + Q2 - 5e6) < 1e-6 * 5e6, `Q1 + Q2 = ${Q1 + Q2} W`);
  assert.ok(Math.abs((s.component('store').Q as number) - 5e6) < 1e-6, `bus ${s.component('store').Q}`);
  assert.ok(Math.abs(s.component('store').values['Q:H2'] - Q2) < 1e-6 * 5e6);
  assert.deepEqual(checkGradients(net), []);
});

test('a heat bus without a total adds no equation and reports the sum of its members', () => {
  const net = reheat({ members: ['H1', 'H2'] }, 550);
  const r = net.solve();
  if (!r.ok) throw new Error(r.reason);
  const s = r.value;
  const sum = (s.component('H1').Q as number) + (s.component('H2').Q as number);
  assert.ok(sum > 1e6, `heaters ${sum} W`);
  assert.ok(Math.abs((s.component('store').Q as number) - sum) < 1e-9 * sum);
});

test('a heat bus charges its fans as a fraction of its duty to the net electric power and to exergy destruction', () => {
  const net = reheat({ members: ['H1', 'H2'], auxiliary: 0.01 }, 550);
  const r = net.solve();
  if (!r.ok) throw new Error(r.reason);
  const s = r.value;
  const Q = s.component('store').Q as number;
  const turbines = s.component('T1').P_el as number;
  assert.ok(Math.abs((s.component('store').P_el as number) - 0.01 * Q) < 1e-9 * Q);
  assert.ok(Math.abs(s.balances().netPower - (turbines + 0.01 * Q)) < 1e-9 * Q, `net ${s.balances().netPower}`);
  assert.ok(s.balances().exergy.relative < 1e-9, `exergy balance ${s.balances().exergy.relative}`);
  assert.ok(s.balances().energy.relative < 1e-9, `energy balance ${s.balances().energy.relative}`);
});

test('coolers count the heat they remove and a heat exchanger the heat it passes, each as a positive duty', () => {
  const net = new Network({ deadState: { T: 293.15, p: 101325 } });
  net.add(
    new Source('hot', { fluid: 'Air' }),
    new HeatExchanger('X', { ttd_u: 10 }),
    new Cooler('K'),
    new Sink('hot_out'),
    new Source('cold', { fluid: 'Water' }),
    new Sink('cold_out'),
    new HeatBus('rejected', { members: ['X', 'K'], Q: 3e6 }),
  );
  net.connect('hot', 'X.hot_in', { m: 10, p: 5e5, T: 500 });
  net.connect('X.hot_out', 'K', { T: 400 });
  net.connect('K', 'hot_out', {});
  net.connect('cold', 'X.cold_in', { p: 3e5, T: 300 });
  net.connect('X.cold_out', 'cold_out', {});
  const r = net.solve();
  if (!r.ok) throw new Error(r.reason);
  const s = r.value;
  const passed = s.component('X').Q as number;
  const removed = -(s.component('K').Q as number);
  assert.ok(passed > 0 && removed > 0, `X ${passed} W, K ${removed} W`);
  assert.ok(Math.abs(passed + removed - 3e6) < 1e-6 * 3e6, `sum ${passed + removed}`);
  assert.deepEqual(checkGradients(net), []);
});

test('a heat bus names members that are not heaters, coolers or exchangers, and a member listed twice', () => {
  const net = reheat({ members: ['H1', 'T1'], Q: 1e6 });
  assert.match(net.check().map((p) => p.message).join('\n'), /heat-bus store: members = "T1" is not valid; valid: ids of heaters, coolers or heat exchangers in the network \(T1 is a turbine\)/);
  assert.throws(() => new HeatBus('b', { members: ['H1', 'H1'] }), /heat-bus b: members = "H1" is not valid; valid: each member once/);
  assert.throws(() => new HeatBus('b', { members: ['H1'], Q: -1 }), /heat-bus b: Q = -1 is not valid; valid: 0 W ≤ Q/);
});
