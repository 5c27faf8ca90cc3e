import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fluid } from '../../fluids/index.js';
import { ConstantPressureStore, cylinderWetArea, RigidVessel, StoreSet, TwoTankThermalStore } from './stores.js';

const ambient = { T: 293.15, p: 101325 };

test('a rigid vessel filled at (T, p) gives back T and p through its (ρ, u) state', () => {
  const cavern = new RigidVessel('cavern', ambient, { kind: 'cavern', fluid: 'Air', volume: 1e5, outlet: 'vapour', pMin: 40e5, pMax: 70e5 });
  const x = new Float64Array(new StoreSet([cavern]).size);
  cavern.fill(x, { T: 308.15, p: 55e5 });
  const st = cavern.state(x);
  assert.ok(Math.abs(st.T - 308.15) < 1e-8 && Math.abs(st.p / 55e5 - 1) < 1e-10, `${st.T} K, ${st.p} Pa`);
  assert.ok(Math.abs(st.M - 1e5 * fluid('Air').tp(308.15, 55e5).rho) < 1e-6 * st.M);
  assert.deepEqual(cavern.supplySpec(x), { p: st.p, T: st.T });
  // a charge moves it towards its upper limit, a discharge towards its lower one
  assert.equal(cavern.limits(x, 'charge')[0].name, 'cavern pressure at its maximum (70.00 bar)');
  assert.ok(Math.abs(cavern.limits(x, 'discharge')[0].margin - (55 - 40) / 40) < 1e-9);
});

test('a two-phase CO2 tank reports its liquid level and supplies saturated liquid', () => {
  const tank = new RigidVessel('tank', ambient, { kind: 'tank', fluid: 'CO2', volume: 100, outlet: 'liquid', levelMin: 0.05, levelMax: 0.9 });
  const x = new Float64Array(2);
  tank.fill(x, { T: 293.15, level: 0.4 });
  const st = tank.state(x);
  const sat = fluid('CO2').saturationAtT(293.15);
  assert.ok(Math.abs(st.level - 0.4) < 1e-9 && Math.abs(st.T - 293.15) < 1e-7 && Math.abs(st.p / sat.p - 1) < 1e-8, `${st.level} ${st.T}`);
  assert.deepEqual(tank.supplySpec(x), { p: st.p, Q: 0 });
});

test('a hot tank’s standing loss relaxes it exactly towards the ambient, and what it loses is what the ledger gets', () => {
  const make = () => new TwoTankThermalStore('tes', ambient, { medium: 'TVP1', p: 10e5, tankVolume: 1000, U: 0.5, wetArea: cylinderWetArea(1000), levelMin: 0.02 });
  const day = 86400;
  const one = make();
  const x = new Float64Array(4);
  one.fillPart(x, 0, 5e5, 573.15);
  one.fillPart(x, 1, 1e4, 313.15);
  const E0 = one.E(x, 0);
  const gained = new Float64Array(2);
  one.standing(x, day, gained);
  assert.ok(Math.abs(one.E(x, 0) - E0 - gained[0]) < 1e-6 * E0, 'the heat lost is the energy the tank lost');
  assert.ok(one.state(x, 0).T < 573.15 && one.state(x, 0).T > 560, `${one.state(x, 0).T}`);
  // one day in one step against 1440 steps of a minute: the same within 0.1 K
  const fine = make();
  const y = new Float64Array(4);
  fine.fillPart(y, 0, 5e5, 573.15);
  fine.fillPart(y, 1, 1e4, 313.15);
  for (let k = 0; k < 1440; k++) fine.standing(y, 60, gained);
  assert.ok(Math.abs(fine.state(y, 0).T - one.state(x, 0).T) < 0.1, `${fine.state(y, 0).T} vs ${one.state(x, 0).T}`);
});

test('a cavern exchanges heat with its wall; sub-steps make one hour in one step match sixty', () => {
  const make = () => new RigidVessel('cavern', ambient, { kind: 'cavern', fluid: 'Air', volume: 1e4, wall: { area: 3000, U: 30, T: 308.15 }, outlet: 'vapour' });
  const a = make();
  const x = new Float64Array(2);
  a.fill(x, { T: 333.15, p: 70e5 });
  const b = make();
  const y = Float64Array.from(x);
  const q = new Float64Array(1);
  a.standing(x, 3600, q);
  for (let k = 0; k < 60; k++) b.standing(y, 60, q);
  assert.ok(a.state(x).T < 333.15 - 1, 'cools towards the rock');
  assert.ok(Math.abs(a.state(x).T - b.state(y).T) < 0.05, `${a.state(x).T} vs ${b.state(y).T}`);
});

test('a constant-pressure dome’s volume follows its contents', () => {
  const dome = new ConstantPressureStore('dome', ambient, { kind: 'dome', fluid: 'CO2', p: 101800, volumeMax: 1000, volumeMin: 50 });
  const x = new Float64Array(2);
  dome.fill(x, 293.15, 800);
  assert.ok(Math.abs(dome.state(x).volume - 800) < 1e-9);
  assert.ok(Math.abs(dome.state(x).level - 0.8) < 1e-12);
  // charging draws the dome down: its limit is the smallest volume
  assert.match(dome.limits(x, 'charge')[0].name, /smallest volume/);
});

test('a thermal store with a standing loss of 2 % a day keeps 98 % of its heat above the ambient after a day, in whatever steps', () => {
  const store = new TwoTankThermalStore('oil', ambient, { medium: 'TVP1', p: 10e5, tankVolume: 500, U: 0.15, wetArea: cylinderWetArea(500), levelMin: 0.03, lossPerDay: 0.02 });
  const x = new Float64Array(new StoreSet([store]).size);
  store.fillPart(x, TwoTankThermalStore.HOT, 300e3, 473.15);
  store.fillPart(x, TwoTankThermalStore.COLD, 100e3, 373.15);
  const out = new Float64Array(2);
  let lost = 0;
  for (let k = 0; k < 24; k++) {
    store.standing(x, 3600, out);
    lost += out[0];
  }
  const hot = store.state(x, TwoTankThermalStore.HOT);
  assert.ok(Math.abs(hot.T - (293.15 + 0.98 * 180)) < 1e-9, `hot tank at ${hot.T} K`);
  assert.ok(Math.abs(store.state(x, TwoTankThermalStore.COLD).T - (293.15 + 0.98 * 80)) < 1e-9);
  // the heat lost is the enthalpy the hot tank gave up (its mass unchanged)
  assert.ok(Math.abs(lost - 300e3 * (store.hAt(hot.T) - store.hAt(473.15))) < 1e-6 * Math.abs(lost), `${lost} J`);
});

test('a tank answers a state asked for again after three others from memory, equal to a fresh tank’s; a fifth state pushes the oldest out', () => {
  const options = { kind: 'tank' as const, fluid: 'CO2', volume: 100, outlet: 'liquid' as const, levelMin: 0.05, levelMax: 0.9 };
  const tank = new RigidVessel('tank', ambient, options);
  const xs = [0.2, 0.4, 0.6, 0.8, 0.5].map((level) => {
    const x = new Float64Array(2);
    tank.fill(x, { T: 288.15, level });
    return x;
  });
  const first = tank.state(xs[0]);
  for (const x of xs.slice(1, 4)) tank.state(x);
  assert.equal(tank.state(xs[0]), first, 'remembered across the three states in between');
  assert.deepEqual(first, new RigidVessel('tank', ambient, options).state(xs[0]));
  tank.state(xs[4]);
  const recomputed = tank.state(xs[0]);
  assert.notEqual(recomputed, first, 'the oldest of four, pushed out by the fifth, is computed again');
  assert.deepEqual(recomputed, first);
  assert.ok(Math.abs(first.level - 0.2) < 1e-9);
});
