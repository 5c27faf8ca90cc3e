import type { PureFluid } from '../pure/pure-fluid.js';
import { FluidInputError, requireFinite } from '../errors.js';

/** Checks T against the fluid's limits; names the flash in the error. */
export function checkTemperature(fluid: PureFluid, T: unknown, what: string): number {
  const v = requireFinite(`${fluid.name} ${what}`, 'T', T, 'K');
  // limits hold to round-off: a value recomputed from a state at the limit may sit an ulp outside
  if (!(v >= fluid.Tmin * (1 - 1e-13) && v <= fluid.Tmax * (1 + 1e-13))) {
    throw new FluidInputError(`${fluid.name} ${what}`, 'T', v, `${fluid.Tmin} K ≤ T ≤ ${fluid.Tmax} K`, 'K');
  }
  return v;
}

/** Checks p against the fluid's limits. */
export function checkPressure(fluid: PureFluid, p: unknown, what: string): number {
  const v = requireFinite(`${fluid.name} ${what}`, 'p', p, 'Pa');
  if (!(v >= fluid.pmin && v <= fluid.pmax * (1 + 1e-12))) throw new FluidInputError(`${fluid.name} ${what}`, 'p', v, `${fluid.pmin} Pa ≤ p ≤ ${fluid.pmax} Pa`, 'Pa');
  return v;
}

/** Checks a mass density against (0, 2 ρ'(T_triple)]. */
export function checkDensity(fluid: PureFluid, rho: unknown, what: string): number {
  const v = requireFinite(`${fluid.name} ${what}`, 'rho', rho, 'kg/m3');
  const max = fluid.rhoMaxMolar * fluid.eos.M;
  if (!(v >= 1e-12 && v <= max)) throw new FluidInputError(`${fluid.name} ${what}`, 'rho', v, `1e-12 kg/m3 ≤ rho ≤ ${max} kg/m3`, 'kg/m3');
  return v;
}

/** Throws if (T, p) lies in the solid region (above the melting pressure). */
export function checkNotSolid(fluid: PureFluid, T: number, p: number, what: string): void {
  const pm = fluid.meltingPressure(T);
  if (pm !== undefined && p > pm) {
    throw new FluidInputError(`${fluid.name} ${what}`, 'p', p, `p ≤ ${pm} Pa, the melting pressure at T = ${T} K (above it the fluid is solid)`, 'Pa');
  }
}

/** Checks a vapour quality. */
export function checkQuality(fluid: PureFluid, Q: unknown, what: string): number {
  const v = requireFinite(`${fluid.name} ${what}`, 'Q', Q);
  if (!(v >= 0 && v <= 1)) throw new FluidInputError(`${fluid.name} ${what}`, 'Q', v, '0 ≤ Q ≤ 1');
  return v;
}
