import type { HelmholtzEOS } from '../eos/helmholtz.js';
import type { MolarProperties } from '../eos/properties.js';
import { AlphaDerivatives } from '../eos/derivatives.js';
import type { OlchowySengers } from './types.js';
import type { ViscosityFormulation } from './evaluator.js';

/**
 * The simplified Olchowy–Sengers critical enhancement of the thermal conductivity (G. A. Olchowy, J. V. Sengers,
 * Int. J. Thermophys. 10 (1989) 417, doi:10.1007/BF01133538; in the form of Lemmon & Jacobsen 2004, Eqs. 7–12):
 *
 *   λc = ρ c_p R0 k T / (6π η ξ) (Ω − Ω0),  ξ = ξ0 (ΔX/Γ)^(ν/γ),
 *   ΔX = p_c ρ/ρ_c² [(∂ρ/∂p)_T − (T_ref/T) (∂ρ/∂p)_T at T_ref and the same ρ],
 *   Ω = (2/π) [((c_p − c_v)/c_p) atan(q_D ξ) + (c_v/c_p) q_D ξ],
 *   Ω0 = (2/π) [1 − exp(−1 / ((q_D ξ)⁻¹ + (q_D ξ ρ_c/ρ)²/3))].
 *
 * λc = 0 where ΔX ≤ 10 ε (the excess susceptibility is negative or round-off far from the critical point,
 * Lemmon & Jacobsen 2004, p. 27).
 */
export class OlchowySengersEnhancement {
  private readonly c: OlchowySengers;
  /** p_c/ρ_c². Unit: Pa m⁶/mol² */
  private readonly pcOverRhoc2: number;
  private readonly tauRef: number;
  private readonly exponent: number;
  private readonly ref = new AlphaDerivatives();

  constructor(c: OlchowySengers) {
    this.c = c;
    this.pcOverRhoc2 = c.pc / (c.rhoMolarC * c.rhoMolarC);
    this.tauRef = c.Tc / c.Tref;
    this.exponent = c.nu / c.gamma;
  }

  /**
   * λc at (T, ρ) from the state's properties `props` (filled by `evaluateProperties` at the same T, ρ) and the
   * fluid's viscosity formulation (evaluated only where there is an enhancement). Unit: W/(m K)
   */
  at(eos: HelmholtzEOS, T: number, rhoMolar: number, props: MolarProperties, viscosity: ViscosityFormulation): number {
    const c = this.c;
    const delta = rhoMolar / c.rhoMolarC;
    const X = (this.pcOverRhoc2 * rhoMolar) / props.dpdrhoMolar;
    const r = eos.residual.evaluate(this.tauRef, delta, this.ref);
    const dpdrhoRef = eos.R * c.Tref * (1 + 2 * delta * r.d + delta * delta * r.dd);
    const Xref = ((this.pcOverRhoc2 * rhoMolar) / dpdrhoRef) * (c.Tref / T);
    const excess = X - Xref;
    if (excess < 10 * Number.EPSILON) return 0;
    const xi = c.xi0 * Math.pow(excess / c.Gamma, this.exponent);
    const cp = props.cpMolar;
    const cv = props.cvMolar;
    const qxi = c.qD * xi;
    const omega = (2 / Math.PI) * (((cp - cv) / cp) * Math.atan(qxi) + (cv / cp) * qxi);
    const omega0 = (2 / Math.PI) * (1 - Math.exp(-1 / (1 / qxi + (qxi * qxi) / (3 * delta * delta))));
    const eta = viscosity.at(eos, T, rhoMolar);
    return ((rhoMolar * cp * c.R0 * c.k * T) / (6 * Math.PI * eta * xi)) * (omega - omega0);
  }
}
