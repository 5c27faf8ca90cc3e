import type { Eta0AndPolyDilute, Huber2016Dilute } from './types.js';
import type { ViscosityFormulation } from './evaluator.js';

/** A dilute-gas conductivity λ⁰(T). */
export interface DiluteConductivityTerm {
  /** Unit: W/(m K) */
  at(T: number): number;
}

/**
 * λ⁰ = A0 η⁰/(1 µPa s) + Σ_{i≥1} A_i τ^t_i, τ = T_r/T (Lemmon & Jacobsen 2004, Eq. 5,
 * doi:10.1023/B:IJOT.0000022327.04529.f3).
 */
export class Eta0AndPolyConductivity implements DiluteConductivityTerm {
  private readonly Tr: number;
  private readonly A: Float64Array;
  private readonly t: Float64Array;
  private readonly viscosity: ViscosityFormulation;

  /** `viscosity`: the fluid's viscosity formulation, whose dilute-gas part η⁰ this form uses. */
  constructor(d: Eta0AndPolyDilute, viscosity: ViscosityFormulation) {
    this.Tr = d.Tr;
    this.A = Float64Array.from(d.A);
    this.t = Float64Array.from(d.t);
    this.viscosity = viscosity;
  }

  /** λ⁰(T). Unit: W/(m K) */
  at(T: number): number {
    const tau = this.Tr / T;
    let s = this.A[0] * this.viscosity.dilute(T) * 1e6;
    for (let i = 1; i < this.A.length; i++) s += this.A[i] * Math.pow(tau, this.t[i]);
    return s;
  }
}

/**
 * λ⁰ = √T_r / Σ L_k / T_r^k, T_r = T/T_c (Huber, Sykioti, Assael, Perkins 2016, Eq. 3, doi:10.1063/1.4940892);
 * valid from the triple point to 1100 K.
 */
export class Huber2016Conductivity implements DiluteConductivityTerm {
  private readonly Tc: number;
  private readonly L: Float64Array;
  private readonly unit: number;

  constructor(d: Huber2016Dilute) {
    this.Tc = d.Tc;
    this.L = Float64Array.from(d.L);
    this.unit = d.unit;
  }

  /** λ⁰(T). Unit: W/(m K) */
  at(T: number): number {
    const Tr = T / this.Tc;
    const x = 1 / Tr;
    let s = 0;
    for (let k = this.L.length - 1; k >= 0; k--) s = s * x + this.L[k];
    return (this.unit * Math.sqrt(Tr)) / s;
  }
}
