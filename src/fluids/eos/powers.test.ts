import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PowerTable } from './powers.js';

test('the power table equals Math.pow for integer, negative, eighth and other fractional exponents', () => {
  const exponents = [0, 1, 2, 3, 28, 50, -1, -3, -0.5, 0.125, 0.375, 0.75, 0.875, 1.5, 4.5, 25.75, 0.33, 1.01, 2.807, 0, 28];
  const table = new PowerTable(exponents);
  for (const x of [0.3, 0.97, 1, 1.03, 2.4]) {
    table.update(x);
    exponents.forEach((e, i) => {
      const want = Math.pow(x, e);
      const got = table.table[table.slot[i]];
      assert.ok(Math.abs(got - want) <= 4e-15 * want, `x = ${x}, e = ${e}: ${got} vs Math.pow ${want}`);
    });
  }
});
