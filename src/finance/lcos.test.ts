import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluateProject, type ProjectFinanceInputs } from './cashflow.js';
import { SECONDS_PER_YEAR } from './conventions.js';
import { lcosLazard, lcosNominalReal, lcosSchmidt, type SchmidtInputs } from './lcos.js';
import { irr } from './money.js';
import { close, throwsField } from './testing.js';

const MWh = 3.6e9;
const perMWh = (x: number) => x * MWh;

/**
 * Schmidt et al. (2019) worked example, by hand.
 *
 * 10 MW / 40 MWh; capex 1000 yuan/kW + 1000 yuan/kWh = 10e6 + 40e6 = 50e6 at t = 0; construction T_c = 1 year.
 * 300 cycles/yr at 90 % DoD: E_dis,1 = 300 × 0.9 × 40 = 10 800 MWh; calendar loss 1 %/yr → 10 692, 10 585.08 MWh.
 * N = min(3 years, ⌊10 000 / 300⌋ = 33) = 3.
 * O&M 20 yuan/(kW yr) × 10 000 kW = 200 000/yr + 10 yuan/MWh × E_dis = 108 000, 106 920, 105 850.8.
 * Charging 200 yuan/MWh × E_dis / 0.9 = 2 400 000, 2 376 000, 2 352 240.
 * Yearly cost 2 708 000, 2 682 920, 2 658 090.8 at t = 2, 3, 4; EoL 1 000 000 at t = N + 1 + T_c = 5; r = 8 %.
 *   PV costs  = 2 708 000/1.1664 + 2 682 920/1.259712 + 2 658 090.8/1.36048896
 *             = 2 321 673.525 + 2 129 788.396 + 1 953 776.089 = 6 405 238.011
 *   PV EoL    = 1 000 000/1.4693280768 = 680 583.197
 *   PV energy = 10 800/1.1664 + 10 692/1.259712 + 10 585.08/1.36048896 = 9 259.259 + 8 487.654 + 7 780.350 = 25 527.263 MWh
 *   LCOS      = (50 000 000 + 6 405 238.011 + 680 583.197) / 25 527.263 = 2 236.2687 yuan/MWh
 *   of which capex 50 000 000 / 25 527.263 = 1 958.6902 yuan/MWh
 */
const schmidt: SchmidtInputs = {
  powerRated: 10e6,
  energyRated: 40 * MWh,
  capexPerPower: 1000 / 1000,
  capexPerEnergy: 1000 / 3.6e6,
  omPerPowerTime: 20 / 1000 / SECONDS_PER_YEAR,
  omPerEnergy: 10 / MWh,
  replacementPerPower: 0,
  replacementPerEnergy: 0,
  replacementInterval: 0,
  roundTripEfficiency: 0.9,
  depthOfDischarge: 0.9,
  cyclesPerYear: 300,
  lifetimeYears: 3,
  cycleLife: 10000,
  cycleDegradation: 0,
  timeDegradation: 0.01,
  constructionYears: 1,
  endOfLifeCost: 1e6,
  chargingPrice: 200 / MWh,
  discountRate: 0.08,
};

test('Schmidt LCOS of the worked example matches the hand calculation', () => {
  const r = lcosSchmidt(schmidt);
  assert.equal(r.lifetimeYears, 3);
  close(perMWh(r.value), (50e6 + 6405238.010898669 + 680583.1970337529) / 25527.263374485592, 1e-12);
  close(perMWh(r.value), 2236.2687, 1e-7);
  close(perMWh(r.components.capital), 1958.6902, 1e-7);
  close(r.value, r.components.capital + r.components.operating + r.components.charging + r.components.endOfLife, 1e-14);
});

test('cycle life shortens the Schmidt lifetime and replacements add to the capital stream', () => {
  // 900 cycles of life at 300 a year → N = 3 even with a 20-year shelf life
  assert.equal(lcosSchmidt({ ...schmidt, lifetimeYears: 20, cycleLife: 900 }).lifetimeYears, 3);
  // a replacement every 2 years, only while n < N: once, at n = 2 (t = 3): + 1e6 / 1.259712 / 25 527.263 MWh
  const withRepl = lcosSchmidt({ ...schmidt, replacementPerPower: 0.1, replacementInterval: 2 });
  close(perMWh(withRepl.value - lcosSchmidt(schmidt).value), 1e6 / 1.259712 / 25527.263374485592, 1e-10);
});

test('SAM-style LCOS discounts energy at the real rate for the real figure', () => {
  // capital 100 at t = 0, 10 MWh at t = 1; nominal 10 %, inflation 10 % → real rate 0
  // nominal LCOS = 100 / (10/1.1) = 11 per MWh; real LCOS = 100 / 10 = 10 per MWh
  const z = () => new Float64Array(2);
  const s = { capital: Float64Array.of(100, 0), operating: z(), charging: z(), endOfLife: z(), energyDischarged: Float64Array.of(0, 10 * MWh) };
  const r = lcosNominalReal(s, 0.1, 0.1);
  close(r.realRate, 0, 1e-15, '', 1e-12);
  close(perMWh(r.nominal.value), 11, 1e-14);
  close(perMWh(r.real.value), 10, 1e-14);
});

/** A project with no tax, no VAT and no debt: equity cash flow = pre-tax project cash flow. */
const untaxed = {
  incomeTaxRate: 0,
  vatRate: 0,
  capexInputVatRate: 0,
  chargingInputVatRate: 0,
  surchargeRates: { urbanMaintenance: 0, education: 0, localEducation: 0 },
};

test('Lazard LCOS of a one-year untaxed project is solvable by hand', () => {
  // −1000 at t = 0, 10 MWh sold at t = 1 at price p: NPV at 10 % = −1000 + 10p/1.1 = 0 → p = 110 yuan/MWh
  const p: ProjectFinanceInputs = {
    constructionYears: 0,
    operatingYears: 1,
    discountRate: 0.1,
    capex: { total: 1000, schedule: [1] },
    ratedPower: 0,
    operation: { energyDischarged: [10 * MWh], chargingCost: [0], revenues: [] },
    om: { fixed: 0, variable: 0 },
    tax: untaxed,
  };
  const r = lcosLazard(p, { targetEquityIrr: 0.1 });
  assert.ok(r.ok);
  close(perMWh(r.value.price), 110, 1e-12);
});

test('untaxed and unlevered, the Lazard price equals the Schmidt LCOS at r = target IRR', () => {
  // the Schmidt example as a project: same time line (C = 1, EoL the year after), costs and energies
  const op = lcosSchmidt(schmidt);
  const E = [10800, 10692, 10585.08].map((e) => e * MWh);
  const p: ProjectFinanceInputs = {
    constructionYears: 1,
    operatingYears: 3,
    discountRate: 0.08,
    capex: { total: 50e6, schedule: [1] },
    ratedPower: 10e6,
    operation: { energyDischarged: E, chargingCost: E.map((e) => (200 / MWh) * (e / 0.9)), revenues: [] },
    om: { fixed: 20 / 1000 / SECONDS_PER_YEAR, variable: 10 / MWh },
    endOfLife: { decommissioningCost: 1e6, timing: 'yearAfter' },
    tax: untaxed,
  };
  close(evaluateProject(p).summary.lcos!.value, op.value, 1e-12);
  const r = lcosLazard(p, { targetEquityIrr: 0.08 });
  assert.ok(r.ok);
  close(r.value.price, op.value, 1e-10);
  close(perMWh(r.value.price), 2236.2687, 1e-7);
});

/** A 20-year 100 MW / 400 MWh project with China defaults and 70 % debt. */
function chinaProject(): ProjectFinanceInputs {
  const N = 20;
  const E = Array.from({ length: N }, (_, n) => 330 * 0.9 * 400 * MWh * Math.pow(0.985, n));
  return {
    constructionYears: 1,
    operatingYears: N,
    discountRate: 0.07,
    capex: { total: 275e6, schedule: [1] },
    ratedPower: 100e6,
    operation: { energyDischarged: E, chargingCost: E.map((e) => (250 / MWh) * (e / 0.85)), revenues: [{ name: 'capacity', amounts: new Array(N).fill(10e6) }] },
    om: { fixed: 30 / 1000 / SECONDS_PER_YEAR, variable: 5 / MWh, escalation: 0.02 },
    replacements: [{ operatingYear: 10, cost: 80e6 }],
    endOfLife: { decommissioningCost: 5e6, salvageValue: 10e6 },
    tax: {},
    debt: { fraction: 0.7, rate: 0.035, tenorYears: 15, graceYears: 1, repayment: 'annuity', constructionInterest: 'capitalise' },
  };
}

test('plugging the Lazard price back in gives exactly the target equity IRR', () => {
  for (const basis of ['nominal', 'real'] as const) {
    const r = lcosLazard(chinaProject(), { targetEquityIrr: 0.1, basis, inflation: 0.02 });
    assert.ok(r.ok, r.ok ? '' : r.reason);
    // the replacement year makes the equity cash flows change sign 3 times, yet NPV has one root in range
    const check = irr(r.value.project.table.equityCashFlow);
    assert.ok(check.ok);
    close(check.value, 0.1, 1e-9, `${basis} equity IRR`);
    // other revenues are dropped: Lazard's LCOS is the only revenue
    assert.equal(r.value.project.table.revenue[2], r.value.price * (basis === 'real' ? 1.02 ** 2 : 1) * chinaProject().operation.energyDischarged[0]);
  }
});

test('with zero inflation the real Lazard price equals the nominal one', () => {
  const a = lcosLazard(chinaProject(), { targetEquityIrr: 0.1, basis: 'nominal' });
  const b = lcosLazard(chinaProject(), { targetEquityIrr: 0.1, basis: 'real', inflation: 0 });
  assert.ok(a.ok && b.ok);
  close(a.value.price, b.value.price, 1e-12);
});

test('bad LCOS inputs name the field and range', () => {
  throwsField(() => lcosSchmidt({ ...schmidt, roundTripEfficiency: 1.2 }), 'schmidt.roundTripEfficiency', '1.2', /\(0, 1\]/);
  throwsField(() => lcosSchmidt({ ...schmidt, cycleLife: 100 }), 'schmidt.cycleLife', '100', /300/);
  throwsField(() => lcosLazard(chinaProject(), { targetEquityIrr: 12 }), 'lazard.targetEquityIrr', '12', /\[-0.5, 10\]/);
  throwsField(() => lcosLazard(chinaProject(), { basis: 'levelised' as 'real' }), 'lazard.basis', 'levelised', /nominal/);
});
