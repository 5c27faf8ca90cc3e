/**
 * Time-of-use tariffs: named periods (each a ratio of a base price, or a price of its own) laid over the local
 * clock by rules (months × day types × hours). Later rules override earlier ones; what no rule covers is the
 * default period. A tariff becomes a price series with `tariffSeries`, so a TOU tariff and a spot series are
 * interchangeable inputs to dispatch.
 */
import { parseQuantity } from '../units/index.js';
import { DispatchInputError } from './errors.js';
import type { PriceSeries } from './prices.js';
import { localTime, utcOffsetMinutes } from './time.js';

export type DayType = 'weekday' | 'saturday' | 'sunday' | 'holiday';
export const DAY_TYPES: readonly DayType[] = ['weekday', 'saturday', 'sunday', 'holiday'];

export interface TouPeriod {
  readonly name: string;
  /** Multiple of the base price, dimensionless. Give this or `price`. */
  readonly ratio?: number;
  /** Price of the period, money/J. Give this or `ratio`. */
  readonly price?: number;
}

export interface TouRule {
  /** Name of the period this rule assigns. */
  readonly period: string;
  /** Months (1–12) the rule applies in; every month when omitted. */
  readonly months?: readonly number[];
  /** Day types the rule applies on; every day when omitted. */
  readonly dayTypes?: readonly DayType[];
  /** Local-clock intervals [start, end) in hours of the day, 0–24, to the minute; end < start wraps past midnight, h. */
  readonly hours: readonly (readonly [number, number])[];
}

export interface TouTariff {
  readonly name: string;
  /** Where the schedule comes from (document, date), shown in reports. */
  readonly source?: string;
  /** Offset of the tariff's clock from UTC, min (480 for Beijing time). */
  readonly utcOffsetMinutes: number;
  /** Base price for ratio periods: one value, or one per month (January first), money/J. */
  readonly basePrice?: number | readonly number[];
  readonly periods: readonly TouPeriod[];
  /** The period of every hour no rule covers. */
  readonly defaultPeriod: string;
  /** Applied in order; a later rule overrides an earlier one where they overlap. */
  readonly rules: readonly TouRule[];
  /** Local dates ("2025-10-01") that count as day type "holiday". */
  readonly holidays?: readonly string[];
}

interface CompiledTariff {
  /** Period index for (month, day type, minute of day). */
  readonly periodAt: Uint8Array;
  /** Price of period p in month m at [m * periods + p], money/J. */
  readonly priceAt: Float64Array;
  readonly holidays: ReadonlySet<string>;
}

const MINUTES = 1440;
const compiled = new WeakMap<TouTariff, CompiledTariff>();

function fail(field: string, value: unknown, message: string): never {
  throw new DispatchInputError(field, value, message);
}

/** Throws a DispatchInputError naming the first malformed field (e.g. `tariff.rules[2].months[0]`) and its value. */
export function validateTariff(tariff: TouTariff, field = 'tariff'): void {
  if (typeof tariff.name !== 'string' || tariff.name.trim() === '') fail(`${field}.name`, tariff.name, 'expected a non-empty name');
  if (!Number.isInteger(tariff.utcOffsetMinutes) || Math.abs(tariff.utcOffsetMinutes) > 840) {
    fail(`${field}.utcOffsetMinutes`, tariff.utcOffsetMinutes, 'expected whole minutes in [-840, 840]');
  }
  if (!Array.isArray(tariff.periods) || tariff.periods.length === 0) fail(`${field}.periods`, tariff.periods, 'expected at least one period');
  if (tariff.periods.length > 255) fail(`${field}.periods`, tariff.periods.length, 'at most 255 periods');
  const names = new Set<string>();
  let usesRatio = false;
  tariff.periods.forEach((p, i) => {
    const f = `${field}.periods[${i}]`;
    if (typeof p.name !== 'string' || p.name.trim() === '') fail(`${f}.name`, p.name, 'expected a non-empty name');
    if (names.has(p.name)) fail(`${f}.name`, p.name, 'period names must be unique');
    names.add(p.name);
    if ((p.ratio === undefined) === (p.price === undefined)) fail(f, p, 'give exactly one of ratio or price');
    if (p.ratio !== undefined) {
      usesRatio = true;
      if (typeof p.ratio !== 'number' || !Number.isFinite(p.ratio) || p.ratio < 0) fail(`${f}.ratio`, p.ratio, 'expected a finite ratio ≥ 0');
    }
    if (p.price !== undefined && (typeof p.price !== 'number' || !Number.isFinite(p.price))) fail(`${f}.price`, p.price, 'expected a finite price in money/J');
  });
  const base = tariff.basePrice;
  if (usesRatio && base === undefined) fail(`${field}.basePrice`, base, 'ratio periods need a base price');
  if (base !== undefined) {
    const list = typeof base === 'number' ? [base] : base;
    if (typeof base !== 'number' && (!Array.isArray(base) || base.length !== 12)) {
      fail(`${field}.basePrice`, base, 'expected one price or twelve monthly prices (January first)');
    }
    list.forEach((v, i) => {
      if (typeof v !== 'number' || !Number.isFinite(v)) fail(typeof base === 'number' ? `${field}.basePrice` : `${field}.basePrice[${i}]`, v, 'expected a finite price in money/J');
    });
  }
  if (!names.has(tariff.defaultPeriod)) fail(`${field}.defaultPeriod`, tariff.defaultPeriod, `expected one of the periods (${[...names].join(', ')})`);
  if (!Array.isArray(tariff.rules)) fail(`${field}.rules`, tariff.rules, 'expected a list of rules');
  tariff.rules.forEach((r, i) => {
    const f = `${field}.rules[${i}]`;
    if (!names.has(r.period)) fail(`${f}.period`, r.period, `expected one of the periods (${[...names].join(', ')})`);
    if (r.months !== undefined) {
      if (!Array.isArray(r.months) || r.months.length === 0) fail(`${f}.months`, r.months, 'expected a non-empty list of months 1–12 (omit for all)');
      (r.months as readonly number[]).forEach((m, j) => {
        if (!Number.isInteger(m) || m < 1 || m > 12) fail(`${f}.months[${j}]`, m, 'expected a month 1–12');
      });
    }
    if (r.dayTypes !== undefined) {
      if (!Array.isArray(r.dayTypes) || r.dayTypes.length === 0) fail(`${f}.dayTypes`, r.dayTypes, `expected a non-empty list of ${DAY_TYPES.join(', ')} (omit for all)`);
      (r.dayTypes as readonly DayType[]).forEach((d, j) => {
        if (!DAY_TYPES.includes(d)) fail(`${f}.dayTypes[${j}]`, d, `expected one of ${DAY_TYPES.join(', ')}`);
      });
    }
    if (!Array.isArray(r.hours) || r.hours.length === 0) fail(`${f}.hours`, r.hours, 'expected a non-empty list of [start, end] hour pairs');
    (r.hours as TouRule['hours']).forEach((pair, j) => {
      if (!Array.isArray(pair) || pair.length !== 2) fail(`${f}.hours[${j}]`, pair, 'expected a pair [start, end] in hours');
      pair.forEach((h, k) => {
        const inDay = typeof h === 'number' && h >= 0 && (k === 0 ? h < 24 : h <= 24);
        if (!inDay || Math.abs(h * 60 - Math.round(h * 60)) > 1e-9) {
          fail(`${f}.hours[${j}][${k}]`, h, `expected an hour of the day in [0, ${k === 0 ? '24)' : '24]'}, to the minute`);
        }
      });
      if (pair[1] % 24 === pair[0] && !(pair[0] === 0 && pair[1] === 24)) {
        fail(`${f}.hours[${j}]`, pair, 'start and end are the same time; use [0, 24] for the whole day');
      }
    });
  });
  (tariff.holidays ?? []).forEach((d, i) => {
    if (typeof d !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(d) || Number.isNaN(Date.parse(`${d}T00:00Z`))) {
      fail(`${field}.holidays[${i}]`, d, 'expected a local date YYYY-MM-DD');
    }
  });
}

function compile(tariff: TouTariff): CompiledTariff {
  const cached = compiled.get(tariff);
  if (cached) return cached;
  validateTariff(tariff);
  const index = new Map(tariff.periods.map((p, i) => [p.name, i]));
  const periodAt = new Uint8Array(12 * DAY_TYPES.length * MINUTES).fill(index.get(tariff.defaultPeriod)!);
  for (const rule of tariff.rules) {
    const p = index.get(rule.period)!;
    const months = rule.months ?? [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
    const dayTypes = (rule.dayTypes ?? DAY_TYPES).map((d) => DAY_TYPES.indexOf(d));
    for (const [start, end] of rule.hours) {
      const a = Math.round(start * 60);
      const b = Math.round(end * 60);
      for (const m of months) {
        for (const d of dayTypes) {
          const row = ((m - 1) * DAY_TYPES.length + d) * MINUTES;
          if (a < b) periodAt.fill(p, row + a, row + b);
          else {
            periodAt.fill(p, row + a, row + MINUTES);
            periodAt.fill(p, row, row + b);
          }
        }
      }
    }
  }
  const P = tariff.periods.length;
  const priceAt = new Float64Array(12 * P);
  for (let m = 0; m < 12; m++) {
    const base = typeof tariff.basePrice === 'number' ? tariff.basePrice : tariff.basePrice?.[m] ?? 0;
    tariff.periods.forEach((period, p) => {
      priceAt[m * P + p] = period.price ?? period.ratio! * base;
    });
  }
  const result = { periodAt, priceAt, holidays: new Set(tariff.holidays ?? []) };
  compiled.set(tariff, result);
  return result;
}

function dayTypeIndex(weekday: number, date: string, holidays: ReadonlySet<string>): number {
  if (holidays.has(date)) return 3;
  return weekday === 0 ? 2 : weekday === 6 ? 1 : 0;
}

/** The period in force at an instant, its ratio (if a ratio period) and its price (money/J). */
export function tariffPeriodAt(tariff: TouTariff, timeMs: number): { period: string; ratio?: number; price: number } {
  const c = compile(tariff);
  const lt = localTime(timeMs, tariff.utcOffsetMinutes);
  const p = c.periodAt[((lt.month - 1) * DAY_TYPES.length + dayTypeIndex(lt.weekday, lt.date, c.holidays)) * MINUTES + lt.minuteOfDay];
  const period = tariff.periods[p];
  return { period: period.name, ratio: period.ratio, price: c.priceAt[(lt.month - 1) * tariff.periods.length + p] };
}

/**
 * The tariff as a price series of `steps` steps from `startMs`. Each step takes the period in force at its start
 * (steps aligned to the tariff's boundaries, as hourly and 15-minute steps on the clock are, lose nothing).
 */
export function tariffSeries(tariff: TouTariff, startMs: number, steps: number, stepSeconds: number): PriceSeries {
  if (!Number.isInteger(steps) || steps < 1) fail('steps', steps, 'expected a whole number ≥ 1');
  if (!(stepSeconds > 0) || !Number.isFinite(stepSeconds)) fail('stepSeconds', stepSeconds, 'expected a positive step in s');
  if (!Number.isFinite(startMs)) fail('startMs', startMs, 'expected a finite time in ms');
  const c = compile(tariff);
  const P = tariff.periods.length;
  const prices = new Float64Array(steps);
  for (let t = 0; t < steps; t++) {
    const lt = localTime(startMs + t * stepSeconds * 1000, tariff.utcOffsetMinutes);
    const p = c.periodAt[((lt.month - 1) * DAY_TYPES.length + dayTypeIndex(lt.weekday, lt.date, c.holidays)) * MINUTES + lt.minuteOfDay];
    prices[t] = c.priceAt[(lt.month - 1) * P + p];
  }
  return { startMs, stepSeconds, prices, utcOffsetMinutes: tariff.utcOffsetMinutes };
}

// ---- reading a tariff from a file's data (JSON or YAML already parsed) ----

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function readPrice(value: unknown, field: string): number {
  if (typeof value !== 'string') fail(field, value, 'expected a price with its unit, such as "400 yuan/MWh"');
  return parseQuantity(value, 'pricePerEnergy', field);
}

function readHours(value: unknown, field: string): [number, number] {
  if (typeof value === 'string') {
    const m = /^(\d{1,2}):(\d{2})\s*[-–]\s*(\d{1,2}):(\d{2})$/.exec(value.trim());
    if (!m) fail(field, value, 'expected "HH:MM-HH:MM" or a pair [start, end] in hours');
    return [Number(m[1]) + Number(m[2]) / 60, Number(m[3]) + Number(m[4]) / 60];
  }
  if (Array.isArray(value) && value.length === 2) return [value[0] as number, value[1] as number];
  return fail(field, value, 'expected "HH:MM-HH:MM" or a pair [start, end] in hours');
}

/**
 * Reads a tariff from plain data (a parsed JSON or YAML file):
 * `{ name, timeZone?, basePrice?, periods: [{name, ratio | price}], default, rules: [{period, months?, dayTypes?,
 * hours: ["16:00-24:00" | [16, 24]]}], holidays? }`. Prices are strings with units ("400 yuan/MWh"); `basePrice` may
 * be a list of twelve. Throws a DispatchInputError naming the field path (`tariff.rules[2].hours[0]`) and the value.
 */
export function parseTariff(data: unknown, field = 'tariff'): TouTariff {
  if (!isObject(data)) fail(field, data, 'expected an object with name, periods, default and rules');
  const known = new Set(['name', 'source', 'timeZone', 'basePrice', 'periods', 'default', 'rules', 'holidays']);
  for (const key of Object.keys(data)) if (!known.has(key)) fail(`${field}.${key}`, data[key], `unknown field; expected one of ${[...known].join(', ')}`);
  const timeZone = data.timeZone ?? 'Asia/Shanghai';
  if (typeof timeZone !== 'string') fail(`${field}.timeZone`, timeZone, 'expected a time zone name or offset');
  let basePrice: number | number[] | undefined;
  if (Array.isArray(data.basePrice)) basePrice = data.basePrice.map((v, i) => readPrice(v, `${field}.basePrice[${i}]`));
  else if (data.basePrice !== undefined) basePrice = readPrice(data.basePrice, `${field}.basePrice`);
  if (!Array.isArray(data.periods)) fail(`${field}.periods`, data.periods, 'expected a list of periods');
  const periods = data.periods.map((p, i): TouPeriod => {
    const f = `${field}.periods[${i}]`;
    if (!isObject(p)) fail(f, p, 'expected {name, ratio} or {name, price}');
    for (const key of Object.keys(p)) if (!['name', 'ratio', 'price'].includes(key)) fail(`${f}.${key}`, p[key], 'unknown field; expected name, ratio or price');
    if (p.ratio !== undefined && typeof p.ratio !== 'number') fail(`${f}.ratio`, p.ratio, 'expected a number');
    return {
      name: p.name as string,
      ...(p.ratio !== undefined ? { ratio: p.ratio as number } : {}),
      ...(p.price !== undefined ? { price: readPrice(p.price, `${f}.price`) } : {}),
    };
  });
  if (!Array.isArray(data.rules)) fail(`${field}.rules`, data.rules, 'expected a list of rules');
  const rules = data.rules.map((r, i): TouRule => {
    const f = `${field}.rules[${i}]`;
    if (!isObject(r)) fail(f, r, 'expected {period, months?, dayTypes?, hours}');
    for (const key of Object.keys(r)) if (!['period', 'months', 'dayTypes', 'hours'].includes(key)) fail(`${f}.${key}`, r[key], 'unknown field; expected period, months, dayTypes or hours');
    if (!Array.isArray(r.hours)) fail(`${f}.hours`, r.hours, 'expected a list of "HH:MM-HH:MM" or [start, end] pairs');
    return {
      period: r.period as string,
      ...(r.months !== undefined ? { months: r.months as number[] } : {}),
      ...(r.dayTypes !== undefined ? { dayTypes: r.dayTypes as DayType[] } : {}),
      hours: r.hours.map((h, j) => readHours(h, `${f}.hours[${j}]`)),
    };
  });
  const tariff: TouTariff = {
    name: data.name as string,
    ...(data.source !== undefined ? { source: String(data.source) } : {}),
    utcOffsetMinutes: utcOffsetMinutes(timeZone, `${field}.timeZone`),
    ...(basePrice !== undefined ? { basePrice } : {}),
    periods,
    defaultPeriod: data.default as string,
    rules,
    ...(data.holidays !== undefined ? { holidays: data.holidays as string[] } : {}),
  };
  validateTariff(tariff, field);
  return tariff;
}
