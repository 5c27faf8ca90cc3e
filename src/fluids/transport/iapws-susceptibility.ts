import type { HelmholtzEOS } from '../eos/helmholtz.js';
import { AlphaDerivatives } from '../eos/derivatives.js';
import type { IapwsWaterReducing } from './types.js';

/**
 * The correlation length of the IAPWS critical enhancements of water (IAPWS R12-08, Eqs. 21–22; IAPWS R15-11,
 * Eqs. 19–20): ξ = ξ0 (ΔX̄/Γ0)^(ν/γ), ΔX̄ = ρ̄ [ζ(T̄, ρ̄) − ζ(T̄_R, ρ̄) T̄_R/T̄], ζ = (∂ρ̄/∂p̄)_T̄ from the EOS,
 * with ξ = 0 where ΔX̄ < 0. One instance per caller: it owns its EOS scratch.
 */
export class IapwsCorrelationLength {
  private readonly c: IapwsWaterReducing;
  private readonly state = new AlphaDerivatives();
  private readonly ref = new AlphaDerivatives();

  constructor(c: IapwsWaterReducing) {
    this.c = c;
  }

  /**
   * ξ at (T, ρ) with the specific gas constant `R` of (∂ρ/∂p)_T = 1/(R T (1 + 2δ αʳ_δ + δ² αʳ_δδ)).
   * Unit: nm
   */
  at(eos: HelmholtzEOS, T: number, rhoMolar: number, R: number): number {
    if (rhoMolar === 0) return 0; // ΔX̄ ∝ ρ̄: the dilute limit has no enhancement
    const c = this.c;
    const rhoBar = (rhoMolar * eos.M) / c.rhoStar;
    const delta = rhoMolar / eos.rhor;
    const TR = c.TbarR * c.Tstar;
    const s = eos.residual.evaluate(eos.Tr / T, delta, this.state);
    const r = eos.residual.evaluate(eos.Tr / TR, delta, this.ref);
    const scale = c.pStar / c.rhoStar;
    const zeta = scale / (R * T * (1 + 2 * delta * s.d + delta * delta * s.dd));
    const zetaR = scale / (R * TR * (1 + 2 * delta * r.d + delta * delta * r.dd));
    const excess = rhoBar * (zeta - (zetaR * TR) / T);
    return excess > 0 ? c.xi0 * Math.pow(excess / c.Gamma0, c.nu / c.gamma) : 0;
  }
}
