import type { HelmholtzEOS } from '../eos/helmholtz.js';
import { AlphaDerivatives } from '../eos/derivatives.js';
import { failed, solved, type SolveResult } from '../../numerics/result.js';

export interface CriticalPoint {
  /** Unit: K */
  readonly T: number;
  /** Unit: Pa */
  readonly p: number;
  /** Unit: mol/m³ */
  readonly rhoMolar: number;
}

/**
 * The critical point of the EOS itself: (∂p/∂ρ)_T = 0 and (∂²p/∂ρ²)_T = 0, i.e. with τ, δ reduced,
 *   f₁ = 1 + 2δαʳ_δ + δ²αʳ_δδ = 0,   f₂ = 2δαʳ_δ + 4δ²αʳ_δδ + δ³αʳ_δδδ = 0.
 * Newton in (τ, δ) from the reducing point (where most EOS put their critical point): ∂f₁/∂δ = f₂/δ and
 * ∂f₁/∂τ = 2δαʳ_δτ + δ²αʳ_δδτ are exact; the f₂ row would need fourth derivatives and is differenced.
 */
export function solveCriticalPoint(eos: HelmholtzEOS, guess = { tau: 1, delta: 1 }): SolveResult<CriticalPoint> {
  const r = new AlphaDerivatives();
  const f = (tau: number, delta: number): [number, number, number, number] => {
    eos.residual.evaluate(tau, delta, r, true);
    const f1 = 1 + 2 * delta * r.d + delta * delta * r.dd;
    const f2 = 2 * delta * r.d + 4 * delta * delta * r.dd + delta * delta * delta * r.ddd;
    const f1t = 2 * delta * r.dt + delta * delta * r.ddt;
    return [f1, f2, f1t, f2 / delta];
  };
  let tau = guess.tau;
  let delta = guess.delta;
  for (let it = 1; it <= 100; it++) {
    const [f1, f2, f1t, f1d] = f(tau, delta);
    const h = 1e-7;
    const f2t = (f(tau + h, delta)[1] - f(tau - h, delta)[1]) / (2 * h);
    const f2d = (f(tau, delta + h)[1] - f(tau, delta - h)[1]) / (2 * h);
    const det = f1t * f2d - f1d * f2t;
    if (det === 0 || !Number.isFinite(det)) return failed(`singular Jacobian at tau = ${tau}, delta = ${delta}`, it);
    const dtau = -(f1 * f2d - f1d * f2) / det;
    const ddelta = -(f1t * f2 - f1 * f2t) / det;
    // keep steps small: the non-analytic terms make the functions steep near δ = 1
    const scale = Math.min(1, 0.05 / Math.max(Math.abs(dtau), Math.abs(ddelta)));
    tau += scale * dtau;
    delta += scale * ddelta;
    if (Math.abs(dtau) < 1e-13 * tau && Math.abs(ddelta) < 1e-12 * delta) {
      const T = eos.Tr / tau;
      const rhoMolar = delta * eos.rhor;
      return solved({ T, rhoMolar, p: eos.pressure(T, rhoMolar) }, it);
    }
  }
  return failed('no convergence in 100 iterations', 100);
}
