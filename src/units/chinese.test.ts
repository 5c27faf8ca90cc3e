import { test } from 'node:test';
import assert from 'node:assert/strict';
import { currencyOf, parseQuantity, parseUnit, readUnitErrorMessage, UnitError } from './index.js';

const close = (a: number, b: number, rel = 1e-12) =>
  assert.ok(Math.abs(a - b) <= rel * Math.max(Math.abs(a), Math.abs(b), 1e-300), `${a} != ${b}`);

const KWH = 3.6e6;
const YEAR = 365 * 86400;

test('Chinese money names: 元, 万元 (1e4) and 亿元 (1e8), with or without a space', () => {
  close(parseQuantity('0.35 万元/kW', 'pricePerPower'), 3500 / 1000);
  close(parseQuantity('3500 元/千瓦', 'pricePerPower'), 3500 / 1000);
  close(parseQuantity('3500元/千瓦', 'pricePerPower'), 3500 / 1000);
  close(parseQuantity('12 亿元', 'money'), 1.2e9);
  close(parseQuantity('12亿元', 'money'), 1.2e9);
  close(parseQuantity('800万元', 'money'), 8e6);
  close(parseQuantity('2 百万元', 'money'), 2e6);
});

test('Chinese powers and energies: 千瓦, 兆瓦, 吉瓦 and 千瓦时, 兆瓦时, 吉瓦时, 度', () => {
  close(parseQuantity('100 兆瓦', 'power'), 1e8);
  close(parseQuantity('100兆瓦', 'power'), 1e8);
  close(parseQuantity('500 千瓦', 'power'), 5e5);
  close(parseQuantity('1.2 吉瓦', 'power'), 1.2e9);
  close(parseQuantity('30万千瓦', 'power'), 3e8);
  close(parseQuantity('400 兆瓦时', 'energy'), 400 * 1000 * KWH);
  close(parseQuantity('400兆瓦时', 'energy'), 400 * 1000 * KWH);
  close(parseQuantity('10 千瓦时', 'energy'), 10 * KWH);
  close(parseQuantity('2 吉瓦时', 'energy'), 2e6 * KWH);
  close(parseQuantity('1.5 亿千瓦时', 'energy'), 1.5e8 * KWH);
  close(parseQuantity('1 度', 'energy'), KWH);
});

test('Chinese tariffs: 元/千瓦时, 元/度 and 元/(千瓦·年), the last also as 元/千瓦·年', () => {
  close(parseQuantity('0.38 元/千瓦时', 'pricePerEnergy'), 0.38 / KWH);
  close(parseQuantity('0.38元/度', 'pricePerEnergy'), 0.38 / KWH);
  close(parseQuantity('0.38 元/kWh', 'pricePerEnergy'), 0.38 / KWH);
  close(parseQuantity('30 元/(千瓦·年)', 'pricePerPowerTime'), 30 / 1000 / YEAR);
  close(parseQuantity('30 元/千瓦·年', 'pricePerPowerTime'), 30 / 1000 / YEAR);
  close(parseQuantity('30 元/千瓦/年', 'pricePerPowerTime'), 30 / 1000 / YEAR);
  // full-width punctuation, as typed with a Chinese input method
  close(parseQuantity('30 元／（千瓦・年）', 'pricePerPowerTime'), 30 / 1000 / YEAR);
  close(parseQuantity('３０元/千瓦·年', 'pricePerPowerTime'), 30 / 1000 / YEAR);
});

test('a middle dot after a slash stays in the denominator, in ASCII units too', () => {
  close(parseQuantity('100 yuan/kW·yr', 'pricePerPowerTime'), 100 / 1000 / YEAR);
  close(parseQuantity('2 kJ/kg·K', 'specificEntropy'), 2000);
  // a space still multiplies the whole quotient: "kJ/kg K" is kJ·K/kg, a dimension error for entropy
  assert.throws(() => parseQuantity('2 kJ/kg K', 'specificEntropy'), UnitError);
});

test('Chinese years, hours, volumes, masses, temperatures and pressures', () => {
  close(parseQuantity('25 年', 'time'), 25 * YEAR);
  close(parseQuantity('4 小时', 'time'), 4 * 3600);
  close(parseQuantity('300000 立方米', 'volume'), 3e5);
  close(parseQuantity('1.7万立方米', 'volume'), 1.7e4);
  close(parseQuantity('1000 吨', 'mass'), 1e6);
  close(parseQuantity('500 元/吨', 'pricePerMass'), 0.5);
  close(parseQuantity('50 元/立方米', 'pricePerVolume'), 50);
  close(parseQuantity('25 摄氏度', 'temperature'), 298.15);
  close(parseQuantity('25℃', 'temperature'), 298.15);
  close(parseQuantity('10 摄氏度', 'temperatureDifference'), 10);
  close(parseQuantity('7 兆帕', 'pressure'), 7e6);
  close(parseQuantity('101.325 千帕', 'pressure'), 101325);
  close(parseQuantity('300000 m³', 'volume'), 3e5);
});

test('度 is a kilowatt-hour, so "25 度" given for a temperature is refused and says why', () => {
  assert.throws(
    () => parseQuantity('25 度', 'temperature', 'site.ambientTemperature'),
    (e: unknown) => {
      assert.ok(e instanceof UnitError);
      assert.equal(e.reason, 'dimension');
      assert.match(e.message, /site\.ambientTemperature/);
      assert.match(e.message, /度 is read as kWh/);
      assert.match(e.message, /摄氏度 or °C/);
      return true;
    },
  );
});

test('an SI prefix and counting multipliers do not combine, and a temperature takes neither', () => {
  assert.throws(() => parseUnit('万兆瓦'), /unknown unit symbol "万兆瓦"/);
  assert.throws(() => parseUnit('千摄氏度'), /unknown unit symbol "千摄氏度"/);
  assert.throws(() => parseUnit('兆元'), /unknown unit symbol "兆元"/);
});

test('a money unit carries its currency; a quantity checked against another currency is refused', () => {
  assert.equal(parseUnit('yuan/MWh').currency, 'CNY');
  assert.equal(parseUnit('万元/千瓦').currency, 'CNY');
  assert.equal(parseUnit('USD/kWh').currency, 'USD');
  assert.equal(parseUnit('€/kW').currency, 'EUR');
  assert.equal(parseUnit('MWh').currency, undefined);
  assert.equal(currencyOf('0.38 USD/kWh'), 'USD');
  assert.equal(currencyOf('0.38元/度'), 'CNY');
  assert.equal(currencyOf('100 MW'), undefined);
  assert.equal(currencyOf(0.38), undefined);
  // without a currency to check against, every currency is one money unit (the finance layer's business)
  close(parseQuantity('0.38 USD/kWh', 'pricePerEnergy'), 0.38 / KWH);
  close(parseQuantity('0.38 yuan/kWh', 'pricePerEnergy', 'tariff', { currency: 'CNY' }), 0.38 / KWH);
  assert.throws(
    () => parseQuantity('0.38 USD/kWh', 'pricePerEnergy', 'market.tariff.henan2024.basePrice', { currency: 'CNY' }),
    (e: unknown) => {
      assert.ok(e instanceof UnitError);
      assert.equal(e.reason, 'currency');
      assert.equal(e.message, 'market.tariff.henan2024.basePrice: "USD/kWh" is in USD, not CNY; convert it first (expected a price per energy such as "300 yuan/MWh") (got "0.38 USD/kWh")');
      return true;
    },
  );
});

test('a unit naming two currencies is refused: an exchange rate is a plain number', () => {
  assert.throws(() => parseUnit('yuan/USD'), (e: unknown) => e instanceof UnitError && e.reason === 'mixed_currency' && /mixes currencies CNY and USD/.test(e.message));
});

test('a UnitError message read back gives its reason, the expected kind and the symbol', () => {
  const caught = (f: () => unknown): UnitError => {
    try {
      f();
    } catch (e) {
      if (e instanceof UnitError) return e;
    }
    throw new Error('expected a UnitError');
  };
  const cases: [() => unknown, string, string | undefined][] = [
    [() => parseQuantity('100 MQ', 'power'), 'unknown_symbol', 'power'],
    [() => parseQuantity('100 MWh', 'power'), 'dimension', 'power'],
    [() => parseQuantity('100', 'power'), 'missing_unit', 'power'],
    [() => parseQuantity('lots', 'power'), 'not_a_number', 'power'],
    [() => parseQuantity(Number.NaN, 'fraction'), 'not_finite', 'fraction'],
    [() => parseQuantity('5 USD', 'money', '', { currency: 'CNY' }), 'currency', 'money'],
    [() => parseQuantity('5 yuan/USD', 'fraction'), 'mixed_currency', 'fraction'],
    [() => parseQuantity('25 degC/h', 'temperature'), 'dimension', 'temperature'],
  ];
  for (const [f, reason, kind] of cases) {
    const e = caught(f);
    assert.equal(e.reason, reason, e.message);
    assert.equal(e.kind, kind, e.message);
    const read = readUnitErrorMessage(e.message.replace(/^[^:]*: /, ''));
    assert.equal(read?.reason, reason, e.message);
    assert.equal(read?.kind, kind, e.message);
  }
  assert.equal(readUnitErrorMessage('unknown unit symbol "MQ" in unit "MQ"; expected a power such as "100 MW"')?.symbol, 'MQ');
  assert.equal(readUnitErrorMessage('something else entirely'), undefined);
});
