import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normalCdf, skewNormalShape } from './normal.js';

// Φ(x) to 15 digits from tables of the normal distribution (Abramowitz & Stegun 26.2; also scipy.stats.norm.cdf).
const PHI: [number, number][] = [
  [0, 0.5],
  [1, 0.841344746068543],
  [-1, 0.158655253931457],
  [2, 0.977249868051821],
  [-3, 0.00134989803163009],
  [3.5, 0.999767370920964],
  [-5, 2.86651571879194e-7],
];

test('the standard normal cumulative distribution matches tabulated values to 1e-13 relative', () => {
  for (const [x, v] of PHI) assert.ok(Math.abs(normalCdf(x) - v) / v < 1e-13, `Φ(${x}) = ${normalCdf(x)}, table ${v}`);
});

test('the skew-normal shape is the normal density ×2 at zero skew and integrates to the width', () => {
  assert.ok(Math.abs(skewNormalShape(0.5, 0, 1) - 2 * 0.3989422804014327 * 0.5) < 1e-15);
  let integral = 0;
  for (let x = -10; x < 10; x += 1e-3) integral += skewNormalShape(x, -3.8, 1.16) * 1e-3;
  assert.ok(Math.abs(integral - 1.16) < 1e-6, String(integral));
});
