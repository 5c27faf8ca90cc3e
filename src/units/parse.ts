import { DIMENSIONLESS, dimMul, dimPow, dimEqual, dimToString, type Dimension } from './dimensions.js';
import { PREFIXES, UNIT_SYMBOLS } from './symbols.js';
import { QUANTITY_KINDS, type QuantityKind } from './kinds.js';

/** A unit expression resolved to SI: value_SI = factor · value (+ offset for absolute temperatures). */
export interface ResolvedUnit {
  readonly factor: number;
  readonly dim: Dimension;
  /** The single temperature symbol of the expression, when it is nothing but that symbol (for offsets). */
  readonly temperatureSymbol?: string;
}

/** A mistake in a unit string or a quantity: names the field, the value and what was expected. */
export class UnitError extends Error {
  readonly field: string;
  readonly value: unknown;
  constructor(field: string, value: unknown, message: string) {
    super(`${field || 'value'}: ${message} (got ${JSON.stringify(value)})`);
    this.name = 'UnitError';
    this.field = field;
    this.value = value;
  }
}

function resolveSymbol(symbol: string): { factor: number; dim: Dimension } | undefined {
  const exact = UNIT_SYMBOLS[symbol];
  if (exact) return exact;
  // Longest prefix first, so "da" wins over "d".
  for (const prefix of Object.keys(PREFIXES).sort((a, b) => b.length - a.length)) {
    if (symbol.length > prefix.length && symbol.startsWith(prefix)) {
      const base = UNIT_SYMBOLS[symbol.slice(prefix.length)];
      if (base && base.prefixable) return { factor: PREFIXES[prefix] * base.factor, dim: base.dim };
    }
  }
  return undefined;
}

const TEMPERATURE_SYMBOLS = new Set(['K', 'degC', '°C', 'C', 'degF', '°F', 'R']);

/**
 * Parses a unit expression: symbols joined by spaces, `*`, `·` or `.`; `/` divides by the next factor only
 * ("J/kg/K" = J/(kg K)); parentheses group; exponents as `m^3`, `m3`, `s^-1` or `s-1`; `1/h` is allowed.
 */
export function parseUnit(text: string, field = 'unit'): ResolvedUnit {
  const src = text.trim();
  if (src === '' || src === '1' || src === '-') return { factor: 1, dim: DIMENSIONLESS };
  let pos = 0;

  const fail = (msg: string): never => {
    throw new UnitError(field, text, `${msg} in unit "${text}"`);
  };
  const skipSpaces = () => {
    while (pos < src.length && src[pos] === ' ') pos++;
  };

  // expr := factor (sep factor | '/' factor)*
  function parseExpr(): { factor: number; dim: Dimension } {
    let acc = parseFactor();
    for (;;) {
      skipSpaces();
      if (pos >= src.length || src[pos] === ')') return acc;
      let divide = false;
      if (src[pos] === '/') {
        divide = true;
        pos++;
      } else if (src[pos] === '*' || src[pos] === '·' || src[pos] === '.') {
        pos++;
      }
      const next = parseFactor();
      acc = divide
        ? { factor: acc.factor / next.factor, dim: dimMul(acc.dim, dimPow(next.dim, -1)) }
        : { factor: acc.factor * next.factor, dim: dimMul(acc.dim, next.dim) };
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
      if (!resolved) fail(`unknown unit symbol "${symbol}"`);
      base = resolved!;
    }
    // exponent, written right after the factor: m^3, m3, s^-1, s-1 (units never subtract)
    const m = /^\^?(-?\d+)/.exec(src.slice(pos));
    if (m) {
      const n = Number(m[1]);
      pos += m[0].length;
      return { factor: Math.pow(base.factor, n), dim: dimPow(base.dim, n) };
    }
    return base;
  }

  const result = parseExpr();
  skipSpaces();
  if (pos < src.length) fail(`unexpected "${src[pos]}" at position ${pos + 1}`);
  return TEMPERATURE_SYMBOLS.has(src) ? { ...result, temperatureSymbol: src } : result;
}

const NUMBER_RE = /^\s*([+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)\s*(.*)$/s;

/** Converts a value given in `unit` to SI for the given kind (absolute temperatures get their offset). */
export function toSI(value: number, unit: string, kind: QuantityKind, field: string = kind): number {
  const spec = QUANTITY_KINDS[kind];
  const resolved = parseUnit(unit, field);
  if (!dimEqual(resolved.dim, spec.dim)) {
    throw new UnitError(
      field,
      `${value} ${unit}`,
      `"${unit}" is not a unit of ${spec.description} (expected something like "${spec.example}", dimension ${dimToString(spec.dim)}; "${unit}" has ${dimToString(resolved.dim)})`,
    );
  }
  if (kind === 'temperature') {
    switch (resolved.temperatureSymbol) {
      case 'degC':
      case '°C':
      case 'C':
        return value + 273.15;
      case 'degF':
      case '°F':
        return ((value - 32) * 5) / 9 + 273.15;
      case 'K':
      case 'R':
        return value * resolved.factor;
      default:
        throw new UnitError(field, `${value} ${unit}`, 'an absolute temperature needs K, degC, degF or R');
    }
  }
  return value * resolved.factor;
}

/**
 * Parses "70 bar", "25degC", "1.5e6 Pa", "0.1 %/h" (or a plain number, taken as SI) into an SI number of the given
 * kind. Throws a UnitError naming the field, the value and the expected kind; never returns NaN.
 */
export function parseQuantity(input: string | number, kind: QuantityKind, field: string = kind): number {
  const spec = QUANTITY_KINDS[kind];
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) throw new UnitError(field, input, `expected a finite ${spec.description}`);
    return input;
  }
  if (typeof input !== 'string') {
    throw new UnitError(field, input, `expected a ${spec.description} such as "${spec.example}"`);
  }
  const m = NUMBER_RE.exec(input);
  if (!m) throw new UnitError(field, input, `expected a number with a unit, such as "${spec.example}"`);
  const value = Number(m[1]);
  const unit = m[2].trim();
  if (!Number.isFinite(value)) throw new UnitError(field, input, `expected a finite ${spec.description}`);
  if (unit === '') {
    if (spec.siUnitOptional) return value;
    throw new UnitError(field, input, `a unit is required for a ${spec.description}, e.g. "${spec.example}"`);
  }
  return toSI(value, unit, kind, field);
}
