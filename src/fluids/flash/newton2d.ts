import type { PureFluid } from '../pure/pure-fluid.js';
import { SaturationPoint } from '../pure/saturation.js';
import { MolarProperties, evaluateProperties } from '../eos/properties.js';

const sat = new SaturationPoint();

/**
 * Newton's method in (T, ρ) for p(T, ρ) = p and x(T, ρ) = target (x = h or s, molar), from a starting value, with
 * the analytic Jacobian [[∂p/∂T, ∂p/∂ρ], [∂x/∂T, ∂x/∂ρ]]. The fast path of the (p, h) and (p, s) flashes:
 * it gives up (returns false) rather than wander — leaving [Tlo, Thi], crossing to the other phase's side of the
 * saturation densities, or not converging in 20 steps — and the caller then uses the bracketed isobaric search.
 * On success `m` holds every property at the solution.
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
): boolean {
  const eos = fluid.eos;
  const Tc = fluid.critical.T;
  const curve = fluid.saturation;
  const xScale = which === 'h' ? Math.abs(target) + eos.R * Tc : Math.abs(target) + eos.R;
  let T = Math.min(Thi, Math.max(Tlo, T0));
  let rho = rho0;
  for (let it = 0; it < 20; it++) {
    evaluateProperties(eos, T, rho, m);
    const F1 = m.p - p;
    const F2 = (which === 'h' ? m.hMolar : m.sMolar) - target;
    if (Math.abs(F1) <= 1e-13 * p && Math.abs(F2) <= 1e-14 * xScale) return checkSide(fluid, branch, m);
    const J11 = m.dpdT;
    const J12 = m.dpdrhoMolar;
    const J21 = which === 'h' ? m.dhdT_rho : m.dsdT_rho;
    const J22 = which === 'h' ? m.dhdrho_T : m.dsdrho_T;
    const det = J11 * J22 - J12 * J21;
    if (!(Math.abs(det) > 0) || !Number.isFinite(det)) return false;
    let dT = (-F1 * J22 + J12 * F2) / det;
    let dRho = (-J11 * F2 + J21 * F1) / det;
    const lambda = Math.min(1, (0.2 * T) / Math.abs(dT), (0.5 * rho) / Math.abs(dRho));
    dT *= lambda;
    dRho *= lambda;
    T += dT;
    rho += dRho;
    if (!(T >= Tlo * (1 - 1e-12) && T <= Thi * (1 + 1e-12)) || !(rho > 0)) return false;
    if (Math.abs(dT) <= 1e-13 * T && Math.abs(dRho) <= 1e-13 * rho) {
      evaluateProperties(eos, T, rho, m);
      // near the critical point the derivatives are huge and tiny steps need not mean small residuals
      const r1 = m.p - p;
      const r2 = (which === 'h' ? m.hMolar : m.sMolar) - target;
      if (!(Math.abs(r1) <= 1e-9 * p && Math.abs(r2) <= 1e-9 * xScale)) return false;
      return checkSide(fluid, branch, m);
    }
    // stay on the branch: below Tc a liquid is denser than ρ'(T), a vapour lighter than ρ''(T)
    if (branch !== 'auto' && T < Tc && T < curve.Tmax) {
      curve.atT(T, sat);
      if (branch === 'liquid' ? rho < sat.rhoL * (1 - 1e-9) : rho > sat.rhoV * (1 + 1e-9)) return false;
    }
  }
  return false;
}

/** The converged state must be a stable one of the wanted branch ((∂p/∂ρ)_T > 0, right side of saturation). */
function checkSide(fluid: PureFluid, branch: 'liquid' | 'vapor' | 'auto', m: MolarProperties): boolean {
  if (!(m.dpdrhoMolar > 0)) return false;
  const curve = fluid.saturation;
  if (m.T < fluid.critical.T && m.T < curve.Tmax) {
    curve.atT(m.T, sat);
    if (branch === 'liquid' || (branch === 'auto' && m.p > sat.pL)) return m.rhoMolar >= sat.rhoL * (1 - 1e-9);
    return m.rhoMolar <= sat.rhoV * (1 + 1e-9);
  }
  return true;
}
