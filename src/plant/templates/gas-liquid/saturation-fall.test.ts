import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createPlant } from '../index.js';
import { fluid } from '../../../fluids/index.js';
import { PlantInputError } from '../../errors.js';

const SITE = { ambientTemperature: 293.15 };
const co2 = fluid('CO2');
const Tsat = (p: number) => co2.saturationAtP(p).T;

test('a pressure loss given as a fall of saturation temperature falls exactly that much between the condenser’s and the evaporator’s ends', () => {
  // CO2 saturation from Span & Wagner (the project's reference EOS); before, the fall was measured downward from the
  // outlet and applied upward, and a stated 3 K fell 2.84 K between the ends
  const d = createPlant('co2-gas-liquid', { condenser: { pressureLoss: '3 K' }, evaporator: { approach: '5 K', pinch: '2 K', pressureLoss: '1.5 K' } }, SITE).design();
  const cond = Tsat(d.charge.stream('HXc2_water-COND').p) - Tsat(d.charge.stream('COND-TP').p);
  assert.ok(Math.abs(cond - 3) < 1e-6, `condenser: ${cond} K`);
  const evap = Tsat(d.discharge.stream('EV-EVAP').p) - Tsat(d.discharge.stream('EVAP-REC').p);
  assert.ok(Math.abs(evap - 1.5) < 1e-6, `evaporator: ${evap} K`);
});

test('a fall that would saturate the condenser’s inlet above the critical temperature is the field’s error, naming the largest fall', () => {
  // condensing at 20 + 5 = 25 degC: the inlet may saturate at most 30.98 − 25 = 5.98 K higher
  assert.throws(
    () => createPlant('co2-gas-liquid', { condenser: { pressureLoss: '6 K' } }, SITE).design(),
    (e: unknown) => e instanceof PlantInputError && /condenser\.pressureLoss/.test(e.message) && /below 5\.98 K/.test(e.message),
  );
});
