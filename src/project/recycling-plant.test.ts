import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { evaluateProject, npv } from '../finance/index.js';
import { evaluateRecyclingPlantProject, parseRecyclingPlantProject } from './recycling-plant.js';

const example = parse(readFileSync(fileURLToPath(new URL('../../examples/recycling/luoyang-recycling.yaml', import.meta.url)), 'utf8'));

const parsed = () => {
  const p = parseRecyclingPlantProject(example);
  if (!p.ok) throw new Error(p.issues.map((i) => i.message).join('; '));
  return p.value;
};

test('the Luoyang recycling plant is evaluated by the finance layer’s own cash-flow model', () => {
  const e = evaluateRecyclingPlantProject(parsed());
  const f = e.finance!;
  // the same model: evaluateProject on the adapted inputs gives the same NPV, and the NPV is the discounted after-tax cash flow
  assert.equal(f.summary.npvProjectAfterTax, evaluateProject(parsed().finance!.inputs).summary.npvProjectAfterTax);
  assert.ok(Math.abs(f.summary.npvProjectAfterTax - npv(0.08, f.table.projectCashFlowAfterTax)) < 1e-6 * Math.abs(f.summary.npvProjectAfterTax));
  // capex = the line's (25,300 yuan per t/yr × 3.2 t/h × 7200 h × 0.9 = 524.62 M yuan) + 40 M land, + 10 % owner's costs and contingency
  assert.ok(Math.abs(e.recycling.capex - 25300 * 3.2 * 7200 * 0.9) < 1e-3);
  assert.ok(Math.abs(f.table.capex.reduce((s, x) => s + x, 0) - (524.6208e6 + 40e6) * 1.1) < 1);
  // every operating year's revenue is the line's statement (products, second life), VAT-exclusive
  const revenue = e.statement.revenues.reduce((s, x) => s + x.amount, 0);
  assert.ok(Math.abs(f.table.revenue[3] - revenue) < 1e-6 * revenue);
  // the batteries are bought (negative gate fees) and appear as a cost stream
  assert.ok(e.statement.costs.some((c) => c.name === 'batteries bought' && Math.abs(c.amount + e.recycling.gateFees) < 1e-6));
  assert.equal(f.summary.irrProjectAfterTax.ok, true);
});

test('finance fields the recycling plant sets itself, and O&M per kW or per MWh, are refused with their field', () => {
  const withOperation = { ...example, finance: { ...example.finance, operation: { kind: 'series' }, om: { fixed: '30 yuan/(kW yr)' } } };
  const p = parseRecyclingPlantProject(withOperation);
  assert.equal(p.ok, false);
  if (p.ok) return;
  assert.deepEqual(p.issues.map((i) => i.field).sort(), ['finance.om.fixed', 'finance.operation']);
});

test('a bad plant field is reported under plant. with the value and the range', () => {
  const bad = { ...example, plant: { ...example.plant, line: { ...example.plant.line, availability: '0 %' } } };
  const p = parseRecyclingPlantProject(bad);
  assert.equal(p.ok, false);
  if (p.ok) return;
  assert.equal(p.issues[0].field, 'plant.line.availability');
  assert.match(p.issues[0].message, /"0 %" is not valid: expected 1 % … 100 %/);
});
