import type { PureFluid } from '../pure/pure-fluid.js';
import { MolarProperties, evaluateProperties } from '../eos/properties.js';
import { DensityResult, densityTP, type Branch } from './density-tp.js';
import { FluidSolveError } from '../errors.js';

const props = new MolarProperties();
const dr = new DensityResult();

/** The solution of an isobaric search: temperature and molar density. */
export class IsobaricSolution {
  /** Unit: K */
  T = 0;
  /** Unit: mol/m³ */
  rhoMolar = 0;
  liquidLike = false;
  /** value − target at the solution (molar basis); far from zero when the target lay outside the bracket. */
  residual = 0;
  /** d(value)/dT at the solution (c_p, or c_p/T). Unit: J/(mol K), or J/(mol K²) */
  slope = 0;
  /** Iterations taken. */
  iterations = 0;
}

/**
 * Finds T in [Tlo, Thi] where h(T, p) (or s) equals the target (molar basis) at fixed p, on one branch:
 * Newton on T with dh/dT|p = c_p (ds/dT|p = c_p/T), kept inside a bracket that is narrowed as it goes, with
 * bisection when a step leaves it. h and s rise monotonically with T along an isobar within one phase, so the
 * search cannot miss a root that the bracket holds. The caller has checked that the target lies between the
 * values at the bracket ends. Each density solve starts from the previous density.
 */
export function solveIsobar(
  fluid: PureFluid,
  p: number,
  target: number,
  which: 'h' | 's',
  Tlo: number,
  Thi: number,
  T0: number,
  branch: Branch,
  out: IsobaricSolution,
): IsobaricSolution {
  let T = T0 >= Tlo && T0 <= Thi ? T0 : 0.5 * (Tlo + Thi);
  let rho = 0;
  const scale = which === 'h' ? Math.max(Math.abs(target), fluid.eos.R * fluid.critical.T) : Math.max(Math.abs(target), fluid.eos.R);
  for (let it = 1; it <= 100; it++) {
    densityTP(fluid, T, p, branch, dr, rho);
    rho = dr.rhoMolar;
    const m = evaluateProperties(fluid.eos, T, rho, props);
    const value = which === 'h' ? m.hMolar : m.sMolar;
    const slope = which === 'h' ? m.cpMolar : m.cpMolar / T;
    const f = value - target;
    if (f < 0) Tlo = T;
    else Thi = T;
    const newton = f / slope;
    // near the critical point c_p is huge: a tiny Newton step there does not mean a small residual
    const stuck = Math.abs(newton) <= 1e-13 * T && Math.abs(f) > 1e-9 * scale;
    let next = T - newton;
    if (stuck || !(next > Tlo && next < Thi) || !Number.isFinite(next)) next = 0.5 * (Tlo + Thi);
    // converged (tested on the Newton step itself, not on a bisection the bracket guard may have chosen)
    if (Math.abs(f) <= 1e-14 * scale || (Math.abs(newton) <= 1e-13 * T && !stuck) || Thi - Tlo <= 1e-13 * T) {
      out.T = T;
      out.rhoMolar = rho;
      out.liquidLike = dr.liquidLike;
      out.residual = f;
      out.slope = slope;
      out.iterations = it;
      return out;
    }
    T = next;
  }
  throw new FluidSolveError(`${fluid.name} (p, ${which})`, { p, [which]: target / fluid.eos.M }, `isobaric search did not converge; last T = ${T} K, bracket [${Tlo}, ${Thi}] K`);
}
