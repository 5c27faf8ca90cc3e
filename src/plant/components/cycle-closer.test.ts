import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Network } from '../network/network.js';
import { CycleCloser } from './cycle-closer.js';
import { Compressor } from './compressor.js';
import { Turbine } from './turbine.js';
import { Heater, Cooler } from './simple-heat-exchanger.js';
import { checkGradients } from '../testing.js';

test('a closed Brayton loop solves once the cycle closer cuts it: one mass flow, states matched across the cut', () => {
  const net = new Network({ deadState: { T: 293.15, p: 101325 } });
  net.add(new Compressor('C', { eta_s: 0.85, pr: 4 }), new Heater('H', { pr: 0.98 }), new Turbine('T', { eta_s: 0.9 }), new Cooler('K', { pr: 0.98 }), new CycleCloser('cut'));
  net.connect('cut', 'C', { fluid: 'Nitrogen', m: 10, p: 10e5 });
  net.connect('C', 'H');
  net.connect('H', 'T', { T: 900 });
  net.connect('T', 'K');
  net.connect('K', 'cut', { T: 300 });
  const r = net.solve();
  if (!r.ok) throw new Error(r.reason);
  const s = r.value;
  assert.ok(Math.abs(s.component('cut').values.massMismatch) < 1e-12);
  assert.ok(Math.abs(s.stream('s5').p - s.stream('s1').p) < 1e-6);
  // the heat in minus the heat out is the net work of the cycle
  const net_work = -((s.component('C').P as number) + (s.component('T').P as number));
  assert.ok(Math.abs((s.component('H').Q as number) + (s.component('K').Q as number) - net_work) < 1e-6 * net_work);
  assert.deepEqual(checkGradients(net), []);
});
