import type { ResidualTerm } from './types.js';
import { AlphaDerivatives } from './derivatives.js';
import { PowerTable } from './powers.js';
import { compileResidualKernels, type KernelGroup, type ResidualKernels } from './residual-kernels.js';

/**
 * A non-analytic block with C(δ−1)² + D(τ−1)² above this is skipped (far from the critical point: e.g. every CO2
 * state above 570 K). There ψ < e⁻⁶⁰ ≈ 1e-26; even times the largest factors ψ's and Δ^b's derivatives bring
 * ((2D|τ−1|)³ ≈ 1e7, Δ^b ≲ 1e3) the block's share stays below 1e-16, under the round-off of the sums it would join:
 * on a dense (τ, δ) grid over the whole range, CO2's and water's αʳ and derivatives come out bitwise unchanged.
 */
const NEGLIGIBLE_PSI = 60;

/**
 * The residual Helmholtz energy αʳ(τ, δ) of any multiparameter EOS built from power, Gaussian and non-analytic
 * terms, with hand-coded derivatives to third order.
 *
 * Power and Gaussian terms share one form, n·F(δ)·G(τ), with
 *   F = δ^d exp(−δ^l)  (l = 0: no exponential)   or   F = δ^d exp(−η(δ−ε)²),
 *   G = τ^t            (power terms)             or   G = τ^t exp(−β(τ−γ)²).
 * Their derivatives follow from the logarithmic derivatives u_k = δ^k F⁽ᵏ⁾/F and v_k = τ^k G⁽ᵏ⁾/G, e.g.
 * δ²τ ∂³α/∂δ²∂τ = Σ n F G u₂ v₁. Terms with the same F form a group, so that everything depending on τ alone
 * (Σ n G v_k over the group) is computed once per temperature and a density iteration pays only for one F per
 * group — about 20 groups for the 34 power terms of CO2. The loops over groups and members run unrolled, as kernels
 * generated from the same groups (residual-kernels.ts); the loops stay as their reference and fallback.
 */
export class ResidualHelmholtz {
  // groups: F = δ^d · exp(−δ^l) (kind 0) or δ^d · exp(−η(δ−ε)²) (kind 1)
  private readonly groupD: Int32Array;
  private readonly groupL: Float64Array;
  private readonly groupEta: Float64Array;
  private readonly groupEps: Float64Array;
  private readonly nGroups: number;
  /** τ-sums per group, interleaved: S[4g + k] = Σ n G v_k over group g's members (v_0 = 1), filled per τ */
  private readonly S: Float64Array;

  /** groups [0, nPlain) are δ^d, [nPlain, nPower) δ^d exp(−δ^l), [nPower, nGroups) Gaussian */
  private readonly nPlain: number;
  private readonly nPower: number;
  /** Members [0, nPowerMembers) are power terms; per member 4g, the offset of its group's sums in S */
  private readonly nPowerMembers: number;
  private readonly mGroup4: Int32Array;
  /** Per member: 0 if it is the first of its group, else 1 */
  private readonly mKeep: Float64Array;
  /** Per power member, interleaved: n, n t, n t(t−1), n t(t−1)(t−2) (its τ-derivative factors, premultiplied) */
  private readonly mCoef: Float64Array;
  private readonly mN: Float64Array;
  private readonly mT: Float64Array;
  private readonly mBeta: Float64Array;
  private readonly mGamma: Float64Array;
  /** Per member: where τ^t sits in the power table */
  private readonly mSlot: Int32Array;
  private readonly tauPowers: PowerTable;
  private readonly maxD: number;
  private readonly deltaPow: Float64Array;

  // non-analytic terms, in blocks [naBlockStart[k], naBlockStart[k + 1]) sharing everything but n and b
  private readonly naBlockStart: Int32Array;
  private readonly naN: Float64Array;
  private readonly naA: Float64Array;
  private readonly naB: Float64Array;
  private readonly naQ: Float64Array;
  private readonly naCapA: Float64Array;
  private readonly naCapB: Float64Array;
  private readonly naCapC: Float64Array;
  private readonly naCapD: Float64Array;

  /** The group loops unrolled for this fluid (undefined: the loops serve) */
  private readonly kernels: ResidualKernels | undefined;

  private tauCached = Number.NaN;
  private s3Cached = false;
  readonly termCount: number;

  /** `compiled: false` keeps to the loops (the reference the unrolled kernels are tested against). */
  constructor(terms: readonly ResidualTerm[], options: { compiled?: boolean } = {}) {
    interface Member {
      n: number;
      t: number;
      beta: number;
      gamma: number;
    }
    interface Group {
      kind: 0 | 1;
      d: number;
      l: number;
      eta: number;
      eps: number;
      members: Member[];
    }
    const groups: Group[] = [];
    const groupOf = (kind: 0 | 1, d: number, l: number, eta: number, eps: number): Group => {
      let g = groups.find((x) => x.kind === kind && x.d === d && x.l === l && x.eta === eta && x.eps === eps);
      if (!g) {
        g = { kind, d, l, eta, eps, members: [] };
        groups.push(g);
      }
      return g;
    };
    const na: { n: number; a: number; b: number; beta: number; A: number; B: number; C: number; D: number }[] = [];
    for (const term of terms) {
      for (let i = 0; i < term.n.length; i++) {
        if (term.type === 'power') {
          if (!Number.isInteger(term.d[i]) || !Number.isInteger(term.l[i]) || term.d[i] < 0) {
            throw new Error(`residual power term with d = ${term.d[i]}, l = ${term.l[i]}: d and l must be integers ≥ 0`);
          }
          groupOf(0, term.d[i], term.l[i], 0, 0).members.push({ n: term.n[i], t: term.t[i], beta: 0, gamma: 0 });
        } else if (term.type === 'gaussian') {
          if (!Number.isInteger(term.d[i]) || term.d[i] < 0) throw new Error(`Gaussian term with d = ${term.d[i]}`);
          groupOf(1, term.d[i], 0, term.eta[i], term.epsilon[i]).members.push({
            n: term.n[i],
            t: term.t[i],
            beta: term.beta[i],
            gamma: term.gamma[i],
          });
        } else {
          na.push({ n: term.n[i], a: term.a[i], b: term.b[i], beta: term.beta[i], A: term.A[i], B: term.B[i], C: term.C[i], D: term.D[i] });
        }
      }
    }
    // plain power groups first, then the exp(−δ^l) ones by l, then Gaussian (keeps the hot loop's branches regular)
    groups.sort((a, b) => a.kind - b.kind || a.l - b.l || a.d - b.d);
    this.nGroups = groups.length;
    this.groupD = Int32Array.from(groups, (g) => g.d);
    this.groupL = Float64Array.from(groups, (g) => g.l);
    this.groupEta = Float64Array.from(groups, (g) => g.eta);
    this.groupEps = Float64Array.from(groups, (g) => g.eps);
    this.S = new Float64Array(4 * groups.length);
    this.nPlain = groups.filter((g) => g.kind === 0 && g.l === 0).length;
    this.nPower = groups.filter((g) => g.kind === 0).length;
    const members = groups.flatMap((g) => g.members);
    const starts = [0];
    for (const g of groups) starts.push(starts[starts.length - 1] + g.members.length);
    this.nPowerMembers = starts[this.nPower];
    this.mGroup4 = Int32Array.from(groups.flatMap((g, k) => g.members.map(() => 4 * k)));
    this.mKeep = Float64Array.from(groups.flatMap((g) => g.members.map((_, i) => (i === 0 ? 0 : 1))));
    this.mCoef = Float64Array.from(members.flatMap((m) => [m.n, m.n * m.t, m.n * m.t * (m.t - 1), m.n * m.t * (m.t - 1) * (m.t - 2)]));
    this.mN = Float64Array.from(members, (m) => m.n);
    this.mT = Float64Array.from(members, (m) => m.t);
    this.mBeta = Float64Array.from(members, (m) => m.beta);
    this.mGamma = Float64Array.from(members, (m) => m.gamma);
    this.tauPowers = new PowerTable(this.mT);
    this.mSlot = this.tauPowers.slot;
    this.maxD = Math.max(0, ...groups.map((g) => Math.max(g.d, g.l)));
    this.deltaPow = new Float64Array(this.maxD + 1);

    // terms that share β, a, A, B, C and D share θ, Δ and ψ: evaluate them as one block
    na.sort((u, v) => u.beta - v.beta || u.a - v.a || u.A - v.A || u.B - v.B || u.C - v.C || u.D - v.D);
    const blockStarts = [0];
    for (let i = 1; i < na.length; i++) {
      const u = na[i - 1];
      const v = na[i];
      if (u.beta !== v.beta || u.a !== v.a || u.A !== v.A || u.B !== v.B || u.C !== v.C || u.D !== v.D) blockStarts.push(i);
    }
    if (na.length) blockStarts.push(na.length);
    this.naBlockStart = Int32Array.from(blockStarts);
    this.naN = Float64Array.from(na, (x) => x.n);
    this.naA = Float64Array.from(na, (x) => x.a);
    this.naB = Float64Array.from(na, (x) => x.b);
    this.naQ = Float64Array.from(na, (x) => 1 / (2 * x.beta));
    this.naCapA = Float64Array.from(na, (x) => x.A);
    this.naCapB = Float64Array.from(na, (x) => x.B);
    this.naCapC = Float64Array.from(na, (x) => x.C);
    this.naCapD = Float64Array.from(na, (x) => x.D);
    this.termCount = members.length + na.length;
    let slot = 0;
    const layout: KernelGroup[] = groups.map((g) => ({ ...g, members: g.members.map((m) => ({ ...m, slot: this.mSlot[slot++] })) }));
    this.kernels = options.compiled === false ? undefined : compileResidualKernels(layout, this.tauPowers, this.maxD);
  }

  /** Per temperature: S_k = Σ n G v_k over each group's members. */
  private updateTau(tau: number, third: boolean): void {
    if (tau === this.tauCached && (this.s3Cached || !third)) return;
    this.tauCached = tau;
    this.s3Cached = third;
    if (this.kernels) {
      this.kernels.tau(tau, this.S, third);
      return;
    }
    this.tauPowers.update(tau);
    const table = this.tauPowers.table;
    const { S, mGroup4, mKeep, mCoef, mSlot, nPowerMembers } = this;
    // One flat pass over the members, which are sorted by group: each running sum restarts at its group's first
    // member (mKeep = 0) and is stored after every member, the last store being the group's sum. (Short inner
    // loops per group, or adding into S, cost twice as much: mispredicted loop exits, store-to-load stalls.)
    let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    for (let m = 0; m < nPowerMembers; m++) {
      const g = mGroup4[m];
      const k = mKeep[m];
      const p = table[mSlot[m]];
      const c = 4 * m;
      s0 = s0 * k + mCoef[c] * p;
      s1 = s1 * k + mCoef[c + 1] * p;
      s2 = s2 * k + mCoef[c + 2] * p;
      S[g] = s0;
      S[g + 1] = s1;
      S[g + 2] = s2;
    }
    // the third τ-derivative sums are needed only for third-order requests
    if (third) {
      for (let m = 0; m < nPowerMembers; m++) {
        s3 = s3 * mKeep[m] + mCoef[4 * m + 3] * table[mSlot[m]];
        S[mGroup4[m] + 3] = s3;
      }
    }
    const { mN, mT, mBeta, mGamma } = this;
    let lastBeta = Number.NaN;
    let lastGamma = Number.NaN;
    let e = 0;
    for (let m = nPowerMembers; m < mN.length; m++) {
      // D = τ d/dτ on ln G = t ln τ − β(τ−γ)²: v1 = t − 2βτ(τ−γ), D v1 = −2βτ(2τ−γ), D² v1 = −2βτ(4τ−γ)
      const g = mGroup4[m];
      const k = mKeep[m];
      const t = mT[m];
      const beta = mBeta[m];
      const gamma = mGamma[m];
      const dg = tau - gamma;
      // members with the same β and γ are neighbours (data order within a group): one exp for them
      if (beta !== lastBeta || gamma !== lastGamma) {
        e = Math.exp(-beta * dg * dg);
        lastBeta = beta;
        lastGamma = gamma;
      }
      const G = mN[m] * table[mSlot[m]] * e;
      const v1 = t - 2 * beta * tau * dg;
      const dv1 = -2 * beta * tau * (2 * tau - gamma);
      const D2 = v1 * v1 + dv1;
      s0 = s0 * k + G;
      s1 = s1 * k + G * v1;
      s2 = s2 * k + G * (D2 - v1);
      S[g] = s0;
      S[g + 1] = s1;
      S[g + 2] = s2;
      if (third) {
        const D3 = v1 * v1 * v1 + 3 * v1 * dv1 - 2 * beta * tau * (4 * tau - gamma);
        s3 = s3 * k + G * (D3 - 3 * D2 + 2 * v1);
        S[g + 3] = s3;
      }
    }
  }

  /**
   * αʳ and its derivatives at (τ, δ) into `out`: all second-order ones, and with `third` the third-order ones.
   * τ > 0, δ > 0.
   */
  evaluate(tau: number, delta: number, out: AlphaDerivatives, third = false): AlphaDerivatives {
    this.updateTau(tau, third);
    const k = this.kernels;
    if (k) (third ? k.third : k.second)(tau, delta, this.S, out);
    else this.groupsByLoops(tau, delta, out, third);
    if (this.naN.length > 0) this.addNonAnalytic(tau, delta, out, third);
    return out;
  }

  /** The power and Gaussian terms of `evaluate`, by loops over the groups (what the kernels unroll). */
  private groupsByLoops(tau: number, delta: number, out: AlphaDerivatives, third: boolean): void {
    const dpow = this.deltaPow;
    dpow[0] = 1;
    for (let k = 1; k <= this.maxD; k++) dpow[k] = dpow[k - 1] * delta;
    const { S, groupD, groupL, groupEta, groupEps } = this;

    let sA = 0, sD = 0, sDD = 0, sT = 0, sTT = 0, sDT = 0;
    let sDDD = 0, sDDT = 0, sDTT = 0, sTTT = 0;
    // F = δ^d: D F/F = d, D²F/F = d², D³F/F = d³ (D = δ d/dδ)
    for (let g = 0; g < this.nPlain; g++) {
      const d = groupD[g];
      const F = dpow[d];
      const A0 = F * S[4 * g];
      const A1 = F * S[4 * g + 1];
      const A2 = F * S[4 * g + 2];
      const u2 = d * (d - 1);
      sA += A0;
      sD += A0 * d;
      sDD += A0 * u2;
      sT += A1;
      sTT += A2;
      sDT += A1 * d;
      if (third) {
        sDDD += A0 * u2 * (d - 2);
        sDDT += A1 * u2;
        sDTT += A2 * d;
        sTTT += F * S[4 * g + 3];
      }
    }
    // F = δ^d exp(−δ^l): with L = l δ^l, D F/F = d − L, D²F/F = (d−L)² − lL, D³F/F = (d−L)³ − 3lL(d−L) − l²L
    let lastL = 0;
    let expL = 1;
    for (let g = this.nPlain; g < this.nPower; g++) {
      const d = groupD[g];
      const l = groupL[g];
      const dl = dpow[l];
      if (l !== lastL) {
        expL = Math.exp(-dl);
        lastL = l;
      }
      const F = dpow[d] * expL;
      const L = l * dl;
      const u1 = d - L;
      const D2 = u1 * u1 - l * L;
      const u2 = D2 - u1;
      const A0 = F * S[4 * g];
      const A1 = F * S[4 * g + 1];
      const A2 = F * S[4 * g + 2];
      sA += A0;
      sD += A0 * u1;
      sDD += A0 * u2;
      sT += A1;
      sTT += A2;
      sDT += A1 * u1;
      if (third) {
        const D3 = u1 * u1 * u1 - 3 * l * L * u1 - l * l * L;
        sDDD += A0 * (D3 - 3 * D2 + 2 * u1);
        sDDT += A1 * u2;
        sDTT += A2 * u1;
        sTTT += F * S[4 * g + 3];
      }
    }
    // F = δ^d exp(−η(δ−ε)²): D F/F = d − 2ηδ(δ−ε), D(DF/F) = −2ηδ(2δ−ε), D²(DF/F) = −2ηδ(4δ−ε)
    let lastEta = Number.NaN;
    let lastEps = Number.NaN;
    let expG = 1;
    for (let g = this.nPower; g < this.nGroups; g++) {
      const d = groupD[g];
      const eta = groupEta[g];
      const eps = groupEps[g];
      const de = delta - eps;
      if (eta !== lastEta || eps !== lastEps) {
        expG = Math.exp(-eta * de * de);
        lastEta = eta;
        lastEps = eps;
      }
      const F = dpow[d] * expG;
      const u1 = d - 2 * eta * delta * de;
      const du1 = -2 * eta * delta * (2 * delta - eps);
      const D2 = u1 * u1 + du1;
      const u2 = D2 - u1;
      const A0 = F * S[4 * g];
      const A1 = F * S[4 * g + 1];
      const A2 = F * S[4 * g + 2];
      sA += A0;
      sD += A0 * u1;
      sDD += A0 * u2;
      sT += A1;
      sTT += A2;
      sDT += A1 * u1;
      if (third) {
        const D3 = u1 * u1 * u1 + 3 * u1 * du1 - 2 * eta * delta * (4 * delta - eps);
        sDDD += A0 * (D3 - 3 * D2 + 2 * u1);
        sDDT += A1 * u2;
        sDTT += A2 * u1;
        sTTT += F * S[4 * g + 3];
      }
    }

    const id = 1 / delta;
    const it = 1 / tau;
    out.a = sA;
    out.d = sD * id;
    out.dd = sDD * id * id;
    out.t = sT * it;
    out.tt = sTT * it * it;
    out.dt = sDT * id * it;
    if (third) {
      out.ddd = sDDD * id * id * id;
      out.ddt = sDDT * id * id * it;
      out.dtt = sDTT * id * it * it;
      out.ttt = sTTT * it * it * it;
    }
  }

  /**
   * αʳ and its pure δ-derivatives (a, d, dd, ddd) at (τ, δ) into `out`, leaving the τ-derivatives as they were:
   * what a density iteration at fixed T needs (p, ∂p/∂ρ, ∂²p/∂ρ²), at about three quarters of the cost of
   * `evaluate(…, true)`. The same sums as `evaluate`, term for term.
   */
  evaluateDelta(tau: number, delta: number, out: AlphaDerivatives): AlphaDerivatives {
    this.updateTau(tau, false);
    const k = this.kernels;
    if (k) k.delta(delta, this.S, out);
    else this.deltaGroupsByLoops(delta, out);
    if (this.naN.length > 0) this.addNonAnalyticDelta(tau, delta, out);
    return out;
  }

  /** The power and Gaussian terms of `evaluateDelta`, by loops over the groups. */
  private deltaGroupsByLoops(delta: number, out: AlphaDerivatives): void {
    const dpow = this.deltaPow;
    dpow[0] = 1;
    for (let k = 1; k <= this.maxD; k++) dpow[k] = dpow[k - 1] * delta;
    const { S, groupD, groupL, groupEta, groupEps } = this;
    // Σ n F G with δ^k F⁽ᵏ⁾/F = u_k (see evaluate)
    let sA = 0, sD = 0, sDD = 0, sDDD = 0;
    for (let g = 0; g < this.nPlain; g++) {
      const d = groupD[g];
      const A0 = dpow[d] * S[4 * g];
      const u2 = d * (d - 1);
      sA += A0;
      sD += A0 * d;
      sDD += A0 * u2;
      sDDD += A0 * u2 * (d - 2);
    }
    let lastL = 0;
    let expL = 1;
    for (let g = this.nPlain; g < this.nPower; g++) {
      const d = groupD[g];
      const l = groupL[g];
      const dl = dpow[l];
      if (l !== lastL) {
        expL = Math.exp(-dl);
        lastL = l;
      }
      const A0 = dpow[d] * expL * S[4 * g];
      const L = l * dl;
      const u1 = d - L;
      const D2 = u1 * u1 - l * L;
      const D3 = u1 * u1 * u1 - 3 * l * L * u1 - l * l * L;
      sA += A0;
      sD += A0 * u1;
      sDD += A0 * (D2 - u1);
      sDDD += A0 * (D3 - 3 * D2 + 2 * u1);
    }
    let lastEta = Number.NaN;
    let lastEps = Number.NaN;
    let expG = 1;
    for (let g = this.nPower; g < this.nGroups; g++) {
      const d = groupD[g];
      const eta = groupEta[g];
      const eps = groupEps[g];
      const de = delta - eps;
      if (eta !== lastEta || eps !== lastEps) {
        expG = Math.exp(-eta * de * de);
        lastEta = eta;
        lastEps = eps;
      }
      const A0 = dpow[d] * expG * S[4 * g];
      const u1 = d - 2 * eta * delta * de;
      const du1 = -2 * eta * delta * (2 * delta - eps);
      const D2 = u1 * u1 + du1;
      const D3 = u1 * u1 * u1 + 3 * u1 * du1 - 2 * eta * delta * (4 * delta - eps);
      sA += A0;
      sD += A0 * u1;
      sDD += A0 * (D2 - u1);
      sDDD += A0 * (D3 - 3 * D2 + 2 * u1);
    }
    const id = 1 / delta;
    out.a = sA;
    out.d = sD * id;
    out.dd = sDD * id * id;
    out.ddd = sDDD * id * id * id;
  }

  /**
   * Adds the non-analytic terms n Δ^b δ ψ (Span & Wagner 1996, Table 32; IAPWS-95, Table 5) with x = δ − 1,
   * y = τ − 1, s = x²: θ = −y + A s^(1/(2β)), Δ = θ² + B s^a, ψ = exp(−C s − D y²).
   * Powers go through one ln s (Math.pow costs several exp's in V8); terms differing only in n and b share θ, Δ
   * and ψ and are summed before the product rule.
   */
  private addNonAnalytic(tau: number, delta: number, out: AlphaDerivatives, third: boolean): void {
    // The terms are singular exactly at δ = 1; nudge by a hair as is customary (its effect is far below round-off).
    let x = delta - 1;
    if (Math.abs(x) < 1e-13) x = x < 0 ? -1e-13 : 1e-13;
    const y = tau - 1;
    const s = x * x;
    const lnS = Math.log(s);
    const { naBlockStart, naN, naB, naQ, naA, naCapA, naCapB, naCapC, naCapD } = this;
    let lastQ = Number.NaN;
    let sq = 0;
    for (let k = 0; k + 1 < naBlockStart.length; k++) {
      const first = naBlockStart[k];
      const C = naCapC[first];
      const D = naCapD[first];
      const psiArg = C * s + D * y * y;
      if (psiArg > NEGLIGIBLE_PSI) continue;
      // shared by the block: θ, Δ and ψ with their derivatives
      const psi = Math.exp(-psiArg);
      const q = naQ[first];
      const a = naA[first];
      const A = naCapA[first];
      const B = naCapB[first];
      // blocks usually share β (CO2: all three terms): one s^q for them
      if (q !== lastQ) {
        sq = Math.exp(q * lnS);
        lastQ = q;
      }
      const sa = Math.exp(a * lnS);
      // d/dx s^q = 2q x s^(q−1), d²/dx² s^q = 2q(2q−1) s^(q−1), d³/dx³ s^q = 2q(2q−1)(2q−2) x s^(q−2)
      const sqm1 = sq / s;
      const P1 = 2 * q * x * sqm1;
      const P2 = 2 * q * (2 * q - 1) * sqm1;
      const sam1 = sa / s;
      const Q1 = 2 * a * x * sam1;
      const Q2 = 2 * a * (2 * a - 1) * sam1;
      const theta = -y + A * sq;
      const thx = A * P1;
      const thxx = A * P2;
      const Dl = theta * theta + B * sa;
      const Dx = 2 * theta * thx + B * Q1;
      const Dxx = 2 * thx * thx + 2 * theta * thxx + B * Q2;
      const Dy = -2 * theta;
      const Dxy = -2 * thx;
      const lnDl = Math.log(Dl);
      const iD = 1 / Dl;

      // Σ n Δ^b and its chain-rule factors over the block's terms: G_k = Σ n b(b−1)…(b−k+1) Δ^(b−k)
      let G0 = 0, G1 = 0, G2 = 0, G3 = 0;
      for (let i = first; i < naBlockStart[k + 1]; i++) {
        const b = naB[i];
        const nE = naN[i] * Math.exp(b * lnDl);
        const g1 = b * nE * iD;
        const g2 = (b - 1) * g1 * iD;
        G0 += nE;
        G1 += g1;
        G2 += g2;
        if (third) G3 += (b - 2) * g2 * iD;
      }
      // E = Σ n Δ^b and its derivatives (Δ_yy = 2, Δ_yyy = Δ_xyy = 0, Δ_xxy = −2θ_xx)
      const E = G0;
      const Ex = G1 * Dx;
      const Exx = G2 * Dx * Dx + G1 * Dxx;
      const Ey = G1 * Dy;
      const Eyy = G2 * Dy * Dy + 2 * G1;
      const Exy = G2 * Dx * Dy + G1 * Dxy;

      const px = -2 * C * x * psi;
      const pxx = (4 * C * C * s - 2 * C) * psi;
      const py = -2 * D * y * psi;
      const pyy = (4 * D * D * y * y - 2 * D) * psi;
      const pxy = 4 * C * D * x * y * psi;

      // H = E ψ; the block's terms sum to δ H
      const H = E * psi;
      const Hx = Ex * psi + E * px;
      const Hxx = Exx * psi + 2 * Ex * px + E * pxx;
      const Hy = Ey * psi + E * py;
      const Hyy = Eyy * psi + 2 * Ey * py + E * pyy;
      const Hxy = Exy * psi + Ex * py + Ey * px + E * pxy;

      out.a += delta * H;
      out.d += H + delta * Hx;
      out.dd += 2 * Hx + delta * Hxx;
      out.t += delta * Hy;
      out.tt += delta * Hyy;
      out.dt += Hy + delta * Hxy;
      if (third) {
        const P3 = 2 * q * (2 * q - 1) * (2 * q - 2) * x * (sqm1 / s);
        const Q3 = 2 * a * (2 * a - 1) * (2 * a - 2) * x * (sam1 / s);
        const thxxx = A * P3;
        const Dxxx = 6 * thx * thxx + 2 * theta * thxxx + B * Q3;
        const Dxxy = -2 * thxx;
        const Exxx = G3 * Dx * Dx * Dx + 3 * G2 * Dx * Dxx + G1 * Dxxx;
        const Eyyy = G3 * Dy * Dy * Dy + 6 * G2 * Dy;
        const Exxy = G3 * Dx * Dx * Dy + G2 * (2 * Dx * Dxy + Dxx * Dy) + G1 * Dxxy;
        const Exyy = G3 * Dx * Dy * Dy + G2 * (2 * Dy * Dxy + 2 * Dx);
        const pxxx = (-8 * C * C * C * s * x + 12 * C * C * x) * psi;
        const pyyy = (-8 * D * D * D * y * y * y + 12 * D * D * y) * psi;
        const pxxy = (4 * C * C * s - 2 * C) * (-2 * D * y) * psi;
        const pxyy = -2 * C * x * (4 * D * D * y * y - 2 * D) * psi;
        const Hxxx = Exxx * psi + 3 * Exx * px + 3 * Ex * pxx + E * pxxx;
        const Hyyy = Eyyy * psi + 3 * Eyy * py + 3 * Ey * pyy + E * pyyy;
        const Hxxy = Exxy * psi + Exx * py + 2 * Exy * px + 2 * Ex * pxy + Ey * pxx + E * pxxy;
        const Hxyy = Exyy * psi + Eyy * px + 2 * Exy * py + 2 * Ey * pxy + Ex * pyy + E * pxyy;
        out.ddd += 3 * Hxx + delta * Hxxx;
        out.ddt += 2 * Hxy + delta * Hxxy;
        out.dtt += Hyy + delta * Hxyy;
        out.ttt += delta * Hyyy;
      }
    }
  }

  /** The non-analytic terms' share of αʳ, αʳ_δ, αʳ_δδ, αʳ_δδδ (the δ-derivatives of addNonAnalytic alone). */
  private addNonAnalyticDelta(tau: number, delta: number, out: AlphaDerivatives): void {
    let x = delta - 1;
    if (Math.abs(x) < 1e-13) x = x < 0 ? -1e-13 : 1e-13;
    const y = tau - 1;
    const s = x * x;
    const lnS = Math.log(s);
    const { naBlockStart, naN, naB, naQ, naA, naCapA, naCapB, naCapC, naCapD } = this;
    let lastQ = Number.NaN;
    let sq = 0;
    for (let k = 0; k + 1 < naBlockStart.length; k++) {
      const first = naBlockStart[k];
      const C = naCapC[first];
      const D = naCapD[first];
      const psiArg = C * s + D * y * y;
      if (psiArg > NEGLIGIBLE_PSI) continue;
      const psi = Math.exp(-psiArg);
      const q = naQ[first];
      const a = naA[first];
      const A = naCapA[first];
      const B = naCapB[first];
      // blocks usually share β (CO2: all three terms): one s^q for them
      if (q !== lastQ) {
        sq = Math.exp(q * lnS);
        lastQ = q;
      }
      const sa = Math.exp(a * lnS);
      const sqm1 = sq / s;
      const sam1 = sa / s;
      const theta = -y + A * sq;
      const thx = A * 2 * q * x * sqm1;
      const thxx = A * 2 * q * (2 * q - 1) * sqm1;
      const thxxx = A * 2 * q * (2 * q - 1) * (2 * q - 2) * x * (sqm1 / s);
      const Dl = theta * theta + B * sa;
      const Dx = 2 * theta * thx + B * 2 * a * x * sam1;
      const Dxx = 2 * thx * thx + 2 * theta * thxx + B * 2 * a * (2 * a - 1) * sam1;
      const Dxxx = 6 * thx * thxx + 2 * theta * thxxx + B * 2 * a * (2 * a - 1) * (2 * a - 2) * x * (sam1 / s);
      const lnDl = Math.log(Dl);
      const iD = 1 / Dl;
      let G0 = 0, G1 = 0, G2 = 0, G3 = 0;
      for (let i = first; i < naBlockStart[k + 1]; i++) {
        const b = naB[i];
        const nE = naN[i] * Math.exp(b * lnDl);
        const g1 = b * nE * iD;
        const g2 = (b - 1) * g1 * iD;
        G0 += nE;
        G1 += g1;
        G2 += g2;
        G3 += (b - 2) * g2 * iD;
      }
      const E = G0;
      const Ex = G1 * Dx;
      const Exx = G2 * Dx * Dx + G1 * Dxx;
      const Exxx = G3 * Dx * Dx * Dx + 3 * G2 * Dx * Dxx + G1 * Dxxx;
      const px = -2 * C * x * psi;
      const pxx = (4 * C * C * s - 2 * C) * psi;
      const pxxx = (-8 * C * C * C * s * x + 12 * C * C * x) * psi;
      const H = E * psi;
      const Hx = Ex * psi + E * px;
      const Hxx = Exx * psi + 2 * Ex * px + E * pxx;
      const Hxxx = Exxx * psi + 3 * Exx * px + 3 * Ex * pxx + E * pxxx;
      out.a += delta * H;
      out.d += H + delta * Hx;
      out.dd += 2 * Hx + delta * Hxx;
      out.ddd += 3 * Hxx + delta * Hxxx;
    }
  }
}
