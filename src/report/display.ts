/**
 * Display units for people: MW, MWh, %, money per MWh, and money in 万元 / 亿元 in Chinese and in millions with
 * thousands separators in English. SI numbers come in (W, J, money/J, fractions); numbers and strings go out.
 * Money text comes from src/units' formatMoney (one rule for the web app and the reports).
 */
import { CURRENCIES, formatMoney as unitsFormatMoney, type Currency } from '../units/index.js';
import type { Lang } from './labels.js';

export const MW = 1e6;
/** J per MWh */
export const MWH = 3.6e9;
/** s per hour */
export const HOUR = 3600;

/** What a number is, so that it is shown in the unit people expect. */
export type DisplayKind = 'money' | 'pricePerEnergy' | 'power' | 'energy' | 'fraction' | 'years' | 'ratio' | 'count';

/** Chinese name of a currency's unit (元 for CNY); other languages use the ISO code. */
export function currencyName(currency: string, lang: Lang): string {
  if (lang === 'en') return currency;
  return ({ CNY: '元', RMB: '元', USD: '美元', EUR: '欧元' } as Record<string, string>)[currency.toUpperCase()] ?? currency;
}

/**
 * The fixed money unit of tables and charts: 万元 in Chinese (the unit of Chinese feasibility-study tables), a
 * million in English. One unit per language keeps columns and axes comparable between plants.
 */
export function moneyUnit(lang: Lang, currency = 'CNY'): { readonly unit: string; readonly factor: number } {
  return lang === 'zh' ? { unit: `万${currencyName(currency, lang)}`, factor: 1e4 } : { unit: `M ${currency}`, factor: 1e6 };
}

/** The price unit: CNY/MWh, 元/MWh. */
export function priceUnit(lang: Lang, currency = 'CNY'): string {
  return `${currencyName(currency, lang)}/MWh`;
}

/** Display unit of each kind (money and prices take the currency). */
export function displayUnit(kind: DisplayKind, lang: Lang, currency = 'CNY'): string {
  switch (kind) {
    case 'money':
      return moneyUnit(lang, currency).unit;
    case 'pricePerEnergy':
      return priceUnit(lang, currency);
    case 'power':
      return 'MW';
    case 'energy':
      return 'MWh';
    case 'fraction':
      return '%';
    case 'years':
      return lang === 'zh' ? '年' : 'years';
    case 'ratio':
    case 'count':
      return '–';
  }
}

/** An SI value in the kind's display unit (money in the table unit of `moneyUnit`). */
export function toDisplay(value: number, kind: DisplayKind, lang: Lang, currency = 'CNY'): number {
  switch (kind) {
    case 'money':
      return value / moneyUnit(lang, currency).factor;
    case 'pricePerEnergy':
      return value * MWH;
    case 'power':
      return value / MW;
    case 'energy':
      return value / MWH;
    case 'fraction':
      return value * 100;
    default:
      return value;
  }
}

const LOCALE: Record<Lang, string> = { en: 'en-GB', zh: 'zh-CN' };

/** A number with the language's thousands separators and `digits` decimals (or significant digits when `significant`). */
export function formatNumber(value: number, lang: Lang, digits = 1, significant = false): string {
  if (!Number.isFinite(value)) return '—';
  const options: Intl.NumberFormatOptions = significant ? { maximumSignificantDigits: digits } : { minimumFractionDigits: digits, maximumFractionDigits: digits };
  // −0 after rounding reads as a sign error
  const text = new Intl.NumberFormat(LOCALE[lang], options).format(value);
  return /^-0([.,]0*)?$/.test(text) ? text.slice(1) : text;
}

/** Decimals that keep about four significant digits of a display value (at least 0, at most 2). */
export function decimalsFor(value: number): number {
  const a = Math.abs(value);
  return a >= 1000 ? 0 : a >= 100 ? 1 : 2;
}

/**
 * Money for reading, through src/units' formatMoney (万元, 亿元 from 1 亿 in Chinese; M CNY in English) with about
 * four significant digits; a currency src/units does not name is written with its code.
 */
export function formatMoney(value: number, lang: Lang, currency = 'CNY'): string {
  if (!Number.isFinite(value)) return '—';
  const a = Math.abs(value);
  const scale = lang === 'zh' ? (a >= 1e8 ? 1e8 : a >= 1e4 ? 1e4 : 1) : a >= 1e6 ? 1e6 : 1;
  const digits = scale === 1 ? 0 : decimalsFor(value / scale);
  if ((CURRENCIES as readonly string[]).includes(currency)) return unitsFormatMoney(value, { lang, currency: currency as Currency, digits, scale });
  return `${formatNumber(value / scale, lang, digits)} ${lang === 'zh' ? `${scale === 1e8 ? '亿' : scale === 1e4 ? '万' : ''}${currency}` : `${scale === 1e6 ? 'M ' : ''}${currency}`}`;
}

/** A fraction as a percentage: "7.0 %" in English, "7.0%" in Chinese. */
export function formatPercent(fraction: number | null | undefined, lang: Lang, digits = 1): string {
  if (fraction === null || fraction === undefined || !Number.isFinite(fraction)) return '—';
  return `${formatNumber(fraction * 100, lang, digits)}${lang === 'zh' ? '%' : ' %'}`;
}

/** An SI value of a kind as text with its display unit. */
export function formatValue(value: number | null | undefined, kind: DisplayKind, lang: Lang, currency = 'CNY'): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  switch (kind) {
    case 'money':
      return formatMoney(value, lang, currency);
    case 'fraction':
      return formatPercent(value, lang);
    case 'ratio':
      return formatNumber(value, lang, 2);
    case 'count':
      return formatNumber(value, lang, 0);
    case 'years':
      return `${formatNumber(value, lang, 1)} ${displayUnit('years', lang)}`;
    default: {
      const v = toDisplay(value, kind, lang, currency);
      return `${formatNumber(v, lang, decimalsFor(v))} ${displayUnit(kind, lang, currency)}`;
    }
  }
}

/** The site's local calendar fields of a time (ms since the epoch) with the schedule's fixed UTC offset. */
export function localTime(ms: number, utcOffsetMinutes: number): { year: number; month: number; day: number; hour: number; dayOfYear: number } {
  const d = new Date(ms + utcOffsetMinutes * 60_000);
  const startOfYear = Date.UTC(d.getUTCFullYear(), 0, 1);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth(),
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    dayOfYear: Math.floor((d.getTime() - startOfYear) / 86_400_000),
  };
}
