/**
 * Pressurised liquid water as a thermal-store medium, behind the same `StoreMedium` interface as the fitted
 * liquids, with every property from the IAPWS-95 equation of state (src/fluids 'Water'). Valid where water is
 * liquid: 273.16 K ≤ T ≤ 640 K (below the critical temperature) and p above the saturation pressure at T; anything
 * else throws a FluidInputError naming the field, value and range.
 */
import { fluid, FluidInputError, type Fluid, type FluidState } from '../../fluids/index.js';
import type { StoreMedium } from '../../fluids/incompressible/index.js';

/** Highest temperature offered (a margin below the critical 647.096 K, where "liquid" stops meaning much). K */
const WATER_STORE_TMAX = 640;

export class PressurisedWater implements StoreMedium {
  readonly id = 'Water';
  readonly name = 'pressurised water (IAPWS-95)';
  readonly Tmin: number;
  readonly Tmax = WATER_STORE_TMAX;
  private readonly water: Fluid;

  constructor() {
    this.water = fluid('Water');
    this.Tmin = this.water.triple.T;
  }

  psat(T: number): number {
    this.checkT(T, 'psat');
    return this.water.saturationAtT(T).p;
  }

  rhoMass(T: number, p: number): number {
    return this.state(T, p, 'rhoMass').rho;
  }

  cpMass(T: number, p: number): number {
    return this.state(T, p, 'cpMass').cp as number;
  }

  hMass(T: number, p: number): number {
    return this.state(T, p, 'hMass').h;
  }

  sMass(T: number, p: number): number {
    return this.state(T, p, 'sMass').s;
  }

  uMass(T: number, p: number): number {
    return this.state(T, p, 'uMass').u;
  }

  viscosity(T: number, p: number): number {
    const mu = this.state(T, p, 'viscosity').mu;
    if (mu === null) throw new FluidInputError('pressurised water viscosity', 'T', T, 'a state with a viscosity correlation');
    return mu;
  }

  conductivity(T: number, p: number): number {
    const k = this.state(T, p, 'conductivity').k;
    if (k === null) throw new FluidInputError('pressurised water conductivity', 'T', T, 'a state with a conductivity correlation');
    return k;
  }

  T_hMass(hMass: number, p: number): number {
    return this.liquid(this.water.ph(p, hMass), 'T_hMass', 'hMass', hMass).T;
  }

  T_sMass(sMass: number, p: number): number {
    return this.liquid(this.water.ps(p, sMass), 'T_sMass', 'sMass', sMass).T;
  }

  private checkT(T: number, what: string): void {
    if (!(T >= this.Tmin && T <= this.Tmax)) throw new FluidInputError(`pressurised water ${what}`, 'T', T, `${this.Tmin} K ≤ T ≤ ${this.Tmax} K`, 'K');
  }

  private state(T: number, p: number, what: string): FluidState {
    this.checkT(T, what);
    return this.liquid(this.water.tp(T, p), what, 'p', p);
  }

  private liquid(st: FluidState, what: string, field: string, value: number): FluidState {
    if (st.phase !== 'liquid' && st.phase !== 'supercritical_liquid') {
      throw new FluidInputError(`pressurised water ${what}`, field, value, `a liquid state (got ${st.phase} at T = ${st.T} K, p = ${st.p} Pa; raise p above the saturation pressure)`);
    }
    if (!(st.T <= this.Tmax)) throw new FluidInputError(`pressurised water ${what}`, field, value, `a state at or below ${this.Tmax} K (got ${st.T} K)`);
    return st;
  }
}

let instance: PressurisedWater | undefined;

/** The pressurised-water store medium (built once). */
export function pressurisedWater(): PressurisedWater {
  instance ??= new PressurisedWater();
  return instance;
}
