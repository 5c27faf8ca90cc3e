import type { FluidState, Phase } from '../state.js';
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

/**
 * A frozen single-phase state at (T, ρ) with every property. `pKnown` replaces p(T, ρ) where the pressure is known
 * exactly (a saturated state): for a liquid, p(T, ρ) amplifies the last bit of ρ by ρ(∂p/∂ρ)_T/p, up to 1e4 at low T.
 */
export function singlePhaseState(fluid: PureFluid, T: number, rhoMolar: number, phase: Phase, Q: number | null = null, pKnown?: number): FluidState {
  return stateFromProperties(fluid, evaluateProperties(fluid.eos, T, rhoMolar, scratch), phase, Q, pKnown);
}

/** The same, from properties already evaluated at the state (saves an EOS evaluation at the end of a flash). */
export function stateFromProperties(fluid: PureFluid, m: MolarProperties, phase: Phase, Q: number | null = null, pKnown?: number): FluidState {
  const M = fluid.eos.M;
  return Object.freeze(
    new SinglePhase(fluid, phase, Q, m.T, pKnown ?? m.p, m.rhoMolar, m.hMolar, m.sMolar, m.uMolar, m.gMolar, m.cpMolar, m.cvMolar, m.w, m.Z, m.jouleThomson, m.dpdrhoMolar, m.dpdT, Math.exp(m.lnFugacityCoefficient), M),
  );
}

class SinglePhase implements FluidState {
  declare private readonly source: PureFluid;
  readonly fluid: string;
  readonly rho: number;
  readonly h: number;
  readonly s: number;
  readonly u: number;
  readonly g: number;
  readonly cp: number;
  readonly cv: number;
  readonly isothermalCompressibility: number;
  readonly dpdT_rho: number;
  constructor(
    source: PureFluid,
    readonly phase: Phase,
    readonly Q: number | null,
    readonly T: number,
    readonly p: number,
    readonly rhoMolar: number,
    readonly hMolar: number,
    readonly sMolar: number,
    readonly uMolar: number,
    readonly gMolar: number,
    readonly cpMolar: number,
    readonly cvMolar: number,
    readonly w: number,
    readonly Z: number,
    readonly jouleThomson: number,
    dpdrhoMolar: number,
    dpdT: number,
    readonly fugacityCoefficient: number,
    M: number,
  ) {
    // the fluid object stays out of enumeration (and out of JSON)
    Object.defineProperty(this, 'source', { value: source, enumerable: false });
    this.fluid = source.name;
    this.rho = rhoMolar * M;
    this.h = hMolar / M;
    this.s = sMolar / M;
    this.u = uMolar / M;
    this.g = gMolar / M;
    this.cp = cpMolar / M;
    this.cv = cvMolar / M;
    this.isothermalCompressibility = 1 / (rhoMolar * dpdrhoMolar);
    this.dpdT_rho = dpdT;
  }

  get mu(): number | null {
    const t = this.source.transport;
    return t ? t.viscosity(this.source.eos, this.T, this.rhoMolar) : null;
  }

  get k(): number | null {
    const t = this.source.transport;
    return t ? t.conductivity(this.source.eos, this.T, this.rhoMolar) : null;
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
  if (Q === 0 || Q === 1 || !caloric) {
    const liquid = singlePhaseState(fluid, T, rhoL, 'twophase', 0, pSat);
    const vapor = singlePhaseState(fluid, T, rhoV, 'twophase', 1, pSat);
    if (Q === 0) return withPhases(liquid, liquid, vapor);
    if (Q === 1) return withPhases(vapor, liquid, vapor);
    return Object.freeze(
      new TwoPhase(fluid, T, Q, rhoL, rhoV, pSat, { hL: liquid.hMolar, hV: vapor.hMolar, sL: liquid.sMolar, sV: vapor.sMolar }, { liquid, vapor }),
    );
  }
  return Object.freeze(new TwoPhase(fluid, T, Q, rhoL, rhoV, pSat, caloric, {}));
}

class TwoPhase implements FluidState {
  declare private readonly source: PureFluid;
  declare private readonly phases: { liquid?: FluidState; vapor?: FluidState };
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
  declare private readonly rhoL: number;
  declare private readonly rhoV: number;

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
    // the fluid and the lazily built phases stay out of enumeration (and out of JSON)
    Object.defineProperty(this, 'source', { value: source, enumerable: false });
    Object.defineProperty(this, 'phases', { value: phases, enumerable: false });
    Object.defineProperty(this, 'rhoL', { value: rhoL, enumerable: false });
    Object.defineProperty(this, 'rhoV', { value: rhoV, enumerable: false });
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
    return (this.phases.liquid ??= singlePhaseState(this.source, this.T, this.rhoL, 'twophase', 0, this.p));
  }

  /** The coexisting saturated vapour. */
  get vapor(): FluidState {
    return (this.phases.vapor ??= singlePhaseState(this.source, this.T, this.rhoV, 'twophase', 1, this.p));
  }

  /** That of both coexisting phases (equal at equilibrium). Unit: - */
  get fugacityCoefficient(): number {
    return this.liquid.fugacityCoefficient as number;
  }

  toJSON(): object {
    return { ...this, fugacityCoefficient: this.fugacityCoefficient, liquid: this.liquid, vapor: this.vapor };
  }
}

function withPhases(state: FluidState, liquid: FluidState, vapor: FluidState): FluidState {
  // a saturated single phase, with both coexisting phases attached
  const copy = Object.create(Object.getPrototypeOf(state), Object.getOwnPropertyDescriptors(state));
  Object.defineProperty(copy, 'liquid', { value: liquid, enumerable: true });
  Object.defineProperty(copy, 'vapor', { value: vapor, enumerable: true });
  return Object.freeze(copy) as FluidState;
}
