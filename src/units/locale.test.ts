import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatMoney, formatNumberLocale } from './index.js';

test('money in Chinese is shown in 元, 万元 or 亿元, the largest scale the amount reaches', () => {
  assert.equal(formatMoney(12345678, { lang: 'zh', currency: 'CNY' }), '1234.57 万元');
  assert.equal(formatMoney(3.2e9, { lang: 'zh', currency: 'CNY' }), '32.00 亿元');
  assert.equal(formatMoney(1e8, { lang: 'zh' }), '1.00 亿元');
  assert.equal(formatMoney(99999999, { lang: 'zh' }), '10000.00 万元');
  assert.equal(formatMoney(10000, { lang: 'zh' }), '1.00 万元');
  assert.equal(formatMoney(9999.5, { lang: 'zh' }), '9999.50 元');
  assert.equal(formatMoney(-2.5e7, { lang: 'zh' }), '-2500.00 万元');
  assert.equal(formatMoney(0, { lang: 'zh' }), '0.00 元');
  assert.equal(formatMoney(1.5e6, { lang: 'zh', currency: 'USD' }), '150.00 万美元');
  assert.equal(formatMoney(2.5e12, { lang: 'zh' }), '25000.00 亿元');
});

test('money in English is grouped by thousands, in millions from one million', () => {
  assert.equal(formatMoney(12345678, { lang: 'en', currency: 'CNY' }), '12.35 M CNY');
  assert.equal(formatMoney(3.2e9, { lang: 'en', currency: 'CNY' }), '3,200.00 M CNY');
  assert.equal(formatMoney(123456.789, { lang: 'en' }), '123,456.79 CNY');
  assert.equal(formatMoney(-999.994, { lang: 'en', currency: 'EUR' }), '-999.99 EUR');
  assert.equal(formatMoney(2e6, { lang: 'en', currency: 'USD', digits: 0 }), '2 M USD');
});

test('a fixed scale keeps a column of figures in one unit', () => {
  assert.equal(formatMoney(5000, { lang: 'zh', scale: 1e4 }), '0.50 万元');
  assert.equal(formatMoney(3.2e9, { lang: 'zh', scale: 1e4 }), '320000.00 万元');
  assert.equal(formatMoney(250000, { lang: 'en', scale: 1e6 }), '0.25 M CNY');
  assert.throws(() => formatMoney(1, { lang: 'en', scale: 1e4 }), /scale: 10000 is not valid for en; expected one of 1000000, 1/);
});

test('numbers: commas in English, none in Chinese; a value rounding to zero has no sign', () => {
  assert.equal(formatNumberLocale(1234567.891, 'en', 2), '1,234,567.89');
  assert.equal(formatNumberLocale(1234567.891, 'zh', 2), '1234567.89');
  assert.equal(formatNumberLocale(-1234.5, 'en', 0), '-1,235');
  assert.equal(formatNumberLocale(999, 'en', 1), '999.0');
  assert.equal(formatNumberLocale(-0.001, 'en', 2), '0.00');
  assert.equal(formatNumberLocale(0.125, 'zh', 3), '0.125');
  assert.equal(formatNumberLocale(Number.NaN, 'en', 2), '—');
  assert.equal(formatNumberLocale(Number.NEGATIVE_INFINITY, 'zh', 2), '-∞');
  assert.equal(formatMoney(Number.NaN, { lang: 'zh' }), '—');
  assert.throws(() => formatNumberLocale(1, 'en', -1), /digits: -1 is not valid/);
});
