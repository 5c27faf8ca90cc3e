import type { HelmholtzEOS } from './helmholtz.js';
import { AlphaDerivatives } from './derivatives.js';

/**
 * Every single-phase property at (T, ρ), molar basis, written in place (no allocation in hot loops).
 * Formulas: e.g. Span (2000), "Multiparameter Equations of State", Table 3.1, with Z = 1 + δαʳ_δ.
 */
export class MolarProperties {
  /** Unit: K */
  T = 0;
  /** Unit: mol/m³ */
  rhoMolar = 0;
  /** Unit: Pa */
  p = 0;
  /** Unit: J/mol */
  hMolar = 0;
  /** Unit: J/(mol K) */
  sMolar = 0;
  /** Unit: J/mol */
  uMolar = 0;
  /** Gibbs energy. Unit: J/mol */
  gMolar = 0;
  /** Unit: J/(mol K) */
  cvMolar = 0;
  /** Unit: J/(mol K) */
  cpMolar = 0;
  /** Speed of sound. Unit: m/s */
  w = 0;
  /** Compressibility factor p/(ρRT). Unit: - */
  Z = 0;
  /** (∂p/∂ρ)_T on the molar density. Unit: Pa m³/mol */
  dpdrhoMolar = 0;
  /** (∂p/∂T)_ρ. Unit: Pa/K */
  dpdT = 0;
  /** (∂²p/∂ρ²)_T on the molar density (filled by `withSecondDensityDerivative`). Unit: Pa m⁶/mol² */
  d2pdrho2Molar = 0;
  /** Joule–Thomson coefficient (∂T/∂p)_h. Unit: K/Pa */
  jouleThomson = 0;
  /** ln of the fugacity coefficient, αʳ + δαʳ_δ − ln Z (computed on reading: only a state's fugacity needs it). Unit: - */
  get lnFugacityCoefficient(): number {
    return this.alphaR + this.deltaAlphaRDelta - Math.log(this.Z);
  }
  /** The reduced residual Helmholtz energy αʳ. Unit: - */
  alphaR = 0;
  /** δ αʳ_δ (Z − 1 as evaluated). Unit: - */
  deltaAlphaRDelta = 0;
  /** τ (α⁰_τ + αʳ_τ) = u/(RT). Unit: - */
  tauAlphaTau = 0;
  /** (∂h/∂T)_ρ. Unit: J/(mol K) */
  dhdT_rho = 0;
  /** (∂h/∂ρ)_T on the molar density. Unit: J m³/mol² */
  dhdrho_T = 0;
  /** (∂s/∂T)_ρ = c_v/T. Unit: J/(mol K²) */
  dsdT_rho = 0;
  /** (∂s/∂ρ)_T on the molar density. Unit: J m³/(mol² K) */
  dsdrho_T = 0;
}

const r = new AlphaDerivatives();
const o = new AlphaDerivatives();

/**
 * Fills `out` with all properties at (T, ρ); with `third`, also (∂²p/∂ρ²)_T. Without `withEntropy`, s and g are
 * left NaN (the ideal part's logarithms skipped: a (T, ρ) Newton matching p and h or u needs neither until it has
 * converged), and `completeEntropy` fills them afterwards.
 */
export function evaluateProperties(
  eos: HelmholtzEOS,
  T: number,
  rhoMolar: number,
  out: MolarProperties,
  third = false,
  withEntropy = true,
): MolarProperties {
  const tau = eos.Tr / T;
  const delta = rhoMolar / eos.rhor;
  eos.residual.evaluate(tau, delta, r, third);
  eos.ideal.evaluate(tau, delta, o, false, withEntropy);
  const R = eos.R;
  const RT = R * T;

  const dAd = delta * r.d;
  const d2Add = delta * delta * r.dd;
  const dtAdt = delta * tau * r.dt;
  const tauT = tau * (o.t + r.t);
  const tau2TT = tau * tau * (o.tt + r.tt);
  const one = 1 + dAd - dtAdt;
  const two = 1 + 2 * dAd + d2Add;

  out.T = T;
  out.rhoMolar = rhoMolar;
  out.Z = 1 + dAd;
  out.p = rhoMolar * RT * out.Z;
  out.uMolar = RT * tauT;
  out.hMolar = RT * (1 + tauT + dAd);
  out.alphaR = r.a;
  out.deltaAlphaRDelta = dAd;
  out.tauAlphaTau = tauT;
  out.sMolar = R * (tauT - o.a - r.a);
  out.gMolar = RT * (1 + o.a + r.a + dAd);
  out.cvMolar = -R * tau2TT;
  out.cpMolar = out.cvMolar + (R * one * one) / two;
  const w2 = (RT / eos.M) * (two - (one * one) / tau2TT);
  out.w = Math.sqrt(w2);
  out.dpdrhoMolar = RT * two;
  out.dpdT = rhoMolar * R * one;
  out.jouleThomson = -(dAd + d2Add + dtAdt) / ((one * one - tau2TT * two) * R * rhoMolar);
  // derivatives used by flashes: h and s as functions of (T, ρ)
  out.dhdT_rho = R * (-tau2TT + one);
  out.dhdrho_T = (RT / rhoMolar) * (dAd + d2Add + dtAdt);
  out.dsdT_rho = out.cvMolar / T;
  out.dsdrho_T = -(R / rhoMolar) * one;
  if (third) out.d2pdrho2Molar = (RT / rhoMolar) * (2 * dAd + 4 * d2Add + delta * delta * delta * r.ddd);
  return out;
}

/**
 * s and g of properties evaluated without them (evaluateProperties' `withEntropy` false), the same numbers a full
 * evaluation gives; cheap right after that evaluation (the ideal part's exponentials are kept).
 */
export function completeEntropy(eos: HelmholtzEOS, m: MolarProperties): MolarProperties {
  const a0 = eos.ideal.value(eos.Tr / m.T, m.rhoMolar / eos.rhor, o);
  const R = eos.R;
  m.sMolar = R * (m.tauAlphaTau - a0 - m.alphaR);
  m.gMolar = R * m.T * (1 + a0 + m.alphaR + m.deltaAlphaRDelta);
  return m;
}
