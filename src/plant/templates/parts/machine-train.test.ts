import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NetworkBuilder } from '../doc.js';
import { MachineTrain, stageRatios } from './machine-train.js';

const PARAMS = { efficiency: 0.88, mechanicalEfficiency: 0.995, motorEfficiency: 0.97, pressureRatios: 'equal' as const };
const AMBIENT = { T: 293.15, p: 101325 };

test('equal stage ratios with a 2 % loss between stages reach the outlet pressure: r³ · 0.98² = 8', () => {
  const loss = (p: number) => 0.98 * p;
  const r = stageRatios(1e5, 8e5, 3, [[loss], [loss]], 'equal');
  const expected = Math.cbrt(8 / 0.98 ** 2);
  for (const x of r) assert.ok(Math.abs(x - expected) < 1e-12 * expected, `${r} against ${expected}`);
});

test('given stage ratios are kept and the last stage takes the rest', () => {
  const r = stageRatios(1e5, 12e5, 3, [[], []], [2, 3]);
  assert.deepEqual(r.slice(0, 2), [2, 3]);
  assert.ok(Math.abs(r[2] - 2) < 1e-12);
});

test('a compressor train adds its stages with what follows each, and its part-load lines and bus name every stage', () => {
  const d = new NetworkBuilder('t', 't', AMBIENT);
  const train = new MachineTrain('compressor', { ...PARAMS, stageEfficiencies: [0.8, 0.85] }, 2);
  const path = train.build(d, 2, (k) => [{ id: d.add('cooler', `IC${k}`, {}) }]);
  assert.deepEqual(path.map((n) => n.id), ['C1', 'IC1', 'C2', 'IC2']);
  assert.deepEqual(d.toDoc().components.C1, { type: 'compressor', eta_s: 0.8, eta_mech: 0.995, eta_el: 0.97, pr: 2 });
  assert.deepEqual(d.toDoc().components.C2, { type: 'compressor', eta_s: 0.85, eta_mech: 0.995, eta_el: 0.97 });
  assert.deepEqual(train.bus(5e6), { id: 'motors', members: ['C1', 'C2'], power: 5e6, sense: 'consumed' });
  assert.deepEqual(train.lines().map((l) => l.id), ['C1', 'C2']);
});

test('a turbine train puts the reheat before each stage and updates the ratio of every stage but the last', () => {
  const d = new NetworkBuilder('t', 't', AMBIENT);
  const train = new MachineTrain('turbine', { efficiency: 0.9, mechanicalEfficiency: 0.99, generatorEfficiency: 0.98, pressureRatios: 'equal' }, 3);
  const path = train.build(d, 0.5, (k) => [{ id: d.add('heater', `RH${k}`, {}) }]);
  assert.deepEqual(path.map((n) => n.id), ['RH1', 'T1', 'RH2', 'T2', 'RH3', 'T3']);
  const u = train.ratioUpdates(27e5, 1e5, []);
  assert.deepEqual(u.map((x) => ('component' in x ? x.component : '')), ['T1', 'T2']);
  for (const x of u) assert.ok(Math.abs(((x.set as { pr: number }).pr) - 1 / 3) < 1e-12, JSON.stringify(x));
});

test('per-stage lists of the wrong length are refused with the field', () => {
  assert.throws(() => new MachineTrain('compressor', { ...PARAMS, stageEfficiencies: [0.8] }, 2).check('t', 'compression'), /compression\.stageEfficiencies/);
  assert.throws(() => new MachineTrain('compressor', { ...PARAMS, pressureRatios: [2, 2] }, 2).check('t', 'compression'), /compression\.pressureRatios/);
});
