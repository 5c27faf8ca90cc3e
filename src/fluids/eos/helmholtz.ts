import type { FluidData } from './types.js';
import { AlphaDerivatives } from './derivatives.js';
import { IdealHelmholtz } from './ideal.js';
import { ResidualHelmholtz } from './residual.js';

/**
 * A pure-fluid Helmholtz equation of state a(T, ρ)/(RT) = α⁰(τ, δ) + αʳ(τ, δ), τ = T_r/T, δ = ρ/ρ_r.
 * Holds the constants of one fluid and its two evaluators; every algorithm (properties, saturation, flashes)
 * works against this interface and never reads coefficients.
 */
export class HelmholtzEOS {
  readonly data: FluidData;
  /** Gas constant of this EOS. Unit: J/(mol K) */
  readonly R: number;
  /** Unit: kg/mol */
  readonly M: number;
  /** Reducing temperature. Unit: K */
  readonly Tr: number;
  /** Reducing molar density. Unit: mol/m³ */
  readonly rhor: number;
  readonly ideal: IdealHelmholtz;
  readonly residual: ResidualHelmholtz;

  constructor(data: FluidData, referenceShift: { a1: number; a2: number } = { a1: 0, a2: 0 }) {
    this.data = data;
    this.R = data.gasConstant;
    this.M = data.molarMass;
    this.Tr = data.reducing.T;
    this.rhor = data.reducing.rhoMolar;
    this.ideal = new IdealHelmholtz(data.alpha0, referenceShift);
    this.residual = new ResidualHelmholtz(data.alphar);
  }

  /** A copy whose ideal part is shifted (a new enthalpy/entropy reference state); the residual part is shared. */
  withReferenceShift(shift: { a1: number; a2: number }): HelmholtzEOS {
    const copy = Object.create(HelmholtzEOS.prototype) as HelmholtzEOS;
    Object.assign(copy, this, { ideal: new IdealHelmholtz(this.data.alpha0, shift) });
    return copy;
  }

  alphar(T: number, rhoMolar: number, out: AlphaDerivatives, third = false): AlphaDerivatives {
    return this.residual.evaluate(this.Tr / T, rhoMolar / this.rhor, out, third);
  }

  alpha0(T: number, rhoMolar: number, out: AlphaDerivatives, third = false): AlphaDerivatives {
    return this.ideal.evaluate(this.Tr / T, rhoMolar / this.rhor, out, third);
  }

  /** p(T, ρ). Unit: Pa */
  pressure(T: number, rhoMolar: number, scratch: AlphaDerivatives = new AlphaDerivatives()): number {
    const r = this.residual.evaluate(this.Tr / T, rhoMolar / this.rhor, scratch);
    return rhoMolar * this.R * T * (1 + (rhoMolar / this.rhor) * r.d);
  }
}
