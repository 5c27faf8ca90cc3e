/**
 * Graphite anode potential against lithium from the cell's state of charge, as BLAST-Lite estimates it for every
 * chemistry: lithiation x = 8.5e-3 + SOC (0.78 − 8.5e-3) (anode stoichiometry after Schimpe et al.,
 * https://doi.org/10.1149/2.1181714jes), Ua(x) from M. Safari and C. Delacourt, J. Electrochem. Soc. 158 (2011) A562,
 * https://doi.org/10.1149/1.3567007. Ua in V. It sets the calendar (SEI) rate through a Tafel-like exp(p Ua / T).
 */
export function anodePotential(soc: number): number {
  const x = 8.5e-3 + soc * (0.78 - 8.5e-3);
  return (
    0.6379 +
    0.5416 * Math.exp(-305.5309 * x) +
    0.044 * Math.tanh(-(x - 0.1958) / 0.1088) -
    0.1978 * Math.tanh((x - 1.0571) / 0.0854) -
    0.6875 * Math.tanh((x + 0.0117) / 0.0529) -
    0.0175 * Math.tanh((x - 0.5692) / 0.0875)
  );
}
