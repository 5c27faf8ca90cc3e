import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cartesianProduct, fullFactorial, unitLevels } from './grid.js';
import { throwsField } from './testing.js';

test('a full-factorial grid crosses every level of every parameter, the last one fastest', () => {
  assert.deepEqual(fullFactorial([2, 3]), [
    [0, 0], [0, 0.5], [0, 1],
    [1, 0], [1, 0.5], [1, 1],
  ]);
});

test('a single level sits at the middle of the range', () => {
  assert.deepEqual(unitLevels(1), [0.5]);
  assert.deepEqual(fullFactorial([1, 2]), [[0.5, 0], [0.5, 1]]);
});

test('explicit value lists are crossed in the order given', () => {
  assert.deepEqual(cartesianProduct([[10, 20], [1]]), [[10, 1], [20, 1]]);
  assert.equal(cartesianProduct([[1, 2, 3], [4, 5], [6, 7, 8, 9]]).length, 24);
});

test('a level count that is not a positive integer is refused by name', () => {
  throwsField(() => fullFactorial([3, 0]), 'levels[1]', /an integer in \[1, ∞\]/);
  throwsField(() => cartesianProduct([[1], []]), 'values[1]', /non-empty/);
});
