/** Physical constants and conventions of the ideal-gas mixtures, each with its source. */

/** Molar gas constant, CODATA 2018 (exact since the 2019 SI). J/(mol K) */
export const MOLAR_GAS_CONSTANT = 8.314462618;

/**
 * Standard-state pressure p0 of the entropy: s(T, p) = s°(T) − R ln(p/p0). IUPAC standard pressure, 1 bar. Note
 * that GRI-Mech's N2 and Ar entropy constants reproduce JANAF's older 1-atm values (s°(298.15 K) = 191.51 and
 * 154.73 J/(mol K) against 191.61 and 154.85 at 1 bar): the data are used as published, which shifts the absolute
 * entropy of air by about 0.1 J/(mol K) and leaves entropy differences at fixed composition unchanged. Pa
 */
export const STANDARD_PRESSURE = 1e5;

/** Reference temperature of the enthalpies of formation and of the heating values (25 °C). K */
export const STANDARD_TEMPERATURE = 298.15;

/**
 * Lowest temperature at which the polynomials are evaluated. GRI-Mech publishes N2, Ar and C3H8 from 300 K only;
 * their low-range polynomials are extrapolated down to 200 K (Ar exactly, cp = 5R/2; N2 cp 1.1 % below JANAF at
 * 200 K, 0.2 % at 298.15 K), so that ambient and sub-ambient air can be handled. K
 */
export const NASA7_TMIN = 200;

/** Highest temperature at which the polynomials are evaluated (the published upper end of most species). K */
export const NASA7_TMAX = 3500;

/**
 * Enthalpy of vaporisation of water at 298.15 K, the difference of the CODATA key values of the enthalpy of
 * formation of H2O(l), −285.830 kJ/mol, and H2O(g), −241.826 kJ/mol (J. D. Cox, D. D. Wagman, V. A. Medvedev,
 * CODATA Key Values for Thermodynamics, Hemisphere, New York, 1989). Turns a lower heating value into a higher one.
 * J/mol
 */
export const WATER_VAPORISATION_ENTHALPY_298 = 44004;
