/**
 * The solver's view of a plant: variables (per stream m, p, h; per flue-gas region its fuel fraction f) and
 * equations over them. A component or a stream specification states its equations as data — residual scaled to
 * order one, the variables it touches, optionally an analytic gradient and an explicit solution for one variable —
 * and the network never needs to know what they mean.
 */
import type { StreamFluid } from '../fluids/stream-fluid.js';
import type { Evaluator } from './evaluator.js';

/** Receives ∂r/∂x_v for one equation (contributions to the same variable add up). */
export interface GradientSink {
  add(variable: number, derivative: number): void;
}

export interface Equation {
  /** Who owns it, for people: 'compressor C1', 'stream C1 → IC1', 'bus motors'. */
  readonly owner: string;
  /** What it says: 'eta_s', 'energy balance', 'T', 'ttd_u'. */
  readonly name: string;
  /** A user's choice (a specification one could drop) rather than a balance the component always has. */
  readonly spec: boolean;
  /** Global indices of the variables the residual depends on. */
  readonly vars: readonly number[];
  /** The residual, scaled to order one. */
  residual(e: Evaluator): number;
  /** ∂r/∂x for every variable in `vars`; without it the solver differentiates by finite differences. */
  gradient?(e: Evaluator, g: GradientSink): void;
  /** The value of `variable` that zeroes the residual with every other variable fixed, if it has a closed form. */
  solveFor?(e: Evaluator, variable: number): number | undefined;
}

/** A stream as a component's port sees it: its index, its variables' indices and its medium. */
export interface PortRef {
  /** Stream index. */
  readonly stream: number;
  /** Index of the mass-flow variable. */
  readonly m: number;
  /** Index of the pressure variable. */
  readonly p: number;
  /** Index of the enthalpy variable. */
  readonly h: number;
  /** Index of the composition variable (flue gas), or −1. */
  readonly f: number;
  readonly fluid: StreamFluid;
  /** 'C1 → IC1' */
  readonly label: string;
}

/** Residual scales, fixed for one solve (order-one residuals for the plant at hand). */
export interface Scales {
  /** Mass flow. Unit: kg/s */
  m: number;
  /** Pressure. Unit: Pa */
  p: number;
  /** Specific enthalpy. Unit: J/kg */
  h: number;
  /** Temperature (differences). Unit: K */
  T: number;
  /** Power and heat flow (= m · h). Unit: W */
  readonly E: number;
}

/** The variables a stream's state depends on: p, h and, for flue gas, f. */
export function stateVars(port: PortRef): number[] {
  return port.f >= 0 ? [port.p, port.h, port.f] : [port.p, port.h];
}

/** Adds d(r)/d(state property X) · (∂X/∂p, ∂X/∂h, ∂X/∂f) for one port. */
export function addStateGradient(g: GradientSink, port: PortRef, dp: number, dh: number, df: number): void {
  g.add(port.p, dp);
  g.add(port.h, dh);
  if (port.f >= 0) g.add(port.f, df);
}

/** Distinct variable indices in first-seen order. */
export function uniqueVars(...lists: (readonly number[])[]): number[] {
  const out: number[] = [];
  for (const list of lists) for (const v of list) if (v >= 0 && !out.includes(v)) out.push(v);
  return out;
}
