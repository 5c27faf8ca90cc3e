import type { BatschinskiHildebrand } from './types.js';
import type { DensityTerm } from './evaluator.js';

/**
 * The modified Batschinski–Hildebrand residual viscosity (Lemmon & Jacobsen 2004, Eq. 4,
 * doi:10.1023/B:IJOT.0000022327.04529.f3, in CoolProp's general form):
 * Δη = Σ a_i δ^d1_i τ^t1_i exp(γ_i δ^l_i) + F (1/(δ0 − δ) − 1/δ0), F = Σ f_i δ^d2_i τ^t2_i,
 * δ0 = Σ g_i τ^h_i / Σ p_i τ^q_i, τ = T_r/T, δ = ρ/ρ_r (molar). The F part is skipped when it has no terms.
 */
export class BatschinskiHildebrandViscosity implements DensityTerm {
  private readonly Tr: number;
  private readonly rhoR: number;
  private readonly a: Float64Array;
  private readonly d1: Float64Array;
  private readonly t1: Float64Array;
  private readonly gamma: Float64Array;
  private readonly l: Float64Array;
  private readonly f: Float64Array;
  private readonly d2: Float64Array;
  private readonly t2: Float64Array;
  private readonly g: Float64Array;
  private readonly h: Float64Array;
  private readonly p: Float64Array;
  private readonly q: Float64Array;

  constructor(d: BatschinskiHildebrand) {
    this.Tr = d.Tr;
    this.rhoR = d.rhoMolarR;
    this.a = Float64Array.from(d.a);
    this.d1 = Float64Array.from(d.d1);
    this.t1 = Float64Array.from(d.t1);
    this.gamma = Float64Array.from(d.gamma);
    this.l = Float64Array.from(d.l);
    this.f = Float64Array.from(d.f);
    this.d2 = Float64Array.from(d.d2);
    this.t2 = Float64Array.from(d.t2);
    this.g = Float64Array.from(d.g);
    this.h = Float64Array.from(d.h);
    this.p = Float64Array.from(d.p);
    this.q = Float64Array.from(d.q);
  }

  /** Δη(T, ρ). Unit: Pa s */
  at(T: number, rhoMolar: number): number {
    const tau = this.Tr / T;
    const delta = rhoMolar / this.rhoR;
    let s = 0;
    for (let i = 0; i < this.a.length; i++) {
      s += this.a[i] * Math.pow(delta, this.d1[i]) * Math.pow(tau, this.t1[i]) * Math.exp(this.gamma[i] * Math.pow(delta, this.l[i]));
    }
    if (this.f.length === 0) return s;
    let F = 0;
    for (let i = 0; i < this.f.length; i++) F += this.f[i] * Math.pow(delta, this.d2[i]) * Math.pow(tau, this.t2[i]);
    let num = 0;
    for (let i = 0; i < this.g.length; i++) num += this.g[i] * Math.pow(tau, this.h[i]);
    let den = 0;
    for (let i = 0; i < this.p.length; i++) den += this.p[i] * Math.pow(tau, this.q[i]);
    const delta0 = num / den;
    return s + F * (1 / (delta0 - delta) - 1 / delta0);
  }
}
