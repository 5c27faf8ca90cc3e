import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hourlyPricesCsv } from './testing.js';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { evaluate, parseProjectText, ProjectFileError } from './index.js';
import { readRelativeTo, writeResults } from './node.js';

const MWH = 3.6e9;


function project(dir: string, extra = ''): string {
  writeFileSync(join(dir, 'prices.csv'), hourlyPricesCsv(2025));
  return `
name: test
market: { year: 2025, prices: prices.csv }
dispatch: { horizon: year }
plants:
  - name: battery
    performance: { power: 10 MW, energy: 40 MWh, roundTripEfficiency: 81 % }
    finance:
      discountRate: 8 %
      operatingYears: 10 years
      capex: { items: [ { kind: perEnergy, name: system, energy: 40 MWh, unitCost: 500 yuan/kWh } ] }
${extra}`;
}

test('a hand-solvable year: fill the store at 100 and 300, empty it at 500, every day', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'chuneng-project-'));
  const p = parseProjectText(project(dir), 'test.yaml', readRelativeTo(dir));
  const e = await evaluate(p.spec, { readText: p.readText });
  const plant = e.plants[0];
  // per day: draw 40 MWh at 100 (4 h × 10 MW) and 40/0.9 − 40 = 4.444 MWh at 300; store 40 MWh;
  // deliver 40 × 0.9 = 36 MWh at 500 → 36·500 − 40·100 − 4.444·300 = 12,666.67 yuan a day
  const perDay = 36 * 500 - 40 * 100 - (40 / 0.9 - 40) * 300;
  assert.ok(Math.abs(plant.dispatch.revenue - 365 * perDay) < 1e-6 * 365 * perDay, `revenue ${plant.dispatch.revenue} vs ${365 * perDay}`);
  assert.ok(Math.abs(plant.dispatch.discharged / MWH - 365 * 36) < 1e-6 * 365 * 36);
  // the finance section saw the same year: arbitrage margin = sales − charging cost
  assert.ok(Math.abs(plant.finance.revenuePerYear.arbitrage - plant.dispatch.revenue) < 1e-6 * plant.dispatch.revenue);
  assert.equal(plant.finance.capex, 20e6);
  // LCOS (Schmidt) includes charging: at least the capex per discharged MWh over 10 undiscounted years
  assert.ok(plant.finance.lcosSchmidt! * MWH > 20e6 / (10 * 365 * 36));
  // the results reopen: JSON and an hourly CSV of the year
  const files = writeResults(e, join(dir, 'out'));
  const json = JSON.parse(readFileSync(files[0], 'utf8'));
  assert.equal(json.plants[0].name, 'battery');
  const csv = readFileSync(files.find((f) => f.endsWith('.csv'))!, 'utf8').trim().split('\n');
  assert.equal(csv.length, 8761);
});

test('project file errors name the field and the value', () => {
  const dir = mkdtempSync(join(tmpdir(), 'chuneng-project-'));
  const bad = (text: string, pattern: RegExp) =>
    assert.throws(
      () => parseProjectText(text, 'bad.yaml', readRelativeTo(dir)),
      (e: unknown) => e instanceof ProjectFileError && pattern.test(e.message),
    );
  bad(project(dir).replace('10 MW', '10 kg'), /plants\[0\]\.performance\.power = "10 kg" is not a power; write it like "100 MW"/);
  bad(project(dir).replace('prices: prices.csv', 'year: 2025'), /market/);
  bad(project(dir).replace('roundTripEfficiency: 81 %', 'roundTripEfficiency: 181 %'), /plants\[0\]\.performance\.roundTripEfficiency/);
  bad(project(dir).replace('performance:', 'nonsense: 1\n    performance:'), /plants\[0\]/);
  bad('name: x\nmarket: [', /not valid YAML/);
});

test('a bad finance section is reported with its path when the file is read, before anything is computed', () => {
  const dir = mkdtempSync(join(tmpdir(), 'chuneng-project-'));
  assert.throws(() => parseProjectText(project(dir).replace('discountRate: 8 %', 'discountRate: 8 kg'), 'x.yaml', readRelativeTo(dir)), /plants\[0\]\.finance\.discountRate = "8 kg"/);
  assert.throws(() => parseProjectText(project(dir).replace('operatingYears: 10 years', 'operatingYears: -5 years'), 'x.yaml', readRelativeTo(dir)), /plants\[0\]\.finance\.operatingYears = "-5 years" is out of range/);
});

test('a template plant: its performance comes from the plant model, the schedule is replayed, the money counts what the plant does', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'chuneng-project-'));
  const text = project(dir).replace(
    /  - name: battery\n    performance: \{[^}]*\}/,
    `  - name: caes
    template: adiabatic-caes
    parameters:
      charge: { power: 50 MW }
      discharge: { power: 50 MW }
      storage: { kind: cavern, volume: 100000 m3, pressureMin: 50 bar, pressureMax: 75 bar }`,
  );
  const p = parseProjectText(text, 'caes.yaml', readRelativeTo(dir));
  const e = await evaluate(p.spec, { readText: p.readText });
  const plant = e.plants[0];
  assert.ok(plant.plantModel && plant.replay);
  assert.ok(plant.performance.roundTripEfficiency > 0.4 && plant.performance.roundTripEfficiency < 1, String(plant.performance.roundTripEfficiency));
  assert.ok(Math.abs(plant.performance.dischargePower / 50e6 - 1) < 0.01);
  // the arbitrage margin is Σ price × (realised discharge − realised charge) × Δt
  const s = plant.schedule;
  let margin = 0;
  for (let t = 0; t < s.price.length; t++) margin += s.price[t] * (plant.replay!.discharge[t] - plant.replay!.charge[t]) * s.stepSeconds;
  assert.ok(Math.abs(plant.finance.revenuePerYear.arbitrage - margin) < 1e-6 * Math.abs(margin), `${plant.finance.revenuePerYear.arbitrage} vs ${margin}`);
  assert.ok(plant.replay!.energyOut <= plant.dispatch.discharged * (1 + 1e-9), 'the plant cannot deliver more than it was asked');
});
