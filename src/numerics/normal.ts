/**
 * The standard normal distribution: its density φ, CDF Φ and quantile Φ⁻¹ — the one copy the battery life models
 * (skew-normal stress shapes) and the study methods (distributions, confidence intervals) both use.
 *
 * Φ⁻¹: M. J. Wichura, "Algorithm AS 241: The percentage points of the normal distribution", Applied Statistics 37
 * (1988) 477–484, PPND16 (relative error about 1e-16), coefficients as published.
 * Φ: through erfc, by its power series erf(x) = 2/√π e^{−x²} Σ 2ⁿ x^{2n+1}/(1·3·…·(2n+1)) for x < 1.5 (all terms
 * positive, no cancellation) and the Laplace continued fraction for erfc in the tails (Abramowitz & Stegun 7.1.14),
 * evaluated by the modified Lentz method; relative error a few ulps in both tails, which the truncated normal needs.
 */

const SPLIT1 = 0.425;
const SPLIT2 = 5;
const CONST1 = 0.180625;
const CONST2 = 1.6;
/** AS 241 coefficients, lowest power first (a, b: central region; c, d: intermediate; e, f: far tail). */
const A = [3.387132872796366608, 133.14166789178437745, 1971.5909503065514427, 13731.693765509461125, 45921.953931549871457, 67265.770927008700853, 33430.575583588128105, 2509.0809287301226727];
const B = [1, 42.313330701600911252, 687.1870074920579083, 5394.1960214247511077, 21213.794301586595867, 39307.89580009271061, 28729.085735721942674, 5226.495278852854561];
const C = [1.42343711074968357734, 4.6303378461565452959, 5.7694972214606914055, 3.64784832476320460504, 1.27045825245236838258, 0.24178072517745061177, 0.0227238449892691845833, 7.7454501427834140764e-4];
const D = [1, 2.05319162663775882187, 1.6763848301838038494, 0.68976733498510000455, 0.14810397642748007459, 0.0151986665636164571966, 5.475938084995344946e-4, 1.05075007164441684324e-9];
const E = [6.6579046435011037772, 5.4637849111641143699, 1.7848265399172913358, 0.29656057182850489123, 0.026532189526576123093, 0.0012426609473880784386, 2.71155556874348757815e-5, 2.01033439929228813265e-7];
const F = [1, 0.59983220655588793769, 0.13692988092273580531, 0.0148753612908506148525, 7.868691311456132591e-4, 1.8463183175100546818e-5, 1.4215117583164458887e-7, 2.04426310338993978564e-15];

function horner(c: readonly number[], x: number): number {
  let v = c[c.length - 1];
  for (let i = c.length - 2; i >= 0; i--) v = v * x + c[i];
  return v;
}

/** Φ⁻¹(p) for p in (0, 1). */
export function normalQuantile(p: number, field = 'p'): number {
  // a RangeError naming the caller's field; callers in higher layers turn it into their own field error
  if (typeof p !== 'number' || !(p > 0 && p < 1)) throw new RangeError(`${field} = ${p} is not valid; valid: a finite number in (0, 1)`);
  const q = p - 0.5;
  if (Math.abs(q) <= SPLIT1) {
    const r = CONST1 - q * q;
    return (q * horner(A, r)) / horner(B, r);
  }
  let r = Math.sqrt(-Math.log(q < 0 ? p : 1 - p));
  let value: number;
  if (r <= SPLIT2) {
    r -= CONST2;
    value = horner(C, r) / horner(D, r);
  } else {
    r -= SPLIT2;
    value = horner(E, r) / horner(F, r);
  }
  return q < 0 ? -value : value;
}

const TWO_OVER_SQRT_PI = 1.1283791670955126;
const TINY = 1e-300;

/** erfc(x) for x ≥ 0. */
function erfcPositive(x: number): number {
  if (x < 1.5) {
    // erf(x) = 2/√π e^{−x²} Σ 2ⁿ x^{2n+1} / (2n+1)!!
    let term = x;
    let sum = x;
    const x2 = 2 * x * x;
    for (let n = 1; n < 200; n++) {
      term *= x2 / (2 * n + 1);
      sum += term;
      if (term < sum * 1e-17) break;
    }
    return 1 - TWO_OVER_SQRT_PI * Math.exp(-x * x) * sum;
  }
  // erfc(x) = e^{−x²}/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + 2/(x + …))))), modified Lentz
  let f = x;
  let cLentz = x;
  let dLentz = 0;
  for (let k = 1; k < 500; k++) {
    const a = k / 2;
    dLentz = x + a * dLentz;
    dLentz = dLentz === 0 ? 1 / TINY : 1 / dLentz;
    cLentz = x + a / cLentz;
    if (cLentz === 0) cLentz = TINY;
    const delta = cLentz * dLentz;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.exp(-x * x) / (Math.sqrt(Math.PI) * f);
}

/** Φ(x) = P(Z ≤ x) for a standard normal Z; accurate in relative terms in the lower tail. */
export function normalCdf(x: number): number {
  if (Number.isNaN(x)) throw new RangeError('normalCdf: x is NaN');
  if (x === Infinity) return 1;
  if (x === -Infinity) return 0;
  const z = x / Math.SQRT2;
  return z < 0 ? 0.5 * erfcPositive(-z) : 1 - 0.5 * erfcPositive(z);
}

/** 1 − Φ(x) = P(Z > x), accurate in relative terms in the upper tail. */
export function normalSurvival(x: number): number {
  return normalCdf(-x);
}

/** Standard normal density φ(x). */
export function normalPdf(x: number): number {
  return Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);
}
