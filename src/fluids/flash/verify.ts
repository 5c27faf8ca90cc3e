import type { PureFluid } from '../pure/pure-fluid.js';
import { FluidSolveError } from '../errors.js';

/**
 * How closely every state a flash returns reproduces the inputs it was asked for. Each flash checks its result
 * before returning it and throws a FluidSolveError (naming the inputs, the residuals and the iterations) when a
 * check fails. With x the input and x̂ the state's own value — for p in a single-phase state the EOS's p(T, ρ),
 * not the number copied from the input:
 *
 * | input | passes when |
 * |---|---|
 * | T | abs(T̂ − T) ≤ 1e-12 T |
 * | p | abs(p̂ − p) ≤ 1e-9 p + 1e-13 ρ(∂p/∂ρ)_T (the density within 1e-13 of one with exactly p: a liquid's p(T, ρ) magnifies the last bits of ρ by up to 1e7) |
 * | rho | abs(ρ̂ − ρ) ≤ 1e-12 ρ |
 * | h, u | abs(ĥ − h) ≤ 1e-9 (abs(h) + R T_c / M) |
 * | s | abs(ŝ − s) ≤ 1e-9 (abs(s) + R / M) |
 * | Q | abs(Q̂ − Q) ≤ 1e-12 |
 *
 * The solvers converge far tighter (residuals near 1e-14); these bounds separate a converged state from a wrong one
 * (the near-critical states this check was written for missed h by 1e-4 relative).
 */
export const FLASH_TOLERANCE = Object.freeze({
  /** Relative. */
  T: 1e-12,
  /** Relative, plus `densityRoundOff` ρ(∂p/∂ρ)_T. */
  p: 1e-9,
  /** Relative density error whose effect on p is allowed besides `p`. */
  densityRoundOff: 1e-13,
  /** Relative. */
  rho: 1e-12,
  /** Relative to abs(h) + R T_c / M. */
  h: 1e-9,
  /** Relative to abs(u) + R T_c / M. */
  u: 1e-9,
  /** Relative to abs(s) + R / M. */
  s: 1e-9,
  /** Absolute. */
  Q: 1e-12,
});

/** The inputs a flash can be given (SI, mass basis). */
export type FlashInput = 'T' | 'p' | 'rho' | 'h' | 's' | 'u' | 'Q';

/**
 * The largest |found − wanted| FLASH_TOLERANCE allows for input `key` with wanted value x (SI, mass basis);
 * `rhoDpdrho` is ρ(∂p/∂ρ)_T at the state (Pa), used for p only.
 */
export function flashTolerance(fluid: PureFluid, key: FlashInput, x: number, rhoDpdrho = 0): number {
  const t = FLASH_TOLERANCE;
  switch (key) {
    case 'T':
      return t.T * Math.abs(x);
    case 'p':
      return t.p * Math.abs(x) + t.densityRoundOff * Math.abs(rhoDpdrho);
    case 'rho':
      return t.rho * Math.abs(x);
    case 'h':
    case 'u':
      return t[key] * (Math.abs(x) + (fluid.eos.R * fluid.critical.T) / fluid.eos.M);
    case 's':
      return t.s * (Math.abs(x) + fluid.eos.R / fluid.eos.M);
    case 'Q':
      return t.Q;
  }
}

/** Whether a state reproduces both inputs within FLASH_TOLERANCE (the arguments as for verifyInputs). */
export function reproduces(
  fluid: PureFluid,
  aKey: FlashInput,
  a: number,
  aFound: number,
  bKey: FlashInput,
  b: number,
  bFound: number,
  rhoDpdrho = 0,
): boolean {
  return Math.abs(aFound - a) <= flashTolerance(fluid, aKey, a, rhoDpdrho) && Math.abs(bFound - b) <= flashTolerance(fluid, bKey, b, rhoDpdrho);
}

/**
 * Throws a FluidSolveError unless the state found reproduces both inputs within FLASH_TOLERANCE: `aFound` is the
 * state's own value of input `aKey` (wanted `a`), likewise for b. `iterations` is what the solver took, for the
 * message; `rhoDpdrho` is ρ(∂p/∂ρ)_T at the state (Pa) where an input is p.
 */
export function verifyInputs(
  fluid: PureFluid,
  what: string,
  aKey: FlashInput,
  a: number,
  aFound: number,
  bKey: FlashInput,
  b: number,
  bFound: number,
  iterations: number,
  rhoDpdrho = 0,
): void {
  if (reproduces(fluid, aKey, a, aFound, bKey, b, bFound, rhoDpdrho)) return;
  const ea = aFound - a;
  const eb = bFound - b;
  const ta = flashTolerance(fluid, aKey, a, rhoDpdrho);
  const tb = flashTolerance(fluid, bKey, b, rhoDpdrho);
  throw new FluidSolveError(
    `${fluid.name} ${what}`,
    { [aKey]: a, [bKey]: b },
    `the state found does not reproduce its inputs within FLASH_TOLERANCE (allowed ${aKey}: ${ta}, ${bKey}: ${tb})`,
    { residuals: { [aKey]: ea, [bKey]: eb }, iterations },
  );
}
