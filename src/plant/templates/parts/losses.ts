/**
 * Pressure losses along a template's gas and medium paths: a loss as a component's specification (pr or dp at a
 * known inlet pressure), as a function p_in ↦ p_out, a chain of them run forwards, and inverted.
 */
import { afterLoss, type PressureLoss } from '../parameters.js';

/** A pressure loss as a specification (pr or dp) at a known inlet pressure (a saturation drop needs `satDrop`). */
export function lossEntry(loss: PressureLoss, pIn: number, satDrop?: (p: number, dT: number) => number): { pr: number } | { dp: number } {
  if (loss.kind === 'fraction') return { pr: 1 - loss.value };
  return { dp: pIn - afterLoss(pIn, loss, satDrop) };
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
