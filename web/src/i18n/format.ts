/**
 * Numbers for people in the UI's language: money in 万元/亿元 in Chinese and in millions in English, thousands
 * grouped in English. (The library's src/units formatMoney is used once it is on main; this is the same rule.)
 */
import type { Lang } from '../backend/types.js';

/** `value` with `digits` decimals; thousands grouped with commas in English, not grouped in Chinese. */
export function formatNumber(value: number, lang: Lang, digits = 2): string {
  if (!Number.isFinite(value)) return Number.isNaN(value) ? '—' : value > 0 ? '∞' : '-∞';
  let text = value.toFixed(digits);
  if (/^-0(\.0*)?$/.test(text)) text = text.slice(1);
  if (lang === 'zh') return text;
  const [int, frac] = text.split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return frac === undefined ? grouped : `${grouped}.${frac}`;
}

const ZH_CURRENCY: Readonly<Record<string, string>> = { CNY: '元', USD: '美元', EUR: '欧元' };

/** "1234.57 万元", "3.20 亿元" in Chinese; "12.35 M CNY" in English. */
export function formatMoney(value: number, lang: Lang, currency = 'CNY', digits = 2): string {
  if (!Number.isFinite(value)) return formatNumber(value, lang);
  const abs = Math.abs(value);
  if (lang === 'zh') {
    const [scale, word] = abs >= 1e8 ? [1e8, '亿'] : abs >= 1e4 ? [1e4, '万'] : [1, ''];
    return `${formatNumber(value / scale, lang, digits)} ${word}${ZH_CURRENCY[currency] ?? currency}`;
  }
  const [scale, word] = abs >= 1e6 ? [1e6, 'M '] : [1, ''];
  return `${formatNumber(value / scale, lang, digits)} ${word}${currency}`;
}

/** A fraction as a percentage: 0.105 → "10.50 %". */
export function formatPercent(value: number | null, lang: Lang, digits = 2): string {
  return value === null ? '—' : `${formatNumber(value * 100, lang, digits)} %`;
}
