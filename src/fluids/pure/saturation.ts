import type { HelmholtzEOS } from '../eos/helmholtz.js';
import { Superancillary, type SuperancillaryData } from './superancillary.js';
import { maxwellSaturation, maxwellSaturationExtended } from './maxwell.js';
import { evaluateAncillary } from './ancillary.js';
import { solveDensity, virialGasGuess } from './density.js';
import { brent } from '../../numerics/roots.js';
import { FluidSolveError } from '../errors.js';

/** Below this distance from Tc the expansions' values are polished by the extended-precision solve (about 2 ms
 *  per temperature, where the expansions take 0.1 µs). Unit: K */
export const POLISH_WITHIN = 1.6e-5;

/** A point on the saturation (pure) or bubble/dew (pseudo-pure) lines, molar densities. */
export class SaturationPoint {
  /** Unit: K */
  T = 0;
  /** Liquid-side (bubble) pressure. Unit: Pa */
  pL = 0;
  /** Vapour-side (dew) pressure; equals pL for a pure fluid. Unit: Pa */
  pV = 0;
  /** Saturated (bubble-point) liquid density. Unit: mol/m³ */
  rhoL = 0;
  /** Saturated (dew-point) vapour density. Unit: mol/m³ */
  rhoV = 0;
}

/** Saturation of one fluid: where liquid and vapour coexist, from the triple point to the critical point. */
export interface SaturationCurve {
  readonly Tmin: number;
  /** The end of the curve (critical temperature). Unit: K */
  readonly Tmax: number;
  /** Lowest pressure on the curve (the triple point; for a pseudo-pure fluid the dew pressure there). Unit: Pa */
  readonly pmin: number;
  /** Lowest pressure at which saturated liquid exists (the triple point's bubble pressure). Unit: Pa */
  readonly pminLiquid: number;
  /** Highest pressure on the curve (the critical pressure; for a pseudo-pure fluid the bubble pressure at Tmax). Unit: Pa */
  readonly pmax: number;
  /** Highest pressure at which saturated vapour exists (pmax for a pure fluid; the dew pressure at Tmax for a
   *  pseudo-pure one). Unit: Pa */
  readonly pmaxVapor: number;
  /** Fills `out` at temperature T (Tmin ≤ T ≤ Tmax). */
  atT(T: number, out: SaturationPoint): SaturationPoint;
  /** Saturation (pure) temperature at p, or for a pseudo-pure fluid the bubble (side "liquid") or dew temperature;
   *  clamped to [Tmin, Tmax] where p lies beyond that side's curve (callers check the range). */
  temperature(p: number, side: 'liquid' | 'vapor'): number;
  /** Saturated h', h'', s', s'' at T (molar, the default reference state) where the expansions give them
   *  exactly; false where the caller must evaluate the EOS instead. */
  caloric(T: number, out: { hL: number; hV: number; sL: number; sV: number }): boolean;
}

/**
 * A pure fluid's saturation from the superancillary expansions of its own Maxwell solution (fast, and
 * accurate to round-off away from Tc), or — without them — from the Maxwell solve itself.
 */
export class PureSaturation implements SaturationCurve {
  readonly Tmin: number;
  readonly Tmax: number;
  readonly pmin: number;
  readonly pminLiquid: number;
  readonly pmax: number;
  readonly pmaxVapor: number;
  private readonly sa?: Superancillary;

  constructor(
    private readonly eos: HelmholtzEOS,
    critical: { T: number; p: number; rhoMolar: number },
    data?: SuperancillaryData,
  ) {
    this.Tmin = eos.data.Ttriple;
    this.Tmax = critical.T;
    this.pmax = critical.p;
    this.pmaxVapor = critical.p;
    this.rhoc = critical.rhoMolar;
    if (data) this.sa = new Superancillary(data);
    this.pmin = this.sa ? this.sa.pressure(this.Tmin) : this.solve(this.Tmin, new SaturationPoint()).pL;
    this.pminLiquid = this.pmin;
  }
  private readonly rhoc: number;

  atT(T: number, out: SaturationPoint): SaturationPoint {
    out.T = T;
    if (T >= this.Tmax) {
      out.pL = out.pV = this.pmax;
      out.rhoL = out.rhoV = this.rhoc;
      return out;
    }
    if (this.sa) {
      out.pL = out.pV = this.sa.pressure(T);
      out.rhoL = this.sa.rhoLiquid(T);
      out.rhoV = this.sa.rhoVapor(T);
      if (this.Tmax - T < POLISH_WITHIN) this.polish(T, out);
      return out;
    }
    return this.solve(T, out);
  }

  /**
   * Within microkelvins of Tc the expansions' last interval carries errors up to ~1e-7 in ρ (its nodes reach to
   * 1e-9 K from Tc, where T itself has only four significant digits of Tc − T): there the extended-precision
   * Maxwell solve, started from the expansions, gives the exact coexistence (about 2 ms; the last answer is kept).
   */
  private polish(T: number, out: SaturationPoint): void {
    if (T !== this.polishedT) {
      const r = maxwellSaturationExtended(this.eos, T, out.rhoL, out.rhoV);
      if (!r.ok) return;
      this.polishedT = T;
      this.polished = r.value;
    }
    const v = this.polished!;
    out.rhoL = v.rhoL;
    out.rhoV = v.rhoV;
    out.pL = out.pV = v.p;
  }
  private polishedT = Number.NaN;
  private polished?: { rhoL: number; rhoV: number; p: number };

  caloric(T: number, out: { hL: number; hV: number; sL: number; sV: number }): boolean {
    if (!this.sa || this.Tmax - T < POLISH_WITHIN) return false;
    this.sa.caloric(T, out);
    return true;
  }

  temperature(p: number): number {
    if (p >= this.pmax) return this.Tmax;
    if (this.sa) return this.sa.temperature(p);
    const r = brent((T) => Math.log(this.atT(T, new SaturationPoint()).pL / p), this.Tmin, this.Tmax * (1 - 1e-12), { rtol: 1e-15 });
    if (!r.ok) throw new FluidSolveError(`${this.eos.data.name} saturation`, { p }, r.reason);
    return r.value;
  }

  private solve(T: number, out: SaturationPoint): SaturationPoint {
    const a = this.eos.data.ancillaries;
    const gL = evaluateAncillary(a.rhoL, T);
    const gV = evaluateAncillary(a.rhoV, T);
    const near = this.Tmax - T < 20;
    const r = near ? maxwellSaturationExtended(this.eos, T, gL, gV) : maxwellSaturation(this.eos, T, gL, gV);
    if (!r.ok) throw new FluidSolveError(`${this.eos.data.name} saturation`, { T }, r.reason);
    out.T = T;
    out.pL = out.pV = r.value.p;
    out.rhoL = r.value.rhoL;
    out.rhoV = r.value.rhoV;
    return out;
  }
}

/**
 * A pseudo-pure fluid (air): its bubble and dew pressures are Lemmon et al.'s (2000) equations pL(T), pV(T)
 * (not a phase equilibrium of the EOS), and the densities are the EOS's liquid root at the bubble pressure and
 * vapour root at the dew pressure — the same definition as CoolProp's and REFPROP's. The curves end at `Tend`, the
 * published critical temperature (air's equations reach 0.1 K beyond it, where the bubble pressure passes a
 * maximum): every flash treats T ≥ T_c as single-phase, so the band the model does not describe is the same for all.
 */
export class PseudoPureSaturation implements SaturationCurve {
  readonly Tmin: number;
  readonly Tmax: number;
  readonly pmin: number;
  readonly pminLiquid: number;
  readonly pmax: number;
  readonly pmaxVapor: number;

  constructor(
    private readonly eos: HelmholtzEOS,
    Tend = Infinity,
  ) {
    const a = eos.data.ancillaries;
    this.Tmin = eos.data.Ttriple;
    this.Tmax = Math.min(a.pL.Tmax, a.pV.Tmax, Tend);
    this.pminLiquid = evaluateAncillary(a.pL, this.Tmin);
    this.pmin = Math.min(this.pminLiquid, evaluateAncillary(a.pV, this.Tmin));
    this.pmaxVapor = evaluateAncillary(a.pV, this.Tmax);
    this.pmax = Math.max(evaluateAncillary(a.pL, this.Tmax), this.pmaxVapor);
  }

  atT(T: number, out: SaturationPoint): SaturationPoint {
    const a = this.eos.data.ancillaries;
    out.T = T;
    out.pL = evaluateAncillary(a.pL, T);
    out.pV = evaluateAncillary(a.pV, T);
    const gL = evaluateAncillary(a.rhoL, Math.min(T, a.rhoL.Tmax));
    const rl = solveDensity(this.eos, T, out.pL, gL, 0.9 * gL, Infinity);
    const rv = solveDensity(this.eos, T, out.pV, virialGasGuess(this.eos, T, out.pV), 0, evaluateAncillary(a.rhoV, T) * 1.5);
    if (!rl.ok || !rv.ok) {
      throw new FluidSolveError(`${this.eos.data.name} bubble/dew densities`, { T }, (!rl.ok ? rl.reason : '') + (!rv.ok ? rv.reason : ''));
    }
    out.rhoL = rl.value;
    out.rhoV = rv.value;
    return out;
  }

  caloric(): boolean {
    return false;
  }

  temperature(p: number, side: 'liquid' | 'vapor'): number {
    const anc = side === 'liquid' ? this.eos.data.ancillaries.pL : this.eos.data.ancillaries.pV;
    if (p >= evaluateAncillary(anc, this.Tmax)) return this.Tmax;
    if (p <= evaluateAncillary(anc, this.Tmin)) return this.Tmin;
    const r = brent((T) => Math.log(evaluateAncillary(anc, T) / p), this.Tmin, this.Tmax, { rtol: 1e-15 });
    if (!r.ok) throw new FluidSolveError(`${this.eos.data.name} ${side === 'liquid' ? 'bubble' : 'dew'} temperature`, { p }, r.reason);
    return r.value;
  }
}
