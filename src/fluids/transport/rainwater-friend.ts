import type { RainwaterFriend } from './types.js';

/**
 * The Rainwater–Friend second viscosity virial coefficient B_η(T) = N_A σ³ Σ b_i (T*)^t_i, T* = T/(ε/k)
 * (Vogel, Küchenmeister, Bich, Laesecke, J. Phys. Chem. Ref. Data 27 (1998) 947, doi:10.1063/1.556025), so that the
 * initial-density term of the viscosity is η⁰ B_η ρ (molar ρ).
 */
export class RainwaterFriendCoefficient {
  private readonly b: Float64Array;
  private readonly t: Float64Array;
  /** N_A σ³. Unit: m³/mol */
  private readonly volume: number;
  private readonly epsilonOverK: number;

  constructor(d: RainwaterFriend) {
    this.b = Float64Array.from(d.b);
    this.t = Float64Array.from(d.t);
    this.volume = d.avogadro * d.sigma * d.sigma * d.sigma;
    this.epsilonOverK = d.epsilonOverK;
  }

  /** B_η(T). Unit: m³/mol */
  at(T: number): number {
    const Tstar = T / this.epsilonOverK;
    let s = 0;
    for (let i = 0; i < this.b.length; i++) s += this.b[i] * Math.pow(Tstar, this.t[i]);
    return this.volume * s;
  }
}
