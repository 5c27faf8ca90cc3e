import type { HelmholtzEOS } from '../eos/helmholtz.js';
import { FluidInputError } from '../errors.js';
import type { Citation, TransportData, TransportRange } from './types.js';
import type { ConductivityFormulation, ViscosityFormulation } from './evaluator.js';
import { viscosityFormulation } from './viscosity.js';
import { conductivityFormulation } from './conductivity.js';

/**
 * The viscosity and thermal conductivity of one fluid at (T, ρ). Each call checks its inputs against the
 * formulation's range and that `eos` is this fluid's equation of state, then evaluates without allocating.
 * An instance owns its scratch space: make one per fluid (per worker) and reuse it.
 */
export class FluidTransport {
  readonly fluid: string;
  /** What each formulation is, where from and where valid, in words. */
  readonly validity: string;
  readonly viscosityCitation: Citation;
  readonly conductivityCitation: Citation;
  readonly viscosityRange: TransportRange;
  readonly conductivityRange: TransportRange;
  private readonly eta: ViscosityFormulation;
  private readonly lambda: ConductivityFormulation;
  private readonly etaSubject: string;
  private readonly lambdaSubject: string;

  constructor(data: TransportData) {
    this.fluid = data.fluid;
    this.viscosityCitation = data.viscosity.citation;
    this.conductivityCitation = data.conductivity.citation;
    this.viscosityRange = data.viscosity.range;
    this.conductivityRange = data.conductivity.range;
    this.eta = viscosityFormulation(data.viscosity.model);
    this.lambda = conductivityFormulation(data.conductivity.model, this.eta);
    this.etaSubject = `${data.fluid} viscosity`;
    this.lambdaSubject = `${data.fluid} thermal conductivity`;
    this.validity =
      `viscosity: ${data.viscosity.citation.text}, doi:${data.viscosity.citation.doi}; valid ${data.viscosity.range.statement}. ` +
      `Thermal conductivity: ${data.conductivity.citation.text}, doi:${data.conductivity.citation.doi}; valid ${data.conductivity.range.statement}.`;
  }

  /** η(T, ρ) with ρ the molar density. Unit: Pa s */
  viscosity(eos: HelmholtzEOS, T: number, rhoMolar: number): number {
    this.check(this.etaSubject, this.viscosityRange, eos, T, rhoMolar);
    return this.eta.at(eos, T, rhoMolar);
  }

  /** λ(T, ρ) with ρ the molar density, critical enhancement included. Unit: W/(m K) */
  conductivity(eos: HelmholtzEOS, T: number, rhoMolar: number): number {
    this.check(this.lambdaSubject, this.conductivityRange, eos, T, rhoMolar);
    return this.lambda.at(eos, T, rhoMolar);
  }

  /** η(T, ρ) where the formulation holds (inside `viscosityRange`), else null; never throws. Unit: Pa s */
  viscosityWithin(eos: HelmholtzEOS, T: number, rhoMolar: number): number | null {
    if (!inRange(this.viscosityRange, T, rhoMolar)) return null;
    const v = this.eta.at(eos, T, rhoMolar);
    return Number.isFinite(v) ? v : null;
  }

  /** λ(T, ρ) where the formulation holds (inside `conductivityRange`), else null; never throws. Unit: W/(m K) */
  conductivityWithin(eos: HelmholtzEOS, T: number, rhoMolar: number): number | null {
    if (!inRange(this.conductivityRange, T, rhoMolar)) return null;
    const v = this.lambda.at(eos, T, rhoMolar);
    return Number.isFinite(v) ? v : null;
  }

  private check(subject: string, range: TransportRange, eos: HelmholtzEOS, T: number, rhoMolar: number): void {
    if (eos.data.name !== this.fluid) throw new FluidInputError(subject, 'eos', eos.data.name, `the ${this.fluid} equation of state`);
    if (!(T >= range.Tmin && T <= range.Tmax)) {
      throw new FluidInputError(subject, 'T', T, `${range.Tmin} K ≤ T ≤ ${range.Tmax} K (${range.statement})`, 'K');
    }
    if (!(rhoMolar >= 0 && rhoMolar <= range.rhoMolarMax)) {
      const rhoMassMax = (range.rhoMolarMax * eos.M).toPrecision(5);
      throw new FluidInputError(
        subject,
        'rhoMolar',
        rhoMolar,
        `0 ≤ rhoMolar ≤ ${range.rhoMolarMax} mol/m³ (${rhoMassMax} kg/m³, the density at ${range.Tmin} K and ${range.pmax / 1e6} MPa)`,
        'mol/m³',
      );
    }
  }
}

function inRange(range: TransportRange, T: number, rhoMolar: number): boolean {
  return T >= range.Tmin && T <= range.Tmax && rhoMolar >= 0 && rhoMolar <= range.rhoMolarMax;
}
