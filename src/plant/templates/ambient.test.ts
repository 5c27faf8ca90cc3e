/**
 * The gas-liquid CO2 plant against the ambient temperature, from its periodic design cycle (a 10 MW plant with
 * 2000 m³ of liquid tanks; the physics of each trend is in the header of co2-gas-liquid.ts). With the condenser and
 * the evaporator both tied to the ambient (through the basin, which its cooler returns to the ambient after every
 * discharge, or through the air) the condensing and the evaporating pressure rise together: the expansion gains a
 * little more than the compression loses, so the round-trip efficiency rises slowly with the ambient — as the
 * published A4 case does (validation.test.ts) — while the tanks hold less (the liquid thins towards the critical
 * point). Near the critical temperature the basin plant's charge is cut short, and above the limit no plant is built.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PlantInputError } from '../errors.js';
import { createPlant, type PlantPerformance } from './index.js';

const BASE = { charge: { power: '10 MW' }, discharge: { power: '10 MW' }, liquidTank: { volume: '2000 m3' } };
const AIR_CONDENSER = { ...BASE, condenser: { sink: 'ambient-air' }, evaporator: { source: 'basin' } };
const MWH = 3.6e9;

const cache = new Map<string, PlantPerformance>();
function at(params: object, degC: number): PlantPerformance {
  const key = `${JSON.stringify(params)}@${degC}`;
  let p = cache.get(key);
  if (!p) cache.set(key, (p = createPlant('co2-gas-liquid', params, { ambientTemperature: 273.15 + degC }).performance()));
  return p;
}

const show = (ps: PlantPerformance[]) => ps.map((p) => `${(p.roundTripEfficiency * 100).toFixed(2)} % / ${(p.energyCapacity / MWH).toFixed(1)} MWh`).join(' → ');

test('with the default water basin the RTE rises slightly with the ambient from 5 to 20 degC, while the same tanks hold less', () => {
  const ps = [5, 15, 20].map((T) => at(BASE, T));
  for (const p of ps) assert.ok(p.designCycle.periodic, p.warnings.join('\n'));
  assert.ok(ps[0].roundTripEfficiency < ps[1].roundTripEfficiency && ps[1].roundTripEfficiency < ps[2].roundTripEfficiency, show(ps));
  // a gentle rise: about 0.1 point per kelvin
  assert.ok(ps[2].roundTripEfficiency - ps[0].roundTripEfficiency < 0.04, show(ps));
  assert.ok(ps[0].energyCapacity > ps[1].energyCapacity && ps[1].energyCapacity > ps[2].energyCapacity, show(ps));
});

test('with the default water basin near its limit (23 degC) the basin warms to the condensation limit during the charge: the charge is cut short and the capacity collapses', () => {
  const p = at(BASE, 23);
  assert.match(p.designCycle.stops[0], /^charge: condensation impossible: CO2 would condense at 30\.\d\d degC \(the basin at 25\.\d\d degC \+ 5 K\)/);
  assert.ok(p.energyCapacity < 0.6 * at(BASE, 20).energyCapacity, `${p.energyCapacity / MWH} MWh vs ${at(BASE, 20).energyCapacity / MWH} MWh at 20 degC`);
});

test('with an air-cooled condenser and the basin feeding the evaporator the RTE also rises with the ambient (the basin is warmed back to the ambient from the air), below the basin plant’s, which keeps its heat of condensation', () => {
  const ps = [10, 20, 24].map((T) => at(AIR_CONDENSER, T));
  for (const p of ps) assert.ok(p.designCycle.periodic, p.warnings.join('\n'));
  assert.ok(ps[0].roundTripEfficiency < ps[1].roundTripEfficiency && ps[1].roundTripEfficiency < ps[2].roundTripEfficiency, show(ps));
  assert.ok(ps[0].energyCapacity > ps[1].energyCapacity && ps[1].energyCapacity > ps[2].energyCapacity, show(ps));
  // the heat of condensation goes to the air and the basin has to be warmed from it (fans): 1–3 points lost
  const loss = at(BASE, 20).roundTripEfficiency - ps[1].roundTripEfficiency;
  assert.ok(loss > 0.01 && loss < 0.03, `${(loss * 100).toFixed(2)} points`);
  // its basin only gives heat: the cooler warms it back from the air after every discharge
  assert.match(ps[1].designCycle.restore.join('\n'), /^basin warmed from 1\d\.\d\d to 20\.00 degC/m);
});

test('above the limit an air-cooled condenser cannot condense either: the plant is refused with the reason', () => {
  assert.throws(
    () => createPlant('co2-gas-liquid', AIR_CONDENSER, { ambientTemperature: 273.15 + 25 }),
    (e: unknown) => e instanceof PlantInputError && /the air at 25\.00 degC \+ 5 K\), which is not below its critical temperature 30\.98 degC less the 1 K margin — condensation is impossible/.test(e.message),
  );
});
