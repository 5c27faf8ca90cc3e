/**
 * Variation operators of NSGA-II on real variables within bounds, as in Deb's reference implementation (nsga2-v1.1,
 * Kanpur Genetic Algorithms Laboratory):
 * - simulated binary crossover, SBX (K. Deb, R. B. Agrawal, Complex Systems 9 (1995) 115–148), bounded form, each
 *   variable crossed with probability 1/2, distribution index η_c;
 * - polynomial mutation (K. Deb, M. Goyal, Comput. Sci. Inform. 26 (1996) 30–45), bounded form, distribution
 *   index η_m, each variable mutated with probability p_m.
 * Children land inside the bounds by construction; the final min/max only removes rounding beyond a bound.
 */
import type { Rng } from './rng.js';

const EPS = 1e-14;

/** The spread factor β_q of bounded SBX for a parent distance β to the nearer bound. */
function betaQ(beta: number, eta: number, u: number): number {
  const alpha = 2 - Math.pow(beta, -(eta + 1));
  return u <= 1 / alpha ? Math.pow(u * alpha, 1 / (eta + 1)) : Math.pow(1 / (2 - u * alpha), 1 / (eta + 1));
}

/** Two children of parents a and b (new arrays). */
export function sbx(
  a: readonly number[],
  b: readonly number[],
  lower: readonly number[],
  upper: readonly number[],
  eta: number,
  rng: Rng,
): [number[], number[]] {
  const c1 = a.slice();
  const c2 = b.slice();
  for (let i = 0; i < a.length; i++) {
    if (rng.nextFloat() > 0.5) continue;
    if (Math.abs(a[i] - b[i]) <= EPS) continue;
    const y1 = Math.min(a[i], b[i]);
    const y2 = Math.max(a[i], b[i]);
    const yl = lower[i];
    const yu = upper[i];
    const u = rng.nextFloat();
    let x1 = 0.5 * (y1 + y2 - betaQ(1 + (2 * (y1 - yl)) / (y2 - y1), eta, u) * (y2 - y1));
    let x2 = 0.5 * (y1 + y2 + betaQ(1 + (2 * (yu - y2)) / (y2 - y1), eta, u) * (y2 - y1));
    x1 = Math.min(yu, Math.max(yl, x1));
    x2 = Math.min(yu, Math.max(yl, x2));
    if (rng.nextFloat() <= 0.5) {
      c1[i] = x2;
      c2[i] = x1;
    } else {
      c1[i] = x1;
      c2[i] = x2;
    }
  }
  return [c1, c2];
}

/** Polynomial mutation of x in place; each variable with probability `probability`. */
export function polynomialMutation(
  x: number[],
  lower: readonly number[],
  upper: readonly number[],
  eta: number,
  probability: number,
  rng: Rng,
): void {
  const power = 1 / (eta + 1);
  for (let i = 0; i < x.length; i++) {
    if (rng.nextFloat() > probability) continue;
    const yl = lower[i];
    const yu = upper[i];
    const y = x[i];
    const d1 = (y - yl) / (yu - yl);
    const d2 = (yu - y) / (yu - yl);
    const u = rng.nextFloat();
    let dq: number;
    if (u <= 0.5) {
      const v = 2 * u + (1 - 2 * u) * Math.pow(1 - d1, eta + 1);
      dq = Math.pow(v, power) - 1;
    } else {
      const v = 2 * (1 - u) + 2 * (u - 0.5) * Math.pow(1 - d2, eta + 1);
      dq = 1 - Math.pow(v, power);
    }
    x[i] = Math.min(yu, Math.max(yl, y + dq * (yu - yl)));
  }
}
