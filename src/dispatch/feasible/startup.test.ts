import { test } from 'node:test';
import assert from 'node:assert/strict';
import { replaySchedule } from '../../plant/transient/replay.js';
import type { PriceSeries } from '../prices.js';
import { localDayNumbers } from '../time.js';
import { envelopeFromMaps, type OperatingEnvelope } from './envelope.js';
import { buildTables } from './dp.js';
import { replayWithStartUp, startSteps } from './replay-startup.js';
import { solveFeasibleDispatch, solveFeasibleRolling } from './solve.js';
import { chargeStep, dischargeStep, powerToReach, type StepOutcome } from './step.js';
import { uniformSource } from '../../numerics/random.js';
import { gridPlant, hourly, MIDNIGHT, MWH, slidingPlant } from './testing.js';

/** The project's seeded generator, so that a failing case can be rerun. */
const rng = uniformSource;


/**
 * Every schedule of the DP's own actions (idle, each power level, charge to the top or, on the last step, to the
 * required end, discharge to the bottom), written out from the rule in envelope.ts rather than the DP's code: a
 * start (a run from idle or from the other mode) runs Δt − t_start at its setpoint, from a store that does not move
 * meanwhile (no standing loss here), and buys the start-up energy; at most `dailyStartLimit` discharge starts per
 * local day. The exact optimum over that space.
 */
function bruteForce(e: OperatingEnvelope, series: PriceSeries, s0: number, endMin: number): number {
  const prices = series.prices;
  const T = prices.length;
  const dt = series.stepSeconds;
  const days = localDayNumbers(series.startMs, T, dt, series.utcOffsetMinutes);
  const tb = buildTables(e, dt, { socLevels: 21, powerLevels: 3 });
  const o: StepOutcome = { x: 0, rate: 0, fuel: 0 };
  const sLo = e.socMin * e.maps.capacity;
  const sHi = e.socMax * e.maps.capacity;
  const limit = e.dailyStartLimit ?? Infinity;
  let best = -Infinity;
  const go = (t: number, s: number, mode: number, starts: number, money: number) => {
    if (t === T) {
      if (s >= endMin * (1 - 1e-12) && money > best) best = money;
      return;
    }
    if (t > 0 && days[t] !== days[t - 1]) starts = 0;
    const p = prices[t];
    go(t + 1, s, 0, starts, money);
    // charging
    const cStart = mode !== 1;
    const cSeconds = cStart ? dt - e.startUp.charge.seconds : dt;
    const cEnergy = cStart ? e.startUp.charge.energy : 0;
    const cCost = cStart ? e.startCost.charge : 0;
    const charges = [...tb.chargeLevels];
    for (const target of t === T - 1 ? [sHi, endMin] : [sHi]) {
      const P = powerToReach(e, 'charge', s, target, cSeconds, o);
      if (P === P) charges.push(P);
    }
    for (const P of charges) {
      if (chargeStep(e, s, P, cSeconds, o) && o.x <= sHi) go(t + 1, o.x, 1, starts, money - p * (P * cSeconds + cEnergy) - cCost);
    }
    // discharging
    const dStart = mode !== 2;
    if (dStart && starts >= limit) return;
    const dSeconds = dStart ? dt - e.startUp.discharge.seconds : dt;
    const dEnergy = dStart ? e.startUp.discharge.energy : 0;
    const dCost = dStart ? e.startCost.discharge : 0;
    const discharges = [...tb.dischargeLevels];
    const P = powerToReach(e, 'discharge', s, sLo, dSeconds, o);
    if (P === P) discharges.push(P);
    for (const P of discharges) {
      if (dischargeStep(e, s, P, dSeconds, o) && o.x >= sLo) go(t + 1, o.x, 2, starts + (dStart ? 1 : 0), money + p * (P * dSeconds - dEnergy) - dCost);
    }
  };
  go(0, s0, 0, 0, 0);
  return best;
}

test('with start-up times and energies, the DP equals brute force over all schedules (7 h, minimum load, non-convex curves, moves on the grid)', async () => {
  for (let seed = 1; seed <= 5; seed++) {
    const r = rng(seed);
    const prices = Array.from({ length: 7 }, () => Math.round(50 + 400 * r()));
    const e = envelopeFromMaps(gridPlant(), {
      startUp: { charge: { seconds: [0, 1800, 1800][seed % 3], energy: [0, 0.2, 0][seed % 3] * MWH }, discharge: { seconds: 1800, energy: (seed % 2) * 0.3 * MWH } },
      startCost: { charge: seed === 4 ? 30 : 0, discharge: 0 },
    });
    const socStart = [0, 0.3, 0.5][seed % 3];
    const dp = await solveFeasibleDispatch(hourly(prices), e, { socLevels: 21, powerLevels: 3, socStart });
    assert.ok(dp.ok);
    const exact = bruteForce(e, hourly(prices), socStart * 10 * MWH, socStart * 10 * MWH);
    assert.ok(Math.abs(dp.value.netRevenue - exact) <= 1e-9 * Math.abs(exact), `seed ${seed}: DP ${dp.value.netRevenue} vs brute force ${exact}`);
    assert.ok(dp.value.bound! >= exact, `seed ${seed}: bound ${dp.value.bound} below ${exact}`);
  }
});

test('a start-up costs the DP money and buys its energy once per start: revenue below the free-start schedule, start-up energy = starts × energy', async () => {
  const prices = [100, 100, 400, 100, 400, 100, 400, 400];
  const free = await solveFeasibleDispatch(hourly(prices), envelopeFromMaps(gridPlant()), { socLevels: 21, powerLevels: 3, socStart: 0.5 });
  const slow = await solveFeasibleDispatch(hourly(prices), envelopeFromMaps(gridPlant(), { startUp: { discharge: { seconds: 1800, energy: 0.5 * MWH } } }), { socLevels: 21, powerLevels: 3, socStart: 0.5 });
  assert.ok(free.ok && slow.ok);
  assert.ok(slow.value.netRevenue < free.value.netRevenue, `${slow.value.netRevenue} vs ${free.value.netRevenue}`);
  assert.ok(slow.value.starts.discharge >= 1);
  assert.equal(free.value.startUpEnergy, 0);
  assert.equal(slow.value.startUpEnergy, slow.value.starts.discharge * 0.5 * MWH);
});

test('with a daily start limit the DP carries the starts made today: equal to brute force across midnight, never above the limit', async () => {
  // 8 h from 20:00 local: four hours on each side of midnight
  const evening = MIDNIGHT + 20 * 3600_000;
  for (let seed = 21; seed <= 24; seed++) {
    const r = rng(seed);
    const prices = Array.from({ length: 8 }, (_, t) => Math.round((t % 2 ? 350 : 80) + 100 * r()));
    const e = envelopeFromMaps(gridPlant(), { dailyStartLimit: 1, startCost: { charge: 0, discharge: seed % 2 ? 0 : 20 } });
    const dp = await solveFeasibleDispatch(hourly(prices, evening), e, { socLevels: 21, powerLevels: 3, socStart: 0.6 });
    assert.ok(dp.ok);
    const exact = bruteForce(e, hourly(prices, evening), 6 * MWH, 6 * MWH);
    assert.ok(Math.abs(dp.value.netRevenue - exact) <= 1e-9 * Math.abs(exact), `seed ${seed}: DP ${dp.value.netRevenue} vs brute force ${exact}`);
    const starts = startSteps(dp.value.schedule.charge, dp.value.schedule.discharge);
    assert.ok(starts.slice(0, 4).filter((s) => s === 2).length <= 1 && starts.slice(4).filter((s) => s === 2).length <= 1, `seed ${seed}: ${Array.from(starts)}`);
    const unlimited = await solveFeasibleDispatch(hourly(prices, evening), envelopeFromMaps(gridPlant(), { startCost: e.startCost }), { socLevels: 21, powerLevels: 3, socStart: 0.6 });
    assert.ok(unlimited.ok && unlimited.value.netRevenue >= dp.value.netRevenue);
  }
});


test('a schedule with start-ups replays through the plant maps (in segments) without a violation, state for state, and the replay earns what the DP counted', async () => {
  const maps = slidingPlant();
  const startUp = { charge: { seconds: 600, energy: 0.05 * MWH }, discharge: { seconds: 900, energy: 0.1 * MWH } };
  const e = envelopeFromMaps(maps, { minimumLoad: { discharge: 0.5 }, startUp });
  const r = rng(5);
  const prices = Array.from({ length: 96 }, (_, t) => 200 + 150 * Math.sin((2 * Math.PI * t) / 24) + 50 * r());
  const series = hourly(prices);
  const dp = await solveFeasibleRolling(series, e, { windowSeconds: 48 * 3600, commitSeconds: 24 * 3600, foresight: { kind: 'perfect' } }, { socStart: 0.5 });
  assert.ok(dp.ok);
  const x = dp.value.schedule;
  assert.ok(dp.value.starts.discharge >= 3, `${dp.value.starts.discharge} discharge starts`);
  const replay = replayWithStartUp((schedule, options) => replaySchedule(maps, schedule, options), maps, { stepSeconds: 3600, charge: x.charge, discharge: x.discharge }, e.startUp, { initialSoc: 0.5 });
  assert.equal(replay.violationCount, 0, replay.violations[0]?.limit);
  for (let t = 0; t < 96; t++) assert.equal(replay.timeseries.soc[t], x.energy[t], `step ${t}`);
  const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);
  assert.ok(rel(replay.energyOut, dp.value.dischargedEnergy) < 1e-12);
  assert.ok(rel(replay.energyIn, dp.value.chargedEnergy) < 1e-12);
  let money = 0;
  for (let t = 0; t < 96; t++) money += series.prices[t] * (replay.timeseries.dischargePower[t] - replay.timeseries.chargePower[t]) * 3600;
  assert.ok(rel(money, dp.value.revenue) < 1e-9, `replay ${money} vs DP ${dp.value.revenue}`);
  // the plain replay of the same setpoints (start-ups ignored) would not follow the DP's store
  const plain = replaySchedule(maps, { stepSeconds: 3600, charge: x.charge, discharge: x.discharge }, { initialSoc: 0.5 });
  assert.notEqual(plain.socFinal, replay.socFinal);
});

test('start-up figures outside their range are refused, naming the field', () => {
  assert.throws(() => envelopeFromMaps(gridPlant(), { startUp: { discharge: { seconds: -1 } } }), /envelope\.startUp\.discharge\.seconds/);
  assert.throws(() => envelopeFromMaps(gridPlant(), { dailyStartLimit: 1.5 }), /envelope\.dailyStartLimit.*1\.5/);
  const e = envelopeFromMaps(gridPlant(), { startUp: { charge: { seconds: 3600 } } });
  assert.throws(() => buildTables(e, 3600, { socLevels: 11, powerLevels: 3 }), /envelope\.startUp\.charge\.seconds.*shorter than the step \(3600 s\)/);
});

test('rolling windows that end at noon carry the discharges started that morning: never more than the daily start limit', async () => {
  const maps = slidingPlant();
  const e = envelopeFromMaps(maps, { dailyStartLimit: 1, startUp: { discharge: { seconds: 600, energy: 0 } } });
  // two price peaks a day (08:00 and 19:00): without the limit the store would discharge twice
  const prices = Array.from({ length: 24 * 6 }, (_, t) => 150 + 300 * Math.exp(-(((t % 24) - 8) ** 2) / 2) + 300 * Math.exp(-(((t % 24) - 19) ** 2) / 2));
  const series = hourly(prices);
  const r = await solveFeasibleRolling(series, e, { windowSeconds: 36 * 3600, commitSeconds: 12 * 3600, foresight: { kind: 'perfect' } }, { socStart: 0.5, bound: false });
  assert.ok(r.ok);
  const starts = startSteps(r.value.schedule.charge, r.value.schedule.discharge);
  for (let day = 0; day < 6; day++) {
    const n = starts.slice(24 * day, 24 * day + 24).filter((s) => s === 2).length;
    assert.ok(n <= 1, `day ${day}: ${n} discharge starts`);
  }
  const free = await solveFeasibleRolling(series, envelopeFromMaps(maps, { startUp: e.startUp }), { windowSeconds: 36 * 3600, commitSeconds: 12 * 3600, foresight: { kind: 'perfect' } }, { socStart: 0.5, bound: false });
  assert.ok(free.ok && free.value.starts.discharge > r.value.starts.discharge, `without the limit ${free.ok && free.value.starts.discharge} starts, with it ${r.value.starts.discharge}`);
});
