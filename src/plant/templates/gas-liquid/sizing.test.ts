/** Sizing a gas-liquid CO2 plant by its liquid tanks, its energy or its duration: exactly one (issue 13 §3). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PlantInputError } from '../../errors.js';
import { createPlant } from '../index.js';

const SITE = { ambientTemperature: 293.15 };
const BASE = { charge: { power: '10 MW' }, discharge: { power: '10 MW' }, condenser: { sink: 'ambient-air', approach: '3 K' }, evaporator: { source: 'ambient-air', approach: '5 K' } };

test('energy: 80 MWh sizes the tanks so that a design discharge delivers 80 MWh at the net design power', () => {
  const f = createPlant('co2-gas-liquid', { ...BASE, energy: '80 MWh' }, SITE).design().figures;
  assert.ok(Math.abs(f.dischargeEnergyEstimate.value / 3.6e9 - 80) < 1e-9 * 80, `${f.dischargeEnergyEstimate.value / 3.6e9} MWh`);
  assert.ok(Math.abs(f.dischargeNetPower.value * f.dischargeDurationEstimate.value - f.dischargeEnergyEstimate.value) < 1e-6 * f.dischargeEnergyEstimate.value);
  assert.match(f.liquidTankVolume.note ?? '', /sized by energy \(80 MWh\)/);
});

test('duration: 8 h sizes the same tanks as the volume that plant reports, and that volume gives 8 h back', () => {
  const byDuration = createPlant('co2-gas-liquid', { ...BASE, duration: '8 h' }, SITE).design().figures;
  assert.ok(Math.abs(byDuration.dischargeDurationEstimate.value - 8 * 3600) < 1e-6, `${byDuration.dischargeDurationEstimate.value} s`);
  const volume = byDuration.liquidTankVolume.value;
  const byVolume = createPlant('co2-gas-liquid', { ...BASE, liquidTank: { volume: `${volume} m3` } }, SITE).design().figures;
  assert.ok(Math.abs(byVolume.dischargeDurationEstimate.value - 8 * 3600) < 1e-6, `${byVolume.dischargeDurationEstimate.value} s`);
  assert.ok(Math.abs(byVolume['oil.mediumMass'].value - byDuration['oil.mediumMass'].value) < 1e-6 * byVolume['oil.mediumMass'].value);
});

test('no sizing given: the default 17,000 m³ of liquid tanks', () => {
  const f = createPlant('co2-gas-liquid', BASE, SITE).design().figures;
  assert.equal(f.liquidTankVolume.value, 17000);
});

test('two sizings are refused, naming the second field and the first', () => {
  assert.throws(
    () => createPlant('co2-gas-liquid', { ...BASE, liquidTank: { volume: '3000 m3' }, energy: '80 MWh' }, SITE).design(),
    (e: unknown) => e instanceof PlantInputError && e.field === 'energy' && /liquidTank\.volume \(3000 m3\) is given too/.test(e.message),
  );
  assert.throws(
    () => createPlant('co2-gas-liquid', { ...BASE, energy: '80 MWh', duration: '8 h' }, SITE).design(),
    (e: unknown) => e instanceof PlantInputError && e.field === 'duration' && /energy \(80 MWh\)/.test(e.message),
  );
});

test('a duration shorter than the shortest store is refused at the field with its range', () => {
  assert.throws(
    () => createPlant('co2-gas-liquid', { ...BASE, duration: '10 min' }, SITE).design(),
    (e: unknown) => e instanceof Error && /duration: "10 min" is outside the valid range 0\.25 h ≤ x ≤ 1000 h/.test(e.message),
  );
});
