import { chebEval } from '../../numerics/chebyshev.js';

/** A piecewise Chebyshev expansion: interval k is [breaks[k], breaks[k+1]] with coefficients coef[k·(deg+1) …]. */
export interface PiecewiseChebyshev {
  readonly degree: number;
  readonly breaks: readonly number[];
  readonly coef: readonly number[];
}

/**
 * Our own saturation "superancillaries" (after Bell & Deiters' idea, fitted to this project's Maxwell solution by
 * scripts/gen-superancillaries.ts and checked against it in tests). Variables chosen so that the curves are smooth
 * up to the critical point: x = √(T_c − T) for ρ'(x), ρ''(x), ln p(x), and z = √(ln(p_c/p)) for x(z), the
 * inverse giving T(p).
 */
export interface SuperancillaryData {
  /** Critical point of the EOS (computed from the EOS, not the published one). */
  readonly Tc: number;
  readonly pc: number;
  readonly rhocMolar: number;
  /** Lower end (triple point). Unit: K */
  readonly Tmin: number;
  readonly pmin: number;
  readonly rhoL: PiecewiseChebyshev;
  readonly rhoV: PiecewiseChebyshev;
  readonly lnp: PiecewiseChebyshev;
  readonly xOfZ: PiecewiseChebyshev;
  /** Saturated-liquid and -vapour molar enthalpy (J/mol) and entropy (J/(mol K)) in the EOS's default reference
   *  state, as functions of x. */
  readonly hL: PiecewiseChebyshev;
  readonly hV: PiecewiseChebyshev;
  readonly sL: PiecewiseChebyshev;
  readonly sV: PiecewiseChebyshev;
  /** Largest deviation from the full solve found by the generator's checks, per curve (relative; h over R·Tc,
   *  s over R). */
  readonly maxRelativeError: Readonly<Record<'rhoL' | 'rhoV' | 'p' | 'T' | 'hL' | 'hV' | 'sL' | 'sV', number>>;
}

/** Evaluates a piecewise expansion at x (x within the outer breaks). */
export function evaluatePiecewise(f: PiecewiseChebyshev, x: number): number {
  const b = f.breaks;
  let lo = 0;
  let hi = b.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (x >= b[mid]) lo = mid;
    else hi = mid - 1;
  }
  const n = f.degree + 1;
  return chebEval(f.coef, lo * n, n, b[lo], b[lo + 1], x);
}

/** Saturation from the expansions: given T (Tmin ≤ T ≤ Tc), writes p, ρ', ρ''. */
export class Superancillary {
  constructor(readonly data: SuperancillaryData) {}

  /** Unit: Pa */
  pressure(T: number): number {
    const x = Math.sqrt(Math.max(0, this.data.Tc - T));
    return Math.exp(evaluatePiecewise(this.data.lnp, x));
  }

  /** Unit: mol/m³ */
  rhoLiquid(T: number): number {
    return evaluatePiecewise(this.data.rhoL, Math.sqrt(Math.max(0, this.data.Tc - T)));
  }

  /** Unit: mol/m³ */
  rhoVapor(T: number): number {
    return evaluatePiecewise(this.data.rhoV, Math.sqrt(Math.max(0, this.data.Tc - T)));
  }

  /** Saturated h', h'', s', s'' at T (molar; default reference state). */
  caloric(T: number, out: { hL: number; hV: number; sL: number; sV: number }): void {
    const x = Math.sqrt(Math.max(0, this.data.Tc - T));
    out.hL = evaluatePiecewise(this.data.hL, x);
    out.hV = evaluatePiecewise(this.data.hV, x);
    out.sL = evaluatePiecewise(this.data.sL, x);
    out.sV = evaluatePiecewise(this.data.sV, x);
  }

  /** Saturation temperature at p (pmin ≤ p ≤ pc). Unit: K */
  temperature(p: number): number {
    const z = Math.sqrt(Math.max(0, Math.log(this.data.pc / p)));
    const x = evaluatePiecewise(this.data.xOfZ, z);
    return this.data.Tc - x * x;
  }
}
