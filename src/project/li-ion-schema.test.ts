import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LiIonParametersSchema, liIonParameters } from './li-ion-schema.js';

test('li-ion parameters with units parse to SI, with the policy and defaults', () => {
  const r = LiIonParametersSchema.safeParse({ cell: 'lfp-280ah', power: '100 MW', duration: '4 h', socMin: '5 %', policy: { replacement: '80 %' }, unitCost: '500 yuan/kWh', thermal: { coolingSetpoint: '30 degC' } });
  assert.ok(r.success, JSON.stringify(r.error?.issues));
  const p = liIonParameters(r.data);
  assert.equal(p.power, 100e6);
  assert.equal(p.duration, 4 * 3600);
  assert.equal(p.socMin, 0.05);
  assert.equal(p.socMax, 0.95);
  assert.deepEqual(p.policy, { kind: 'replacement', threshold: 0.8 });
  assert.ok(Math.abs(p.unitCost - 0.5 / 3600) < 1e-15);
  assert.ok(Math.abs(p.thermal!.coolingSetpoint! - 303.15) < 1e-9);
  assert.equal(p.years, 20);
});

test('li-ion parameters refuse both energy and duration, an unknown field and an unknown cell, naming the path', () => {
  const both = LiIonParametersSchema.safeParse({ cell: 'lfp-280ah', power: '100 MW', energy: '400 MWh', duration: '4 h' });
  assert.ok(!both.success && both.error.issues[0].path.join('.') === 'energy');
  const extra = LiIonParametersSchema.safeParse({ cell: 'lfp-280ah', power: '100 MW', duration: '4 h', colour: 'red' });
  assert.ok(!extra.success && extra.error.issues.some((i) => i.code === 'unrecognized_keys'));
  const cell = LiIonParametersSchema.safeParse({ cell: 'lfp-999', power: '100 MW', duration: '4 h' });
  assert.ok(!cell.success && cell.error.issues[0].path.join('.') === 'cell');
});
