/**
 * Every shipped example's thermodynamic plant (examples/luoyang/*.yaml, examples/plants/*.yaml), dispatched for a
 * year of hours on the Henan TOU tariff of the Luoyang examples by the plant-feasible DP and replayed through the
 * plant's own transient model (src/plant/transient/replay.ts): no violation, and the replay delivers exactly the
 * energies the DP counted. One test: building the plants takes tens of seconds.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { createPlant, isTemplateName, TemplatePlantModel } from '../../plant/templates/index.js';
import { parseQuantity } from '../../units/index.js';
import { henanTou2024 } from '../henan.js';
import { tariffSeries } from '../tariff.js';
import { envelopeFromMaps } from './envelope.js';
import { solveFeasibleDispatch } from './solve.js';
import { buildTables, DP_DEFAULTS } from './dp.js';

const examples = new URL('../../../examples/', import.meta.url).pathname;

interface ExamplePlant {
  readonly name: string;
  readonly template: string;
  readonly parameters: Record<string, unknown>;
  /** K */
  readonly ambient: number;
}

function ambientOf(site: { ambientTemperature?: unknown } | undefined): number {
  const t = site?.ambientTemperature ?? '15 degC';
  const values = (Array.isArray(t) ? t : [t]).map((v) => parseQuantity(v as string, 'temperature', 'site.ambientTemperature'));
  return values.reduce((a, b) => a + b, 0) / values.length; // a project designs its plants at the annual mean
}

function examplePlants(): ExamplePlant[] {
  const out: ExamplePlant[] = [];
  const seen = new Set<string>();
  for (const folder of ['luoyang', 'plants']) {
    for (const file of readdirSync(join(examples, folder)).filter((f) => f.endsWith('.yaml')).sort()) {
      const doc = parse(readFileSync(join(examples, folder, file), 'utf8'));
      const plants = Array.isArray(doc.plants) ? doc.plants : [doc];
      for (const p of plants) {
        if (typeof p.template !== 'string' || !isTemplateName(p.template)) continue; // batteries: no plant model to replay
        const plant = { name: `${folder}/${file}: ${p.name ?? doc.name}`, template: p.template, parameters: p.parameters ?? {}, ambient: ambientOf(doc.site) };
        const key = JSON.stringify([plant.template, plant.parameters, plant.ambient]);
        if (seen.has(key)) continue; // compare.yaml repeats the single-plant files' plants
        seen.add(key);
        out.push(plant);
      }
    }
  }
  return out;
}

test('every shipped example plant follows its plant-feasible year: zero replay violations, the replay delivers what the DP counted, the bound is above the revenue', async () => {
  const offset = 480;
  const series = tariffSeries({ ...henanTou2024(0.38 / 3.6e6), utcOffsetMinutes: offset }, Date.UTC(2025, 0, 1) - offset * 60_000, 8760, 3600);
  const plants = examplePlants();
  assert.ok(plants.length >= 10, `found ${plants.length} example plants`);
  for (const p of plants) {
    const model = createPlant(p.template, p.parameters, { ambientTemperature: p.ambient });
    assert.ok(model instanceof TemplatePlantModel);
    const maps = model.maps();
    const e = envelopeFromMaps(maps);
    const r = await solveFeasibleDispatch(series, e);
    assert.ok(r.ok, `${p.name}: ${r.ok ? '' : r.reason}`);
    const x = r.value.schedule;
    const replay = model.replay({ stepSeconds: 3600, charge: x.charge, discharge: x.discharge }, { initialSoc: Math.min(1, Math.max(0, x.energyInitial / maps.capacity)) });
    assert.equal(replay.violationCount, 0, `${p.name}: ${replay.violations[0]?.limit} at step ${replay.violations[0]?.step}`);
    assert.equal(replay.energyOut, r.value.dischargedEnergy, p.name);
    assert.equal(replay.energyIn, r.value.chargedEnergy, p.name);
    // a store that one hour at minimum load overfills from every state (co2-transcritical: 2 MWh, 2.5 MWh an hour
    // from empty) cannot charge in hourly steps at all, and the DP rightly leaves it idle; every other plant works
    const canCharge = buildTables(e, 3600, DP_DEFAULTS).mode.some((m) => m === 1);
    if (canCharge) assert.ok(r.value.dischargedEnergy > 0, `${p.name} discharges something`);
    else assert.equal(r.value.dischargedEnergy, 0, `${p.name} cannot charge for an hour without overfilling`);
    assert.ok(r.value.bound! >= r.value.netRevenue, `${p.name}: bound ${r.value.bound} below ${r.value.netRevenue}`);
  }
});
