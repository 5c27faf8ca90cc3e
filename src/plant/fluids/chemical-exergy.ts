/**
 * Standard chemical exergy of a gaseous fuel, counted for the streams that feed a combustor's fuel port (the
 * convention of this plant model: chemical exergy enters with the fuel; the air's and the flue gas's chemical
 * exergy — a few kJ/kg from their mixing with the environment — is not counted, so it shows up as destruction in
 * the combustor and as loss with the exhaust).
 *   e_ch = [Σ x_i e°_i + R T0 Σ x_i ln x_i] / M
 * with the standard chemical exergies e°_i of J. Szargut, D. R. Morris, F. R. Steward, Exergy Analysis of Thermal,
 * Chemical and Metallurgical Processes, Hemisphere 1988 (reference environment model II, 298.15 K, 101.325 kPa),
 * which holds for dead states near 298.15 K.
 */
import { MOLAR_GAS_CONSTANT, SPECIES_NAMES, type IdealGasMixture, type SpeciesName } from '../../fluids/idealgas/index.js';

/** e° per species. Unit: J/mol */
export const STANDARD_CHEMICAL_EXERGY: Readonly<Partial<Record<SpeciesName, number>>> = {
  CH4: 831.65e3,
  C2H6: 1495.84e3,
  C3H8: 2154.0e3,
  H2: 236.09e3,
  CO: 275.1e3,
  CO2: 19.87e3,
  H2O: 9.5e3,
  N2: 0.72e3,
  O2: 3.97e3,
  Ar: 11.69e3,
};

/** Specific chemical exergy of the mixture at dead-state temperature T0 (K). Unit: J/kg */
export function chemicalExergy(m: IdealGasMixture, T0: number): number {
  let e = 0;
  for (let i = 0; i < SPECIES_NAMES.length; i++) {
    const x = m.x[i];
    if (x <= 0) continue;
    const e0 = STANDARD_CHEMICAL_EXERGY[SPECIES_NAMES[i]];
    if (e0 === undefined) throw new RangeError(`no standard chemical exergy for ${SPECIES_NAMES[i]}`);
    e += x * (e0 + MOLAR_GAS_CONSTANT * T0 * Math.log(x));
  }
  return e / m.molarMass;
}
