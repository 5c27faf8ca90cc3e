/**
 * The templates' behaviour: design points meet their powers and open as network files that solve to the same
 * state; a whole cycle conserves the working fluid and closes its energy balance; efficiencies stay below one and
 * fall with the machines'; the CO2 plant refuses to condense at or above the critical temperature.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseNetworkText } from '../file/load.js';
import { PlantInputError } from '../errors.js';
import { createPlant, TEMPLATE_NAMES, TemplateParameterError, type PlantModel } from './index.js';

const plants = new Map<string, PlantModel>();
function plant(name: string): PlantModel {
  let p = plants.get(name);
  if (!p) plants.set(name, (p = createPlant(name, {}, { ambientTemperature: 293.15 })));
  return p;
}

const BUS: Record<string, { charge: string; discharge: string }> = {
  'adiabatic-caes': { charge: 'motors', discharge: 'generators' },
  'diabatic-caes': { charge: 'motors', discharge: 'generators' },
  'co2-gas-liquid': { charge: 'motors', discharge: 'generators' },
  'co2-transcritical': { charge: 'motors', discharge: 'generators' },
  'liquid-co2': { charge: 'motors', discharge: 'generators' },
};

test('every template designs at its defaults with the motors and generators at their design power', () => {
  const expected: Record<string, [number, number]> = { 'adiabatic-caes': [100e6, 100e6], 'diabatic-caes': [60e6, 290e6], 'co2-gas-liquid': [100e6, 100e6], 'co2-transcritical': [10e6, 10e6], 'liquid-co2': [10e6, 10e6] };
  for (const name of TEMPLATE_NAMES) {
    const d = plant(name).design();
    const [c, dis] = expected[name];
    assert.ok(Math.abs((d.charge.component(BUS[name].charge).P_el ?? 0) - c) < 1e-6 * c, `${name} motors`);
    assert.ok(Math.abs(-(d.discharge.component(BUS[name].discharge).P_el ?? 0) - dis) < 1e-6 * dis, `${name} generators`);
    assert.ok(d.charge.balances().energy.relative < 1e-9 && d.discharge.balances().energy.relative < 1e-9, `${name} design balances`);
  }
});

test('the design networks open as YAML network files that solve to the same streams (a researcher’s own variant starts here)', () => {
  for (const name of TEMPLATE_NAMES) {
    for (const mode of ['charge', 'discharge'] as const) {
      const yaml = plant(name).network(mode);
      assert.match(yaml, /^# .*chuneng template/);
      const parsed = parseNetworkText(yaml, `${name} ${mode}`);
      assert.ok(parsed.ok, `${name} ${mode}: ${parsed.ok ? '' : parsed.issues.map((i) => i.message).join('; ')}`);
      const r = parsed.network.solve();
      assert.ok(r.ok, `${name} ${mode}: ${r.ok ? '' : r.reason}`);
      const design = mode === 'charge' ? plant(name).design().charge : plant(name).design().discharge;
      for (const row of design.streams()) {
        const again = r.value.stream(row.id);
        assert.ok(Math.abs(again.m - row.m) <= 1e-6 * Math.max(1, row.m) && Math.abs(again.h - row.h) <= 1e-3 && Math.abs(again.p - row.p) <= 1e-6 * row.p, `${name} ${mode} ${row.id}`);
      }
    }
  }
});

test('over a whole cycle the working fluid is conserved and the energy balance closes to 1e-6', () => {
  for (const name of TEMPLATE_NAMES) {
    const r = plant(name).cycle({ chargeSeconds: 3 * 3600, holdSeconds: 3600, dischargeSeconds: 3 * 3600, stepSeconds: 300 });
    assert.ok(r.conservation.massRelative < 1e-6, `${name}: mass ${r.conservation.massRelative}`);
    assert.ok(r.conservation.energyRelative < 1e-6, `${name}: energy ${r.conservation.energyRelative} (${r.conservation.energyResidual} J)`);
    assert.ok(r.metrics.energyOut > 0 && r.metrics.energyIn > 0, name);
    const m = r.metrics;
    // the balance in the issue's words: electricity in − out (+ fuel) = heat rejected + losses + change of stored energy
    const rhs = m.heatRejected + m.drivetrainLoss + m.exhaustLoss + m.storeLoss + m.storedEnergyChange;
    assert.ok(Math.abs(m.energyIn + m.fuel - m.energyOut - rhs) <= 1e-6 * (m.energyIn + m.energyOut + m.fuel), name);
  }
});

test('round-trip efficiencies stay below one; a diabatic plant returns more electricity than it takes but less than electricity and fuel', () => {
  for (const name of TEMPLATE_NAMES) {
    const m = plant(name).cycle({ chargeSeconds: 2 * 3600, holdSeconds: 0, dischargeSeconds: 2 * 3600, stepSeconds: 600 }).metrics;
    assert.ok(m.roundTripEfficiencyWithFuel < 1 && m.roundTripEfficiencyWithFuel > 0.2, `${name}: ${m.roundTripEfficiencyWithFuel}`);
    assert.ok(m.exergyEfficiency < 1, `${name}: exergy ${m.exergyEfficiency}`);
    if (name === 'diabatic-caes') assert.ok(m.roundTripEfficiency > 1 && m.fuel > 0, `${name}: ${m.roundTripEfficiency}`);
    else assert.ok(m.roundTripEfficiency < 1 && m.fuel === 0, `${name}: ${m.roundTripEfficiency}`);
  }
});

test('efficiency falls as the compressors’ or the turbines’ efficiency falls', () => {
  const rte = (name: string, params: object) => createPlant(name, params, { ambientTemperature: 293.15 }).cycle({ chargeSeconds: 2 * 3600, holdSeconds: 0, dischargeSeconds: 4 * 3600, stepSeconds: 600 }).metrics.roundTripEfficiency;
  for (const name of ['adiabatic-caes', 'co2-gas-liquid'] as const) {
    const base = rte(name, {});
    const worseC = rte(name, { compression: { efficiency: '80 %' } });
    const worseT = rte(name, { expansion: { efficiency: '82 %' } });
    assert.ok(worseC < base - 0.01 && worseT < base - 0.01, `${name}: ${base} → compressors ${worseC}, turbines ${worseT}`);
  }
});

test('the CO2 plant cannot condense at or above the critical temperature: a clear error, unless a chiller serves the condenser', () => {
  assert.throws(
    () => createPlant('co2-gas-liquid', {}, { ambientTemperature: 305.15 }),
    (e: unknown) => e instanceof PlantInputError && e.field === 'site.ambientTemperature' && /condensation is impossible/.test(e.message) && /critical temperature 30\.98 degC/.test(e.message) && /condenser\.chiller/.test(e.message),
  );
  const chilled = createPlant('co2-gas-liquid', { condenser: { chiller: { cop: 4, supplyTemperature: '12 degC' } } }, { ambientTemperature: 305.15 });
  const f = chilled.design().figures;
  assert.ok(Math.abs(f.condensingTemperature.value - (285.15 + 5)) < 1e-9, 'chilled water + approach');
  // the chiller's electricity (heat / COP) is an auxiliary of the charge
  assert.ok(f.chargeAuxiliaries.value > 0.2 * Math.abs(chilled.design().charge.report('COND').Q ?? 0) / 4, `${f.chargeAuxiliaries.value}`);
});

test('a warmer ambient raises the CO2 plant’s condensing pressure and its compression work per kg', () => {
  const at = (T: number) => createPlant('co2-gas-liquid', { condenser: { sink: 'ambient-air' }, evaporator: { source: 'ambient-air' } }, { ambientTemperature: T }).design().figures;
  const [a, b, c] = [at(283.15), at(288.15), at(293.15)];
  assert.ok(a.condensingPressure.value < b.condensingPressure.value && b.condensingPressure.value < c.condensingPressure.value);
  assert.ok(a.specificCompressionWork.value < b.specificCompressionWork.value && b.specificCompressionWork.value < c.specificCompressionWork.value);
});

test('the charge stops, with the reason, when the basin has warmed too far for condensation', () => {
  const r = createPlant('co2-gas-liquid', {}, { ambientTemperature: 294.65 }).cycle({ chargeSeconds: 6 * 3600, holdSeconds: 0, dischargeSeconds: 0, stepSeconds: 300 });
  assert.equal(r.stops[0]?.phase, 'charge');
  assert.match(r.stops[0].reason, /condensation impossible: CO2 would condense at 30\.\d\d degC \(the basin at 25\.\d\d degC \+ 5 K\), not below the critical temperature 30\.98 degC less 1 K/);
});

test('bad parameters name their field; parameters that cannot make a plant say why', () => {
  assert.throws(() => createPlant('adiabatic-caes', { compression: { stages: 0 } }), (e: unknown) => e instanceof TemplateParameterError && e.issues[0].field === 'compression.stages');
  assert.throws(() => createPlant('adiabatic-caes', { storage: { pressureMin: '80 bar' } }), (e: unknown) => e instanceof PlantInputError && e.field === 'storage.pressureMin');
  assert.throws(() => createPlant('co2-gas-liquid', { condenser: { pinch: '6 K' } }), (e: unknown) => e instanceof PlantInputError && e.field === 'condenser.pinch');
  assert.throws(() => createPlant('nuclear', {}), (e: unknown) => e instanceof TemplateParameterError && /adiabatic-caes, diabatic-caes, co2-gas-liquid, co2-transcritical/.test(e.message));
});

test('performance() gives the dispatch figures as plain data: powers, capacity, part-load curves from the minimum run point, standing loss, equipment', () => {
  const p = plant('adiabatic-caes').performance();
  assert.deepEqual(JSON.parse(JSON.stringify(p)), p, 'plain data');
  assert.ok(Math.abs(p.chargePower - plant('adiabatic-caes').design().figures.chargeNetPower.value) < 1);
  assert.ok(p.energyCapacity > 1e12 && p.roundTripEfficiency > 0.5 && p.roundTripEfficiency < 0.8);
  for (const c of [p.chargeCurve, p.dischargeCurve]) {
    assert.ok(c.input.length >= 3 && c.input.every((v, i) => i === 0 || v > c.input[i - 1]), 'ascending');
    assert.ok(c.output.every((v, i) => i === 0 || v > c.output[i - 1]), 'monotone');
  }
  assert.ok(Math.abs(p.chargeCurve.input[0] - 0.4 * p.chargePower) < 1e-6 * p.chargePower, 'minimum run point (40 %)');
  assert.ok(p.chargeCurve.output.every((v, i) => v < p.chargeCurve.input[i]), 'filling below the electricity drawn');
  assert.ok(p.standingLoss > 0 && p.standingLoss < 1e-4);
  assert.equal(p.fuelPerOutput, 0);
  for (const kind of ['compressor', 'turbine', 'pump', 'heat-exchanger', 'thermal-store', 'tank', 'cavern']) assert.ok(p.equipment.some((e) => e.kind === kind), kind);
  assert.match(p.energyDensityBasis, /cavern/);
});

test('per-stage lists of the wrong length are refused with the field, in every template', () => {
  for (const template of ['adiabatic-caes', 'diabatic-caes', 'co2-gas-liquid', 'co2-transcritical'] as const) {
    assert.throws(
      () => createPlant(template, { compression: { stages: 2, stageEfficiencies: [0.85, 0.86, 0.87] } }, { ambientTemperature: 293.15 }),
      (e: unknown) => e instanceof PlantInputError && /compression\.stageEfficiencies/.test(e.message) && /2 values, one per stage/.test(e.message),
      template,
    );
    assert.throws(
      () => createPlant(template, { compression: { stages: 3, pressureRatios: [3] } }, { ambientTemperature: 293.15 }),
      (e: unknown) => e instanceof PlantInputError && /compression\.pressureRatios/.test(e.message) && /'equal' or 2 ratios \(the last stage takes the rest\)/.test(e.message),
      template,
    );
  }
  assert.throws(
    () => createPlant('co2-gas-liquid', { expansion: { stages: 3, pressureRatios: [0.3] } }, { ambientTemperature: 293.15 }),
    (e: unknown) => e instanceof PlantInputError && /expansion\.pressureRatios/.test(e.message),
  );
});

test('a store exchanger that could meet its approach only with its medium flowing backwards is refused at the design point, with the temperatures and what to change', () => {
  // thermal oil from 120 degC behind compressors whose gas leaves at 133 degC: the hot-end approach (15 K) would put
  // the oil out colder than it came in; the solver met it with a negative flow
  const stores = [
    { name: 'oil', medium: 'TVP1', coldTemperature: '120 degC' },
    { name: 'water', medium: 'Water', coldTemperature: '30 degC', pressure: '20 bar' },
  ];
  assert.throws(
    () => createPlant('co2-transcritical', { thermalStores: stores }, { ambientTemperature: 293.15 }),
    (e: unknown) => e instanceof PlantInputError && /co2-transcritical charge design: HXc1_oil = "hot side in at 132\.9 degC, cold side in at 120\.0 degC"/.test(e.message) && /its cold side would flow backwards/.test(e.message) && /thermalStores\[\]\.stages/.test(e.message),
  );
  // a cold tank below the ambient cannot be restored by its trim cooler
  assert.throws(
    () => createPlant('co2-transcritical', {}, { ambientTemperature: 308.15 }),
    (e: unknown) => e instanceof PlantInputError && /thermalStores\[1\]\.coldTemperature = 303\.15/.test(e.message) && /at least the ambient 308\.15 K/.test(e.message),
  );
});
