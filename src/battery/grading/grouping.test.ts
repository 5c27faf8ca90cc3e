/**
 * The balanced k-means on small cases worked by hand, and findpeaks' peak rules.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { localMaxima } from './dv-vector.js';
import { balancedKMeans } from './grouping.js';
import { shuffled, Xoshiro128 } from '../../numerics/random.js';

test('three separated clusters of four points come back as the three modules of four, whatever the seed', () => {
  const centres = [[0, 0], [10, 0], [0, 10]];
  const random = Xoshiro128.fromSeed(7);
  const points = shuffled(random, centres.flatMap(([x, y], k) => [[x, y], [x + 1, y], [x, y + 1], [x + 1, y + 1]].map((p) => ({ k, p: Float64Array.from(p) }))));
  for (const seed of [1, 2, 3]) {
    const g = balancedKMeans(points.map((x) => x.p), { size: 4, seed, restarts: 3, maxIterations: 50 });
    assert.equal(g.groups, 3);
    for (let k = 0; k < 3; k++) {
      const groups = new Set(points.flatMap((x, i) => (x.k === k ? [g.group[i]] : [])));
      assert.equal(groups.size, 1, `cluster ${k} split over ${[...groups]}`);
    }
    assert.ok(Math.abs(g.cost - 3 * 4 * 0.5) < 1e-12); // each point 0.5² + 0.5² from its square's centre
  }
});

test('equal sizes are enforced: six near points and two far ones in modules of four put the two nearest of the six with the far pair', () => {
  // six points near 0 and two near 100, modules of 4: the two far points need two near ones beside them
  const points = [0, 0.1, 0.2, 0.3, 0.4, 0.5, 100, 100.1].map((x) => Float64Array.of(x));
  const g = balancedKMeans(points, { size: 4, seed: 1, restarts: 5, maxIterations: 50 });
  const sizes = [0, 1].map((k) => Array.from(g.group).filter((x) => x === k).length);
  assert.deepEqual(sizes, [4, 4]);
  assert.equal(g.group[6], g.group[7]);
  // the two near points that join the far pair are the two nearest to it (0.4 and 0.5)
  assert.deepEqual([4, 5].map((i) => g.group[i]), [g.group[6], g.group[6]]);
});

test('cells beyond a multiple of the module size are spares (group −1), the farthest from every module', () => {
  const points = [0, 0.1, 0.2, 0.3, 0.4, 50].map((x) => Float64Array.of(x));
  const g = balancedKMeans(points, { size: 5, seed: 1, restarts: 2, maxIterations: 20 });
  assert.deepEqual(Array.from(g.group), [0, 0, 0, 0, 0, -1]);
});

test('local maxima follow findpeaks: ends excluded, a flat top once at its first sample, a rising plateau not a peak', () => {
  assert.deepEqual(localMaxima([3, 1, 2, 1, 5]), [2]);
  assert.deepEqual(localMaxima([0, 2, 2, 2, 1, 3, 3]), [1]);
  assert.deepEqual(localMaxima([0, 1, 1, 2, 0]), [3]);
});
