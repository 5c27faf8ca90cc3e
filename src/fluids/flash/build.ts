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

/**
 * A frozen two-phase state from its saturated liquid and vapour (lever rule on the mass basis). With Q = 0 or 1
 * it is the saturated phase itself (with its cp, cv, w), labelled two-phase as CoolProp does.
 */
export function twoPhaseState(fluid: PureFluid, T: number, Q: number, rhoL: number, rhoV: number, pSat: number): FluidState {
  const liquid = singlePhaseState(fluid, T, rhoL, 'twophase', 0, pSat);
  const vapor = singlePhaseState(fluid, T, rhoV, 'twophase', 1, pSat);
  if (Q === 0) return withPhases(liquid, liquid, vapor);
  if (Q === 1) return withPhases(vapor, liquid, vapor);
  const M = fluid.eos.M;
  const mix = (a: number, b: number) => (1 - Q) * a + Q * b;
  const v = mix(1 / liquid.rho, 1 / vapor.rho);
  const rho = 1 / v;
  const p = mix(liquid.p, vapor.p);
  const h = mix(liquid.h, vapor.h);
  const s = mix(liquid.s, vapor.s);
  const u = mix(liquid.u, vapor.u);
  const state: FluidState = {
    fluid: fluid.name,
    phase: 'twophase',
    T,
    p,
    rho,
    rhoMolar: rho / M,
    h,
    s,
    u,
    g: mix(liquid.g, vapor.g),
    hMolar: h * M,
    sMolar: s * M,
    uMolar: u * M,
    Q,
    cp: null,
    cv: null,
    cpMolar: null,
    cvMolar: null,
    w: null,
    Z: (p * M) / (rho * fluid.eos.R * T),
    jouleThomson: null,
    isothermalCompressibility: null,
    dpdT_rho: null,
    fugacityCoefficient: liquid.fugacityCoefficient,
    mu: null,
    k: null,
    liquid,
    vapor,
  };
  return Object.freeze(state);
}

function withPhases(state: FluidState, liquid: FluidState, vapor: FluidState): FluidState {
  // a saturated single phase, with both coexisting phases attached
  const copy = Object.create(Object.getPrototypeOf(state), Object.getOwnPropertyDescriptors(state));
  Object.defineProperty(copy, 'liquid', { value: liquid, enumerable: true });
  Object.defineProperty(copy, 'vapor', { value: vapor, enumerable: true });
  return Object.freeze(copy) as FluidState;
}
