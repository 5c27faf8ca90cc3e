/**
 * Specifications on one stream, the same whether a user writes them on a connection or a boundary component
 * imposes them (a tank's temperature, an ambient pressure):
 *   m:  0 = m − value          p:  0 = p − value          h:  0 = h − value
 *   T:  0 = T(p, h) − value    (solved for h by a (T, p) flash)
 *   Q:  0 = h − [h'(p) + Q (h''(p) − h'(p))]   (vapour quality; h', h'' the saturated liquid and vapour)
 *   T_sat:       0 = p − p_sat(T_sat)           (a saturation temperature fixes the pressure; so does T beside Q)
 *   subcooling:  0 = T_sat(p) − T(p, h) − ΔT    (a liquid ΔT below boiling at its pressure)
 *   superheat:   0 = T(p, h) − T_sat(p) − ΔT    (a vapour ΔT above its dew point)
 * and properties tied to another stream's (TESPy's Ref), x = factor · x_ref + delta for x in m, p, h, T, T_sat:
 *   0 = x − (factor · x_ref + delta)   e.g. T: { ref: e2, delta: −10 K }, p: { ref: e3, factor: 0.98 },
 *   T_sat: { ref: e1, delta: −3 K } (a pressure loss given as a fall of the saturation temperature from e1's).
 * The saturation forms need a pure fluid below its critical pressure (pseudo-pure air has no single T_sat).
 */
import { PlantInputError } from '../errors.js';
import type { Fluid } from '../../fluids/index.js';
import { addStateGradient, stateVars, uniqueVars, type PortRef, type Scales } from './equation.js';
import type { Evaluator } from './evaluator.js';
import type { EquationInput } from './component.js';
import { enthalpyAtT, fixed, temperatureDifference } from './residuals.js';

/** The quantities a stream may tie to another stream's. */
export const REF_QUANTITIES = ['m', 'p', 'h', 'T', 'T_sat'] as const;
export type RefQuantity = (typeof REF_QUANTITIES)[number];

/** x = factor · x_ref + delta, x_ref the same quantity of stream `stream` (a connection id). */
export interface StreamRef {
  /** Id of the connection referred to. */
  readonly stream: string;
  /** Unit: - (default 1) */
  readonly factor?: number;
  /** In the quantity's SI unit (K for T and T_sat, Pa for p, J/kg for h, kg/s for m); default 0. */
  readonly delta?: number;
}

export interface StreamSpecs {
  /** Mass flow. Unit: kg/s */
  m?: number;
  /** Pressure. Unit: Pa */
  p?: number;
  /** Temperature (beside Q: the saturation temperature). Unit: K */
  T?: number;
  /** Specific enthalpy. Unit: J/kg */
  h?: number;
  /** Vapour quality (0 saturated liquid, 1 saturated vapour). Unit: - */
  Q?: number;
  /** Saturation temperature at the stream's pressure. Unit: K */
  T_sat?: number;
  /** Subcooling T_sat(p) − T. Unit: K */
  subcooling?: number;
  /** Superheat T − T_sat(p). Unit: K */
  superheat?: number;
  /** Properties tied to another stream's. */
  refs?: Readonly<Partial<Record<RefQuantity, StreamRef>>>;
}

/** The keys that take a number (`setSpecs`); `refs` is set with the connection. */
export const STREAM_SPEC_KEYS = ['m', 'p', 'T', 'h', 'Q', 'T_sat', 'subcooling', 'superheat'] as const;

/** What fixes the stream's pressure, of the specs given (one at most). */
const PRESSURE_FIXERS = (s: StreamSpecs) =>
  [
    s.p !== undefined && 'p',
    s.T_sat !== undefined && 'T_sat',
    s.Q !== undefined && s.T !== undefined && 'T (beside Q, the saturation temperature)',
    s.refs?.p && 'p (ref)',
    s.refs?.T_sat && 'T_sat (ref)',
  ].filter((x): x is string => typeof x === 'string');

/** What fixes the stream's temperature or enthalpy at its pressure (one at most). */
const STATE_FIXERS = (s: StreamSpecs) =>
  [
    s.T !== undefined && s.Q === undefined && 'T',
    s.h !== undefined && 'h',
    s.Q !== undefined && 'Q',
    s.subcooling !== undefined && 'subcooling',
    s.superheat !== undefined && 'superheat',
    s.refs?.T && 'T (ref)',
    s.refs?.h && 'h (ref)',
  ].filter((x): x is string => typeof x === 'string');

export function checkStreamSpecs(where: string, s: StreamSpecs): void {
  const bad = (k: string, v: unknown, valid: string) => {
    throw new PlantInputError(where, k, v, valid);
  };
  if (s.m !== undefined && !Number.isFinite(s.m)) bad('m', s.m, 'a finite mass flow in kg/s');
  if (s.p !== undefined && !(Number.isFinite(s.p) && s.p > 0)) bad('p', s.p, 'p > 0 Pa');
  if (s.T !== undefined && !(Number.isFinite(s.T) && s.T > 0)) bad('T', s.T, 'T > 0 K');
  if (s.h !== undefined && !Number.isFinite(s.h)) bad('h', s.h, 'a finite enthalpy in J/kg');
  if (s.Q !== undefined && !(Number.isFinite(s.Q) && s.Q >= 0 && s.Q <= 1)) bad('Q', s.Q, '0 ≤ Q ≤ 1');
  if (s.T_sat !== undefined && !(Number.isFinite(s.T_sat) && s.T_sat > 0)) bad('T_sat', s.T_sat, 'T_sat > 0 K');
  if (s.subcooling !== undefined && !(Number.isFinite(s.subcooling) && s.subcooling > 0)) bad('subcooling', s.subcooling, 'subcooling > 0 K (Q: 0 for saturated liquid)');
  if (s.superheat !== undefined && !(Number.isFinite(s.superheat) && s.superheat > 0)) bad('superheat', s.superheat, 'superheat > 0 K (Q: 1 for saturated vapour)');
  if (s.refs !== undefined) checkRefs(where, s.refs);
  if (s.m !== undefined && s.refs?.m) bad('m', s.m, 'a value or a ref, not both');
  const p = PRESSURE_FIXERS(s);
  if (p.length > 1) bad(p.join('/'), p.map((k) => JSON.stringify(k)).join(', '), 'only one of them (each fixes the pressure)');
  const state = STATE_FIXERS(s);
  if (state.length > 1) {
    const hint = state.includes('Q') ? ' (beside Q, give the saturation temperature as T or T_sat, or the pressure)' : '';
    bad(state.join('/'), state.map((k) => JSON.stringify(k)).join(', '), `only one of them (each fixes the state at the given p)${hint}`);
  }
}

function checkRefs(where: string, refs: Readonly<Partial<Record<string, StreamRef>>>): void {
  for (const [k, r] of Object.entries(refs)) {
    if (r === undefined) continue;
    const field = `${k}.ref`;
    if (!(REF_QUANTITIES as readonly string[]).includes(k)) throw new PlantInputError(where, 'ref', k, `a ref on one of ${REF_QUANTITIES.join(', ')}`);
    if (typeof r.stream !== 'string' || r.stream === '') throw new PlantInputError(where, field, r.stream, 'the id of another connection');
    if (r.factor !== undefined && !(Number.isFinite(r.factor) && r.factor !== 0)) throw new PlantInputError(where, `${k}.factor`, r.factor, 'a finite factor other than 0');
    if (r.delta !== undefined && !Number.isFinite(r.delta)) throw new PlantInputError(where, `${k}.delta`, r.delta, 'a finite difference');
  }
}

/** Resolves a connection id to its stream (undefined where there is none). */
export type StreamLookup = (id: string) => PortRef | undefined;

/**
 * The equations of the specifications `specs()` has now (values read at every evaluation). `lookup` resolves the
 * streams that refs name; without it a ref is refused.
 */
export function streamSpecEquations(port: PortRef, specs: () => StreamSpecs, s: Scales, spec = true, lookup?: StreamLookup): EquationInput[] {
  const now = specs();
  const out: EquationInput[] = [];
  if (now.m !== undefined) out.push(fixed('m', port.m, () => specs().m as number, () => s.m, spec));
  if (now.p !== undefined) out.push(fixed('p', port.p, () => specs().p as number, () => s.p, spec));
  if (now.h !== undefined) out.push(fixed('h', port.h, () => specs().h as number, () => s.h, spec));
  if (now.T !== undefined && now.Q === undefined) out.push({ ...temperatureDifference('T', port, null, () => specs().T as number, s), spec });
  if (now.Q !== undefined) out.push(qualityEquation(port, () => specs().Q as number, s, spec));
  if (now.T_sat !== undefined) out.push(saturationPressure('T_sat', port, () => specs().T_sat as number, s, spec));
  if (now.T !== undefined && now.Q !== undefined) out.push(saturationPressure('T', port, () => specs().T as number, s, spec));
  if (now.subcooling !== undefined) out.push(saturationOffset('subcooling', port, -1, () => specs().subcooling as number, s, spec));
  if (now.superheat !== undefined) out.push(saturationOffset('superheat', port, 1, () => specs().superheat as number, s, spec));
  for (const q of REF_QUANTITIES) {
    const r = now.refs?.[q];
    if (!r) continue;
    const other = lookup?.(r.stream);
    if (!other) throw new PlantInputError(`stream ${port.label}`, `${q}.ref`, r.stream, 'the id of another connection of the network');
    if (other === port) throw new PlantInputError(`stream ${port.label}`, `${q}.ref`, r.stream, 'another connection (a stream tied to itself)');
    const a = () => specs().refs?.[q]?.factor ?? 1;
    const b = () => specs().refs?.[q]?.delta ?? 0;
    out.push(refEquation(q, port, other, a, b, s, spec));
  }
  return out;
}

/** h'(p) + Q (h''(p) − h'(p)); throws where the medium has no two-phase region at p. Unit: J/kg */
export function qualityEnthalpy(port: PortRef, p: number, Q: number): number {
  const sat = port.fluid.saturationEnthalpies(p);
  if (!sat) throw new PlantInputError(`stream ${port.label}`, 'Q', Q, `a quality only where ${port.fluid.name} can be two-phase (p = ${p} Pa is not below its critical pressure, or it is not a pure fluid)`);
  return sat[0] + Q * (sat[1] - sat[0]);
}

function qualityEquation(port: PortRef, Q: () => number, s: Scales, spec: boolean): EquationInput {
  return {
    name: 'Q',
    spec,
    vars: stateVars(port).slice(0, 2),
    residual: (e) => (e.h(port) - qualityEnthalpy(port, e.p(port), Q())) / s.h,
    gradient: (e, g) => {
      const p = e.p(port);
      const dp = 1e-6 * p;
      const d = (qualityEnthalpy(port, p + dp, Q()) - qualityEnthalpy(port, p - dp, Q())) / (2 * dp);
      g.add(port.h, 1 / s.h);
      g.add(port.p, -d / s.h);
    },
    solveFor: (e, v) => (v === port.h ? qualityEnthalpy(port, e.p(port), Q()) : undefined),
  };
}

/** The saturation curve of the stream's medium; a PlantInputError naming `field` where it has none. */
function curve(port: PortRef, field: string, value: unknown): Fluid {
  const f = port.fluid;
  // a pure real fluid is the one medium with a two-phase region (saturationEnthalpies answers below its critical p)
  const fluid = f.kind === 'real' ? (f as unknown as { readonly fluid: Fluid }).fluid : undefined;
  if (!fluid || f.saturationEnthalpies(0.5 * fluid.critical.p) === undefined) {
    throw new PlantInputError(`stream ${port.label}`, field, value, `a saturation specification only for a pure fluid with a two-phase region (${f.name} has none)`);
  }
  return fluid;
}

/** T_sat(p). Unit: K */
export function saturationTemperature(port: PortRef, p: number, field = 'T_sat'): number {
  const fluid = curve(port, field, p);
  if (!(p > fluid.triple.p && p < fluid.critical.p)) {
    throw new PlantInputError(`stream ${port.label}`, field, p, `a pressure between the triple point (${fluid.triple.p} Pa) and the critical point (${fluid.critical.p} Pa) of ${fluid.name}, where it has a saturation temperature`);
  }
  return fluid.saturationAtP(p).T;
}

/** p_sat(T). Unit: Pa */
export function saturationPressureAt(port: PortRef, T: number, field = 'T_sat'): number {
  const fluid = curve(port, field, T);
  if (!(T > fluid.triple.T && T < fluid.critical.T)) {
    throw new PlantInputError(`stream ${port.label}`, field, T, `${fluid.triple.T} K < ${field} < ${fluid.critical.T} K (between the triple and the critical point of ${fluid.name})`);
  }
  return fluid.saturationAtT(T).p;
}

/** dT_sat/dp by a central difference of 1e-6 p. Unit: K/Pa */
function dTsatdp(port: PortRef, p: number, field: string): number {
  const dp = 1e-6 * p;
  return (saturationTemperature(port, p + dp, field) - saturationTemperature(port, p - dp, field)) / (2 * dp);
}

/** 0 = p − p_sat(T_sat), with p_sat computed once per value of T_sat. */
function saturationPressure(name: string, port: PortRef, Tsat: () => number, s: Scales, spec: boolean): EquationInput {
  let memo: [number, number] = [NaN, NaN];
  const target = () => {
    const T = Tsat();
    if (memo[0] !== T) memo = [T, saturationPressureAt(port, T, name)];
    return memo[1];
  };
  return fixed(name, port.p, target, () => s.p, spec);
}

/** subcooling (sign −1): 0 = T_sat(p) − T − ΔT;  superheat (sign +1): 0 = T − T_sat(p) − ΔT. */
function saturationOffset(name: string, port: PortRef, sign: 1 | -1, dT: () => number, s: Scales, spec: boolean): EquationInput {
  return {
    name,
    spec,
    vars: stateVars(port),
    residual: (e) => (sign * (e.state(port).T - saturationTemperature(port, e.p(port), name)) - dT()) / s.T,
    gradient: (e, g) => {
      const st = e.state(port);
      const dsat = dTsatdp(port, e.p(port), name);
      addStateGradient(g, port, (sign * (st.dTdp - dsat)) / s.T, (sign * st.dTdh) / s.T, (sign * st.dTdf) / s.T);
    },
    solveFor: (e, v) => (v === port.h ? enthalpyAtT(e, port, saturationTemperature(port, e.p(port), name) + sign * dT()) : undefined),
  };
}

/** x(port) − (a · x(ref) + b) in the quantity's scale. */
function refEquation(q: RefQuantity, port: PortRef, ref: PortRef, a: () => number, b: () => number, s: Scales, spec: boolean): EquationInput {
  const name = `${q} (ref)`;
  if (q === 'm' || q === 'p' || q === 'h') {
    const [x, y, scale] = q === 'm' ? [port.m, ref.m, () => s.m] : q === 'p' ? [port.p, ref.p, () => s.p] : [port.h, ref.h, () => s.h];
    return {
      name,
      spec,
      vars: [x, y],
      residual: (e) => (e.x[x] - a() * e.x[y] - b()) / scale(),
      gradient: (_e, g) => {
        g.add(x, 1 / scale());
        g.add(y, -a() / scale());
      },
      solveFor: (e, v) => (v === x ? a() * e.x[y] + b() : v === y ? (e.x[x] - b()) / a() : undefined),
    };
  }
  if (q === 'T') {
    return {
      name,
      spec,
      vars: uniqueVars(stateVars(port), stateVars(ref)),
      residual: (e) => (e.state(port).T - a() * e.state(ref).T - b()) / s.T,
      gradient: (e, g) => {
        const sp = e.state(port);
        const sr = e.state(ref);
        addStateGradient(g, port, sp.dTdp / s.T, sp.dTdh / s.T, sp.dTdf / s.T);
        addStateGradient(g, ref, (-a() * sr.dTdp) / s.T, (-a() * sr.dTdh) / s.T, (-a() * sr.dTdf) / s.T);
      },
      solveFor: (e, v) => {
        if (v === port.h) return enthalpyAtT(e, port, a() * e.state(ref).T + b());
        if (v === ref.h) return enthalpyAtT(e, ref, (e.state(port).T - b()) / a());
        return undefined;
      },
    };
  }
  // T_sat: both pressures on their saturation curves
  const Ts = (e: Evaluator, p: PortRef) => saturationTemperature(p, e.p(p), name);
  return {
    name,
    spec,
    vars: [port.p, ref.p],
    residual: (e) => (Ts(e, port) - a() * Ts(e, ref) - b()) / s.T,
    gradient: (e, g) => {
      g.add(port.p, dTsatdp(port, e.p(port), name) / s.T);
      g.add(ref.p, (-a() * dTsatdp(ref, e.p(ref), name)) / s.T);
    },
    solveFor: (e, v) => {
      if (v === port.p) return saturationPressureAt(port, a() * Ts(e, ref) + b(), name);
      if (v === ref.p) return saturationPressureAt(ref, (Ts(e, port) - b()) / a(), name);
      return undefined;
    },
  };
}
