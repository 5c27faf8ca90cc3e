/**
 * Test support: every equation's analytic gradient against central differences, and its declared variables against
 * the variables its residual really depends on (a dependency left out of `vars` would break the block order).
 */
import type { Network } from './network/network.js';
import { isRangeError } from './network/newton.js';

export interface GradientMismatch {
  readonly equation: string;
  readonly variable: string;
  readonly analytic: number;
  readonly numeric: number;
}

/** A deterministic pseudo-random number in [−1, 1) from an integer. */
function noise(k: number): number {
  const x = Math.sin(k * 12.9898 + 78.233) * 43758.5453;
  return 2 * (x - Math.floor(x)) - 1;
}

/**
 * Checks the equations owned by `owner` (all when absent) at the network's current variables, each m, p, h moved
 * by up to `perturb` (relative) so that residuals are not zero. Returns every mismatch beyond
 * `tolerance` (relative to the larger derivative, times the variable's scale) and every undeclared dependency.
 */
export function checkGradients(net: Network, options: { owner?: string; perturb?: number; tolerance?: number } = {}): GradientMismatch[] {
  const { owner, perturb = 1e-3, tolerance = 1e-5 } = options;
  const sys = net.system();
  const e = sys.evaluator;
  const x = e.x;
  const saved = Float64Array.from(x);
  const n = x.length;
  for (let v = 0; v < n; v++) if (!sys.variableNames[v].startsWith('the flue-gas')) x[v] *= 1 + perturb * noise(v);
  const out: GradientMismatch[] = [];
  const scaleOf = (v: number) => Math.max(Math.abs(x[v]), sys.variableNames[v].startsWith('the enthalpy') ? 1e4 : sys.variableNames[v].startsWith('the flue-gas') ? 1e-2 : 1e-3);
  try {
    for (const eq of sys.equations) {
      if (owner !== undefined && eq.owner !== owner) continue;
      const analytic = new Map<number, number>();
      if (eq.gradient) eq.gradient(e, { add: (v, d) => analytic.set(v, (analytic.get(v) ?? 0) + d) });
      for (const v of analytic.keys()) {
        if (!eq.vars.includes(v) && analytic.get(v) !== 0) out.push({ equation: `${eq.owner}: ${eq.name}`, variable: `${sys.variableNames[v]} (gradient outside vars)`, analytic: analytic.get(v) as number, numeric: NaN });
      }
      for (let v = 0; v < n; v++) {
        const x0 = x[v];
        const step = (sys.variableNames[v].startsWith('the pressure') ? 1e-5 : 1e-6) * scaleOf(v);
        let numeric: number;
        try {
          x[v] = x0 + step;
          const rp = eq.residual(e);
          x[v] = x0 - step;
          const rm = eq.residual(e);
          numeric = (rp - rm) / (2 * step);
        } catch (error) {
          if (!isRangeError(error)) throw error;
          continue;
        } finally {
          x[v] = x0;
        }
        const declared = eq.vars.includes(v);
        const sigma = scaleOf(v);
        if (!declared) {
          if (Math.abs(numeric * sigma) > 1e-7) out.push({ equation: `${eq.owner}: ${eq.name}`, variable: `${sys.variableNames[v]} (undeclared dependency)`, analytic: 0, numeric });
          continue;
        }
        if (!eq.gradient) continue;
        const a = analytic.get(v) ?? 0;
        const err = Math.abs(a - numeric) * sigma;
        if (err > tolerance * Math.max(Math.abs(a), Math.abs(numeric)) * sigma + 1e-7) {
          out.push({ equation: `${eq.owner}: ${eq.name}`, variable: sys.variableNames[v], analytic: a, numeric });
        }
      }
    }
  } finally {
    x.set(saved);
    e.invalidate();
  }
  return out;
}
