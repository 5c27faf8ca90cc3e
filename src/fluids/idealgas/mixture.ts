/**
 * Ideal-gas mixtures from NASA-7 polynomials (GRI-Mech 3.0 data, `data/nasa7.ts`), valid from NASA7_TMIN to
 * NASA7_TMAX (200–3500 K) and any p > 0:
 *   cp = Σ x_i cp_i(T),  h = Σ x_i h_i(T),  s = Σ x_i s°_i(T) − R Σ x_i ln x_i − R ln(p/p0),  p0 = 1e5 Pa.
 * h includes the enthalpies of formation (elements at 298.15 K: h = 0), so h of reacting streams can be compared.
 * `mixture(composition)` sums the species' coefficients once (the mixing term goes into a7), so a mixture costs
 * exactly what one species costs; every method allocates nothing. Molar (per mol) and mass (per kg) bases are named.
 */
import { FluidInputError } from '../errors.js';
import { moleFractionVector, fractionsRecord, type Composition, type Fractions } from './composition.js';
import { MOLAR_GAS_CONSTANT as R, NASA7_TMAX, NASA7_TMIN, STANDARD_PRESSURE } from './constants.js';
import { cpR, hR, sR } from './nasa7.js';
import { BLOCK, SPECIES_COEFFS, SPECIES_COUNT, SPECIES_MOLAR_MASSES, speciesIndex, type SpeciesName } from './species.js';

const MAX_ITERATIONS = 100;

export class IdealGasMixture {
  /** Mole fractions of the species present. — */
  readonly moleFractions: Fractions;
  /** Mass fractions of the species present. — */
  readonly massFractions: Fractions;
  /** Molar mass. kg/mol */
  readonly molarMass: number;
  /** Specific gas constant R/M. J/(kg K) */
  readonly gasConstant: number;
  /** Lowest valid temperature. K */
  readonly Tmin = NASA7_TMIN;
  /** Highest valid temperature. K */
  readonly Tmax = NASA7_TMAX;
  /** Mole fractions over all species, index-aligned with SPECIES_NAMES. — */
  readonly x: ArrayLike<number>;

  /** The mixture's coefficient block (Σ x_i block_i, mixing term in a7). */
  private readonly c: Float64Array;
  /** h/R at Tmin and Tmax. K */
  private readonly hRMin: number;
  private readonly hRMax: number;
  /** s°/R (mixing included) at Tmin and Tmax. — */
  private readonly sRMin: number;
  private readonly sRMax: number;

  /** From a vector of mole fractions over all species (index-aligned with SPECIES_NAMES) summing to 1; `mixture()` takes named fractions. */
  constructor(x: ArrayLike<number>) {
    let sum = 0;
    for (let i = 0; i < x.length; i++) {
      if (!(x[i] >= 0 && x[i] <= 1)) throw new FluidInputError('IdealGasMixture', `x[${i}]`, x[i], 'a mole fraction from 0 to 1');
      sum += x[i];
    }
    if (x.length !== SPECIES_COUNT || !(Math.abs(sum - 1) <= 1e-9)) {
      throw new FluidInputError('IdealGasMixture', 'x', Array.from(x), `${SPECIES_COUNT} mole fractions summing to 1 within 1e-9`);
    }
    this.x = Float64Array.from(x);
    this.c = new Float64Array(BLOCK);
    let M = 0;
    let mixing = 0;
    for (let i = 0; i < SPECIES_COUNT; i++) {
      const xi = x[i];
      if (xi === 0) continue;
      const o = i * BLOCK;
      for (let k = 1; k < BLOCK; k++) this.c[k] += xi * SPECIES_COEFFS[o + k];
      this.c[0] = SPECIES_COEFFS[o];
      M += xi * SPECIES_MOLAR_MASSES[i];
      mixing -= xi * Math.log(xi);
    }
    this.c[7] += mixing;
    this.c[14] += mixing;
    this.molarMass = M;
    this.gasConstant = R / M;
    this.moleFractions = fractionsRecord(this.x);
    const y = new Float64Array(SPECIES_COUNT);
    for (let i = 0; i < SPECIES_COUNT; i++) y[i] = (x[i] * SPECIES_MOLAR_MASSES[i]) / M;
    this.massFractions = fractionsRecord(y);
    this.hRMin = hR(this.c, 0, this.Tmin);
    this.hRMax = hR(this.c, 0, this.Tmax);
    this.sRMin = sR(this.c, 0, this.Tmin);
    this.sRMax = sR(this.c, 0, this.Tmax);
  }

  /** Isobaric heat capacity per mole. J/(mol K) */
  cpMolar(T: number): number {
    this.checkT(T, 'cpMolar');
    return R * cpR(this.c, 0, T);
  }

  /** Isobaric heat capacity per kg. J/(kg K) */
  cpMass(T: number): number {
    this.checkT(T, 'cpMass');
    return this.gasConstant * cpR(this.c, 0, T);
  }

  /** Enthalpy per mole, including enthalpies of formation. J/mol */
  hMolar(T: number): number {
    this.checkT(T, 'hMolar');
    return R * hR(this.c, 0, T);
  }

  /** Enthalpy per kg, including enthalpies of formation. J/kg */
  hMass(T: number): number {
    this.checkT(T, 'hMass');
    return this.gasConstant * hR(this.c, 0, T);
  }

  /** Entropy per mole at T and p, mixing term included. J/(mol K) */
  sMolar(T: number, p: number): number {
    this.checkT(T, 'sMolar');
    this.checkP(p, 'sMolar');
    return R * (sR(this.c, 0, T) - Math.log(p / STANDARD_PRESSURE));
  }

  /** Entropy per kg at T and p, mixing term included. J/(kg K) */
  sMass(T: number, p: number): number {
    this.checkT(T, 'sMass');
    this.checkP(p, 'sMass');
    return this.gasConstant * (sR(this.c, 0, T) - Math.log(p / STANDARD_PRESSURE));
  }

  /** Temperature at which hMolar(T) = hMolar. K */
  T_hMolar(hMolar: number): number {
    return this.solve(0, hMolar / R, 'T_hMolar', 'hMolar', hMolar, R, 'J/mol');
  }

  /** Temperature at which hMass(T) = hMass. K */
  T_hMass(hMass: number): number {
    return this.solve(0, hMass / this.gasConstant, 'T_hMass', 'hMass', hMass, this.gasConstant, 'J/kg');
  }

  /** Temperature at which sMolar(T, p) = sMolar. K */
  T_sMolar(sMolar: number, p: number): number {
    this.checkP(p, 'T_sMolar');
    return this.solve(1, sMolar / R + Math.log(p / STANDARD_PRESSURE), 'T_sMolar', 'sMolar', sMolar, R, 'J/(mol K)', p);
  }

  /** Temperature at which sMass(T, p) = sMass. K */
  T_sMass(sMass: number, p: number): number {
    this.checkP(p, 'T_sMass');
    return this.solve(1, sMass / this.gasConstant + Math.log(p / STANDARD_PRESSURE), 'T_sMass', 'sMass', sMass, this.gasConstant, 'J/(kg K)', p);
  }

  private checkT(T: number, quantity: string): void {
    if (!(T >= this.Tmin && T <= this.Tmax)) {
      throw new FluidInputError(`ideal-gas mixture ${quantity}`, 'T', T, `${this.Tmin} K ≤ T ≤ ${this.Tmax} K (NASA-7 polynomials)`, 'K');
    }
  }

  private checkP(p: number, quantity: string): void {
    if (!(p > 0 && p < Infinity)) throw new FluidInputError(`ideal-gas mixture ${quantity}`, 'p', p, 'a finite pressure > 0 Pa', 'Pa');
  }

  /**
   * Solves h/R(T) = target (which = 0) or s°/R(T) = target (which = 1) on [Tmin, Tmax] by Newton steps
   * (slopes cp/R and cp/(R T)) kept inside a shrinking bracket by bisection. Both are increasing (cp > 0), so a
   * target between the values at the ends has one root and the iteration always ends; the bracket test also ends
   * it where the tiny jump of the polynomials at Tmid straddles the target.
   */
  private solve(which: 0 | 1, target: number, quantity: string, field: string, value: number, scale: number, unit: string, p?: number): number {
    const fMin = which === 0 ? this.hRMin : this.sRMin;
    const fMax = which === 0 ? this.hRMax : this.sRMax;
    // Targets computed from a property at Tmin or Tmax may miss the end by round-off: accept 1e-12 relative.
    const slack = 1e-12 * (Math.abs(fMin) + Math.abs(fMax));
    if (!(target >= fMin - slack && target <= fMax + slack)) {
      const shift = which === 0 || p === undefined ? 0 : Math.log(p / STANDARD_PRESSURE);
      const at = p === undefined ? '' : ` at p = ${p} Pa`;
      throw new FluidInputError(
        `ideal-gas mixture ${quantity}`,
        field,
        value,
        `${scale * (fMin - shift)} ${unit} ≤ ${field} ≤ ${scale * (fMax - shift)} ${unit}${at} (T from ${this.Tmin} K to ${this.Tmax} K)`,
        unit,
      );
    }
    if (target <= fMin) return this.Tmin;
    if (target >= fMax) return this.Tmax;
    let lo = this.Tmin;
    let hi = this.Tmax;
    let T = lo + ((hi - lo) * (target - fMin)) / (fMax - fMin);
    for (let i = 0; i < MAX_ITERATIONS; i++) {
      const f = (which === 0 ? hR(this.c, 0, T) : sR(this.c, 0, T)) - target;
      if (f === 0) return T;
      if (f < 0) lo = T;
      else hi = T;
      const slope = which === 0 ? cpR(this.c, 0, T) : cpR(this.c, 0, T) / T;
      let next = T - f / slope;
      if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);
      const step = Math.abs(next - T);
      T = next;
      if (step <= 1e-13 * T || hi - lo <= 1e-13 * T) return T;
    }
    // Unreachable: bisection alone narrows the 3300 K bracket to round-off in about 45 steps.
    throw new Error(`ideal-gas mixture ${quantity}: no convergence in ${MAX_ITERATIONS} iterations, bracket [${lo}, ${hi}] K`);
  }
}

/** The mixture of a composition by mole or mass fractions (validated: see `composition.ts`). */
export function mixture(composition: Composition): IdealGasMixture {
  return new IdealGasMixture(moleFractionVector(composition, 'mixture'));
}

/** A pure species as a mixture of one. */
export function pureSpecies(name: SpeciesName): IdealGasMixture {
  const x = new Float64Array(SPECIES_COUNT);
  x[speciesIndex(name, 'pureSpecies')] = 1;
  return new IdealGasMixture(x);
}
