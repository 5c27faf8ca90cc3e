import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { PartLoadMaps } from '../../plant/transient/replay.js';
import { replaySchedule } from '../../plant/transient/replay.js';
import type { PriceSeries } from '../prices.js';
import { persistenceForecast } from '../rolling.js';
import { envelopeFromMaps } from './envelope.js';
import { solveFeasibleDispatch, solveFeasibleRolling } from './solve.js';

const MW = 1e6;
const MWH = 3.6e9;
const START = Date.UTC(2025, 0, 1) - 8 * 3600_000;

/** A 10 MW / 40 MWh plant whose fill falls as the store fills, with minimum loads. */
const maps: PartLoadMaps = {
  soc: Float64Array.of(4 * MWH, 36 * MWH),
  chargePower: Float64Array.of(4 * MW, 10 * MW),
  fill: Float64Array.of(2.6 * MW, 7.4 * MW, 2.3 * MW, 6.8 * MW),
  dischargePower: Float64Array.of(3 * MW, 10 * MW),
  withdrawal: Float64Array.of(3.6 * MW, 10.6 * MW, 3.5 * MW, 10.4 * MW),
  fuel: new Float64Array(4),
  capacity: 40 * MWH,
  standingLoss: 0.001 / 3600,
};

function prices(days: number, seed: number): PriceSeries {
  let a = seed;
  const r = () => ((a = (a * 16807) % 2147483647) / 2147483647);
  // a daily shape whose evening peak wanders from day to day: yesterday is a fair but imperfect forecast
  const p = Float64Array.from({ length: 24 * days }, (_, t) => {
    const day = Math.floor(t / 24);
    const peak = 17 + ((day * 5) % 4);
    return (300 + 250 * Math.exp(-(((t % 24) - peak) ** 2) / 4) - 150 * Math.exp(-(((t % 24) - 3) ** 2) / 8) + 60 * r()) / MWH;
  });
  return { startMs: START, stepSeconds: 3600, prices: p, utcOffsetMinutes: 480 };
}

test('rolling windows on a persistence forecast earn less than perfect foresight, by the reported value of perfect foresight, and replay without violations', async () => {
  const series = prices(21, 7);
  const e = envelopeFromMaps(maps);
  const forecast = persistenceForecast(series.prices, 24);
  const r = await solveFeasibleRolling(series, e, { windowSeconds: 48 * 3600, commitSeconds: 24 * 3600, foresight: { kind: 'forecast', prices: forecast, name: 'persistence' } });
  assert.ok(r.ok);
  const perfect = await solveFeasibleDispatch(series, e, { bound: false });
  assert.ok(perfect.ok);
  const v = r.value.perfectForesight!;
  assert.equal(v.netRevenue, perfect.value.netRevenue);
  assert.equal(v.value, perfect.value.netRevenue - r.value.netRevenue);
  assert.ok(v.value > 0.005 * perfect.value.netRevenue, `value of perfect foresight ${v.value} of ${perfect.value.netRevenue}`);
  assert.ok(r.value.bound! >= perfect.value.netRevenue);
  assert.equal(r.value.horizon.kind === 'rolling' && r.value.horizon.windows, 20);
  const x = r.value.schedule;
  const replay = replaySchedule(maps, { stepSeconds: 3600, charge: x.charge, discharge: x.discharge }, { initialSoc: 0 });
  assert.equal(replay.violationCount, 0);
  assert.ok(x.energy[x.energy.length - 1] >= 0, 'ends at or above its (empty) start');
});

test('a forecast equal to the true prices gives the perfect-foresight rolling schedule', async () => {
  const series = prices(7, 3);
  const e = envelopeFromMaps(maps, { minimumLoad: { charge: 0.5 } });
  const rolling = { windowSeconds: 36 * 3600, commitSeconds: 12 * 3600 };
  const a = await solveFeasibleRolling(series, e, { ...rolling, foresight: { kind: 'perfect' } }, { bound: false });
  const b = await solveFeasibleRolling(series, e, { ...rolling, foresight: { kind: 'forecast', prices: series.prices.slice(), name: 'the truth' } }, { bound: false });
  assert.ok(a.ok && b.ok);
  assert.deepEqual(a.value.schedule.charge, b.value.schedule.charge);
  assert.equal(b.value.perfectForesight!.netRevenue - b.value.netRevenue, b.value.perfectForesight!.value);
  for (const P of a.value.schedule.charge) assert.ok(P === 0 || P >= 5 * MW);
});
