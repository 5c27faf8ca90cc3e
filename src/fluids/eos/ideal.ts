import type { IdealTerm } from './types.js';
import { AlphaDerivatives } from './derivatives.js';
import { PowerTable } from './powers.js';

/**
 * The ideal-gas Helmholtz energy α⁰(τ, δ) = ln δ + a1 + a2 τ + a ln τ + Σ n τ^t + Σ n ln(c + d e^(θτ)),
 * with its derivatives to third order. It depends on δ only through ln δ.
 *
 * The reference state enters through a1 and a2: shifting h by Δh and s by Δs (molar) changes
 * a2 by Δh/(R T_r) and a1 by −Δs/R.
 */
export class IdealHelmholtz {
  /** Constant and linear coefficients of every lead and offset term together. */
  readonly a1: number;
  readonly a2: number;
  private readonly logTau: number;
  private readonly powN: Float64Array;
  private readonly powT: Float64Array;
  private readonly powers: PowerTable;
  private readonly peN: Float64Array;
  private readonly peTheta: Float64Array;
  private readonly peC: Float64Array;
  private readonly peD: Float64Array;

  constructor(terms: readonly IdealTerm[], shift: { a1: number; a2: number } = { a1: 0, a2: 0 }) {
    let a1 = shift.a1;
    let a2 = shift.a2;
    let logTau = 0;
    const powN: number[] = [];
    const powT: number[] = [];
    const pe: { n: number; theta: number; c: number; d: number }[] = [];
    for (const term of terms) {
      switch (term.type) {
        case 'lead':
        case 'offset':
          a1 += term.a1;
          a2 += term.a2;
          break;
        case 'logTau':
          logTau += term.a;
          break;
        case 'power':
          term.n.forEach((n, i) => {
            powN.push(n);
            powT.push(term.t[i]);
          });
          break;
        case 'planckEinstein':
          term.n.forEach((n, i) => pe.push({ n, theta: term.theta[i], c: term.c[i], d: term.d[i] }));
          break;
      }
    }
    this.a1 = a1;
    this.a2 = a2;
    this.logTau = logTau;
    this.powN = Float64Array.from(powN);
    this.powT = Float64Array.from(powT);
    this.powers = new PowerTable(powT);
    this.peN = Float64Array.from(pe, (x) => x.n);
    this.peTheta = Float64Array.from(pe, (x) => x.theta);
    this.peC = Float64Array.from(pe, (x) => x.c);
    this.peD = Float64Array.from(pe, (x) => x.d);
    this.peS = new Float64Array(pe.length);
  }

  // The τ-dependent sums of the last evaluation, for `value` at the same τ: the power terms' Σ n τ^t and each
  // Planck–Einstein term's S (c + d e^(θτ), or d + c e^(−θτ) where θτ > 0)
  private lastTau = Number.NaN;
  private lastPowerSum = 0;
  private readonly peS: Float64Array;

  /**
   * α⁰ and its derivatives at (τ, δ); the δ-derivatives are those of ln δ. Without `withValue`, α⁰ itself is left
   * NaN (its logarithms skipped: a Newton step needs only the derivatives); `value` gives it afterwards.
   */
  evaluate(tau: number, delta: number, out: AlphaDerivatives, third = false, withValue = true): AlphaDerivatives {
    const it = 1 / tau;
    let t = this.a2 + this.logTau * it;
    let tt = -this.logTau * it * it;
    let ttt = 2 * this.logTau * it * it * it;

    if (this.powN.length > 0) {
      this.powers.update(tau);
      const table = this.powers.table;
      const slot = this.powers.slot;
      let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
      for (let i = 0; i < this.powN.length; i++) {
        const e = this.powT[i];
        const term = this.powN[i] * table[slot[i]];
        s0 += term;
        s1 += term * e;
        s2 += term * e * (e - 1);
        s3 += term * e * (e - 1) * (e - 2);
      }
      this.lastPowerSum = s0;
      t += s1 * it;
      tt += s2 * it * it;
      ttt += s3 * it * it * it;
    }

    // n ln(c + d e^(θτ)): with r_E = d e^(θτ)/S and r_c = c/S (S = c + d e^(θτ)),
    // f' = θ r_E, f'' = θ² r_E r_c, f''' = θ³ r_E r_c (r_c − r_E); evaluated without overflow for θτ ≫ 0
    for (let i = 0; i < this.peN.length; i++) {
      const n = this.peN[i];
      const theta = this.peTheta[i];
      const c = this.peC[i];
      const d = this.peD[i];
      const x = theta * tau;
      let S: number;
      let rE: number;
      let rC: number;
      if (x > 0) {
        const e = Math.exp(-x);
        S = d + c * e;
        rE = d / S;
        rC = (c * e) / S;
      } else {
        const e = Math.exp(x);
        S = c + d * e;
        rE = (d * e) / S;
        rC = c / S;
      }
      this.peS[i] = S;
      t += n * theta * rE;
      tt += n * theta * theta * rE * rC;
      ttt += n * theta * theta * theta * rE * rC * (rC - rE);
    }

    this.lastTau = tau;
    const id = 1 / delta;
    out.a = withValue ? this.valueFromSums(tau, delta) : Number.NaN;
    out.d = id;
    out.dd = -id * id;
    out.t = t;
    out.tt = tt;
    out.dt = 0;
    if (third) {
      out.ddd = 2 * id * id * id;
      out.ddt = 0;
      out.dtt = 0;
      out.ttt = ttt;
    }
    return out;
  }

  /** α⁰ at (τ, δ): the same number `evaluate` gives; right after an evaluation at the same τ only its logarithms. */
  value(tau: number, delta: number, scratch: AlphaDerivatives): number {
    if (tau !== this.lastTau) return this.evaluate(tau, delta, scratch).a;
    return this.valueFromSums(tau, delta);
  }

  /** α⁰ from the τ-dependent sums of the last evaluation, which was at this τ. */
  private valueFromSums(tau: number, delta: number): number {
    let a = Math.log(delta) + this.a1 + this.a2 * tau + this.logTau * Math.log(tau);
    if (this.powN.length > 0) a += this.lastPowerSum;
    for (let i = 0; i < this.peN.length; i++) {
      const x = this.peTheta[i] * tau;
      a += this.peN[i] * (x > 0 ? x + Math.log(this.peS[i]) : Math.log(this.peS[i]));
    }
    return a;
  }
}
