/**
 * Numbers and money for people, in English or Chinese (the web app and the reports). Plain functions of the value;
 * no Intl, so the output is the same in every browser and in Node.
 *
 * Money in Chinese is shown in 元, 万元 or 亿元 (the way feasibility studies and tariff documents state it), in
 * English in the currency's code with "M" for millions (the way English project finance states it):
 *   formatMoney(12345678, { lang: 'zh' })  → "1234.57 万元"      formatMoney(12345678, { lang: 'en' }) → "12.35 M CNY"
 *   formatMoney(3.2e9, { lang: 'zh' })     → "32.00 亿元"        formatMoney(3.2e9, { lang: 'en' })    → "3,200.00 M CNY"
 * Scale rule: the largest scale the amount's magnitude reaches (亿 from 1e8, 万 from 1e4; M from 1e6), so the
 * number shown is at least 1 and, in Chinese, has at most four integer digits below 10^12. A column of figures that
 * must share one scale passes `scale`. Chinese numbers are not grouped (four digits at most, by the rule above);
 * English ones are grouped by thousands with commas.
 */
import type { Currency } from './symbols.js';

export type Lang = 'en' | 'zh';

export interface MoneyFormatOptions {
  readonly lang: Lang;
  /** Default CNY. */
  readonly currency?: Currency;
  /** Digits after the decimal point; default 2. */
  readonly digits?: number;
  /** A fixed scale instead of the automatic one: 1, 1e4 (万) or 1e8 (亿) in Chinese, 1 or 1e6 (M) in English. */
  readonly scale?: number;
}

const ZH_CURRENCY: Readonly<Record<Currency, string>> = { CNY: '元', USD: '美元', EUR: '欧元' };
const ZH_SCALES: readonly (readonly [number, string])[] = [
  [1e8, '亿'],
  [1e4, '万'],
  [1, ''],
];
const EN_SCALES: readonly (readonly [number, string])[] = [
  [1e6, 'M '],
  [1, ''],
];

/** What a non-finite value is shown as: '—' for NaN (no value), '∞' and '-∞'. */
function nonFinite(value: number): string {
  return Number.isNaN(value) ? '—' : value > 0 ? '∞' : '-∞';
}

/** `value` with `digits` decimals; thousands grouped with commas in English, not grouped in Chinese. */
export function formatNumberLocale(value: number, lang: Lang, digits = 2): string {
  if (!Number.isFinite(value)) return nonFinite(value);
  if (!(Number.isInteger(digits) && digits >= 0 && digits <= 20)) throw new RangeError(`digits: ${digits} is not valid; expected a whole number from 0 to 20`);
  if (Math.abs(value) >= 1e21) return value.toExponential(digits);
  let text = value.toFixed(digits);
  // a value that rounds to zero is shown without a sign
  if (/^-0(\.0*)?$/.test(text)) text = text.slice(1);
  if (lang === 'zh') return text;
  const [int, frac] = text.split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return frac === undefined ? grouped : `${grouped}.${frac}`;
}

/** An amount of money for people: "1234.57 万元", "32.00 亿元" in Chinese; "12,345.68 CNY", "12.35 M CNY" in English. */
export function formatMoney(value: number, options: MoneyFormatOptions): string {
  const { lang, currency = 'CNY', digits = 2 } = options;
  const scales = lang === 'zh' ? ZH_SCALES : EN_SCALES;
  let chosen = scales.find(([s]) => Math.abs(value) >= s) ?? scales[scales.length - 1];
  if (options.scale !== undefined) {
    const fixed = scales.find(([s]) => s === options.scale);
    if (!fixed) throw new RangeError(`scale: ${options.scale} is not valid for ${lang}; expected one of ${scales.map(([s]) => s).join(', ')}`);
    chosen = fixed;
  }
  const [scale, word] = chosen;
  const number = formatNumberLocale(value / scale, lang, digits);
  if (!Number.isFinite(value)) return number;
  return lang === 'zh' ? `${number} ${word}${ZH_CURRENCY[currency]}` : `${number} ${word}${currency}`;
}
