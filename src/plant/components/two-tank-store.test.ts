import { test } from 'node:test';
import assert from 'node:assert/strict';
import { THERMINOL_VP1 } from '../../fluids/incompressible/index.js';
import { Network, type NetworkOptions } from '../network/network.js';
import { TwoTankStore } from './two-tank-store.js';
import { HeatExchanger } from './heat-exchanger.js';
import { Source } from './source.js';
import { Sink } from './sink.js';
import { checkGradients } from '../testing.js';
import { pressurisedWater } from '../fluids/water-store.js';

test('charging a two-tank store: cold oil out at the tank state, hot oil back; Q stored = m (h_return − h_supply)', () => {
  const net = new Network({ deadState: { T: 293.15, p: 101325 } });
  net.add(new Source('hot_air', { fluid: 'Air' }), new HeatExchanger('X', { ttd_u: 15 }), new Sink('air_out'), new TwoTankStore('tes', { fluid: 'TVP1', T: 300, p: 5e5, mode: 'charge' }));
  net.connect('hot_air', 'X.hot_in', { m: 20, p: 20e5, T: 600 });
  net.connect('X.hot_out', 'air_out', { T: 320 });
  net.connect('tes.supply', 'X.cold_in');
  net.connect('X.cold_out', 'tes.return');
  const r = net.solve();
  if (!r.ok) throw new Error(r.reason);
  const s = r.value;
  const t = s.component('tes');
  const m = s.stream('s3').m;
  assert.ok(Math.abs((t.Q as number) - m * (THERMINOL_VP1.hMass(585, 5e5) - THERMINOL_VP1.hMass(300, 5e5))) < 1e-6 * (t.Q as number));
  assert.ok(Math.abs(t.values.T_return - 585) < 1e-9);
  assert.ok(Math.abs(t.values.volumeRateSupply - m / THERMINOL_VP1.rhoMass(300, 5e5)) < 1e-12);
  assert.ok(Math.abs((t.Q as number) - (s.component('X').Q as number)) < 1e-6);
  assert.ok(t.values.exergyStored > 0 && t.values.exergyStored < (t.Q as number));
  assert.deepEqual(checkGradients(net), []);
});

test('a store with an unknown liquid is refused with the store named, and one outside its data fails with the range', () => {
  const net = new Network();
  net.add(new TwoTankStore('tes', { fluid: 'TVP1', T: 700, p: 5e5 }), new Sink('s'), new Source('back', { fluid: 'TVP1' }));
  net.connect('tes.supply', 's', { m: 1 });
  net.connect('back', 'tes.return', { m: 1, p: 5e5, T: 400 });
  const r = net.solve();
  assert.equal(r.ok, false);
  assert.match(r.ok ? '' : r.reason, /two-tank-store tes: T: Therminol VP-1 hMass: T = 700 K is not valid; valid: 285\.15 K ≤ T ≤ 670\.15 K/);
  assert.throws(() => new TwoTankStore('tes2', { fluid: 'Oil', T: 500, p: 5e5 }), /two-tank-store tes2: fluid = "Oil" is not valid/);
});

test('pressurised water as the store liquid comes from IAPWS-95, and boiling in a tank is flagged', () => {
  const build = (p: number, allowUnphysical?: NetworkOptions['allowUnphysical']) => {
    const net = new Network({ deadState: { T: 293.15, p: 101325 }, ...(allowUnphysical ? { allowUnphysical } : {}) });
    net.add(new Source('hot_air', { fluid: 'Air' }), new HeatExchanger('X', { ttd_u: 15 }), new Sink('air_out'), new TwoTankStore('tes', { fluid: { store: 'Water' }, T: 320, p, mode: 'charge' }));
    net.connect('hot_air', 'X.hot_in', { m: 20, p: 20e5, T: 480 });
    net.connect('X.hot_out', 'air_out', { T: 330 });
    net.connect('tes.supply', 'X.cold_in');
    net.connect('X.cold_out', 'tes.return');
    const r = net.solve();
    if (!r.ok) throw new Error(r.reason);
    return r.value;
  };
  const ok = build(30e5);
  const water = pressurisedWater();
  const m = ok.stream('s3').m;
  assert.ok(Math.abs((ok.component('tes').Q as number) - m * (water.hMass(465, 30e5) - water.hMass(320, 30e5))) < 1e-6 * (ok.component('tes').Q as number));
  assert.deepEqual(ok.component('tes').notes, []);
  // at 3 bar the water boils at 406.7 K inside the exchanger, where the air is colder: a temperature cross, refused…
  assert.throws(() => build(3e5), /heat-exchanger X: temperature cross inside: T_hot − T_cold = -56\.\d+ K/);
  // …and, accepted, the tank says why
  assert.match(build(3e5, ['temperature-cross']).component('tes').notes.join(), /the store medium is (gas|twophase) at 465\.00 K .*not liquid: raise the store pressure/);
});
