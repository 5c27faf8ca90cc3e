/**
 * Compositions of ideal-gas mixtures by mole or by mass fractions: validation (known species, finite, non-negative,
 * summing to 1 within `COMPOSITION_DEFAULTS.sumTolerance`), explicit normalisation, and mole/mass conversion.
 * A sum that is off is an error, never silently rescaled; `normaliseFractions` rescales when the caller asks.
 */
import { FluidInputError } from '../errors.js';
import { SPECIES_COUNT, SPECIES_MOLAR_MASSES, SPECIES_NAMES, speciesIndex, type SpeciesName } from './species.js';

export type Fractions = Readonly<Partial<Record<SpeciesName, number>>>;

/** A composition by mole fractions or by mass fractions (exactly one of the two). */
export type Composition = { readonly moleFractions: Fractions } | { readonly massFractions: Fractions };

export const COMPOSITION_DEFAULTS = {
  /** Largest accepted |Σ fractions − 1|. — */
  sumTolerance: 1e-9,
} as const;

function checkedEntries(fractions: unknown, subject: string, field: string): Array<[number, number]> {
  if (typeof fractions !== 'object' || fractions === null || Array.isArray(fractions)) {
    throw new FluidInputError(subject, field, fractions, 'an object of species → fraction');
  }
  const out: Array<[number, number]> = [];
  for (const [name, value] of Object.entries(fractions)) {
    const i = speciesIndex(name, `${subject} ${field}`);
    if (typeof value !== 'number' || !(value >= 0 && value <= 1)) {
      throw new FluidInputError(subject, `${field}.${name}`, value, 'a number from 0 to 1');
    }
    out.push([i, value]);
  }
  return out;
}

/** The fractions divided by their sum: the explicit normalisation (unknown species and negative values still throw). */
export function normaliseFractions(fractions: Readonly<Record<string, number>>, subject = 'normaliseFractions'): Fractions {
  if (typeof fractions !== 'object' || fractions === null) throw new FluidInputError(subject, 'fractions', fractions, 'an object of species → fraction');
  let sum = 0;
  for (const [name, value] of Object.entries(fractions)) {
    speciesIndex(name, subject);
    if (typeof value !== 'number' || !(value >= 0 && value < Infinity)) {
      throw new FluidInputError(subject, `fractions.${name}`, value, 'a finite number ≥ 0');
    }
    sum += value;
  }
  if (!(sum > 0)) throw new FluidInputError(subject, 'sum of fractions', sum, 'a sum > 0');
  const out: Partial<Record<SpeciesName, number>> = {};
  for (const [name, value] of Object.entries(fractions)) out[name as SpeciesName] = value / sum;
  return out;
}

/** Validated mole fractions as a vector over all species (index-aligned with SPECIES_NAMES), summing to 1. */
export function moleFractionVector(composition: Composition, subject = 'mixture'): Float64Array {
  const c = composition as { moleFractions?: unknown; massFractions?: unknown };
  const hasMole = typeof c === 'object' && c !== null && c.moleFractions !== undefined;
  const hasMass = typeof c === 'object' && c !== null && c.massFractions !== undefined;
  if (hasMole === hasMass) {
    throw new FluidInputError(subject, 'composition', composition, 'an object with exactly one of moleFractions or massFractions');
  }
  const field = hasMole ? 'moleFractions' : 'massFractions';
  const entries = checkedEntries(hasMole ? c.moleFractions : c.massFractions, subject, field);
  let sum = 0;
  for (const [, v] of entries) sum += v;
  if (!(Math.abs(sum - 1) <= COMPOSITION_DEFAULTS.sumTolerance)) {
    throw new FluidInputError(
      subject,
      `sum of ${field}`,
      sum,
      `1 within ${COMPOSITION_DEFAULTS.sumTolerance} (normaliseFractions(...) rescales explicitly)`,
    );
  }
  const x = new Float64Array(SPECIES_COUNT);
  let total = 0;
  for (const [i, v] of entries) {
    const n = hasMole ? v : v / SPECIES_MOLAR_MASSES[i];
    x[i] += n;
    total += n;
  }
  for (let i = 0; i < SPECIES_COUNT; i++) x[i] /= total;
  return x;
}

/** Mole fractions from a vector of amounts (any positive scale), as a vector summing to 1. */
export function normaliseAmounts(amounts: Float64Array): Float64Array {
  let total = 0;
  for (let i = 0; i < amounts.length; i++) total += amounts[i];
  const x = new Float64Array(amounts.length);
  for (let i = 0; i < amounts.length; i++) x[i] = amounts[i] / total;
  return x;
}

/** A mole-fraction vector as a record of the species present. */
export function fractionsRecord(vector: ArrayLike<number>): Fractions {
  const out: Partial<Record<SpeciesName, number>> = {};
  for (let i = 0; i < vector.length; i++) if (vector[i] > 0) out[SPECIES_NAMES[i]] = vector[i];
  return out;
}
