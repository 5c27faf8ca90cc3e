import type { HelmholtzEOS } from '../eos/helmholtz.js';
import { MolarProperties, evaluateProperties } from '../eos/properties.js';
import type { ConductivityModelData, DiluteConductivity, GeneralConductivity, ResidualConductivity } from './types.js';
import type { ConductivityFormulation, DensityTerm, ViscosityFormulation } from './evaluator.js';
import { Eta0AndPolyConductivity, Huber2016Conductivity, type DiluteConductivityTerm } from './dilute-conductivity.js';
import { PolynomialAndExponentialConductivity, PolynomialConductivity } from './residual-conductivity.js';
import { OlchowySengersEnhancement } from './olchowy-sengers.js';
import { Iapws2011WaterConductivity } from './water-conductivity.js';

/** λ = λ⁰(T) + Δλ(T, ρ) + λc(T, ρ), the enhancement with the fluid's own viscosity and EOS. */
export class SumConductivity implements ConductivityFormulation {
  private readonly diluteTerm: DiluteConductivityTerm;
  private readonly residual: DensityTerm;
  private readonly critical: OlchowySengersEnhancement;
  private readonly viscosity: ViscosityFormulation;
  private readonly props = new MolarProperties();

  constructor(d: GeneralConductivity, viscosity: ViscosityFormulation) {
    this.diluteTerm = diluteConductivity(d.dilute, viscosity);
    this.residual = residualConductivity(d.residual);
    this.critical = new OlchowySengersEnhancement(d.critical);
    this.viscosity = viscosity;
  }

  /** λ(T, ρ). Unit: W/(m K) */
  at(eos: HelmholtzEOS, T: number, rhoMolar: number): number {
    const lambda0 = this.diluteTerm.at(T);
    const residual = this.residual.at(T, rhoMolar, rhoMolar * eos.M);
    if (rhoMolar === 0) return lambda0 + residual; // ΔX ∝ ρ: the dilute limit has no enhancement
    const props = evaluateProperties(eos, T, rhoMolar, this.props);
    return lambda0 + residual + this.critical.at(eos, T, rhoMolar, props, this.viscosity);
  }
}

function diluteConductivity(d: DiluteConductivity, viscosity: ViscosityFormulation): DiluteConductivityTerm {
  switch (d.type) {
    case 'eta0AndPoly':
      return new Eta0AndPolyConductivity(d, viscosity);
    case 'huber2016':
      return new Huber2016Conductivity(d);
  }
}

function residualConductivity(d: ResidualConductivity): DensityTerm {
  switch (d.type) {
    case 'polynomial':
      return new PolynomialConductivity(d);
    case 'polynomialAndExponential':
      return new PolynomialAndExponentialConductivity(d);
  }
}

/** The evaluator of a conductivity formulation, built once from its data, using the fluid's viscosity formulation. */
export function conductivityFormulation(d: ConductivityModelData, viscosity: ViscosityFormulation): ConductivityFormulation {
  switch (d.type) {
    case 'general':
      return new SumConductivity(d, viscosity);
    case 'iapws2011':
      return new Iapws2011WaterConductivity(d, viscosity);
  }
}
