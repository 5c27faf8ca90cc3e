/**
 * The stores of a plant in time: each holds one or more parts (a cavern; a hot and a cold tank; a water basin),
 * and each part's state is its mass M (kg) and energy E (J) — the internal energy U for a rigid vessel (its state
 * from the (ρ, u) flash, ρ = M/V, u = U/M) and the enthalpy H for a part kept at constant pressure (dome,
 * compensated cavern, thermal-store tank, basin: state from (p, h = H/M)). Fluid entering or leaving a part carries
 * m·h: for a rigid vessel dU = Σ ṁ_in h_in − Σ ṁ_out h_out + Q̇, for a constant-pressure part dH = the same (V dp = 0),
 * so one update serves both and mass and energy are conserved by construction.
 *
 * Heat exchange with the surroundings (the standing losses):
 *   rigid vessel:       Q̇ = U_w A_w (T_wall − T)   (a wall held at T_wall: rock of a salt cavern, or the ambient
 *                       for a tank), integrated in sub-steps short against the vessel's time constant;
 *   liquid tank, basin: Q̇ = U A_wet (T_amb − T), integrated exactly: T relaxes towards T_amb as
 *                       exp(−U A_wet Δt / (M c_p)) at the step's start level (A_wet: bottom plus the wetted wall of
 *                       a vertical cylinder; the ullage is counted as insulating).
 *
 * Stored energy for balances: E − M·h_ref, with h_ref the specific enthalpy of the part's fluid at the dead state
 * (for an open-air plant this makes air drawn from the ambient carry no energy). Exergy of a part (closed-system
 * exergy): M [(u − u₀) + p₀ (v − v₀) − T₀ (s − s₀)].
 */
import { fluid, type Fluid } from '../../fluids/index.js';
import { resolveFluid, type FluidSpec } from '../fluids/resolve.js';
import { StreamState, type StreamFluid } from '../fluids/stream-fluid.js';

export type StoreKind = 'cavern' | 'compensated' | 'tank' | 'dome' | 'thermal-store' | 'basin';

/** The dead state (ambient) of a plant. */
export interface Ambient {
  /** Unit: K */
  readonly T: number;
  /** Unit: Pa */
  readonly p: number;
}

/** One part's state, derived from its mass and energy. */
export interface PartState {
  /** Unit: Pa */
  readonly p: number;
  /** Unit: K */
  readonly T: number;
  /** Specific enthalpy. Unit: J/kg */
  readonly h: number;
  /** Specific internal energy. Unit: J/kg */
  readonly u: number;
  /** Unit: J/(kg K) */
  readonly s: number;
  /** Mean density of the contents. Unit: kg/m³ */
  readonly rho: number;
  /** Vapour mass fraction where two-phase, else NaN. Unit: - */
  readonly Q: number;
  /** Volume the contents fill (a rigid vessel: its volume). Unit: m³ */
  readonly volume: number;
  /** Filling: liquid volume ÷ vessel volume (two-phase tanks), contents ÷ capacity (others). Unit: - */
  readonly level: number;
  /** Unit: kg */
  readonly M: number;
}

/** A limit of a store: the margin is ≥ 0 while it holds (in the limit's own unit), continuous in the state. */
export interface Limit {
  /** What stops the plant, for people: 'cavern pressure at its maximum (75 bar)'. */
  readonly name: string;
  readonly margin: number;
}

/** A time-series channel a store contributes: its name ('cavern.p'), unit and reader. */
export interface Channel {
  readonly name: string;
  readonly unit: string;
  read(x: Float64Array): number;
}

export abstract class Store {
  abstract readonly kind: StoreKind;
  abstract readonly parts: readonly string[];
  /** Where this store's (M, E) pairs begin in the plant's state vector (set by StoreSet). */
  offset = 0;
  /** Specific enthalpy of each part's fluid at the dead state, the zero of stored energy. Unit: J/kg */
  protected abstract hRef(part: number): number;

  constructor(
    readonly id: string,
    protected readonly ambient: Ambient,
  ) {}

  /** The state of one part. */
  abstract state(x: Float64Array, part: number): PartState;

  /** Exchanges heat with the surroundings over dt (mutating x); returns the heat gained by each part. Unit: J */
  abstract standing(x: Float64Array, dt: number, out: Float64Array): void;

  /** The limits that stop charging ('charge') or discharging ('discharge'). */
  abstract limits(x: Float64Array, phase: 'charge' | 'discharge'): Limit[];

  /** Time-series channels. */
  abstract channels(): Channel[];

  M(x: Float64Array, part: number): number {
    return x[this.offset + 2 * part];
  }

  E(x: Float64Array, part: number): number {
    return x[this.offset + 2 * part + 1];
  }

  /** Stored energy relative to the dead state of its fluid: Σ (E − M h_ref). Unit: J */
  energy(x: Float64Array): number {
    let sum = 0;
    for (let k = 0; k < this.parts.length; k++) sum += this.E(x, k) - this.M(x, k) * this.hRef(k);
    return sum;
  }

  /** Mass of working fluid (0 for stores of a heat-transfer medium). Unit: kg */
  workingMass(x: Float64Array): number {
    let sum = 0;
    if (this.holdsWorkingFluid) for (let k = 0; k < this.parts.length; k++) sum += this.M(x, k);
    return sum;
  }

  /** Whether the store holds the plant's working fluid (air, CO2) rather than a heat-transfer medium. */
  abstract readonly holdsWorkingFluid: boolean;

  /** Closed-system exergy of the contents. Unit: J */
  abstract exergy(x: Float64Array): number;

  /** Sets one part's mass and energy. */
  set(x: Float64Array, part: number, M: number, E: number): void {
    x[this.offset + 2 * part] = M;
    x[this.offset + 2 * part + 1] = E;
  }
}

/**
 * Memo of the last few states computed per part: a step asks for the state at its start (the operating point, the
 * limits), at its trial end (the limits, the bisection towards one), at its start again (the time series) and after
 * the standing losses, so that a single entry was overwritten before it was asked for again. A state is a function
 * of (M, E) alone, so an entry answers exactly.
 */
class Memo {
  private static readonly SIZE = 4;
  private readonly M: Float64Array;
  private readonly E: Float64Array;
  private readonly states: (PartState | undefined)[];
  /** Per part, the entry the next new state overwrites. */
  private readonly next: Uint8Array;
  constructor(parts: number) {
    this.M = new Float64Array(parts * Memo.SIZE).fill(NaN);
    this.E = new Float64Array(parts * Memo.SIZE).fill(NaN);
    this.states = new Array(parts * Memo.SIZE).fill(undefined);
    this.next = new Uint8Array(parts);
  }
  get(part: number, M: number, E: number, make: () => PartState): PartState {
    const o = part * Memo.SIZE;
    for (let i = o; i < o + Memo.SIZE; i++) {
      const known = this.states[i];
      if (known && this.M[i] === M && this.E[i] === E) return known;
    }
    const s = make();
    const i = o + this.next[part];
    this.next[part] = (this.next[part] + 1) % Memo.SIZE;
    this.M[i] = M;
    this.E[i] = E;
    this.states[i] = s;
    return s;
  }
}

function deadState(f: Fluid, a: Ambient): { u: number; v: number; s: number; h: number } {
  const st = f.tp(a.T, a.p);
  return { u: st.u, v: 1 / st.rho, s: st.s, h: st.h };
}

/** Options of a rigid vessel. */
export interface RigidVesselOptions {
  readonly kind: 'cavern' | 'tank';
  /** Fluid name (an equation of state of src/fluids: Air, CO2, …). */
  readonly fluid: string;
  /** Unit: m³ */
  readonly volume: number;
  /** Heat exchange with a wall at constant temperature (none when absent). */
  readonly wall?: { readonly area: number; readonly U: number; readonly T: number };
  /** Where fluid leaves two-phase contents: the liquid at the bottom or the vapour at the top. */
  readonly outlet: 'liquid' | 'vapour';
  /** Pressure limits. Unit: Pa */
  readonly pMin?: number;
  readonly pMax?: number;
  /** Liquid level limits (two-phase tanks). Unit: - */
  readonly levelMin?: number;
  readonly levelMax?: number;
  /** Whether it holds the working fluid (default true). */
  readonly working?: boolean;
  /** Whether charging fills it (cavern, liquid tank, high-pressure tank; default) or draws it down (low-pressure tank). */
  readonly fillsOnCharge?: boolean;
}

/**
 * A rigid vessel — salt cavern, liquid-CO2 tank, high- or low-pressure CO2 tank — at constant volume: its state from
 * the (ρ, u) flash. A two-phase content supplies saturated liquid or vapour (per `outlet`).
 */
export class RigidVessel extends Store {
  readonly kind: 'cavern' | 'tank';
  readonly parts = ['contents'] as const;
  readonly holdsWorkingFluid: boolean;
  readonly fluid: Fluid;
  private readonly memo = new Memo(1);
  private readonly dead: { u: number; v: number; s: number; h: number };

  constructor(
    id: string,
    ambient: Ambient,
    readonly options: RigidVesselOptions,
  ) {
    super(id, ambient);
    this.kind = options.kind;
    this.fluid = fluid(options.fluid);
    this.holdsWorkingFluid = options.working ?? true;
    this.dead = deadState(this.fluid, ambient);
  }

  protected hRef(): number {
    return this.dead.h;
  }

  get volume(): number {
    return this.options.volume;
  }

  /** Mass and internal energy of the vessel filled at (T, p), or two-phase at T with the given liquid level. */
  fill(x: Float64Array, spec: { T: number; p: number } | { T: number; level: number }): void {
    const V = this.options.volume;
    if ('p' in spec) {
      const st = this.fluid.tp(spec.T, spec.p);
      this.set(x, 0, st.rho * V, st.rho * V * st.u);
      return;
    }
    const sat = this.fluid.saturationAtT(spec.T);
    const mL = sat.liquid.rho * V * spec.level;
    const mV = sat.vapor.rho * V * (1 - spec.level);
    this.set(x, 0, mL + mV, mL * sat.liquid.u + mV * sat.vapor.u);
  }

  state(x: Float64Array, part = 0): PartState {
    const M = this.M(x, part);
    const E = this.E(x, part);
    return this.memo.get(part, M, E, () => this.make(M, E));
  }

  private make(M: number, E: number): PartState {
    const V = this.options.volume;
    const st = this.fluid.du(M / V, E / M);
    let level: number;
    if (st.Q !== null && st.liquid) level = ((1 - st.Q) * M) / st.liquid.rho / V;
    else level = st.rho > this.fluid.critical.rho ? 1 : 0;
    return { p: st.p, T: st.T, h: st.h, u: st.u, s: st.s, rho: st.rho, Q: st.Q ?? NaN, volume: V, level, M };
  }

  /** What the vessel imposes on a stream it supplies: p with T, or p with the quality of the phase drawn. */
  supplySpec(x: Float64Array): { p: number; T?: number; Q?: number } {
    const st = this.state(x);
    if (!Number.isNaN(st.Q)) return { p: st.p, Q: this.options.outlet === 'liquid' ? 0 : 1 };
    return { p: st.p, T: st.T };
  }

  standing(x: Float64Array, dt: number, out: Float64Array): void {
    out[0] = 0;
    const w = this.options.wall;
    if (!w || w.U * w.area === 0 || dt <= 0) return;
    const UA = w.U * w.area;
    const M = this.M(x, 0);
    const rho = M / this.options.volume;
    const E0 = this.E(x, 0);
    // at constant volume dU = M c_v dT: over a sub-step T relaxes towards the wall as exp(−t/τ), τ = M c_v/UA, with
    // c_v of the sub-step's start (a difference of u(ρ, T): two-phase contents too); sub-steps of at most τ/4
    const cvAt = (T: number) => (this.fluid.dt(rho, T + 0.05).u - this.fluid.dt(rho, T - 0.05).u) / 0.1;
    const tau0 = (M * cvAt(this.state(x).T)) / UA;
    const n = Math.min(100, Math.max(1, Math.ceil(dt / (0.25 * tau0))));
    const h = dt / n;
    for (let k = 0; k < n; k++) {
      const T = this.state(x).T;
      const cv = cvAt(T);
      x[this.offset + 1] += M * cv * (w.T - T) * -Math.expm1((-h * UA) / (M * cv));
    }
    out[0] = this.E(x, 0) - E0;
  }

  limits(x: Float64Array, phase: 'charge' | 'discharge'): Limit[] {
    const o = this.options;
    const st = this.state(x);
    const out: Limit[] = [];
    const bar = (p: number) => `${(p / 1e5).toPrecision(4)} bar`;
    // a vessel that charging fills is limited above while charging and below while discharging; the other way round
    // for one that charging draws down
    const up = (phase === 'charge') === (o.fillsOnCharge ?? true);
    if (up) {
      if (o.pMax !== undefined) out.push({ name: `${this.id} pressure at its maximum (${bar(o.pMax)})`, margin: (o.pMax - st.p) / o.pMax });
      if (o.levelMax !== undefined) out.push({ name: `${this.id} full (liquid level ${(o.levelMax * 100).toFixed(0)} %)`, margin: o.levelMax - st.level });
    } else {
      if (o.pMin !== undefined) out.push({ name: `${this.id} pressure at its minimum (${bar(o.pMin)})`, margin: (st.p - o.pMin) / o.pMin });
      if (o.levelMin !== undefined) out.push({ name: `${this.id} empty (liquid level ${(o.levelMin * 100).toFixed(0)} %)`, margin: st.level - o.levelMin });
    }
    return out;
  }

  channels(): Channel[] {
    const ch: Channel[] = [
      { name: `${this.id}.p`, unit: 'Pa', read: (x) => this.state(x).p },
      { name: `${this.id}.T`, unit: 'K', read: (x) => this.state(x).T },
      { name: `${this.id}.mass`, unit: 'kg', read: (x) => this.M(x, 0) },
    ];
    if (this.options.levelMax !== undefined || this.options.levelMin !== undefined) ch.push({ name: `${this.id}.level`, unit: '-', read: (x) => this.state(x).level });
    return ch;
  }

  exergy(x: Float64Array): number {
    const st = this.state(x);
    const d = this.dead;
    return st.M * (st.u - d.u + this.ambient.p * (1 / st.rho - d.v) - this.ambient.T * (st.s - d.s));
  }
}

/** Options of a constant-pressure gas store. */
export interface ConstantPressureOptions {
  readonly kind: 'dome' | 'compensated';
  readonly fluid: string;
  /** Unit: Pa */
  readonly p: number;
  /** Largest and smallest gas volume. Unit: m³ */
  readonly volumeMax: number;
  readonly volumeMin: number;
  /** Heat exchange with surroundings at T (a membrane to the ambient, cavern rock): U per m² of `area`. */
  readonly wall?: { readonly area: number; readonly U: number; readonly T: number };
}

/**
 * A gas store at constant pressure — a CO2 dome (gas holder) near 1 atm, or a water-compensated cavern — whose
 * volume follows its contents: state from (p, h = H/M), volume M/ρ.
 */
export class ConstantPressureStore extends Store {
  readonly kind: 'dome' | 'compensated';
  readonly parts = ['gas'] as const;
  readonly holdsWorkingFluid = true;
  readonly fluid: Fluid;
  private readonly memo = new Memo(1);
  private readonly dead: { u: number; v: number; s: number; h: number };

  constructor(
    id: string,
    ambient: Ambient,
    readonly options: ConstantPressureOptions,
  ) {
    super(id, ambient);
    this.kind = options.kind;
    this.fluid = fluid(options.fluid);
    this.dead = deadState(this.fluid, ambient);
  }

  protected hRef(): number {
    return this.dead.h;
  }

  /** Filled with `volume` m³ of gas at T. */
  fill(x: Float64Array, T: number, volume: number): void {
    const st = this.fluid.tp(T, this.options.p);
    this.set(x, 0, st.rho * volume, st.rho * volume * st.h);
  }

  state(x: Float64Array, part = 0): PartState {
    const M = this.M(x, part);
    const E = this.E(x, part);
    return this.memo.get(part, M, E, () => {
      const st = this.fluid.ph(this.options.p, E / M);
      const volume = M / st.rho;
      return { p: st.p, T: st.T, h: st.h, u: st.u, s: st.s, rho: st.rho, Q: st.Q ?? NaN, volume, level: volume / this.options.volumeMax, M };
    });
  }

  supplySpec(x: Float64Array): { p: number; T: number } {
    const st = this.state(x);
    return { p: st.p, T: st.T };
  }

  standing(x: Float64Array, dt: number, out: Float64Array): void {
    out[0] = 0;
    const w = this.options.wall;
    if (!w || w.U * w.area === 0 || dt <= 0) return;
    const M = this.M(x, 0);
    const st = this.state(x);
    // exact relaxation of T towards the wall at the step's c_p (the gas stays a gas at constant p)
    const cp = this.fluid.tp(st.T, this.options.p).cp ?? 1000;
    const T = w.T + (st.T - w.T) * Math.exp((-w.U * w.area * dt) / (M * cp));
    const H = M * this.fluid.tp(T, this.options.p).h;
    out[0] = H - this.E(x, 0);
    x[this.offset + 1] = H;
  }

  limits(x: Float64Array, phase: 'charge' | 'discharge'): Limit[] {
    const st = this.state(x);
    const o = this.options;
    // a dome is drawn down while charging (its gas goes to the tanks); a compensated cavern fills while charging
    const drawn = o.kind === 'dome' ? phase === 'charge' : phase === 'discharge';
    return drawn
      ? [{ name: `${this.id} at its smallest volume (${o.volumeMin.toPrecision(4)} m³)`, margin: (st.volume - o.volumeMin) / o.volumeMax }]
      : [{ name: `${this.id} at its largest volume (${o.volumeMax.toPrecision(4)} m³)`, margin: (o.volumeMax - st.volume) / o.volumeMax }];
  }

  channels(): Channel[] {
    return [
      { name: `${this.id}.volume`, unit: 'm3', read: (x) => this.state(x).volume },
      { name: `${this.id}.T`, unit: 'K', read: (x) => this.state(x).T },
      { name: `${this.id}.mass`, unit: 'kg', read: (x) => this.M(x, 0) },
    ];
  }

  exergy(x: Float64Array): number {
    const st = this.state(x);
    const d = this.dead;
    return st.M * (st.u - d.u + this.ambient.p * (1 / st.rho - d.v) - this.ambient.T * (st.s - d.s));
  }
}

/** Options of a liquid store (thermal-store tanks, water basin). */
export interface LiquidStoreOptions {
  /** Store liquid: TVP1, T66, DowQ, NaK, or Water (pressurised, IAPWS-95). */
  readonly medium: FluidSpec;
  /** Pressure of the liquid. Unit: Pa */
  readonly p: number;
  /** Volume of each tank (of the basin). Unit: m³ */
  readonly tankVolume: number;
  /** Heat-loss coefficient of the wetted surface. Unit: W/(m² K) */
  readonly U: number;
  /** Surface of a tank (basin) as a function of its level: A_wet(level). Unit: m² */
  readonly wetArea: (level: number) => number;
  /** Smallest level a tank is drawn down to (the heel). Unit: - */
  readonly levelMin: number;
  /**
   * Standing loss as the fraction of the heat a part holds above the ambient that a day takes, instead of U·A_wet:
   * T − T_amb falls by the factor (1 − lossPerDay) each day, whatever the level. Unit: - (per day)
   */
  readonly lossPerDay?: number;
}

/** Bottom plus wetted wall of a vertical cylinder of volume V with height = diameter × aspect. Unit: m² */
export function cylinderWetArea(V: number, aspect = 1): (level: number) => number {
  const D = Math.cbrt((4 * V) / (Math.PI * aspect));
  const H = aspect * D;
  return (level) => (Math.PI * D * D) / 4 + Math.PI * D * H * Math.max(0, Math.min(1, level));
}

const DAY = 86400;

abstract class LiquidStore extends Store {
  readonly holdsWorkingFluid = false;
  readonly medium: StreamFluid;
  private readonly memo: Memo;
  private readonly scratch = new StreamState();
  private readonly dead: { h: number; s: number };

  constructor(
    id: string,
    ambient: Ambient,
    readonly options: LiquidStoreOptions,
    parts: number,
  ) {
    super(id, ambient);
    this.medium = resolveFluid(options.medium, `${id}.medium`);
    this.memo = new Memo(parts);
    const T = Math.min(Math.max(ambient.T, this.medium.Tmin), this.medium.Tmax);
    const st = new StreamState();
    this.medium.hTP(T, options.p, 0, st);
    this.dead = { h: st.h, s: st.s };
  }

  protected hRef(): number {
    return this.dead.h;
  }

  /** Specific enthalpy of the medium at T. Unit: J/kg */
  hAt(T: number): number {
    return this.medium.hTP(T, this.options.p, 0);
  }

  /** Sets a part to M kg at T. */
  fillPart(x: Float64Array, part: number, M: number, T: number): void {
    this.set(x, part, M, M * this.hAt(T));
  }

  state(x: Float64Array, part: number): PartState {
    const M = this.M(x, part);
    const E = this.E(x, part);
    return this.memo.get(part, M, E, () => {
      if (!(M > 0)) return { p: this.options.p, T: NaN, h: NaN, u: NaN, s: NaN, rho: NaN, Q: NaN, volume: 0, level: 0, M: 0 };
      const st = this.scratch;
      this.medium.evaluate(this.options.p, E / M, 0, st);
      const volume = M / st.rho;
      return { p: st.p, T: st.T, h: st.h, u: st.h - st.p / st.rho, s: st.s, rho: st.rho, Q: NaN, volume, level: volume / this.options.tankVolume, M };
    });
  }

  standing(x: Float64Array, dt: number, out: Float64Array): void {
    const o = this.options;
    for (let k = 0; k < this.parts.length; k++) {
      out[k] = 0;
      const M = this.M(x, k);
      if (!(M > 0) || dt <= 0 || (o.lossPerDay === undefined ? o.U === 0 : o.lossPerDay === 0)) continue;
      const st = this.state(x, k);
      const Tamb = Math.min(Math.max(this.ambient.T, this.medium.Tmin), this.medium.Tmax);
      const decay = o.lossPerDay === undefined ? Math.exp((-o.U * o.wetArea(st.level) * dt) / (M * (this.medium.hTP(st.T + 0.5, o.p, 0) - this.medium.hTP(st.T - 0.5, o.p, 0)))) : Math.pow(1 - o.lossPerDay, dt / DAY);
      const T = Tamb + (st.T - Tamb) * decay;
      const H = M * this.hAt(T);
      out[k] = H - this.E(x, k);
      x[this.offset + 2 * k + 1] = H;
    }
  }

  exergy(x: Float64Array): number {
    let sum = 0;
    for (let k = 0; k < this.parts.length; k++) {
      const st = this.state(x, k);
      if (st.M > 0) sum += st.M * (st.h - this.dead.h - this.ambient.T * (st.s - this.dead.s));
    }
    return sum;
  }
}

/**
 * Two-tank sensible thermal store: a hot and a cold tank of the same liquid, each well mixed (what enters mixes
 * with the contents). Charging moves liquid from the cold tank through the heat exchangers into the hot tank.
 */
export class TwoTankThermalStore extends LiquidStore {
  readonly kind = 'thermal-store' as const;
  readonly parts = ['hot', 'cold'] as const;
  static readonly HOT = 0;
  static readonly COLD = 1;

  constructor(id: string, ambient: Ambient, options: LiquidStoreOptions) {
    super(id, ambient, options, 2);
  }

  /** Hot medium above the heel (what a discharge may still draw). Unit: kg */
  hotAboveHeel(x: Float64Array): number {
    const hot = this.state(x, TwoTankThermalStore.HOT);
    const heel = this.options.levelMin;
    return hot.M > 0 && hot.level > heel ? hot.M * (1 - heel / hot.level) : 0;
  }

  limits(x: Float64Array, phase: 'charge' | 'discharge'): Limit[] {
    const hot = this.state(x, 0);
    const cold = this.state(x, 1);
    const lo = this.options.levelMin;
    return phase === 'charge'
      ? [
          { name: `${this.id} cold tank empty`, margin: cold.level - lo },
          { name: `${this.id} hot tank full`, margin: 1 - hot.level },
        ]
      : [
          { name: `${this.id} hot tank empty`, margin: hot.level - lo },
          { name: `${this.id} cold tank full`, margin: 1 - cold.level },
        ];
  }

  channels(): Channel[] {
    return [
      { name: `${this.id}.hot.T`, unit: 'K', read: (x) => this.state(x, 0).T },
      { name: `${this.id}.hot.level`, unit: '-', read: (x) => this.state(x, 0).level },
      { name: `${this.id}.cold.T`, unit: 'K', read: (x) => this.state(x, 1).T },
      { name: `${this.id}.cold.level`, unit: '-', read: (x) => this.state(x, 1).level },
    ];
  }
}

/** A water basin: one well-mixed body of water that gives and takes heat (condensation and evaporation of CO2). */
export class Basin extends LiquidStore {
  readonly kind = 'basin' as const;
  readonly parts = ['water'] as const;

  constructor(id: string, ambient: Ambient, options: LiquidStoreOptions) {
    super(id, ambient, options, 1);
  }

  limits(): Limit[] {
    return [];
  }

  channels(): Channel[] {
    return [{ name: `${this.id}.T`, unit: 'K', read: (x) => this.state(x, 0).T }];
  }
}

/** The stores of a plant laid out in one state vector of (M, E) pairs. */
export class StoreSet {
  readonly size: number;
  constructor(readonly stores: readonly Store[]) {
    let offset = 0;
    for (const s of stores) {
      s.offset = offset;
      offset += 2 * s.parts.length;
    }
    this.size = offset;
  }

  get(id: string): Store {
    const s = this.stores.find((x) => x.id === id);
    if (!s) throw new RangeError(`no store ${id}`);
    return s;
  }

  energy(x: Float64Array): number {
    return this.stores.reduce((a, s) => a + s.energy(x), 0);
  }

  workingMass(x: Float64Array): number {
    return this.stores.reduce((a, s) => a + s.workingMass(x), 0);
  }

  exergy(x: Float64Array): number {
    return this.stores.reduce((a, s) => a + s.exergy(x), 0);
  }

  channels(): Channel[] {
    return this.stores.flatMap((s) => s.channels());
  }
}

