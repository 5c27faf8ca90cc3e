import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Xoshiro128 } from '../../../numerics/random.js';
import { randomPermutation, seededRng } from './rng.js';
import { throwsField } from './testing.js';

test('the study generator is the project’s xoshiro128** stream for the same seed', () => {
  const a = seededRng(2024);
  const b = Xoshiro128.fromSeed(2024);
  for (let i = 0; i < 5; i++) assert.equal(a.nextFloat(), b.nextFloat());
});

test('a random permutation holds every index once', () => {
  const p = randomPermutation(seededRng(1), 100);
  assert.deepEqual([...p].sort((x, y) => x - y), Array.from({ length: 100 }, (_, i) => i));
  assert.notDeepEqual(p, Array.from({ length: 100 }, (_, i) => i));
});

test('a negative or fractional seed is refused by name', () => {
  throwsField(() => seededRng(-1), 'seed', /integer/);
  throwsField(() => seededRng(0.5, 'design.seed'), 'design.seed', /integer/);
});
