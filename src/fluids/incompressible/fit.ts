/**
 * One evaluator for CoolProp's incompressible-liquid fit types (see `types.ts`), compiled once into a
 * Float64Array so that evaluation allocates nothing. Conventions checked against CoolProp 8.0.0
 * (src/Backends/Incompressible/IncompressibleFluid.cpp): polynomial forms in (T − Tbase), exponential and
 * log-exponential forms in T itself (K).
 */
import type { FitFunction } from './types.js';

const POLYNOMIAL = 0;
const EXP_POLYNOMIAL = 1;
const EXPONENTIAL = 2;
const LOG_EXPONENTIAL = 3;

export interface CompiledFit {
  readonly kind: number;
  readonly c: Float64Array;
  /** Shift of the polynomial forms. K */
  readonly Tbase: number;
}

export function compileFit(fit: FitFunction, Tbase: number): CompiledFit {
  const kind = { polynomial: POLYNOMIAL, exppolynomial: EXP_POLYNOMIAL, exponential: EXPONENTIAL, logexponential: LOG_EXPONENTIAL }[fit.type];
  return { kind, c: Float64Array.from(fit.coeffs), Tbase };
}

/** Σ c_i x^i by Horner's rule. */
export function horner(c: Float64Array, x: number): number {
  let y = 0;
  for (let i = c.length - 1; i >= 0; i--) y = y * x + c[i];
  return y;
}

export function evalFit(f: CompiledFit, T: number): number {
  const c = f.c;
  switch (f.kind) {
    case POLYNOMIAL:
      return horner(c, T - f.Tbase);
    case EXP_POLYNOMIAL:
      return Math.exp(horner(c, T - f.Tbase));
    case EXPONENTIAL:
      return Math.exp(c[0] / (T + c[1]) - c[2]);
    default: {
      const r = 1 / (T + c[0]);
      return Math.exp(Math.log(r + r * r) * c[1] + c[2]);
    }
  }
}

/** Coefficients of d/dx Σ c_i x^i. */
export function derivativeCoeffs(c: ArrayLike<number>): Float64Array {
  const d = new Float64Array(Math.max(c.length - 1, 1));
  for (let i = 1; i < c.length; i++) d[i - 1] = i * c[i];
  return d;
}

/** Coefficients of ∫₀ˣ Σ c_i t^i dt (the constant term is zero). */
export function integralCoeffs(c: ArrayLike<number>): Float64Array {
  const q = new Float64Array(c.length + 1);
  for (let i = 0; i < c.length; i++) q[i + 1] = c[i] / (i + 1);
  return q;
}
