import type { Dimension } from './dimensions.js';

/** The currencies a money unit can name. */
export const CURRENCIES = ['CNY', 'USD', 'EUR'] as const;
export type Currency = (typeof CURRENCIES)[number];

/** One unit symbol: its factor to SI and its dimension. Offsets (degC, degF) are handled by the parser. */
export interface UnitSymbol {
  readonly factor: number;
  readonly dim: Dimension;
  /** May take an SI prefix (k, M, m, ...; 千, 兆, 吉, ... for the Chinese symbols). */
  readonly prefixable: boolean;
  /** The currency of a money symbol. */
  readonly currency?: Currency;
}

const L: Dimension = [1, 0, 0, 0, 0, 0];
const M: Dimension = [0, 1, 0, 0, 0, 0];
const T: Dimension = [0, 0, 1, 0, 0, 0];
const TEMP: Dimension = [0, 0, 0, 1, 0, 0];
const N: Dimension = [0, 0, 0, 0, 1, 0];
const MONEY: Dimension = [0, 0, 0, 0, 0, 1];
const NONE: Dimension = [0, 0, 0, 0, 0, 0];
const PRESSURE: Dimension = [-1, 1, -2, 0, 0, 0];
const ENERGY: Dimension = [2, 1, -2, 0, 0, 0];
const POWER: Dimension = [2, 1, -3, 0, 0, 0];
const FORCE: Dimension = [1, 1, -2, 0, 0, 0];
const VOLUME: Dimension = [3, 0, 0, 0, 0, 0];

/** The calendar year of the project's time series and money: 365 days (leap days are not given a 366th part). */
export const SECONDS_PER_YEAR = 365 * 86400;

const u = (factor: number, dim: Dimension, prefixable = false): UnitSymbol => ({ factor, dim, prefixable });
const cash = (currency: Currency, factor = 1): UnitSymbol => ({ factor, dim: MONEY, prefixable: false, currency });

/**
 * Unit symbols understood at the edges (files, CLI, UI). Temperatures: `K`, `degC`/`°C`, `degF`/`°F`, `R` (Rankine);
 * as a unit inside a compound (J/(kg K), W/(m degC)) a temperature symbol always means a temperature *difference*.
 */
export const UNIT_SYMBOLS: Readonly<Record<string, UnitSymbol>> = {
  // length, area, volume
  m: u(1, L, true),
  L: u(1e-3, VOLUME, true),
  l: u(1e-3, VOLUME, true),
  ft: u(0.3048, L),
  in: u(0.0254, L),
  // mass
  g: u(1e-3, M, true),
  t: u(1000, M),
  tonne: u(1000, M),
  lb: u(0.45359237, M),
  // time
  s: u(1, T, true),
  min: u(60, T),
  h: u(3600, T),
  hr: u(3600, T),
  hour: u(3600, T),
  hours: u(3600, T),
  d: u(86400, T),
  day: u(86400, T),
  days: u(86400, T),
  wk: u(604800, T),
  week: u(604800, T),
  weeks: u(604800, T),
  mo: u((365 * 86400) / 12, T),
  month: u((365 * 86400) / 12, T),
  months: u((365 * 86400) / 12, T),
  yr: u(SECONDS_PER_YEAR, T),
  a: u(365 * 86400, T),
  year: u(365 * 86400, T),
  years: u(365 * 86400, T),
  // temperature (differences inside compounds; absolute offsets handled by the parser)
  K: u(1, TEMP, true),
  degC: u(1, TEMP),
  '°C': u(1, TEMP),
  C: u(1, TEMP),
  degF: u(5 / 9, TEMP),
  '°F': u(5 / 9, TEMP),
  R: u(5 / 9, TEMP),
  // amount
  mol: u(1, N, true),
  // pressure
  Pa: u(1, PRESSURE, true),
  bar: u(1e5, PRESSURE, true),
  atm: u(101325, PRESSURE),
  psi: u(6894.757293168361, PRESSURE),
  // force, energy, power
  N: u(1, FORCE, true),
  J: u(1, ENERGY, true),
  Wh: u(3600, ENERGY, true),
  cal: u(4.184, ENERGY, true),
  BTU: u(1055.05585262, ENERGY),
  W: u(1, POWER, true),
  // dimensionless
  '%': u(0.01, NONE),
  ppm: u(1e-6, NONE),
  '-': u(1, NONE),
  // money: one dimension for every currency (a price per MWh is the same quantity in yuan or in dollars); the
  // currency is a tag on the symbol, checked by parseQuantity's `currency` option and never converted here
  yuan: cash('CNY'),
  CNY: cash('CNY'),
  RMB: cash('CNY'),
  '¥': cash('CNY'),
  USD: cash('USD'),
  $: cash('USD'),
  EUR: cash('EUR'),
  '€': cash('EUR'),
};

/**
 * Chinese unit names, as written in tariffs, feasibility studies and plant data sheets, usually without a space
 * ("100兆瓦", "0.38元/千瓦时", "30元/(千瓦·年)"). A Chinese symbol may be preceded by counting multipliers
 * (CHINESE_MULTIPLIERS: 万元, 亿元, 万千瓦, 百万千瓦) and, when prefixable, by one of the SI prefixes in their Chinese
 * names (CHINESE_PREFIXES: 兆瓦, 吉瓦时, 兆帕, 毫米), but not by both.
 *
 * 度 is the kilowatt-hour of everyday Chinese electricity pricing (元/度, "一度电"), never a degree of temperature:
 * temperatures are written 摄氏度, °C or ℃ (℃ is read as °C), so "25 度" given for a temperature is an error that
 * says so. 方 is the colloquial cubic metre (元/方).
 */
export const CHINESE_UNIT_SYMBOLS: Readonly<Record<string, UnitSymbol>> = {
  // money
  元: cash('CNY'),
  人民币: cash('CNY'),
  美元: cash('USD'),
  欧元: cash('EUR'),
  // power and energy
  瓦: u(1, POWER, true),
  瓦特: u(1, POWER, true),
  瓦时: u(3600, ENERGY, true),
  时: u(3600, T),
  度: u(3.6e6, ENERGY),
  焦: u(1, ENERGY, true),
  焦耳: u(1, ENERGY, true),
  // pressure
  帕: u(1, PRESSURE, true),
  帕斯卡: u(1, PRESSURE, true),
  巴: u(1e5, PRESSURE),
  // length, area, volume
  米: u(1, L, true),
  平方米: u(1, [2, 0, 0, 0, 0, 0]),
  立方米: u(1, VOLUME),
  方: u(1, VOLUME),
  升: u(1e-3, VOLUME, true),
  // mass
  克: u(1e-3, M, true),
  吨: u(1000, M),
  // time
  秒: u(1, T, true),
  分钟: u(60, T),
  小时: u(3600, T),
  天: u(86400, T),
  日: u(86400, T),
  周: u(604800, T),
  月: u((365 * 86400) / 12, T),
  年: u(SECONDS_PER_YEAR, T),
  // temperature (absolute offsets handled by the parser)
  摄氏度: u(1, TEMP),
  华氏度: u(5 / 9, TEMP),
  开: u(1, TEMP),
  开尔文: u(1, TEMP),
  // amount
  摩尔: u(1, N, true),
};

/** Counting multipliers in front of a Chinese symbol; several multiply (百万 = 10^6, 万亿 = 10^12). */
export const CHINESE_MULTIPLIERS: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1e3, 万: 1e4, 亿: 1e8 };

/**
 * SI prefixes by their Chinese names (GB 3100), for prefixable Chinese symbols. 兆 is mega (10^6), as in China's
 * legal units, not the 10^12 of older usage; 千 (kilo) is also a counting multiplier, with the same value.
 */
export const CHINESE_PREFIXES: Readonly<Record<string, number>> = { 太: 1e12, 吉: 1e9, 兆: 1e6, 毫: 1e-3, 微: 1e-6 };

/** SI prefixes. `u` is accepted for micro. */
export const PREFIXES: Readonly<Record<string, number>> = {
  T: 1e12,
  G: 1e9,
  M: 1e6,
  k: 1e3,
  h: 1e2,
  da: 1e1,
  d: 1e-1,
  c: 1e-2,
  m: 1e-3,
  µ: 1e-6,
  μ: 1e-6,
  u: 1e-6,
  n: 1e-9,
};
