/**
 * Characteristic lines for part load: y(x) piecewise linear through given points, held constant beyond the ends
 * (TESPy's lines extrapolate by the same rule). A line scales a design value: η_s = η_s,design · y(m/m_design).
 */
import { PlantInputError } from '../errors.js';

export interface CharacteristicLine {
  /** Abscissae, strictly increasing (for η lines: m/m_design). Unit: - */
  readonly x: readonly number[];
  /** Ordinates (for η lines: η_s/η_s,design). Unit: - */
  readonly y: readonly number[];
}

export function checkLine(where: string, field: string, line: CharacteristicLine): void {
  const ok =
    line !== null &&
    typeof line === 'object' &&
    Array.isArray(line.x) &&
    Array.isArray(line.y) &&
    line.x.length >= 2 &&
    line.x.length === line.y.length &&
    line.x.every((v, i) => Number.isFinite(v) && (i === 0 || v > line.x[i - 1])) &&
    line.y.every((v) => Number.isFinite(v) && v > 0);
  if (!ok) throw new PlantInputError(where, field, line, 'x and y of equal length ≥ 2, x strictly increasing, y > 0');
}

/** y(x) and dy/dx on the line (slope 0 beyond the ends). */
export function evaluateLine(line: CharacteristicLine, x: number): { y: number; dydx: number } {
  const xs = line.x;
  const ys = line.y;
  const n = xs.length;
  if (x <= xs[0]) return { y: ys[0], dydx: 0 };
  if (x >= xs[n - 1]) return { y: ys[n - 1], dydx: 0 };
  let i = 1;
  while (xs[i] < x) i++;
  const slope = (ys[i] - ys[i - 1]) / (xs[i] - xs[i - 1]);
  return { y: ys[i - 1] + slope * (x - xs[i - 1]), dydx: slope };
}
