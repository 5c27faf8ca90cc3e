/**
 * A project's template plant carries the stores' balance its periodic design cycle measured (plantModel.designCycle
 * .storeBalance in evaluate's results): plain data that results.json keeps whole, masses for the stores that move
 * mass and heat for a basin, whose water only warms and cools.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TemplatePlantModel } from '../plant/templates/index.js';
import { buildTemplatePlant, DETAIL_CYCLE } from './template-plant.js';
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

test('a template plant’s detail is its repeatable cycle with a 2 h hold: the design cycle’s charge at its step, and a round-trip efficiency below the design cycle’s by a 2 h hold’s standing loss', () => {
  const brief = { charge: { power: '10 MW' }, discharge: { power: '10 MW' }, storage: { volume: '30000 m3' } };
  const plant = buildTemplatePlant('adiabatic-caes', brief, SITE, 'plants[0].parameters');
  const model = plant.model as TemplatePlantModel;
  const step = model.designCycleStep();
  const p = plant.performance;
  const d = plant.detail().cycle;
  const t = d.t;
  // every step is the design cycle's, but for the last one of a phase (cut at a store limit)
  const whole = t.slice(1).map((v, i) => v - t[i]).filter((dt, i) => d.phase[i] === d.phase[i + 1]);
  assert.ok(whole.length > 40 && whole.every((dt) => Math.abs(dt - step) <= 1e-9 * step), `step ${step} s: ${whole.slice(0, 5)}`);
  // the design cycle's charge (its duration and its stop), then 2 h of hold
  const holdStart = d.phase.indexOf(1);
  assert.equal(t[holdStart], p.chargeDuration);
  assert.equal(d.phase.filter((x) => x === 1).length, Math.ceil(DETAIL_CYCLE.holdSeconds / step));
  assert.ok(Math.abs(t[d.phase.indexOf(2)] - t[holdStart] - DETAIL_CYCLE.holdSeconds) <= 1e-9 * t[holdStart]);
  assert.deepEqual(d.stops.map((s) => `${s.phase}: ${s.reason}`), p.designCycle.stops);
  // the same charge and the restoring units after it: the electricity drawn within 1e-3 of the design cycle's
  const designIn = p.energyCapacity / p.roundTripEfficiency;
  assert.ok(Math.abs(d.energyIn / designIn - 1) <= 1e-3, `${d.energyIn} J against ${designIn} J`);
  // the cavern's air, warm from the charge, loses its heat to the walls fastest right after it: 2 h of hold cost at
  // least 2 h at the 24 h hold's mean rate λ, and less than the 24 h hold
  const rte = d.roundTripEfficiency;
  const after = (seconds: number) => p.roundTripEfficiency * Math.exp(-p.standingLoss * seconds);
  assert.ok(p.standingLoss > 0);
  assert.ok(rte <= after(DETAIL_CYCLE.holdSeconds) && rte > after(24 * 3600), `${rte} against ${after(DETAIL_CYCLE.holdSeconds)} (2 h at λ) and ${after(24 * 3600)} (24 h)`);
  assert.ok(Math.abs(d.roundTripEfficiency - d.energyOut / d.energyIn) <= 1e-15);
});
