import type { HelmholtzEOS } from '../eos/helmholtz.js';
import type { Iapws2008Viscosity } from './types.js';
import type { ViscosityFormulation } from './evaluator.js';
import { IapwsCorrelationLength } from './iapws-susceptibility.js';

/**
 * The IAPWS 2008 viscosity of ordinary water (IAPWS R12-08; M. L. Huber et al., J. Phys. Chem. Ref. Data 38 (2009)
 * 101, doi:10.1063/1.3088050), critical enhancement included:
 *   μ = μ* μ̄0(T̄) μ̄1(T̄, ρ̄) μ̄2(T̄, ρ̄),  μ̄0 = 100 √T̄ / Σ H_i/T̄^i,
 *   μ̄1 = exp(ρ̄ Σ H_ij (1/T̄ − 1)^i (ρ̄ − 1)^j),  μ̄2 = exp(x_μ Y(ξ)).
 * Valid from the melting line to 1173.15 K up to 300 MPa, and to 1000 MPa at lower temperatures.
 */
export class Iapws2008WaterViscosity implements ViscosityFormulation {
  private readonly d: Iapws2008Viscosity;
  private readonly H0: Float64Array;
  /** H_ij, row-major, 7 columns. */
  private readonly H1: Float64Array;
  private readonly rows: number;
  private readonly cols: number;
  private readonly xi: IapwsCorrelationLength;

  constructor(d: Iapws2008Viscosity) {
    this.d = d;
    this.H0 = Float64Array.from(d.H0);
    this.rows = d.H1.length;
    this.cols = d.H1[0].length;
    this.H1 = Float64Array.from(d.H1.flat());
    this.xi = new IapwsCorrelationLength(d.reducing);
  }

  /** μ̄0 μ* at T: the dilute-gas limit. Unit: Pa s */
  dilute(T: number): number {
    const Tbar = T / this.d.reducing.Tstar;
    let s = 0;
    for (let i = this.H0.length - 1; i >= 0; i--) s = s / Tbar + this.H0[i];
    return (this.d.muStar * 100 * Math.sqrt(Tbar)) / s;
  }

  /** μ(T, ρ). Unit: Pa s */
  at(eos: HelmholtzEOS, T: number, rhoMolar: number): number {
    const d = this.d;
    const Tbar = T / d.reducing.Tstar;
    const rhoBar = (rhoMolar * eos.M) / d.reducing.rhoStar;
    const x = 1 / Tbar - 1;
    const y = rhoBar - 1;
    // Σ_i x^i Σ_j H_ij y^j, both sums by Horner
    let sum = 0;
    for (let i = this.rows - 1; i >= 0; i--) {
      let row = 0;
      for (let j = this.cols - 1; j >= 0; j--) row = row * y + this.H1[i * this.cols + j];
      sum = sum * x + row;
    }
    const mu1 = Math.exp(rhoBar * sum);
    const xi = this.xi.at(eos, T, rhoMolar, eos.R / eos.M);
    const mu2 = Math.exp(d.xMu * this.Y(xi));
    return this.dilute(T) * mu1 * mu2;
  }

  /** Y(ξ) of IAPWS R12-08, Eqs. (15)–(20): its series below ξ = 0.3817016416 nm, the closed form above. */
  private Y(xi: number): number {
    const { qC, qD, xiSeries } = this.d;
    const c = qC * xi;
    const dd = qD * xi;
    if (xi < xiSeries) {
      const d2 = dd * dd;
      return 0.2 * c * d2 * d2 * dd * (1 - c + c * c - (765 / 504) * d2);
    }
    const psiD = Math.acos(1 / Math.sqrt(1 + dd * dd));
    const w = Math.sqrt(Math.abs((c - 1) / (c + 1))) * Math.tan(psiD / 2);
    const L = c > 1 ? Math.log((1 + w) / (1 - w)) : 2 * Math.atan(Math.abs(w));
    const c2 = c * c;
    return (
      Math.sin(3 * psiD) / 12 -
      Math.sin(2 * psiD) / (4 * c) +
      ((1 - 1.25 * c2) * Math.sin(psiD)) / c2 -
      ((1 - 1.5 * c2) * psiD - Math.pow(Math.abs(c2 - 1), 1.5) * L) / (c2 * c)
    );
  }
}
