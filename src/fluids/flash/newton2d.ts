import type { PureFluid } from '../pure/pure-fluid.js';
import { SaturationPoint } from '../pure/saturation.js';
import { MolarProperties, completeEntropy, evaluateProperties } from '../eos/properties.js';

const sat = new SaturationPoint();

/** A property the (T, ρ) Newton can match (molar basis): pressure, enthalpy, entropy, internal energy. */
export type NewtonProperty = 'p' | 'h' | 's' | 'u';

function value(m: MolarProperties, k: NewtonProperty): number {
  return k === 'p' ? m.p : k === 'h' ? m.hMolar : k === 's' ? m.sMolar : m.uMolar;
}

/** (∂x/∂T)_ρ. */
function slopeT(m: MolarProperties, k: NewtonProperty): number {
  return k === 'p' ? m.dpdT : k === 'h' ? m.dhdT_rho : k === 's' ? m.dsdT_rho : m.cvMolar;
}

/** (∂x/∂ρ)_T; for u = h − p/ρ: (∂h/∂ρ)_T − (∂p/∂ρ)_T/ρ + p/ρ². */
function slopeRho(m: MolarProperties, k: NewtonProperty): number {
  if (k === 'p') return m.dpdrhoMolar;
  if (k === 'h') return m.dhdrho_T;
  if (k === 's') return m.dsdrho_T;
  return m.dhdrho_T - m.dpdrhoMolar / m.rhoMolar + m.p / (m.rhoMolar * m.rhoMolar);
}

/** The scale a residual of x is judged against: p itself; h and u against |x| + R T_c; s against |x| + R. */
function scaleOf(fluid: PureFluid, k: NewtonProperty, target: number): number {
  const R = fluid.eos.R;
  return k === 'p' ? Math.abs(target) : k === 's' ? Math.abs(target) + R : Math.abs(target) + R * fluid.critical.T;
}

/** newton2D's result when it converged, but to an unstable state or one on the other side of the saturation dome. */
export const CONVERGED_ON_WRONG_SIDE = 0;

/**
 * Newton's method in (T, ρ) for a(T, ρ) = aTarget and b(T, ρ) = bTarget (two of p, h, s, u, molar), from a starting
 * value, with the analytic Jacobian [[∂a/∂T, ∂a/∂ρ], [∂b/∂T, ∂b/∂ρ]]. In (T, ρ) the pairs (p, h), (p, s), (h, s)
 * stay well conditioned through the critical point (e.g. for (p, h) the determinant there is (∂p/∂T)_ρ(∂h/∂ρ)_T,
 * since (∂p/∂ρ)_T = 0), where any search through ρ(T, p) is not: it is both the fast path of the flashes and their
 * polish after a bracketed search. It gives up rather than wander — leaving [Tlo, Thi], crossing to the other
 * phase's side of the saturation densities (for a forced branch), or not converging in `maxIterations` steps.
 * Returns the iterations taken when converged (m then holds every property at the solution, a stable state on the
 * wanted branch); CONVERGED_ON_WRONG_SIDE when it converged to a state that is not (m holds it: next to T_c, a
 * state an ulp inside the saturation dome, which the caller may turn into the two-phase state there); else minus the
 * iterations taken (m holds the last iterate, without s and g unless a target is s). `vaporBound` (branch 'vapor'
 * of a pure fluid, else 0): ρ''(Tlo), which spares the side checks' saturation evaluations where the density lies
 * well below it.
 */
export function newton2D(
  fluid: PureFluid,
  a: NewtonProperty,
  aTarget: number,
  b: NewtonProperty,
  bTarget: number,
  branch: 'liquid' | 'vapor' | 'auto',
  Tlo: number,
  Thi: number,
  T0: number,
  rho0: number,
  m: MolarProperties,
  maxIterations = 20,
  vaporBound = 0,
): number {
  const eos = fluid.eos;
  const Tc = fluid.critical.T;
  const curve = fluid.saturation;
  const aScale = scaleOf(fluid, a, aTarget);
  const bScale = scaleOf(fluid, b, bTarget);
  // a pressure residual also carries the round-off of ρ (a liquid's p(T, ρ) magnifies it by ρ(∂p/∂ρ)_T / p)
  const aTight = a === 'p' ? 1e-13 : 1e-14;
  const bTight = b === 'p' ? 1e-13 : 1e-14;
  // ρ''(T) rises with T up to T_c, so a density 1e-6 below ρ''(Tlo) is a vapour's at every T the iteration visits
  // (T ≥ Tlo (1 − 1e-12)): no saturation evaluation is needed to tell. Away from T_c only (below 0.9999 T_c,
  // dln ρ''/dln T < 1e4, so 1e-12 in T moves ρ'' by less than 1e-8)
  const surelyVapor = branch === 'vapor' && Tlo < 0.9999 * Tc ? vaporBound * (1 - 1e-6) : 0;
  let T = Math.min(Thi, Math.max(Tlo, T0));
  let rho = rho0;
  // the temperature `sat` was last evaluated at (the side checks of the last step and of the converged state agree)
  let satT = Number.NaN;
  // s and g only where a target is s; else they are filled once, at the state converged to
  const withEntropy = a === 's' || b === 's';
  for (let it = 1; it <= maxIterations; it++) {
    evaluateProperties(eos, T, rho, m, false, withEntropy);
    const F1 = value(m, a) - aTarget;
    const F2 = value(m, b) - bTarget;
    const roundOff = 4e-16 * rho * Math.abs(m.dpdrhoMolar);
    if (Math.abs(F1) <= aTight * aScale + (a === 'p' ? roundOff : 0) && Math.abs(F2) <= bTight * bScale + (b === 'p' ? roundOff : 0)) {
      if (!withEntropy) completeEntropy(eos, m);
      return checkSide(fluid, branch, m, surelyVapor, satT) ? it : CONVERGED_ON_WRONG_SIDE;
    }
    const J11 = slopeT(m, a);
    const J12 = slopeRho(m, a);
    const J21 = slopeT(m, b);
    const J22 = slopeRho(m, b);
    const det = J11 * J22 - J12 * J21;
    if (!(Math.abs(det) > 0) || !Number.isFinite(det)) return -it;
    let dT = (-F1 * J22 + J12 * F2) / det;
    let dRho = (-J11 * F2 + J21 * F1) / det;
    const lambda = Math.min(1, (0.2 * T) / Math.abs(dT), (0.5 * rho) / Math.abs(dRho));
    dT *= lambda;
    dRho *= lambda;
    T += dT;
    rho += dRho;
    if (!(T >= Tlo * (1 - 1e-12) && T <= Thi * (1 + 1e-12)) || !(rho > 0)) return -it;
    if (Math.abs(dT) <= 1e-13 * T && Math.abs(dRho) <= 1e-13 * rho) {
      evaluateProperties(eos, T, rho, m, false, withEntropy);
      // the last digits: a step this small must leave residuals at the round-off of the properties themselves
      const slack = 1e-13 * rho * Math.abs(m.dpdrhoMolar);
      const r1 = value(m, a) - aTarget;
      const r2 = value(m, b) - bTarget;
      if (!(Math.abs(r1) <= 1e-9 * aScale + (a === 'p' ? slack : 0) && Math.abs(r2) <= 1e-9 * bScale + (b === 'p' ? slack : 0))) return -it;
      if (!withEntropy) completeEntropy(eos, m);
      return checkSide(fluid, branch, m, surelyVapor, satT) ? it : CONVERGED_ON_WRONG_SIDE;
    }
    // stay on the branch: below Tc a liquid is denser than ρ'(T), a vapour lighter than ρ''(T)
    if (branch !== 'auto' && T < Tc && T < curve.Tmax && !(rho < surelyVapor)) {
      curve.atT(T, sat);
      satT = T;
      if (branch === 'liquid' ? rho < sat.rhoL * (1 - 1e-9) : rho > sat.rhoV * (1 + 1e-9)) return -it;
    }
  }
  return -maxIterations;
}

/**
 * Newton in (T, ρ) for p = p and h (or s) = target: the fast path of the (p, h) and (p, s) flashes (see newton2D).
 * Returns as newton2D does.
 */
export function newtonPX(
  fluid: PureFluid,
  p: number,
  target: number,
  which: 'h' | 's',
  branch: 'liquid' | 'vapor' | 'auto',
  Tlo: number,
  Thi: number,
  T0: number,
  rho0: number,
  m: MolarProperties,
  vaporBound = 0,
): number {
  return newton2D(fluid, 'p', p, which, target, branch, Tlo, Thi, T0, rho0, m, 20, vaporBound);
}

/**
 * The converged state must be a stable one of the wanted branch: (∂p/∂ρ)_T > 0 (≥ 0 to round-off at the critical
 * point itself) and, below T_c, outside the saturation densities — on the wanted side of them for a forced branch.
 * (For 'auto' the side is not decided by comparing p with p_sat(T): near T_c the two agree to round-off while the
 * flat isotherm puts the state's density far from either saturated one.)
 */
function checkSide(fluid: PureFluid, branch: 'liquid' | 'vapor' | 'auto', m: MolarProperties, surelyVapor: number, satT: number): boolean {
  if (!(m.dpdrhoMolar > -1e-14 * fluid.eos.R * m.T)) return false;
  const curve = fluid.saturation;
  if (m.T < fluid.critical.T && m.T < curve.Tmax) {
    if (m.rhoMolar < surelyVapor) return true;
    if (m.T !== satT) curve.atT(m.T, sat);
    const liquid = m.rhoMolar >= sat.rhoL * (1 - 1e-9);
    const vapor = m.rhoMolar <= sat.rhoV * (1 + 1e-9);
    return branch === 'liquid' ? liquid : branch === 'vapor' ? vapor : liquid || vapor;
  }
  return true;
}
