/**
 * Physical dimensions as exponent vectors over the SI base quantities the project uses:
 * length (m), mass (kg), time (s), temperature (K), amount (mol), currency (one abstract money unit).
 *
 * Money is a dimension of its own so that "yuan/MWh" and "USD/kW" can be checked like any other unit. Every currency
 * is the same dimension (a price per MWh is one kind of quantity); which currency a unit names is a tag on the parsed
 * unit (ResolvedUnit.currency), checked by parseQuantity's `currency` option, and never converted here (the finance
 * layer restates costs between currencies).
 */
export type Dimension = readonly [m: number, kg: number, s: number, K: number, mol: number, money: number];

export const DIMENSIONLESS: Dimension = [0, 0, 0, 0, 0, 0];

export function dimMul(a: Dimension, b: Dimension): Dimension {
  return [a[0] + b[0], a[1] + b[1], a[2] + b[2], a[3] + b[3], a[4] + b[4], a[5] + b[5]];
}

export function dimPow(a: Dimension, n: number): Dimension {
  // "+ 0" turns -0 into 0 so that dimensions compare equal with deepEqual too
  return [a[0] * n + 0, a[1] * n + 0, a[2] * n + 0, a[3] * n + 0, a[4] * n + 0, a[5] * n + 0];
}

export function dimEqual(a: Dimension, b: Dimension): boolean {
  for (let i = 0; i < 6; i++) if (a[i] !== b[i]) return false;
  return true;
}

const BASE_SYMBOLS = ['m', 'kg', 's', 'K', 'mol', 'money'];

/** A readable SI form of a dimension, e.g. "kg m^-1 s^-2". */
export function dimToString(d: Dimension): string {
  const parts: string[] = [];
  d.forEach((e, i) => {
    if (e !== 0) parts.push(e === 1 ? BASE_SYMBOLS[i] : `${BASE_SYMBOLS[i]}^${e}`);
  });
  return parts.length ? parts.join(' ') : '1';
}
