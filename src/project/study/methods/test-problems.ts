/**
 * Test functions with known answers, for the method tests and benchmarks. Inputs are unit-cube points unless stated.
 */

/**
 * Ishigami & Homma (1990): f = sin x1 + a sin² x2 + b x3⁴ sin x1 on [−π, π]³, here from the unit cube.
 * Analytic indices (a = 7, b = 0.1; Saltelli et al., Global Sensitivity Analysis: The Primer, 2008, §4.7):
 * V = a²/8 + bπ⁴/5 + b²π⁸/18 + 1/2, V1 = (1 + bπ⁴/5)²/2, V2 = a²/8, V3 = 0, V13 = b²π⁸(1/18 − 1/50).
 */
export function ishigami(u: readonly number[], a = 7, b = 0.1): number {
  const [x1, x2, x3] = u.map((v) => -Math.PI + 2 * Math.PI * v);
  return Math.sin(x1) + a * Math.sin(x2) ** 2 + b * x3 ** 4 * Math.sin(x1);
}

export function ishigamiIndices(a = 7, b = 0.1): { first: number[]; total: number[]; variance: number } {
  const pi4 = Math.PI ** 4;
  const pi8 = Math.PI ** 8;
  const V1 = (1 + (b * pi4) / 5) ** 2 / 2;
  const V2 = (a * a) / 8;
  const V13 = b * b * pi8 * (1 / 18 - 1 / 50);
  const V = V1 + V2 + V13;
  return { first: [V1 / V, V2 / V, 0], total: [(V1 + V13) / V, V2 / V, V13 / V], variance: V };
}

/**
 * Sobol's G-function: Π (|4u_i − 2| + a_i)/(1 + a_i), mean 1; the smaller a_i, the more important u_i
 * (V_i = 1/(3(1 + a_i)²); a_i = 0 important, a_i ≥ 99 negligible).
 */
export function gFunction(u: readonly number[], a: readonly number[]): number {
  let f = 1;
  for (let i = 0; i < a.length; i++) f *= (Math.abs(4 * u[i] - 2) + a[i]) / (1 + a[i]);
  return f;
}

/** ZDT1 (Zitzler, Deb, Thiele, Evol. Comput. 8 (2000) 173–195): x ∈ [0, 1]^n, both objectives minimised; front f2 = 1 − √f1. */
export function zdt1(x: readonly number[]): [number, number] {
  const f1 = x[0];
  let s = 0;
  for (let i = 1; i < x.length; i++) s += x[i];
  const g = 1 + (9 * s) / (x.length - 1);
  return [f1, g * (1 - Math.sqrt(f1 / g))];
}

/** ZDT2: as ZDT1 with a concave front f2 = 1 − f1². */
export function zdt2(x: readonly number[]): [number, number] {
  const f1 = x[0];
  let s = 0;
  for (let i = 1; i < x.length; i++) s += x[i];
  const g = 1 + (9 * s) / (x.length - 1);
  return [f1, g * (1 - (f1 / g) ** 2)];
}
