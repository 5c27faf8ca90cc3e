import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildLiIonPlant, type LiIonParameters } from './li-ion.js';
import type { PlantPerformance } from './performance.js';
import type { SiteSpec } from './schema.js';

// Luoyang's monthly mean air temperatures, as in examples/luoyang/compare.yaml
const site = { name: 'Luoyang', timeZone: 'Asia/Shanghai', ambientTemperature: [1, 5, 10.5, 16.5, 22, 26.5, 27.5, 26, 21.5, 16, 9, 3].map((c) => c + 273.15) } as SiteSpec;
const params: LiIonParameters = {
  cell: 'lfp-280ah',
  power: 100e6,
  duration: 4 * 3600,
  socMin: 0.05,
  socMax: 0.95,
  policy: { kind: 'none' },
  unitCost: 0.5 / 3600,
  years: 3,
};
const plant = buildLiIonPlant(params, site);

test('the li-ion performance comes from the model: nameplate energy, rated powers, curves through cells, PCS and transformer', () => {
  const p = plant.performance;
  assert.equal(p.energyCapacity, 400e6 * 3600);
  assert.equal(p.dischargePower, 100e6);
  const n = p.chargeCurve.input.length;
  for (let k = 1; k < n; k++) {
    assert.ok(p.chargeCurve.output[k] > p.chargeCurve.output[k - 1] && p.chargeCurve.output[k] < p.chargeCurve.input[k], `charge point ${k}`);
    // the store counts electricity deliverable at rated power, so a part-load discharge may deliver a little more
    // than it withdraws; a cycle at any one load still loses energy (at 10 % load the PCS alone gives 0.946² ≈ 0.895)
    assert.ok(p.dischargeCurve.input[k] > p.dischargeCurve.input[k - 1], `discharge point ${k}`);
    const cycle = (p.chargeCurve.output[k] / p.chargeCurve.input[k]) * (p.dischargeCurve.output[k] / p.dischargeCurve.input[k]);
    assert.ok(cycle < 1 && cycle > 0.88, `round trip on the curves at load ${k}: ${cycle}`);
  }
  // a full cycle at rated power on the curves (store in deliverable electricity): RTE = charge out / discharge in
  // at rated; it must agree with the simulated round trip (full SOC window, thermal model) to within 1 %
  const curveRte = p.chargeCurve.output[n - 1] / p.dischargeCurve.input[n - 1];
  assert.ok(Math.abs(p.dischargeCurve.input[n - 1] / p.dischargeCurve.output[n - 1] - 1) < 0.01, 'at rated power the store gives what it counts');
  console.log(`li-ion 100 MW / 400 MWh LFP: curve RTE at rated ${(100 * curveRte).toFixed(2)} %, simulated AC RTE ${(100 * p.roundTripEfficiency).toFixed(2)} %`);
  assert.ok(Math.abs(curveRte - p.roundTripEfficiency) < 0.01, `${curveRte} vs ${p.roundTripEfficiency}`);
  assert.ok(p.standingLoss > 0 && p.standingLoss < 1e-8);
  for (const r of plant.roundTrips) console.log(`  ${(r.power / 1e6).toFixed(1)} MW at ${(r.ambient - 273.15).toFixed(1)} °C: DC ${(100 * r.dc).toFixed(2)} %, AC ${(100 * r.ac).toFixed(2)} %, with auxiliaries ${(100 * r.acWithAuxiliaries).toFixed(2)} %`);
});

test('the life runs the project’s dispatch each year on the faded plant', async () => {
  const seen: PlantPerformance[] = [];
  const r = await plant.runLife((perf) => {
    seen.push(perf);
    const charge = new Float64Array(8760);
    const discharge = new Float64Array(8760);
    for (let d = 0; d < 365; d++) {
      charge.fill(perf.chargePower, d * 24 + 1, d * 24 + 6);
      discharge.fill(perf.dischargePower, d * 24 + 17, d * 24 + 22);
    }
    return { stepSeconds: 3600, charge, discharge };
  });
  assert.equal(r.capacity.length, 4);
  assert.equal(r.lifeModel, 'lfp-250ah');
  assert.ok(seen[1].energyCapacity < seen[0].energyCapacity && seen[2].energyCapacity < seen[1].energyCapacity);
  assert.ok(r.capacity[3] < r.capacity[0]);
});

test('an unknown cell preset is refused naming the field and the valid ids', () => {
  assert.throws(() => buildLiIonPlant({ ...params, cell: 'lfp-999' }, site, 'plants[2].parameters'), /plants\[2\]\.parameters\.cell.*lfp-999.*lfp-280ah, nmc-94ah/);
});
