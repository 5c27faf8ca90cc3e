import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tornado, sweep } from './sensitivity.js';

type In = { a: number; b: number; c: number };
const metric = (x: In) => 3 * x.a + x.b - 10 * x.c;
const set = (k: keyof In) => (base: In, v: number): In => ({ ...base, [k]: v });

test('a tornado sorts bars by swing and reports progress for every evaluation', () => {
  const calls: [number, number][] = [];
  const base = { a: 0.5, b: 0.5, c: 0.25 };
  const t = tornado(
    base,
    [
      { name: 'a', low: 0, high: 1, apply: set('a') }, // swing 3
      { name: 'b', low: 0, high: 1, apply: set('b') }, // swing 1
      { name: 'c', low: 0, high: 0.5, apply: set('c') }, // swing 10 × 0.5 = 5
    ],
    metric,
    (done, total) => calls.push([done, total]),
  );
  assert.equal(t.base, 1.5 + 0.5 - 2.5);
  assert.deepEqual(t.bars.map((b) => b.name), ['c', 'a', 'b']);
  assert.deepEqual(t.bars.map((b) => b.swing), [5, 3, 1]);
  assert.deepEqual(t.bars[0], { name: 'c', low: 0, high: 0.5, metricAtLow: 2, metricAtHigh: -3, swing: 5 });
  assert.deepEqual(calls, [1, 2, 3, 4, 5, 6, 7].map((d) => [d, 7]));
  assert.deepEqual(base, { a: 0.5, b: 0.5, c: 0.25 });
});

test('bars whose metric does not exist go last', () => {
  const t = tornado({ x: 1 }, [
    { name: 'undefined at low', low: -1, high: 2, apply: (_b, v) => ({ x: v }) },
    { name: 'fine', low: 1, high: 2, apply: (_b, v) => ({ x: v }) },
  ], (i) => (i.x > 0 ? Math.log(i.x) : undefined));
  assert.deepEqual(t.bars.map((b) => b.name), ['fine', 'undefined at low']);
  assert.equal(t.bars[1].swing, undefined);
});

test('a sweep evaluates the metric at each value with progress', () => {
  const seen: number[] = [];
  const out = sweep({ a: 0, b: 0, c: 0 }, set('a'), [0, 1, 2], metric, (d) => seen.push(d));
  assert.deepEqual(out, [0, 3, 6]);
  assert.deepEqual(seen, [1, 2, 3]);
});
