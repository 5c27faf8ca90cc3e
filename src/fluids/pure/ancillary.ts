import type { Ancillary } from '../eos/types.js';

/**
 * Evaluates an ancillary equation (a fit used only for starting values) at T, with θ = 1 − T/T_r:
 * pL/pV: p = p_r exp((T_r/T) Σ n θ^t); rhoLnoexp: ρ = ρ_r (1 + Σ n θ^t); rhoV: ρ = ρ_r exp([T_r/T] Σ n θ^t).
 * Temperatures above T_r are clamped to T_r (θ = 0): the fits are not defined beyond it.
 */
export function evaluateAncillary(a: Ancillary, T: number): number {
  const theta = Math.max(0, 1 - T / a.Tr);
  let sum = 0;
  for (let i = 0; i < a.n.length; i++) sum += a.n[i] * Math.pow(theta, a.t[i]);
  switch (a.type) {
    case 'rhoLnoexp':
      return a.reducingValue * (1 + sum);
    default:
      return a.reducingValue * Math.exp(a.usingTauR ? (a.Tr / T) * sum : sum);
  }
}
