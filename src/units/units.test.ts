import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseQuantity, parseUnit, fromSI, formatQuantity, UnitError } from './index.js';

const close = (a: number, b: number, rel = 1e-14) =>
  assert.ok(Math.abs(a - b) <= rel * Math.max(Math.abs(a), Math.abs(b), 1e-300), `${a} != ${b}`);

test('absolute temperatures get their offset, differences do not', () => {
  close(parseQuantity('25 degC', 'temperature'), 298.15);
  close(parseQuantity('25degC', 'temperature'), 298.15);
  close(parseQuantity('25 °C', 'temperature'), 298.15);
  close(parseQuantity('77 degF', 'temperature'), 298.15);
  close(parseQuantity('300 K', 'temperature'), 300);
  close(parseQuantity('10 degC', 'temperatureDifference'), 10);
  close(parseQuantity('18 degF', 'temperatureDifference'), 10);
});

test('pressures, energies, powers and compound units convert to SI', () => {
  close(parseQuantity('70 bar', 'pressure'), 7e6);
  close(parseQuantity('70bar', 'pressure'), 7e6);
  close(parseQuantity('1.5e1 MPa', 'pressure'), 15e6);
  close(parseQuantity('1 atm', 'pressure'), 101325);
  close(parseQuantity('400 MWh', 'energy'), 400 * 3.6e9);
  close(parseQuantity('100 MW', 'power'), 1e8);
  close(parseQuantity('2 kJ/(kg K)', 'specificEntropy'), 2000);
  close(parseQuantity('2 kJ/kg/K', 'specificEntropy'), 2000);
  close(parseQuantity('300000 m3', 'volume'), 3e5);
  close(parseQuantity('300000 m^3', 'volume'), 3e5);
  close(parseQuantity('5 kWh/m3', 'specificEnergyPerVolume'), 5 * 3.6e6);
  close(parseQuantity('0.1 %/h', 'ratePerTime'), 0.001 / 3600);
  close(parseQuantity('90 %', 'fraction'), 0.9);
  close(parseQuantity(0.9, 'fraction'), 0.9);
  close(parseQuantity('0.9', 'fraction'), 0.9);
  close(parseQuantity('300 yuan/MWh', 'pricePerEnergy'), 300 / 3.6e9);
  close(parseQuantity('100 yuan/(kW yr)', 'pricePerPowerTime'), 100 / 1000 / (365 * 86400));
  close(parseQuantity('5 W/(m2 K)', 'heatTransferCoefficient'), 5);
  close(parseQuantity('1.8e-5 Pa s', 'viscosity'), 1.8e-5);
  close(parseQuantity('20 g/mol', 'molarMass'), 0.02);
});

test('exponents may be negative and written without a caret', () => {
  close(parseUnit('kg m-3').factor, 1);
  assert.deepEqual(parseUnit('kg m-3').dim, [-3, 1, 0, 0, 0, 0]);
  assert.deepEqual(parseUnit('s^-1').dim, [0, 0, -1, 0, 0, 0]);
  assert.deepEqual(parseUnit('1/h').dim, [0, 0, -1, 0, 0, 0]);
  close(parseUnit('1/h').factor, 1 / 3600);
});

test('wrong dimension, unknown symbol and junk are clear errors naming the field', () => {
  assert.throws(() => parseQuantity('70 kg', 'pressure', 'storage.pressure'), (e: unknown) => {
    assert.ok(e instanceof UnitError);
    assert.match(e.message, /storage\.pressure/);
    assert.match(e.message, /pressure/);
    assert.match(e.message, /70 kg/);
    return true;
  });
  assert.throws(() => parseQuantity('70 furlongs', 'length'), /unknown unit symbol "furlongs"/);
  assert.throws(() => parseQuantity('seventy bar', 'pressure'), /expected a number/);
  assert.throws(() => parseQuantity('70', 'pressure'), /a unit is required/);
  assert.throws(() => parseQuantity(Number.NaN, 'pressure'), /finite/);
  assert.throws(() => parseQuantity(Number.POSITIVE_INFINITY, 'pressure'), /finite/);
  assert.throws(() => parseQuantity('25 degC/h', 'temperature'), UnitError);
});

test('fromSI inverts parseQuantity and formatQuantity shows display units', () => {
  close(fromSI(298.15, 'degC', 'temperature'), 25, 1e-12);
  close(fromSI(7e6, 'bar', 'pressure'), 70);
  assert.equal(formatQuantity(7e6, 'pressure'), '70 bar');
  assert.equal(formatQuantity(298.15, 'temperature'), '25 degC');
});
