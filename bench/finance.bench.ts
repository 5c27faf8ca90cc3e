/**
 * Finance benchmarks: a 25-year cash-flow evaluation, a Lazard LCOS solve and a 10 000-draw Monte Carlo.
 * Prints figures only; never fails.
 */
import { performance } from 'node:perf_hooks';
import { evaluateProject, financeMonteCarlo, lcosLazard, SECONDS_PER_YEAR, type ProjectFinanceInputs } from '../src/finance/index.js';

const MWh = 3.6e9;

function project(): ProjectFinanceInputs {
  const N = 25;
  const E = Array.from({ length: N }, (_, n) => 330 * 0.9 * 400 * MWh * Math.pow(0.985, n));
  return {
    constructionYears: 1,
    operatingYears: N,
    discountRate: 0.07,
    capex: { total: 275e6, schedule: [1] },
    ratedPower: 100e6,
    operation: {
      energyDischarged: E,
      chargingCost: E.map((e) => (250 / MWh) * (e / 0.85)),
      revenues: [
        { name: 'energy', amounts: E.map((e) => (700 / MWh) * e) },
        { name: 'capacity', amounts: new Array(N).fill(10e6) },
      ],
    },
    om: { fixed: 30 / 1000 / SECONDS_PER_YEAR, variable: 5 / MWh, escalation: 0.02 },
    replacements: [{ operatingYear: 12, cost: 80e6 }],
    endOfLife: { decommissioningCost: 5e6, salvageValue: 10e6 },
    debt: { fraction: 0.7, rate: 0.035, tenorYears: 15, graceYears: 1, repayment: 'annuity', constructionInterest: 'capitalise' },
  };
}

function time(label: string, repeats: number, fn: () => void): void {
  fn(); // warm-up
  const t0 = performance.now();
  for (let i = 0; i < repeats; i++) fn();
  const ms = (performance.now() - t0) / repeats;
  console.log(`${label.padEnd(52)} ${ms < 1 ? `${(ms * 1000).toFixed(1)} µs` : `${ms.toFixed(1)} ms`}  (mean of ${repeats})`);
}

export async function run(): Promise<void> {
  const p = project();
  console.log('finance');
  time('25-year cash flow with NPV, 3 IRRs, DSCR, LCOS', 2000, () => void evaluateProject(p));
  time('Lazard LCOS solve (25 years, China tax, 70 % debt)', 50, () => void lcosLazard(p, { targetEquityIrr: 0.1 }));
  time('Monte Carlo, 10 000 draws, 3 inputs, 6 metrics', 1, () =>
    void financeMonteCarlo(
      p,
      [
        { knob: 'capexMultiplier', distribution: { kind: 'triangular', min: 0.9, mode: 1, max: 1.25 } },
        { knob: 'revenueMultiplier', distribution: { kind: 'pert', min: 0.7, mode: 1, max: 1.1 } },
        { knob: 'chargingCostMultiplier', distribution: { kind: 'normal', mean: 1, sd: 0.1, min: 0.5, max: 1.5 } },
      ],
      { draws: 10000, seed: 1 },
    ),
  );
}
