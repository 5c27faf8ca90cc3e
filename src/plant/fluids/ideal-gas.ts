/**
 * An ideal-gas mixture of fixed composition (NASA-7 data, src/fluids/idealgas) as a stream medium:
 *   T = T(h),  s = s(T, p),  ρ = p/(R T),  (∂T/∂h)_p = 1/cp,  (∂T/∂p)_h = 0,  (∂s/∂p)_h = −R/p.
 * h includes the enthalpies of formation, so the formation offset is 0.
 */
import { FluidInputError } from '../../fluids/index.js';
import type { IdealGasMixture } from '../../fluids/idealgas/index.js';
import { IsentropicPoint, StreamState, type StreamFluid } from './stream-fluid.js';

export class IdealGasFluid implements StreamFluid {
  readonly kind = 'ideal-gas' as const;
  readonly variableComposition = false;
  readonly Tmin: number;
  readonly Tmax: number;
  readonly pmax = 1e9;

  constructor(
    readonly mixture: IdealGasMixture,
    readonly name: string,
  ) {
    this.Tmin = mixture.Tmin;
    this.Tmax = mixture.Tmax;
  }

  evaluate(p: number, h: number, _f: number, out: StreamState): void {
    fillIdealGas(this.mixture, p, this.mixture.T_hMass(h), h, out);
  }

  /** T(h) alone (the ideal gas's temperature does not depend on p). Unit: K */
  temperature(_p: number, h: number): number {
    return this.mixture.T_hMass(h);
  }

  hTP(T: number, p: number, _f: number, out?: StreamState): number {
    const h = this.mixture.hMass(T);
    if (out) fillIdealGas(this.mixture, p, T, h, out);
    return h;
  }

  isentropic(p: number, s: number, _f: number, out: IsentropicPoint): void {
    isentropicIdealGas(this.mixture, p, s, out);
  }

  saturationEnthalpies(): undefined {
    return undefined;
  }

  formationOffset(): number {
    return 0;
  }

  reactionMixture(): IdealGasMixture {
    return this.mixture;
  }
}

export function fillIdealGas(m: IdealGasMixture, p: number, T: number, h: number, out: StreamState): void {
  if (!(p > 0 && p < Infinity)) throw new FluidInputError('ideal-gas mixture', 'p', p, 'a finite pressure > 0 Pa', 'Pa');
  const cp = m.cpMass(T);
  const R = m.gasConstant;
  out.p = p;
  out.h = h;
  out.T = T;
  out.s = m.sMass(T, p);
  out.rho = p / (R * T);
  out.cp = cp;
  out.Q = NaN;
  out.phase = 'gas';
  out.dTdh = 1 / cp;
  out.dTdp = 0;
  out.dTdf = 0;
  out.dsdh = 1 / T;
  out.dsdp = -R / p;
  out.dsdf = 0;
  out.valid = true;
}

export function isentropicIdealGas(m: IdealGasMixture, p: number, s: number, out: IsentropicPoint): void {
  const T = m.T_sMass(s, p);
  out.T = T;
  out.h = m.hMass(T);
  out.v = (m.gasConstant * T) / p;
}
