import type { HelmholtzEOS } from '../eos/helmholtz.js';

/**
 * The shapes the per-fluid model composes: each formulation type is one class implementing one of these, built
 * once from its data (coefficients copied into `Float64Array`s) and evaluated without allocating.
 */

/** A dilute-gas viscosity η⁰(T). Unit: Pa s */
export interface DiluteViscosityTerm {
  at(T: number): number;
}

/** A density-dependent term of the viscosity or conductivity at (T, ρ), ρ given on both bases. */
export interface DensityTerm {
  /** Unit: Pa s or W/(m K) */
  at(T: number, rhoMolar: number, rhoMass: number): number;
}

/** A whole viscosity formulation. */
export interface ViscosityFormulation {
  /** The dilute-gas part η⁰(T), which some conductivity formulations need. Unit: Pa s */
  dilute(T: number): number;
  /** η(T, ρ). Unit: Pa s */
  at(eos: HelmholtzEOS, T: number, rhoMolar: number): number;
}

/** A whole thermal-conductivity formulation. Unit: W/(m K) */
export interface ConductivityFormulation {
  at(eos: HelmholtzEOS, T: number, rhoMolar: number): number;
}
