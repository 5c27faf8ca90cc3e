import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startUpOptions } from '../dispatch/feasible/envelope.js';
import { DispatchSchema } from './schema.js';

test('a dispatch section reads a start-up for both trains or each (the side its own winning) and a daily start limit', () => {
  const d = DispatchSchema.parse({ startUp: { time: '10 min', energy: '2 MWh', discharge: { time: '15 min' } }, dailyStartLimit: 2 });
  assert.deepEqual(startUpOptions(d.startUp!), { charge: { seconds: 600, energy: 2 * 3.6e9 }, discharge: { seconds: 900, energy: 2 * 3.6e9 } });
  assert.equal(d.dailyStartLimit, 2);
  assert.equal(DispatchSchema.safeParse({ startUp: { time: '-1 min' } }).success, false);
  assert.equal(DispatchSchema.safeParse({ startUp: { duration: '1 min' } }).success, false);
  assert.equal(DispatchSchema.safeParse({ dailyStartLimit: 1.5 }).success, false);
});
