/**
 * Phase-change materials for latent cold stores: melting temperature, latent heat, heat capacities and density, each
 * with its source. A material is chosen for a store by melting between the temperatures the store must give and
 * take: for the liquid CO2 template's low-pressure side, between the charge's evaporation and the discharge's
 * condensation of CO2. n-Decane (−29.75 degC) suits a Dowtherm Q loop but holds the LP tank at 12–17 bar; n-nonane
 * (−53.5 degC) melts 3.1 K above CO2's triple point (216.59 K), so the LP tank sits near it (5–7 bar) as in the
 * published LCES designs — with a loop liquid valid there (not Dowtherm Q, valid from −35 degC) and the loop's swing
 * plus the evaporator's pinch under 2.6 K (liquid-co2/conditions.ts refuses more, naming the field).
 *
 * n-Decane (C10H22, M = 142.282 g/mol):
 *   - melting (triple-point) temperature 243.4 ± 0.3 K: NIST Chemistry WebBook, SRD 69, n-decane phase-change data,
 *     the average of 9 triple-point values (its Tfus average over 23 values is 243.3 ± 0.6 K);
 *   - enthalpy of fusion 28.71 kJ/mol = 201.8 kJ/kg: Finke, Gross, Waddington, Huffman 1954, J. Am. Chem. Soc. 76,
 *     333 ("Low-temperature thermal data for the nine normal paraffin hydrocarbons from octane to hexadecane"), as
 *     listed by the NIST WebBook;
 *   - liquid heat capacity 314.4 J/(mol K) = 2210 J/(kg K) at 298.15 K, same source (near the melting point the liquid's
 *     is a few per cent lower: the value overstates the small sensible heat above melting);
 *   - liquid density 730 kg/m³ at 20 degC: CRC Handbook of Chemistry and Physics, physical constants of organic
 *     compounds (the liquid is denser when cold, and alkanes shrink on freezing: a vessel sized on this density
 *     holds the bed in every state);
 *   - solid heat capacity near melting: no tabulated value was read. ASSUMPTION: 0.8 of the liquid's, the order of
 *     the solid-to-liquid ratio of n-alkanes just below their melting points; it only sets the sensible heat of a
 *     fully frozen bed (coldStore.phaseChange.sensibleBand, a few kelvin: ≈ 2 % of the latent heat).
 *
 * n-Nonane (C9H20, M = 128.255 g/mol; IUPAC atomic weights):
 *   - melting (triple-point) temperature 219.66 K and enthalpy of fusion 15.47 kJ/mol = 120.6 kJ/kg: Finke, Gross,
 *     Waddington, Huffman 1954 (above), as the NIST WebBook lists them. The pages were not re-read in this work (the
 *     search found the WebBook's pages for neighbouring compounds, not n-nonane's): the values are those given for the
 *     task and commonly cited from that paper (T_m 219.7 K, 15.5 kJ/mol) — check them against the paper;
 *   - n-nonane, an odd alkane, also has a solid-solid (rotator) transition about 2.5 K below melting (≈ 217.2 K,
 *     ≈ 6.3 kJ/mol in the same paper, also not re-read). It is NOT modelled: the charge boils CO2 above 217 K, so a
 *     bed seldom gets there; a bed that did would store that heat too (the model then understates it);
 *   - liquid heat capacity 284.4 J/(mol K) = 2217 J/(kg K) at 298.15 K (same source, as above for n-decane; ASSUMPTION
 *     that it is the value: not re-read);
 *   - liquid density 718 kg/m³ at 20 degC: CRC Handbook (0.7176 g/cm³; not re-read here), the vessel's basis as above;
 *   - solid heat capacity: ASSUMPTION 0.8 of the liquid's, as for n-decane.
 */

/** One phase-change material. SI units. */
export interface PhaseChangeMaterial {
  readonly id: string;
  readonly name: string;
  /** Melting temperature. Unit: K */
  readonly meltingTemperature: number;
  /** Latent heat of fusion. Unit: J/kg */
  readonly latentHeat: number;
  /** Specific heat capacity of the solid near the melting point. Unit: J/(kg K) */
  readonly cpSolid: number;
  /** Specific heat capacity of the liquid. Unit: J/(kg K) */
  readonly cpLiquid: number;
  /** Density of the liquid (the larger volume: what a vessel is sized on). Unit: kg/m³ */
  readonly rhoLiquid: number;
  /** Where each value comes from. */
  readonly source: string;
}

const DECANE_MOLAR_MASS = 0.142282; // kg/mol
const DECANE_CP_LIQUID = 314.4 / DECANE_MOLAR_MASS;

export const N_DECANE: PhaseChangeMaterial = {
  id: 'n-decane',
  name: 'n-decane',
  meltingTemperature: 243.4,
  latentHeat: 28710 / DECANE_MOLAR_MASS,
  cpSolid: 0.8 * DECANE_CP_LIQUID,
  cpLiquid: DECANE_CP_LIQUID,
  rhoLiquid: 730,
  source: 'NIST Chemistry WebBook SRD 69 (T_triple 243.4 K, average of 9); Finke et al. 1954, J. Am. Chem. Soc. 76, 333 (fusion 28.71 kJ/mol, liquid c_p 314.4 J/(mol K) at 298.15 K); CRC Handbook (730 kg/m3 at 20 degC); solid c_p 0.8 of the liquid\'s (assumption)',
};

const NONANE_MOLAR_MASS = 0.128255; // kg/mol
const NONANE_CP_LIQUID = 284.4 / NONANE_MOLAR_MASS;

export const N_NONANE: PhaseChangeMaterial = {
  id: 'n-nonane',
  name: 'n-nonane',
  meltingTemperature: 219.66,
  latentHeat: 15470 / NONANE_MOLAR_MASS,
  cpSolid: 0.8 * NONANE_CP_LIQUID,
  cpLiquid: NONANE_CP_LIQUID,
  rhoLiquid: 718,
  source: 'Finke et al. 1954, J. Am. Chem. Soc. 76, 333, as listed by the NIST Chemistry WebBook (T_triple 219.66 K, fusion 15.47 kJ/mol, liquid c_p 284.4 J/(mol K) at 298.15 K; not re-read: check); CRC Handbook (718 kg/m3 at 20 degC); solid c_p 0.8 of the liquid\'s (assumption); the solid-solid transition near 217.2 K is not modelled',
};

/** The materials a plant file may name. */
export const PHASE_CHANGE_MATERIALS = ['n-decane', 'n-nonane'] as const;
export type PhaseChangeMaterialId = (typeof PHASE_CHANGE_MATERIALS)[number];

const BY_ID: Readonly<Record<PhaseChangeMaterialId, PhaseChangeMaterial>> = { 'n-decane': N_DECANE, 'n-nonane': N_NONANE };

export function phaseChangeMaterial(id: PhaseChangeMaterialId): PhaseChangeMaterial {
  return BY_ID[id];
}
