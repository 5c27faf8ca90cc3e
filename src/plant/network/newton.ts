/**
 * Newton's method on one block of the system: dense LU (flowsheet blocks are small), an analytic Jacobian row
 * where the equation has a gradient and a forward difference otherwise, steps cut so that pressures stay positive
 * and compositions inside their range, and a backtracking line search that also backs off from any step on which a
 * medium cannot be evaluated (a flash outside the equation of state's range). A single equation in one unknown with
 * a closed form is solved directly. The outcome says why when it fails: the equations with the largest residuals,
 * or for a singular Jacobian the variable that lost rank (the LU's smallest pivot).
 */
import { FluidInputError, FluidSolveError } from '../../fluids/index.js';
import { brent, luFactor, luSolve } from '../../numerics/index.js';
import { PlantInputError } from '../errors.js';
import type { Equation, GradientSink, Scales } from '../core/equation.js';
import type { Evaluator } from '../core/evaluator.js';

export interface SolverOptions {
  /** Largest scaled residual accepted (residuals are scaled to order one). Unit: - */
  readonly tolerance: number;
  /** Newton iterations per block. */
  readonly maxIterations: number;
  /** Step halvings per iteration. */
  readonly maxBacktracks: number;
  /** Pivot ratio (LU) below which the Jacobian counts as singular. Unit: - */
  readonly singularPivotRatio: number;
  /** Start from the previous solution where there is one. */
  readonly warm: boolean;
}

export const SOLVER_DEFAULTS: SolverOptions = Object.freeze({
  tolerance: 1e-10,
  maxIterations: 60,
  maxBacktracks: 16,
  singularPivotRatio: 1e-14,
  warm: true,
});

/** Variable kinds, for step sizes and limits. */
export const VAR_M = 0;
export const VAR_P = 1;
export const VAR_H = 2;
export const VAR_F = 3;

export interface SystemView {
  readonly equations: readonly Equation[];
  /** Kind of each variable (VAR_M …). */
  readonly kinds: Uint8Array;
  /** Upper bound of each variable (the stoichiometric f for compositions; Infinity otherwise). */
  readonly upper: Float64Array;
  readonly scales: Scales;
  readonly e: Evaluator;
  readonly options: SolverOptions;
  /** Scratch, length = number of variables, all −1 between calls. */
  readonly colOf: Int32Array;
  /**
   * The values a warm solve started from (the last solution): a single equation with a closed form whose other
   * variables have moved from them is solved by its closed form rather than checked at its stale value first.
   */
  readonly start?: Float64Array;
}

export interface BlockOutcome {
  readonly ok: boolean;
  readonly iterations: number;
  /** Largest scaled residual at the end. */
  readonly residual: number;
  readonly reason?: string;
  /** Equation indices of the block by decreasing |residual| (failures). */
  readonly worst?: readonly { readonly equation: number; readonly residual: number }[];
  /** The variable that lost rank, for a singular Jacobian. */
  readonly singularVariable?: number;
}

/** Errors that mean "this point is outside a medium's range", not a bug. */
export function isRangeError(error: unknown): error is Error {
  return error instanceof FluidInputError || error instanceof FluidSolveError || error instanceof PlantInputError;
}

class RowSink implements GradientSink {
  J: Float64Array = new Float64Array(0);
  row = 0;
  k = 0;
  colOf: Int32Array = new Int32Array(0);
  add(variable: number, derivative: number): void {
    const c = this.colOf[variable];
    if (c >= 0) this.J[this.row * this.k + c] += derivative;
  }
}

const sink = new RowSink();

/** Work arrays of one block size, reused from block to block: a network solve goes through tens of small blocks. */
class Workspace {
  readonly r: Float64Array;
  readonly J: Float64Array;
  readonly dx: Float64Array;
  readonly x0: Float64Array;
  readonly rTrial: Float64Array;
  constructor(k: number) {
    this.r = new Float64Array(k);
    this.J = new Float64Array(k * k);
    this.dx = new Float64Array(k);
    this.x0 = new Float64Array(k);
    this.rTrial = new Float64Array(k);
  }
}

const workspaces: Workspace[] = [];
/** Blocks being solved now: a residual that solved a network of its own would need fresh arrays. */
let depth = 0;

function workspace(k: number): Workspace {
  if (depth > 1) return new Workspace(k);
  return (workspaces[k] ??= new Workspace(k));
}

/** Solves equations `eqs` for variables `vars` (same count) with every other variable fixed. */
export function solveBlock(sys: SystemView, eqs: readonly number[], vars: readonly number[], checkFirst: boolean): BlockOutcome {
  depth++;
  try {
    return solveBlockIn(sys, eqs, vars, checkFirst);
  } finally {
    depth--;
  }
}

function solveBlockIn(sys: SystemView, eqs: readonly number[], vars: readonly number[], checkFirst: boolean): BlockOutcome {
  const { e, options } = sys;
  const k = eqs.length;
  const x = e.x;
  const w = workspace(k);
  const r = w.r.fill(0);
  // closed form for one equation in one unknown: from cold, and from warm unless the last value still satisfies it —
  // checked only where nothing it depends on has moved (elsewhere the residual at the stale value would cost a flash
  // that the closed form saves); from warm, a closed form that fails leaves the block to Newton
  const eq = sys.equations[eqs[0]];
  if (k === 1 && eq.solveFor && checkFirst && !moved(sys, eq, vars[0])) {
    const kept = residualOf(sys, eq);
    if (Math.abs(kept) <= options.tolerance) return { ok: true, iterations: 0, residual: Math.abs(kept) };
  }
  if (k === 1 && eq.solveFor) {
    let value: number | undefined;
    try {
      value = eq.solveFor(e, vars[0]);
    } catch (error) {
      if (!isRangeError(error)) throw error;
      if (!checkFirst) return fail(eqs, r, 0, `${eq.owner}: ${eq.name}: ${error.message}`);
    }
    if (value !== undefined && Number.isFinite(value)) {
      const before = x[vars[0]];
      x[vars[0]] = value;
      try {
        r[0] = eq.residual(e);
        if (Math.abs(r[0]) <= options.tolerance) return { ok: true, iterations: 1, residual: Math.abs(r[0]) };
      } catch (error) {
        if (!isRangeError(error)) throw error;
        x[vars[0]] = before;
      }
    }
  }
  for (let c = 0; c < k; c++) sys.colOf[vars[c]] = c;
  let outcome: BlockOutcome;
  const start = k === 1 ? x[vars[0]] : NaN;
  try {
    outcome = newton(sys, eqs, vars, w);
  } finally {
    for (let c = 0; c < k; c++) sys.colOf[vars[c]] = -1;
  }
  if (outcome.ok || k !== 1) return outcome;
  // one equation in one unknown where Newton failed (a flat spot of a minimum, say): bracket the root and bisect
  const fallback = bracketScalar(sys, eqs[0], vars[0], start);
  if (fallback.ok) return fallback;
  return { ...outcome, reason: `${outcome.reason}; ${fallback.reason}` };
}

/** Whether a variable of `eq` other than its unknown `v` differs from where the warm solve started. */
function moved(sys: SystemView, eq: Equation, v: number): boolean {
  const start = sys.start;
  if (start === undefined) return false;
  const x = sys.e.x;
  for (const u of eq.vars) if (u !== v && x[u] !== start[u]) return true;
  return false;
}

/** The residual of `eq` at the current values (NaN where a medium cannot take them). */
function residualOf(sys: SystemView, eq: Equation): number {
  try {
    return eq.residual(sys.e);
  } catch (error) {
    if (!isRangeError(error)) throw error;
    return Number.NaN;
  }
}

/** Step to start a bracket from, by variable kind. */
function bracketStep(sys: SystemView, v: number, x: number): number {
  switch (sys.kinds[v]) {
    case VAR_M:
      return Math.max(0.1 * Math.abs(x), 1e-3 * sys.scales.m);
    case VAR_P:
      return 0.1 * Math.abs(x);
    case VAR_H:
      return Math.max(0.02 * Math.abs(x), 5e3);
    default:
      return 1e-3;
  }
}

/**
 * A sign change of the residual around `start` by steps doubling away from it (both ways), then Brent's method on
 * the bracket: slower than Newton, but indifferent to flat or kinked residuals as long as they are continuous.
 */
function bracketScalar(sys: SystemView, eq: number, v: number, start: number): BlockOutcome {
  const x = sys.e.x;
  const equation = sys.equations[eq];
  const f = (value: number): number => {
    x[v] = value;
    try {
      const r = equation.residual(sys.e);
      return Number.isFinite(r) ? r : NaN;
    } catch (error) {
      if (!isRangeError(error)) throw error;
      return NaN;
    }
  };
  const x0 = Number.isFinite(start) ? start : x[v];
  const f0 = f(x0);
  const step = bracketStep(sys, v, x0);
  let lo = NaN;
  let hi = NaN;
  let evaluations = 1;
  let [xmin, xmax, rmin, rmax] = [x0, x0, f0, f0];
  search: for (const direction of [1, -1]) {
    let a = x0;
    let fa = f0;
    for (let i = 0; i < 40; i++) {
      const b = x0 + direction * step * 2 ** i;
      if (sys.kinds[v] === VAR_P && b <= 0) break;
      if (sys.kinds[v] === VAR_F && (b < 0 || b > sys.upper[v])) break;
      const fb = f(b);
      evaluations++;
      if (Number.isNaN(fb)) {
        if (!Number.isNaN(fa)) break;
        continue;
      }
      [xmin, xmax] = [Math.min(xmin, b), Math.max(xmax, b)];
      [rmin, rmax] = [Math.min(rmin, fb), Math.max(rmax, fb)];
      if (!Number.isNaN(fa) && fa * fb <= 0) {
        [lo, hi] = direction > 0 ? [a, b] : [b, a];
        break search;
      }
      a = b;
      fa = fb;
    }
  }
  const failure = (reason: string): BlockOutcome => {
    x[v] = x0;
    return { ok: false, iterations: evaluations, residual: Math.abs(f0), reason, worst: [{ equation: eq, residual: f0 }] };
  };
  if (Number.isNaN(lo)) {
    return failure(
      `no value of the unknown between ${xmin.toPrecision(6)} and ${xmax.toPrecision(6)} (where the media allow) zeroes ${equation.owner}: ${equation.name} — its scaled residual stays between ${rmin.toPrecision(4)} and ${rmax.toPrecision(4)}: the specification looks infeasible`,
    );
  }
  const root = brent((value) => f(value), lo, hi, { rtol: 1e-15, maxIterations: 200 });
  if (!root.ok) return failure(`bisection failed: ${root.reason}`);
  const r = f(root.value);
  if (!(Math.abs(r) <= sys.options.tolerance)) return failure(`the residual jumps across ${root.value} (scaled ${r.toPrecision(4)} there): the equation is discontinuous`);
  return { ok: true, iterations: evaluations + root.iterations, residual: Math.abs(r) };
}

function residuals(sys: SystemView, eqs: readonly number[], out: Float64Array): number {
  let max = 0;
  for (let i = 0; i < eqs.length; i++) {
    const v = sys.equations[eqs[i]].residual(sys.e);
    if (!Number.isFinite(v)) throw new PlantInputError(sys.equations[eqs[i]].owner, sys.equations[eqs[i]].name, v, 'a finite residual');
    out[i] = v;
    max = Math.max(max, Math.abs(v));
  }
  return max;
}

function fdStep(sys: SystemView, v: number): number {
  const x = sys.e.x[v];
  switch (sys.kinds[v]) {
    case VAR_M:
      return 1e-7 * Math.max(Math.abs(x), 1e-3 * sys.scales.m) || 1e-9;
    case VAR_P:
      return 1e-7 * Math.abs(x) + 1e-3;
    case VAR_H:
      return 1e-7 * Math.max(Math.abs(x), sys.scales.h);
    default:
      return x + 1e-7 <= sys.upper[v] ? 1e-7 : -1e-7;
  }
}

function jacobian(sys: SystemView, eqs: readonly number[], r: Float64Array, J: Float64Array): void {
  const k = eqs.length;
  const x = sys.e.x;
  J.fill(0);
  sink.J = J;
  sink.k = k;
  sink.colOf = sys.colOf;
  for (let i = 0; i < k; i++) {
    const eq = sys.equations[eqs[i]];
    if (eq.gradient) {
      sink.row = i;
      eq.gradient(sys.e, sink);
      continue;
    }
    for (const v of eq.vars) {
      const c = sys.colOf[v];
      if (c < 0) continue;
      const x0 = x[v];
      let d = fdStep(sys, v);
      let r1: number;
      try {
        x[v] = x0 + d;
        r1 = eq.residual(sys.e);
      } catch (error) {
        if (!isRangeError(error)) throw error;
        d = -d;
        x[v] = x0 + d;
        r1 = eq.residual(sys.e);
      } finally {
        x[v] = x0;
      }
      J[i * k + c] = (r1 - r[i]) / d;
    }
  }
}

/** The largest α ≤ 1 keeping pressures above a tenth of their value and compositions inside [0, upper]. */
function stepLimit(sys: SystemView, vars: readonly number[], dx: Float64Array): number {
  const x = sys.e.x;
  let alpha = 1;
  for (let c = 0; c < vars.length; c++) {
    const v = vars[c];
    const kind = sys.kinds[v];
    if (kind === VAR_P && dx[c] < 0 && x[v] + dx[c] < 0.1 * x[v]) alpha = Math.min(alpha, (0.9 * x[v]) / -dx[c]);
    if (kind === VAR_F) {
      if (dx[c] < 0 && x[v] + dx[c] < 0) alpha = Math.min(alpha, (0.9 * x[v]) / -dx[c]);
      if (dx[c] > 0 && x[v] + dx[c] > sys.upper[v]) alpha = Math.min(alpha, (0.9 * (sys.upper[v] - x[v])) / dx[c]);
    }
  }
  return alpha;
}

function newton(sys: SystemView, eqs: readonly number[], vars: readonly number[], w: Workspace): BlockOutcome {
  const { e, options } = sys;
  const k = eqs.length;
  const x = e.x;
  const { r, J, dx, x0, rTrial } = w;
  let norm: number;
  try {
    norm = residuals(sys, eqs, r);
  } catch (error) {
    if (!isRangeError(error)) throw error;
    return fail(eqs, r, 0, `cannot evaluate the equations at the starting point: ${error.message}`);
  }
  for (let it = 1; it <= options.maxIterations; it++) {
    if (norm <= options.tolerance) return { ok: true, iterations: it - 1, residual: norm };
    jacobian(sys, eqs, r, J);
    if (k === 1) {
      // the LU of a 1 × 1 matrix, without its bookkeeping: singular unless finite and non-zero (pivot ratio 1)
      if (!(Number.isFinite(J[0]) && J[0] !== 0)) {
        const outcome = fail(eqs, r, it, `the Jacobian is singular (smallest pivot ratio ${(0).toExponential(2)})`);
        return { ...outcome, singularVariable: vars[0] };
      }
      dx[0] = -r[0] / J[0];
    } else {
      const lu = luFactor(J, k);
      if (!(lu.minPivotRatio > options.singularPivotRatio)) {
        const outcome = fail(eqs, r, it, `the Jacobian is singular (smallest pivot ratio ${lu.minPivotRatio.toExponential(2)})`);
        return { ...outcome, singularVariable: vars[Math.max(0, lu.weakestColumn)] };
      }
      for (let i = 0; i < k; i++) dx[i] = -r[i];
      luSolve(lu, dx);
    }
    let tiny = true;
    for (let c = 0; c < k; c++) {
      if (!Number.isFinite(dx[c])) return fail(eqs, r, it, 'the Newton step is not finite');
      const v = vars[c];
      const kind = sys.kinds[v];
      const scale = kind === VAR_M ? Math.max(Math.abs(x[v]), sys.scales.m) : kind === VAR_F ? 1e-2 : Math.max(Math.abs(x[v]), kind === VAR_H ? sys.scales.h : 1);
      if (Math.abs(dx[c]) > 1e-14 * scale) tiny = false;
      x0[c] = x[v];
    }
    let alpha = stepLimit(sys, vars, dx);
    const phi0 = sumSquares(r);
    let accepted = false;
    let bestPhi = Infinity;
    let bestAlpha = 0;
    let trialNorm = Infinity;
    for (let bt = 0; bt <= options.maxBacktracks; bt++) {
      for (let c = 0; c < k; c++) x[vars[c]] = x0[c] + alpha * dx[c];
      let phi = Infinity;
      try {
        trialNorm = residuals(sys, eqs, rTrial);
        phi = sumSquares(rTrial);
      } catch (error) {
        if (!isRangeError(error)) throw error;
      }
      if (phi < bestPhi) {
        bestPhi = phi;
        bestAlpha = alpha;
      }
      if (phi <= (1 - 1e-4 * alpha) * phi0) {
        accepted = true;
        break;
      }
      alpha *= 0.5;
    }
    if (!accepted) {
      if (!Number.isFinite(bestPhi)) {
        for (let c = 0; c < k; c++) x[vars[c]] = x0[c];
        return fail(eqs, r, it, 'every step along the Newton direction leaves the valid range of a medium');
      }
      if (tiny) {
        for (let c = 0; c < k; c++) x[vars[c]] = x0[c] + dx[c];
        const end = residuals(sys, eqs, r);
        if (end <= 1e3 * options.tolerance) return { ok: true, iterations: it, residual: end };
        return fail(eqs, r, it, 'Newton stalled at round-off level');
      }
      // no decrease: take the best step seen (a non-monotone step out of a poor region)
      for (let c = 0; c < k; c++) x[vars[c]] = x0[c] + bestAlpha * dx[c];
      norm = residuals(sys, eqs, r);
    } else {
      // the residuals at the step taken are those of its trial
      r.set(rTrial);
      norm = trialNorm;
    }
  }
  if (norm <= options.tolerance) return { ok: true, iterations: options.maxIterations, residual: norm };
  return fail(eqs, r, options.maxIterations, `no convergence in ${options.maxIterations} iterations`);
}

function sumSquares(r: Float64Array): number {
  let s = 0;
  for (let i = 0; i < r.length; i++) s += r[i] * r[i];
  return s;
}

function fail(eqs: readonly number[], r: Float64Array, iterations: number, reason: string): BlockOutcome {
  const worst = eqs.map((equation, i) => ({ equation, residual: r[i] })).sort((a, b) => Math.abs(b.residual) - Math.abs(a.residual));
  let residual = 0;
  for (let i = 0; i < eqs.length; i++) residual = Math.max(residual, Math.abs(r[i]));
  return { ok: false, iterations, residual, reason, worst };
}
