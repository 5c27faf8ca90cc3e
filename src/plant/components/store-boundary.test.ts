import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fluid } from '../../fluids/index.js';
import { Network } from '../network/network.js';
import { GasHolder } from './gas-holder.js';
import { StorageVessel } from './storage-vessel.js';
import { Compressor } from './compressor.js';
import { Valve } from './valve.js';
import { Cooler } from './simple-heat-exchanger.js';
import { checkGradients } from '../testing.js';

test('a gas holder at the dead state supplies CO2 to a compressor; its dome shrinks by m/ρ per second', () => {
  const net = new Network({ deadState: { T: 293.15, p: 101325 } });
  net.add(new GasHolder('dome', { fluid: 'CO2', mode: 'supply', p: 102e3 }), new Compressor('C', { eta_s: 0.8 }), new Cooler('K'), new StorageVessel('tank', { fluid: 'CO2', mode: 'receive', p: 4.08e5 }));
  net.connect('dome', 'C', { m: 5 });
  net.connect('C', 'K');
  net.connect('K', 'tank', { T: 300 });
  const r = net.solve();
  if (!r.ok) throw new Error(r.reason);
  const s = r.value;
  assert.equal(s.stream('s1').T, 293.15, 'the dome temperature defaults to the dead state');
  const rho = fluid('CO2').tp(293.15, 102e3).rho;
  assert.ok(Math.abs(s.component('dome').values.volumeRate + 5 / rho) < 1e-9);
  assert.equal(s.component('tank').values.massRate, 5);
  assert.ok(Math.abs(s.stream('s3').p - 4.08e5) < 1e-6);
  assert.deepEqual(checkGradients(net), []);
});

test('a liquid-CO2 tank supplies saturated liquid (Q = 0) at its pressure; a valve flashes it into a receiving vessel', () => {
  const net = new Network({ deadState: { T: 293.15, p: 101325 } });
  net.add(new StorageVessel('tank', { fluid: 'CO2', mode: 'supply', p: 60e5, Q: 0 }), new Valve('V'), new StorageVessel('low', { fluid: 'CO2', mode: 'receive', p: 20e5 }));
  net.connect('tank', 'V', { m: 1 });
  net.connect('V', 'low');
  const r = net.solve();
  if (!r.ok) throw new Error(r.reason);
  assert.ok(Math.abs(r.value.stream('s1').h - fluid('CO2').pq(60e5, 0).h) < 1e-9);
  assert.ok(Math.abs(r.value.component('tank').values.volumeRate + 1 / fluid('CO2').pq(60e5, 0).rho) < 1e-12);
  assert.ok((r.value.stream('s2').Q as number) > 0.2);
  assert.deepEqual(checkGradients(net), []);
});

test('a storage vessel needs its pressure, and its temperature or quality when it supplies', () => {
  assert.throws(() => new StorageVessel('cav', { fluid: 'Air', mode: 'supply', p: 70e5 }), /storage-vessel cav: T = undefined is not valid; valid: the vessel temperature/);
  assert.throws(() => new StorageVessel('cav', { fluid: 'Air', mode: 'receive' }), /storage-vessel cav: p = undefined/);
  assert.throws(() => new GasHolder('dome', { fluid: 'CO2', mode: 'both' as never }), /gas-holder dome: mode = "both" is not valid; valid: 'supply' or 'receive'/);
});
