/**
 * An incompressible liquid from CoolProp-style fits (density, cp, viscosity, conductivity and saturation pressure
 * as functions of T), with h and s integrated from cp exactly as CoolProp's INCOMP backend does (CoolProp 8.0.0,
 * IncompressibleBackend.cpp), so that values agree with CoolProp to round-off:
 *
 *   h(T, p) = ∫ cp dT + p v (1 − T (∂v/∂T)_p / v) − [same at the reference state]
 *   s(T, p) = ∫ cp/T dT − p (∂v/∂T)_p − [same at the reference state]
 *   u(T, p) = h − p v
 *
 * with v = 1/ρ(T), cp a polynomial in (T − Tbase) and the reference state of `reference-state.ts`. Note what this
 * model is: ρ and cp do not depend on p, and the p-terms are the exact consequence of a p-independent v(T).
 * Valid for Tmin ≤ T ≤ Tmax and psat(T) ≤ p (liquid); everything else throws a `FluidInputError`.
 */
import { FluidInputError } from '../errors.js';
import { compileFit, derivativeCoeffs, evalFit, horner, integralCoeffs, type CompiledFit } from './fit.js';
import type { StoreMedium } from './medium.js';
import { INCOMPRESSIBLE_REFERENCE_STATE } from './reference-state.js';
import type { IncompressibleLiquidData } from './types.js';

const MAX_ITERATIONS = 200;

export class IncompressibleLiquid implements StoreMedium {
  readonly id: string;
  readonly name: string;
  /** Lowest valid temperature. K */
  readonly Tmin: number;
  /** Highest valid temperature. K */
  readonly Tmax: number;
  /** The data the liquid was built from. */
  readonly data: IncompressibleLiquidData;

  private readonly Tbase: number;
  private readonly TminPsat: number;
  private readonly rhoC: Float64Array;
  private readonly drhoC: Float64Array;
  private readonly cpC: Float64Array;
  /** ∫₀^θ cp dθ' in θ = T − Tbase. */
  private readonly hC: Float64Array;
  /** cp at T = 0 K (extrapolated): the coefficient of ln T in ∫ cp/T dT. J/(kg K) */
  private readonly sLog: number;
  /** ∫₀^θ q dθ' with cp(T) = sLog + T q(θ). */
  private readonly sC: Float64Array;
  private readonly viscosityFit: CompiledFit;
  private readonly conductivityFit: CompiledFit;
  private readonly psatFit: CompiledFit | null;
  /** Raw h and s at the reference state, subtracted from every value. */
  private readonly hRef: number;
  private readonly sRef: number;

  constructor(data: IncompressibleLiquidData) {
    this.data = data;
    this.id = data.id;
    this.name = data.name;
    this.Tmin = data.Tmin;
    this.Tmax = data.Tmax;
    this.Tbase = data.Tbase;
    this.TminPsat = data.TminPsat;
    this.rhoC = Float64Array.from(data.density.coeffs);
    this.drhoC = derivativeCoeffs(data.density.coeffs);
    this.cpC = Float64Array.from(data.specificHeat.coeffs);
    this.hC = integralCoeffs(data.specificHeat.coeffs);
    // Synthetic division of cp(θ) by (θ + Tbase) = T: cp = cp(T=0) + T q(θ), so cp/T = cp(T=0)/T + q(θ).
    const c = data.specificHeat.coeffs;
    const n = c.length;
    const q = new Float64Array(Math.max(n - 1, 1));
    let b = 0;
    for (let k = n - 1; k >= 1; k--) {
      b = c[k] - this.Tbase * b;
      q[k - 1] = b;
    }
    this.sLog = c[0] - this.Tbase * b;
    this.sC = integralCoeffs(q);
    this.viscosityFit = compileFit(data.viscosity, data.Tbase);
    this.conductivityFit = compileFit(data.conductivity, data.Tbase);
    this.psatFit = data.saturationPressure ? compileFit(data.saturationPressure, data.Tbase) : null;
    const { T, p } = INCOMPRESSIBLE_REFERENCE_STATE;
    this.hRef = 0;
    this.sRef = 0;
    this.hRef = this.rawH(T, p);
    this.sRef = this.rawS(T, p);
  }

  /** Saturation pressure; 0 at and below TminPsat or where the data give none. Pa */
  psat(T: number): number {
    this.checkT(T, 'psat');
    return this.psatUnchecked(T);
  }

  /** Density. kg/m³ */
  rhoMass(T: number, p: number): number {
    this.check(T, p, 'rhoMass');
    return horner(this.rhoC, T - this.Tbase);
  }

  /** Isobaric specific heat capacity (independent of p in this model). J/(kg K) */
  cpMass(T: number, p: number): number {
    this.check(T, p, 'cpMass');
    return horner(this.cpC, T - this.Tbase);
  }

  /** Specific enthalpy, h = 0 at the reference state. J/kg */
  hMass(T: number, p: number): number {
    this.check(T, p, 'hMass');
    return this.rawH(T, p) - this.hRef;
  }

  /** Specific entropy, s = 0 at the reference state. J/(kg K) */
  sMass(T: number, p: number): number {
    this.check(T, p, 'sMass');
    return this.rawS(T, p) - this.sRef;
  }

  /** Specific internal energy, u = h − p/ρ. J/kg */
  uMass(T: number, p: number): number {
    this.check(T, p, 'uMass');
    return this.rawH(T, p) - this.hRef - p / horner(this.rhoC, T - this.Tbase);
  }

  /** Dynamic viscosity. Pa s */
  viscosity(T: number, p: number): number {
    this.check(T, p, 'viscosity');
    return evalFit(this.viscosityFit, T);
  }

  /** Thermal conductivity. W/(m K) */
  conductivity(T: number, p: number): number {
    this.check(T, p, 'conductivity');
    return evalFit(this.conductivityFit, T);
  }

  /** Temperature at which hMass(T, p) = hMass. K */
  T_hMass(hMass: number, p: number): number {
    return this.invert(0, hMass, p);
  }

  /** Temperature at which sMass(T, p) = sMass. K */
  T_sMass(sMass: number, p: number): number {
    return this.invert(1, sMass, p);
  }

  private rawH(T: number, p: number): number {
    const theta = T - this.Tbase;
    const rho = horner(this.rhoC, theta);
    const drho = horner(this.drhoC, theta);
    return horner(this.hC, theta) + (p / rho) * (1 + (T * drho) / rho);
  }

  private rawS(T: number, p: number): number {
    const theta = T - this.Tbase;
    const rho = horner(this.rhoC, theta);
    const drho = horner(this.drhoC, theta);
    return this.sLog * Math.log(T) + horner(this.sC, theta) + (p * drho) / (rho * rho);
  }

  private psatUnchecked(T: number): number {
    return this.psatFit === null || T <= this.TminPsat ? 0 : evalFit(this.psatFit, T);
  }

  private checkT(T: number, quantity: string): void {
    if (!(T >= this.Tmin && T <= this.Tmax)) {
      throw new FluidInputError(`${this.name} ${quantity}`, 'T', T, `${this.Tmin} K ≤ T ≤ ${this.Tmax} K`, 'K');
    }
  }

  private checkP(p: number, quantity: string): void {
    if (!(p >= 0 && p < Infinity)) throw new FluidInputError(`${this.name} ${quantity}`, 'p', p, 'a finite pressure ≥ 0 Pa', 'Pa');
  }

  private checkLiquid(T: number, p: number, quantity: string): void {
    if (this.psatFit === null || T <= this.TminPsat) return;
    const ps = evalFit(this.psatFit, T);
    if (p < ps) {
      throw new FluidInputError(
        `${this.name} ${quantity}`,
        'p',
        p,
        `p ≥ psat(${T} K) = ${ps.toPrecision(6)} Pa (the fits describe the liquid only)`,
        'Pa',
      );
    }
  }

  private check(T: number, p: number, quantity: string): void {
    this.checkT(T, quantity);
    this.checkP(p, quantity);
    this.checkLiquid(T, p, quantity);
  }

  /**
   * Solves h(T, p) = target (which = 0) or s(T, p) = target (which = 1) for T in [Tmin, Tmax]: Newton steps with
   * cp (or cp/T) as slope, kept inside a shrinking bracket by bisection. Both functions increase with T (cp > 0),
   * so a target inside [f(Tmin), f(Tmax)] has exactly one root and the bracketed iteration always converges.
   */
  private invert(which: 0 | 1, target: number, p: number): number {
    const quantity = which === 0 ? 'T_hMass' : 'T_sMass';
    const field = which === 0 ? 'hMass' : 'sMass';
    const unit = which === 0 ? 'J/kg' : 'J/(kg K)';
    this.checkP(p, quantity);
    let lo = this.Tmin;
    let hi = this.Tmax;
    const fLo = this.residual(which, lo, p, target);
    const fHi = this.residual(which, hi, p, target);
    // Targets computed from a property at Tmin or Tmax may miss the end by round-off: accept 1e-12 relative.
    const slack = 1e-12 * (Math.abs(fLo + target) + Math.abs(fHi + target));
    if (!(fLo <= slack && fHi >= -slack)) {
      const a = fLo + target;
      const b = fHi + target;
      throw new FluidInputError(`${this.name} ${quantity}`, field, target, `${a} ${unit} ≤ ${field} ≤ ${b} ${unit} at p = ${p} Pa (T from ${lo} K to ${hi} K)`, unit);
    }
    if (fLo >= 0) return this.liquidAt(lo, p, quantity);
    if (fHi <= 0) return this.liquidAt(hi, p, quantity);
    let T = lo + ((hi - lo) * -fLo) / (fHi - fLo);
    for (let i = 0; i < MAX_ITERATIONS; i++) {
      const f = this.residual(which, T, p, target);
      if (f === 0) return this.liquidAt(T, p, quantity);
      if (f < 0) lo = T;
      else hi = T;
      const cp = horner(this.cpC, T - this.Tbase);
      let next = T - f / (which === 0 ? cp : cp / T);
      if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);
      const step = Math.abs(next - T);
      T = next;
      if (step <= 1e-13 * T || hi - lo <= 1e-13 * T) return this.liquidAt(T, p, quantity);
    }
    // Unreachable for a monotonic function (bisection alone halves a < 1000 K bracket to round-off in < 60 steps).
    throw new Error(`${this.name} ${quantity}: no convergence in ${MAX_ITERATIONS} iterations, bracket [${lo}, ${hi}] K`);
  }

  private residual(which: 0 | 1, T: number, p: number, target: number): number {
    return which === 0 ? this.rawH(T, p) - this.hRef - target : this.rawS(T, p) - this.sRef - target;
  }

  private liquidAt(T: number, p: number, quantity: string): number {
    this.checkLiquid(T, p, quantity);
    return T;
  }
}
