import { test } from 'node:test';
import assert from 'node:assert/strict';
import { persistenceForecast, simpleStorage, solveDispatch, solveRollingDispatch, type PriceSeries } from './index.js';

const MW = 1e6;
const MWH = 3.6e9;
const H = 3600;
const START = Date.UTC(2025, 0, 1) - 8 * 3600_000; // 2025-01-01 00:00 Beijing time

/** Days of valley (00–06), flat and peak (16–24) hours with distinct, deterministic prices, money/MWh. */
function dailyPrices(days: number): PriceSeries {
  const perMWh: number[] = [];
  let state = 12345;
  for (let h = 0; h < 24 * days; h++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    const noise = (state / 2 ** 32) * 40;
    const hod = h % 24;
    perMWh.push((hod < 6 ? 100 : hod < 16 ? 300 : 500) + noise + (h / 24) * 7);
  }
  return { startMs: START, stepSeconds: H, prices: Float64Array.from(perMWh, (p) => p / MWH), utcOffsetMinutes: 480 };
}

// 1 MW, 4 MWh, empty at the start: each day's 6-hour valley refills it (4 MWh needs 4.4 h at 0.9) and the 8-hour
// peak empties it (3.6 h at 1 MW), so every optimal schedule is empty at midnight and the days decouple: a 48-hour
// window committing 24 hours sees everything the whole-horizon LP does.
const storage = simpleStorage({ power: 1 * MW, energy: 4 * MWH, etaCharge: 0.9, etaDischarge: 0.9, socInitial: 0 });

test('rolling 48-hour windows committing 24 hours match the whole-horizon LP when the days decouple', async () => {
  const series = dailyPrices(7);
  const full = await solveDispatch(series, storage);
  const rolling = await solveRollingDispatch(series, storage, { windowSeconds: 48 * H, commitSeconds: 24 * H, foresight: { kind: 'perfect' } });
  assert.ok(full.ok && rolling.ok);
  const [f, r] = [full.value, rolling.value];
  assert.ok(Math.abs(r.revenue - f.revenue) <= 1e-9 * f.revenue, `rolling ${r.revenue} vs full ${f.revenue}`);
  for (let t = 0; t < series.prices.length; t++) {
    assert.ok(Math.abs(r.schedule.energy[t] - f.schedule.energy[t]) <= 1e-6 * MWH, `energy at step ${t}`);
  }
  assert.deepEqual(f.horizon, { kind: 'full' });
  assert.deepEqual(r.horizon, { kind: 'rolling', windowSeconds: 48 * H, commitSeconds: 24 * H, windows: 6, foresight: 'perfect' });
  assert.equal(r.objective, undefined);
});

test('with a persistence forecast the result says so, and earns no more than with perfect foresight', async () => {
  const series = dailyPrices(7);
  // shift the peak a few hours on alternate days, so yesterday's prices mislead
  const prices = Float64Array.from(series.prices, (p, t) => (Math.floor(t / 24) % 2 === 1 && t % 24 >= 10 && t % 24 < 14 ? 600 / MWH : p));
  const shifted = { ...series, prices };
  const window = { windowSeconds: 48 * H, commitSeconds: 24 * H };
  const perfect = await solveRollingDispatch(shifted, storage, { ...window, foresight: { kind: 'perfect' } });
  const forecast = persistenceForecast(prices, 24);
  const imperfect = await solveRollingDispatch(shifted, storage, { ...window, foresight: { kind: 'forecast', prices: forecast, name: 'persistence 24 h' } });
  assert.ok(perfect.ok && imperfect.ok);
  assert.equal(imperfect.value.horizon.kind === 'rolling' && imperfect.value.horizon.foresight, 'imperfect');
  assert.equal(imperfect.value.horizon.kind === 'rolling' && imperfect.value.horizon.forecast, 'persistence 24 h');
  assert.ok(imperfect.value.revenue < perfect.value.revenue - 1, `${imperfect.value.revenue} vs ${perfect.value.revenue}`);
  // revenue is counted at the true prices, whatever the windows saw
  let recomputed = 0;
  const s = imperfect.value.schedule;
  for (let t = 0; t < prices.length; t++) recomputed += prices[t] * (s.discharge[t] - s.charge[t]) * H;
  assert.ok(Math.abs(recomputed - imperfect.value.revenue) <= 1e-9 * Math.abs(recomputed));
});

test('the persistence forecast repeats the price one lag earlier and the true prices before any history', () => {
  assert.deepEqual(Array.from(persistenceForecast(Float64Array.of(1, 2, 3, 4, 5), 2)), [1, 2, 1, 2, 3]);
  assert.throws(() => persistenceForecast(Float64Array.of(1), 0), /lagSteps: expected a whole number of steps ≥ 1 \(got 0\)/);
});

test('rolling MILP windows committing half a day keep the daily cycle limit across window boundaries', async () => {
  const series = dailyPrices(3);
  const s = simpleStorage({ power: 1 * MW, energy: 2 * MWH, etaCharge: 0.95, etaDischarge: 0.95, socInitial: 0, dailyCycleLimit: 0.75 });
  const r = await solveRollingDispatch(series, s, { windowSeconds: 24 * H, commitSeconds: 12 * H, foresight: { kind: 'perfect' } }, { milp: true });
  assert.ok(r.ok, r.ok ? '' : r.reason);
  assert.equal(r.value.formulation, 'milp');
  for (let d = 0; d < 3; d++) {
    let withdrawn = 0;
    for (let t = 24 * d; t < 24 * d + 24; t++) withdrawn += r.value.schedule.withdrawal[t] * H;
    assert.ok(withdrawn <= 0.75 * 2 * MWH * (1 + 1e-9), `day ${d} withdrew ${withdrawn / MWH} MWh`);
    assert.ok(withdrawn >= 0.75 * 2 * MWH * (1 - 1e-6), `day ${d} used its allowance (${withdrawn / MWH} MWh)`);
  }
  for (let t = 0; t < 72; t++) assert.equal(Math.min(r.value.schedule.charge[t], r.value.schedule.discharge[t]), 0);
});

test('rolling windows must be whole steps, commit no more than they look ahead, and start from a known SOC', async () => {
  const series = dailyPrices(2);
  await assert.rejects(
    solveRollingDispatch(series, storage, { windowSeconds: 1.5 * H, commitSeconds: H, foresight: { kind: 'perfect' } }),
    /rolling\.windowSeconds: expected a whole number of steps of 3600 s \(got 5400\)/,
  );
  await assert.rejects(
    solveRollingDispatch(series, storage, { windowSeconds: 24 * H, commitSeconds: 48 * H, foresight: { kind: 'perfect' } }),
    /rolling\.commitSeconds: must not exceed the window/,
  );
  const cyclic = simpleStorage({ power: 1 * MW, energy: 4 * MWH, etaCharge: 1, etaDischarge: 1, endState: { kind: 'cyclic' } });
  await assert.rejects(
    solveRollingDispatch(series, cyclic, { windowSeconds: 24 * H, commitSeconds: 24 * H, foresight: { kind: 'perfect' } }),
    /storage\.socInitial: rolling horizons need a fixed starting SOC/,
  );
  await assert.rejects(
    solveRollingDispatch(series, storage, { windowSeconds: 24 * H, commitSeconds: 24 * H, foresight: { kind: 'forecast', prices: new Float64Array(5), name: 'short' } }),
    /rolling\.foresight\.prices: expected one forecast price per step \(48\)/,
  );
});
