/**
 * Issue 12, item 3 ("inputs silently ignored or misread") and item 4's "a plant that rightly does nothing": every
 * market input has an effect or an error. Each test failed on main before the change.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hourlyPricesCsv, THREE_LEVELS } from './testing.js';
import { evaluate, parseProjectText, readFromMap, ProjectError, type ProjectEvaluation } from './index.js';

const MWH = 3.6e9;
const DAYS = 365;

function project(market: string, extra = ''): string {
  return `
name: market test
${market}
plants:
  - name: battery
    performance: { power: 10 MW, energy: 40 MWh, roundTripEfficiency: 81 % }
    finance:
      discountRate: 8 %
      operatingYears: 10 years
      capex: { items: [ { kind: perEnergy, name: system, energy: 40 MWh, unitCost: 500 yuan/kWh } ] }
${extra}`;
}

async function run(text: string, files: Record<string, string>): Promise<ProjectEvaluation> {
  const p = parseProjectText(text, 'test.yaml', readFromMap(files));
  return evaluate(p.spec, { readText: p.readText });
}

const close = (a: number, b: number, rtol = 1e-6) => assert.ok(Math.abs(a - b) <= rtol * Math.abs(b), `${a} vs ${b}`);

test('a charging surcharge steers the dispatch and is paid on every MWh drawn (it was parsed and never used)', async () => {
  const files = { 'p.csv': hourlyPricesCsv(2025, THREE_LEVELS) };
  const e = await run(project('market: { year: 2025, prices: p.csv, chargingSurcharge: 150 yuan/MWh }'), files);
  const plant = e.plants[0];
  // With 150 on top, energy drawn at 300 costs 450 and returns 0.81 × 500 = 405: no longer worth it. Each day the
  // plant draws 40 MWh at 100 (+150), stores 36 MWh and delivers 32.4 MWh at 500.
  close(plant.dispatch.charged / MWH, DAYS * 40);
  close(plant.dispatch.discharged / MWH, DAYS * 32.4);
  // revenue at the true prices; the margin in the money pays the surcharge too
  close(plant.dispatch.revenue, DAYS * (32.4 * 500 - 40 * 100));
  close(plant.finance.revenuePerYear.arbitrage, DAYS * (32.4 * 500 - 40 * 250));
});

test('a capacity charge (a negative capacity payment) lowers the NPV by its present value after tax', async () => {
  const files = { 'p.csv': hourlyPricesCsv(2025, THREE_LEVELS) };
  const base = await run(project('market: { year: 2025, prices: p.csv }'), files);
  const charged = await run(project('market: { year: 2025, prices: p.csv, capacityPayment: -20 yuan/(kW yr) }'), files);
  const perYear = -20 * 1e4; // 20 yuan/kW-yr on 10 MW
  close(charged.plants[0].finance.revenuePerYear.capacity, perYear, 1e-9);
  // a cost of 200,000 yuan a year for 10 years at 8 %, deductible against the 25 % income tax: the after-tax NPV
  // falls by 75 % of its present value; its output VAT (13 %) only shifts when the capex VAT credit is used up (±1 %)
  const pv = (200_000 * (1 - 1.08 ** -10)) / 0.08;
  const delta = base.plants[0].finance.npvProjectAfterTax - charged.plants[0].finance.npvProjectAfterTax;
  assert.ok(Math.abs(delta / pv - 0.75) < 0.01, `NPV falls by ${delta}, 75 % of the charge's PV is ${0.75 * pv}`);
});

test('an ancillary reserve is held back from arbitrage, and a reserve above the plant power is refused', async () => {
  const files = { 'p.csv': hourlyPricesCsv(2025, THREE_LEVELS) };
  const e = await run(project('market: { year: 2025, prices: p.csv, ancillary: { power: 4 MW, rate: 50 yuan/(kW yr) } }'), files);
  const s = e.plants[0].schedule;
  assert.equal(Math.max(...s.discharge), 6e6);
  close(e.plants[0].finance.revenuePerYear.ancillary, 4000 * 50, 1e-9);
  await assert.rejects(
    () => run(project('market: { year: 2025, prices: p.csv, ancillary: { power: 200 MW, rate: 50 yuan/(kW yr) } }'), files),
    (err: unknown) => err instanceof ProjectError && err.field === 'market.ancillary.power' && /200 MW/.test(err.message) && /less than .* 10 MW/.test(err.message),
  );
});

test('an ambient temperature below absolute zero, or no site on Earth, is refused with the valid range', () => {
  for (const t of ['-300 degC', '90 degC']) {
    assert.throws(
      () => parseProjectText(project('market: { year: 2025, tariff: { henan2024: { basePrice: 0.38 yuan/kWh } } }').replace('name: market test', `name: x\nsite: { ambientTemperature: ${t} }`)),
      (err: unknown) => /site\.ambientTemperature/.test((err as Error).message) && /−60 °C ≤ x ≤ 60 °C/.test((err as Error).message),
    );
  }
});

test('a price file of another year, or running into the next year, is refused under market.year', async () => {
  const other = { 'p.csv': hourlyPricesCsv(2024, THREE_LEVELS) };
  await assert.rejects(() => run(project('market: { year: 2025, prices: p.csv }'), other), (err: unknown) => err instanceof ProjectError && err.field === 'market.prices' && /2024-01-01 00:00/.test(err.message) && /the year 2025/.test(err.message));
  const long = { 'p.csv': hourlyPricesCsv(2025, THREE_LEVELS, 8784) };
  await assert.rejects(() => run(project('market: { year: 2025, prices: p.csv }'), long), (err: unknown) => err instanceof ProjectError && /2026-01-02 00:00/.test(err.message));
});

test('a price file in yuan/kWh is refused when read as yuan/MWh, and read right with priceUnit', async () => {
  const perKwh = { 'p.csv': hourlyPricesCsv(2025, (h) => THREE_LEVELS(h) / 1000) };
  await assert.rejects(
    () => run(project('market: { year: 2025, prices: p.csv }'), perKwh),
    (err: unknown) => err instanceof ProjectError && err.field === 'market.prices' && /median price of 0\.3 yuan\/MWh/.test(err.message) && /priceUnit/.test(err.message),
  );
  const kwh = await run(project('market: { year: 2025, prices: p.csv, priceUnit: yuan/kWh }'), perKwh);
  const mwh = await run(project('market: { year: 2025, prices: p.csv }'), { 'p.csv': hourlyPricesCsv(2025, THREE_LEVELS) });
  close(kwh.plants[0].dispatch.revenue, mwh.plants[0].dispatch.revenue, 1e-9);
});

test('at constant prices the plant rightly does nothing, and the results say the LCOS is undefined instead of aborting', async () => {
  const e = await run(project('market: { year: 2025, prices: p.csv }'), { 'p.csv': hourlyPricesCsv(2025, () => 300) });
  const f = e.plants[0].finance;
  assert.equal(e.plants[0].dispatch.discharged, 0);
  assert.equal(f.lcosSchmidt, null);
  assert.equal(f.lcosLazard, null);
  assert.match(f.lcosNote ?? '', /discharges no energy/);
  // the money still counts: the capex is lost (20 M), nothing is earned
  assert.ok(f.npvProjectAfterTax < -15e6);
});
