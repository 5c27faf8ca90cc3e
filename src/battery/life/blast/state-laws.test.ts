import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exponentialRelaxIncrement, powerLawBIncrement, powerLawIncrement, sigmoidIncrement } from './state-laws.js';

/** Steps a state law n times over dx under constant stress. */
function integrate(inc: (y: number, dx: number) => number, y0: number, dx: number, n: number): number {
  let y = y0;
  for (let i = 0; i < n; i++) y += inc(y, dx);
  return y;
}

test('under constant stress the power-law state follows its trajectory k x^p (to first order in the step)', () => {
  const k = 0.01;
  const p = 0.5;
  const y = integrate((y, dx) => powerLawIncrement(y, dx, k, p), 0, 1, 400);
  // the derivative form lags the trajectory by O(dx/x): within 0.5 % after 400 steps
  assert.ok(Math.abs(y / (k * 400 ** p) - 1) < 5e-3, String(y / (k * 20)));
  assert.equal(powerLawIncrement(0, 4, k, p), k * 2, 'the first step is the trajectory itself');
  assert.equal(powerLawIncrement(0.3, 0, k, p), 0, 'no step, no change');
});

test('the power-B state follows (k x)^p and the exponential relaxation approaches y∞ without passing it', () => {
  const y = integrate((y, dx) => powerLawBIncrement(y, dx, 2e-3, 1.1), 0, 1, 500);
  assert.ok(Math.abs(y / (2e-3 * 500) ** 1.1 - 1) < 5e-3, String(y));
  assert.equal(exponentialRelaxIncrement(1.2, 1, 1, 0.1), 0, 'beyond y∞ the state holds');
  assert.ok(exponentialRelaxIncrement(0.5, 1, 1, 0.1) > 0);
});

test('the sigmoid state rises towards y∞ and holds at or beyond it (where the published formula gives NaN)', () => {
  const y = integrate((y, dx) => sigmoidIncrement(y, dx, 0.05, 0.01, 1.4), 1e-10, 1, 2000);
  assert.ok(y > 0.049 && y <= 0.05, String(y));
  assert.equal(sigmoidIncrement(0.06, 1, 0.05, 0.01, 1.4), 0);
  assert.equal(sigmoidIncrement(0.05, 1, 0.05, 0.01, 1.4), 0);
});
