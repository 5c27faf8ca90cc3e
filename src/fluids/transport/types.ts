/**
 * The data that defines the viscosity and thermal-conductivity formulations of one fluid, in the form the generated
 * modules under `src/fluids/transport/data/` hold it. Every block is evaluated at (T, ρ); reduced variables are
 * named where they are defined because each formulation reduces with its own constants.
 */

export interface Citation {
  /** Authors, title, journal, volume, pages, year. */
  readonly text: string;
  readonly doi: string;
}

/**
 * Where a formulation may be evaluated: its published range intersected with the EOS's (the density is the
 * caller's, so the EOS must be valid there too).
 */
export interface TransportRange {
  /** Unit: K */
  readonly Tmin: number;
  /** Unit: K */
  readonly Tmax: number;
  /** Upper pressure limit of the range, as published. Unit: Pa */
  readonly pmax: number;
  /**
   * Upper density limit: the EOS density at Tmin and pmax (the densest state of the range, or an upper bound of
   * it where the melting line cuts the corner). Unit: mol/m³
   */
  readonly rhoMolarMax: number;
  /** The published range in words. */
  readonly statement: string;
}

// ---------------------------------------------------------------------------------------------------------------
// Viscosity

/**
 * Dilute-gas viscosity from an effective collision cross-section (Lemmon & Jacobsen 2004, Eqs. 2–3):
 * η⁰ = C √(M T) / (σ² 𝔖*(T*)), 𝔖* = exp(Σ a_i (ln T*)^t_i), T* = T/(ε/k), with M in g/mol and σ in nm.
 */
export interface CollisionIntegralDilute {
  readonly type: 'collisionIntegral';
  /** Unit: Pa s (with M in g/mol, T in K, σ in nm) */
  readonly C: number;
  /** The molar mass the correlation was fitted with (not always the EOS's). Unit: kg/mol */
  readonly molarMass: number;
  /** Unit: K */
  readonly epsilonOverK: number;
  /** Unit: m */
  readonly sigma: number;
  readonly a: readonly number[];
  /** Non-negative integer exponents of ln T*. */
  readonly t: readonly number[];
}

/**
 * Laesecke & Muzny (2017) dilute-gas viscosity of CO2, Eq. (4):
 * η⁰ = A √T / (a0 + a1 T^(1/6) + a2 exp(a3 T^(1/3)) + (a4 + a5 T^(1/3)) / exp(T^(1/3)) + a6 √T), T in K.
 */
export interface Laesecke2017Dilute {
  readonly type: 'laesecke2017';
  /** As published, in `unit`. */
  readonly A: number;
  /** The unit of the published formula. Unit: Pa s */
  readonly unit: number;
  readonly a: readonly number[];
}

export type DiluteViscosity = CollisionIntegralDilute | Laesecke2017Dilute;

/**
 * Rainwater–Friend initial density dependence: η¹ = η⁰ B_η ρ with B_η = N_A σ³ Σ b_i (T*)^t_i, T* = T/(ε/k).
 */
export interface RainwaterFriend {
  readonly type: 'rainwaterFriend';
  /** Unit: K */
  readonly epsilonOverK: number;
  /** Unit: m */
  readonly sigma: number;
  /** Avogadro's constant as the implementation uses it. Unit: 1/mol */
  readonly avogadro: number;
  readonly b: readonly number[];
  readonly t: readonly number[];
}

/**
 * Modified Batschinski–Hildebrand residual viscosity (Lemmon & Jacobsen 2004, Eq. 4, in CoolProp's general form):
 * Δη = Σ a_i δ^d1_i τ^t1_i exp(γ_i δ^l_i) + F (1/(δ0 − δ) − 1/δ0), F = Σ f_i δ^d2_i τ^t2_i,
 * δ0 = Σ g_i τ^h_i / Σ p_i τ^q_i, with τ = T_r/T and δ = ρ/ρ_r (molar). The F part is absent when `f` is empty.
 */
export interface BatschinskiHildebrand {
  readonly type: 'batschinskiHildebrand';
  /** Unit: K */
  readonly Tr: number;
  /** Unit: mol/m³ */
  readonly rhoMolarR: number;
  /** Unit: Pa s */
  readonly a: readonly number[];
  readonly d1: readonly number[];
  readonly t1: readonly number[];
  readonly gamma: readonly number[];
  readonly l: readonly number[];
  /** Unit: Pa s */
  readonly f: readonly number[];
  readonly d2: readonly number[];
  readonly t2: readonly number[];
  readonly g: readonly number[];
  readonly h: readonly number[];
  readonly p: readonly number[];
  readonly q: readonly number[];
}

/**
 * Laesecke & Muzny (2017) residual viscosity of CO2, Eqs. (8)–(9):
 * Δη = η_tL [c1 T_r ρ_r³ + (ρ_r² + ρ_r^γ) / (T_r − c2)], T_r = T/T_t, ρ_r = ρ/ρ_tL (mass),
 * η_tL = ρ_tL^(2/3) √(R T_t) / (M^(1/6) N_A^(1/3)).
 */
export interface Laesecke2017Residual {
  readonly type: 'laesecke2017';
  readonly c1: number;
  readonly c2: number;
  readonly gamma: number;
  /** Triple-point temperature. Unit: K */
  readonly Tt: number;
  /** Density of the liquid at the triple point. Unit: kg/m³ */
  readonly rhoMassTL: number;
  /** Gas constant used in η_tL. Unit: J/(mol K) */
  readonly R: number;
  /** Molar mass used in η_tL. Unit: kg/mol */
  readonly molarMass: number;
  /** N_A^(1/3). Unit: mol^(-1/3) */
  readonly avogadroCubeRoot: number;
}

export type ResidualViscosity = BatschinskiHildebrand | Laesecke2017Residual;

/** η = η⁰(T) [1 + B_η(T) ρ] + Δη(T, ρ). */
export interface GeneralViscosity {
  readonly type: 'general';
  readonly dilute: DiluteViscosity;
  readonly initialDensity?: RainwaterFriend;
  readonly residual: ResidualViscosity;
}

/**
 * The critical-enhancement constants shared by the IAPWS water formulations (IAPWS 2008 viscosity, IAPWS 2011
 * conductivity): ΔX̄ = ρ̄ [ζ(T) − ζ(T_R) T_R/T], ζ = (∂ρ̄/∂p̄)_T, ξ = ξ0 (ΔX̄/Γ0)^(ν/γ).
 */
export interface IapwsWaterReducing {
  /** Unit: K */
  readonly Tstar: number;
  /** Unit: kg/m³ */
  readonly rhoStar: number;
  /** Unit: Pa */
  readonly pStar: number;
  /** T̄_R = T_R / T*. Unit: - */
  readonly TbarR: number;
  readonly nu: number;
  readonly gamma: number;
  /** Unit: nm */
  readonly xi0: number;
  readonly Gamma0: number;
}

/**
 * IAPWS 2008 viscosity of ordinary water (Huber et al. 2009): μ̄ = μ̄0(T̄) μ̄1(T̄, ρ̄) μ̄2(T̄, ρ̄), μ = μ* μ̄.
 * μ̄0 = 100 √T̄ / Σ H_i/T̄^i; μ̄1 = exp(ρ̄ Σ H_ij (1/T̄ − 1)^i (ρ̄ − 1)^j); μ̄2 = exp(x_μ Y(ξ)).
 */
export interface Iapws2008Viscosity {
  readonly type: 'iapws2008';
  readonly reducing: IapwsWaterReducing;
  /** Unit: Pa s */
  readonly muStar: number;
  readonly H0: readonly number[];
  /** H_ij as rows i = 0..5 of columns j = 0..6. */
  readonly H1: readonly (readonly number[])[];
  readonly xMu: number;
  /** Unit: nm⁻¹ */
  readonly qC: number;
  /** Unit: nm⁻¹ */
  readonly qD: number;
  /** ξ at which Y switches from its series to its closed form. Unit: nm */
  readonly xiSeries: number;
}

export type ViscosityModelData = GeneralViscosity | Iapws2008Viscosity;

// ---------------------------------------------------------------------------------------------------------------
// Thermal conductivity

/** Lemmon & Jacobsen (2004) dilute-gas conductivity, Eq. (5): λ⁰ = A0 η⁰/(1 µPa s) + Σ_{i≥1} A_i τ^t_i, τ = T_r/T. */
export interface Eta0AndPolyDilute {
  readonly type: 'eta0AndPoly';
  /** Unit: K */
  readonly Tr: number;
  /** Unit: W/(m K) */
  readonly A: readonly number[];
  readonly t: readonly number[];
}

/** Huber et al. (2016) dilute-gas conductivity of CO2, Eq. (3): λ⁰ = √T_r / Σ L_k / T_r^k, T_r = T/T_c. */
export interface Huber2016Dilute {
  readonly type: 'huber2016';
  /** Unit: K */
  readonly Tc: number;
  /** As published, for λ⁰ in `unit`. */
  readonly L: readonly number[];
  /** The unit of the published formula. Unit: W/(m K) */
  readonly unit: number;
}

export type DiluteConductivity = Eta0AndPolyDilute | Huber2016Dilute;

/** Δλ = Σ B_i τ^t_i δ^d_i with τ = T_r/T and δ = ρ/ρ_r on the mass density (Huber et al. 2016, Eq. 4). */
export interface PolynomialResidualConductivity {
  readonly type: 'polynomial';
  /** Unit: K */
  readonly Tr: number;
  /** Unit: kg/m³ */
  readonly rhoMassR: number;
  /** Unit: W/(m K) */
  readonly B: readonly number[];
  readonly t: readonly number[];
  readonly d: readonly number[];
}

/**
 * Δλ = Σ A_i τ^t_i δ^d_i exp(−γ_i δ^l_i) with the EOS's τ = T_r/T and δ = ρ/ρ_r (molar)
 * (Lemmon & Jacobsen 2004, Eq. 6).
 */
export interface PolynomialAndExponentialResidualConductivity {
  readonly type: 'polynomialAndExponential';
  /** Unit: K */
  readonly Tr: number;
  /** Unit: mol/m³ */
  readonly rhoMolarR: number;
  /** Unit: W/(m K) */
  readonly A: readonly number[];
  readonly t: readonly number[];
  readonly d: readonly number[];
  readonly gamma: readonly number[];
  readonly l: readonly number[];
}

export type ResidualConductivity = PolynomialResidualConductivity | PolynomialAndExponentialResidualConductivity;

/**
 * Simplified Olchowy–Sengers critical enhancement (Olchowy & Sengers 1989; Lemmon & Jacobsen 2004, Eqs. 7–12):
 * λc = ρ c_p R0 k T / (6π η ξ) (Ω − Ω0), ξ = ξ0 (ΔX/Γ)^(ν/γ), ΔX = p_c ρ/ρ_c² [(∂ρ/∂p)_T − (T_ref/T)(∂ρ/∂p)_T|T_ref],
 * Ω = (2/π)[((c_p − c_v)/c_p) atan(q_D ξ) + (c_v/c_p) q_D ξ], Ω0 = (2/π)[1 − exp(−1/((q_D ξ)⁻¹ + (q_D ξ ρ_c/ρ)²/3))].
 */
export interface OlchowySengers {
  readonly type: 'olchowySengers';
  /** Boltzmann's constant as the implementation uses it. Unit: J/K */
  readonly k: number;
  readonly R0: number;
  readonly nu: number;
  readonly gamma: number;
  readonly Gamma: number;
  /** Unit: m */
  readonly xi0: number;
  /** Unit: 1/m */
  readonly qD: number;
  /** Unit: K */
  readonly Tref: number;
  /** The EOS reducing temperature. Unit: K */
  readonly Tc: number;
  /** The EOS reducing density. Unit: mol/m³ */
  readonly rhoMolarC: number;
  /** The pressure of the EOS reducing state. Unit: Pa */
  readonly pc: number;
}

/** λ = λ⁰(T) + Δλ(T, ρ) + λc(T, ρ). */
export interface GeneralConductivity {
  readonly type: 'general';
  readonly dilute: DiluteConductivity;
  readonly residual: ResidualConductivity;
  readonly critical: OlchowySengers;
}

/**
 * IAPWS 2011 thermal conductivity of ordinary water (Huber et al. 2012): λ̄ = λ̄0(T̄) λ̄1(T̄, ρ̄) + λ̄2(T̄, ρ̄),
 * λ = λ* λ̄. λ̄0 = √T̄ / Σ L_k/T̄^k; λ̄1 = exp(ρ̄ Σ L_ij (1/T̄ − 1)^i (ρ̄ − 1)^j);
 * λ̄2 = Λ ρ̄ c̄_p T̄ / μ̄ Z(y), y = q̄_D ξ.
 */
export interface Iapws2011Conductivity {
  readonly type: 'iapws2011';
  readonly reducing: IapwsWaterReducing;
  /** Unit: W/(m K) */
  readonly lambdaStar: number;
  /** The viscosity reducing value of μ̄ in λ̄2. Unit: Pa s */
  readonly muStar: number;
  /** The specific gas constant of c̄_p = c_p/R. Unit: J/(kg K) */
  readonly R: number;
  readonly L0: readonly number[];
  /** L_ij as rows i = 0..4 of columns j = 0..5. */
  readonly L1: readonly (readonly number[])[];
  readonly Lambda: number;
  /** Unit: nm⁻¹ */
  readonly qD: number;
  /** Below this y the enhancement is set to zero (the formula loses its digits). */
  readonly yMin: number;
}

export type ConductivityModelData = GeneralConductivity | Iapws2011Conductivity;

/** The transport formulations of one fluid. */
export interface TransportData {
  /** The project's fluid name (as in `src/fluids/data`). */
  readonly fluid: string;
  readonly viscosity: {
    readonly citation: Citation;
    readonly range: TransportRange;
    readonly model: ViscosityModelData;
  };
  readonly conductivity: {
    readonly citation: Citation;
    readonly range: TransportRange;
    readonly model: ConductivityModelData;
  };
}
