import { CRITICAL_POINT_ZONE, type FluidState, type Phase } from '../state.js';
import { FluidSolveError } from '../errors.js';
import type { PureFluid } from '../pure/pure-fluid.js';
import { MolarProperties, evaluateProperties } from '../eos/properties.js';

/** The phase label of a single-phase state at (T, p) (CoolProp's convention); `pSat` where T < Tc. */
export function singlePhaseLabel(fluid: PureFluid, T: number, p: number, liquidLike: boolean): Phase {
  const c = fluid.critical;
  if (T >= c.T) return p >= c.p ? 'supercritical' : 'supercritical_gas';
  if (p >= c.p) return 'supercritical_liquid';
  return liquidLike ? 'liquid' : 'gas';
}

const scratch = new MolarProperties();
const mLiquid = new MolarProperties();
const mVapor = new MolarProperties();

/**
 * A frozen single-phase state at (T, ρ) with every property. `pKnown` replaces p(T, ρ) where the pressure is known
 * exactly (a saturated state): for a liquid, p(T, ρ) amplifies the last bit of ρ by ρ(∂p/∂ρ)_T/p, up to 1e4 at low T.
 */
export function singlePhaseState(fluid: PureFluid, T: number, rhoMolar: number, phase: Phase, Q: number | null = null, pKnown?: number): FluidState {
  return stateFromProperties(fluid, evaluateProperties(fluid.eos, T, rhoMolar, scratch), phase, Q, pKnown);
}

/** The same, from properties already evaluated at the state (saves an EOS evaluation at the end of a flash). */
export function stateFromProperties(fluid: PureFluid, m: MolarProperties, phase: Phase, Q: number | null = null, pKnown?: number): FluidState {
  const p = pKnown ?? m.p;
  // one test for all the properties a state must have (a NaN or an infinity anywhere makes the sum non-finite)
  if (!Number.isFinite(m.T + m.rhoMolar + p + m.hMolar + m.sMolar + m.uMolar + m.gMolar + m.Z) || !(m.rhoMolar > 0)) {
    throw new FluidSolveError(`${fluid.name} state`, { T: m.T, rho: m.rhoMolar * fluid.eos.M }, `the EOS gives no finite p, h, s or u there (p = ${p} Pa, h = ${m.hMolar / fluid.eos.M} J/kg)`);
  }
  return Object.freeze(new SinglePhase(fluid, phase, Q, m, p));
}

/** x if it is a positive finite number, else null. */
function positive(x: number): number | null {
  return x > 0 && x < Infinity ? x : null;
}

/** x if it is finite, else null. */
function finite(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}

/**
 * The fluid behind a state, under a symbol key: out of Object.keys and JSON, yet an ordinary field of the object
 * (a non-enumerable one made by Object.defineProperty cost more than half of building a state: 300 → 130 ns).
 */
const SOURCE = Symbol('source');

class SinglePhase implements FluidState {
  private readonly [SOURCE]: PureFluid;
  readonly fluid: string;
  readonly T: number;
  readonly p: number;
  readonly rhoMolar: number;
  readonly hMolar: number;
  readonly sMolar: number;
  readonly uMolar: number;
  readonly gMolar: number;
  readonly cpMolar: number | null;
  readonly cvMolar: number | null;
  readonly w: number | null;
  readonly Z: number;
  readonly jouleThomson: number | null;
  readonly fugacityCoefficient: number | null;
  readonly rho: number;
  readonly h: number;
  readonly s: number;
  readonly u: number;
  readonly g: number;
  readonly cp: number | null;
  readonly cv: number | null;
  readonly isothermalCompressibility: number | null;
  readonly dpdT_rho: number | null;
  constructor(
    source: PureFluid,
    readonly phase: Phase,
    readonly Q: number | null,
    m: MolarProperties,
    p: number,
  ) {
    this[SOURCE] = source;
    const M = source.eos.M;
    this.fluid = source.name;
    this.T = m.T;
    this.p = p;
    this.rhoMolar = m.rhoMolar;
    this.hMolar = m.hMolar;
    this.sMolar = m.sMolar;
    this.uMolar = m.uMolar;
    this.gMolar = m.gMolar;
    // at the critical point itself (to round-off) c_p and κ_T diverge; with non-analytic terms c_v too, and w → 0
    const critical = !(m.dpdrhoMolar / (source.eos.R * m.T) > CRITICAL_POINT_ZONE);
    const cvGone = critical && source.cvDiverges;
    this.cpMolar = critical ? null : positive(m.cpMolar);
    this.cvMolar = cvGone ? null : positive(m.cvMolar);
    this.w = cvGone ? null : positive(m.w);
    this.Z = m.Z;
    this.jouleThomson = finite(m.jouleThomson);
    this.fugacityCoefficient = finite(Math.exp(m.lnFugacityCoefficient));
    this.rho = m.rhoMolar * M;
    this.h = m.hMolar / M;
    this.s = m.sMolar / M;
    this.u = m.uMolar / M;
    this.g = m.gMolar / M;
    this.cp = this.cpMolar === null ? null : this.cpMolar / M;
    this.cv = this.cvMolar === null ? null : this.cvMolar / M;
    this.isothermalCompressibility = critical ? null : positive(1 / (m.rhoMolar * m.dpdrhoMolar));
    this.dpdT_rho = finite(m.dpdT);
  }

  get mu(): number | null {
    const source = this[SOURCE];
    const t = source.transport;
    return t ? t.viscosityWithin(source.eos, this.T, this.rhoMolar) : null;
  }

  /** Null at the critical point (where c_p is): the critical enhancement diverges with it. */
  get k(): number | null {
    const source = this[SOURCE];
    const t = source.transport;
    return t && this.cp !== null ? t.conductivityWithin(source.eos, this.T, this.rhoMolar) : null;
  }

  /** JSON with the transport properties (which are computed on access). */
  toJSON(): object {
    return { ...this, mu: this.mu, k: this.k };
  }
}

/** Saturated-liquid and -vapour molar enthalpy (J/mol) and entropy (J/(mol K)), when already known. */
export interface SaturatedCaloric {
  hL: number;
  hV: number;
  sL: number;
  sV: number;
}

/**
 * A frozen two-phase state from its saturated liquid and vapour (lever rule on the mass basis). With Q = 0 or 1
 * it is the saturated phase itself (with its cp, cv, w), labelled two-phase as CoolProp does. Given the saturated
 * h and s (from the saturation expansions) a mixture needs no EOS evaluation; its liquid and vapour states are
 * then built on first access.
 */
export function twoPhaseState(
  fluid: PureFluid,
  T: number,
  Q: number,
  rhoL: number,
  rhoV: number,
  pSat: number,
  caloric?: SaturatedCaloric,
): FluidState {
  if (!(Q >= 0 && Q <= 1) || !(rhoL >= rhoV && rhoV > 0) || !(pSat > 0 && pSat < Infinity)) {
    throw new FluidSolveError(`${fluid.name} two-phase state`, { T, Q }, `no two-phase state with ρ' = ${rhoL * fluid.eos.M} kg/m3, ρ'' = ${rhoV * fluid.eos.M} kg/m3, p = ${pSat} Pa`);
  }
  if (Q === 0 || Q === 1 || !caloric) {
    const liquid = stateFromProperties(fluid, evaluateProperties(fluid.eos, T, rhoL, mLiquid), 'twophase', 0, pSat);
    const vapor = stateFromProperties(fluid, evaluateProperties(fluid.eos, T, rhoV, mVapor), 'twophase', 1, pSat);
    if (Q === 0) return Object.freeze(new SaturatedPhase(fluid, mLiquid, 0, pSat, liquid, vapor));
    if (Q === 1) return Object.freeze(new SaturatedPhase(fluid, mVapor, 1, pSat, liquid, vapor));
    return Object.freeze(
      new TwoPhase(fluid, T, Q, rhoL, rhoV, pSat, { hL: liquid.hMolar, hV: vapor.hMolar, sL: liquid.sMolar, sV: vapor.sMolar }, { liquid, vapor }),
    );
  }
  return Object.freeze(new TwoPhase(fluid, T, Q, rhoL, rhoV, pSat, caloric, {}));
}

/** A two-phase state's saturated densities (mol/m³) and its coexisting phases once built. */
interface Coexisting {
  readonly rhoL: number;
  readonly rhoV: number;
  liquid?: FluidState;
  vapor?: FluidState;
}

/** Symbol keys (like SOURCE) keep these out of Object.keys and JSON. */
const COEXISTING = Symbol('coexisting');

class TwoPhase implements FluidState {
  private readonly [SOURCE]: PureFluid;
  private readonly [COEXISTING]: Coexisting;
  readonly fluid: string;
  readonly phase = 'twophase' as const;
  readonly rho: number;
  readonly rhoMolar: number;
  readonly h: number;
  readonly s: number;
  readonly u: number;
  readonly g: number;
  readonly hMolar: number;
  readonly sMolar: number;
  readonly uMolar: number;
  readonly cp = null;
  readonly cv = null;
  readonly cpMolar = null;
  readonly cvMolar = null;
  readonly w = null;
  readonly Z: number;
  readonly jouleThomson = null;
  readonly isothermalCompressibility = null;
  readonly dpdT_rho = null;
  readonly mu = null;
  readonly k = null;

  constructor(
    source: PureFluid,
    readonly T: number,
    readonly Q: number,
    rhoL: number,
    rhoV: number,
    readonly p: number,
    c: SaturatedCaloric,
    phases: { liquid?: FluidState; vapor?: FluidState },
  ) {
    this[SOURCE] = source;
    this[COEXISTING] = { rhoL, rhoV, ...phases };
    const M = source.eos.M;
    this.fluid = source.name;
    const mix = (a: number, b: number) => (1 - Q) * a + Q * b;
    this.rhoMolar = 1 / mix(1 / rhoL, 1 / rhoV);
    this.rho = this.rhoMolar * M;
    this.hMolar = mix(c.hL, c.hV);
    this.sMolar = mix(c.sL, c.sV);
    this.uMolar = this.hMolar - p / this.rhoMolar;
    this.h = this.hMolar / M;
    this.s = this.sMolar / M;
    this.u = this.uMolar / M;
    this.g = mix(c.hL - T * c.sL, c.hV - T * c.sV) / M;
    this.Z = p / (this.rhoMolar * source.eos.R * T);
  }

  /** The coexisting saturated liquid. */
  get liquid(): FluidState {
    const c = this[COEXISTING];
    return (c.liquid ??= singlePhaseState(this[SOURCE], this.T, c.rhoL, 'twophase', 0, this.p));
  }

  /** The coexisting saturated vapour. */
  get vapor(): FluidState {
    const c = this[COEXISTING];
    return (c.vapor ??= singlePhaseState(this[SOURCE], this.T, c.rhoV, 'twophase', 1, this.p));
  }

  /** That of both coexisting phases (equal at equilibrium). Unit: - */
  get fugacityCoefficient(): number {
    return this.liquid.fugacityCoefficient as number;
  }

  toJSON(): object {
    return { ...this, fugacityCoefficient: this.fugacityCoefficient, liquid: this.liquid, vapor: this.vapor };
  }
}

/**
 * A saturated phase (Q = 0 or 1) as a state of its own, with both coexisting phases attached: the same members as
 * the phase's own state, then `liquid` and `vapor`. Built from the properties the phase was built from (a copy of
 * the phase's state, member by member, cost ten times as much).
 */
class SaturatedPhase extends SinglePhase {
  readonly liquid: FluidState;
  readonly vapor: FluidState;
  constructor(source: PureFluid, m: MolarProperties, Q: 0 | 1, p: number, liquid: FluidState, vapor: FluidState) {
    super(source, 'twophase', Q, m, p);
    this.liquid = liquid;
    this.vapor = vapor;
  }
}
