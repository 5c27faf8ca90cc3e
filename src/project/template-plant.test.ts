/**
 * A project's template plant carries the stores' balance its periodic design cycle measured (plantModel.designCycle
 * .storeBalance in evaluate's results): plain data that results.json keeps whole, masses for the stores that move
 * mass and heat for a basin, whose water only warms and cools.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildTemplatePlant } from './template-plant.js';
import type { SiteSpec } from './schema.js';

const SITE = { name: 'test site', timeZone: 'Asia/Shanghai', ambientTemperature: 293.15 } as SiteSpec;

test('a gas-liquid CO2 plant’s summary has every store’s measured balance, the basin’s in heat, and results.json keeps it whole', () => {
  const brief = { charge: { power: '10 MW' }, discharge: { power: '10 MW' }, liquidTank: { volume: '2000 m3' } };
  const plant = buildTemplatePlant('co2-gas-liquid', brief, SITE, 'plants[0].parameters');
  const b = plant.summary.designCycle.storeBalance;
  assert.equal(b.periodic, plant.summary.designCycle.periodic);
  assert.deepEqual(JSON.parse(JSON.stringify(b)), b, 'plain numbers and strings, nothing JSON drops');
  const rows = new Map(b.parts.map((p) => [`${p.store}.${p.part}`, p]));
  assert.deepEqual([...rows.keys()], ['tank.contents', 'dome.gas', 'oil.hot', 'oil.cold', 'water.hot', 'water.cold', 'basin.water']);
  const basin = rows.get('basin.water')!;
  assert.equal(basin.quantity, 'heat');
  assert.equal(basin.unit, 'J');
  // the basin takes the heat of condensation in the charge and gives the heat of evaporation in the discharge; its
  // cooler takes away what the two leave (basin.coolerEffectiveness 0.8 of its rise above the ambient)
  assert.equal(basin.filledBy, 'charge');
  assert.ok(basin.in > basin.out && basin.out > 0, `in ${basin.in} J, out ${basin.out} J`);
  assert.ok(basin.restored < 0, `${basin.restored}`);
  assert.ok(Math.abs(basin.in - basin.out + basin.restored + basin.standing - (basin.atEnd - basin.atStart)) <= 1e-9 * basin.in);
  // the liquid tank ended the discharge; the CO2 it held went to the dome and back
  assert.deepEqual(b.stores.filter((s) => s.endedDischarge).map((s) => s.store), ['tank']);
  const [tank, dome] = [rows.get('tank.contents')!, rows.get('dome.gas')!];
  assert.ok(Math.abs(tank.in - dome.out) <= 1e-9 * tank.in && Math.abs(tank.out - dome.in) <= 1e-9 * tank.in);
});
