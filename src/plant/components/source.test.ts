import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fluid } from '../../fluids/index.js';
import { Network } from '../network/network.js';
import { Source } from './source.js';
import { Sink } from './sink.js';
import { Compressor } from './compressor.js';
import { PlantInputError } from '../errors.js';
import { checkGradients } from '../testing.js';

test('an ambient source draws at the dead state and an ambient sink discharges at its pressure; both count in the balances', () => {
  const net = new Network({ deadState: { T: 288.15, p: 0.95e5 } });
  net.add(new Source('air', { fluid: 'Air', ambient: true }), new Compressor('C', { eta_s: 0.8, pr: 3 }), new Sink('out'));
  net.connect('air', 'C', { m: 2 });
  net.connect('C', 'out');
  const r = net.solve();
  if (!r.ok) throw new Error(r.reason);
  const s = r.value;
  assert.equal(s.stream('s1').T, 288.15);
  assert.equal(s.stream('s1').p, 0.95e5);
  assert.ok(Math.abs(s.stream('s1').e) < 1e-9, 'air at the dead state has no exergy');
  const src = s.component('air').accounting;
  const snk = s.component('out').accounting;
  assert.equal(src.mass, 2);
  assert.equal(snk.mass, -2);
  // energy on the formation basis: h of Lemmon's air plus its offset to the ideal-gas data
  const offset = fluid('Air').tp(298.15, 100).h;
  assert.ok(Math.abs(src.energy - 2 * (fluid('Air').tp(288.15, 0.95e5).h - offset)) < 2 * 2e3, String(src.energy));
  assert.ok(Math.abs(src.energy + snk.energy + (s.component('C').P as number)) < 1e-6);
  assert.deepEqual(checkGradients(net), []);
});

test('a source without a known fluid is refused with its name', () => {
  assert.throws(() => new Source('amb', { fluid: 'Helium' }), (e: unknown) => e instanceof PlantInputError && /^source amb: fluid = "Helium" is not valid; valid: one of CO2, Air/.test(e.message));
  assert.throws(() => new Source('amb', {} as never), /source amb: fluid = undefined is not valid/);
});
