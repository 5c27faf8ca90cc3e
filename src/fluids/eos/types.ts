/**
 * The data that defines a pure-fluid multiparameter equation of state, in the form the generated modules under
 * `src/fluids/data/` hold it. Reduced variables: τ = T_r / T, δ = ρ / ρ_r (molar densities).
 */

/** Terms of the ideal-gas part α⁰(τ, δ). */
export type IdealTerm =
  /** α⁰ = ln δ + a1 + a2 τ (the "lead" term; reference-state offsets have the same form) */
  | { readonly type: 'lead'; readonly a1: number; readonly a2: number }
  /** α⁰ = a1 + a2 τ: a shift of the enthalpy and entropy reference state */
  | { readonly type: 'offset'; readonly a1: number; readonly a2: number; readonly reference: string }
  /** α⁰ = a ln τ */
  | { readonly type: 'logTau'; readonly a: number }
  /** α⁰ = Σ n_i τ^t_i */
  | { readonly type: 'power'; readonly n: readonly number[]; readonly t: readonly number[] }
  /** α⁰ = Σ n_i ln(c_i + d_i exp(θ_i τ)); the Planck–Einstein term n ln(1 − exp(−t τ)) is c = 1, d = −1, θ = −t */
  | {
      readonly type: 'planckEinstein';
      readonly n: readonly number[];
      readonly theta: readonly number[];
      readonly c: readonly number[];
      readonly d: readonly number[];
    };

/** Terms of the residual part αʳ(τ, δ). */
export type ResidualTerm =
  /** αʳ = Σ n δ^d τ^t exp(−δ^l) (no exponential where l = 0) */
  | {
      readonly type: 'power';
      readonly n: readonly number[];
      readonly d: readonly number[];
      readonly t: readonly number[];
      readonly l: readonly number[];
    }
  /** αʳ = Σ n δ^d τ^t exp(−η (δ − ε)² − β (τ − γ)²) */
  | {
      readonly type: 'gaussian';
      readonly n: readonly number[];
      readonly d: readonly number[];
      readonly t: readonly number[];
      readonly eta: readonly number[];
      readonly epsilon: readonly number[];
      readonly beta: readonly number[];
      readonly gamma: readonly number[];
    }
  /**
   * The non-analytic near-critical terms of Span & Wagner (1996) and IAPWS-95:
   * αʳ = Σ n Δ^b δ ψ with Δ = θ² + B((δ−1)²)^a, θ = (1 − τ) + A((δ−1)²)^(1/(2β)),
   * ψ = exp(−C(δ−1)² − D(τ−1)²).
   */
  | {
      readonly type: 'nonAnalytic';
      readonly n: readonly number[];
      readonly a: readonly number[];
      readonly b: readonly number[];
      readonly beta: readonly number[];
      readonly A: readonly number[];
      readonly B: readonly number[];
      readonly C: readonly number[];
      readonly D: readonly number[];
    };

/**
 * An ancillary equation (a starting guess, not the equation of state), with θ = 1 − T/T_r:
 * - `pL`/`pV` (using τ_r): p = p_r exp((T_r/T) Σ n θ^t)
 * - `rhoLnoexp`: ρ = ρ_r (1 + Σ n θ^t)
 * - `rhoV` (using τ_r or not): ρ = ρ_r exp([T_r/T] Σ n θ^t)
 */
export interface Ancillary {
  readonly type: 'pL' | 'pV' | 'rhoLnoexp' | 'rhoV';
  readonly n: readonly number[];
  readonly t: readonly number[];
  /** Reducing temperature T_r. Unit: K */
  readonly Tr: number;
  /** p_r in Pa or ρ_r in mol/m³ */
  readonly reducingValue: number;
  readonly usingTauR: boolean;
  /** Unit: K */
  readonly Tmin: number;
  /** Unit: K */
  readonly Tmax: number;
}

/** Melting pressure p_m(T): the boundary below which (in T) or above which (in p) the fluid is solid. */
export interface MeltingLinePart {
  /** `polynomialInTr`: p = p0 (1 + Σ a (T/T0)^t − Σ a); `polynomialInTheta`: p = p0 (1 + Σ a (T/T0 − 1)^t);
   *  `simon`: p = p0 + a ((T/T0)^c − 1) */
  readonly type: 'polynomialInTr' | 'polynomialInTheta' | 'simon';
  readonly a: readonly number[];
  readonly t: readonly number[];
  /** Unit: K */
  readonly T0: number;
  /** Unit: Pa */
  readonly p0: number;
  /** Unit: K */
  readonly Tmin: number;
  /** Unit: K */
  readonly Tmax: number;
}

export interface StatePoint {
  /** Unit: K */
  readonly T: number;
  /** Unit: Pa */
  readonly p: number;
  /** Unit: mol/m³ */
  readonly rhoMolar: number;
}

export interface FluidData {
  /** The project's name of the fluid (CO2, Air, Water, ...). */
  readonly name: string;
  /** Other accepted names, CoolProp's among them. */
  readonly aliases: readonly string[];
  readonly citation: {
    readonly eos: string;
    readonly eosDoi: string;
    readonly idealGas?: string;
  };
  /** Unit: kg/mol */
  readonly molarMass: number;
  /** The gas constant this EOS was fitted with (not always CODATA's). Unit: J/(mol K) */
  readonly gasConstant: number;
  /** Reducing temperature and density of τ and δ. */
  readonly reducing: { readonly T: number; readonly rhoMolar: number };
  /** The critical point as published with the EOS (the EOS's own critical point is computed from the EOS). */
  readonly criticalPublished: StatePoint;
  /** Unit: K */
  readonly Ttriple: number;
  /** Lower temperature limit of the EOS (the triple point). Unit: K */
  readonly Tmin: number;
  /** Upper temperature limit of use. Unit: K */
  readonly Tmax: number;
  /** Upper pressure limit of use. Unit: Pa */
  readonly pmax: number;
  /** Validity range as stated by the EOS paper (the limits above may extend it as CoolProp does). */
  readonly validityStatement: string;
  /** Pitzer's acentric factor (used only for cubic-EOS starting values). Unit: - */
  readonly acentric: number;
  /** Pseudo-pure fluids (air) have bubble and dew lines instead of a saturation line. */
  readonly pseudoPure: boolean;
  readonly alpha0: readonly IdealTerm[];
  readonly alphar: readonly ResidualTerm[];
  readonly ancillaries: {
    /** Saturation (pure) or bubble (pseudo-pure) pressure. */
    readonly pL: Ancillary;
    /** Saturation (pure) or dew (pseudo-pure) pressure. */
    readonly pV: Ancillary;
    readonly rhoL: Ancillary;
    readonly rhoV: Ancillary;
  };
  readonly meltingLine: readonly MeltingLinePart[];
  /** CoolProp's reference-state description of the default h, s offsets. */
  readonly referenceState: string;
}
