/**
 * A li-ion plant and a recycling plant inside a project: the battery's life runs the project's dispatch every year
 * and the money follows it (energies, replacements in their year, retired modules and the fleet left at the end);
 * a recycling plant's results are the recycling model's and the finance layer's own numbers; bad input names its
 * field.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { evaluate } from './evaluate.js';
import { parseProjectValue } from './parse.js';
import { validateProject } from './validate.js';
import { parseRecyclingPlantProject, evaluateRecyclingPlantProject } from './recycling-plant.js';
import { recyclingValue } from './li-ion-evaluate.js';

const MWH = 3.6e9;

const recyclingExample = parseYaml(readFileSync(new URL('../../examples/recycling/luoyang-recycling.yaml', import.meta.url), 'utf8')) as Record<string, unknown>;
const { kind: _kind, ...recyclingEntry } = recyclingExample;

/** A 10 MW / 40 MWh LFP plant with SAM's LFP life model, renewed at 80 % capacity: its 12 years see replacements. */
function project(parameters: Record<string, unknown> = {}) {
  return {
    name: 'li-ion in a project',
    site: { name: 'Luoyang', timeZone: 'Asia/Shanghai', ambientTemperature: ['1 degC', '5 degC', '10.5 degC', '16.5 degC', '22 degC', '26.5 degC', '27.5 degC', '26 degC', '21.5 degC', '16 degC', '9 degC', '3 degC'] },
    market: { year: 2025, tariff: { henan2024: { basePrice: '0.38 yuan/kWh' } } },
    plants: [
      {
        name: 'LFP',
        template: 'li-ion',
        parameters: { cell: 'lfp-280ah', power: '10 MW', energy: '40 MWh', lifeModel: 'sam-lfp', policy: { replacement: '80 %' }, unitCost: '500 yuan/kWh', ...parameters },
        finance: {
          currency: 'CNY',
          discountRate: '6 %',
          constructionYears: '1 year',
          operatingYears: '12 years',
          capex: { items: [{ kind: 'perEnergy', name: 'battery system', energy: '40 MWh', unitCost: '750 yuan/kWh' }] },
          om: { fixed: '40 yuan/(kW yr)' },
          endOfLife: { decommissioningCost: '1e6 yuan', timing: 'lastOperatingYear' },
        },
      },
    ],
    recycling: [structuredClone(recyclingEntry)],
  };
}

test('a li-ion plant is dispatched every year on its faded capacity and the money follows its life', async () => {
  const { spec } = parseProjectValue(project());
  const e = await evaluate(spec);
  const p = e.plants[0];
  const b = p.battery!;
  assert.equal(b.years.length, 12);
  assert.equal(b.capacity.length, 13);
  // the usable energy each year's dispatch saw falls with the capacity until the racks are renewed
  const renewed = b.replacements.filter((r) => r.kind === 'replacement');
  assert.ok(renewed.length >= 1, `replacements: ${JSON.stringify(b.replacements)}`);
  const k = renewed[0].year;
  assert.ok(b.years[k - 1].capacityEnd <= 0.8 + 1e-12 && b.years[k].capacityStart > 0.99, `year ${k}: ${b.years[k - 1].capacityEnd} → ${b.years[k].capacityStart}`);
  for (let y = 1; y < k; y++) assert.ok(b.years[y].usableEnergy < b.years[y - 1].usableEnergy, `usable energy in year ${y}`);
  // the cash flow counts each year's delivered energy, the renewal in its year and the fleet left at the end
  const cf = p.finance.cashFlow;
  const slot = (operatingYear: number) => cf.operatingYear.indexOf(operatingYear);
  b.years.forEach((y, n) => assert.equal(cf.energyDischarged[slot(n + 1)], y.energyOut, `energy of operating year ${n + 1}`));
  for (const r of renewed) assert.ok(Math.abs(cf.replacement[slot(r.year + 1)] - r.cost) <= 1e-6 * r.cost, `replacement in operating year ${r.year + 1}`);
  assert.equal(renewed[0].cost, renewed[0].energy * (500 / 3.6e6));
  assert.ok(b.endOfLife.value > 0 && Math.abs(b.endOfLife.valuePerEnergy - recyclingValue('LFP').value) === 0);
  // the model spread names every shipped LFP model with its years to 80 %
  assert.deepEqual(b.spread.map((m) => m.model), ['lfp-250ah', 'lfp-sonymurata-3ah', 'sam-lfp']);
  // the first year's round trip comes out of the model (cells, PCS, transformer, HVAC), in the published 85–95 % band
  assert.ok(b.years[0].roundTripEfficiency > 0.85 && b.years[0].roundTripEfficiency < 0.95, `${b.years[0].roundTripEfficiency}`);
  assert.ok(p.dispatch.discharged / MWH > 1000);
});

test('a recycling plant in a project gives the recycling model’s and the finance layer’s own numbers', async () => {
  const { spec } = parseProjectValue(project());
  const e = await evaluate(spec);
  const r = e.recycling![0];
  const direct = parseRecyclingPlantProject(recyclingEntry);
  assert.ok(direct.ok);
  const own = evaluateRecyclingPlantProject(direct.value);
  assert.equal(r.result.netValue, own.recycling.netValue);
  assert.equal(r.finance!.npvProjectAfterTax, own.finance!.summary.npvProjectAfterTax);
  assert.equal(r.route, 'hydro');
  // every route × chemistry of the feed is compared
  assert.equal(r.routes.length, 3 * r.result.streams.length);
  assert.equal(Math.max(...r.finance!.cashFlow.operatingYear), r.finance!.operatingYears);
});

test('bad li-ion parameters and a bad recycling line are refused by field before anything is computed', async () => {
  const bad = project({ socMin: '97 %' });
  (bad.recycling[0] as { plant: { line: { capacity: string } } }).plant = { ...(recyclingEntry.plant as object), line: { ...((recyclingEntry.plant as { line: object }).line), capacity: '-3 t/h' } } as never;
  const v = validateProject(bad);
  assert.ok(!v.ok);
  const fields = v.issues.map((i) => i.field);
  assert.ok(fields.includes('plants[0].parameters.socMin'), fields.join(', '));
  assert.ok(fields.some((f) => f.startsWith('recycling[0].plant.line.capacity')), fields.join(', '));
  const years = project({ years: 20 });
  await assert.rejects(async () => evaluate(parseProjectValue(years).spec), /plants\[0\]\.parameters\.years.*operating years \(12\)/);
});
