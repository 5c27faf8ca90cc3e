import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ProjectFinanceInputs } from './cashflow.js';
import { SECONDS_PER_YEAR } from './conventions.js';
import { financeMonteCarlo, financeTornado, type KnobDistribution } from './knobs.js';
import { monteCarlo, percentile } from './montecarlo.js';
import { close, throwsField } from './testing.js';

const MWh = 3.6e9;

test('percentiles interpolate linearly between order statistics', () => {
  // (n − 1)p = 0.3 → 1 + 0.3 × (2 − 1) = 1.3; p = 0.5 → 2.5
  close(percentile([1, 2, 3, 4], 0.1), 1.3, 1e-15);
  close(percentile([1, 2, 3, 4], 0.5), 2.5, 1e-15);
  assert.equal(percentile([7], 0.9), 7);
});

test('a uniform input passed straight through gives the uniform percentiles', () => {
  const r = monteCarlo(0, [{ name: 'x', distribution: { kind: 'uniform', min: 0, max: 1 }, apply: (_b, v) => v }], (x) => ({ x }), { draws: 100000, seed: 3 });
  const m = r.metrics.x;
  // P10, P50, P90 of U(0, 1) are 0.1, 0.5, 0.9; standard error ≈ 0.0016, tolerance 0.005 absolute
  close(m.p10!, 0.1, 0.005);
  close(m.p50!, 0.5, 0.005);
  close(m.p90!, 0.9, 0.005);
  assert.equal(m.count, 100000);
});

function project(): ProjectFinanceInputs {
  const N = 15;
  const E = new Array(N).fill(330 * 0.9 * 400 * MWh);
  return {
    constructionYears: 1,
    operatingYears: N,
    discountRate: 0.07,
    capex: { total: 260e6, schedule: [1] },
    ratedPower: 100e6,
    operation: {
      energyDischarged: E,
      chargingCost: E.map((e) => (250 / MWh) * (e / 0.85)),
      revenues: [{ name: 'energy', amounts: E.map((e) => (700 / MWh) * e) }],
    },
    om: { fixed: 30 / 1000 / SECONDS_PER_YEAR, variable: 5 / MWh },
    debt: { fraction: 0.7, rate: 0.04, tenorYears: 12, graceYears: 0, repayment: 'annuity', constructionInterest: 'capitalise' },
  };
}

const uncertain: KnobDistribution[] = [
  { knob: 'capexMultiplier', distribution: { kind: 'triangular', min: 0.9, mode: 1, max: 1.25 } },
  { knob: 'revenueMultiplier', distribution: { kind: 'pert', min: 0.7, mode: 1, max: 1.1 } },
  { knob: 'chargingCostMultiplier', distribution: { kind: 'normal', mean: 1, sd: 0.1, min: 0.5, max: 1.5 } },
];

test('the same seed reproduces a finance Monte Carlo exactly, another seed does not', () => {
  const progress: number[] = [];
  const a = financeMonteCarlo(project(), uncertain, { draws: 500, seed: 2024, onProgress: (done, total) => progress.push(done / total) });
  const b = financeMonteCarlo(project(), uncertain, { draws: 500, seed: 2024 });
  const c = financeMonteCarlo(project(), uncertain, { draws: 500, seed: 2025 });
  assert.deepEqual(a, b);
  assert.notEqual(a.metrics.npv.p50, c.metrics.npv.p50);
  assert.notEqual(a.metrics.lcos.p50, c.metrics.lcos.p50);
  // P10 ≤ P50 ≤ P90 for NPV, IRRs and LCOS
  for (const name of ['npv', 'projectIrr', 'equityIrr', 'lcos']) {
    const m = a.metrics[name];
    assert.ok(m.p10! <= m.p50! && m.p50! <= m.p90!, name);
  }
  // progress: about a hundred calls, increasing, ending at (500, 500)
  assert.equal(progress.length, 100);
  assert.equal(progress.at(-1), 1);
  assert.ok(progress.every((p, i) => i === 0 || p > progress[i - 1]));
});

test('a sampled value outside a knob range names the knob and the range', () => {
  throwsField(
    () => financeMonteCarlo(project(), [{ knob: 'capexMultiplier', distribution: { kind: 'normal', mean: 0, sd: 1 } }], { draws: 50, seed: 1 }),
    'monteCarlo.variables[0] (sampled value)',
    /-?\d/,
    /\[0, 100\]/,
  );
  throwsField(
    () => financeMonteCarlo(project(), [{ knob: 'capexMultiplier', distribution: { kind: 'triangular', min: 1, mode: 0.5, max: 2 } }]),
    'monteCarlo.variables[0].distribution.mode',
    '0.5',
    /\[1, 2\]/,
  );
});

test('a finance tornado puts the revenue before the O&M', () => {
  const t = financeTornado(
    project(),
    [
      { knob: 'omMultiplier', low: 0.8, high: 1.2 },
      { knob: 'revenueMultiplier', low: 0.8, high: 1.2 },
      { knob: 'capexMultiplier', low: 0.8, high: 1.2 },
    ],
    'npv',
  );
  assert.deepEqual(t.bars.map((b) => b.name), ['revenueMultiplier', 'capexMultiplier', 'omMultiplier']);
  assert.ok(t.bars[0].metricAtHigh! > t.base! && t.base! > t.bars[0].metricAtLow!);
});
