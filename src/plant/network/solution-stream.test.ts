import { test } from 'node:test';
import assert from 'node:assert/strict';
import { solveExample } from '../validation/helpers.js';

test('one stream read by id or by label is the row of the whole table, and its mass flow the same number', () => {
  const s = solveExample('tespy-acaes-2stage-charge');
  const single = s.stream('s2');
  const byLabel = s.stream(single.label);
  const table = s.streams();
  const k = table.findIndex((r) => r.id === 's2');
  assert.ok(k >= 0);
  assert.equal(table[k], single, 'the table holds the row built for the single read');
  assert.equal(table.find((r) => r.id === single.label || r.label === single.label), byLabel);
  for (const r of table) assert.equal(s.massFlow(r.id), r.m);
  assert.throws(() => s.stream('no-such'), /no stream "no-such"; streams: s1, /);
  assert.throws(() => s.massFlow('no-such'), /no stream "no-such"/);
});

test('a stream read alone gives the same row and warnings as the whole table read first', () => {
  const a = solveExample('tespy-acaes-2stage-charge');
  const b = solveExample('tespy-acaes-2stage-charge');
  const oilFirst = a.stream('s11');
  const whole = b.streams();
  assert.deepEqual(oilFirst, whole.find((r) => r.id === 's11'));
  assert.deepEqual(a.streams(), whole);
  assert.deepEqual(a.warnings(), b.warnings());
});
