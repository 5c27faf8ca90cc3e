import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { PartLoadMaps } from '../../plant/transient/replay.js';
import { Xoshiro128 } from '../../numerics/random.js';
import { localDayNumbers } from '../time.js';
import { solveBoundLp, type BoundInput } from './bound-lp.js';
import { envelopeFromMaps, type EnvelopeOptions } from './envelope.js';
import { solveFeasibleDispatch } from './solve.js';
import { gridPlant, hourly, MW, MWH, slidingPlant } from './testing.js';

/** Random maps of 10 MWh: 1–3 rows of state of charge, 2–4 power columns, fill below and withdrawal above the power (not convex). */
function randomMaps(g: Xoshiro128): PartLoadMaps {
  const u = () => g.nextFloat();
  const rows = 1 + Math.floor(3 * u());
  const soc = Float64Array.from({ length: rows }, (_, i) => ((i + 0.5 + 0.4 * (u() - 0.5)) / rows) * 10 * MWH);
  const cols = (n: number, lo: number) => Float64Array.from({ length: n }, (_, i) => (lo + i * (1 + u())) * MW);
  const chargePower = cols(2 + Math.floor(3 * u()), 1 + u());
  const dischargePower = cols(2 + Math.floor(3 * u()), 0.5 + u());
  const fill = new Float64Array(rows * chargePower.length);
  const withdrawal = new Float64Array(rows * dischargePower.length);
  for (let r = 0; r < rows; r++) {
    // higher pressure (state of charge): a little less fill and a little less withdrawal per output
    const drift = 1 - 0.1 * u() * (r / Math.max(1, rows - 1));
    chargePower.forEach((P, c) => (fill[r * chargePower.length + c] = P * (0.55 + 0.3 * u()) * drift));
    dischargePower.forEach((P, c) => (withdrawal[r * dischargePower.length + c] = (P / (0.7 + 0.25 * u())) * drift));
  }
  return {
    soc,
    chargePower,
    fill,
    dischargePower,
    withdrawal,
    fuel: new Float64Array(withdrawal.length),
    capacity: 10 * MWH,
    standingLoss: u() < 0.5 ? 0 : (0.01 * u()) / 3600,
  };
}

function boundInput(maps: PartLoadMaps, options: EnvelopeOptions, perMWh: number[], socStart: number, end: boolean): BoundInput {
  const e = envelopeFromMaps(maps, options);
  const series = hourly(perMWh);
  const s0 = Math.max(e.socMin, Math.min(e.socMax, socStart)) * maps.capacity;
  return {
    envelope: e,
    prices: series.prices,
    stepSeconds: 3600,
    dayNumbers: localDayNumbers(series.startMs, perMWh.length, 3600, series.utcOffsetMinutes),
    s0,
    ...(end ? { endMin: s0 } : {}),
  };
}

test('the recursion equals HiGHS on the bound LP, never below it and within its stated slack, on 60 random plants and price series', async () => {
  let applied = 0;
  for (let seed = 1; seed <= 60; seed++) {
    const g = Xoshiro128.fromSeed(seed);
    const maps = randomMaps(g);
    const T = 24 + Math.floor(49 * g.nextFloat());
    const prices = Array.from({ length: T }, (_, t) => 300 + 200 * Math.sin((2 * Math.PI * t) / 24) + 150 * (g.nextFloat() - 0.5) + (g.nextFloat() < 0.1 ? -250 : 0));
    const socMin = 0.2 * g.nextFloat();
    const options: EnvelopeOptions = { socMin, socMax: 1 - 0.2 * g.nextFloat(), wearCost: (5 * g.nextFloat()) / MWH, chargeSurcharge: (10 * g.nextFloat()) / MWH };
    const input = boundInput(maps, options, prices, socMin + 0.6 * g.nextFloat(), seed % 3 !== 0);
    const oracle = await solveBoundLp(input, 'highs');
    assert.ok(oracle.ok, `seed ${seed}: HiGHS ${oracle.ok || oracle.reason}`);
    const r = await solveBoundLp(input, 'recursion');
    if (!r.ok) continue;
    applied++;
    const lp = oracle.value.value;
    const scale = Math.max(1, Math.abs(lp));
    assert.ok(r.value.value >= lp - 1e-9 * scale, `seed ${seed}: recursion ${r.value.value} below the LP's ${lp}`);
    assert.ok(r.value.slack <= 1e-6 * scale, `seed ${seed}: slack ${r.value.slack} of ${lp}`);
    assert.ok(r.value.value <= lp + r.value.slack + 1e-9 * scale, `seed ${seed}: recursion ${r.value.value} more than its slack ${r.value.slack} above the LP's ${lp}`);
  }
  // the negative prices (one step in ten) make a few cases pay for charging and discharging at once: those go to HiGHS
  assert.ok(applied >= 30, `the recursion applied to ${applied} of 60 cases`);
});

test('the bound the feasible dispatch reports (by the recursion) is never below the DP schedule it bounds, with minimum loads and start costs', async () => {
  for (let seed = 1; seed <= 12; seed++) {
    const g = Xoshiro128.fromSeed(100 + seed);
    const maps = seed % 3 === 0 ? slidingPlant() : seed % 3 === 1 ? gridPlant() : randomMaps(g);
    const prices = Array.from({ length: 48 }, (_, t) => Math.round(250 + 180 * Math.sin((2 * Math.PI * (t - 6)) / 24) + 100 * g.nextFloat()));
    const e = envelopeFromMaps(maps, { minimumLoad: { charge: 0.4, discharge: 0.3 }, startCost: { charge: 20, discharge: 10 } });
    const dp = await solveFeasibleDispatch(hourly(prices), e, { socStart: 0.3, socLevels: 201 });
    assert.ok(dp.ok);
    const input = boundInput(maps, { minimumLoad: { charge: 0.4, discharge: 0.3 }, startCost: { charge: 20, discharge: 10 } }, prices, 0.3, true);
    const r = await solveBoundLp(input, 'recursion');
    assert.ok(r.ok, `seed ${seed}: ${r.ok || r.reason}`);
    assert.equal(dp.value.bound, r.value.value);
    assert.ok(dp.value.bound! >= dp.value.netRevenue, `seed ${seed}: bound ${dp.value.bound} below the DP's ${dp.value.netRevenue}`);
  }
});

test('a daily cycle limit, or a price that pays for charging and discharging at once, goes to HiGHS', async () => {
  const prices = Array.from({ length: 24 }, (_, t) => 200 + 100 * Math.sin((2 * Math.PI * t) / 24));
  const limited = boundInput(slidingPlant(), { dailyCycleLimit: 1 }, prices, 0.5, true);
  const a = await solveBoundLp(limited);
  assert.ok(a.ok);
  assert.equal(a.value.method, 'highs');
  const r = await solveBoundLp(limited, 'recursion');
  assert.ok(!r.ok && /daily cycle limit/.test(r.reason));
  // a surcharge below −price makes charging pay while discharging still earns
  const paid = boundInput(slidingPlant(), { chargeSurcharge: -300 / MWH }, prices, 0.5, true);
  const b = await solveBoundLp(paid);
  assert.ok(b.ok);
  assert.equal(b.value.method, 'highs');
  const plain = await solveBoundLp(boundInput(slidingPlant(), {}, prices, 0.5, true));
  assert.ok(plain.ok);
  assert.equal(plain.value.method, 'recursion');
});

test('over a year of hours the recursion stays within 1e-9 of HiGHS on the bound LP (the two-row plant with a standing loss)', async () => {
  const g = Xoshiro128.fromSeed(2025);
  const prices = Array.from({ length: 8760 }, (_, t) => 320 + 180 * Math.sin((2 * Math.PI * (t - 7)) / 24) - 40 * Math.cos((2 * Math.PI * t) / 168) + 120 * (g.nextFloat() - 0.5));
  const input = boundInput(slidingPlant(), { socMin: 0.1 }, prices, 0.1, true);
  const oracle = await solveBoundLp(input, 'highs');
  const r = await solveBoundLp(input, 'recursion');
  assert.ok(oracle.ok && r.ok);
  const lp = oracle.value.value;
  assert.ok(r.value.value >= lp - 1e-9 * lp, `recursion ${r.value.value} below the LP's ${lp}`);
  assert.ok(r.value.value <= lp + 1e-9 * lp, `recursion ${r.value.value} vs the LP's ${lp}`);
  assert.ok(r.value.slack <= 1e-6 * lp, `slack ${r.value.slack} of ${lp}`);
});
