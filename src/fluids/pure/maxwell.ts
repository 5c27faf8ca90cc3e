import type { HelmholtzEOS } from '../eos/helmholtz.js';
import { AlphaDerivatives } from '../eos/derivatives.js';
import { failed, solved, type SolveResult } from '../../numerics/result.js';
import { DD, ddLog } from '../../numerics/dd.js';
import { residualDD } from '../eos/residual-dd.js';

export interface SaturationDensities {
  /** Saturated liquid density. Unit: mol/m³ */
  readonly rhoL: number;
  /** Saturated vapour density. Unit: mol/m³ */
  readonly rhoV: number;
  /** Saturation pressure. Unit: Pa */
  readonly p: number;
}

/** Tolerance and iteration limit of the phase-equilibrium solve. */
export const MAXWELL_DEFAULTS = { tolerance: 1e-14, maxIterations: 100 };

const rl = new AlphaDerivatives();
const rv = new AlphaDerivatives();

/**
 * Saturation at temperature T by equal pressure and equal Gibbs energy of the two phases (Akasaka 2008,
 * J. Therm. Sci. Technol. 3, 442, doi:10.1299/jtst.3.442), with reduced functions
 *   K(δ) = δ(1 + δαʳ_δ)          (∝ p at fixed T),
 *   J(δ) = δαʳ_δ + αʳ + ln δ     (∝ g at fixed T, up to terms common to both phases),
 * solved by Newton in (δ', δ'') from the given starting densities: K(δ') = K(δ''), J(δ') = J(δ'').
 */
export function maxwellSaturation(
  eos: HelmholtzEOS,
  T: number,
  rhoLGuess: number,
  rhoVGuess: number,
  options = MAXWELL_DEFAULTS,
): SolveResult<SaturationDensities> {
  const tau = eos.Tr / T;
  let dL = rhoLGuess / eos.rhor;
  let dV = rhoVGuess / eos.rhor;
  let lastStepSize = Infinity;
  for (let it = 1; it <= options.maxIterations; it++) {
    eos.residual.evaluate(tau, dL, rl);
    eos.residual.evaluate(tau, dV, rv);
    const KL = dL * (1 + dL * rl.d);
    const KV = dV * (1 + dV * rv.d);
    const JL = dL * rl.d + rl.a + Math.log(dL);
    const JV = dV * rv.d + rv.a + Math.log(dV);
    const KdL = 1 + 2 * dL * rl.d + dL * dL * rl.dd;
    const KdV = 1 + 2 * dV * rv.d + dV * dV * rv.dd;
    const JdL = 2 * rl.d + dL * rl.dd + 1 / dL;
    const JdV = 2 * rv.d + dV * rv.dd + 1 / dV;
    const fK = KL - KV;
    const fJ = JL - JV;
    const det = KdV * JdL - KdL * JdV;
    if (!Number.isFinite(det) || det === 0) {
      return failed(`singular phase-equilibrium Jacobian at T = ${T} K (δ' = ${dL}, δ'' = ${dV})`, it);
    }
    // Newton step for [K_L − K_V, J_L − J_V] = 0 in (δ', δ'')
    let stepL = (fK * JdV - KdV * fJ) / det;
    let stepV = (JdL * fK - KdL * fJ) / det;
    // keep both densities positive and the phases apart
    const limit = 0.5;
    const scale = Math.min(1, (limit * dL) / Math.max(Math.abs(stepL), 1e-300), (limit * dV) / Math.max(Math.abs(stepV), 1e-300));
    stepL *= scale;
    stepV *= scale;
    dL += stepL;
    dV += stepV;
    if (Math.abs(stepL) <= options.tolerance * dL && Math.abs(stepV) <= options.tolerance * dV) {
      return finish(eos, T, dL, dV, it);
    }
    // At the round-off floor (near the critical point the Jacobian is nearly singular and the last digits of
    // δ', δ'' are noise) Newton's steps stop shrinking: accept once a small step is not much smaller than the last.
    const stepSize = Math.max(Math.abs(stepL) / dL, Math.abs(stepV) / dV);
    if (stepSize < 1e-6 && stepSize > 0.25 * lastStepSize) return finish(eos, T, dL, dV, it);
    lastStepSize = stepSize;
    if (Math.abs(dL - dV) < 1e-12 * dL) return failed(`the two phases collapsed to one density at T = ${T} K`, it);
  }
  return failed(`no convergence in ${options.maxIterations} iterations at T = ${T} K (δ' = ${dL}, δ'' = ${dV})`, options.maxIterations);
}

function finish(eos: HelmholtzEOS, T: number, dL: number, dV: number, iterations: number): SolveResult<SaturationDensities> {
  if (!(dL > dV)) return failed(`liquid density ${dL * eos.rhor} not above vapour density ${dV * eos.rhor} at T = ${T} K`, iterations);
  const rhoL = dL * eos.rhor;
  const rhoV = dV * eos.rhor;
  // the vapour-side pressure is the better conditioned one at low T (the liquid's is a small difference)
  return solved({ rhoL, rhoV, p: eos.pressure(T, rhoV) }, iterations);
}


/**
 * The same equilibrium solved with residuals K(δ') − K(δ''), J(δ') − J(δ'') in double-double precision (the
 * Jacobian stays in double). Near the critical point the two phases differ so little that those differences are
 * lost to round-off in double precision (about 1e-7 relative in ρ at 1e-4 K from T_c); here they are not, and
 * the densities come out to full double precision down to microkelvins from T_c. About 100 times slower.
 */
export function maxwellSaturationExtended(
  eos: HelmholtzEOS,
  T: number,
  rhoLGuess: number,
  rhoVGuess: number,
  maxIterations = 60,
): SolveResult<SaturationDensities> {
  const tauDD = DD.of(eos.Tr).div(T);
  const tau = eos.Tr / T;
  let dL = rhoLGuess / eos.rhor;
  let dV = rhoVGuess / eos.rhor;
  let lastStepSize = Infinity;
  const KJ = (delta: number) => {
    const dd = DD.of(delta);
    const r = residualDD(eos.data.alphar, tauDD, dd);
    const dAd = dd.mul(r.d);
    return { K: dd.mul(dAd.add(1)), J: dAd.add(r.a).add(ddLog(dd)) };
  };
  for (let it = 1; it <= maxIterations; it++) {
    const L = KJ(dL);
    const V = KJ(dV);
    const fK = L.K.sub(V.K).toNumber();
    const fJ = L.J.sub(V.J).toNumber();
    eos.residual.evaluate(tau, dL, rl);
    eos.residual.evaluate(tau, dV, rv);
    const KdL = 1 + 2 * dL * rl.d + dL * dL * rl.dd;
    const KdV = 1 + 2 * dV * rv.d + dV * dV * rv.dd;
    const JdL = KdL / dL;
    const JdV = KdV / dV;
    const det = KdV * JdL - KdL * JdV;
    if (!Number.isFinite(det) || det === 0) return failed(`singular phase-equilibrium Jacobian at T = ${T} K`, it);
    const stepL = (fK * JdV - KdV * fJ) / det;
    const stepV = (JdL * fK - KdL * fJ) / det;
    const scale = Math.min(1, (0.5 * (dL - dV)) / Math.max(Math.abs(stepL), Math.abs(stepV), 1e-300));
    dL += scale * stepL;
    dV += scale * stepV;
    const stepSize = Math.max(Math.abs(stepL) / dL, Math.abs(stepV) / dV);
    // within nanokelvins of T_c the (double) Jacobian itself is noise and the steps stall near 1e-12: that is converged
    if (stepSize <= 2 * Number.EPSILON || (stepSize < 1e-11 && stepSize >= 0.5 * lastStepSize)) return finish(eos, T, dL, dV, it);
    lastStepSize = stepSize;
    if (!(dL > dV)) return failed(`the phases crossed at T = ${T} K`, it);
  }
  return failed(`no convergence in ${maxIterations} iterations at T = ${T} K (δ' = ${dL}, δ'' = ${dV})`, maxIterations);
}
