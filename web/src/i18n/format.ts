/**
 * Numbers for people in the UI's language, by the library's rules (src/units/locale.ts): money in 万元/亿元 in
 * Chinese and in millions in English, thousands grouped in English only.
 */
import { formatMoney as libraryMoney, formatNumberLocale, type Currency } from '../../../src/units/index.js';
import type { Lang } from '../backend/types.js';

/** `value` with `digits` decimals; thousands grouped with commas in English, not grouped in Chinese. */
export function formatNumber(value: number, lang: Lang, digits = 2): string {
  return formatNumberLocale(value, lang, digits);
}

/** "1234.57 万元", "3.20 亿元" in Chinese; "12.35 M CNY" in English. */
export function formatMoney(value: number, lang: Lang, currency = 'CNY', digits = 2): string {
  return libraryMoney(value, { lang, currency: currency as Currency, digits });
}

/** A fraction as a percentage: 0.105 → "10.50 %". */
export function formatPercent(value: number | null, lang: Lang, digits = 2): string {
  return value === null ? '—' : `${formatNumber(value * 100, lang, digits)} %`;
}
