import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RunProgress, runProgress, STAGE_SHARES } from './progress.js';

test('the stages tile one plant’s run from 0 to 1 without gaps or overlaps', () => {
  const spans = Object.values(STAGE_SHARES);
  assert.equal(spans[0][0], 0);
  assert.equal(spans[spans.length - 1][1], 1);
  for (let k = 1; k < spans.length; k++) assert.equal(spans[k][0], spans[k - 1][1]);
});

test('the run progress climbs through the stages of each plant, counts earlier plants whole and ends at 1', () => {
  const seq = Object.keys(STAGE_SHARES).map((stage) => runProgress(1, 2, { stage, done: 1, total: 1 }));
  assert.deepEqual(seq, [...seq].sort((a, b) => a - b));
  assert.equal(runProgress(1, 2, { stage: 'plant model', done: 0, total: 1 }), 0.5);
  assert.equal(seq[seq.length - 1], 1);
  // half-way through the dispatch of the first of four plants: (0.4 + 0.35/2)/4
  assert.ok(Math.abs(runProgress(0, 4, { stage: 'dispatch', done: 5, total: 10 }) - 0.14375) < 1e-15);
});

test('with plants overlapping, a late stage of the first plant after the second began moves the bar on, never back', () => {
  const p = new RunProgress(2);
  const a = p.update(0, { stage: 'dispatch', done: 0, total: 1 }); // first plant: 0.4 of its run
  const b = p.update(1, { stage: 'plant cycle', done: 1, total: 1 }); // second plant begun: 0.4 of its run
  const c = p.update(0, { stage: 'replay', done: 1, total: 1 }); // the first plant's replay arrives late
  const d = p.update(0, { stage: 'plant model', done: 0, total: 1 }); // an earlier stage repeated: no step back
  assert.deepEqual([a, b, c, d], [0.2, 0.4, (0.85 + 0.4) / 2, (0.85 + 0.4) / 2]);
  assert.equal(p.finish(0), (1 + 0.4) / 2);
  assert.equal(p.finish(1), 1);
});
