/**
 * What a heat-store or heat-transfer liquid offers the plant: the same interface for CoolProp-style
 * incompressible fits (this folder) and, later, pressurised water backed by the IAPWS-95 equation of state.
 * Everything SI and on a mass basis; every method throws a `FluidInputError` for a state outside the medium's
 * range (T outside Tmin..Tmax, p below the saturation pressure, non-finite input) and never returns NaN.
 */
export interface StoreMedium {
  /** Short identifier (CoolProp's `INCOMP::` name for the fitted liquids). */
  readonly id: string;
  /** Name for people. */
  readonly name: string;
  /** Lowest valid temperature. K */
  readonly Tmin: number;
  /** Highest valid temperature. K */
  readonly Tmax: number;
  /** Saturation pressure: the lowest pressure at which the medium is liquid at T (0 where the data give none). Pa */
  psat(T: number): number;
  /** Density. kg/m³ */
  rhoMass(T: number, p: number): number;
  /** Isobaric specific heat capacity. J/(kg K) */
  cpMass(T: number, p: number): number;
  /** Specific enthalpy. J/kg */
  hMass(T: number, p: number): number;
  /** Specific entropy. J/(kg K) */
  sMass(T: number, p: number): number;
  /** Specific internal energy. J/kg */
  uMass(T: number, p: number): number;
  /** Dynamic viscosity. Pa s */
  viscosity(T: number, p: number): number;
  /** Thermal conductivity. W/(m K) */
  conductivity(T: number, p: number): number;
  /** Temperature at which hMass(T, p) = hMass (the heat exchangers' inverse). K */
  T_hMass(hMass: number, p: number): number;
  /** Temperature at which sMass(T, p) = sMass. K */
  T_sMass(sMass: number, p: number): number;
}
