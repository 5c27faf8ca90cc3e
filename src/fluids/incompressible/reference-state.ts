/**
 * The enthalpy and entropy reference of the incompressible liquids: CoolProp's INCOMP default, h = 0 and s = 0 at
 * 20 °C and 101325 Pa (IncompressibleBackend::set_reference_state defaults, CoolProp 8.0.0). Kept identical so
 * that values can be compared with CoolProp directly; only differences of h and s carry meaning.
 */
export const INCOMPRESSIBLE_REFERENCE_STATE = {
  /** K */
  T: 293.15,
  /** Pa */
  p: 101325,
} as const;
