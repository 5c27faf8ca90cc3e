import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mapAt, replaySchedule, type PartLoadMaps } from './replay.js';
import { createPlant } from '../templates/index.js';

const MW = 1e6;
const H = 3600;

/** A store of 100 MWh: charging fills 0.8 of what it draws, discharging withdraws 1.25 of what it gives. */
function linearMaps(standingLoss = 0): PartLoadMaps {
  const soc = Float64Array.of(0, 100 * MW * H);
  const chargePower = Float64Array.of(10 * MW, 50 * MW);
  const dischargePower = Float64Array.of(10 * MW, 50 * MW);
  return {
    soc,
    chargePower,
    fill: Float64Array.of(8 * MW, 40 * MW, 8 * MW, 40 * MW),
    dischargePower,
    withdrawal: Float64Array.of(12.5 * MW, 62.5 * MW, 12.5 * MW, 62.5 * MW),
    fuel: new Float64Array(4),
    capacity: 100 * MW * H,
    standingLoss,
  };
}

test('maps interpolate bilinearly and hold their values beyond the grid', () => {
  const m = linearMaps();
  assert.equal(mapAt(m.fill, m.soc, m.chargePower, 50 * MW * H, 30 * MW), 24 * MW);
  assert.equal(mapAt(m.fill, m.soc, m.chargePower, 0, 80 * MW), 40 * MW);
});

test('a schedule the plant can follow is feasible and its energies are the schedule’s', () => {
  const charge = new Float64Array(4).fill(0);
  const discharge = new Float64Array(4).fill(0);
  charge[0] = charge[1] = 40 * MW;
  discharge[3] = 40 * MW;
  const r = replaySchedule(linearMaps(), { stepSeconds: H, charge, discharge });
  assert.equal(r.feasible, true);
  assert.equal(r.energyIn, 80 * MW * H);
  assert.equal(r.energyOut, 40 * MW * H);
  assert.ok(Math.abs(r.socFinal - (64 - 50) * MW * H) < 1);
  assert.deepEqual(Array.from(r.timeseries.soc, (s) => s / MW / H), [32, 64, 64, 14]);
});

test('every violation is recorded with its step, limit and value, and the step runs as far as the plant can', () => {
  const charge = Float64Array.of(40 * MW, 5 * MW, 60 * MW, 50 * MW, 50 * MW, 0, 0);
  const discharge = Float64Array.of(10 * MW, 0, 0, 0, 0, 50 * MW, 50 * MW);
  const r = replaySchedule(linearMaps(), { stepSeconds: H, charge, discharge });
  assert.equal(r.feasible, false);
  const v = r.violations.map((x) => [x.step, x.limit]);
  assert.deepEqual(v, [
    [0, 'simultaneous charge and discharge'],
    [1, 'below minimum charge power'],
    [2, 'above maximum charge power'],
    [3, 'store full'],
    [4, 'store full'],
    [6, 'store empty'],
  ]);
  // step 2 ran at the maximum (50 MW → 40 MW filling: 72 MWh); step 3 only until full (28 of 40 MWh), step 4 not at all
  assert.equal(r.timeseries.chargePower[2], 50 * MW);
  assert.ok(Math.abs(r.timeseries.soc[3] - 100 * MW * H) < 1);
  assert.ok(Math.abs(r.timeseries.chargePower[3] - 35 * MW) < 1e-6);
  assert.equal(r.timeseries.chargePower[4], 0);
  // then 62.5 MWh withdrawn, and the last 37.5 MWh give 30 MWh of the 50 asked for
  assert.ok(Math.abs(r.timeseries.dischargePower[6] - 30 * MW) < 1e-6);
  assert.equal(r.timeseries.soc[6], 0);
});

test('the standing loss decays the stored energy exponentially', () => {
  const n = 24;
  const lambda = 1e-5;
  const r = replaySchedule(linearMaps(lambda), { stepSeconds: H, charge: new Float64Array(n), discharge: new Float64Array(n) }, { initialSoc: 0.5 });
  assert.ok(Math.abs(r.socFinal - 50 * MW * H * Math.exp(-lambda * n * H)) < 1e-6 * r.socFinal);
});

test('replaying the design cycle through a plant’s maps gives the design cycle’s energies within 3 %, and a year of hours runs', () => {
  const plant = createPlant('diabatic-caes', {}, { ambientTemperature: 288.15 });
  const p = plant.performance();
  const step = 600;
  const nc = Math.floor(p.chargeDuration / step);
  const nd = Math.floor(p.dischargeDuration / step);
  const charge = new Float64Array(nc + nd);
  const discharge = new Float64Array(nc + nd);
  charge.fill(p.chargePower, 0, nc);
  discharge.fill(p.dischargePower, nc);
  const r = replaySchedule((plant as unknown as { maps(): PartLoadMaps }).maps(), { stepSeconds: step, charge, discharge });
  const eOut = p.energyCapacity;
  assert.ok(Math.abs(r.energyOut - eOut * ((nd * step) / p.dischargeDuration)) < 0.03 * eOut, `${r.energyOut / 3.6e9} MWh vs ${eOut / 3.6e9} MWh`);
  assert.ok(Math.abs(r.fuel / r.energyOut - p.fuelPerOutput) < 0.03 * p.fuelPerOutput, `fuel per output ${r.fuel / r.energyOut} vs ${p.fuelPerOutput}`);
  const year = 8760;
  const c = new Float64Array(year);
  const d = new Float64Array(year);
  for (let h = 0; h < year; h++) {
    if (h % 24 < 8) c[h] = p.chargePower;
    else if (h % 24 >= 17 && h % 24 < 19) d[h] = p.dischargePower;
  }
  const yr = plant.replay({ stepSeconds: 3600, charge: c, discharge: d });
  assert.equal(yr.timeseries.soc.length, year);
  assert.ok(yr.energyOut > 0 && yr.fuel > 0);
});
