/** Phase labels, the same strings as CoolProp's (so results compare one to one). */
export type Phase = 'liquid' | 'gas' | 'twophase' | 'supercritical' | 'supercritical_gas' | 'supercritical_liquid';

/**
 * One thermodynamic state of a pure (or pseudo-pure) fluid, with every property. Mass basis unless the name says
 * Molar. Two-phase states carry the lever-rule mixture values; properties that a two-phase mixture does not have
 * (cp, cv, w and the like) are null there, and the saturated liquid and vapour are given as states of their own.
 */
export interface FluidState {
  readonly fluid: string;
  readonly phase: Phase;
  /** Unit: K */
  readonly T: number;
  /** Unit: Pa */
  readonly p: number;
  /** Unit: kg/m³ */
  readonly rho: number;
  /** Unit: mol/m³ */
  readonly rhoMolar: number;
  /** Specific enthalpy. Unit: J/kg */
  readonly h: number;
  /** Specific entropy. Unit: J/(kg K) */
  readonly s: number;
  /** Specific internal energy. Unit: J/kg */
  readonly u: number;
  /** Specific Gibbs energy. Unit: J/kg */
  readonly g: number;
  /** Unit: J/mol */
  readonly hMolar: number;
  /** Unit: J/(mol K) */
  readonly sMolar: number;
  /** Unit: J/mol */
  readonly uMolar: number;
  /** Vapour mass fraction; null for a single-phase state. Unit: - */
  readonly Q: number | null;
  /** Isobaric heat capacity. Unit: J/(kg K) */
  readonly cp: number | null;
  /** Isochoric heat capacity. Unit: J/(kg K) */
  readonly cv: number | null;
  /** Unit: J/(mol K) */
  readonly cpMolar: number | null;
  /** Unit: J/(mol K) */
  readonly cvMolar: number | null;
  /** Speed of sound. Unit: m/s */
  readonly w: number | null;
  /** Compressibility factor p/(ρRT). Unit: - */
  readonly Z: number;
  /** Joule–Thomson coefficient (∂T/∂p)_h. Unit: K/Pa */
  readonly jouleThomson: number | null;
  /** Isothermal compressibility −(1/v)(∂v/∂p)_T. Unit: 1/Pa */
  readonly isothermalCompressibility: number | null;
  /** (∂p/∂T)_ρ. Unit: Pa/K */
  readonly dpdT_rho: number | null;
  /** Fugacity coefficient f/p (for a two-phase state, that of both coexisting phases). Unit: - */
  readonly fugacityCoefficient: number | null;
  /** Dynamic viscosity (null where the fluid has no correlation, or in two-phase). Unit: Pa s */
  readonly mu: number | null;
  /** Thermal conductivity (null where the fluid has no correlation, or in two-phase). Unit: W/(m K) */
  readonly k: number | null;
  /** The coexisting saturated liquid (bubble point) of a two-phase state. */
  readonly liquid?: FluidState;
  /** The coexisting saturated vapour (dew point) of a two-phase state. */
  readonly vapor?: FluidState;
}
