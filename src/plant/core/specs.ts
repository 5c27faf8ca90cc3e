/**
 * Specifications on one stream, the same whether a user writes them on a connection or a boundary component
 * imposes them (a tank's temperature, an ambient pressure):
 *   m:  0 = m − value          p:  0 = p − value          h:  0 = h − value
 *   T:  0 = T(p, h) − value    (solved for h by a (T, p) flash)
 *   Q:  0 = h − [h'(p) + Q (h''(p) − h'(p))]   (vapour quality; h', h'' the saturated liquid and vapour)
 */
import { PlantInputError } from '../errors.js';
import { stateVars, type PortRef, type Scales } from './equation.js';
import type { EquationInput } from './component.js';
import { fixed, temperatureDifference } from './residuals.js';

export interface StreamSpecs {
  /** Mass flow. Unit: kg/s */
  m?: number;
  /** Pressure. Unit: Pa */
  p?: number;
  /** Temperature. Unit: K */
  T?: number;
  /** Specific enthalpy. Unit: J/kg */
  h?: number;
  /** Vapour quality (0 saturated liquid, 1 saturated vapour). Unit: - */
  Q?: number;
}

export const STREAM_SPEC_KEYS = ['m', 'p', 'T', 'h', 'Q'] as const;

export function checkStreamSpecs(where: string, s: StreamSpecs): void {
  const bad = (k: string, v: unknown, valid: string) => {
    throw new PlantInputError(where, k, v, valid);
  };
  if (s.m !== undefined && !Number.isFinite(s.m)) bad('m', s.m, 'a finite mass flow in kg/s');
  if (s.p !== undefined && !(Number.isFinite(s.p) && s.p > 0)) bad('p', s.p, 'p > 0 Pa');
  if (s.T !== undefined && !(Number.isFinite(s.T) && s.T > 0)) bad('T', s.T, 'T > 0 K');
  if (s.h !== undefined && !Number.isFinite(s.h)) bad('h', s.h, 'a finite enthalpy in J/kg');
  if (s.Q !== undefined && !(Number.isFinite(s.Q) && s.Q >= 0 && s.Q <= 1)) bad('Q', s.Q, '0 ≤ Q ≤ 1');
  if (s.T !== undefined && s.h !== undefined) bad('T/h', `${s.T}/${s.h}`, 'only one of T and h (each fixes the state at the given p)');
  if (s.Q !== undefined && (s.T !== undefined || s.h !== undefined)) bad('Q', s.Q, 'Q without T or h (in the two-phase region T follows from p)');
}

/** The equations of the specifications `specs()` has now (values read at every evaluation). */
export function streamSpecEquations(port: PortRef, specs: () => StreamSpecs, s: Scales, spec = true): EquationInput[] {
  const now = specs();
  const out: EquationInput[] = [];
  if (now.m !== undefined) out.push(fixed('m', port.m, () => specs().m as number, () => s.m, spec));
  if (now.p !== undefined) out.push(fixed('p', port.p, () => specs().p as number, () => s.p, spec));
  if (now.h !== undefined) out.push(fixed('h', port.h, () => specs().h as number, () => s.h, spec));
  if (now.T !== undefined) out.push({ ...temperatureDifference('T', port, null, () => specs().T as number, s), spec });
  if (now.Q !== undefined) out.push(qualityEquation(port, () => specs().Q as number, s, spec));
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
