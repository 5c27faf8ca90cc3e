/**
 * BLAST-Lite's skew-normal stress shape, on the standard normal distribution of src/numerics.
 */
import { normalCdf, normalPdf } from '../../../numerics/normal.js';

/** BLAST-Lite's skew-normal shape 2 φ(x′) Φ(skew x′), x′ = (x − 0.5)/width. */
export function skewNormalShape(x: number, skew: number, width: number): number {
  const xp = (x - 0.5) / width;
  return 2 * normalPdf(xp) * normalCdf(skew * xp);
}
