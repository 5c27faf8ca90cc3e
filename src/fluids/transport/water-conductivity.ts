import type { HelmholtzEOS } from '../eos/helmholtz.js';
import { MolarProperties, evaluateProperties } from '../eos/properties.js';
import type { Iapws2011Conductivity } from './types.js';
import type { ConductivityFormulation, ViscosityFormulation } from './evaluator.js';
import { IapwsCorrelationLength } from './iapws-susceptibility.js';

/**
 * The IAPWS 2011 thermal conductivity of ordinary water (IAPWS R15-11; M. L. Huber et al., J. Phys. Chem. Ref. Data
 * 41 (2012) 033102, doi:10.1063/1.4738955), critical enhancement included:
 *   λ = λ* [λ̄0(T̄) λ̄1(T̄, ρ̄) + λ̄2(T̄, ρ̄)],  λ̄0 = √T̄ / Σ L_k/T̄^k,  λ̄1 = exp(ρ̄ Σ L_ij (1/T̄ − 1)^i (ρ̄ − 1)^j),
 *   λ̄2 = Λ ρ̄ c̄_p T̄ / μ̄ · Z(y),  y = q̄_D ξ,
 *   Z = 2/(π y) [((1 − 1/κ) atan y + y/κ) − (1 − exp(−1 / (1/y + y²/(3 ρ̄²))))],  κ = c_p/c_v,
 * with μ̄ from the IAPWS 2008 viscosity (its critical enhancement included) and Z = 0 below y = 1.2e-7.
 * Valid from the melting line to 1173.15 K up to 100 MPa, and to 1000 MPa at lower temperatures.
 */
export class Iapws2011WaterConductivity implements ConductivityFormulation {
  private readonly d: Iapws2011Conductivity;
  private readonly viscosity: ViscosityFormulation;
  private readonly L0: Float64Array;
  /** L_ij, row-major. */
  private readonly L1: Float64Array;
  private readonly rows: number;
  private readonly cols: number;
  private readonly xi: IapwsCorrelationLength;
  private readonly props = new MolarProperties();

  constructor(d: Iapws2011Conductivity, viscosity: ViscosityFormulation) {
    this.d = d;
    this.viscosity = viscosity;
    this.L0 = Float64Array.from(d.L0);
    this.rows = d.L1.length;
    this.cols = d.L1[0].length;
    this.L1 = Float64Array.from(d.L1.flat());
    this.xi = new IapwsCorrelationLength(d.reducing);
  }

  /** λ(T, ρ). Unit: W/(m K) */
  at(eos: HelmholtzEOS, T: number, rhoMolar: number): number {
    const d = this.d;
    const Tbar = T / d.reducing.Tstar;
    const rhoBar = (rhoMolar * eos.M) / d.reducing.rhoStar;
    let s0 = 0;
    for (let k = this.L0.length - 1; k >= 0; k--) s0 = s0 / Tbar + this.L0[k];
    const lambda0 = Math.sqrt(Tbar) / s0;
    const x = 1 / Tbar - 1;
    const y = rhoBar - 1;
    let sum = 0;
    for (let i = this.rows - 1; i >= 0; i--) {
      let row = 0;
      for (let j = this.cols - 1; j >= 0; j--) row = row * y + this.L1[i * this.cols + j];
      sum = sum * x + row;
    }
    const lambda1 = Math.exp(rhoBar * sum);
    return d.lambdaStar * (lambda0 * lambda1 + this.enhancement(eos, T, rhoMolar, Tbar, rhoBar));
  }

  /** λ̄2. Unit: - */
  private enhancement(eos: HelmholtzEOS, T: number, rhoMolar: number, Tbar: number, rhoBar: number): number {
    const d = this.d;
    const yq = d.qD * this.xi.at(eos, T, rhoMolar, d.R);
    if (yq < d.yMin) return 0;
    const p = evaluateProperties(eos, T, rhoMolar, this.props);
    const cp = p.cpMolar / eos.M;
    const kappa = p.cpMolar / p.cvMolar;
    const Z =
      (2 / (Math.PI * yq)) *
      ((1 - 1 / kappa) * Math.atan(yq) + yq / kappa - (1 - Math.exp(-1 / (1 / yq + (yq * yq) / (3 * rhoBar * rhoBar)))));
    const muBar = this.viscosity.at(eos, T, rhoMolar) / d.muStar;
    return (d.Lambda * rhoBar * (cp / d.R) * Tbar * Z) / muBar;
  }
}
