/**
 * A storage liquid defined by its user from published correlations: density, heat capacity and, optionally,
 * viscosity and conductivity as polynomials in the temperature, with the range the source states and the source
 * itself. It becomes an `IncompressibleLiquid` — the same model as the shipped liquids (h and s integrated from cp,
 * p-terms from v(T), CoolProp's INCOMP reference state) — so it serves wherever a shipped liquid does.
 *
 *   ρ(T) = Σ rho_i x^i,  cp(T) = Σ cp_i x^i,  μ(T) = Σ mu_i x^i,  k(T) = Σ k_i x^i,
 *   x = T − 273.15 K for `variable: 'degC'` (as most correlations are published), x = T for 'K'.
 *
 * Outside [Tmin, Tmax] every property throws a FluidInputError naming the range, as for the shipped liquids; a
 * property without a correlation throws naming what is missing (never NaN). No vapour pressure: the liquid is taken
 * as liquid at every pressure ≥ 0 inside its range.
 */
import { FluidInputError } from '../errors.js';
import { IncompressibleLiquid } from './liquid.js';
import type { IncompressibleLiquidData } from './types.js';

export interface LiquidCorrelations {
  /** Short identifier, used as the stream's fluid name ('HitecXL'). */
  readonly id: string;
  /** Name for people (default: the id). */
  readonly name?: string;
  /** Where the correlations are published (a citation, a DOI). */
  readonly source: string;
  /** Lowest temperature the source states the correlations for. Unit: K */
  readonly Tmin: number;
  /** Highest temperature the source states the correlations for. Unit: K */
  readonly Tmax: number;
  /** The polynomials' variable: t in degC (T − 273.15 K) or T in K. */
  readonly variable: 'degC' | 'K';
  /** Density coefficients, lowest power first. Unit: kg/m³ per variable^i */
  readonly rho: readonly number[];
  /** Isobaric heat-capacity coefficients. Unit: J/(kg K) per variable^i */
  readonly cp: readonly number[];
  /** Dynamic-viscosity coefficients (optional). Unit: Pa s per variable^i */
  readonly mu?: readonly number[];
  /** Thermal-conductivity coefficients (optional). Unit: W/(m K) per variable^i */
  readonly k?: readonly number[];
}

/** Points per kelvin-range at which a correlation must stay positive (besides both ends). */
const POSITIVITY_SAMPLES = 200;

const CELSIUS = 273.15;

function polynomialValue(c: readonly number[], x: number): number {
  let y = 0;
  for (let i = c.length - 1; i >= 0; i--) y = y * x + c[i];
  return y;
}

/** Checks a definition; every mistake is a FluidInputError naming the field (`liquid HitecXL`, `cp`). */
function check(def: LiquidCorrelations): void {
  const where = `liquid ${typeof def.id === 'string' && def.id ? def.id : '?'}`;
  if (typeof def.id !== 'string' || !/^[A-Za-z][A-Za-z0-9_\-]*$/.test(def.id)) throw new FluidInputError(where, 'id', def.id, 'letters, digits, "_" and "-", starting with a letter');
  if (typeof def.source !== 'string' || def.source.trim() === '') throw new FluidInputError(where, 'source', def.source, 'the publication the correlations come from');
  if (def.variable !== 'degC' && def.variable !== 'K') throw new FluidInputError(where, 'variable', def.variable, "'degC' (t = T − 273.15 K) or 'K'");
  if (!(Number.isFinite(def.Tmin) && def.Tmin > 0)) throw new FluidInputError(where, 'Tmin', def.Tmin, 'Tmin > 0 K', 'K');
  if (!(Number.isFinite(def.Tmax) && def.Tmax > def.Tmin)) throw new FluidInputError(where, 'Tmax', def.Tmax, `Tmax > Tmin = ${def.Tmin} K`, 'K');
  const x0 = def.variable === 'degC' ? CELSIUS : 0;
  const fields = [
    ['rho', def.rho, 'kg/m³'],
    ['cp', def.cp, 'J/(kg K)'],
    ['mu', def.mu, 'Pa s'],
    ['k', def.k, 'W/(m K)'],
  ] as const;
  for (const [field, c, unit] of fields) {
    if (c === undefined && (field === 'mu' || field === 'k')) continue;
    if (!Array.isArray(c) || c.length === 0 || !c.every((v) => typeof v === 'number' && Number.isFinite(v))) {
      throw new FluidInputError(where, field, c, `a list of finite coefficients, lowest power first (${unit} per ${def.variable}^i)`);
    }
    // a property that turns zero or negative inside the stated range is a wrong coefficient or a wrong variable
    for (let j = 0; j <= POSITIVITY_SAMPLES; j++) {
      const T = def.Tmin + ((def.Tmax - def.Tmin) * j) / POSITIVITY_SAMPLES;
      const y = polynomialValue(c, T - x0);
      if (!(y > 0)) {
        throw new FluidInputError(where, field, c, `coefficients giving ${field} > 0 from Tmin = ${def.Tmin} K to Tmax = ${def.Tmax} K (${field}(${T} K) = ${y} ${unit}; are they in ${def.variable === 'degC' ? 'degC' : 'K'}?)`);
      }
    }
  }
}

/** A property the definition does not give: asked for, it is an error naming what is missing. */
const MISSING = { type: 'polynomial', coeffs: [1], nrms: null } as const;

/** The liquid of these correlations (throws a FluidInputError naming the field for a bad definition). */
export function userLiquid(def: LiquidCorrelations): IncompressibleLiquid {
  check(def);
  const data: IncompressibleLiquidData = {
    id: def.id,
    name: def.name ?? def.id,
    description: `user-defined liquid from published correlations (${def.variable === 'degC' ? 't in degC' : 'T in K'})`,
    reference: def.source,
    source: def.source,
    Tmin: def.Tmin,
    Tmax: def.Tmax,
    Tbase: def.variable === 'degC' ? CELSIUS : 0,
    TminPsat: def.Tmax,
    density: { type: 'polynomial', coeffs: [...def.rho], nrms: null },
    specificHeat: { type: 'polynomial', coeffs: [...def.cp], nrms: null },
    viscosity: def.mu ? { type: 'polynomial', coeffs: [...def.mu], nrms: null } : MISSING,
    conductivity: def.k ? { type: 'polynomial', coeffs: [...def.k], nrms: null } : MISSING,
    saturationPressure: null,
  };
  return new UserLiquid(data, def.mu !== undefined, def.k !== undefined);
}

class UserLiquid extends IncompressibleLiquid {
  constructor(
    data: IncompressibleLiquidData,
    private readonly hasViscosity: boolean,
    private readonly hasConductivity: boolean,
  ) {
    super(data);
  }

  override viscosity(T: number, p: number): number {
    if (!this.hasViscosity) throw new FluidInputError(`${this.name} viscosity`, 'mu', undefined, `a viscosity correlation (mu) in the definition of ${this.id}`);
    return super.viscosity(T, p);
  }

  override conductivity(T: number, p: number): number {
    if (!this.hasConductivity) throw new FluidInputError(`${this.name} conductivity`, 'k', undefined, `a conductivity correlation (k) in the definition of ${this.id}`);
    return super.conductivity(T, p);
  }
}
