import { test } from 'node:test';
import assert from 'node:assert/strict';
import { seededRng } from './rng.js';
import { polynomialMutation, sbx } from './variation.js';

test('SBX children stay in bounds and overlap the parents’ span, variable by variable', () => {
  const rng = seededRng(4);
  const lower = [0, -5];
  const upper = [1, 5];
  for (let k = 0; k < 2000; k++) {
    const a = [rng.nextFloat(), -5 + 10 * rng.nextFloat()];
    const b = [rng.nextFloat(), -5 + 10 * rng.nextFloat()];
    const [c1, c2] = sbx(a, b, lower, upper, 15, rng);
    for (let i = 0; i < 2; i++) {
      assert.ok(c1[i] >= lower[i] && c1[i] <= upper[i] && c2[i] >= lower[i] && c2[i] <= upper[i]);
      // Bounded SBX spreads each child away from the parents' midpoint: one child on each side of it.
      const mid = (a[i] + b[i]) / 2;
      assert.ok(Math.min(c1[i], c2[i]) <= mid && Math.max(c1[i], c2[i]) >= mid);
    }
  }
});

test('polynomial mutation with probability 1 moves every variable and keeps it in bounds', () => {
  const rng = seededRng(8);
  let moved = 0;
  for (let k = 0; k < 1000; k++) {
    const x = [0, 0.5, 1];
    polynomialMutation(x, [0, 0, 0], [1, 1, 1], 20, 1, rng);
    for (const v of x) assert.ok(v >= 0 && v <= 1);
    if (x[1] !== 0.5) moved++;
  }
  assert.equal(moved, 1000);
});
