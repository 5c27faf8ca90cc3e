import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hypervolume } from './hypervolume.js';
import { near, throwsField } from './testing.js';

test('the 2-D hypervolume of a staircase is the sum of its rectangles', () => {
  // ref (4, 4); points (1, 3), (2, 2), (3, 1): 3·1 + 2·1 + 1·1 = 6; a dominated point (3, 3) and one outside add nothing
  assert.equal(hypervolume([[3, 1], [1, 3], [2, 2], [3, 3], [5, 0]], [4, 4]), 6);
  assert.equal(hypervolume([], [1, 1]), 0);
});

test('the 3-D hypervolume counts overlapping boxes once', () => {
  // boxes from (0,0,0) and (1,1,−1) to (2,2,2): 8 + 3·1·1·… = 8 + (1·1·3) − overlap (1·1·2) = 9
  assert.equal(hypervolume([[0, 0, 0]], [2, 2, 2]), 8);
  near(hypervolume([[0, 0, 0], [1, 1, -1]], [2, 2, 2]), 9, 1e-15, 'two boxes');
  // inclusion–exclusion for (0, 1, 1), (1, 0, 1), (1, 1, 0) in the unit box to (2, 2, 2): 3·2 − 3·1 + 1 = 4
  near(hypervolume([[0, 1, 1], [1, 0, 1], [1, 1, 0]], [2, 2, 2]), 4, 1e-15, 'three boxes');
});

test('the hypervolume of a fine sampling of the ZDT1 and ZDT2 fronts approaches their integrals', () => {
  // True fronts: ZDT1 f2 = 1 − √f1, ZDT2 f2 = 1 − f1², f1 ∈ [0, 1]; reference (1.1, 1.1):
  // HV = 1.1² − ∫₀¹ f2 df1 = 1.21 − 1/3 = 0.876667 (ZDT1) and 1.21 − 2/3 = 0.543333 (ZDT2).
  const n = 100001;
  const f1 = Array.from({ length: n }, (_, i) => i / (n - 1));
  near(hypervolume(f1.map((x) => [x, 1 - Math.sqrt(x)]), [1.1, 1.1]), 1.21 - 1 / 3, 1e-5, 'ZDT1');
  near(hypervolume(f1.map((x) => [x, 1 - x * x]), [1.1, 1.1]), 1.21 - 2 / 3, 1e-5, 'ZDT2');
});

test('points whose length does not match the reference are refused', () => {
  throwsField(() => hypervolume([[1, 2, 3]], [4, 4]), 'points[0]', /2 objective values/);
  throwsField(() => hypervolume([[1, 2, 3, 4]], [4, 4, 4, 4]), 'reference', /2 or 3 objectives/);
});
