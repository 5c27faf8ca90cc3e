import type { FluidData } from '../eos/types.js';
import { HelmholtzEOS } from '../eos/helmholtz.js';
import { IdealHelmholtz } from '../eos/ideal.js';
import { MolarProperties, evaluateProperties } from '../eos/properties.js';
import type { SuperancillaryData } from './superancillary.js';
import { solveCriticalPoint, type CriticalPoint } from './critical.js';
import { PseudoPureSaturation, PureSaturation, SaturationPoint, type SaturationCurve } from './saturation.js';
import { meltingPressure } from './melting.js';

const caloricScratch = new MolarProperties();
const solidScratch = new SaturationPoint();

/** Transport correlations of a fluid, evaluated at (T, ρ). */
export interface TransportModel {
  /** Unit: Pa s */
  viscosity(eos: HelmholtzEOS, T: number, rhoMolar: number): number;
  /** Unit: W/(m K) */
  conductivity(eos: HelmholtzEOS, T: number, rhoMolar: number): number;
  /** The viscosity where the correlation holds, else null (never throws). Unit: Pa s */
  viscosityWithin(eos: HelmholtzEOS, T: number, rhoMolar: number): number | null;
  /** The conductivity where the correlation holds, else null (never throws). Unit: W/(m K) */
  conductivityWithin(eos: HelmholtzEOS, T: number, rhoMolar: number): number | null;
}

/**
 * Everything the flash algorithms need to know about one fluid: its EOS, critical point, saturation curve,
 * melting line and limits. The flashes work against this object and never read coefficients.
 */
export class PureFluid {
  readonly name: string;
  readonly data: FluidData;
  readonly eos: HelmholtzEOS;
  readonly pseudoPure: boolean;
  /** The critical point used for phase labels and as the end of the saturation curve (the EOS's own for a pure
   *  fluid; the published one for a pseudo-pure fluid, as CoolProp does). */
  readonly critical: CriticalPoint;
  readonly saturation: SaturationCurve;
  /** Unit: K */
  readonly Tmin: number;
  /** Unit: K */
  readonly Tmax: number;
  /** Unit: Pa */
  readonly pmax: number;
  /** The lowest pressure accepted (below it the gas is ideal to far more digits than any use needs, and the
   *  densities underflow). Unit: Pa */
  readonly pmin = 1e-6;
  readonly transport?: TransportModel;
  /** Whether c_v diverges at the critical point (an EOS with non-analytic terms: CO2, Water). */
  readonly cvDiverges: boolean;
  /** This EOS's h and s minus those of the data's default reference state (molar): R T_r Δa2 and −R Δa1. */
  readonly hShiftMolar: number;
  readonly sShiftMolar: number;

  constructor(
    data: FluidData,
    options: { saturation?: SuperancillaryData; transport?: TransportModel; eos?: HelmholtzEOS; base?: PureFluid } = {},
  ) {
    this.name = data.name;
    this.data = data;
    this.eos = options.eos ?? new HelmholtzEOS(data);
    this.pseudoPure = data.pseudoPure;
    this.Tmin = data.Tmin;
    this.Tmax = data.Tmax;
    this.pmax = data.pmax;
    this.transport = options.transport;
    this.cvDiverges = data.alphar.some((term) => term.type === 'nonAnalytic');
    const defaults = new IdealHelmholtz(data.alpha0);
    this.hShiftMolar = this.eos.R * this.eos.Tr * (this.eos.ideal.a2 - defaults.a2);
    this.sShiftMolar = -this.eos.R * (this.eos.ideal.a1 - defaults.a1);
    if (options.base) {
      // same fluid with another reference state: the saturation curve does not depend on it
      this.critical = options.base.critical;
      this.saturation = options.base.saturation;
      return;
    }
    if (data.pseudoPure) {
      this.critical = data.criticalPublished;
      this.saturation = new PseudoPureSaturation(this.eos, data.criticalPublished.T);
    } else {
      let critical: CriticalPoint;
      if (options.saturation) {
        critical = { T: options.saturation.Tc, p: options.saturation.pc, rhoMolar: options.saturation.rhocMolar };
      } else {
        const c = solveCriticalPoint(this.eos);
        if (!c.ok) throw new Error(`${data.name}: critical point of the EOS not found: ${c.reason}`);
        critical = c.value;
      }
      this.critical = critical;
      this.saturation = new PureSaturation(this.eos, critical, options.saturation);
    }
  }

  /** A copy with a shifted ideal-gas part (another h, s reference state); saturation and critical point shared. */
  withReferenceShift(shift: { a1: number; a2: number }): PureFluid {
    return new PureFluid(this.data, { transport: this.transport, eos: this.eos.withReferenceShift(shift), base: this });
  }

  /** The highest density accepted: 5 % above the saturated liquid at the triple point's compressed to pmax
   *  would be too tight for liquids near the melting line; twice the triple-point liquid density is safely
   *  beyond every fluid state within the limits. Unit: mol/m³ */
  get rhoMaxMolar(): number {
    return (this.rhoMax ??= 2 * this.saturation.atT(this.saturation.Tmin, new SaturationPoint()).rhoL);
  }
  private rhoMax?: number;

  /** ρ(∂p/∂ρ)_T of the saturated liquid at the triple point: how much a relative error in a liquid's density there
   *  moves its p(T, ρ) (about 1e9 Pa, for a triple-point pressure of 146 Pa in oxygen's case). Unit: Pa */
  get tripleLiquidStiffness(): number {
    if (this.stiffness === undefined) {
      const sp = this.saturation.atT(this.saturation.Tmin, new SaturationPoint());
      const m = evaluateProperties(this.eos, this.saturation.Tmin, sp.rhoL, new MolarProperties());
      this.stiffness = Math.abs(sp.rhoL * m.dpdrhoMolar);
    }
    return this.stiffness;
  }
  private stiffness?: number;

  /**
   * Where the saturated liquid is densest, when that is not at the triple point (water: about 277.1 K, 999.97
   * kg/m³): a density between ρ'(T_triple) and this maximum is two-phase between two temperatures, not below one.
   * Undefined for the usual fluid, whose ρ'(T) falls from the triple point on (and for a pseudo-pure one). T K,
   * rhoMolar mol/m³
   */
  get liquidDensityMaximum(): { readonly T: number; readonly rhoMolar: number } | undefined {
    if (this.densityMaximum === undefined) this.densityMaximum = this.pseudoPure ? null : findLiquidDensityMaximum(this.saturation);
    return this.densityMaximum ?? undefined;
  }
  private densityMaximum?: { readonly T: number; readonly rhoMolar: number } | null;

  /**
   * Saturated h', h'', s', s'' at T (molar, this fluid's reference state), from the saturation expansions where
   * they are exact (all but the last microkelvins below Tc), else from the EOS at the saturated densities.
   */
  saturatedCaloric(T: number, sat: SaturationPoint, out: { hL: number; hV: number; sL: number; sV: number }): void {
    if (this.saturation.caloric(T, out)) {
      out.hL += this.hShiftMolar;
      out.hV += this.hShiftMolar;
      out.sL += this.sShiftMolar;
      out.sV += this.sShiftMolar;
      return;
    }
    const l = evaluateProperties(this.eos, T, sat.rhoL, caloricScratch);
    out.hL = l.hMolar;
    out.sL = l.sMolar;
    const v = evaluateProperties(this.eos, T, sat.rhoV, caloricScratch);
    out.hV = v.hMolar;
    out.sV = v.sMolar;
  }

  /** Melting pressure at T, where the melting line is defined. Unit: Pa */
  meltingPressure(T: number): number | undefined {
    return meltingPressure(this.data.meltingLine, T);
  }

  /**
   * Whether (T, p) is solid: above the melting pressure by more than 1e-9 of it (FLASH_TOLERANCE.p) and `slack` (Pa),
   * unless at or below the saturation pressure to the same tolerance — within microkelvins of the triple point the
   * published melting line passes below the EOS's saturation pressure (CO2's by 14 Pa), and the saturated phases
   * there are fluid.
   */
  isSolid(T: number, p: number, slack = 0): boolean {
    const pm = this.meltingPressure(T);
    if (pm === undefined || p <= pm * (1 + 1e-9) + slack) return false;
    return !(T < this.saturation.Tmax && p <= this.saturation.atT(T, solidScratch).pL * (1 + 1e-9) + slack);
  }

  /** The lowest fluid temperature at pressure p (see isSolid): the melting temperature where p exceeds the melting
   *  pressure at Tmin, else Tmin; Tmax where p exceeds every melting pressure up to Tmax. Unit: K */
  lowestTemperature(p: number): number {
    if (!this.isSolid(this.Tmin, p)) return this.Tmin;
    let lo = this.Tmin;
    let hi = Math.min(this.Tmax, this.Tmin * 1.05);
    while (this.isSolid(hi, p) && hi < this.Tmax) {
      lo = hi;
      hi = Math.min(this.Tmax, hi * 1.2);
    }
    if (this.isSolid(hi, p)) return this.Tmax;
    // to round-off in T (about 60 halvings); the result is on the fluid side
    while (hi - lo > 4 * Number.EPSILON * hi) {
      const mid = 0.5 * (lo + hi);
      if (this.isSolid(mid, p)) lo = mid;
      else hi = mid;
    }
    return hi;
  }
}

/** The maximum of ρ'(T) near the triple point, or null where ρ' falls from the triple point on. */
function findLiquidDensityMaximum(curve: SaturationCurve): { T: number; rhoMolar: number } | null {
  const sp = new SaturationPoint();
  const rhoL = (T: number) => curve.atT(T, sp).rhoL;
  const n = 100;
  const span = 0.1 * (curve.Tmax - curve.Tmin);
  let best = 0;
  let bestRho = rhoL(curve.Tmin);
  for (let i = 1; i <= n; i++) {
    const r = rhoL(curve.Tmin + (span * i) / n);
    if (r > bestRho) {
      best = i;
      bestRho = r;
    }
  }
  if (best === 0) return null;
  // golden-section search on the bracket around the best sample
  let a = curve.Tmin + (span * (best - 1)) / n;
  let b = curve.Tmin + (span * Math.min(n, best + 1)) / n;
  const g = (Math.sqrt(5) - 1) / 2;
  while (b - a > 1e-12 * b) {
    const c = b - g * (b - a);
    const d = a + g * (b - a);
    if (rhoL(c) > rhoL(d)) b = d;
    else a = c;
  }
  const T = 0.5 * (a + b);
  return { T, rhoMolar: rhoL(T) };
}
