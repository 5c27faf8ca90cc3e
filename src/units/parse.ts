import { DIMENSIONLESS, dimMul, dimPow, dimEqual, dimToString, type Dimension } from './dimensions.js';
import { CHINESE_MULTIPLIERS, CHINESE_PREFIXES, CHINESE_UNIT_SYMBOLS, PREFIXES, UNIT_SYMBOLS, type Currency } from './symbols.js';
import { QUANTITY_KINDS, type QuantityKind } from './kinds.js';

/** A unit expression resolved to SI: value_SI = factor · value (+ offset for absolute temperatures). */
export interface ResolvedUnit {
  readonly factor: number;
  readonly dim: Dimension;
  /** The single temperature symbol of the expression, when it is nothing but that symbol (for offsets). */
  readonly temperatureSymbol?: string;
  /** The currency named by the expression's money symbol, if it has one. */
  readonly currency?: Currency;
}

/** Why a unit string or a quantity was refused (stable; front ends translate by it). */
export type UnitErrorReason = 'syntax' | 'unknown_symbol' | 'dimension' | 'missing_unit' | 'not_a_number' | 'not_finite' | 'currency' | 'mixed_currency' | 'temperature';

/** A mistake in a unit string or a quantity: names the field, the value and what was expected. */
export class UnitError extends Error {
  readonly field: string;
  readonly value: unknown;
  readonly reason: UnitErrorReason;
  /** The kind of quantity expected, when the error came from parsing a quantity. */
  readonly kind?: QuantityKind;
  constructor(field: string, value: unknown, message: string, reason: UnitErrorReason = 'syntax', kind?: QuantityKind) {
    super(`${field || 'value'}: ${message} (got ${JSON.stringify(value)})`);
    this.name = 'UnitError';
    this.field = field;
    this.value = value;
    this.reason = reason;
    if (kind !== undefined) this.kind = kind;
  }
}

/**
 * What a UnitError's message says, read back from its text: callers that only see the message (a zod issue made from
 * a UnitError keeps nothing else) recover the reason, the expected kind and the offending symbol. Every message it
 * reads is written further down in this file (parseUnit, toSI, parseQuantity), so the two change together; the units
 * tests read back one message of each reason.
 */
export function readUnitErrorMessage(message: string): { reason: UnitErrorReason; kind?: QuantityKind; symbol?: string; currency?: Currency } | undefined {
  const kind = kindNamed(message);
  const k = kind ? { kind } : {};
  let m: RegExpExecArray | null;
  if ((m = /unknown unit symbol "([^"]*)"/.exec(message))) return { reason: 'unknown_symbol', symbol: m[1], ...k };
  if (/mixes currencies/.test(message)) return { reason: 'mixed_currency', ...k };
  if ((m = /is in (CNY|USD|EUR), not (CNY|USD|EUR)/.exec(message))) return { reason: 'currency', currency: m[1] as Currency, ...k };
  if (/" is not a unit of /.test(message)) return { reason: 'dimension', ...k };
  if (/a unit is required for /.test(message)) return { reason: 'missing_unit', ...k };
  if (/expected a number with a unit/.test(message)) return { reason: 'not_a_number', ...k };
  if (/expected a finite /.test(message)) return { reason: 'not_finite', ...k };
  if (/an absolute temperature needs /.test(message)) return { reason: 'temperature', kind: 'temperature' };
  if (/ in unit "/.test(message)) return { reason: 'syntax', ...k };
  return undefined;
}

/** The kind whose example ("such as "70 bar"") a message quotes. */
function kindNamed(message: string): QuantityKind | undefined {
  const m = /(?:such as|something like|e\.g\.) "([^"]*)"/.exec(message);
  if (!m) return undefined;
  for (const [kind, spec] of Object.entries(QUANTITY_KINDS)) if (spec.example === m[1]) return kind as QuantityKind;
  return undefined;
}

/** Full-width forms to ASCII (（）／％ and digits), ℃ to °C, m³ to m3; the middle dots of CJK text to `·`. */
function normalise(text: string): string {
  return text.normalize('NFKC').replace(/[・⋅•∙]/g, '·').replace(/\u3000/g, ' ');
}

function resolveSymbol(symbol: string): UnitSymbolResolved | undefined {
  const exact = UNIT_SYMBOLS[symbol] ?? CHINESE_UNIT_SYMBOLS[symbol];
  if (exact) return exact;
  // Longest prefix first, so "da" wins over "d".
  for (const prefix of Object.keys(PREFIXES).sort((a, b) => b.length - a.length)) {
    if (symbol.length > prefix.length && symbol.startsWith(prefix)) {
      const base = UNIT_SYMBOLS[symbol.slice(prefix.length)];
      if (base && base.prefixable) return { factor: PREFIXES[prefix] * base.factor, dim: base.dim };
    }
  }
  return resolveChinese(symbol);
}

type UnitSymbolResolved = { readonly factor: number; readonly dim: Dimension; readonly currency?: Currency };

/** 万元, 亿元, 千瓦时, 百万千瓦: counting multipliers before a Chinese symbol; or 兆瓦, 吉瓦时, 兆帕: one SI prefix. */
function resolveChinese(symbol: string): UnitSymbolResolved | undefined {
  const si = CHINESE_PREFIXES[symbol[0]];
  if (si !== undefined) {
    const base = CHINESE_UNIT_SYMBOLS[symbol.slice(1)];
    return base && base.prefixable ? { factor: si * base.factor, dim: base.dim } : undefined;
  }
  let scale = 1;
  let i = 0;
  while (i < symbol.length - 1 && CHINESE_MULTIPLIERS[symbol[i]] !== undefined) scale *= CHINESE_MULTIPLIERS[symbol[i++]];
  if (i === 0) return undefined;
  const base = CHINESE_UNIT_SYMBOLS[symbol.slice(i)];
  if (!base || TEMPERATURE_SCALES[symbol.slice(i)]) return undefined;
  return { factor: scale * base.factor, dim: base.dim, ...(base.currency ? { currency: base.currency } : {}) };
}

/** The temperature symbols and the scale each names (an absolute temperature takes its scale's offset). */
export const TEMPERATURE_SCALES: Readonly<Record<string, 'K' | 'C' | 'F' | 'R'>> = {
  K: 'K',
  开: 'K',
  开尔文: 'K',
  degC: 'C',
  '°C': 'C',
  C: 'C',
  摄氏度: 'C',
  degF: 'F',
  '°F': 'F',
  华氏度: 'F',
  R: 'R',
};

/**
 * Parses a unit expression: symbols joined by spaces, `*`, `·` or `.`; `/` divides by the next factor, and by the
 * factors joined to it with `·` or `.` ("J/kg/K" = "J/(kg K)" = "J/kg·K"; "元/千瓦·年" = 元/(千瓦·年), the way
 * Chinese tariffs write it); parentheses group; exponents as `m^3`, `m3`, `s^-1` or `s-1`; `1/h` is allowed.
 * Chinese unit names (symbols.ts, CHINESE_UNIT_SYMBOLS) and full-width punctuation are accepted. A money unit
 * carries its currency; one expression naming two currencies is refused (an exchange rate is a plain number).
 */
export function parseUnit(text: string, field = 'unit'): ResolvedUnit {
  const src = normalise(text).trim();
  if (src === '' || src === '1' || src === '-') return { factor: 1, dim: DIMENSIONLESS };
  let pos = 0;
  let currency: Currency | undefined;

  const fail = (msg: string, reason: UnitErrorReason = 'syntax'): never => {
    throw new UnitError(field, text, `${msg} in unit "${text}"`, reason);
  };
  const skipSpaces = () => {
    while (pos < src.length && src[pos] === ' ') pos++;
  };
  const tight = () => src[pos] === '·' || src[pos] === '.';

  // expr := factor (sep factor | '/' factor (('·' | '.') factor)*)*
  function parseExpr(): { factor: number; dim: Dimension } {
    let acc = parseFactor();
    for (;;) {
      skipSpaces();
      if (pos >= src.length || src[pos] === ')') return acc;
      if (src[pos] === '/') {
        pos++;
        let next = parseFactor();
        for (skipSpaces(); tight(); skipSpaces()) {
          pos++;
          const more = parseFactor();
          next = { factor: next.factor * more.factor, dim: dimMul(next.dim, more.dim) };
        }
        acc = { factor: acc.factor / next.factor, dim: dimMul(acc.dim, dimPow(next.dim, -1)) };
        continue;
      }
      if (src[pos] === '*' || tight()) pos++;
      const next = parseFactor();
      acc = { factor: acc.factor * next.factor, dim: dimMul(acc.dim, next.dim) };
    }
  }

  function parseFactor(): { factor: number; dim: Dimension } {
    skipSpaces();
    let base: { factor: number; dim: Dimension };
    if (src[pos] === '(') {
      pos++;
      base = parseExpr();
      skipSpaces();
      if (src[pos] !== ')') fail('missing ")"');
      pos++;
    } else if (src[pos] === '1' && (pos + 1 >= src.length || src[pos + 1] === '/' || src[pos + 1] === ' ')) {
      pos++;
      base = { factor: 1, dim: DIMENSIONLESS };
    } else {
      const start = pos;
      while (pos < src.length && !/[\s*·/()^0-9\-.]/.test(src[pos])) pos++;
      // '%' and '-' alone are symbols of their own
      if (pos === start && (src[pos] === '-' || src[pos] === '%')) pos++;
      const symbol = src.slice(start, pos);
      if (!symbol) fail(`expected a unit symbol at position ${start + 1}`);
      const resolved = resolveSymbol(symbol);
      if (!resolved) fail(`unknown unit symbol "${symbol}"`, 'unknown_symbol');
      if (resolved!.currency) {
        if (currency && currency !== resolved!.currency) fail(`mixes currencies ${currency} and ${resolved!.currency} (an exchange rate is a plain number)`, 'mixed_currency');
        currency = resolved!.currency;
      }
      base = resolved!;
    }
    // exponent, written right after the factor: m^3, m3, s^-1, s-1 (units never subtract)
    const m = /^\^?(-?\d+)/.exec(src.slice(pos));
    if (m) {
      const n = Number(m[1]);
      pos += m[0].length;
      return { factor: Math.pow(base.factor, n), dim: dimPow(base.dim, n) };
    }
    return { factor: base.factor, dim: base.dim };
  }

  const result = parseExpr();
  skipSpaces();
  if (pos < src.length) fail(`unexpected "${src[pos]}" at position ${pos + 1}`);
  return {
    ...result,
    ...(TEMPERATURE_SCALES[src] ? { temperatureSymbol: src } : {}),
    ...(currency ? { currency } : {}),
  };
}

const NUMBER_RE = /^\s*([+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)\s*(.*)$/s;

/** What a quantity may be checked against besides its kind. */
export interface QuantityOptions {
  /** A money unit must name this currency ("0.38 USD/kWh" is refused where yuan are expected). */
  readonly currency?: Currency;
}

/** Converts a value given in `unit` to SI for the given kind (absolute temperatures get their offset). */
export function toSI(value: number, unit: string, kind: QuantityKind, field: string = kind, options: QuantityOptions = {}): number {
  const spec = QUANTITY_KINDS[kind];
  const expected = `expected a ${spec.description} such as "${spec.example}"`;
  let resolved: ResolvedUnit;
  try {
    resolved = parseUnit(unit, field);
  } catch (e) {
    if (!(e instanceof UnitError)) throw e;
    const detail = e.message.replace(/^[^:]*: /, '').replace(/ \(got .*\)$/s, '');
    throw new UnitError(field, `${value} ${unit}`, `${detail}; ${expected}`, e.reason, kind);
  }
  if (!dimEqual(resolved.dim, spec.dim)) {
    const du = /度/.test(unit) && (kind === 'temperature' || kind === 'temperatureDifference') ? '; 度 is read as kWh (元/度): write a temperature as 摄氏度 or °C' : '';
    throw new UnitError(
      field,
      `${value} ${unit}`,
      `"${unit}" is not a unit of ${spec.description} (expected something like "${spec.example}", dimension ${dimToString(spec.dim)}; "${unit}" has ${dimToString(resolved.dim)}${du})`,
      'dimension',
      kind,
    );
  }
  if (options.currency && resolved.currency && resolved.currency !== options.currency) {
    throw new UnitError(field, `${value} ${unit}`, `"${unit}" is in ${resolved.currency}, not ${options.currency}; convert it first (${expected})`, 'currency', kind);
  }
  if (kind === 'temperature') {
    switch (resolved.temperatureSymbol ? TEMPERATURE_SCALES[resolved.temperatureSymbol] : undefined) {
      case 'C':
        return value + 273.15;
      case 'F':
        return ((value - 32) * 5) / 9 + 273.15;
      case 'K':
      case 'R':
        return value * resolved.factor;
      default:
        throw new UnitError(field, `${value} ${unit}`, 'an absolute temperature needs K, degC, degF or R', 'temperature', kind);
    }
  }
  return value * resolved.factor;
}

/**
 * Parses "70 bar", "25degC", "1.5e6 Pa", "0.1 %/h", "100兆瓦", "0.38 元/千瓦时" (or a plain number, taken as SI) into
 * an SI number of the given kind. Throws a UnitError naming the field, the value and the expected kind (its `reason`
 * says what went wrong); never returns NaN.
 */
export function parseQuantity(input: string | number, kind: QuantityKind, field: string = kind, options: QuantityOptions = {}): number {
  const spec = QUANTITY_KINDS[kind];
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) throw new UnitError(field, input, `expected a finite ${spec.description} such as "${spec.example}"`, 'not_finite', kind);
    return input;
  }
  if (typeof input !== 'string') {
    throw new UnitError(field, input, `expected a ${spec.description} such as "${spec.example}"`, 'not_a_number', kind);
  }
  const m = NUMBER_RE.exec(normalise(input));
  if (!m) throw new UnitError(field, input, `expected a number with a unit, such as "${spec.example}"`, 'not_a_number', kind);
  const value = Number(m[1]);
  const unit = m[2].trim();
  if (!Number.isFinite(value)) throw new UnitError(field, input, `expected a finite ${spec.description} such as "${spec.example}"`, 'not_finite', kind);
  if (unit === '') {
    if (spec.siUnitOptional) return value;
    throw new UnitError(field, input, `a unit is required for a ${spec.description}, e.g. "${spec.example}"`, 'missing_unit', kind);
  }
  return toSI(value, unit, kind, field, options);
}

/** The currency a quantity string names ("0.38 USD/kWh" → USD), or undefined (no money unit, or not a quantity). */
export function currencyOf(input: unknown): Currency | undefined {
  if (typeof input !== 'string') return undefined;
  const m = NUMBER_RE.exec(normalise(input));
  if (!m || m[2].trim() === '') return undefined;
  try {
    return parseUnit(m[2]).currency;
  } catch {
    return undefined;
  }
}
