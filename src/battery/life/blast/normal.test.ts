import { test } from 'node:test';
import assert from 'node:assert/strict';
import { skewNormalShape } from './normal.js';

test('the skew-normal shape is the normal density ×2 at zero skew and integrates to the width', () => {
  assert.ok(Math.abs(skewNormalShape(0.5, 0, 1) - 2 * 0.3989422804014327 * 0.5) < 1e-15);
  let integral = 0;
  for (let x = -10; x < 10; x += 1e-3) integral += skewNormalShape(x, -3.8, 1.16) * 1e-3;
  assert.ok(Math.abs(integral - 1.16) < 1e-6, String(integral));
});
