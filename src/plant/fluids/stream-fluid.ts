/**
 * What a stream's medium offers the plant: its state at the solver's variables (p, h and, for combustion gas, the
 * burnt-fuel fraction f), with the derivatives Newton needs, read off the state analytically where they exist:
 *   (∂T/∂h)_p = 1/cp,  (∂T/∂p)_h = μ_JT,  (∂s/∂h)_p = 1/T,  (∂s/∂p)_h = −v/T   (dh = T ds + v dp).
 * In the two-phase region T depends on p only: (∂T/∂h)_p = 0, (∂T/∂p)_h = dT_sat/dp (Clausius–Clapeyron).
 * Every adapter evaluates its medium once per call and throws a FluidInputError (from src/fluids) for a state
 * outside its range; the solver treats that as "step too long" and backs off.
 */
import type { IdealGasMixture } from '../../fluids/idealgas/index.js';

export type StreamFluidKind = 'real' | 'liquid' | 'ideal-gas' | 'combustion-gas';

/** One stream state, written in place by `StreamFluid.evaluate` (the solver keeps one per stream). */
export class StreamState {
  /** Inputs the state was evaluated at (the cache key). Pa, J/kg, - */
  p = NaN;
  h = NaN;
  f = NaN;
  /** Unit: K */
  T = NaN;
  /** Specific entropy. Unit: J/(kg K) */
  s = NaN;
  /** Unit: kg/m³ */
  rho = NaN;
  /** Isobaric heat capacity; NaN in the two-phase region. Unit: J/(kg K) */
  cp = NaN;
  /** Vapour mass fraction; NaN for single-phase states. Unit: - */
  Q = NaN;
  /** Phase label (CoolProp's strings for real fluids; 'liquid' or 'gas' for the other media). */
  phase = '';
  /** (∂T/∂h)_p. Unit: K kg/J */
  dTdh = NaN;
  /** (∂T/∂p)_h. Unit: K/Pa */
  dTdp = NaN;
  /** (∂T/∂f)_{p,h}; 0 for fixed compositions. Unit: K */
  dTdf = 0;
  /** (∂s/∂h)_p. Unit: 1/K */
  dsdh = NaN;
  /** (∂s/∂p)_h. Unit: J/(kg K Pa) */
  dsdp = NaN;
  /** (∂s/∂f)_{p,h}. Unit: J/(kg K) */
  dsdf = 0;
  /** Set when the state was evaluated successfully. */
  valid = false;

  copyFrom(o: StreamState): this {
    this.p = o.p;
    this.h = o.h;
    this.f = o.f;
    this.T = o.T;
    this.s = o.s;
    this.rho = o.rho;
    this.cp = o.cp;
    this.Q = o.Q;
    this.phase = o.phase;
    this.dTdh = o.dTdh;
    this.dTdp = o.dTdp;
    this.dTdf = o.dTdf;
    this.dsdh = o.dsdh;
    this.dsdp = o.dsdp;
    this.dsdf = o.dsdf;
    this.valid = o.valid;
    return this;
  }
}

/** The end of an isentropic change: h(p, s) with its derivatives (∂h/∂p)_s = v and (∂h/∂s)_p = T. */
export class IsentropicPoint {
  /** Unit: J/kg */
  h = NaN;
  /** Unit: K */
  T = NaN;
  /** Specific volume. Unit: m³/kg */
  v = NaN;
}

export interface StreamFluid {
  /** Name shown in tables: 'Air', 'TVP1', 'flue gas (CH4 in air)'. */
  readonly name: string;
  readonly kind: StreamFluidKind;
  /** True where the stream carries a composition variable f (combustion gas: kg of fuel burnt per kg). */
  readonly variableComposition: boolean;
  /** Lowest temperature of the model. Unit: K */
  readonly Tmin: number;
  /** Highest temperature of the model. Unit: K */
  readonly Tmax: number;
  /** Highest pressure of the model. Unit: Pa */
  readonly pmax: number;
  /** The state at pressure p, enthalpy h and composition f (ignored for fixed compositions), written into `out`. */
  evaluate(p: number, h: number, f: number, out: StreamState): void;
  /**
   * The temperature alone at (p, h, f), exactly the T `evaluate` writes, without the rest of the state (media whose
   * temperature is cheaper than their full state offer it; callers fall back to `evaluate`). Unit: K
   */
  temperature?(p: number, h: number, f: number): number;
  /** Enthalpy at (T, p); with `out` also the full state there (one evaluation instead of two). Unit: J/kg */
  hTP(T: number, p: number, f: number, out?: StreamState): number;
  /** The isentropic end point at pressure p with entropy s, written into `out`. */
  isentropic(p: number, s: number, f: number, out: IsentropicPoint): void;
  /** Saturated liquid and vapour enthalpies at p, or undefined where there is no two-phase region at p. J/kg */
  saturationEnthalpies(p: number): readonly [number, number] | undefined;
  /**
   * Offset that turns this medium's h into the absolute (formation) basis of the ideal-gas data — elements at
   * 298.15 K: h = 0 — so that streams of different media can meet in a combustor: h_abs = h + offset. Undefined for
   * media with no ideal-gas counterpart (they cannot take part in a reaction). Unit: J/kg
   */
  formationOffset(f: number): number | undefined;
  /** The ideal-gas mixture this medium corresponds to in a reaction (air → dry air, Methane → CH4), if any. */
  reactionMixture(f: number): IdealGasMixture | undefined;
}
