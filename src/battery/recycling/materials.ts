/**
 * Material content of retired units (packs or modules) by chemistry, from the basis in
 * ../data/recycling-materials.ts: per joule of nameplate energy for the cells, and the housing as what is left of
 * the unit's mass. Mass is conserved by construction: Σ materials = unit mass.
 */
import { ATOMIC_MASS, CHEMISTRY_BASIS, FOIL_DENSITY, HOUSING_SPLIT, MATERIALS, type Material, type RecyclingChemistry } from '../data/recycling-materials.js';
import { RecyclingInputError } from './errors.js';

export type MaterialMasses = Record<Material, number>;

const J_PER_WH = 3600;

export const zeroMasses = (): MaterialMasses => Object.fromEntries(MATERIALS.map((m) => [m, 0])) as MaterialMasses;

/** Mass fractions of the CAM's elements (stoichiometry); 1. */
export function camFractions(chemistry: RecyclingChemistry): Partial<Record<Material, number>> {
  const f = CHEMISTRY_BASIS[chemistry].formula;
  let molar = 0;
  for (const [el, n] of Object.entries(f)) molar += n * ATOMIC_MASS[el as keyof typeof ATOMIC_MASS];
  const out: Partial<Record<Material, number>> = {};
  for (const [el, n] of Object.entries(f)) out[el as Material] = (n * ATOMIC_MASS[el as keyof typeof ATOMIC_MASS]) / molar;
  return out;
}

/** Cell mass per nameplate energy; kg/J. */
export function cellMassPerEnergy(chemistry: RecyclingChemistry): number {
  return 1 / (CHEMISTRY_BASIS[chemistry].cellSpecificEnergy * J_PER_WH);
}

/**
 * Cell material content per nameplate energy; kg/J. CAM = 1/(q V); graphite = (1/V) · N/P / q_graphite;
 * foils = area × thickness × density × (1 + tabs), area = (1/V) / (2 · areal capacity); Al adds the case;
 * electrolyte a fraction of the cell; "other" the rest.
 */
export function cellContentPerEnergy(chemistry: RecyclingChemistry): MaterialMasses {
  const b = CHEMISTRY_BASIS[chemistry];
  const cell = cellMassPerEnergy(chemistry);
  const cam = 1 / (b.camCapacity * b.voltage * J_PER_WH);
  const graphite = (b.npRatio / (b.voltage * b.graphiteCapacity)) / J_PER_WH;
  const out = zeroMasses();
  for (const [el, w] of Object.entries(camFractions(chemistry))) out[el as Material] = cam * (w as number);
  out.graphite = graphite;
  // electrode area per joule: (A h per J) / (2 sides × A h per m²)
  const area = 1 / (b.voltage * J_PER_WH) / (2 * b.arealCapacity);
  out.Cu = area * b.cuFoil * FOIL_DENSITY.Cu * (1 + b.tabAllowance);
  out.Al = area * b.alFoil * FOIL_DENSITY.Al * (1 + b.tabAllowance) + b.caseAlFraction * cell;
  out.electrolyte = b.electrolyteFraction * cell;
  out.other = cell - cam - graphite - out.Cu - out.Al - out.electrolyte;
  if (out.other < 0) throw new Error(`recycling-materials: the ${chemistry} basis leaves a negative remainder (${out.other} kg/J): fix the data`);
  return out;
}

/** CAM mass per nameplate energy; kg/J. */
export function camPerEnergy(chemistry: RecyclingChemistry): number {
  const b = CHEMISTRY_BASIS[chemistry];
  return 1 / (b.camCapacity * b.voltage * J_PER_WH);
}

/**
 * What one unit is made of; kg. The cells follow from the nameplate energy; the housing is the rest of the unit's
 * mass, split by HOUSING_SPLIT. A unit lighter than its cells is refused, naming `field`.
 */
export function unitComposition(chemistry: RecyclingChemistry, unitMass: number, unitEnergy: number, field: string): { readonly cells: MaterialMasses; readonly housing: MaterialMasses } {
  const cells = cellContentPerEnergy(chemistry);
  for (const m of MATERIALS) cells[m] *= unitEnergy;
  const cellMass = unitEnergy * cellMassPerEnergy(chemistry);
  const housingMass = unitMass - cellMass;
  if (housingMass < 0) {
    const whPerKg = CHEMISTRY_BASIS[chemistry].cellSpecificEnergy;
    throw new RecyclingInputError(`${field}.unitMass`, `${unitMass} kg`, `at least the mass of its cells, ${cellMass.toFixed(1)} kg (${(unitEnergy / J_PER_WH / 1000).toFixed(2)} kWh at ${whPerKg} Wh/kg of ${chemistry} cell)`);
  }
  const housing = zeroMasses();
  housing.steel = HOUSING_SPLIT.steel * housingMass;
  housing.Al = HOUSING_SPLIT.Al * housingMass;
  housing.Cu = HOUSING_SPLIT.Cu * housingMass;
  housing.plastics = HOUSING_SPLIT.plastics * housingMass;
  return { cells, housing };
}
