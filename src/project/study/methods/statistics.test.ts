import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fromUnit } from './distributions.js';
import { latinHypercube } from './lhs.js';
import { exceedance, summarize } from './statistics.js';
import { near, throwsField } from './testing.js';

const VALUES = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3];

test('mean, sample standard deviation and P10/P50/P90 agree with a hand computation', () => {
  // sorted 1 1 2 3 3 4 5 5 6 9; mean 39/10; Σ(x − 3.9)² = 54.9, /9 = 6.1
  // type 7: h = 9p → P10: x[0.9] = 1 + 0.9·(1 − 1) = 1; P50: x[4.5] = 3 + 0.5·(4 − 3) = 3.5; P90: x[8.1] = 6 + 0.1·(9 − 6) = 6.3
  const s = summarize(VALUES);
  near(s.mean, 3.9, 1e-15, 'mean');
  near(s.std, Math.sqrt(6.1), 1e-15, 'std');
  assert.equal(s.min, 1);
  assert.equal(s.max, 9);
  assert.deepEqual(s.quantiles.map((q) => q.p), [0.1, 0.5, 0.9]);
  near(s.quantiles[0].value, 1, 1e-15, 'P10');
  near(s.quantiles[1].value, 3.5, 1e-15, 'P50');
  near(s.quantiles[2].value, 6.3, 1e-14, 'P90');
});

test('the probability of exceedance counts values strictly above the threshold, with the Wilson interval', () => {
  // 7 of 10 above 2; Wilson 95 %: centre (0.7 + z²/20)/(1 + z²/10), half-width z/(1 + z²/10)·√(0.021 + z²/400),
  // z = 1.959964 → [0.3968, 0.8922] (as tabulated, e.g. Newcombe, Stat. Med. 17 (1998) 857, method 3)
  const e = exceedance(VALUES, 2);
  assert.equal(e.exceeding, 7);
  assert.equal(e.probability, 0.7);
  near(e.low, 0.39677, 5e-5, 'low');
  near(e.high, 0.89221, 5e-5, 'high');
  const none = exceedance(VALUES, 9);
  assert.equal(none.probability, 0);
  assert.equal(none.low, 0);
  // 0 of 10: upper Wilson bound z²/(n + z²) = 3.8415/13.8415
  near(none.high, 3.841459 / 13.841459, 1e-6, 'high at zero');
});

test('P(X > 0) of a normal sampled through a Latin hypercube lands in its Wilson interval around Φ(μ/σ)', () => {
  // X ~ N(0.5, 1): P(X > 0) = Φ(0.5) = 0.6914624612740131
  const x = latinHypercube(4000, 1, { seed: 12 }).map(([u]) => fromUnit({ kind: 'normal', mean: 0.5, sd: 1 }, u));
  const e = exceedance(x, 0);
  assert.ok(e.low < 0.6914624612740131 && 0.6914624612740131 < e.high, `[${e.low}, ${e.high}]`);
  // the LHS stratification puts the share within one stratum (1/4000) of the exact value
  near(e.probability, 0.6914624612740131, 1 / 4000, 'P(X > 0)');
  const s = summarize(x);
  near(s.quantiles[1].value, 0.5, 1e-3, 'median');
});

test('empty or non-finite values are refused by name', () => {
  throwsField(() => summarize([]), 'values', /at least one value/);
  throwsField(() => exceedance([1, Number.POSITIVE_INFINITY], 0), 'values[1]', /finite/);
  throwsField(() => summarize([1, 2], { quantiles: [1.5] }), 'quantiles[0]', /\[0, 1\]/);
});
