import type { AlphaDerivatives } from './derivatives.js';
import type { PowerTable } from './powers.js';

/** One group of the residual evaluator (see ResidualHelmholtz): F(δ) shared by its members' n G(τ). */
export interface KernelGroup {
  /** 0: F = δ^d exp(−δ^l) (l = 0: δ^d); 1: F = δ^d exp(−η(δ−ε)²) */
  readonly kind: 0 | 1;
  readonly d: number;
  readonly l: number;
  readonly eta: number;
  readonly eps: number;
  /** slot: where τ^t sits in the τ power table */
  readonly members: readonly { n: number; t: number; beta: number; gamma: number; slot: number }[];
}

/** The evaluator's loops for one fluid, unrolled (see compileResidualKernels). */
export interface ResidualKernels {
  /** Fills the τ-sums S[4g + k] (k = 0..2; with `third` also k = 3). */
  readonly tau: (tau: number, S: Float64Array, third: boolean) => void;
  /** Power and Gaussian terms' αʳ and second derivatives at (τ, δ) from the τ-sums, into `out`. */
  readonly second: (tau: number, delta: number, S: Float64Array, out: AlphaDerivatives) => void;
  /** The same with the third derivatives. */
  readonly third: (tau: number, delta: number, S: Float64Array, out: AlphaDerivatives) => void;
  /** αʳ, αʳ_δ, αʳ_δδ, αʳ_δδδ only. */
  readonly delta: (delta: number, S: Float64Array, out: AlphaDerivatives) => void;
}

/** A number as a JavaScript literal that reads back to the same double. */
const lit = (x: number): string => (x < 0 || Object.is(x, -0) ? `(${x})` : `${x}`);

/**
 * The loops of ResidualHelmholtz.updateTau and .evaluate over one fluid's groups and members, unrolled into
 * straight-line JavaScript with the coefficients as literals, and compiled once per fluid. The same operations in
 * the same order as the loops (so the same results, to the last bit); about twice as fast, as V8 then keeps
 * everything in registers and has no array reads or loop branches to pay for. Data-driven like the loops: no
 * fluid is written by hand. Returns undefined where code cannot be compiled at run time (the loops then serve).
 */
export function compileResidualKernels(groups: readonly KernelGroup[], tauPowers: PowerTable, maxD: number): ResidualKernels | undefined {
  const tau = (third: boolean): string => {
    const lines = [tauPowers.source('tau', (i) => `p${i}`)];
    // the τ-sums: Σ c_k τ^t over each power group's members, c = (n, n t, n t(t−1), n t(t−1)(t−2))
    const eKeys = new Map<string, string>();
    groups.forEach((g, gi) => {
      const o = 4 * gi;
      if (g.kind === 0) {
        const sum = (c: (n: number, t: number) => number) => g.members.map((m) => `${lit(c(m.n, m.t))} * p${m.slot}`).join(' + ');
        lines.push(`S[${o}] = ${sum((n) => n)};`);
        lines.push(`S[${o + 1}] = ${sum((n, t) => n * t)};`);
        lines.push(`S[${o + 2}] = ${sum((n, t) => n * t * (t - 1))};`);
        if (third) lines.push(`S[${o + 3}] = ${sum((n, t) => n * t * (t - 1) * (t - 2))};`);
        return;
      }
      // Gaussian members: G = n τ^t exp(−β(τ−γ)²), one exp per (β, γ)
      const parts: string[][] = [[], [], [], []];
      g.members.forEach((m, k) => {
        const key = `${m.beta},${m.gamma}`;
        const v = `g${gi}_${k}`;
        if (!eKeys.has(key)) {
          const e = `e${eKeys.size}`;
          eKeys.set(key, e);
          lines.push(`const ${e}dg = tau - ${lit(m.gamma)};`, `const ${e} = Math.exp(-${lit(m.beta)} * ${e}dg * ${e}dg);`);
        }
        const e = eKeys.get(key) as string;
        const b = lit(m.beta);
        const gm = lit(m.gamma);
        lines.push(
          `const ${v}G = ${lit(m.n)} * p${m.slot} * ${e};`,
          `const ${v}v1 = ${lit(m.t)} - 2 * ${b} * tau * ${e}dg;`,
          `const ${v}dv1 = -2 * ${b} * tau * (2 * tau - ${gm});`,
          `const ${v}D2 = ${v}v1 * ${v}v1 + ${v}dv1;`,
        );
        parts[0].push(`${v}G`);
        parts[1].push(`${v}G * ${v}v1`);
        parts[2].push(`${v}G * (${v}D2 - ${v}v1)`);
        if (third) {
          lines.push(`const ${v}D3 = ${v}v1 * ${v}v1 * ${v}v1 + 3 * ${v}v1 * ${v}dv1 - 2 * ${b} * tau * (4 * tau - ${gm});`);
          parts[3].push(`${v}G * (${v}D3 - 3 * ${v}D2 + 2 * ${v}v1)`);
        }
      });
      for (let k = 0; k < (third ? 4 : 3); k++) lines.push(`S[${o + k}] = ${parts[k].join(' + ')};`);
    });
    return lines.join('\n');
  };

  // δ part: 'full' = all second (and with third, third) derivatives; 'delta' = the pure δ-derivatives only
  const delta = (mode: 'second' | 'third' | 'delta'): string => {
    const third = mode !== 'second';
    const withTau = mode !== 'delta';
    const lines = ['const q0 = 1;'];
    for (let k = 1; k <= maxD; k++) lines.push(`const q${k} = q${k - 1} * delta;`);
    lines.push('let sA = 0, sD = 0, sDD = 0, sT = 0, sTT = 0, sDT = 0, sDDD = 0, sDDT = 0, sDTT = 0, sTTT = 0;');
    const exps = new Set<number>();
    const gaussExps = new Map<string, string>();
    groups.forEach((g, gi) => {
      const o = 4 * gi;
      const d = g.d;
      const body: string[] = [];
      let u1: string;
      let u2: string;
      let u3: string;
      if (g.kind === 0 && g.l === 0) {
        body.push(`const F = q${d};`);
        u1 = `${d}`;
        u2 = `${d * (d - 1)}`;
        u3 = `${d * (d - 1)} * ${d - 2}`;
      } else if (g.kind === 0) {
        const l = g.l;
        if (!exps.has(l)) {
          exps.add(l);
          lines.push(`const El${l} = Math.exp(-q${l});`);
        }
        body.push(
          `const F = q${d} * El${l};`,
          `const L = ${l} * q${l};`,
          `const u1 = ${d} - L;`,
          `const D2 = u1 * u1 - ${l} * L;`,
          `const u2 = D2 - u1;`,
        );
        if (third) body.push(`const D3 = u1 * u1 * u1 - 3 * ${l} * L * u1 - ${l} * ${l} * L;`);
        u1 = 'u1';
        u2 = 'u2';
        u3 = '(D3 - 3 * D2 + 2 * u1)';
      } else {
        const key = `${g.eta},${g.eps}`;
        if (!gaussExps.has(key)) {
          const name = `Eg${gaussExps.size}`;
          gaussExps.set(key, name);
          lines.push(`const ${name}de = delta - ${lit(g.eps)};`, `const ${name} = Math.exp(-${lit(g.eta)} * ${name}de * ${name}de);`);
        }
        const e = gaussExps.get(key) as string;
        const eta = lit(g.eta);
        const eps = lit(g.eps);
        body.push(
          `const F = q${d} * ${e};`,
          `const u1 = ${d} - 2 * ${eta} * delta * ${e}de;`,
          `const du1 = -2 * ${eta} * delta * (2 * delta - ${eps});`,
          `const D2 = u1 * u1 + du1;`,
          `const u2 = D2 - u1;`,
        );
        if (third) body.push(`const D3 = u1 * u1 * u1 + 3 * u1 * du1 - 2 * ${eta} * delta * (4 * delta - ${eps});`);
        u1 = 'u1';
        u2 = 'u2';
        u3 = '(D3 - 3 * D2 + 2 * u1)';
      }
      body.push(`const A0 = F * S[${o}];`);
      if (withTau) body.push(`const A1 = F * S[${o + 1}];`, `const A2 = F * S[${o + 2}];`);
      body.push('sA += A0;', `sD += A0 * ${u1};`, `sDD += A0 * ${u2};`);
      if (withTau) body.push('sT += A1;', 'sTT += A2;', `sDT += A1 * ${u1};`);
      if (third) body.push(`sDDD += A0 * ${u3};`);
      if (third && withTau) body.push(`sDDT += A1 * ${u2};`, `sDTT += A2 * ${u1};`, `sTTT += F * S[${o + 3}];`);
      lines.push(`{\n${body.join('\n')}\n}`);
    });
    lines.push('const id = 1 / delta;', 'out.a = sA;', 'out.d = sD * id;', 'out.dd = sDD * id * id;');
    if (third) lines.push('out.ddd = sDDD * id * id * id;');
    if (withTau) {
      lines.push('const it = 1 / tau;', 'out.t = sT * it;', 'out.tt = sTT * it * it;', 'out.dt = sDT * id * it;');
      if (third) lines.push('out.ddt = sDDT * id * id * it;', 'out.dtt = sDTT * id * it * it;', 'out.ttt = sTTT * it * it * it;');
    }
    return lines.join('\n');
  };

  try {
    const tau2 = new Function('tau', 'S', tau(false));
    const tau3 = new Function('tau', 'S', tau(true));
    return {
      tau: (t, S, third) => (third ? tau3(t, S) : tau2(t, S)),
      second: new Function('tau', 'delta', 'S', 'out', delta('second')) as ResidualKernels['second'],
      third: new Function('tau', 'delta', 'S', 'out', delta('third')) as ResidualKernels['third'],
      delta: new Function('delta', 'S', 'out', delta('delta')) as ResidualKernels['delta'],
    };
  } catch {
    return undefined;
  }
}
