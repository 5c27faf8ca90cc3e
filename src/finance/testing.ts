/** Assertion helpers shared by the finance tests. */
import assert from 'node:assert/strict';
import { FinanceInputError } from './check.js';

/** |a − b| ≤ tol · max(|a|, |b|, floor). */
export function close(actual: number, expected: number, tol = 1e-12, what = '', floor = 1): void {
  const scale = Math.max(Math.abs(actual), Math.abs(expected), floor);
  assert.ok(Math.abs(actual - expected) <= tol * scale, `${what} ${actual} != ${expected} (tol ${tol})`);
}

/** Asserts that fn throws a FinanceInputError naming this field, showing the value and stating a range. */
export function throwsField(fn: () => unknown, field: string, value: RegExp | string, range: RegExp): void {
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof FinanceInputError, `expected FinanceInputError, got ${String(e)}`);
    assert.equal(e.field, field);
    assert.ok(e.message.startsWith(field), e.message);
    assert.match(e.message, typeof value === 'string' ? new RegExp(value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) : value);
    assert.match(e.range, range);
    return true;
  });
}
