import { test } from 'node:test';
import assert from 'node:assert/strict';
import { replayVerdict } from './replay-verdict.js';
import type { ScheduleData } from './types.js';

const base = { startMs: 0, stepSeconds: 3600, utcOffsetMinutes: 480, energyCapacity: 4e8 * 3600, price: [0, 0, 0, 0], energy: [0, 0, 0, 0] };

test('a plant that realises every scheduled power follows the schedule in every hour', () => {
  const s: ScheduleData = { ...base, charge: [100e6, 0, 0, 0], discharge: [0, 0, 80e6, 0], plantCharge: [100e6, 0, 0, 0], plantDischarge: [0, 0, 80e6, 0] };
  const v = replayVerdict(s)!;
  assert.equal(v.runningSteps, 2);
  assert.equal(v.unfollowedSteps, 0);
  assert.equal(v.hourShare, 0);
  assert.equal(v.energyShare, 0);
});

test('hours and energy not followed are counted against the hours the plant is scheduled to run', () => {
  // scheduled: 100 MW charge, 80 MW discharge, 50 MW discharge; realised: all charge, 60 of 80, nothing of 50
  const s: ScheduleData = { ...base, charge: [100e6, 0, 0, 0], discharge: [0, 80e6, 50e6, 0], plantCharge: [100e6, 0, 0, 0], plantDischarge: [0, 60e6, 0, 0] };
  const v = replayVerdict(s)!;
  assert.equal(v.runningSteps, 3);
  assert.equal(v.unfollowedSteps, 2);
  assert.equal(v.hourShare, 2 / 3);
  assert.equal(v.scheduledEnergy, 230e6 * 3600);
  assert.equal(v.unfollowedEnergy, 70e6 * 3600);
  assert.ok(Math.abs(v.energyShare - 70 / 230) < 1e-15);
});

test('a realised power within a thousandth of the scheduled one counts as followed', () => {
  const s: ScheduleData = { ...base, charge: [100e6, 0, 0, 0], discharge: [0, 0, 0, 0], plantCharge: [100e6 * (1 - 5e-4), 0, 0, 0], plantDischarge: [0, 0, 0, 0] };
  assert.equal(replayVerdict(s)!.unfollowedSteps, 0);
});

test('a schedule without realised powers (a battery) has no verdict', () => {
  assert.equal(replayVerdict({ ...base, charge: [1, 0, 0, 0], discharge: [0, 1, 0, 0] }), undefined);
});
