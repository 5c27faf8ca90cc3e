/** A thermal store's discharge exchangers with their own hot-end approach and pinch (issue 13 §3). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PlantInputError } from '../../errors.js';
import { createPlant } from '../index.js';

const SITE = { ambientTemperature: 293.15 };
const params = (heatRationing: boolean, oil: Record<string, string>) => ({
  expansion: { heatRationing },
  thermalStores: [{ name: 'oil', medium: 'TVP1', coldTemperature: '100 degC', pressure: '10 bar', ...oil }, { name: 'water', medium: 'Water', coldTemperature: '30 degC', pressure: '5 bar' }],
});

test('the oil’s discharge exchangers take their own 8 K hot-end approach while its charge exchangers keep the 15 K default', () => {
  const d = createPlant('co2-gas-liquid', params(false, { dischargeHotEndApproach: '8 K', dischargePinch: '5 K' }), SITE).design();
  assert.ok(Math.abs((d.discharge.component('HXd1_oil').values.ttd_u as number) - 8) < 1e-9);
  assert.ok(Math.abs((d.charge.component('HXc1_oil').values.ttd_u as number) - 15) < 1e-9);
  // closer to the hot tank, the discharge would spend the oil faster than the charge stored it (measured 1.045)
  assert.ok(d.figures['oil.dischargeToChargeRatio'].value > 1.04, `${d.figures['oil.dischargeToChargeRatio'].value}`);
});

test('rationed, the same oil store is spent at the charge’s rate less the reserve, its discharge approach raised from 8 K to what the stored heat allows', () => {
  const d = createPlant('co2-gas-liquid', params(true, { dischargeHotEndApproach: '8 K', dischargePinch: '5 K' }), SITE).design();
  assert.ok(Math.abs(d.figures['oil.dischargeToChargeRatio'].value - 1 / 1.01) < 1e-5, `${d.figures['oil.dischargeToChargeRatio'].value}`);
  const a = d.discharge.component('HXd1_oil').values.ttd_u as number;
  assert.ok(a > 8 && a < 15, `${a} K`);
});

test('a discharge pinch at or above the discharge hot-end approach is refused, naming the store and the field', () => {
  assert.throws(
    () => createPlant('co2-gas-liquid', params(true, { dischargeHotEndApproach: '8 K', dischargePinch: '9 K' }), SITE).design(),
    (e: unknown) => e instanceof PlantInputError && e.field === 'dischargePinch' && /thermalStores\[0\]/.test(e.message) && /below the discharge hot-end approach \(8 K\)/.test(e.message),
  );
});
