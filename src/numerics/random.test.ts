import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SplitMix64, Xoshiro128, shuffled } from './random.js';

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

test('a bad seed or an all-zero state is refused by name and range', () => {
  assert.throws(() => Xoshiro128.fromSeed(-1), /seed = -1 is not valid; valid: an integer in \[0, 2\^53\)/);
  assert.throws(() => Xoshiro128.fromSeed(0.5), /seed = 0.5 is not valid/);
  assert.throws(() => new Xoshiro128(0, 0, 0, 0), /not all zero/);
});

test('a shuffled copy holds every item once and leaves the original alone', () => {
  const items = Array.from({ length: 50 }, (_, i) => i);
  const s = shuffled(Xoshiro128.fromSeed(3), items);
  assert.deepEqual([...s].sort((a, b) => a - b), items);
  assert.notDeepEqual(s, items);
  assert.deepEqual(items, Array.from({ length: 50 }, (_, i) => i));
});
