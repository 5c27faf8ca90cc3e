import { test } from 'node:test';
import assert from 'node:assert/strict';
import { z } from 'zod';
import { inputIssueOf, inRange, quantity, rangeText } from './schema.js';

test('a quantity is read in SI from a string with units or a bare SI number', () => {
  assert.equal(quantity('pressure').parse('70 bar'), 70e5);
  assert.equal(quantity('pressure').parse(7e6), 7e6);
  assert.equal(quantity('temperature').parse('25 degC'), 298.15);
  assert.equal(quantity('fraction').parse('88 %'), 0.88);
});

test('a value outside the range is an issue carrying the value as written and the range in display units', () => {
  const schema = z.object({ storage: z.object({ p: quantity('pressure', { min: 1e5, max: 200e5 }) }) });
  const r = schema.safeParse({ storage: { p: '250 bar' } });
  assert.equal(r.success, false);
  if (r.success) return;
  assert.deepEqual(inputIssueOf(r.error.issues[0]), {
    field: 'storage.p',
    value: '250 bar',
    valid: '1 bar ≤ x ≤ 200 bar',
    message: '"250 bar" is outside the valid range 1 bar ≤ x ≤ 200 bar',
  });
});

test('a unit of the wrong kind is an issue naming the unit, at the field', () => {
  const r = z.object({ m: quantity('massFlow') }).safeParse({ m: '100 bar' });
  assert.equal(r.success, false);
  if (r.success) return;
  const issue = inputIssueOf(r.error.issues[0]);
  assert.equal(issue.field, 'm');
  assert.match(issue.message, /"bar" is not a unit of mass flow/);
});

test('open and closed ends are kept apart, and NaN is never inside', () => {
  assert.equal(inRange(0, { min: 0, minOpen: true }), false);
  assert.equal(inRange(0, { min: 0 }), true);
  assert.equal(inRange(Number.NaN, {}), false);
  assert.equal(rangeText('fraction', { min: 0, max: 1, minOpen: true }, 'eta'), '0 % < eta ≤ 100 %');
});
