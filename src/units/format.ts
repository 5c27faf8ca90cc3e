import { QUANTITY_KINDS, type QuantityKind } from './kinds.js';
import { parseUnit, TEMPERATURE_SCALES, UnitError } from './parse.js';
import { dimEqual } from './dimensions.js';

/** Converts an SI value of the given kind into `unit` (the inverse of toSI). */
export function fromSI(valueSI: number, unit: string, kind: QuantityKind): number {
  const spec = QUANTITY_KINDS[kind];
  const resolved = parseUnit(unit);
  if (!dimEqual(resolved.dim, spec.dim)) {
    throw new UnitError(kind, unit, `"${unit}" is not a unit of ${spec.description}`);
  }
  if (kind === 'temperature') {
    switch (resolved.temperatureSymbol ? TEMPERATURE_SCALES[resolved.temperatureSymbol] : undefined) {
      case 'C':
        return valueSI - 273.15;
      case 'F':
        return ((valueSI - 273.15) * 9) / 5 + 32;
      default:
        return valueSI / resolved.factor;
    }
  }
  return valueSI / resolved.factor;
}

/** Significant-digit formatting that never switches to exponent notation for everyday magnitudes. */
export function formatNumber(value: number, significant = 6): string {
  if (!Number.isFinite(value)) return String(value);
  if (value === 0) return '0';
  const abs = Math.abs(value);
  if (abs >= 1e-3 && abs < 1e9) {
    const digits = Math.max(0, significant - 1 - Math.floor(Math.log10(abs)));
    return value.toFixed(Math.min(digits, 12)).replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '');
  }
  return value.toExponential(significant - 1);
}

/** "70 bar", "25 degC": an SI value shown in the kind's display unit (or the given one). */
export function formatQuantity(valueSI: number, kind: QuantityKind, unit: string = QUANTITY_KINDS[kind].display, significant = 6): string {
  return `${formatNumber(fromSI(valueSI, unit, kind), significant)} ${unit}`;
}
