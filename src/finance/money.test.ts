import { test } from 'node:test';
import assert from 'node:assert/strict';
import { annuityPayment, irr, npv, payback } from './money.js';
import { close, throwsField } from './testing.js';

test('npv discounts each year-end cash flow by (1 + r)^t', () => {
  // −100 + 60/1.1 + 60/1.21 = −100 + 54.545454… + 49.586776… = 4.132231404958…
  close(npv(0.1, [-100, 60, 60]), -100 + 60 / 1.1 + 60 / 1.21, 1e-15);
  close(npv(0.1, [-100, 60, 60]), 4.132231404958678, 1e-13);
  assert.equal(npv(0, [-100, 60, 60]), 20);
});

function irrValue(cf: number[], options = {}): number {
  const r = irr(cf, options);
  assert.ok(r.ok, r.ok ? '' : r.reason);
  return r.value;
}

test('irr matches closed-form hand solutions', () => {
  // −100 + 110/(1+r) = 0 → r = 0.1;  −100 + 121/(1+r)² = 0 → r = 0.1
  close(irrValue([-100, 110]), 0.1, 1e-14);
  close(irrValue([-100, 0, 121]), 0.1, 1e-14);
  // −100 + 60x + 60x² = 0 with x = 1/(1+r), i.e. 100(1+r)² − 60(1+r) − 60 = 0 → 1 + r = (60 + √27600)/200
  const r = irr([-100, 60, 60]);
  assert.ok(r.ok);
  close(r.value, (60 + Math.sqrt(27600)) / 200 - 1, 1e-13);
  assert.equal(r.signChanges, 1);
});

test('irr says there is no IRR when the cash flows never change sign', () => {
  const r = irr([100, 50, 20]);
  assert.equal(r.ok, false);
  assert.match(r.ok ? '' : r.reason, /never change sign/);
  const z = irr([0, 0, 0]);
  assert.match(z.ok ? '' : z.reason, /every cash flow is zero/);
});

test('irr reports both roots of a two-sign-change project and refuses to pick one by default', () => {
  // −100 + 230x − 132x² = 0 has x = 1/1.1 and 1/1.2: IRRs of 10 % and 20 %
  const r = irr([-100, 230, -132]);
  assert.equal(r.ok, false);
  assert.equal(r.signChanges, 2);
  assert.equal(r.roots.length, 2);
  close(r.roots[0], 0.1, 1e-12);
  close(r.roots[1], 0.2, 1e-12);
  assert.match(r.ok ? '' : r.reason, /multiple IRRs/);
  const pick = irr([-100, 230, -132], { select: 'closestToGuess', guess: 0.18 });
  assert.ok(pick.ok);
  close(pick.value, 0.2, 1e-12);
});

test('irr says on which side of the search range a lone root lies', () => {
  // −100 + 0.5/(1+r) = 0 → r = −0.995, below the default lower bound −0.99
  const below = irr([-100, 0.5]);
  assert.match(below.ok ? '' : below.reason, /below the search range/);
  // −1 + 100/(1+r) = 0 → r = 99, above the default upper bound 10
  const above = irr([-1, 100]);
  assert.match(above.ok ? '' : above.reason, /above the search range/);
  close(irrValue([-1, 100], { upper: 200 }), 99, 1e-12);
});

test('payback interpolates inside the year the cumulative cash flow turns positive', () => {
  // cumulative −100, −70, −30, +20: crosses in year 3 → 2 + 30/50 = 2.6
  const simple = payback([-100, 30, 40, 50, 60]);
  assert.ok(simple.reached);
  close(simple.years, 2.6, 1e-14);
  // at 10 %: −100 + 27.2727 + 33.0579 + 37.5657 = −2.1037 after year 3; year 4 adds 60/1.4641 = 40.9808
  // → 3 + 2.1037/40.9808 = 3.0513
  const disc = payback([-100, 30, 40, 50, 60], 0.1);
  assert.ok(disc.reached);
  const left = 100 - 30 / 1.1 - 40 / 1.21 - 50 / 1.331;
  close(disc.years, 3 + left / (60 / 1.4641), 1e-13);
  close(disc.years, 3.0513, 1e-4);
  const never = payback([-100, 10, 10]);
  assert.equal(never.reached, false);
});

test('annuityPayment repays the principal exactly', () => {
  // 1000 · 0.1 / (1 − 1.1^−2) = 100 / 0.173553719 = 576.190476…
  const a = annuityPayment(1000, 0.1, 2);
  close(a, 576.1904761904761, 1e-14);
  close(a / 1.1 + a / 1.21, 1000, 1e-14);
  assert.equal(annuityPayment(1000, 0, 4), 250);
});

test('bad arguments name the field, the value and the valid range', () => {
  throwsField(() => npv(-1.5, [1, 2]), 'rate', '-1.5', /\(-1, ∞\)/);
  throwsField(() => npv(0.1, [1, Number.NaN]), 'cashFlows[1]', 'NaN', /finite/);
  throwsField(() => irr([-1, 2], { upper: -0.995 }), 'irr.upper', '-0.995', /\(-0.99, ∞\)/);
  throwsField(() => annuityPayment(100, 0.05, 2.5), 'years', '2.5', /integer/);
});
