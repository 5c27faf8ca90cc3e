import type { PolynomialAndExponentialResidualConductivity, PolynomialResidualConductivity } from './types.js';
import type { DensityTerm } from './evaluator.js';

/**
 * Δλ = Σ B_i τ^t_i δ^d_i, τ = T_r/T, δ = ρ/ρ_r on the mass density (Huber, Sykioti, Assael, Perkins 2016, Eq. 4,
 * doi:10.1063/1.4940892, with T_r/T as τ^−1 for its B2 T_r terms).
 */
export class PolynomialConductivity implements DensityTerm {
  private readonly Tr: number;
  private readonly rhoR: number;
  private readonly B: Float64Array;
  private readonly t: Float64Array;
  private readonly d: Float64Array;

  constructor(d: PolynomialResidualConductivity) {
    this.Tr = d.Tr;
    this.rhoR = d.rhoMassR;
    this.B = Float64Array.from(d.B);
    this.t = Float64Array.from(d.t);
    this.d = Float64Array.from(d.d);
  }

  /** Δλ(T, ρ). Unit: W/(m K) */
  at(T: number, _rhoMolar: number, rhoMass: number): number {
    const tau = this.Tr / T;
    const delta = rhoMass / this.rhoR;
    let s = 0;
    for (let i = 0; i < this.B.length; i++) s += this.B[i] * Math.pow(tau, this.t[i]) * Math.pow(delta, this.d[i]);
    return s;
  }
}

/**
 * Δλ = Σ A_i τ^t_i δ^d_i exp(−γ_i δ^l_i), τ = T_r/T, δ = ρ/ρ_r (molar, the EOS's reducing state)
 * (Lemmon & Jacobsen 2004, Eq. 6, doi:10.1023/B:IJOT.0000022327.04529.f3).
 */
export class PolynomialAndExponentialConductivity implements DensityTerm {
  private readonly Tr: number;
  private readonly rhoR: number;
  private readonly A: Float64Array;
  private readonly t: Float64Array;
  private readonly d: Float64Array;
  private readonly gamma: Float64Array;
  private readonly l: Float64Array;

  constructor(d: PolynomialAndExponentialResidualConductivity) {
    this.Tr = d.Tr;
    this.rhoR = d.rhoMolarR;
    this.A = Float64Array.from(d.A);
    this.t = Float64Array.from(d.t);
    this.d = Float64Array.from(d.d);
    this.gamma = Float64Array.from(d.gamma);
    this.l = Float64Array.from(d.l);
  }

  /** Δλ(T, ρ). Unit: W/(m K) */
  at(T: number, rhoMolar: number): number {
    const tau = this.Tr / T;
    const delta = rhoMolar / this.rhoR;
    let s = 0;
    for (let i = 0; i < this.A.length; i++) {
      s += this.A[i] * Math.pow(tau, this.t[i]) * Math.pow(delta, this.d[i]) * Math.exp(-this.gamma[i] * Math.pow(delta, this.l[i]));
    }
    return s;
  }
}
