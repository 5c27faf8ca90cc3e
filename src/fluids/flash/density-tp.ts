import type { PureFluid } from '../pure/pure-fluid.js';
import { SaturationPoint } from '../pure/saturation.js';
import { pengRobinsonGuess, solveDensity, virialGasGuess } from '../pure/density.js';
import { FluidInputError, FluidSolveError } from '../errors.js';
import type { IsobarTable } from './isobar-table.js';
import { FLASH_TOLERANCE } from './verify.js';

const sat = new SaturationPoint();

/** Which root of p(T, ρ) = p is wanted: decided from the saturation curve, or imposed near it. */
export type Branch = 'auto' | 'liquid' | 'vapor';

/** Result of a density solve: the density and whether it is the liquid-like root (below Tc). */
export class DensityResult {
  /** Unit: mol/m³ */
  rhoMolar = 0;
  liquidLike = false;
}

/**
 * ρ(T, p) on the stable branch: below Tc the liquid root if p > p_sat(T) (bubble pressure for a pseudo-pure
 * fluid), the vapour root if p < p_sat(T) (dew pressure); above Tc the single root. `branch` forces the side
 * when the caller knows it (a flash approaching the saturation line from one side); at the line itself the
 * saturated density is returned. `guess` (mol/m³) speeds up repeated solves along a path.
 */
export function densityTP(
  fluid: PureFluid,
  T: number,
  p: number,
  branch: Branch,
  out: DensityResult,
  guess = 0,
  table?: IsobarTable,
): DensityResult {
  const eos = fluid.eos;
  const c = fluid.critical;
  if (T < fluid.saturation.Tmax && T < c.T) {
    fluid.saturation.atT(T, sat);
    let liquid: boolean;
    if (branch === 'auto') {
      if (p > sat.pL) liquid = true;
      else if (p < sat.pV) liquid = false;
      // a pseudo-pure fluid's bubble and dew points themselves are states, to FLASH_TOLERANCE (a pure fluid's p_sat
      // is both: no state there)
      else if (fluid.pseudoPure && p >= sat.pL * (1 - FLASH_TOLERANCE.p)) liquid = true;
      else if (fluid.pseudoPure && p <= sat.pV * (1 + FLASH_TOLERANCE.p)) liquid = false;
      else {
        // the caller's inputs name no single state: an input error, not a solver's
        throw new FluidInputError(
          `${fluid.name} (T, p)`,
          'p',
          p,
          fluid.pseudoPure
            ? `p ≤ ${sat.pV} Pa (dew) or p ≥ ${sat.pL} Pa (bubble) at T = ${T} K: between them the pseudo-pure model gives no state`
            : `p ≠ ${sat.pL} Pa, the saturation pressure at T = ${T} K: on the saturation line itself the state needs a vapour quality (T, Q)`,
          'Pa',
        );
      }
    } else liquid = branch === 'liquid';
    out.liquidLike = liquid;
    if (guess === 0 && table) {
      const builds = table.builds;
      guess = table.density(T, p, liquid ? 'liquid' : 'vapor');
      // a branch of the table built just now ran density solves of its own through `sat`: fill it again
      if (table.builds !== builds) fluid.saturation.atT(T, sat);
    }
    if (liquid) {
      if (p <= sat.pL) {
        out.rhoMolar = sat.rhoL;
        return out;
      }
      const r = solveDensity(eos, T, p, guess > sat.rhoL ? guess : sat.rhoL * (1 + 1e-9), sat.rhoL, Infinity);
      if (!r.ok) throw new FluidSolveError(`${fluid.name} liquid density`, { T, p }, r.reason);
      out.rhoMolar = r.value;
      return out;
    }
    if (p >= sat.pV) {
      out.rhoMolar = sat.rhoV;
      return out;
    }
    const g = guess > 0 && guess < sat.rhoV ? guess : Math.min(virialGasGuess(eos, T, p), 0.999 * sat.rhoV);
    const r = solveDensity(eos, T, p, g, 0, sat.rhoV);
    if (!r.ok) throw new FluidSolveError(`${fluid.name} vapour density`, { T, p }, r.reason);
    out.rhoMolar = r.value;
    return out;
  }
  // at or above the critical temperature: one root
  out.liquidLike = p >= c.p;
  // The critical point itself: there p(ρ) is flat to third order and any density within about 1e-5 of ρ_c gives p_c
  // to round-off; the state asked for is the critical one.
  if (!fluid.pseudoPure && T - c.T <= 4 * Number.EPSILON * c.T && Math.abs(p - c.p) <= 4 * Number.EPSILON * c.p) {
    out.rhoMolar = c.rhoMolar;
    return out;
  }
  if (guess === 0 && table) guess = table.density(T, p, 'any');
  const g =
    guess > 0
      ? guess
      : p < 0.2 * c.p
        ? virialGasGuess(eos, T, p)
        : pengRobinsonGuess(T, p, c.T, c.p, fluid.data.acentric, eos.R, 'gas');
  const r = solveDensity(eos, T, p, g, 0, Infinity);
  if (!r.ok) throw new FluidSolveError(`${fluid.name} supercritical density`, { T, p }, r.reason);
  out.rhoMolar = r.value;
  return out;
}
