/**
 * A thermal-store liquid (src/fluids/incompressible, or pressurised water through `pressurisedWater`) as a stream
 * medium. The liquids give h(T, p) and s(T, p); the solver's (p, h) form inverts h once per evaluation, and the
 * derivatives follow from (∂h/∂T)_p and (∂h/∂p)_T by short differences of the cheap forward functions (h is linear in
 * p in the incompressible model, so the p-difference is exact).
 */
import type { StoreMedium } from '../../fluids/incompressible/index.js';
import type { IdealGasMixture } from '../../fluids/idealgas/index.js';
import { IsentropicPoint, StreamState, type StreamFluid } from './stream-fluid.js';

/** Temperature step of the central differences. K */
const DT = 1e-3;

export class LiquidFluid implements StreamFluid {
  readonly kind = 'liquid' as const;
  readonly variableComposition = false;
  readonly name: string;
  readonly Tmin: number;
  readonly Tmax: number;
  readonly pmax = 1e9;

  constructor(readonly medium: StoreMedium) {
    this.name = medium.id;
    this.Tmin = medium.Tmin;
    this.Tmax = medium.Tmax;
  }

  evaluate(p: number, h: number, _f: number, out: StreamState): void {
    const T = this.medium.T_hMass(h, p);
    this.fillAt(T, p, h, out);
  }

  /** T(h, p) without the differences `evaluate` adds for the derivatives. Unit: K */
  temperature(p: number, h: number): number {
    return this.medium.T_hMass(h, p);
  }

  hTP(T: number, p: number, _f: number, out?: StreamState): number {
    const h = this.medium.hMass(T, p);
    if (out) this.fillAt(T, p, h, out);
    return h;
  }

  isentropic(p: number, s: number, _f: number, out: IsentropicPoint): void {
    const m = this.medium;
    const T = m.T_sMass(s, p);
    out.T = T;
    out.h = m.hMass(T, p);
    out.v = 1 / m.rhoMass(T, p);
  }

  saturationEnthalpies(): undefined {
    return undefined;
  }

  formationOffset(): undefined {
    return undefined;
  }

  reactionMixture(): IdealGasMixture | undefined {
    return undefined;
  }

  private fillAt(T: number, p: number, h: number, out: StreamState): void {
    const m = this.medium;
    const lo = Math.max(m.Tmin, T - DT);
    const hi = Math.min(m.Tmax, T + DT);
    const dhdT = (m.hMass(hi, p) - m.hMass(lo, p)) / (hi - lo);
    const dsdT = (m.sMass(hi, p) - m.sMass(lo, p)) / (hi - lo);
    const dp = Math.max(1e3, 1e-3 * p);
    const s = m.sMass(T, p);
    const dhdpT = (m.hMass(T, p + dp) - h) / dp;
    const dsdpT = (m.sMass(T, p + dp) - s) / dp;
    out.p = p;
    out.h = h;
    out.f = 0;
    out.T = T;
    out.s = s;
    out.rho = m.rhoMass(T, p);
    out.cp = m.cpMass(T, p);
    out.Q = NaN;
    out.phase = 'liquid';
    out.dTdh = 1 / dhdT;
    out.dTdp = -dhdpT / dhdT;
    out.dTdf = 0;
    out.dsdh = dsdT / dhdT;
    out.dsdp = dsdpT + dsdT * out.dTdp;
    out.dsdf = 0;
    out.valid = true;
  }
}
