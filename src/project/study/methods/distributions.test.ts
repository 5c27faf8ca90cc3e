import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkStudyDistribution, fromUnit, valuesFromUnit, type StudyDistribution } from './distributions.js';
import { unitLevels } from './grid.js';
import { near, throwsField } from './testing.js';

test('a uniform maps u linearly onto its range', () => {
  const d: StudyDistribution = { kind: 'uniform', min: 2, max: 6 };
  assert.deepEqual([0, 0.25, 1].map((u) => fromUnit(d, u)), [2, 3, 6]);
});

test('a triangular puts its mode at u = (mode − min)/(max − min) and its median where the areas split', () => {
  const d: StudyDistribution = { kind: 'triangular', min: 0, mode: 1, max: 4 };
  near(fromUnit(d, 0.25), 1, 1e-15, 'mode');
  // median m of T(0, 1, 4): (4 − m)² / (4 · 3) = 1/2 → m = 4 − √6
  near(fromUnit(d, 0.5), 4 - Math.sqrt(6), 1e-15, 'median');
});

test('a normal maps u through the standard normal quantile', () => {
  const d: StudyDistribution = { kind: 'normal', mean: 10, sd: 2 };
  near(fromUnit(d, 0.975), 10 + 2 * 1.959963984540054, 1e-13, 'P97.5');
  assert.equal(fromUnit(d, 0.5), 10);
});

test('a truncated normal stays in its range with the truncated quantiles, also far in a tail', () => {
  const d: StudyDistribution = { kind: 'normal', mean: 0, sd: 1, min: 0 };
  // Half-normal: median = Φ⁻¹(0.75) = 0.6744897501960817
  near(fromUnit(d, 0.5), 0.6744897501960817, 1e-14, 'half-normal median');
  assert.equal(fromUnit(d, 0), 0);
  // Truncated to [8, 9] (mass 6e-16): a naive Φ(8) + u (Φ(9) − Φ(8)) loses every digit. The median m solves
  // Q(m) = (Q(8) + Q(9))/2 with Q the survival function; Q(8) = 6.220960574271784e-16, Q(9) = 1.128588405953840e-19.
  const far: StudyDistribution = { kind: 'normal', mean: 0, sd: 1, min: 8, max: 9 };
  const m = fromUnit(far, 0.5);
  assert.ok(m > 8 && m < 9);
  // Mills ratio check: Q(m) ≈ φ(m)/m (1 − 1/m² + 3/m⁴) to 1e-4 at m ≈ 8
  const q = (Math.exp(-m * m / 2) / Math.sqrt(2 * Math.PI) / m) * (1 - 1 / m ** 2 + 3 / m ** 4 - 15 / m ** 6);
  near(q / ((6.220960574271784e-16 + 1.12858840595384e-19) / 2), 1, 1e-4, 'Q(median) / mid-mass');
  assert.equal(fromUnit(far, 1), 9);
});

test('a lognormal given the mean and sd of the variable has its median at mean/√(1 + cv²)', () => {
  const d: StudyDistribution = { kind: 'lognormal', mean: 100, sd: 30 };
  near(fromUnit(d, 0.5), 100 / Math.sqrt(1 + 0.09), 1e-12, 'median');
});

test('a discrete distribution returns each value for its share of the unit interval', () => {
  const d: StudyDistribution = { kind: 'discrete', values: [1, 2, 3], weights: [1, 0, 3] };
  assert.deepEqual([0, 0.2, 0.2499, 0.25, 0.9, 1].map((u) => fromUnit(d, u)), [1, 1, 1, 3, 3, 3]);
  assert.deepEqual([0, 0.34, 0.67, 1].map((u) => fromUnit({ kind: 'discrete', values: [5, 6, 7] }, u)), [5, 6, 7, 7]);
});

test('a full-factorial level count equal to a discrete parameter’s value count visits each value once', () => {
  // level j of L sits at u = j/(L − 1); with equal weights value k covers [k/L, (k + 1)/L)
  for (const L of [2, 3, 5, 8]) {
    const values = Array.from({ length: L }, (_, k) => 10 * k);
    assert.deepEqual(unitLevels(L).map((u) => fromUnit({ kind: 'discrete', values }, u)), values, `L = ${L}`);
  }
});

test('a design row is mapped column by column', () => {
  const ds: StudyDistribution[] = [{ kind: 'uniform', min: 0, max: 10 }, { kind: 'discrete', values: [4, 8] }];
  assert.deepEqual(valuesFromUnit([0.3, 0.7], ds), [3, 8]);
});

test('bad parameters and probabilities are refused, naming the field', () => {
  throwsField(() => checkStudyDistribution({ kind: 'discrete', values: [1, 2], weights: [1] }, 'p.distribution'), 'p.distribution.weights', /2 weights/);
  throwsField(() => checkStudyDistribution({ kind: 'discrete', values: [1], weights: [-1] }, 'x'), 'x.weights[0]', /\[0, ∞\)/);
  throwsField(() => checkStudyDistribution({ kind: 'normal', mean: 0, sd: 1, min: 40, max: 41 }, 'x'), 'x', /truncation range/);
  throwsField(() => checkStudyDistribution({ kind: 'pert', min: 0, mode: 1, max: 2 } as never, 'x'), 'x.kind', /"discrete"/);
  assert.throws(() => checkStudyDistribution({ kind: 'uniform', min: 3, max: 1 }, 'x'), /x\.max = 1 is not valid/);
  throwsField(() => fromUnit({ kind: 'normal', mean: 0, sd: 1 }, 0, 'row[2]'), 'row[2]', /\(0, 1\)/);
  throwsField(() => fromUnit({ kind: 'uniform', min: 0, max: 1 }, 1.5), 'u', /\[0, 1\]/);
});
