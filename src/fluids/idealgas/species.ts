/**
 * The species table built once from the generated NASA-7 data: coefficients as one Float64Array (15 numbers per
 * species: Tmid, then a1..a7 of the low range, then a1..a7 of the high range, with the high range's a6 and a7
 * shifted for continuity at Tmid, see below), molar masses, element counts, and the lookup from a name to its index.
 */
import { NASA7_SPECIES, NASA7_SPECIES_NAMES, type SpeciesName } from './data/nasa7.js';
import { FluidInputError } from '../errors.js';

export type { SpeciesName } from './data/nasa7.js';

/** Numbers per species (or per mixture) in a coefficient block. */
export const BLOCK = 15;

export const SPECIES_COUNT = NASA7_SPECIES.length;

/** The species names, index-aligned with every per-species array. */
export const SPECIES_NAMES: readonly SpeciesName[] = NASA7_SPECIES_NAMES;

/** Coefficient blocks of all species, species i at offset i·BLOCK. */
export const SPECIES_COEFFS = new Float64Array(SPECIES_COUNT * BLOCK);

/** Molar masses, kg/mol. */
export const SPECIES_MOLAR_MASSES = new Float64Array(SPECIES_COUNT);

/** The elements of the data, in a fixed order. */
export const ELEMENTS = [...new Set(NASA7_SPECIES.flatMap((s) => Object.keys(s.elements)))].sort();

/** Atoms of element e in species i at index i·ELEMENTS.length + e. */
export const SPECIES_ELEMENTS = new Float64Array(SPECIES_COUNT * ELEMENTS.length);

const INDEX = new Map<string, number>();

function hRT(a: readonly number[], T: number): number {
  return a[0] + (a[1] * T) / 2 + (a[2] * T * T) / 3 + (a[3] * T ** 3) / 4 + (a[4] * T ** 4) / 5 + a[5] / T;
}

function sOverR(a: readonly number[], T: number): number {
  return a[0] * Math.log(T) + a[1] * T + (a[2] * T * T) / 2 + (a[3] * T ** 3) / 3 + (a[4] * T ** 4) / 4 + a[6];
}

NASA7_SPECIES.forEach((s, i) => {
  // Mixture coefficients are mole-fraction-weighted sums of blocks, which needs one common Tmid.
  if (s.Tmid !== NASA7_SPECIES[0].Tmid) throw new Error(`NASA-7 data: ${s.name} has Tmid ${s.Tmid} K, not the common ${NASA7_SPECIES[0].Tmid} K`);
  const o = i * BLOCK;
  SPECIES_COEFFS[o] = s.Tmid;
  SPECIES_COEFFS.set(s.low, o + 1);
  SPECIES_COEFFS.set(s.high, o + 8);
  // The published ranges meet at Tmid only to the data's rounding (h/RT to 1.3e-5, s/R to 1.8e-5 for C3H8, 2e-6
  // for the others). A jump in h or s would make the inverses T(h), T(s) ambiguous there and spoil finite-difference
  // derivatives across Tmid, so the high range's integration constants a6, a7 are shifted to make h and s
  // continuous, keeping the low range (which holds the enthalpies of formation at 298.15 K) as published.
  const T = s.Tmid;
  SPECIES_COEFFS[o + 13] += T * (hRT(s.low, T) - hRT(s.high, T));
  SPECIES_COEFFS[o + 14] += sOverR(s.low, T) - sOverR(s.high, T);
  SPECIES_MOLAR_MASSES[i] = s.molarMass;
  for (const [el, n] of Object.entries(s.elements)) SPECIES_ELEMENTS[i * ELEMENTS.length + ELEMENTS.indexOf(el)] = n;
  INDEX.set(s.name, i);
});

/** Index of a species by name; throws naming the known species otherwise. */
export function speciesIndex(name: string, subject = 'species'): number {
  const i = INDEX.get(name);
  if (i === undefined) throw new FluidInputError(subject, 'species', name, `one of ${SPECIES_NAMES.join(', ')}`);
  return i;
}

/** Atoms of `element` in species i (0 if the element is not in the data). */
export function atoms(i: number, element: string): number {
  const e = ELEMENTS.indexOf(element);
  return e < 0 ? 0 : SPECIES_ELEMENTS[i * ELEMENTS.length + e];
}
