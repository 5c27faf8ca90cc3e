/**
 * A pure or pseudo-pure fluid from its Helmholtz equation of state (src/fluids) as a stream medium: one (p, h)
 * flash per evaluation; derivatives from the returned state (see stream-fluid.ts).
 */
import type { Fluid, FluidState } from '../../fluids/index.js';
import { DRY_AIR, mixture, pureSpecies, type IdealGasMixture } from '../../fluids/idealgas/index.js';
import { STANDARD_TEMPERATURE } from '../../fluids/idealgas/index.js';
import { IsentropicPoint, StreamState, type StreamFluid } from './stream-fluid.js';

/** The ideal-gas mixture each built-in fluid is in a reaction (for the combustor's energy balance). */
const REACTION_MIXTURES: Readonly<Record<string, () => IdealGasMixture>> = {
  Air: () => mixture(DRY_AIR),
  CO2: () => pureSpecies('CO2'),
  Water: () => pureSpecies('H2O'),
  Nitrogen: () => pureSpecies('N2'),
  Oxygen: () => pureSpecies('O2'),
  Argon: () => pureSpecies('Ar'),
  Methane: () => pureSpecies('CH4'),
};

/** Pressure at which the equation of state is matched to the ideal-gas data (a dilute gas for every fluid). Pa */
const FORMATION_MATCH_PRESSURE = 100;

export class RealFluid implements StreamFluid {
  readonly kind = 'real' as const;
  readonly variableComposition = false;
  readonly name: string;
  readonly Tmin: number;
  readonly Tmax: number;
  readonly pmax: number;
  private readonly mix: IdealGasMixture | undefined;
  private offset: number | undefined | null = null;

  constructor(readonly fluid: Fluid) {
    this.name = fluid.name;
    this.Tmin = fluid.Tmin;
    this.Tmax = fluid.Tmax;
    this.pmax = fluid.pmax;
    this.mix = REACTION_MIXTURES[fluid.name]?.();
  }

  evaluate(p: number, h: number, _f: number, out: StreamState): void {
    fill(this.fluid.ph(p, h), h, out);
  }

  /**
   * T of the same (p, h) flash as `evaluate`, without copying the state: a two-phase state's copy builds both
   * coexisting phases for its Clausius–Clapeyron slope, half again the flash's cost (the pinch check's nodes).
   */
  temperature(p: number, h: number): number {
    return this.fluid.ph(p, h).T;
  }

  hTP(T: number, p: number, _f: number, out?: StreamState): number {
    const st = this.fluid.tp(T, p);
    if (out) fill(st, st.h, out);
    return st.h;
  }

  isentropic(p: number, s: number, _f: number, out: IsentropicPoint): void {
    const st = this.fluid.ps(p, s);
    out.h = st.h;
    out.T = st.T;
    out.v = 1 / st.rho;
  }

  saturationEnthalpies(p: number): readonly [number, number] | undefined {
    const f = this.fluid;
    if (f.pseudoPure || !(p < f.critical.p && p > f.triple.p)) return undefined;
    return f.saturationEnthalpiesAtP(p);
  }

  /** h_abs = h + [h_ig(298.15 K) − h_EOS(298.15 K, 100 Pa)]: the EOS matched to the ideal-gas data in the dilute gas. */
  formationOffset(): number | undefined {
    if (this.offset === null) {
      this.offset = this.mix ? this.mix.hMass(STANDARD_TEMPERATURE) - this.fluid.tp(STANDARD_TEMPERATURE, FORMATION_MATCH_PRESSURE).h : undefined;
    }
    return this.offset;
  }

  reactionMixture(): IdealGasMixture | undefined {
    return this.mix;
  }
}

/** Copies a flash result into a stream state with the derivatives the solver needs. */
export function fill(st: FluidState, h: number, out: StreamState): void {
  out.p = st.p;
  out.h = h;
  out.f = 0;
  out.T = st.T;
  out.s = st.s;
  out.rho = st.rho;
  out.phase = st.phase;
  const T = st.T;
  const v = 1 / st.rho;
  out.dsdh = 1 / T;
  out.dsdp = -v / T;
  out.dTdf = 0;
  out.dsdf = 0;
  if (st.Q !== null && st.liquid && st.vapor) {
    out.Q = st.Q;
    out.cp = NaN;
    out.dTdh = 0;
    out.dTdp = (T * (1 / st.vapor.rho - 1 / st.liquid.rho)) / (st.vapor.h - st.liquid.h);
  } else {
    out.Q = NaN;
    out.cp = st.cp ?? NaN;
    out.dTdh = 1 / (st.cp as number);
    out.dTdp = st.jouleThomson ?? 0;
  }
  out.valid = true;
}
