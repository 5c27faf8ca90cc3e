/**
 * Display helpers of the result pages: SI values in the units engineers read (bar, °C, kJ/kg, kJ/(kg K), kg/s,
 * MW/kW) with the language's number format. Conversions go through src/units; money, percentages and the
 * report's display kinds through src/report/display.ts, so the pages and the reports print the same figures.
 */
import { fromSI, type QuantityKind } from '../../../src/units/index.js';
import { formatNumber, formatPercent } from '../../../src/report/display.js';
import type { Lang } from './strings.js';

/** About four significant figures for a display value, never in exponent notation for everyday magnitudes. */
export function num(value: number | null | undefined, lang: Lang, digits?: number): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const a = Math.abs(value);
  const d = digits ?? (a >= 1000 ? 0 : a >= 100 ? 1 : a >= 10 ? 2 : a >= 1 ? 3 : a === 0 ? 0 : Math.min(6, 3 - Math.floor(Math.log10(a))));
  return formatNumber(value, lang, d);
}

/** An SI value in `unit` of `kind`, with the unit: quantity(5.78e6, 'pressure', 'bar', 'en') → "57.80 bar". */
export function quantity(valueSI: number | null | undefined, kind: QuantityKind, unit: string, lang: Lang, shown = unit): string {
  if (valueSI === null || valueSI === undefined || !Number.isFinite(valueSI)) return '—';
  return `${num(fromSI(valueSI, unit, kind), lang)} ${shown}`;
}

/** Power in MW, or kW below 1 MW (pumps and fans beside compressors). */
export function power(watts: number | null | undefined, lang: Lang): string {
  if (watts === null || watts === undefined || !Number.isFinite(watts)) return '—';
  return Math.abs(watts) >= 1e6 || watts === 0 ? quantity(watts, 'power', 'MW', lang) : quantity(watts, 'power', 'kW', lang);
}

export const pressure = (pa: number, lang: Lang) => quantity(pa, 'pressure', 'bar', lang);
export const temperature = (k: number, lang: Lang) => quantity(k, 'temperature', 'degC', lang, '°C');
export const temperatureDifference = (k: number, lang: Lang) => quantity(k, 'temperatureDifference', 'K', lang);
export const enthalpy = (jPerKg: number, lang: Lang) => quantity(jPerKg, 'specificEnthalpy', 'kJ/kg', lang);
export const entropy = (jPerKgK: number, lang: Lang) => quantity(jPerKgK, 'specificEntropy', 'kJ/(kg K)', lang, 'kJ/(kg·K)');
export const massFlow = (kgPerS: number, lang: Lang) => quantity(kgPerS, 'massFlow', 'kg/s', lang);
export const density = (kgPerM3: number, lang: Lang) => quantity(kgPerM3, 'density', 'kg/m3', lang, 'kg/m³');
export const energyMWh = (j: number, lang: Lang) => quantity(j, 'energy', 'MWh', lang);
export const hours = (s: number, lang: Lang) => quantity(s, 'time', 'h', lang, lang === 'zh' ? '小时' : 'h');
export const percent = (fraction: number | null | undefined, lang: Lang, digits = 1) => formatPercent(fraction, lang, digits);

/** A design figure of a template ({value, unit} in SI) in the unit people read; the key tells a temperature from a difference. */
export function figure(key: string, value: number, unit: string, lang: Lang): string {
  switch (unit) {
    case 'W':
      return power(value, lang);
    case 'Pa':
      return pressure(value, lang);
    case 'K':
      return /temperature|\.T$|^T/i.test(key) && !/difference|approach|pinch/i.test(key) ? temperature(value, lang) : temperatureDifference(value, lang);
    case 'J/kg':
      return enthalpy(value, lang);
    case 'J/(kg K)':
      return entropy(value, lang);
    case 'kg/s':
      return massFlow(value, lang);
    case 's':
      return hours(value, lang);
    case 'kg':
      return Math.abs(value) >= 1e3 ? quantity(value, 'mass', 't', lang) : quantity(value, 'mass', 'kg', lang);
    case 'm3':
      return `${num(value, lang)} m³`;
    case 'J':
      return energyMWh(value, lang);
    case 'J/m3':
      return quantity(value, 'specificEnergyPerVolume', 'kWh/m3', lang, 'kWh/m³');
    case '-':
    case '':
      return num(value, lang);
    default:
      return `${num(value, lang)} ${unit}`;
  }
}
