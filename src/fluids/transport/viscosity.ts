import type { HelmholtzEOS } from '../eos/helmholtz.js';
import type { DiluteViscosity, GeneralViscosity, ResidualViscosity, ViscosityModelData } from './types.js';
import type { DensityTerm, DiluteViscosityTerm, ViscosityFormulation } from './evaluator.js';
import { CollisionIntegralViscosity } from './collision-integral.js';
import { RainwaterFriendCoefficient } from './rainwater-friend.js';
import { BatschinskiHildebrandViscosity } from './batschinski-hildebrand.js';
import { Laesecke2017DiluteViscosity, Laesecke2017ResidualViscosity } from './laesecke-2017.js';
import { Iapws2008WaterViscosity } from './water-viscosity.js';

/** η = η⁰(T) [1 + B_η(T) ρ] + Δη(T, ρ): a dilute part, an optional Rainwater–Friend part and a residual part. */
export class SumViscosity implements ViscosityFormulation {
  private readonly diluteTerm: DiluteViscosityTerm;
  private readonly initialDensity: RainwaterFriendCoefficient | undefined;
  private readonly residual: DensityTerm;

  constructor(d: GeneralViscosity) {
    this.diluteTerm = diluteViscosity(d.dilute);
    this.initialDensity = d.initialDensity ? new RainwaterFriendCoefficient(d.initialDensity) : undefined;
    this.residual = residualViscosity(d.residual);
  }

  /** η⁰(T). Unit: Pa s */
  dilute(T: number): number {
    return this.diluteTerm.at(T);
  }

  /** η(T, ρ). Unit: Pa s */
  at(eos: HelmholtzEOS, T: number, rhoMolar: number): number {
    const eta0 = this.diluteTerm.at(T);
    const eta1 = this.initialDensity ? eta0 * this.initialDensity.at(T) * rhoMolar : 0;
    return eta0 + eta1 + this.residual.at(T, rhoMolar, rhoMolar * eos.M);
  }
}

function diluteViscosity(d: DiluteViscosity): DiluteViscosityTerm {
  switch (d.type) {
    case 'collisionIntegral':
      return new CollisionIntegralViscosity(d);
    case 'laesecke2017':
      return new Laesecke2017DiluteViscosity(d);
  }
}

function residualViscosity(d: ResidualViscosity): DensityTerm {
  switch (d.type) {
    case 'batschinskiHildebrand':
      return new BatschinskiHildebrandViscosity(d);
    case 'laesecke2017':
      return new Laesecke2017ResidualViscosity(d);
  }
}

/** The evaluator of a viscosity formulation, built once from its data. */
export function viscosityFormulation(d: ViscosityModelData): ViscosityFormulation {
  switch (d.type) {
    case 'general':
      return new SumViscosity(d);
    case 'iapws2008':
      return new Iapws2008WaterViscosity(d);
  }
}
