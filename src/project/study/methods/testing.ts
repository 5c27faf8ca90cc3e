/** Assertion helpers shared by the study-method tests. */
import assert from 'node:assert/strict';
import { ProjectError } from '../../errors.js';

/** |actual − expected| ≤ tol. */
export function near(actual: number, expected: number, tol: number, what = ''): void {
  assert.ok(Math.abs(actual - expected) <= tol, `${what} ${actual} differs from ${expected} by more than ${tol}`);
}

/** Asserts that fn throws a ProjectError naming this field and the valid range. */
export function throwsField(fn: () => unknown, field: string, valid: RegExp): void {
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof ProjectError, `expected ProjectError, got ${String(e)}`);
    assert.equal(e.field, field);
    assert.match(e.message, valid);
    return true;
  });
}
