import { test } from 'node:test';
import assert from 'node:assert/strict';
import { plantLife, type DispatchYear, type PlantLifeInputs } from './plant-life.js';
import { layoutSystem } from './system/layout.js';
import { ambientFromMonthlyMeans } from './system/ambient.js';
import { LFP_280AH } from './data/cells-lfp.js';
import { Lfp250AhModel } from './life/blast/lfp-250ah.js';

// a 10 MW / 40 MWh LFP plant in Luoyang's climate (monthly means of examples/luoyang/compare.yaml; ASSUMPTION: a
// 10 K diurnal swing), dispatched once or twice a day at rated power for the usable energy it has that year
const sys = layoutSystem({ cell: LFP_280AH, power: 10e6, energy: 40e6 * 3600, socMin: 0.05, socMax: 0.95 });
const ambient = ambientFromMonthlyMeans([1, 5, 10.5, 16.5, 22, 26.5, 27.5, 26, 21.5, 16, 9, 3].map((c) => c + 273.15));

function daily(cycles: 1 | 2, seen: number[]): DispatchYear {
  return (_year, plant) => {
    seen.push(plant.usableEnergy);
    const g = new Float64Array(8760);
    const hours = Math.ceil(plant.usableEnergy / plant.power / 3600) + 1; // the SOC window ends each block
    for (let d = 0; d < 365; d++) {
      const starts = cycles === 1 ? [[1, 17]] : [[0, 6], [12, 18]];
      for (const [c, dis] of starts) {
        g.fill(-plant.power, d * 24 + c, d * 24 + c + hours);
        g.fill(plant.power, d * 24 + dis, d * 24 + dis + hours);
      }
    }
    return g;
  };
}

const base = (dispatchYear: DispatchYear): PlantLifeInputs => ({
  system: sys,
  years: 8,
  stepSeconds: 3600,
  ambient,
  dispatchYear,
  createLifeModel: () => new Lfp250AhModel(),
  policy: { kind: 'none' },
  unitCost: 0.5 / 3600, // 500 yuan/kWh of nominal DC energy (ASSUMPTION for the test)
});

test('without a policy the capacity fades year by year and each year’s dispatch sees the faded usable energy', async () => {
  const seen: number[] = [];
  const r = await plantLife(base(daily(1, seen)));
  console.log(`LFP 1 cycle/day, Luoyang: capacity ${r.capacity.map((q) => q.toFixed(4)).join(' ')}; EFC/yr ${r.years[0].equivalentFullCycles.toFixed(0)}; AC RTE y0 ${(100 * r.years[0].roundTripEfficiency).toFixed(2)} %; degradation cost y0 ${(r.years[0].degradationCost * 3.6e9).toFixed(1)} yuan/MWh`);
  for (let y = 1; y < r.capacity.length; y++) assert.ok(r.capacity[y] < r.capacity[y - 1], `year ${y}`);
  for (let y = 1; y < seen.length; y++) assert.ok(seen[y] < seen[y - 1], `usable energy in year ${y}`);
  assert.ok(Math.abs(seen[0] - sys.energy) < 0.01 * sys.energy, 'the first year sees the nameplate');
  // degradation cost, by its stated basis: nominal energy lost × unit cost / energy delivered
  const y0 = r.years[0];
  const rackEnergy = LFP_280AH.capacity * LFP_280AH.voltageNominal * 416;
  const expected = (sys.racks * rackEnergy * (y0.capacityStart - y0.capacityEnd) * (0.5 / 3600)) / y0.energyOut;
  assert.ok(Math.abs(y0.degradationCost - expected) < 1e-9 * expected);
  const delivered = y0.gridPower.reduce((a, v) => a + (v > 0 ? v : 0), 0) * 3600;
  assert.ok(Math.abs(delivered - y0.energyOut) < 1e-9 * y0.energyOut, 'the realised powers sum to the energy delivered');
  assert.ok(y0.equivalentFullCycles > 300 && y0.equivalentFullCycles < 365, `EFC ${y0.equivalentFullCycles}`);
});

test('two cycles a day fade the plant faster than one', async () => {
  const one = await plantLife({ ...base(daily(1, [])), years: 3 });
  const two = await plantLife({ ...base(daily(2, [])), years: 3 });
  assert.ok(two.capacity[3] < one.capacity[3], `${two.capacity[3]} vs ${one.capacity[3]}`);
});

test('augmentation adds racks to hold the nameplate energy, with their modules and cost', async () => {
  const seen: number[] = [];
  const r = await plantLife({ ...base(daily(1, seen)), policy: { kind: 'augmentation' } });
  const added = r.years.reduce((a, y) => a + y.racksAdded, 0);
  assert.ok(added > 0);
  for (let y = 1; y < seen.length; y++) if (r.years[y].racksAdded > 0) assert.ok(seen[y] >= sys.energy, `year ${y}: ${seen[y]}`);
  const y1 = r.years.find((y) => y.racksAdded > 0)!;
  assert.equal(y1.modulesAdded, y1.racksAdded * 8);
  assert.ok(Math.abs(y1.addedCost - y1.addedEnergy * (0.5 / 3600)) < 1e-6);
  console.log(`augmentation: racks added per year ${r.years.map((y) => y.racksAdded).join(' ')}`);
});

test('replacement at a threshold renews every rack and reports the retired modules’ energy', async () => {
  const r = await plantLife({ ...base(daily(2, [])), policy: { kind: 'replacement', threshold: 0.9 } });
  const k = r.years.findIndex((y) => y.retiredEnergy > 0);
  assert.ok(k > 0, 'a replacement within the years');
  assert.ok(r.years[k].capacityStart === 1 && r.years[k - 1].capacityEnd <= 0.9);
  assert.equal(r.years[k].retiredModules, sys.modules);
  const rackEnergy = LFP_280AH.capacity * LFP_280AH.voltageNominal * 416;
  assert.ok(Math.abs(r.years[k].retiredEnergy - sys.racks * rackEnergy * r.years[k - 1].capacityEnd) < 1e-6 * r.years[k].retiredEnergy);
  console.log(`replacement at 90 %: year ${k}, retired ${(r.years[k].retiredEnergy / 3.6e9).toFixed(2)} MWh`);
});
