import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseStudyText, parseStudyValue, projectValue } from './spec.js';
import { planStudy, caseValues } from './plan.js';
import { caseProject, readOutputs } from './case.js';
import { casesCsv } from './results.js';
import { plantKey } from './plant-cache.js';
import { ProjectFileError } from '../errors.js';
import type { PlantSpec, SiteSpec } from '../schema.js';

const BASE = {
  project: 'p.yaml',
  parameters: [{ path: 'plants[0].parameters.liquidTank.volume', unit: 'm3', range: ['12000 m3', '0.022 hm3'] }],
  design: { kind: 'grid', levels: 3 },
  outputs: { LCOS: { path: 'plants[0].lcos', unit: 'yuan/MWh' }, RTE: { path: 'plants[0].rte', unit: '%' } },
};

test('numbers written with another unit are converted into the parameter’s unit through src/units', () => {
  const spec = parseStudyValue(BASE);
  assert.deepEqual(spec.parameters[0].distribution, { kind: 'uniform', min: 12000, max: 22000 });
  const rows = planStudy(spec).rows.map((r, i) => caseValues(spec, r, i));
  assert.deepEqual(rows, [[12000], [17000], [22000]]);
  assert.equal(projectValue(spec.parameters[0], 17000), '17000 m3');
});

test('output aliases read the plant’s results, in the output’s unit', () => {
  const spec = parseStudyValue(BASE);
  assert.deepEqual(
    spec.outputs.map((o) => o.path),
    ['plants[0].finance.lcosSchmidt', 'plants[0].performance.roundTripEfficiency'],
  );
  // 1.55e-7 yuan/J = 558 yuan/MWh; 0.656 = 65.6 %
  const evaluation = { plants: [{ finance: { lcosSchmidt: 1.55e-7 }, performance: { roundTripEfficiency: 0.656 } }] };
  const [lcos, rte] = readOutputs(spec, evaluation) as number[];
  assert.ok(Math.abs(lcos - 558) < 1e-9 && Math.abs(rte - 65.6) < 1e-12, `${lcos} ${rte}`);
});

test('every problem of a study file is reported with its field path', () => {
  const bad = {
    ...BASE,
    parameters: [
      { path: 'plants[0].x', unit: 'm3', range: ['12 bar', 20] },
      { path: 'a..b', range: [0, 1] },
      { path: 'plants[0].y', unit: 'furlongs', range: [0, 1] },
    ],
    outputs: { LCOS: { path: 'plants[0].lcos', unit: 'MCNY' } },
    constraints: [{ output: 'RTE', min: 60 }],
  };
  assert.throws(
    () => parseStudyValue(bad, 's.yaml'),
    (e: Error) => {
      assert.ok(e instanceof ProjectFileError);
      const fields = e.issues.map((i) => i.field).sort();
      assert.deepEqual(fields, ['constraints[0].output', 'outputs.LCOS.unit', 'parameters[0].range[0]', 'parameters[1].path', 'parameters[2].unit']);
      return true;
    },
  );
  assert.throws(() => parseStudyText('project: p.yaml\nparameters: []\ndesign: { kind: lhs }\noutputs: {}\n'), (e: Error) => e instanceof ProjectFileError && /parameters/.test(e.message) && /design\.samples/.test(e.message));
});

test('choices are picked by index and written as words; a case sets every path of a parameter and the study’s fixed values', () => {
  const spec = parseStudyValue({
    ...BASE,
    set: { 'plants[0].finance.capex.items[1]': { kind: 'perVolume', name: 'tanks', volume: '1 m3', unitCost: '6000 yuan/m3' } },
    parameters: [
      { name: 'sink', path: 'plants[0].parameters.condenser.sink', values: ['basin', 'ambient-air'] },
      { name: 'tank', path: ['plants[0].parameters.liquidTank.volume', 'plants[0].finance.capex.items[1].volume'], unit: 'm3', range: [12000, 22000], levels: 2 },
    ],
  });
  const rows = planStudy(spec).rows.map((r, i) => caseValues(spec, r, i));
  assert.deepEqual(rows, [
    [0, 12000],
    [0, 22000],
    [1, 12000],
    [1, 22000],
  ]);
  const project = { plants: [{ parameters: {}, finance: { capex: { items: [{ kind: 'perPower' }] } } }] };
  const raw = caseProject({ study: spec, project, files: {} }, rows[3]).project as { plants: { parameters: object; finance: { capex: { items: object[] } } }[] };
  assert.deepEqual(raw.plants[0].parameters, { condenser: { sink: 'ambient-air' }, liquidTank: { volume: '22000 m3' } });
  assert.deepEqual(raw.plants[0].finance.capex.items[1], { kind: 'perVolume', name: 'tanks', volume: '22000 m3', unitCost: '6000 yuan/m3' });
  const csv = casesCsv(spec, [{ index: 3, values: rows[3], outputs: [558, null], error: null, seconds: 1 }]);
  assert.equal(csv, 'case,sink,tank [m3],LCOS [yuan/MWh],RTE [%],error\n3,ambient-air,22000,558,,\n');
});

test('the plant cache key follows the physics (template, parameters, design ambient), not the money', () => {
  const site = { ambientTemperature: 288.15 } as SiteSpec;
  const plant = (volume: string, capex: number) => ({ name: 'p', template: 'co2-gas-liquid', parameters: { liquidTank: { volume } }, finance: { capex } }) as unknown as PlantSpec;
  assert.equal(plantKey(plant('17000 m3', 1), site), plantKey(plant('17000 m3', 2), site));
  assert.notEqual(plantKey(plant('17000 m3', 1), site), plantKey(plant('18000 m3', 1), site));
  assert.notEqual(plantKey(plant('17000 m3', 1), site), plantKey(plant('17000 m3', 1), { ambientTemperature: 290.15 } as SiteSpec));
  // twelve monthly temperatures design the plant at their mean
  const monthly = { ambientTemperature: [280, 296, 288, 288, 288, 288, 288, 288, 288, 288, 288, 288] } as SiteSpec;
  assert.equal(plantKey(plant('17000 m3', 1), monthly), plantKey(plant('17000 m3', 1), { ambientTemperature: 288 } as SiteSpec));
});

test('price factors scale the year of prices and stretch it about its mean, as a price file in place of the tariff', async () => {
  const { priceSeries } = await import('../market.js');
  const { parseProjectValue, readFromMap } = await import('../parse.js');
  const { withPriceFactors, STUDY_PRICE_FILE } = await import('./price-factors.js');
  const raw = {
    name: 'p',
    market: { year: 2025, tariff: { henan2024: { basePrice: '0.38 yuan/kWh' } } },
    plants: [{ name: 'b', performance: { power: '10 MW', energy: '40 MWh', roundTripEfficiency: '85 %' }, finance: { discountRate: '8 %', operatingYears: '10 years', capex: { items: [{ kind: 'perEnergy', name: 's', energy: '40 MWh', unitCost: '800 yuan/kWh' }] } } }],
  };
  const series = (project: unknown, files: Record<string, string>) => {
    const { spec, readText } = parseProjectValue(project, 'p', readFromMap(files));
    return priceSeries(spec.market, spec.site, readText);
  };
  const original = series(raw, {});
  const mean = original.prices.reduce((a, b) => a + b, 0) / original.prices.length;
  const changed = withPriceFactors(raw, {}, { scale: 1.2, spread: 0.5 }, 'case 0');
  assert.equal((changed.project as { market: { prices: string; tariff?: unknown } }).market.prices, STUDY_PRICE_FILE);
  assert.equal((changed.project as { market: { tariff?: unknown } }).market.tariff, undefined);
  const s = series(changed.project, changed.files);
  assert.equal(s.prices.length, 8760);
  assert.equal(s.startMs, original.startMs);
  for (let i = 0; i < s.prices.length; i += 97) {
    const expected = 1.2 * (mean + 0.5 * (original.prices[i] - mean));
    assert.ok(Math.abs(s.prices[i] / expected - 1) < 1e-12, `hour ${i}: ${s.prices[i]} against ${expected}`);
  }
  // Henan TOU peak 1.69 and valley 0.46 × the flat price: halving the spread halves peak − valley
  const spread = (p: Float64Array) => Math.max(...p) - Math.min(...p);
  assert.ok(Math.abs(spread(s.prices) / spread(original.prices) - 0.6) < 1e-12);
  assert.throws(() => parseStudyValue({ ...BASE, parameters: [{ path: 'prices.level', range: [0, 1] }] }), /prices\.scale, prices\.spread/);
});

test('the kept dispatch follows the prices, the plant and the dispatch section, not the capacity payment or the money', async () => {
  const { priceSeries } = await import('../market.js');
  const { parseProjectValue } = await import('../parse.js');
  const { dispatchKey } = await import('./plant-cache.js');
  const key = (market: object, plantFinance: object = {}, energy = '40 MWh') => {
    const raw = {
      name: 'p',
      market: { year: 2025, tariff: { henan2024: { basePrice: '0.38 yuan/kWh' } }, ...market },
      plants: [{ name: 'b', performance: { power: '10 MW', energy, roundTripEfficiency: '85 %' }, finance: { discountRate: '8 %', operatingYears: '10 years', capex: { items: [] }, ...plantFinance } }],
    };
    const { spec, readText } = parseProjectValue(raw);
    return dispatchKey(spec, spec.plants[0], priceSeries(spec.market, spec.site, readText), { wearCost: 0, variableCost: 0, reservePower: 0 });
  };
  const base = key({});
  assert.equal(key({ capacityPayment: '100 yuan/(kW yr)' }), base);
  assert.equal(key({}, { discountRate: '6 %' }), base);
  assert.notEqual(key({ tariff: { henan2024: { basePrice: '0.4 yuan/kWh' } } }), base);
  assert.notEqual(key({ chargingSurcharge: '10 yuan/MWh' }), base);
  assert.notEqual(key({}, {}, '50 MWh'), base);
});
