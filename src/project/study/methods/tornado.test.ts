import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tornadoBars, tornadoDesign } from './tornado.js';
import { throwsField } from './testing.js';

test('a tornado moves one parameter at a time to its low and high value around the base case', () => {
  assert.deepEqual(tornadoDesign([1, 10], [0, 8], [2, 15]), [
    [1, 10],
    [0, 10],
    [2, 10],
    [1, 8],
    [1, 15],
  ]);
});

test('bars are sorted by swing, largest first, with the outputs at each end', () => {
  // f = 3x + y: x 0→2 swings 6, y 8→15 swings 7
  const rows = tornadoDesign([1, 10], [0, 8], [2, 15]);
  const r = tornadoBars(rows.map(([x, y]) => 3 * x + y), ['x', 'y']);
  assert.equal(r.base, 13);
  assert.deepEqual(r.bars, [
    { index: 1, name: 'y', low: 11, high: 18, swing: 7 },
    { index: 0, name: 'x', low: 10, high: 16, swing: 6 },
  ]);
});

test('mismatched lengths are refused by name', () => {
  throwsField(() => tornadoDesign([1, 2], [0], [3, 4]), 'low', /2 values/);
  throwsField(() => tornadoBars([1, 2], ['a']), 'outputs', /3 outputs/);
});
