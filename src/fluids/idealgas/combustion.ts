/**
 * Complete combustion of a gaseous fuel (any mix of CH4, C2H6, C3H8, H2, CO with N2, CO2, Ar, H2O as inerts) in an
 * oxidiser (air or any mix of O2, N2, Ar, CO2, H2O) with excess oxidiser, by element balance:
 *   C → CO2,  H → H2O,  N → N2,  Ar → Ar,  and O2 left over = (λ − 1) · O2 demand,
 * with O2 demand = Σ x_i (C_i + H_i/4 − O_i/2) per mole of fuel and λ = O2 supplied / O2 demand (excess-air
 * fraction = λ − 1). No dissociation, no CO or unburnt fuel: valid for lean combustion (λ ≥ 1) at gas-turbine
 * temperatures where dissociation is small (it lowers real flame temperatures above about 2000 K).
 */
import { FluidInputError } from '../errors.js';
import { normaliseAmounts } from './composition.js';
import { IdealGasMixture } from './mixture.js';
import { SPECIES_COUNT, SPECIES_NAMES, atoms, speciesIndex, type SpeciesName } from './species.js';

/** Species a fuel may contain. */
export const FUEL_SPECIES: readonly SpeciesName[] = ['CH4', 'C2H6', 'C3H8', 'H2', 'CO', 'N2', 'CO2', 'Ar', 'H2O'];
/** Species an oxidiser may contain. */
export const OXIDISER_SPECIES: readonly SpeciesName[] = ['O2', 'N2', 'Ar', 'CO2', 'H2O'];

/** How much oxidiser: λ (O2 supplied / O2 needed) or the excess-air fraction λ − 1. */
export type AirExcess = { readonly lambda: number } | { readonly excessAir: number };

export interface Combustion {
  readonly fuel: IdealGasMixture;
  readonly oxidiser: IdealGasMixture;
  /** O2 supplied / O2 needed for complete combustion. — */
  readonly lambda: number;
  /** O2 needed for complete combustion per mole of fuel. mol/mol */
  readonly oxygenDemandMolar: number;
  /** Oxidiser per fuel, by moles. mol/mol */
  readonly oxidiserPerFuelMolar: number;
  /** Oxidiser per fuel, by mass. kg/kg */
  readonly oxidiserPerFuelMass: number;
  /** Products per fuel, by moles. mol/mol */
  readonly productsPerFuelMolar: number;
  /** Products per fuel, by mass (1 + oxidiserPerFuelMass). kg/kg */
  readonly productsPerFuelMass: number;
  /** The flue gas: CO2, H2O, N2, Ar and the excess O2. */
  readonly products: IdealGasMixture;
}

const O2 = speciesIndex('O2');
const CO2 = speciesIndex('CO2');
const H2O = speciesIndex('H2O');
const N2 = speciesIndex('N2');
const AR = speciesIndex('Ar');

function checkSpecies(m: IdealGasMixture, allowed: readonly SpeciesName[], subject: string, role: string): void {
  for (let i = 0; i < SPECIES_COUNT; i++) {
    if (m.x[i] > 0 && !allowed.includes(SPECIES_NAMES[i])) {
      throw new FluidInputError(subject, `${role}.moleFractions.${SPECIES_NAMES[i]}`, m.x[i], `0 (a ${role} may contain ${allowed.join(', ')})`);
    }
  }
}

/** O2 needed for complete combustion of one mole of fuel. mol/mol */
export function oxygenDemand(fuel: IdealGasMixture): number {
  checkSpecies(fuel, FUEL_SPECIES, 'oxygenDemand', 'fuel');
  let demand = 0;
  for (let i = 0; i < SPECIES_COUNT; i++) {
    if (fuel.x[i] > 0) demand += fuel.x[i] * (atoms(i, 'C') + atoms(i, 'H') / 4 - atoms(i, 'O') / 2);
  }
  return demand;
}

function lambdaOf(excess: AirExcess, subject: string): number {
  const e = excess as { lambda?: unknown; excessAir?: unknown };
  if (typeof e === 'object' && e !== null && e.lambda !== undefined && e.excessAir === undefined) {
    const lambda = e.lambda;
    if (typeof lambda !== 'number' || !(lambda >= 1 && lambda < Infinity)) {
      throw new FluidInputError(subject, 'lambda', lambda, '1 ≤ lambda < Infinity (complete combustion; rich mixtures are not modelled)');
    }
    return lambda;
  }
  if (typeof e === 'object' && e !== null && e.excessAir !== undefined && e.lambda === undefined) {
    const excessAir = e.excessAir;
    if (typeof excessAir !== 'number' || !(excessAir >= 0 && excessAir < Infinity)) {
      throw new FluidInputError(subject, 'excessAir', excessAir, '0 ≤ excessAir < Infinity (complete combustion; rich mixtures are not modelled)');
    }
    return 1 + excessAir;
  }
  throw new FluidInputError(subject, 'excess', excess, 'an object with exactly one of lambda or excessAir');
}

/** Complete combustion of `fuel` in `oxidiser` with the given λ or excess-air fraction. */
export function burn(fuel: IdealGasMixture, oxidiser: IdealGasMixture, excess: AirExcess): Combustion {
  const lambda = lambdaOf(excess, 'burn');
  const demand = oxygenDemand(fuel);
  checkSpecies(oxidiser, OXIDISER_SPECIES, 'burn', 'oxidiser');
  if (!(oxidiser.x[O2] > 0)) throw new FluidInputError('burn', 'oxidiser.moleFractions.O2', oxidiser.x[O2], 'a fraction > 0');
  if (!(demand > 0)) throw new FluidInputError('burn', 'fuel', fuel.moleFractions, 'a fuel with at least one of CH4, C2H6, C3H8, H2, CO');
  const nOx = (lambda * demand) / oxidiser.x[O2];
  const n = new Float64Array(SPECIES_COUNT);
  for (let i = 0; i < SPECIES_COUNT; i++) {
    const amount = fuel.x[i] + nOx * oxidiser.x[i];
    if (amount === 0 || i === O2) continue;
    n[CO2] += amount * atoms(i, 'C');
    n[H2O] += (amount * atoms(i, 'H')) / 2;
    n[N2] += (amount * atoms(i, 'N')) / 2;
    n[AR] += amount * atoms(i, 'Ar');
  }
  // the oxygen balance closes by construction: O2 supplied − O2 consumed
  n[O2] = (lambda - 1) * demand;
  let total = 0;
  for (let i = 0; i < SPECIES_COUNT; i++) total += n[i];
  const oxidiserPerFuelMass = (nOx * oxidiser.molarMass) / fuel.molarMass;
  return {
    fuel,
    oxidiser,
    lambda,
    oxygenDemandMolar: demand,
    oxidiserPerFuelMolar: nOx,
    oxidiserPerFuelMass,
    productsPerFuelMolar: total,
    productsPerFuelMass: 1 + oxidiserPerFuelMass,
    products: new IdealGasMixture(normaliseAmounts(n)),
  };
}

/** λ of a combustor fed with the given mass flows of fuel and oxidiser (both kg/s). — */
export function lambdaFromMassFlows(fuel: IdealGasMixture, oxidiser: IdealGasMixture, fuelMassFlow: number, oxidiserMassFlow: number): number {
  if (!(fuelMassFlow > 0 && fuelMassFlow < Infinity)) throw new FluidInputError('lambdaFromMassFlows', 'fuelMassFlow', fuelMassFlow, 'a finite mass flow > 0 kg/s', 'kg/s');
  if (!(oxidiserMassFlow > 0 && oxidiserMassFlow < Infinity)) {
    throw new FluidInputError('lambdaFromMassFlows', 'oxidiserMassFlow', oxidiserMassFlow, 'a finite mass flow > 0 kg/s', 'kg/s');
  }
  checkSpecies(oxidiser, OXIDISER_SPECIES, 'lambdaFromMassFlows', 'oxidiser');
  const o2Supplied = (oxidiserMassFlow / oxidiser.molarMass) * oxidiser.x[O2];
  return o2Supplied / ((fuelMassFlow / fuel.molarMass) * oxygenDemand(fuel));
}
