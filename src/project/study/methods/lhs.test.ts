import { test } from 'node:test';
import assert from 'node:assert/strict';
import { latinHypercube, minimumDistance } from './lhs.js';
import { throwsField } from './testing.js';

/** Each column has exactly one point in each stratum [k/n, (k+1)/n). */
function assertStratified(points: number[][]): void {
  const n = points.length;
  for (let k = 0; k < points[0].length; k++) {
    const strata = points.map((p) => Math.floor(p[k] * n)).sort((a, b) => a - b);
    assert.deepEqual(strata, Array.from({ length: n }, (_, i) => i), `column ${k}`);
  }
}

test('every column of a Latin hypercube has exactly one point per stratum', () => {
  assertStratified(latinHypercube(50, 7, { seed: 1 }));
  assertStratified(latinHypercube(13, 3, { seed: 2, centred: true }));
});

test('centred points sit at the middles of their strata', () => {
  for (const p of latinHypercube(8, 2, { seed: 5, centred: true })) for (const x of p) assert.equal((x * 8) % 1, 0.5);
});

test('the maximin improvement keeps the strata and widens the smallest gap between points', () => {
  const plain = latinHypercube(40, 4, { seed: 9 });
  const improved = latinHypercube(40, 4, { seed: 9, maximin: { iterations: 20000 } });
  assertStratified(improved);
  const before = minimumDistance(plain);
  const after = minimumDistance(improved);
  // Measured: 0.161 → 0.424 (seed 9); the best of 200 plain 40-point designs in 4-D (seeds 0…199) reaches 0.238.
  assert.ok(after > 2 * before && after > 0.3, `${before} → ${after}`);
});

test('the same seed gives the same design bit for bit, another seed another design', () => {
  const o = { seed: 42, maximin: { iterations: 500 } };
  assert.deepEqual(latinHypercube(20, 5, o), latinHypercube(20, 5, o));
  assert.notDeepEqual(latinHypercube(20, 5, { seed: 42 }), latinHypercube(20, 5, { seed: 43 }));
});

test('a negative point count or a fractional seed is refused by name', () => {
  throwsField(() => latinHypercube(-1, 2, { seed: 1 }), 'n', /integer/);
  throwsField(() => latinHypercube(4, 2, { seed: 1.5 }), 'seed', /integer/);
});
