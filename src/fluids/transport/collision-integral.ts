import type { CollisionIntegralDilute } from './types.js';
import type { DiluteViscosityTerm } from './evaluator.js';

/**
 * Dilute-gas viscosity from an effective collision cross-section (Lemmon & Jacobsen 2004, Eqs. 2–3,
 * doi:10.1023/B:IJOT.0000022327.04529.f3): η⁰ = C √(M T) / (σ² 𝔖*(T*)), 𝔖* = exp(Σ a_i (ln T*)^t_i),
 * T* = T/(ε/k), M in g/mol, σ in nm. Valid wherever the gas is; the fluid's model bounds T.
 */
export class CollisionIntegralViscosity implements DiluteViscosityTerm {
  private readonly a: Float64Array;
  private readonly t: Float64Array;
  /** C √M / σ². Unit: Pa s / K^0.5 */
  private readonly scale: number;
  private readonly epsilonOverK: number;

  constructor(d: CollisionIntegralDilute) {
    this.a = Float64Array.from(d.a);
    this.t = Float64Array.from(d.t);
    const sigmaNm = d.sigma * 1e9;
    this.scale = (d.C * Math.sqrt(d.molarMass * 1000)) / (sigmaNm * sigmaNm);
    this.epsilonOverK = d.epsilonOverK;
  }

  /** η⁰(T). Unit: Pa s */
  at(T: number): number {
    const lnTstar = Math.log(T / this.epsilonOverK);
    let s = 0;
    for (let i = 0; i < this.a.length; i++) s += this.a[i] * Math.pow(lnTstar, this.t[i]);
    return (this.scale * Math.sqrt(T)) / Math.exp(s);
  }
}
