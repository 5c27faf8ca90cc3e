import { test } from 'node:test';
import assert from 'node:assert/strict';
import { brent, safeNewton, compensatedSum, luFactor, luSolve, lobattoNodes, chebFit, chebEval } from './index.js';

test('brent finds the root of cos(x) - x to machine precision', () => {
  const r = brent((x) => Math.cos(x) - x, 0, 1);
  assert.ok(r.ok);
  assert.ok(Math.abs(r.value - 0.7390851332151607) < 1e-15, String(r.value));
});

test('brent reports a missing sign change instead of guessing', () => {
  const r = brent((x) => x * x + 1, -1, 1);
  assert.equal(r.ok, false);
  assert.match(!r.ok ? r.reason : '', /no sign change/);
});

test('safeNewton falls back to bisection where Newton would leave the bracket', () => {
  // atan has a Newton cycle from x0 = 1.5; the bracket keeps it convergent
  const r = safeNewton((x, out) => {
    out[0] = Math.atan(x);
    out[1] = 1 / (1 + x * x);
  }, 1.5, -10, 10);
  assert.ok(r.ok);
  assert.ok(Math.abs(r.value) < 1e-15);
});

test('compensated sum keeps what a naive sum loses', () => {
  const v = new Float64Array(10001);
  v[0] = 1e16;
  for (let i = 1; i < v.length; i++) v[i] = 1;
  assert.equal(compensatedSum(v), 1e16 + 10000);
});

test('LU solves a pivoting-sensitive system and reports singularity', () => {
  const a = new Float64Array([1e-20, 1, 1, 1]);
  const x = luSolve(luFactor(a, 2), new Float64Array([1, 2]));
  assert.ok(Math.abs(x[0] - 1) < 1e-15 && Math.abs(x[1] - 1) < 1e-15, String(x));
  const s = luFactor(new Float64Array([1, 2, 2, 4]), 2);
  assert.ok(s.minPivotRatio < 1e-15);
});

test('a Chebyshev fit reproduces exp on [0, 1] to round-off with degree 16', () => {
  const nodes = lobattoNodes(0, 1, 16);
  const c = chebFit(Array.from(nodes, Math.exp));
  for (let x = 0; x <= 1; x += 0.01) {
    const y = chebEval(c, 0, c.length, 0, 1, x);
    assert.ok(Math.abs(y - Math.exp(x)) < 1e-14 * Math.exp(x), `${x}: ${y}`);
  }
});
