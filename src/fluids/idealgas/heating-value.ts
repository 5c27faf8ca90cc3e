/**
 * Lower and higher heating values of a gaseous fuel at 298.15 K from the NASA-7 enthalpies (which include the
 * enthalpies of formation): LHV = h_fuel + n_O2 h_O2 − Σ n_k h_k (products, water as vapour) per mole of fuel,
 * all at 298.15 K; HHV adds the condensation of the water formed, n_H2O,formed · 44.004 kJ/mol (CODATA).
 */
import { burn } from './combustion.js';
import { STANDARD_TEMPERATURE, WATER_VAPORISATION_ENTHALPY_298 } from './constants.js';
import { pureSpecies, type IdealGasMixture } from './mixture.js';
import { speciesIndex } from './species.js';

export interface HeatingValues {
  /** Lower heating value per mole of fuel (water as vapour), at 298.15 K. J/mol */
  readonly lhvMolar: number;
  /** Lower heating value per kg of fuel, at 298.15 K. J/kg */
  readonly lhvMass: number;
  /** Higher heating value per mole of fuel (water formed condensed), at 298.15 K. J/mol */
  readonly hhvMolar: number;
  /** Higher heating value per kg of fuel, at 298.15 K. J/kg */
  readonly hhvMass: number;
}

const OXYGEN = pureSpecies('O2');
const H2O = speciesIndex('H2O');

export function heatingValues(fuel: IdealGasMixture): HeatingValues {
  const T = STANDARD_TEMPERATURE;
  const c = burn(fuel, OXYGEN, { lambda: 1 });
  const lhvMolar = fuel.hMolar(T) + c.oxidiserPerFuelMolar * OXYGEN.hMolar(T) - c.productsPerFuelMolar * c.products.hMolar(T);
  const waterFormed = c.productsPerFuelMolar * c.products.x[H2O] - fuel.x[H2O];
  const hhvMolar = lhvMolar + waterFormed * WATER_VAPORISATION_ENTHALPY_298;
  return {
    lhvMolar,
    lhvMass: lhvMolar / fuel.molarMass,
    hhvMolar,
    hhvMass: hhvMolar / fuel.molarMass,
  };
}
