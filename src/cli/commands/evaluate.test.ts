import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { registerEvaluateCommand } from './evaluate.js';

const PROJECT = `name: cli test
market: { year: 2025, tariff: { henan2024: { basePrice: 0.38 yuan/kWh } } }
plants:
  - name: battery
    performance: { power: 10 MW, energy: 40 MWh, roundTripEfficiency: 85 % }
    finance: { discountRate: 8 %, operatingYears: 10 years, capex: { items: [ { kind: perEnergy, name: system, energy: 40 MWh, unitCost: 800 yuan/kWh } ] } }
`;

test('evaluate --out writes the SI results, the results in display units (en, zh), the schedule and the yearly cash flow', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'chuneng-cli-evaluate-'));
  writeFileSync(join(dir, 'p.yaml'), PROJECT);
  let out = '';
  const program = new Command().exitOverride();
  registerEvaluateCommand(program, { out: (t) => (out += t) });
  await program.parseAsync(['evaluate', join(dir, 'p.yaml'), '--out', join(dir, 'out'), '--no-progress'], { from: 'user' });
  assert.match(out, /wrote 7 files/);
  assert.deepEqual(readdirSync(join(dir, 'out')).sort(), [
    'cashflow-1-battery.csv',
    'manifest.json',
    'results-display.json',
    'results-display.zh.json',
    'results.json',
    'schedule-1-battery.csv',
    'summary.txt',
  ]);
  const si = JSON.parse(readFileSync(join(dir, 'out/results.json'), 'utf8'));
  const en = JSON.parse(readFileSync(join(dir, 'out/results-display.json'), 'utf8'));
  const zh = JSON.parse(readFileSync(join(dir, 'out/results-display.zh.json'), 'utf8'));
  // the same figure in SI (money/J) and for people (CNY/MWh, 元/MWh): the unit is named and the value converted
  const lcos = si.plants[0].finance.lcosSchmidt * 3.6e9;
  const shown = en.plants[0].kpis.lcosSchmidt;
  assert.match(shown.unit, /CNY\/MWh/);
  assert.ok(Math.abs(shown.value - lcos) < 1e-3 * lcos, `${shown.value} vs ${lcos}`);
  assert.match(zh.plants[0].kpis.lcosSchmidt.label, /^度电成本/);
  assert.match(zh.plants[0].kpis.totalInvestment.unit, /万元|亿元/);
  // the yearly cash flow: one row per year t = 0 … 11 (no construction years: the capex at t = 0, operation in
  // 1 … 10, the end of life in the year after, as Schmidt et al.)
  const rows = readFileSync(join(dir, 'out/cashflow-1-battery.csv'), 'utf8').trim().split('\n');
  assert.equal(rows.length, 1 + 12);
  assert.match(rows[0], /^year,operating_year,energyDischarged_MWh,revenue_CNY/);
  assert.ok(Math.abs(Number(rows[1].split(',')[8]) - si.plants[0].finance.capex) < 1e-9 * si.plants[0].finance.capex);
});

test('evaluate --set changes a value of the project before it is checked, as written in the file', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'chuneng-cli-evaluate-set-'));
  writeFileSync(join(dir, 'p.yaml'), PROJECT);
  const json = async (...set: string[]) => {
    let out = '';
    const program = new Command().exitOverride();
    registerEvaluateCommand(program, { out: (t) => (out += t) });
    await program.parseAsync(['evaluate', join(dir, 'p.yaml'), '--json', '--no-progress', ...set.flatMap((s) => ['--set', s])], { from: 'user' });
    return JSON.parse(out) as { plants: { performance: { energyCapacity: number; roundTripEfficiency: number }; finance: { capex: number } }[] };
  };
  const base = await json();
  const changed = await json('plants[0].performance.energy=80 MWh', 'plants[0].finance.capex.items[0].unitCost=400 yuan/kWh');
  assert.equal(base.plants[0].performance.energyCapacity, 40 * 3.6e9);
  assert.equal(changed.plants[0].performance.energyCapacity, 80 * 3.6e9);
  // capex = energy of the item (40 MWh, unchanged) × the new unit cost
  assert.ok(Math.abs(changed.plants[0].finance.capex - 40e3 * 400) <= 1e-12 * 40e3 * 400, `${changed.plants[0].finance.capex}`);
  await assert.rejects(json('plants[0].performance.roundTripEfficiency=120 %'), /plants\[0\]\.performance\.roundTripEfficiency/);
});
