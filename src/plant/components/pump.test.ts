import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fluid } from '../../fluids/index.js';
import { THERMINOL_VP1 } from '../../fluids/incompressible/index.js';
import { Network } from '../network/network.js';
import { Pump } from './pump.js';
import { Source } from './source.js';
import { Sink } from './sink.js';
import { checkGradients } from '../testing.js';

function single(medium: string, inlet: { m: number; p: number; T?: number; Q?: number }, params: ConstructorParameters<typeof Pump>[1]) {
  const net = new Network({ deadState: { T: 293.15, p: 1e5 } });
  net.add(new Source('in', { fluid: medium }), new Pump('P', params), new Sink('out'));
  net.connect('in', 'P', inlet);
  net.connect('P', 'out');
  const r = net.solve();
  if (!r.ok) throw new Error(r.reason);
  return { net, sol: r.value };
}

test('pumping water needs about v Δp / η: 1 kg/s from 1 to 51 bar at 20 degC takes 5.0 kJ/kg / 0.75', () => {
  const { sol, net } = single('Water', { m: 1, p: 1e5, T: 293.15 }, { eta_s: 0.75, p_out: 51e5 });
  const v = 1 / fluid('Water').tp(293.15, 1e5).rho;
  const P = sol.component('P').P as number;
  // v Δp is exact to the liquid's compressibility (about 0.1 % over 50 bar)
  assert.ok(Math.abs(P - (v * 50e5) / 0.75) < 3e-3 * P, `${P} vs ${(v * 50e5) / 0.75}`);
  assert.deepEqual(checkGradients(net), []);
});

test('a store liquid is pumped by the same equations, with its own s(T, p)', () => {
  const { sol } = single('TVP1', { m: 50, p: 2e5, T: 350 }, { eta_s: 0.7, pr: 5 });
  const v = 1 / THERMINOL_VP1.rhoMass(350, 2e5);
  const P = sol.component('P').P as number;
  assert.ok(Math.abs(P - (50 * v * 8e5) / 0.7) < 0.02 * P, `${P}`);
});

test('saturated liquid CO2 from a tank is pumped to a supercritical pressure', () => {
  const { sol, net } = single('CO2', { m: 10, p: 60e5, Q: 0 }, { eta_s: 0.8, p_out: 100e5 });
  assert.equal(sol.stream('s1').Q, 0);
  assert.equal(sol.stream('s2').phase, 'supercritical_liquid');
  assert.ok(sol.stream('s2').T > sol.stream('s1').T);
  assert.deepEqual(checkGradients(net), []);
});
