/**
 * The NASA 7-coefficient polynomials evaluated on a coefficient block (see `species.ts`: Tmid, low a1..a7, high
 * a1..a7), dimensionless: cp/R, h/(R T), s°/R. The same functions serve a pure species and a mixture, whose block is
 * the mole-fraction-weighted sum of its species' blocks.
 */

/** Offset of the a1..a7 of the range holding T within the block at `o`. */
function range(c: Float64Array, o: number, T: number): number {
  return T <= c[o] ? o + 1 : o + 8;
}

/** cp/R = a1 + a2 T + a3 T² + a4 T³ + a5 T⁴ */
export function cpR(c: Float64Array, o: number, T: number): number {
  const a = range(c, o, T);
  return c[a] + T * (c[a + 1] + T * (c[a + 2] + T * (c[a + 3] + T * c[a + 4])));
}

/** h/R = a1 T + a2 T²/2 + a3 T³/3 + a4 T⁴/4 + a5 T⁵/5 + a6, in K. */
export function hR(c: Float64Array, o: number, T: number): number {
  const a = range(c, o, T);
  return T * (c[a] + T * (c[a + 1] * 0.5 + T * (c[a + 2] / 3 + T * (c[a + 3] * 0.25 + T * c[a + 4] * 0.2)))) + c[a + 5];
}

/** s°/R = a1 ln T + a2 T + a3 T²/2 + a4 T³/3 + a5 T⁴/4 + a7 */
export function sR(c: Float64Array, o: number, T: number): number {
  const a = range(c, o, T);
  return c[a] * Math.log(T) + T * (c[a + 1] + T * (c[a + 2] * 0.5 + T * (c[a + 3] / 3 + T * c[a + 4] * 0.25))) + c[a + 6];
}
