import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pcsAcForDc, pcsAcFromDc, pcsDcForAc, pcsDcFromAc, pcsEfficiency, transformerInputFor, transformerLoadLoss } from './pcs.js';

const pcs = { ratedPower: 100e6, nominalEfficiency: 0.985 };

test('the PCS curve reproduces PVWatts v5 eq. 11 (Dobos 2014) at the CEC loadings', () => {
  // source points: η/η_nom = (−0.0162 ζ − 0.0059/ζ + 0.9858) / 0.9637, at the CEC test loadings, by hand:
  //   ζ = 0.1: (−0.00162 − 0.059 + 0.9858)/0.9637 = 0.92518/0.9637 = 0.960029
  //   ζ = 0.2: (−0.00324 − 0.0295 + 0.9858)/0.9637 = 0.95306/0.9637 = 0.988959
  //   ζ = 0.3: (−0.00486 − 0.019667 + 0.9858)/0.9637 = 0.961273/0.9637 = 0.997482
  //   ζ = 0.5: (−0.0081 − 0.0118 + 0.9858)/0.9637 = 0.9659/0.9637 = 1.002283
  //   ζ = 0.75: (−0.01215 − 0.007867 + 0.9858)/0.9637 = 0.965783/0.9637 = 1.002162
  //   ζ = 1: 0.9637/0.9637 = 1
  const points: [number, number][] = [
    [0.1, 0.960029],
    [0.2, 0.988959],
    [0.3, 0.997482],
    [0.5, 1.002283],
    [0.75, 1.002162],
    [1, 1],
  ];
  for (const [z, rel] of points) {
    const eta = pcsEfficiency(pcs, z);
    assert.ok(Math.abs(eta / 0.985 - rel) < 2e-6, `ζ ${z}: ${eta / 0.985} vs ${rel}`);
  }
});

test('the PCS inverses return the power they were given', () => {
  for (const ac of [1e6, 10e6, 55e6, 100e6]) {
    const dc = pcsDcForAc(pcs, ac);
    assert.ok(Math.abs(pcsAcFromDc(pcs, dc) - ac) < 1e-6 * ac, `discharge ${ac}`);
    const acIn = pcsAcForDc(pcs, pcsDcFromAc(pcs, ac));
    assert.ok(Math.abs(acIn - ac) < 1e-6 * ac, `charge ${ac}`);
  }
});

test('the transformer input for a grid power covers its load loss', () => {
  const t = { rating: 105e6, noLoadLoss: 0.001, loadLoss: 0.008 };
  const p = transformerInputFor(t, 100e6);
  assert.ok(Math.abs(p - transformerLoadLoss(t, p) - 100e6) < 1e-3);
  // at rated loading the load loss is 0.8 % of rating: 0.84 MW
  assert.ok(Math.abs(transformerLoadLoss(t, 105e6) - 0.84e6) < 1e-6);
});
