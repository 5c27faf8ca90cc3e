import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Network } from '../network/network.js';
import { PowerBus } from './power-bus.js';
import { Compressor } from './compressor.js';
import { Cooler } from './simple-heat-exchanger.js';
import { Source } from './source.js';
import { Sink } from './sink.js';
import { checkGradients } from '../testing.js';

function train(bus: ConstructorParameters<typeof PowerBus>[1]) {
  const net = new Network({ deadState: { T: 293.15, p: 101325 } });
  net.add(
    new Source('air', { fluid: 'Air', ambient: true }),
    new Compressor('C1', { eta_s: 0.85, pr: 4, eta_el: 0.96 }),
    new Cooler('K1'),
    new Compressor('C2', { eta_s: 0.85, pr: 4, eta_el: 0.96, eta_mech: 0.99 }),
    new Sink('out'),
    new PowerBus('motors', bus),
  );
  net.connect('air', 'C1');
  net.connect('C1', 'K1');
  net.connect('K1', 'C2', { T: 310 });
  net.connect('C2', 'out');
  return net;
}

test('a bus of motors fixes the mass flow so that the electric powers add up to the target', () => {
  const net = train({ members: ['C1', 'C2'], P: 20e6 });
  const r = net.solve();
  if (!r.ok) throw new Error(r.reason);
  const s = r.value;
  const total = (s.component('C1').P_el as number) + (s.component('C2').P_el as number);
  assert.ok(Math.abs(total - 20e6) < 1e-3, String(total));
  assert.ok(Math.abs((s.component('C2').P_el as number) - (s.component('C2').P as number) / (0.96 * 0.99)) < 1e-6);
  assert.ok(Math.abs((s.component('motors').P_el as number) - 20e6) < 1e-3);
  assert.ok(Math.abs(s.balances().netPower - 20e6) < 1e-3);
  assert.deepEqual(checkGradients(net), []);
});

test('a bus names members that are not machines, and wants a sense when it mixes compressors and turbines', () => {
  const net = train({ members: ['C1', 'K1'], P: 1e6 });
  assert.match(net.check().map((p) => p.message).join('\n'), /power-bus motors: members = "K1" is not valid; valid: ids of compressors, pumps or turbines in the network \(K1 is a cooler\)/);
  assert.throws(() => new PowerBus('b', { members: [], P: 1 }), /power-bus b: members = \[\] is not valid/);
});
