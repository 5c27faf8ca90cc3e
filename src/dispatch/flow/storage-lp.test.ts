import { test } from 'node:test';
import assert from 'node:assert/strict';
import { simpleStorage, partLoadCurve, type StorageParams } from '../model.js';
import type { PriceSeries } from '../prices.js';
import { solveDispatch } from '../solve.js';
import { solvePlainDispatch } from './plain.js';
import { uniformSource } from '../../numerics/random.js';

const MW = 1e6;
const MWH = 3.6e9;
const START = Date.UTC(2025, 0, 1) - 8 * 3600_000;

/** The project's seeded generator, so that a failing case can be rerun. */
const rng = uniformSource;

function series(perMWh: Float64Array, stepSeconds = 3600): PriceSeries {
  return { startMs: START, stepSeconds, prices: perMWh.map((p) => p / MWH), utcOffsetMinutes: 480 };
}

function randomCase(seed: number): { s: PriceSeries; storage: StorageParams } {
  const r = rng(seed);
  const T = 24 + Math.floor(r() * 300);
  const prices = new Float64Array(T);
  // daily swings with random noise, clipped at zero (a negative price pays for wasting energy: HiGHS takes those)
  for (let t = 0; t < T; t++) prices[t] = Math.max(0, 200 + 300 * Math.sin((2 * Math.PI * t) / 24 + r()) + 150 * r());
  const end = r() < 0.5 ? { kind: 'atLeastInitial' as const } : r() < 0.5 ? { kind: 'free' as const } : { kind: 'atLeast' as const, soc: 0.3 + 0.4 * r() };
  const base = {
    power: (20 + 100 * r()) * MW,
    powerCharge: (20 + 100 * r()) * MW,
    energy: (50 + 500 * r()) * MWH,
    etaCharge: 0.6 + 0.4 * r(),
    etaDischarge: 0.6 + 0.4 * r(),
    socMin: 0.1 * r(),
    socMax: 0.9 + 0.1 * r(),
    socInitial: 0.1 + 0.5 * r(),
    standingLoss: r() < 0.5 ? 0 : (r() * 0.01) / 3600,
    degradationCost: r() < 0.5 ? 0 : (r() * 20) / MWH,
    endState: end,
  };
  let storage = simpleStorage(base);
  if (r() < 0.4) {
    // a concave part-load curve: efficiency falling with load, three segments each way
    const Pc = base.powerCharge;
    const Pd = base.power;
    storage = {
      ...storage,
      charge: partLoadCurve('charge', [{ power: 0, efficiency: 1 }, { power: 0.4 * Pc, efficiency: 0.95 }, { power: 0.7 * Pc, efficiency: 0.9 }, { power: Pc, efficiency: 0.85 }].map((p, i) => (i === 0 ? { power: 0, efficiency: 1 } : p))),
      discharge: partLoadCurve('discharge', [{ power: 0, efficiency: 1 }, { power: 0.3 * Pd, efficiency: 0.93 }, { power: 0.6 * Pd, efficiency: 0.9 }, { power: Pd, efficiency: 0.84 }]),
      ...(r() < 0.5 ? { chargeCost: (10 * r()) / MWH } : {}),
    };
  }
  return { s: series(prices), storage };
}

test('the dedicated storage LP solver reaches the HiGHS optimum on 40 random stores and price series (1e-9 relative)', async () => {
  let viaFlow = 0;
  for (let seed = 1; seed <= 40; seed++) {
    const { s, storage } = randomCase(seed);
    const oracle = await solveDispatch(s, storage);
    assert.ok(oracle.ok, `seed ${seed}: HiGHS ${oracle.ok ? '' : oracle.reason}`);
    const mine = await solvePlainDispatch(s, storage);
    assert.ok(mine.ok);
    if (mine.value.solver === 'flow') viaFlow++;
    const a = mine.value.netRevenue;
    const b = oracle.value.netRevenue;
    assert.ok(Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b)), `seed ${seed}: flow ${a} vs HiGHS ${b} (rel ${(a - b) / b})`);
  }
  assert.equal(viaFlow, 40, 'every case is one the dedicated solver takes');
});

test('the dedicated solver keeps the store within its limits and meets the end state', async () => {
  for (let seed = 41; seed <= 60; seed++) {
    const { s, storage } = randomCase(seed);
    const r = await solvePlainDispatch(s, storage);
    assert.ok(r.ok && r.value.solver === 'flow');
    const x = r.value.schedule;
    const E = storage.energyCapacity;
    const rho = 1 - storage.standingLoss * s.stepSeconds;
    let e = x.energyInitial;
    for (let t = 0; t < x.energy.length; t++) {
      e = rho * e + s.stepSeconds * (x.inflow[t] - x.withdrawal[t]);
      assert.ok(Math.abs(e - x.energy[t]) <= 1e-9 * E, `seed ${seed} step ${t}: balance`);
      assert.ok(x.energy[t] >= storage.socMin * E - 1e-9 * E && x.energy[t] <= storage.socMax * E + 1e-9 * E);
      assert.ok(!(x.charge[t] > 0 && x.discharge[t] > 0), 'never charges and discharges in one step');
    }
    const end = storage.endState;
    const last = x.energy[x.energy.length - 1];
    if (end.kind === 'atLeastInitial') assert.ok(last >= x.energyInitial - 1e-9 * E);
    if (end.kind === 'atLeast') assert.ok(last >= end.soc * E - 1e-9 * E);
  }
});

test('a cyclic store with a free start, or a daily cycle limit, goes to HiGHS and says why', async () => {
  const { s } = randomCase(7);
  const storage = simpleStorage({ power: 50 * MW, energy: 200 * MWH, etaCharge: 0.9, etaDischarge: 0.9, endState: { kind: 'cyclic' } });
  const r = await solvePlainDispatch(s, storage);
  assert.ok(r.ok);
  assert.equal(r.value.solver, 'highs');
  assert.equal(r.value.fallbackReason, 'a free starting state (cyclic end)');
  const limited = await solvePlainDispatch(s, { ...simpleStorage({ power: 50 * MW, energy: 200 * MWH, etaCharge: 0.9, etaDischarge: 0.9 }), dailyCycleLimit: 1 });
  assert.ok(limited.ok);
  assert.equal(limited.value.fallbackReason, 'a daily cycle limit');
  const negative = series(Float64Array.from({ length: 48 }, (_, t) => (t === 5 ? -50 : 100 + 50 * Math.sin(t))));
  const wasteful = await solvePlainDispatch(negative, simpleStorage({ power: 50 * MW, energy: 200 * MWH, etaCharge: 0.9, etaDischarge: 0.9 }));
  assert.ok(wasteful.ok);
  assert.equal(wasteful.value.fallbackReason, 'a price at step 5 that pays for charging and discharging at once');
});

test('with prices on a coarse tariff grid (many equal marginal values) and seven-segment part-load curves, the dedicated solver reaches the HiGHS optimum (1e-9 relative)', async () => {
  for (let seed = 61; seed <= 72; seed++) {
    const r = rng(seed);
    const T = 48 + Math.floor(r() * 200);
    // three tariff levels, as a TOU tariff: every step's segments tie with earlier ones of the same price
    const levels = [180, 390, 660];
    const prices = Float64Array.from({ length: T }, (_, t) => levels[(Math.floor(t / 4) + Math.floor(r() * 2)) % 3]);
    const Pc = (20 + 80 * r()) * MW;
    const Pd = (20 + 80 * r()) * MW;
    const curve = (P: number) => Array.from({ length: 8 }, (_, i) => ({ power: (P * i) / 7, efficiency: i === 0 ? 1 : 0.97 - 0.015 * i }));
    const storage: StorageParams = {
      ...simpleStorage({ power: Pd, powerCharge: Pc, energy: (100 + 300 * r()) * MWH, etaCharge: 0.9, etaDischarge: 0.9, socMin: 0.05, socInitial: 0.05 + 0.5 * r(), standingLoss: r() < 0.5 ? 0 : 0.002 / 3600 }),
      charge: partLoadCurve('charge', curve(Pc)),
      discharge: partLoadCurve('discharge', curve(Pd)),
    };
    const s = series(prices);
    const oracle = await solveDispatch(s, storage);
    assert.ok(oracle.ok, `seed ${seed}: HiGHS ${oracle.ok ? '' : oracle.reason}`);
    const mine = await solvePlainDispatch(s, storage);
    assert.ok(mine.ok && mine.value.solver === 'flow', `seed ${seed}: ${mine.ok ? mine.value.fallbackReason : mine.reason}`);
    const a = mine.value.netRevenue;
    const b = oracle.value.netRevenue;
    assert.ok(Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b)), `seed ${seed}: flow ${a} vs HiGHS ${b} (rel ${(a - b) / b})`);
  }
});
