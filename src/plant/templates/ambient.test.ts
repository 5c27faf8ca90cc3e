/**
 * The gas-liquid CO2 plant against the ambient temperature, from its periodic design cycle (a 10 MW plant with
 * 2000 m³ of liquid tanks; the physics of each trend is in the header of co2-gas-liquid.ts). With the condenser and
 * the evaporator both tied to the ambient (through the basin, which its cooler returns to the ambient after every
 * discharge, or through the air) the condensing and the evaporating pressure rise together: the expansion gains a
 * little more than the compression loses, so the round-trip efficiency rises slowly with the ambient — as the
 * published A4 case does (validation.test.ts) — while the tanks hold less (the liquid thins towards the critical
 * point). With the evaporator on a water source whose temperature does not follow the ambient (ground, river or sea
 * water, low-grade waste heat) only the condensing pressure rises with the ambient: the compression pays for it and
 * the round-trip efficiency falls. Near the critical temperature the basin plant's charge is cut short, and above the
 * limit no plant is built.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PlantInputError } from '../errors.js';
import { createPlant, type PlantPerformance } from './index.js';

const BASE = { charge: { power: '10 MW' }, discharge: { power: '10 MW' }, liquidTank: { volume: '2000 m3' } };
const AIR_CONDENSER = { ...BASE, condenser: { sink: 'ambient-air' }, evaporator: { source: 'basin' } };
const WATER_SOURCE = { ...BASE, condenser: { sink: 'ambient-air' }, evaporator: { source: 'water', sourceTemperature: '15 degC' } };
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
  // the limit is 29.98 degC; the basin, not reset to the ambient after a discharge, may stop the charge a step earlier
  assert.match(p.designCycle.stops[0], /^charge: condensation impossible: CO2 would condense at (29\.99|30\.\d\d) degC \(the basin at (24\.99|25\.\d\d) degC \+ 5 K\)/);
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
  // its basin only gives heat: the cooler warms it back from the air after every discharge, 80 % of the way (basin.coolerEffectiveness)
  const basin = /^basin warmed from (1\d\.\d\d) to (\d+\.\d\d) degC by its cooler/m.exec(ps[1].designCycle.restore.join('\n'));
  assert.ok(basin && Math.abs(Number(basin[2]) - 20 - 0.2 * (Number(basin[1]) - 20)) <= 0.011, ps[1].designCycle.restore.join('\n'));
});

test('with the evaporator on a water source at a fixed 15 degC a warmer ambient lowers the RTE: only the condensing pressure rises, and the compression pays for it', () => {
  const ps = [10, 15, 20, 24].map((T) => at(WATER_SOURCE, T));
  for (const p of ps) assert.ok(p.designCycle.periodic, p.warnings.join('\n'));
  for (let k = 1; k < ps.length; k++) assert.ok(ps[k].roundTripEfficiency < ps[k - 1].roundTripEfficiency, show(ps));
  // about 0.15–0.2 point per kelvin (65.6 % at 10 degC, 63.0 % at 24 degC)
  const perKelvin = ((ps[0].roundTripEfficiency - ps[3].roundTripEfficiency) / 14) * 100;
  assert.ok(perKelvin > 0.1 && perKelvin < 0.3, `${perKelvin.toFixed(3)} points per K; ${show(ps)}`);
  // the evaporating pressure is the source's (10 degC saturation, 45.0 bar) at every ambient; the condensing one is not
  const designs = [10, 24].map((T) => createPlant('co2-gas-liquid', WATER_SOURCE, { ambientTemperature: 273.15 + T }).design().figures);
  for (const f of designs) assert.ok(Math.abs(f.evaporatingPressure.value / 45.02e5 - 1) < 2e-3, `${f.evaporatingPressure.value / 1e5} bar`);
  assert.ok(designs[1].condensingPressure.value > 1.3 * designs[0].condensingPressure.value, `${designs.map((f) => (f.condensingPressure.value / 1e5).toFixed(1)).join(' → ')} bar`);
  // the heat the source gives (and its pumps) is in the cycle's energy balance
  for (const p of ps) assert.ok(p.designCycle.conservation.energy < 1e-6, `${p.designCycle.conservation.energy}`);
});

test('above the limit an air-cooled condenser cannot condense either: the plant is refused with the reason', () => {
  assert.throws(
    () => createPlant('co2-gas-liquid', AIR_CONDENSER, { ambientTemperature: 273.15 + 25 }),
    (e: unknown) => e instanceof PlantInputError && /the air at 25\.00 degC \+ 5 K\), which is not below its critical temperature 30\.98 degC less the 1 K margin — condensation is impossible/.test(e.message),
  );
});
