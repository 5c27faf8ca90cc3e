import type { Dimension } from './dimensions.js';

/** One unit symbol: its factor to SI and its dimension. Offsets (degC, degF) are handled by the parser. */
export interface UnitSymbol {
  readonly factor: number;
  readonly dim: Dimension;
  /** May take an SI prefix (k, M, m, ...). */
  readonly prefixable: boolean;
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
  // money: one abstract unit per currency; the finance layer decides which currency a number is in
  yuan: u(1, MONEY),
  CNY: u(1, MONEY),
  RMB: u(1, MONEY),
  '¥': u(1, MONEY),
  元: u(1, MONEY),
  USD: u(1, MONEY),
  $: u(1, MONEY),
  EUR: u(1, MONEY),
  '€': u(1, MONEY),
};

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
