import type { FluidState } from './state.js';
import { PureFluid } from './pure/pure-fluid.js';
import { transportModel } from './transport/index.js';
import { SaturationPoint } from './pure/saturation.js';
import { FLUID_NAMES, findFluidData } from './registry.js';
import { REFERENCE_STATES, referenceShift, type ReferenceStateName } from './reference-state.js';
import { flashTP } from './flash/tp.js';
import { flashPH, flashPS } from './flash/px.js';
import { flashHS } from './flash/hs.js';
import { flashDU } from './flash/du.js';
import { flashDT } from './flash/dt.js';
import { flashPQ, flashTQ, saturatedEnthalpiesAtP, saturatedPhasesAtP } from './flash/quality.js';
import { singlePhaseState } from './flash/build.js';
import { FluidInputError } from './errors.js';
import { checkTemperature } from './flash/validate.js';

/** The input pairs a state can be given by (SI: T K, p Pa, rho kg/m³, h J/kg, s J/(kg K), u J/kg, Q 0–1). */
export const INPUT_PAIRS = ['T,p', 'p,h', 'p,s', 'h,s', 'rho,u', 'rho,T', 'p,Q', 'T,Q'] as const;
export type InputPair = (typeof INPUT_PAIRS)[number];
export type InputKey = 'T' | 'p' | 'rho' | 'h' | 's' | 'u' | 'Q';

/** Saturation at one temperature or pressure: the coexisting liquid and vapour. */
export interface Saturation {
  /** Unit: K (for a pseudo-pure fluid at given p: the bubble temperature) */
  readonly T: number;
  /** Saturation pressure (pseudo-pure: bubble pressure). Unit: Pa */
  readonly p: number;
  readonly liquid: FluidState;
  readonly vapor: FluidState;
}

/**
 * A pure (or pseudo-pure) fluid with reference-accuracy properties from its Helmholtz equation of state.
 *
 *   const co2 = fluid('CO2');
 *   co2.tp(298.15, 7e6).rho;      // kg/m³
 *   co2.ph(7e6, 3e5).T;           // K, deciding the phase itself
 *
 * Every method takes and returns SI values and throws a FluidInputError (naming fluid, input, value and valid
 * range) for input it cannot take. A returned state reproduces its inputs within FLASH_TOLERANCE (each flash checks
 * before returning, and throws a FluidSolveError with the inputs, residuals and iterations otherwise) and holds no
 * NaN or Infinity: a property that diverges or lies outside its correlation is null (see FluidState).
 */
export class Fluid {
  readonly name: string;
  readonly aliases: readonly string[];
  /** Unit: kg/mol */
  readonly molarMass: number;
  /** The gas constant of this EOS. Unit: J/(mol K) */
  readonly gasConstant: number;
  /** Unit: K */
  readonly Tmin: number;
  /** Unit: K */
  readonly Tmax: number;
  /** Unit: Pa */
  readonly pmax: number;
  /** The critical point (the EOS's own for pure fluids). T K, p Pa, rho kg/m³. */
  readonly critical: { readonly T: number; readonly p: number; readonly rho: number };
  /** The triple point: T K, p Pa (liquid side). */
  readonly triple: { readonly T: number; readonly p: number };
  readonly pseudoPure: boolean;
  readonly citation: string;
  readonly validity: string;
  readonly referenceState: ReferenceStateName;
  /** What the default (DEF) reference state is for this fluid. */
  readonly defaultReferenceState: string;
  /** @internal the engine behind the methods */
  readonly engine: PureFluid;

  constructor(engine: PureFluid, referenceState: ReferenceStateName) {
    const d = engine.data;
    this.engine = engine;
    this.name = d.name;
    this.aliases = d.aliases;
    this.molarMass = d.molarMass;
    this.gasConstant = d.gasConstant;
    this.Tmin = engine.Tmin;
    this.Tmax = engine.Tmax;
    this.pmax = engine.pmax;
    const c = engine.critical;
    this.critical = Object.freeze({ T: c.T, p: c.p, rho: c.rhoMolar * d.molarMass });
    this.triple = Object.freeze({ T: d.Ttriple, p: engine.saturation.pmin });
    this.pseudoPure = d.pseudoPure;
    this.citation = `${d.citation.eos}, doi:${d.citation.eosDoi}`;
    this.validity = d.validityStatement;
    this.referenceState = referenceState;
    this.defaultReferenceState = d.referenceState;
    Object.freeze(this);
  }

  /** State at temperature T (K) and pressure p (Pa). */
  tp(T: number, p: number): FluidState {
    return flashTP(this.engine, T, p);
  }

  /** State at pressure p (Pa) and specific enthalpy h (J/kg). */
  ph(p: number, h: number): FluidState {
    return flashPH(this.engine, p, h);
  }

  /** State at pressure p (Pa) and specific entropy s (J/(kg K)). */
  ps(p: number, s: number): FluidState {
    return flashPS(this.engine, p, s);
  }

  /** State at specific enthalpy h (J/kg) and specific entropy s (J/(kg K)). */
  hs(h: number, s: number): FluidState {
    return flashHS(this.engine, h, s);
  }

  /** State at density rho (kg/m³) and specific internal energy u (J/kg): a closed vessel's state. */
  du(rho: number, u: number): FluidState {
    return flashDU(this.engine, rho, u);
  }

  /** State at density rho (kg/m³) and temperature T (K). */
  dt(rho: number, T: number): FluidState {
    return flashDT(this.engine, rho, T);
  }

  /** Saturated state at pressure p (Pa) with vapour mass fraction Q. */
  pq(p: number, Q: number): FluidState {
    return flashPQ(this.engine, p, Q);
  }

  /** Saturated state at temperature T (K) with vapour mass fraction Q. */
  tq(T: number, Q: number): FluidState {
    return flashTQ(this.engine, T, Q);
  }

  /** The state from any supported input pair, e.g. state({ p: 7e6, h: 3e5 }). */
  state(inputs: Partial<Record<InputKey, number>>): FluidState {
    const keys = Object.keys(inputs).filter((k) => (inputs as Record<string, unknown>)[k] !== undefined);
    const has = (a: InputKey, b: InputKey) => keys.length === 2 && keys.includes(a) && keys.includes(b);
    const v = inputs as Record<InputKey, number>;
    if (has('T', 'p')) return this.tp(v.T, v.p);
    if (has('p', 'h')) return this.ph(v.p, v.h);
    if (has('p', 's')) return this.ps(v.p, v.s);
    if (has('h', 's')) return this.hs(v.h, v.s);
    if (has('rho', 'u')) return this.du(v.rho, v.u);
    if (has('rho', 'T')) return this.dt(v.rho, v.T);
    if (has('p', 'Q')) return this.pq(v.p, v.Q);
    if (has('T', 'Q')) return this.tq(v.T, v.Q);
    throw new FluidInputError(this.name, 'inputs', keys.join(','), `one of the input pairs ${INPUT_PAIRS.join(' | ')}`);
  }

  /** Saturated liquid and vapour at temperature T (pseudo-pure: bubble and dew points at T). */
  saturationAtT(T: number): Saturation {
    const curve = this.engine.saturation;
    checkTemperature(this.engine, T, 'saturation');
    if (T > curve.Tmax) throw new FluidInputError(`${this.name} saturation`, 'T', T, `T ≤ ${curve.Tmax} K (the critical temperature)`, 'K');
    const s = curve.atT(T, new SaturationPoint());
    const liquid = singlePhaseState(this.engine, T, s.rhoL, 'twophase', 0, s.pL);
    const vapor = singlePhaseState(this.engine, T, s.rhoV, 'twophase', 1, s.pV);
    return Object.freeze({ T, p: s.pL, liquid, vapor });
  }

  /** Saturated liquid and vapour at pressure p (pseudo-pure: bubble point and dew point at p). */
  saturationAtP(p: number): Saturation {
    if (!this.engine.pseudoPure) return saturatedPhasesAtP(this.engine, p);
    const liquid = this.pq(p, 0);
    const vapor = this.pq(p, 1);
    return Object.freeze({ T: liquid.T, p, liquid, vapor });
  }

  /**
   * The saturated-liquid and -vapour specific enthalpies h', h'' (J/kg) at pressure p (pseudo-pure: bubble and dew
   * points): those of saturationAtP(p), bit for bit, without building the states.
   */
  saturationEnthalpiesAtP(p: number): readonly [number, number] {
    if (!this.engine.pseudoPure) return saturatedEnthalpiesAtP(this.engine, p);
    const s = this.saturationAtP(p);
    return [s.liquid.h, s.vapor.h];
  }

  /** The same fluid with another enthalpy/entropy reference state. */
  withReferenceState(name: ReferenceStateName): Fluid {
    return fluid(this.name, { referenceState: name });
  }
}

const cache = new Map<string, Fluid>();

/**
 * The fluid called `name` (CO2, Air, Water, Nitrogen, Oxygen, Argon, Methane; CoolProp's names such as
 * CarbonDioxide also accepted), built once and cached. `referenceState` picks the h, s reference (default: the
 * same as the reference data, i.e. CoolProp's default for each fluid).
 */
export function fluid(name: string, options: { referenceState?: ReferenceStateName } = {}): Fluid {
  if (typeof name !== 'string') throw new FluidInputError('fluid', 'name', name, `one of ${FLUID_NAMES.join(', ')}`);
  const ref = options.referenceState ?? 'DEF';
  if (!REFERENCE_STATES.includes(ref)) throw new FluidInputError(`fluid ${name}`, 'referenceState', ref, REFERENCE_STATES.join(', '));
  const entry = findFluidData(name);
  if (!entry) throw new FluidInputError('fluid', 'name', name, `one of ${FLUID_NAMES.join(', ')} (or CoolProp's names for them)`);
  const key = `${entry.data.name}|${ref}`;
  let f = cache.get(key);
  if (!f) {
    const base = cache.get(`${entry.data.name}|DEF`)?.engine ?? new PureFluid(entry.data, { saturation: entry.saturation, transport: transportModel(entry.data.name) });
    const engine = ref === 'DEF' ? base : base.withReferenceShift(referenceShift(base, ref));
    f = new Fluid(engine, ref);
    cache.set(key, f);
  }
  return f;
}
