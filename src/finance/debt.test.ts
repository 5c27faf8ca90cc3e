import { test } from 'node:test';
import assert from 'node:assert/strict';
import { debtSchedule, dscr, type DebtTerms } from './debt.js';
import { close, throwsField } from './testing.js';

const terms: DebtTerms = { fraction: 0.5, rate: 0.1, tenorYears: 2, graceYears: 1, repayment: 'annuity', constructionInterest: 'capitalise' };
// one construction year (C = 1), three operating years (t = 2, 3, 4), 1000 spent at t = 0
const spending = [1000, 0, 0, 0, 0, 0];

test('construction interest is capitalised, then an annuity repays after the grace year', () => {
  const d = debtSchedule(terms, spending, 1, 3);
  // t = 0: draw 500; t = 1: interest 10 % × 500 = 50 added → 550 at commissioning
  assert.deepEqual([...d.draw], [500, 0, 0, 0, 0, 0]);
  close(d.interestCapitalised[1], 50, 1e-15);
  close(d.amountAtCommissioning, 550, 1e-15);
  // n = 1 (t = 2): grace, interest only 55
  close(d.interest[2], 55, 1e-15);
  assert.equal(d.principal[2], 0);
  // n = 2, 3: payment 550 · 0.1 / (1 − 1.1^−2) = 316.9047619…; n = 2 interest 55, principal 261.9047619
  const pmt = 55 / (1 - 1 / 1.21);
  close(d.service[3], pmt, 1e-14);
  close(d.principal[3], pmt - 55, 1e-14);
  // n = 3: interest 10 % × 288.0952381 = 28.80952381, principal 288.0952381, balance 0
  close(d.interest[4], 0.1 * (550 - (pmt - 55)), 1e-14);
  close(d.service[4], pmt, 1e-13);
  assert.equal(d.balance[4], 0);
});

test('equal principal repays the same amount each year; equity can pay construction interest instead', () => {
  const d = debtSchedule({ ...terms, repayment: 'equalPrincipal', constructionInterest: 'payByEquity' }, spending, 1, 3);
  close(d.interestPaidByEquity[1], 50, 1e-15);
  close(d.amountAtCommissioning, 500, 1e-15);
  // principal 500/2 = 250 in n = 2, 3; interest 50, 50, 25
  assert.deepEqual([...d.principal], [0, 0, 0, 250, 250, 0]);
  assert.deepEqual([...d.interest].map((x) => Math.round(x * 1e9) / 1e9), [0, 0, 50, 50, 25, 0]);
});

test('DSCR is CFADS over debt service, null where nothing is due', () => {
  const r = dscr([0, 0, 110, 120, 150], [0, 0, 100, 100, 100]);
  assert.deepEqual(r.byYear, [null, null, 1.1, 1.2, 1.5]);
  assert.deepEqual(r.min, { value: 1.1, year: 2 });
});

test('DSCRs equal to round-off report the first of them as the minimum’s year, whichever is lowest in the last bit', () => {
  // a level annuity against a level CFADS: 1.3 in every year, computed through different roundings
  const cfads = [0, 0.1 * 7 * 13, 1.3 * 7, (0.7 + 0.6) * 7]; // 1.3000000000000003, 1.3, 1.2999999999999996
  const service = [0, 7, 7, 7];
  const r = dscr(cfads, service);
  assert.ok(new Set(r.byYear.filter((v) => v !== null)).size > 1, 'the ratios differ in their last bits');
  assert.equal(r.min!.year, 1);
  assert.equal(r.min!.value, Math.min(...(r.byYear.filter((v) => v !== null) as number[])));
  assert.deepEqual(dscr([0, 1.3, 1.2, 1.3], [0, 1, 1, 1]).min, { value: 1.2, year: 2 });
});

test('a tenor that outlasts the operating life is refused with the range', () => {
  throwsField(() => debtSchedule({ ...terms, tenorYears: 3 }, spending, 1, 3), 'debt.graceYears', '1', /\[0, 0\]/);
  throwsField(() => debtSchedule({ ...terms, tenorYears: 4 }, spending, 1, 3), 'debt.tenorYears', '4', /\[1, 3\]/);
  throwsField(() => debtSchedule({ ...terms, repayment: 'balloon' as 'annuity' }, spending, 1, 3), 'debt.repayment', 'balloon', /equalPrincipal/);
});
