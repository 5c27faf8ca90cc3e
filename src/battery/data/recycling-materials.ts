/**
 * What a retired lithium-ion cell and its housing are made of, per chemistry: the basis from which
 * src/battery/recycling/materials.ts computes the material content per kWh of nameplate energy.
 *
 * The cathode active material (CAM) follows from stoichiometry (exact, IUPAC 2021 standard atomic weights) and the
 * practical specific capacity and mean voltage of the CAM: m_CAM = 1 kWh / (q · V). The graphite anode follows from
 * the cell's ampere-hours per kWh, a practical graphite capacity and the N/P ratio. The current collectors follow
 * from the electrode area, A = (A h per kWh) / (2 · areal capacity) (double-coated foils), times foil thickness and
 * density, plus an allowance for tabs; Al adds the cell case (a fraction of the cell); the electrolyte is a fraction
 * of the cell; the rest of the cell (separator, binder, conductive carbon, lid, terminals, insulation) is "other".
 * The housing (module and pack: everything of a unit that is not cell) is split by fixed fractions.
 *
 * Source and date: compiled 2026-12-07 for issue 15. The capacities, voltages, cell specific energies and the
 * cell and housing fractions are typical values of commercial prismatic cells (the 280 Ah LFP storage cell weighs
 * about 5.4 kg at 3.2 V: 166 Wh/kg), NOT a teardown of a named product: they are assumptions in the published
 * ranges, to be replaced by a teardown of the actual feed (../shared/research/recycling_sources.md has no
 * per-kWh bill of materials). Electrode recipes (88-89 wt% CAM in the cathode coating) as reported by
 * batteryswapstation.com, "Recycle lithium batteries industry report".
 */

/** The chemistries the recycling line takes. */
export const RECYCLING_CHEMISTRIES = ['LFP', 'NCM523', 'NCM622', 'NCM811'] as const;
export type RecyclingChemistry = (typeof RECYCLING_CHEMISTRIES)[number];

/** Materials tracked through the line (elements of the CAM; the other components as such). */
export const MATERIALS = ['Li', 'Ni', 'Co', 'Mn', 'Fe', 'P', 'O', 'graphite', 'Cu', 'Al', 'electrolyte', 'steel', 'plastics', 'other'] as const;
export type Material = (typeof MATERIALS)[number];

/** Standard atomic weights (IUPAC 2021, abridged); g/mol. */
/** Densities of the foils; kg/m³. */
export const FOIL_DENSITY = { Cu: 8960, Al: 2700 } as const;

export const ATOMIC_MASS = { Li: 6.94, Ni: 58.693, Co: 58.933, Mn: 54.938, Fe: 55.845, P: 30.974, O: 15.999, C: 12.011, S: 32.06 } as const;

export interface ChemistryBasis {
  /** Moles of each CAM element per mole of CAM (LiFePO4; LiNi_xMn_yCo_zO2). */
  readonly formula: Partial<Record<'Li' | 'Ni' | 'Co' | 'Mn' | 'Fe' | 'P' | 'O', number>>;
  /** Practical specific capacity of the CAM; A h/kg (= mAh/g). */
  readonly camCapacity: number;
  /** Mean discharge voltage; V. */
  readonly voltage: number;
  /** Cell specific energy at nameplate; W h/kg. */
  readonly cellSpecificEnergy: number;
  /** Practical graphite capacity; A h/kg. */
  readonly graphiteCapacity: number;
  /** Negative-to-positive capacity ratio; 1. */
  readonly npRatio: number;
  /** Capacity per electrode area and side; A h/m² (1 mAh/cm² = 10 A h/m²). */
  readonly arealCapacity: number;
  /** Anode Cu foil thickness; m. */
  readonly cuFoil: number;
  /** Cathode Al foil thickness; m. */
  readonly alFoil: number;
  /** Tabs and internal connectors over the foils' mass; 1. */
  readonly tabAllowance: number;
  /** Al case (prismatic can and lid) as a fraction of cell mass; 1. */
  readonly caseAlFraction: number;
  /** Electrolyte (LiPF6 in carbonates) as a fraction of cell mass; 1. */
  readonly electrolyteFraction: number;
  /** What the numbers are. */
  readonly note: string;
}

export const CHEMISTRY_BASIS: Readonly<Record<RecyclingChemistry, ChemistryBasis>> = {
  LFP: {
    formula: { Li: 1, Fe: 1, P: 1, O: 4 },
    camCapacity: 150,
    voltage: 3.2,
    cellSpecificEnergy: 165,
    graphiteCapacity: 340,
    npRatio: 1.1,
    arealCapacity: 33,
    cuFoil: 6e-6,
    alFoil: 13e-6,
    tabAllowance: 0.1,
    caseAlFraction: 0.07,
    electrolyteFraction: 0.15,
    note: 'large-format prismatic LFP/graphite storage cell (280 Ah class, ≈5.4 kg, 3.2 V; thick electrodes, 6 µm Cu, 13 µm Al)',
  },
  NCM523: {
    formula: { Li: 1, Ni: 0.5, Mn: 0.3, Co: 0.2, O: 2 },
    camCapacity: 160,
    voltage: 3.65,
    cellSpecificEnergy: 220,
    graphiteCapacity: 340,
    npRatio: 1.1,
    arealCapacity: 35,
    cuFoil: 8e-6,
    alFoil: 12e-6,
    tabAllowance: 0.1,
    caseAlFraction: 0.06,
    electrolyteFraction: 0.12,
    note: 'prismatic NCM523/graphite EV cell',
  },
  NCM622: {
    formula: { Li: 1, Ni: 0.6, Mn: 0.2, Co: 0.2, O: 2 },
    camCapacity: 175,
    voltage: 3.65,
    cellSpecificEnergy: 240,
    graphiteCapacity: 340,
    npRatio: 1.1,
    arealCapacity: 35,
    cuFoil: 8e-6,
    alFoil: 12e-6,
    tabAllowance: 0.1,
    caseAlFraction: 0.06,
    electrolyteFraction: 0.12,
    note: 'prismatic NCM622/graphite EV cell',
  },
  NCM811: {
    formula: { Li: 1, Ni: 0.8, Mn: 0.1, Co: 0.1, O: 2 },
    camCapacity: 195,
    voltage: 3.6,
    cellSpecificEnergy: 250,
    graphiteCapacity: 340,
    npRatio: 1.1,
    arealCapacity: 35,
    cuFoil: 8e-6,
    alFoil: 12e-6,
    tabAllowance: 0.1,
    caseAlFraction: 0.06,
    electrolyteFraction: 0.12,
    note: 'prismatic NCM811/graphite EV cell',
  },
};

/**
 * Split of the housing (module frames, pack or rack enclosure, busbars, cables, BMS): fractions of the housing
 * mass, summing to 1. Assumed for a steel-framed module/pack with aluminium cooling plates.
 */
export const HOUSING_SPLIT: Readonly<Record<'steel' | 'Al' | 'Cu' | 'plastics', number>> = { steel: 0.55, Al: 0.25, Cu: 0.05, plastics: 0.15 };
