import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseQuantity } from '../units/index.js';
import { DispatchInputError, henanTou2024, parseTariff, tariffPeriodAt, tariffSeries, type TouTariff } from './index.js';

const BASE = parseQuantity('400 yuan/MWh', 'pricePerEnergy');
/** Beijing wall-clock time → instant. */
const bj = (y: number, mo: number, d: number, h: number, mi = 0) => Date.UTC(y, mo - 1, d, h - 8, mi);
const close = (a: number, b: number, rel = 1e-14) => assert.ok(Math.abs(a - b) <= rel * Math.abs(b), `${a} != ${b}`);

// Henan DRC, 关于调整工商业分时电价有关事项的通知 (effective 2024-06-01), via ../shared/research/techno_economics.md §5.1.
const HENAN_CASES: [string, number, string, number][] = [
  ['2025-01-15 17:30 (January critical peak)', bj(2025, 1, 15, 17, 30), 'critical peak', 1.2 * 1.69],
  ['2025-01-18 17:30, a Saturday (no weekend rule)', bj(2025, 1, 18, 17, 30), 'critical peak', 1.2 * 1.69],
  ['2025-01-15 16:30 (peak)', bj(2025, 1, 15, 16, 30), 'peak', 1.69],
  ['2025-01-15 18:00 (critical peak ends at 18:00)', bj(2025, 1, 15, 18), 'peak', 1.69],
  ['2025-01-15 23:59 (peak to midnight)', bj(2025, 1, 15, 23, 59), 'peak', 1.69],
  ['2025-01-15 05:59 (night valley)', bj(2025, 1, 15, 5, 59), 'valley', 0.46],
  ['2025-01-15 06:00 (flat)', bj(2025, 1, 15, 6), 'flat', 1],
  ['2025-01-15 12:00 (no midday valley in winter)', bj(2025, 1, 15, 12), 'flat', 1],
  ['2025-02-15 17:30 (no critical peak in February)', bj(2025, 2, 15, 17, 30), 'peak', 1.69],
  ['2025-04-10 12:00 (spring midday valley)', bj(2025, 4, 10, 12), 'valley', 0.46],
  ['2025-04-10 10:59 (before the midday valley)', bj(2025, 4, 10, 10, 59), 'flat', 1],
  ['2025-04-10 14:00 (midday valley ends at 14:00)', bj(2025, 4, 10, 14), 'flat', 1],
  ['2025-06-10 12:00 (June has no midday valley)', bj(2025, 6, 10, 12), 'flat', 1],
  ['2025-06-10 21:00 (June has no critical peak)', bj(2025, 6, 10, 21), 'peak', 1.69],
  ['2025-07-10 21:00 (July critical peak)', bj(2025, 7, 10, 21), 'critical peak', 1.2 * 1.69],
  ['2025-07-10 19:59 (before the summer critical peak)', bj(2025, 7, 10, 19, 59), 'peak', 1.69],
  ['2025-07-10 23:30 (after the summer critical peak)', bj(2025, 7, 10, 23, 30), 'peak', 1.69],
  ['2025-08-31 20:00 (August critical peak)', bj(2025, 8, 31, 20), 'critical peak', 1.2 * 1.69],
  ['2025-09-01 20:00 (September: peak only)', bj(2025, 9, 1, 20), 'peak', 1.69],
  ['2025-11-30 13:00 (autumn midday valley)', bj(2025, 11, 30, 13), 'valley', 0.46],
  ['2025-12-20 17:00 (December critical peak)', bj(2025, 12, 20, 17), 'critical peak', 1.2 * 1.69],
];

test('the Henan 2024 tariff puts each checked hour in its period at ratio × base', () => {
  const henan = henanTou2024(BASE);
  for (const [label, time, period, ratio] of HENAN_CASES) {
    const at = tariffPeriodAt(henan, time);
    assert.equal(at.period, period, label);
    close(at.price, ratio * BASE);
  }
});

test('a year of the Henan tariff has 2739 valley, 3101 flat, 2672 peak and 248 critical-peak hours', () => {
  // valley 6 h × 365 + 3 h × 183 spring/autumn days; critical 1 h × 62 (Jan, Dec) + 3 h × 62 (Jul, Aug)
  const s = tariffSeries(henanTou2024(BASE), bj(2025, 1, 1, 0), 8760, 3600);
  const count = (ratio: number) => s.prices.filter((p) => Math.abs(p - ratio * BASE) < 1e-9 * BASE).length;
  assert.equal(count(0.46), 2739);
  assert.equal(count(1), 3101);
  assert.equal(count(1.69), 2672);
  assert.equal(count(1.2 * 1.69), 248);
  assert.equal(s.utcOffsetMinutes, 480);
  assert.equal(s.stepSeconds, 3600);
});

test('monthly base prices apply in their own month', () => {
  const monthly = Array.from({ length: 12 }, (_, m) => (300 + 10 * m) / 3.6e9);
  const henan = henanTou2024(monthly);
  close(tariffPeriodAt(henan, bj(2025, 3, 1, 12)).price, 0.46 * monthly[2]);
  close(tariffPeriodAt(henan, bj(2025, 12, 31, 23)).price, 1.69 * monthly[11]);
});

test('day types, holidays, wrap-around hours and later rules shape a generic tariff', () => {
  const t: TouTariff = {
    name: 'test',
    utcOffsetMinutes: 480,
    periods: [
      { name: 'day', price: 2 },
      { name: 'night', price: 1 },
      { name: 'weekend', price: 0.5 },
      { name: 'spike', price: 9 },
    ],
    defaultPeriod: 'day',
    rules: [
      { period: 'night', hours: [[22, 6]] },
      { period: 'weekend', dayTypes: ['saturday', 'sunday', 'holiday'], hours: [[0, 24]] },
      { period: 'spike', months: [6], dayTypes: ['weekday'], hours: [[17.5, 18.25]] },
    ],
    holidays: ['2025-10-01'],
  };
  assert.equal(tariffPeriodAt(t, bj(2025, 6, 4, 23)).period, 'night'); // a Wednesday, late
  assert.equal(tariffPeriodAt(t, bj(2025, 6, 4, 3)).period, 'night'); // early, wrapped past midnight
  assert.equal(tariffPeriodAt(t, bj(2025, 6, 4, 17, 29)).period, 'day');
  assert.equal(tariffPeriodAt(t, bj(2025, 6, 4, 17, 30)).period, 'spike');
  assert.equal(tariffPeriodAt(t, bj(2025, 6, 4, 18, 14)).period, 'spike');
  assert.equal(tariffPeriodAt(t, bj(2025, 6, 4, 18, 15)).period, 'day');
  assert.equal(tariffPeriodAt(t, bj(2025, 6, 7, 17, 45)).period, 'weekend'); // Saturday
  assert.equal(tariffPeriodAt(t, bj(2025, 10, 1, 12)).period, 'weekend'); // a Wednesday holiday
  assert.equal(tariffPeriodAt(t, bj(2025, 10, 2, 12)).period, 'day');
  const s = tariffSeries(t, bj(2025, 6, 4, 17), 6, 900); // 17:00 … 18:15 in quarter hours
  assert.deepEqual(Array.from(s.prices), [2, 2, 9, 9, 9, 2]);
});

test('a tariff file with prices in units reads into the same tariff as the built-in', () => {
  const t = parseTariff({
    name: 'Henan as a file',
    timeZone: 'Asia/Shanghai',
    basePrice: '400 yuan/MWh',
    periods: [{ name: 'flat', ratio: 1 }, { name: 'valley', ratio: 0.46 }, { name: 'peak', ratio: 1.69 }, { name: 'critical peak', ratio: 2.028 }],
    default: 'flat',
    rules: [
      { period: 'valley', hours: ['00:00-06:00'] },
      { period: 'valley', months: [3, 4, 5, 9, 10, 11], hours: [[11, 14]] },
      { period: 'peak', hours: ['16:00-24:00'] },
      { period: 'critical peak', months: [1, 12], hours: ['17:00-18:00'] },
      { period: 'critical peak', months: [7, 8], hours: ['20:00-23:00'] },
    ],
  });
  const a = tariffSeries(t, bj(2025, 1, 1, 0), 8760, 3600).prices;
  const b = tariffSeries(henanTou2024(BASE), bj(2025, 1, 1, 0), 8760, 3600).prices;
  for (let k = 0; k < 8760; k++) close(a[k], b[k], 1e-12);
});

const GOOD = {
  name: 'ok',
  basePrice: '400 yuan/MWh',
  periods: [{ name: 'flat', ratio: 1 }, { name: 'peak', ratio: 1.5 }],
  default: 'flat',
  rules: [{ period: 'peak', months: [1, 2], hours: ['16:00-24:00'] }],
};

/** Each malformed tariff is rejected with the field path, the value and the reason. */
const MALFORMED: [string, (t: any) => void, string, unknown, RegExp][] = [
  ['a month 13', (t) => (t.rules[0].months = [1, 13]), 'tariff.rules[0].months[1]', 13, /expected a month 1–12/],
  ['an hour past midnight', (t) => (t.rules[0].hours = [[16, 25]]), 'tariff.rules[0].hours[0][1]', 25, /hour of the day in \[0, 24\]/],
  ['an hour range that is not one', (t) => (t.rules[0].hours = ['4pm-midnight']), 'tariff.rules[0].hours[0]', '4pm-midnight', /"HH:MM-HH:MM"/],
  ['an empty interval', (t) => (t.rules[0].hours = [[6, 6]]), 'tariff.rules[0].hours[0]', [6, 6], /start and end are the same time/],
  ['a rule naming no period', (t) => (t.rules[0].period = 'shoulder'), 'tariff.rules[0].period', 'shoulder', /expected one of the periods \(flat, peak\)/],
  ['an unknown day type', (t) => (t.rules[0].dayTypes = ['workday']), 'tariff.rules[0].dayTypes[0]', 'workday', /weekday, saturday, sunday, holiday/],
  ['a misspelt key', (t) => (t.rules[0].hour = [[1, 2]]), 'tariff.rules[0].hour', [[1, 2]], /unknown field/],
  ['a price without a unit', (t) => (t.periods[1] = { name: 'peak', price: 600 }), 'tariff.periods[1].price', 600, /price with its unit/],
  ['a price in the wrong unit', (t) => (t.periods[1] = { name: 'peak', price: '600 yuan/MW' }), 'tariff.periods[1].price', '600 yuan/MW', /not a unit of price per energy/],
  ['a ratio and a price', (t) => (t.periods[1] = { name: 'peak', ratio: 2, price: '1 yuan/kWh' }), 'tariff.periods[1]', { name: 'peak', ratio: 2, price: 1 / 3.6e6 }, /exactly one of ratio or price/],
  ['a negative ratio', (t) => (t.periods[1].ratio = -1), 'tariff.periods[1].ratio', -1, /ratio ≥ 0/],
  ['ratios without a base price', (t) => delete t.basePrice, 'tariff.basePrice', undefined, /ratio periods need a base price/],
  ['eleven monthly base prices', (t) => (t.basePrice = Array(11).fill('1 yuan/kWh')), 'tariff.basePrice', Array(11).fill(1 / 3.6e6), /twelve monthly prices/],
  ['a default that is not a period', (t) => (t.default = 'off-peak'), 'tariff.defaultPeriod', 'off-peak', /expected one of the periods/],
  ['two periods of one name', (t) => t.periods.push({ name: 'flat', ratio: 0.5 }), 'tariff.periods[2].name', 'flat', /unique/],
  ['a holiday that is not a date', (t) => (t.holidays = ['2025-13-01']), 'tariff.holidays[0]', '2025-13-01', /local date YYYY-MM-DD/],
  ['a zone with daylight saving', (t) => (t.timeZone = 'America/New_York'), 'tariff.timeZone', 'America/New_York', /fixed-offset time zone/],
];

for (const [what, spoil, field, value, reason] of MALFORMED) {
  test(`a tariff file with ${what} is rejected naming ${field}`, () => {
    const t = structuredClone(GOOD) as any;
    spoil(t);
    assert.throws(
      () => parseTariff(t),
      (e: any) => {
        assert.equal(e.field, field, e.message);
        assert.deepEqual(e.value, value, e.message);
        assert.match(e.message, reason);
        assert.ok(e.message.startsWith(field), e.message);
        return true;
      },
    );
  });
}

test('the well-formed tariff the malformed cases start from is accepted', () => {
  const t = parseTariff(structuredClone(GOOD));
  assert.equal(tariffPeriodAt(t, bj(2025, 2, 1, 16)).period, 'peak');
  assert.equal(tariffPeriodAt(t, bj(2025, 3, 1, 16)).period, 'flat');
});

test('a tariff series needs a whole number of steps and a positive step', () => {
  const henan = henanTou2024(BASE);
  assert.throws(() => tariffSeries(henan, 0, 0, 3600), (e) => e instanceof DispatchInputError && e.field === 'steps');
  assert.throws(() => tariffSeries(henan, 0, 24, -3600), (e) => e instanceof DispatchInputError && e.field === 'stepSeconds');
});
