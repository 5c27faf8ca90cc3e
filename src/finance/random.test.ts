import { test } from 'node:test';
import assert from 'node:assert/strict';
import { distributionMean, sample, type Distribution } from './random.js';
import { Xoshiro128 } from '../numerics/random.js';
import { monteCarlo } from './montecarlo.js';
import { close, throwsField } from './testing.js';

function moments(d: Distribution, n = 200000, seed = 42) {
  const g = Xoshiro128.fromSeed(seed);
  let s = 0;
  let s2 = 0;
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < n; i++) {
    const x = sample(d, g);
    s += x;
    s2 += x * x;
    lo = Math.min(lo, x);
    hi = Math.max(hi, x);
  }
  const mean = s / n;
  return { mean, sd: Math.sqrt(s2 / n - mean * mean), lo, hi };
}

// Sampling tolerances: with 200 000 draws the standard error of a mean is sd/447; 1 % of the mean is > 5 standard errors.
test('each distribution has the mean and range it should', () => {
  const cases: [Distribution, number, number][] = [
    [{ kind: 'uniform', min: 0.8, max: 1.2 }, 1, 0.4 / Math.sqrt(12)],
    [{ kind: 'triangular', min: 0.8, mode: 0.9, max: 1.3 }, 1, Math.sqrt((0.64 + 0.81 + 1.69 - 0.72 - 1.04 - 1.17) / 18)],
    [{ kind: 'normal', mean: 1, sd: 0.1 }, 1, 0.1],
    [{ kind: 'lognormal', mean: 1, sd: 0.2 }, 1, 0.2],
    // PERT: mean (a + 4m + b)/6 = (0.8 + 3.6 + 1.3)/6 = 0.95
    [{ kind: 'pert', min: 0.8, mode: 0.9, max: 1.3 }, 0.95, 0],
  ];
  for (const [d, mean, sd] of cases) {
    const m = moments(d);
    close(m.mean, mean, 0.01, d.kind);
    close(distributionMean(d), mean, 1e-12, d.kind);
    if (sd > 0) close(m.sd, sd, 0.02, `${d.kind} sd`);
    if ('min' in d && d.min !== undefined) assert.ok(m.lo >= d.min && m.hi <= d.max!, d.kind);
  }
});

test('a truncated normal never leaves its bounds', () => {
  const m = moments({ kind: 'normal', mean: 1, sd: 0.5, min: 0.9, max: 1.1 }, 20000);
  assert.ok(m.lo >= 0.9 && m.hi <= 1.1);
  close(m.mean, 1, 0.005);
});

test('an impossible truncation is an error, not an endless loop', () => {
  assert.throws(() => sample({ kind: 'normal', mean: 0, sd: 1, min: 50, max: 51 }, Xoshiro128.fromSeed(1)), /no draw fell in \[50, 51\]/);
  throwsField(() => monteCarlo(0, [{ name: 'x', distribution: { kind: 'uniform', min: 0, max: 1 }, apply: (_b, v) => v }], (x) => ({ x }), { seed: -1 }), 'monteCarlo.seed', '-1', /integer/);
});
