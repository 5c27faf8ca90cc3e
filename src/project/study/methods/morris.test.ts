import { test } from 'node:test';
import assert from 'node:assert/strict';
import { morrisDesign, morrisIndices, morrisSpread } from './morris.js';
import { gFunction } from './test-problems.js';
import { throwsField } from './testing.js';

// Sobol's G-function with a = [0, 1, 4.5, 9, 99, 99, 99, 99]: V_i = 1/(3(1 + a_i)²), so the importance ordering is
// x1 > x2 > x3 > x4 > x5 … x8 (the last four negligible); Campolongo et al. (2007) use it for the same check.
const A = [0, 1, 4.5, 9, 99, 99, 99, 99];
const g = (u: readonly number[]) => gFunction(u, A);

test('each trajectory moves one parameter at a time by ±Δ on the four-level grid', () => {
  const design = morrisDesign(5, { trajectories: 10, seed: 1 });
  assert.equal(design.delta, 2 / 3);
  assert.equal(design.points.length, 10 * 6);
  for (const p of design.points) for (const x of p) assert.ok([0, 1, 2, 3].some((k) => Math.abs(x - k / 3) < 1e-15), `${x} on the grid`);
  for (let t = 0; t < 10; t++) {
    const moved = new Set<number>();
    for (let k = 1; k <= 5; k++) {
      const a = design.points[t * 6 + k - 1];
      const b = design.points[t * 6 + k];
      const changed = a.map((x, i) => (x !== b[i] ? i : -1)).filter((i) => i >= 0);
      assert.equal(changed.length, 1);
      assert.ok(Math.abs(Math.abs(b[changed[0]] - a[changed[0]]) - 2 / 3) < 1e-15);
      moved.add(changed[0]);
    }
    assert.equal(moved.size, 5, 'every parameter moves once per trajectory');
  }
});

test('Morris μ* ranks the G-function inputs in their known order', () => {
  const design = morrisDesign(8, { trajectories: 40, seed: 3 });
  const r = morrisIndices(design, design.points.map(g), { seed: 1 });
  assert.deepEqual(r.ranking.slice(0, 4), [0, 1, 2, 3]);
  // On the 4-level grid |4u − 2| is 2 or 2/3 with probability 1/2 each, independently per parameter, and a step of
  // Δ = 2/3 swaps them, so |EE_i| = 2/(1 + a_i) · Π_{j≠i} g_j with g_j = (2 + a_j)/(1 + a_j) or (2/3 + a_j)/(1 + a_j):
  // E μ*_i = 2/(1 + a_i) Π E g_j and Var |EE_i| = (2/(1 + a_i))² (Π E g_j² − (Π E g_j)²). Tolerance: 3.5 standard errors
  // of the mean of r = 40 effects (for x5…x8 about 30 % of μ*, dominated by x1's factor).
  const r40 = 40;
  const mean1 = (a: number) => (4 / 3 + a) / (1 + a);
  const square1 = (a: number) => ((2 + a) ** 2 + (2 / 3 + a) ** 2) / 2 / (1 + a) ** 2;
  A.forEach((ai, i) => {
    const others = A.filter((_, j) => j !== i);
    const scale = 2 / (1 + ai);
    const expected = scale * others.reduce((p, a) => p * mean1(a), 1);
    const sd = scale * Math.sqrt(others.reduce((p, a) => p * square1(a), 1) - (expected / scale) ** 2);
    const tol = (3.5 * sd) / Math.sqrt(r40);
    assert.ok(Math.abs(r.muStar[i] - expected) < tol, `x${i + 1}: μ* = ${r.muStar[i]}, expected ${expected} ± ${tol}`);
  });
  // μ = ±μ* would mean a monotonic effect; the G-function's V shape makes signs cancel: |μ| well below μ* for x1
  assert.ok(Math.abs(r.mu[0]) < 0.5 * r.muStar[0]);
  assert.ok(r.muStarInterval[0].low > r.muStarInterval[1].high, 'x1 clearly ahead of x2');
});

test("Campolongo's selection keeps more spread trajectories and the same ranking", () => {
  const plain = morrisDesign(8, { trajectories: 10, seed: 5 });
  const improved = morrisDesign(8, { trajectories: 10, seed: 5, candidates: 60 });
  assert.ok(morrisSpread(improved) > morrisSpread(plain), `${morrisSpread(improved)} > ${morrisSpread(plain)}`);
  const r = morrisIndices(improved, improved.points.map(g));
  assert.deepEqual(r.ranking.slice(0, 4), [0, 1, 2, 3]);
});

test('the same seed gives the same design and indices bit for bit', () => {
  const a = morrisDesign(8, { trajectories: 6, seed: 9, candidates: 20 });
  const b = morrisDesign(8, { trajectories: 6, seed: 9, candidates: 20 });
  assert.deepEqual(a, b);
  assert.deepEqual(morrisIndices(a, a.points.map(g), { seed: 2 }), morrisIndices(b, b.points.map(g), { seed: 2 }));
});

test('an odd number of levels or too few candidates is refused by name', () => {
  throwsField(() => morrisDesign(3, { trajectories: 4, seed: 1, levels: 5 }), 'levels', /even/);
  throwsField(() => morrisDesign(3, { trajectories: 4, seed: 1, candidates: 4 }), 'candidates', /\[5, 1000\]/);
});
