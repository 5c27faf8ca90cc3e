import type { Laesecke2017Dilute, Laesecke2017Residual } from './types.js';
import type { DensityTerm, DiluteViscosityTerm } from './evaluator.js';

/**
 * The two CO2-specific parts of A. Laesecke, C. D. Muzny, Reference correlation for the viscosity of carbon dioxide,
 * J. Phys. Chem. Ref. Data 46 (2017) 013107, doi:10.1063/1.4977429 (the initial-density part is the generic
 * Rainwater–Friend term). Valid 100–2000 K for the gas; 220–700 K up to 8000 MPa for liquid and supercritical states.
 */

/** η⁰ = A √T / (a0 + a1 T^(1/6) + a2 exp(a3 T^(1/3)) + (a4 + a5 T^(1/3)) / exp(T^(1/3)) + a6 √T), Eq. (4). */
export class Laesecke2017DiluteViscosity implements DiluteViscosityTerm {
  private readonly a: Float64Array;
  /** Unit: Pa s / K^0.5 */
  private readonly A: number;

  constructor(d: Laesecke2017Dilute) {
    this.a = Float64Array.from(d.a);
    this.A = d.A * d.unit;
  }

  /** η⁰(T). Unit: Pa s */
  at(T: number): number {
    const a = this.a;
    const sqrtT = Math.sqrt(T);
    const cbrtT = Math.cbrt(T);
    const den = a[0] + a[1] * Math.pow(T, 1 / 6) + a[2] * Math.exp(a[3] * cbrtT) + (a[4] + a[5] * cbrtT) / Math.exp(cbrtT) + a[6] * sqrtT;
    return (this.A * sqrtT) / den;
  }
}

/**
 * Δη = η_tL [c1 T_r ρ_r³ + (ρ_r² + ρ_r^γ) / (T_r − c2)], T_r = T/T_t, ρ_r = ρ/ρ_tL (mass), Eqs. (8)–(9),
 * η_tL = ρ_tL^(2/3) √(R T_t) / (M^(1/6) N_A^(1/3)).
 */
export class Laesecke2017ResidualViscosity implements DensityTerm {
  private readonly c1: number;
  private readonly c2: number;
  private readonly gamma: number;
  private readonly Tt: number;
  private readonly rhoTL: number;
  /** Unit: Pa s */
  private readonly etaTL: number;

  constructor(d: Laesecke2017Residual) {
    this.c1 = d.c1;
    this.c2 = d.c2;
    this.gamma = d.gamma;
    this.Tt = d.Tt;
    this.rhoTL = d.rhoMassTL;
    this.etaTL = (Math.pow(d.rhoMassTL, 2 / 3) * Math.sqrt(d.R * d.Tt)) / (Math.pow(d.molarMass, 1 / 6) * d.avogadroCubeRoot);
  }

  /** Δη(T, ρ). Unit: Pa s */
  at(T: number, _rhoMolar: number, rhoMass: number): number {
    const Tr = T / this.Tt;
    const rr = rhoMass / this.rhoTL;
    const rr2 = rr * rr;
    return this.etaTL * (this.c1 * Tr * rr2 * rr + (rr2 + Math.pow(rr, this.gamma)) / (Tr - this.c2));
  }
}
