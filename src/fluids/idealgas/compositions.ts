/** Named compositions, each with its source. */
import type { Composition } from './composition.js';

/**
 * Dry air as the three-component mixture of Lemmon et al.'s air model: N2 0.7812, O2 0.2096, Ar 0.0092 by mole
 * (E. W. Lemmon, R. T. Jacobsen, S. G. Penoncello, D. G. Friend, J. Phys. Chem. Ref. Data 29 (2000) 331,
 * doi:10.1063/1.1285884). The same composition as the project's pseudo-pure air equation of state, so that the
 * two agree in the ideal-gas limit; CO2 and the trace gases are counted as argon/nitrogen there.
 */
export const DRY_AIR: Composition = { moleFractions: { N2: 0.7812, O2: 0.2096, Ar: 0.0092 } };

/**
 * An EXAMPLE of a lean pipeline natural gas (methane 95 %, ethane 2.5 %, propane 0.5 %, nitrogen 1 %, carbon
 * dioxide 1 % by mole), for tests and examples only; not a standard. Real gas quality varies by source and grid:
 * use the supplier's analysis.
 */
export const EXAMPLE_NATURAL_GAS: Composition = {
  moleFractions: { CH4: 0.95, C2H6: 0.025, C3H8: 0.005, N2: 0.01, CO2: 0.01 },
};
