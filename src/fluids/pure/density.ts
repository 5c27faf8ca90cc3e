import type { HelmholtzEOS } from '../eos/helmholtz.js';
import { AlphaDerivatives } from '../eos/derivatives.js';
import { failed, solved, type SolveResult } from '../../numerics/result.js';

const r = new AlphaDerivatives();

/** Tolerances of the density solve. */
export const DENSITY_DEFAULTS = { relativeTolerance: 1e-14, maxIterations: 200 };

/**
 * ρ(T, p) on one branch: safeguarded Newton on f(ρ) = p(T, ρ) − p inside a bracket [lo, hi] that is known to
 * hold the wanted root with ∂p/∂ρ > 0 (e.g. [0, ρ''] for a vapour below p_sat, [ρ', ∞) for a compressed liquid).
 * An unbounded `hi` is found by stepping out from the guess. A Newton step that leaves the bracket or meets
 * ∂p/∂ρ ≤ 0 is replaced by bisection (or, while hi is unbounded, by doubling).
 * Returns the molar density. Unit: mol/m³
 */
export function solveDensity(
  eos: HelmholtzEOS,
  T: number,
  p: number,
  guess: number,
  lo: number,
  hi: number,
  options = DENSITY_DEFAULTS,
): SolveResult<number> {
  const tau = eos.Tr / T;
  const RT = eos.R * T;
  const rhor = eos.rhor;
  let rho = guess > lo && guess < hi ? guess : Number.isFinite(hi) ? 0.5 * (lo + hi) : Math.max(2 * lo, guess);
  let loF = Number.NaN;
  // the previous step relative to ρ, if it was a full Halley step (else NaN)
  let lastStep = Number.NaN;
  for (let it = 1; it <= options.maxIterations; it++) {
    const delta = rho / rhor;
    eos.residual.evaluateDelta(tau, delta, r);
    const f = rho * RT * (1 + delta * r.d) - p;
    const dfdrho = RT * (1 + 2 * delta * r.d + delta * delta * r.dd);
    const d2f = (RT / rho) * (2 * delta * r.d + 4 * delta * delta * r.dd + delta * delta * delta * r.ddd);
    if (f === 0) return solved(rho, it);
    if (f < 0) {
      lo = rho;
      loF = f;
    } else hi = rho;
    // Halley's step (cubic convergence): near the critical point p(ρ) is flat and curved, where Newton crawls
    const denom = 2 * dfdrho * dfdrho - f * d2f;
    const newton = denom > 0 ? (2 * f * dfdrho) / denom : f / dfdrho;
    // converged: test before the bracket guard, which would otherwise bisect away from a root found to round-off
    if (dfdrho > 0 && Math.abs(newton) <= options.relativeTolerance * rho) return solved(rho - newton, it);
    // Halley's error after a step is K·step³; with K estimated from two full steps in a row (step ≈ K·last³),
    // the error after this one is step⁴/last³. Far below round-off (with a margin of 100 for the estimate),
    // the step is the last: one evaluation fewer for nearly every solve.
    const step = Math.abs(newton) / rho;
    if (dfdrho > 0 && denom > 0 && step < 1e-4 && step < 0.01 * lastStep && step ** 4 <= 1e-18 * lastStep ** 3) {
      const last = rho - newton;
      if (last > lo && last < hi) return solved(last, it);
    }
    lastStep = denom > 0 ? step : Number.NaN;
    let next = rho - newton;
    if (!(dfdrho > 0) || !(next > lo && next < hi)) {
      if (Number.isFinite(hi)) next = 0.5 * (lo + hi);
      else next = 2 * rho;
      lastStep = Number.NaN;
    }
    // while the bracket is open above, never jump more than doubling
    if (!Number.isFinite(hi) && next > 2 * rho) {
      next = 2 * rho;
      lastStep = Number.NaN;
    }
    const taken = next - rho;
    rho = next;
    if (Math.abs(taken) <= options.relativeTolerance * rho || hi - lo <= options.relativeTolerance * rho) return solved(rho, it);
  }
  return failed(
    `density iteration did not converge in ${options.maxIterations} iterations at T = ${T} K, p = ${p} Pa (bracket ${lo} to ${hi} mol/m3, f(lo) = ${loF})`,
    options.maxIterations,
    rho,
  );
}

/** The second virial coefficient B(T) = lim δ→0 αʳ_δ / ρ_r. Unit: m³/mol */
export function secondVirial(eos: HelmholtzEOS, T: number): number {
  const delta = 1e-10;
  eos.residual.evaluateDelta(eos.Tr / T, delta, r);
  return r.d / eos.rhor;
}

/** A vapour-density starting value from the virial equation truncated after B (the ideal gas if that fails). */
export function virialGasGuess(eos: HelmholtzEOS, T: number, p: number): number {
  const B = secondVirial(eos, T);
  const ideal = p / (eos.R * T);
  const disc = 1 + 4 * B * ideal;
  if (B === 0 || disc <= 0) return ideal;
  return (2 * ideal) / (1 + Math.sqrt(disc));
}

/**
 * A starting density from the Peng–Robinson cubic with the fluid's critical point and acentric factor
 * (the root that the phase asks for: the largest for a liquid, the smallest for a gas). Unit: mol/m³
 */
export function pengRobinsonGuess(
  T: number,
  p: number,
  Tc: number,
  pc: number,
  omega: number,
  R: number,
  phase: 'liquid' | 'gas',
): number {
  const kappa = 0.37464 + 1.54226 * omega - 0.26992 * omega * omega;
  const sq = 1 + kappa * (1 - Math.sqrt(T / Tc));
  const a = ((0.45724 * R * R * Tc * Tc) / pc) * sq * sq;
  const b = (0.0778 * R * Tc) / pc;
  const A = (a * p) / (R * R * T * T);
  const B = (b * p) / (R * T);
  // Z³ + c2 Z² + c1 Z + c0 = 0
  const c2 = -(1 - B);
  const c1 = A - 3 * B * B - 2 * B;
  const c0 = -(A * B - B * B - B * B * B);
  const roots = cubicRealRoots(c2, c1, c0).filter((z) => z > B);
  if (roots.length === 0) return p / (R * T);
  const Z = phase === 'liquid' ? Math.min(...roots) : Math.max(...roots);
  return p / (Z * R * T);
}

/** Real roots of z³ + a z² + b z + c = 0. */
function cubicRealRoots(a: number, b: number, c: number): number[] {
  const q = (a * a - 3 * b) / 9;
  const rr = (2 * a * a * a - 9 * a * b + 27 * c) / 54;
  const q3 = q * q * q;
  if (rr * rr < q3) {
    const theta = Math.acos(rr / Math.sqrt(q3));
    const s = -2 * Math.sqrt(q);
    return [s * Math.cos(theta / 3) - a / 3, s * Math.cos((theta + 2 * Math.PI) / 3) - a / 3, s * Math.cos((theta - 2 * Math.PI) / 3) - a / 3];
  }
  const A = -Math.sign(rr) * Math.cbrt(Math.abs(rr) + Math.sqrt(rr * rr - q3));
  const B = A === 0 ? 0 : q / A;
  return [A + B - a / 3];
}
