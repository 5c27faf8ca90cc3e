/**
 * Where a single-phase state counts as the critical point itself for the properties that diverge there:
 * (∂p/∂ρ)_T / (RT) below this value (dimensionless; on the critical isochore, within about 1e-11 T_c of T_c).
 * That quantity carries round-off of about 3e-15, so below 1e-11 c_p = c_v + T(∂p/∂T)²_ρ/(ρ²(∂p/∂ρ)_T) would keep
 * fewer than four correct digits — or come out huge, infinite or negative. There the diverging properties are null.
 */
export const CRITICAL_POINT_ZONE = 1e-11;

/** Phase labels, the same strings as CoolProp's (so results compare one to one). */
export type Phase = 'liquid' | 'gas' | 'twophase' | 'supercritical' | 'supercritical_gas' | 'supercritical_liquid';

/**
 * One thermodynamic state of a pure (or pseudo-pure) fluid, with every property. Mass basis unless the name says
 * Molar. Two-phase states carry the lever-rule mixture values; properties that a two-phase mixture does not have
 * (cp, cv, w and the like) are null there, and the saturated liquid and vapour are given as states of their own.
 * No property is ever NaN or Infinity: where one diverges (at the critical point) or lies outside its
 * correlation's range, it is null, as each one's comment says. The state reproduces the inputs it was computed
 * from within FLASH_TOLERANCE.
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
  /** Isobaric heat capacity; null in a two-phase mixture and at the critical point (CRITICAL_POINT_ZONE), where it
   *  diverges. Unit: J/(kg K) */
  readonly cp: number | null;
  /** Isochoric heat capacity; null in a two-phase mixture, and at the critical point of an EOS with non-analytic
   *  terms (CO2, Water), where it diverges. Unit: J/(kg K) */
  readonly cv: number | null;
  /** As cp. Unit: J/(mol K) */
  readonly cpMolar: number | null;
  /** As cv. Unit: J/(mol K) */
  readonly cvMolar: number | null;
  /** Speed of sound; null in a two-phase mixture, and at the critical point of an EOS with non-analytic terms,
   *  where it falls to zero faster than the EOS resolves. Unit: m/s */
  readonly w: number | null;
  /** Compressibility factor p/(ρRT). Unit: - */
  readonly Z: number;
  /** Joule–Thomson coefficient (∂T/∂p)_h; null in a two-phase mixture. Unit: K/Pa */
  readonly jouleThomson: number | null;
  /** Isothermal compressibility −(1/v)(∂v/∂p)_T; null in a two-phase mixture and at the critical point, where it
   *  diverges. Unit: 1/Pa */
  readonly isothermalCompressibility: number | null;
  /** (∂p/∂T)_ρ; null in a two-phase mixture. Unit: Pa/K */
  readonly dpdT_rho: number | null;
  /** Fugacity coefficient f/p (for a two-phase state, that of both coexisting phases). Unit: - */
  readonly fugacityCoefficient: number | null;
  /** Dynamic viscosity; null where the fluid has no correlation, outside the correlation's range (which may end
   *  before the EOS's: see `transport.viscosityRange`), and in a two-phase mixture. Reading it never throws.
   *  Unit: Pa s */
  readonly mu: number | null;
  /** Thermal conductivity; null where the fluid has no correlation, outside the correlation's range (CO2's ends at
   *  1100 K, its EOS at 2000 K), in a two-phase mixture, and at the critical point, where its critical enhancement
   *  diverges with c_p. Reading it never throws. Unit: W/(m K) */
  readonly k: number | null;
  /** The coexisting saturated liquid (bubble point) of a two-phase state. */
  readonly liquid?: FluidState;
  /** The coexisting saturated vapour (dew point) of a two-phase state. */
  readonly vapor?: FluidState;
}
