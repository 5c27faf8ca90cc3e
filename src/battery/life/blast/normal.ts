/**
 * The standard normal distribution, for models that shape a stress with a skew-normal curve. Φ from erfc:
 * the positive-term series of erf below |x| = 2.5 and the continued fraction of erfc above (both to a few ulp).
 */

const SQRT_PI = Math.sqrt(Math.PI);

/** erfc(x) for x ≥ 0. */
function erfcNonNegative(x: number): number {
  if (x < 2.5) {
    // erf x = 2/√π e^(−x²) Σ 2^n x^(2n+1) / (1·3·…·(2n+1))
    let term = x;
    let sum = x;
    for (let n = 1; n < 200 && term > 1e-17 * sum; n++) {
      term *= (2 * x * x) / (2 * n + 1);
      sum += term;
    }
    return 1 - (2 / SQRT_PI) * Math.exp(-x * x) * sum;
  }
  // erfc x = e^(−x²)/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + …)))), by the modified Lentz method
  const tiny = 1e-300;
  let f = x;
  let C = x;
  let D = 0;
  for (let n = 1; n < 500; n++) {
    const a = n / 2;
    D = x + a * D;
    D = D === 0 ? tiny : 1 / D;
    C = x + a / C;
    if (C === 0) C = tiny;
    const delta = C * D;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.exp(-x * x) / (SQRT_PI * f);
}

/** Standard normal cumulative distribution Φ(x). */
export function normalCdf(x: number): number {
  const z = x / Math.SQRT2;
  return z >= 0 ? 1 - 0.5 * erfcNonNegative(z) : 0.5 * erfcNonNegative(-z);
}

/** Standard normal density φ(x). */
export function normalPdf(x: number): number {
  return Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);
}

/** BLAST-Lite's skew-normal shape 2 φ(x′) Φ(skew x′), x′ = (x − 0.5)/width. */
export function skewNormalShape(x: number, skew: number, width: number): number {
  const xp = (x - 0.5) / width;
  return 2 * normalPdf(xp) * normalCdf(skew * xp);
}
