/**
 * Pressure losses along a template's gas and medium paths: a loss as a component's specification (pr or dp, a fall
 * of saturation temperature turned into a drop at a reference pressure), as a function p_in ↦ p_out, a chain of them
 * run forwards, and inverted; an exchanger's sides.
 */
import { afterLoss, type PressureLoss } from '../parameters.js';

/**
 * The pressure drop of an exchanger whose loss is given as a fall ΔT of saturation temperature, evaluated at
 * `pReference` — which end of the exchanger that pressure belongs to, and which way the fall is measured from it,
 * is the function's to say (the gas-liquid condenser and evaporator know their outlet pressure and measure the fall
 * upward from it: p_sat(T_sat(p_out) + ΔT) − p_out). Unit: Pa
 */
export type SaturationDrop = (pReference: number, dT: number) => number;

/**
 * A pressure loss as a specification (pr or dp) for a design point. `pReference`: the pressure the loss is evaluated
 * at; a fraction and a given drop do not depend on it, a fall of saturation temperature does, through `satDrop`
 * (which says whether it is the inlet or the outlet pressure; needed for that kind). Unit: Pa
 */
export function lossEntry(loss: PressureLoss, pReference: number, satDrop?: SaturationDrop): { pr: number } | { dp: number } {
  if (loss.kind === 'fraction') return { pr: 1 - loss.value };
  return { dp: pReference - afterLoss(pReference, loss, satDrop) };
}

/** The loss of a specification: p ↦ p_out. */
export function lossFunction(spec: { pr: number } | { dp: number }): (p: number) => number {
  return 'pr' in spec ? (p) => p * spec.pr : (p) => p - spec.dp;
}

/** Inverts a chain of losses: the inlet pressure giving `pOut` at the end. Unit: Pa */
export function upstream(pOut: number, losses: readonly ((p: number) => number)[]): number {
  let p = pOut;
  for (let k = losses.length - 1; k >= 0; k--) {
    const f = losses[k];
    // losses are affine in p (p·pr or p − dp): invert from two points
    const a = f(1e5);
    const b = f(2e5);
    const slope = (b - a) / 1e5;
    p = 1e5 + (p - a) / slope;
  }
  return p;
}

/** Pressure at the end of a chain of losses. Unit: Pa */
export function chainOut(p: number, losses: readonly ((p: number) => number)[]): number {
  return losses.reduce((q, f) => f(q), p);
}

/** Both sides of a two-sided exchanger with the same loss (a recuperator): pr1/pr2 or dp1/dp2. */
export function bothSides(spec: { pr: number } | { dp: number }): { pr1: number; pr2: number } | { dp1: number; dp2: number } {
  return 'pr' in spec ? { pr1: spec.pr, pr2: spec.pr } : { dp1: spec.dp, dp2: spec.dp };
}

/** The hot side's loss (side 1: pr1 or dp1) of a two-sided exchanger. */
export function hotSide(spec: { pr: number } | { dp: number }): { pr1: number } | { dp1: number } {
  return 'pr' in spec ? { pr1: spec.pr } : { dp1: spec.dp };
}

/** The cold side's loss (side 2: pr2 or dp2) of a two-sided exchanger. */
export function coldSide(spec: { pr: number } | { dp: number }): { pr2: number } | { dp2: number } {
  return 'pr' in spec ? { pr2: spec.pr } : { dp2: spec.dp };
}
