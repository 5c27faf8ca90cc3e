import { test } from 'node:test';
import assert from 'node:assert/strict';
import { distributionMean, sample, SplitMix64, Xoshiro128, type Distribution } from './random.js';
import { close, throwsField } from './testing.js';

test('xoshiro128** reproduces the reference sequence from state {1, 2, 3, 4}', () => {
  // Expected values: rust-random/rngs, rand_xoshiro/src/xoshiro128starstar.rs, test "reference", produced with the
  // reference implementation xoshiro128starstar.c v1.1 (prng.di.unimi.it)
  const expected = [11520, 0, 5927040, 70819200, 2031721883, 1637235492, 1287239034, 3734860849, 3729100597, 4258142804];
  const g = new Xoshiro128(1, 2, 3, 4);
  assert.deepEqual(expected.map(() => g.nextUint32()), expected);
});

test('SplitMix64 reproduces its published sequences', () => {
  // seed 1234567: Rosetta Code "Pseudo-random numbers/Splitmix64" (first five outputs)
  const a = new SplitMix64(1234567n);
  assert.deepEqual(
    [a.next(), a.next(), a.next(), a.next(), a.next()],
    [6457827717110365317n, 3203168211198807973n, 9817491932198370423n, 4593380528125082431n, 16408922859458223821n],
  );
  // seed 0: first output 0xe220a8397b1dcdaf (splitmix64.c)
  assert.equal(new SplitMix64(0n).next(), 0xe220a8397b1dcdafn);
});

test('a seed fills the state with the low and high halves of two SplitMix64 outputs', () => {
  // seed 0 → 0xe220a8397b1dcdaf, 0x6e789e6aa1b965f4 → words 0x7b1dcdaf, 0xe220a839, 0xa1b965f4, 0x6e789e6a
  const a = Xoshiro128.fromSeed(0);
  const b = new Xoshiro128(0x7b1dcdaf, 0xe220a839, 0xa1b965f4, 0x6e789e6a);
  for (let i = 0; i < 8; i++) assert.equal(a.nextUint32(), b.nextUint32());
});

test('doubles are in [0, 1) and use 53 bits', () => {
  const g = Xoshiro128.fromSeed(7);
  let min = 1;
  let max = 0;
  for (let i = 0; i < 100000; i++) {
    const u = g.nextFloat();
    min = Math.min(min, u);
    max = Math.max(max, u);
  }
  assert.ok(min >= 0 && min < 1e-3 && max < 1 && max > 1 - 1e-3, `${min} ${max}`);
});

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
  throwsField(() => Xoshiro128.fromSeed(-1), 'seed', '-1', /integer/);
});
