/**
 * Counter-flow heat exchanger between two streams of any media: hot side `hot_in` → `hot_out`, cold side
 * `cold_in` → `cold_out`.
 *   energy:     0 = m_h (h_h,in − h_h,out) − m_c (h_c,out − h_c,in)
 *   mass:       0 = m_out − m_in on each side
 *   pressure:   0 = p_out − pr · p_in on each side (pr1 hot, pr2 cold; default 1; 'free' leaves it to other specs;
 *               or dp1, dp2: 0 = p_out − p_in + Δp)
 * and any of these specifications:
 *   ttd_u:      0 = T_h,in − T_c,out − ttd_u        (hot-end approach)
 *   ttd_l:      0 = T_h,out − T_c,in − ttd_l        (cold-end approach)
 *   ttd_min:    0 = min_t (T_h(t) − T_c(t)) − ttd_min   (internal pinch, discretised along the enthalpy: pinch.ts)
 *   Q:          0 = m_h (h_h,in − h_h,out) − Q
 *   eps:        0 = Q − ε Q_max,  Q_max = the smaller in magnitude of m_h (h_h,in − h_h(T_c,in, p_h,out)) and
 *               m_c (h_c(T_h,in, p_c,out) − h_c,in)   (negative where the hot side enters colder: heat flows back)
 *   UA:         0 = Σ_slices dQ/LMTD_slice − UA   (the discretised profile, so phase change is counted right)
 * Outlet temperatures are specifications on the streams. Every solved exchanger reports its internal pinch and
 * where it lies; a pinch below the smaller end difference is written into its notes, a temperature cross (a
 * negative pinch) or a side whose pressure rises is a violation (violations.ts).
 */
import { StreamState } from '../fluids/stream-fluid.js';
import { stateVars, uniqueVars, type GradientSink, type PortRef } from '../core/equation.js';
import type { Evaluator } from '../core/evaluator.js';
import { z } from 'zod';
import { PlantInputError } from '../errors.js';
import { declareComponent } from '../core/declaration.js';
import { freeRatioParameter, parameters, quantityParameter } from '../core/parameters.js';
import { Component, type Builder, type ComponentReport, type Guess, type ProcessPath, type ReportContext } from '../core/component.js';
import { equality, pressureDrop, pressureRatio, temperatureDifference } from '../core/residuals.js';
import { conductance, internalPinch, logMean, PinchPoint, pinchGradient, pinchTemperatures, type PinchTemperatures, type Side } from './pinch.js';
import { provesNoCross } from './no-cross.js';
import { pressureRise, VIOLATION_TOLERANCES, watts, type Violation } from '../violations.js';

const sideRatio = (side: string) => freeRatioParameter({ min: 0, max: 1, minOpen: true }, `${side}-side pressure ratio p_out/p_in (default 1; 'free': set by other specifications). Unit: -`, 'p_out/p_in');
const sideDrop = (side: string, ratio: string) => quantityParameter('pressureDifference', { min: 0 }, `${side}-side pressure drop, instead of ${ratio}. Unit: Pa`);
const approach = (doc: string) => quantityParameter('temperatureDifference', {}, `${doc}. Unit: K`);

export const HEAT_EXCHANGER_PARAMETERS = parameters({
  pr1: sideRatio('Hot'),
  dp1: sideDrop('Hot', 'pr1'),
  pr2: sideRatio('Cold'),
  dp2: sideDrop('Cold', 'pr2'),
  ttd_u: approach('Hot-end approach T_h,in − T_c,out'),
  ttd_l: approach('Cold-end approach T_h,out − T_c,in'),
  ttd_min: approach('Minimum internal temperature difference (pinch)'),
  Q: quantityParameter('power', { min: 0 }, 'Heat duty passed from hot to cold. Unit: W', 'the heat passed from the hot to the cold side'),
  eps: quantityParameter('fraction', { min: 0, max: 1, minOpen: true }, 'Effectiveness Q/Q_max. Unit: -'),
  UA: quantityParameter('conductance', { min: 0, minOpen: true }, 'Overall conductance. Unit: W/K'),
});

export type HeatExchangerParams = z.output<typeof HEAT_EXCHANGER_PARAMETERS>;

/**
 * Uniform slices of the profile (the phase-change nodes come on top), the same in equations (pinch, UA) and in
 * reports, so that a reported pinch or UA given back as a specification reproduces the exchanger exactly.
 */
export const HEAT_EXCHANGER_SLICES = 24;

/**
 * The physics check's pinches of one exchanger, remembered for the last few distinct end states: the transient, the
 * periodic search and the templates' retries solve the same state again, and the pinch is a function of the two
 * sides' media and end variables (p, h, f) alone, so a state seen before is answered exactly without its profile.
 * Before the profile, `provesNoCross` (no-cross.ts) may show from the ends, the saturation kinks and a few midpoints
 * that there is no cross (undefined, remembered as such).
 */
class PinchMemo {
  private static readonly SIZE = 4;
  /** Per entry: the direction (1 forward, −1 back) and the ten end variables. */
  private readonly keys = new Float64Array(PinchMemo.SIZE * 11).fill(NaN);
  private readonly media: (readonly [Side['fluid'], Side['fluid']] | undefined)[] = new Array(PinchMemo.SIZE).fill(undefined);
  private readonly values: PinchTemperatures[] = Array.from({ length: PinchMemo.SIZE }, () => ({ dT: NaN, t: NaN, Thot: NaN, Tcold: NaN }));
  /** Per entry: whether no cross was proven (no profile computed). */
  private readonly proven = new Uint8Array(PinchMemo.SIZE);
  private next = 0;

  /** The pinch of `hot` against `cold` (the sides as passed: swapped where the heat passes back); undefined: no cross. */
  pinch(hot: Side, cold: Side, back: boolean, ends: readonly StreamState[]): PinchTemperatures | undefined {
    const dir = back ? -1 : 1;
    const k = this.keys;
    for (let i = 0; i < PinchMemo.SIZE; i++) {
      const o = i * 11;
      const m = this.media[i];
      if (
        m !== undefined && m[0] === hot.fluid && m[1] === cold.fluid && k[o] === dir &&
        k[o + 1] === hot.pIn && k[o + 2] === hot.pOut && k[o + 3] === hot.hIn && k[o + 4] === hot.hOut && k[o + 5] === hot.f &&
        k[o + 6] === cold.pIn && k[o + 7] === cold.pOut && k[o + 8] === cold.hIn && k[o + 9] === cold.hOut && k[o + 10] === cold.f
      ) {
        return this.proven[i] === 1 ? undefined : this.values[i];
      }
    }
    const i = this.next;
    this.next = (i + 1) % PinchMemo.SIZE;
    // invalidated first: a profile that throws (a medium out of range) leaves no entry behind
    this.media[i] = undefined;
    const proven = provesNoCross(hot, cold, ends);
    if (!proven) pinchTemperatures(hot, cold, HEAT_EXCHANGER_SLICES, [ends[0].T, ends[1].T, ends[2].T, ends[3].T], this.values[i]);
    this.proven[i] = proven ? 1 : 0;
    const o = i * 11;
    k[o] = dir;
    k[o + 1] = hot.pIn;
    k[o + 2] = hot.pOut;
    k[o + 3] = hot.hIn;
    k[o + 4] = hot.hOut;
    k[o + 5] = hot.f;
    k[o + 6] = cold.pIn;
    k[o + 7] = cold.pOut;
    k[o + 8] = cold.hIn;
    k[o + 9] = cold.hOut;
    k[o + 10] = cold.f;
    this.media[i] = [hot.fluid, cold.fluid];
    return proven ? undefined : this.values[i];
  }
}

export class HeatExchanger extends Component<HeatExchangerParams> {
  readonly type = 'heat-exchanger';
  /** The physics check's pinches of states seen before. */
  private readonly checked = new PinchMemo();

  constructor(id: string, params: HeatExchangerParams = {}) {
    super(id, params, HEAT_EXCHANGER_PARAMETERS);
    this.init();
  }

  inlets(): readonly string[] {
    return ['hot_in', 'cold_in'];
  }

  outlets(): readonly string[] {
    return ['hot_out', 'cold_out'];
  }

  override fluidLinks(): readonly (readonly [string, string])[] {
    return [
      ['hot_in', 'hot_out'],
      ['cold_in', 'cold_out'],
    ];
  }

  override validate(): void {
    const w = this.label;
    const p = this.params;
    for (const [pr, dp] of [
      ['pr1', 'dp1'],
      ['pr2', 'dp2'],
    ] as const) {
      if (p[pr] !== undefined && p[dp] !== undefined) throw new PlantInputError(w, `${pr}/${dp}`, `${p[pr]}/${p[dp]}`, `only one of ${pr} and ${dp}`);
    }
  }

  override equations(b: Builder): void {
    const hi = b.port('hot_in');
    const ho = b.port('hot_out');
    const ci = b.port('cold_in');
    const co = b.port('cold_out');
    const s = b.scales;
    const p = () => this.params;
    b.add(equality('mass balance hot side', hi.m, ho.m, () => s.m));
    b.add(equality('mass balance cold side', ci.m, co.m, () => s.m));
    b.add(this.energyBalance(hi, ho, ci, co, b));
    const side = (pr: 'pr1' | 'pr2', dp: 'dp1' | 'dp2', i: PortRef, o: PortRef) => {
      if (p()[dp] !== undefined) b.add(pressureDrop(dp, i, o, () => p()[dp] as number, s));
      else if (p()[pr] !== 'free') b.add(pressureRatio(pr, i, o, () => (p()[pr] ?? 1) as number, s));
    };
    side('pr1', 'dp1', hi, ho);
    side('pr2', 'dp2', ci, co);
    if (p().ttd_u !== undefined) b.add(temperatureDifference('ttd_u', hi, co, () => p().ttd_u as number, s));
    if (p().ttd_l !== undefined) b.add(temperatureDifference('ttd_l', ho, ci, () => p().ttd_l as number, s));
    if (p().ttd_min !== undefined) b.add(this.pinchEquation(hi, ho, ci, co, b));
    if (p().Q !== undefined) {
      b.add({
        name: 'Q',
        vars: [hi.m, hi.h, ho.h],
        residual: (e) => (e.m(hi) * (e.h(hi) - e.h(ho)) - (p().Q as number)) / s.E,
        gradient: (e, g) => {
          g.add(hi.m, (e.h(hi) - e.h(ho)) / s.E);
          g.add(hi.h, e.m(hi) / s.E);
          g.add(ho.h, -e.m(hi) / s.E);
        },
        solveFor: (e, v) => {
          const Q = p().Q as number;
          if (v === ho.h) return e.h(hi) - Q / e.m(hi);
          if (v === hi.h) return e.h(ho) + Q / e.m(hi);
          if (v === hi.m) return e.h(hi) === e.h(ho) ? undefined : Q / (e.h(hi) - e.h(ho));
          return undefined;
        },
      });
    }
    if (p().eps !== undefined) {
      const tmp = new StreamState();
      b.add({
        name: 'eps',
        vars: uniqueVars([hi.m, ci.m], stateVars(hi), stateVars(ho), stateVars(ci), stateVars(co)),
        residual: (e) => {
          const Q = e.m(hi) * (e.h(hi) - e.h(ho));
          return (Q - (p().eps as number) * maxDuty(e, hi, ho, ci, co, tmp)) / s.E;
        },
      });
    }
    if (p().UA !== undefined) {
      b.add({
        name: 'UA',
        vars: uniqueVars([hi.m], stateVars(hi), stateVars(ho), stateVars(ci), stateVars(co)),
        residual: (e) => {
          const Q = e.m(hi) * (e.h(hi) - e.h(ho));
          const UA = p().UA as number;
          return (conductance(sideOf(e, hi, ho), sideOf(e, ci, co), Q, HEAT_EXCHANGER_SLICES) - UA) / UA;
        },
      });
    }
  }

  private energyBalance(hi: PortRef, ho: PortRef, ci: PortRef, co: PortRef, b: Builder) {
    const s = b.scales;
    return {
      name: 'energy balance',
      spec: false,
      vars: [hi.m, hi.h, ho.h, ci.m, ci.h, co.h],
      residual: (e: Evaluator) => (e.m(hi) * (e.h(hi) - e.h(ho)) - e.m(ci) * (e.h(co) - e.h(ci))) / s.E,
      gradient: (e: Evaluator, g: GradientSink) => {
        g.add(hi.m, (e.h(hi) - e.h(ho)) / s.E);
        g.add(hi.h, e.m(hi) / s.E);
        g.add(ho.h, -e.m(hi) / s.E);
        g.add(ci.m, -(e.h(co) - e.h(ci)) / s.E);
        g.add(ci.h, e.m(ci) / s.E);
        g.add(co.h, -e.m(ci) / s.E);
      },
      solveFor: (e: Evaluator, v: number) => {
        const Qh = e.m(hi) * (e.h(hi) - e.h(ho));
        const Qc = e.m(ci) * (e.h(co) - e.h(ci));
        switch (v) {
          case hi.m:
            return e.h(hi) === e.h(ho) ? undefined : Qc / (e.h(hi) - e.h(ho));
          case ci.m:
            return e.h(co) === e.h(ci) ? undefined : Qh / (e.h(co) - e.h(ci));
          case ho.h:
            return e.h(hi) - Qc / e.m(hi);
          case hi.h:
            return e.h(ho) + Qc / e.m(hi);
          case co.h:
            return e.h(ci) + Qh / e.m(ci);
          case ci.h:
            return e.h(co) - Qh / e.m(ci);
          default:
            return undefined;
        }
      },
    };
  }

  private pinchEquation(hi: PortRef, ho: PortRef, ci: PortRef, co: PortRef, b: Builder) {
    const s = b.scales;
    const point = new PinchPoint();
    const key = new Float64Array(10).fill(NaN);
    // the profile depends on the ends' p, h (and compositions) only: evaluated once per point for residual and gradient
    const evaluate = (e: Evaluator) => {
      const now = [e.p(hi), e.h(hi), e.p(ho), e.h(ho), e.p(ci), e.h(ci), e.p(co), e.h(co), e.f(hi), e.f(ci)];
      if (now.every((v, i) => v === key[i])) return point;
      internalPinch(sideOf(e, hi, ho), sideOf(e, ci, co), HEAT_EXCHANGER_SLICES, point, undefined, [e.state(hi), e.state(ho), e.state(ci), e.state(co)]);
      key.set(now);
      return point;
    };
    return {
      name: 'ttd_min',
      vars: uniqueVars(stateVars(hi), stateVars(ho), stateVars(ci), stateVars(co)),
      residual: (e: Evaluator) => (evaluate(e).dT - (this.params.ttd_min as number)) / s.T,
      gradient: (e: Evaluator, g: GradientSink) => {
        const q = evaluate(e);
        const vars = { hHotIn: hi.h, hHotOut: ho.h, pHotIn: hi.p, pHotOut: ho.p, hColdIn: ci.h, hColdOut: co.h, pColdIn: ci.p, pColdOut: co.p };
        pinchGradient(sideOf(e, hi, ho), sideOf(e, ci, co), q, (k, d) => g.add(vars[k], d / s.T));
        if (hi.f >= 0) g.add(hi.f, q.hot.dTdf / s.T);
        if (ci.f >= 0) g.add(ci.f, -q.cold.dTdf / s.T);
      },
    };
  }

  override propagate(g: Guess): void {
    const p = this.params;
    for (const [i, o, pr, dp] of [
      ['hot_in', 'hot_out', p.pr1, p.dp1],
      ['cold_in', 'cold_out', p.pr2, p.dp2],
    ] as const) {
      if (Number.isFinite(g.m(i))) g.setM(o, g.m(i));
      if (Number.isFinite(g.m(o))) g.setM(i, g.m(o));
      g.setF(o, g.f(i));
      if (dp !== undefined) {
        if (Number.isFinite(g.p(i))) g.setP(o, g.p(i) - dp);
        if (Number.isFinite(g.p(o))) g.setP(i, g.p(o) + dp);
      } else if (pr !== 'free') {
        const r = pr ?? 1;
        if (Number.isFinite(g.p(i))) g.setP(o, g.p(i) * r);
        if (Number.isFinite(g.p(o))) g.setP(i, g.p(o) / r);
      }
    }
    const Thi = g.T('hot_in');
    const Tci = g.T('cold_in');
    if (Number.isFinite(Thi) && p.ttd_u !== undefined) g.setT('cold_out', Thi - p.ttd_u);
    if (Number.isFinite(Tci) && p.ttd_l !== undefined) g.setT('hot_out', Tci + p.ttd_l);
    if (Number.isFinite(Thi) && Number.isFinite(g.T('cold_out')) && p.ttd_u !== undefined) g.setT('hot_in', g.T('cold_out') + p.ttd_u);
    // the fourth enthalpy or a mass flow from the energy balance
    const [mh, mc] = [g.m('hot_in'), g.m('cold_in')];
    const [hhi, hho, hci, hco] = [g.h('hot_in'), g.h('hot_out'), g.h('cold_in'), g.h('cold_out')];
    const known = [hhi, hho, hci, hco].filter(Number.isFinite).length;
    if (known === 4 && Number.isFinite(mh) && !Number.isFinite(mc) && hco !== hci) g.setM('cold_in', (mh * (hhi - hho)) / (hco - hci));
    if (known === 4 && Number.isFinite(mc) && !Number.isFinite(mh) && hhi !== hho) g.setM('hot_in', (mc * (hco - hci)) / (hhi - hho));
    if (known === 3 && Number.isFinite(mh) && Number.isFinite(mc)) {
      if (!Number.isFinite(hco)) g.setH('cold_out', hci + (mh * (hhi - hho)) / mc);
      if (!Number.isFinite(hho)) g.setH('hot_out', hhi - (mc * (hco - hci)) / mh);
    }
    if (g.late && Number.isFinite(Thi) && Number.isFinite(Tci)) {
      // nothing better known: each outlet a quarter of the way back from the other side's inlet
      const pinch = p.ttd_min ?? Math.min(10, 0.25 * Math.abs(Thi - Tci));
      g.setT('hot_out', Tci + Math.max(pinch, 0.25 * (Thi - Tci)));
      g.setT('cold_out', Thi - Math.max(pinch, 0.25 * (Thi - Tci)));
    }
  }

  override paths(): readonly ProcessPath[] {
    return [
      { from: 'hot_in', to: 'hot_out', kind: 'linear' },
      { from: 'cold_in', to: 'cold_out', kind: 'linear' },
    ];
  }

  /** The solved profile: t (fraction of duty from the hot end), T_hot and T_cold at `slices` slices and the kinks. */
  profile(r: ReportContext, slices = HEAT_EXCHANGER_SLICES): { t: number[]; Thot: number[]; Tcold: number[]; pinch: PinchPoint } {
    const e = r.e;
    const [hi, ho, ci, co] = ['hot_in', 'hot_out', 'cold_in', 'cold_out'].map((n) => r.ref(n));
    const profile = { t: [] as number[], Thot: [] as number[], Tcold: [] as number[] };
    const pinch = internalPinch(sideOf(e, hi, ho), sideOf(e, ci, co), slices, new PinchPoint(), profile, [e.state(hi), e.state(ho), e.state(ci), e.state(co)]);
    return { ...profile, pinch };
  }

  /**
   * A temperature cross anywhere along the profile (the internal pinch below zero); a side whose pressure rises.
   * An exchanger held at a pinch ttd_min ≥ 0 cannot cross (its converged pinch is that value), so its profile is
   * not computed again.
   */
  protected override senseViolations(r: ReportContext): readonly Violation[] {
    const out: Violation[] = [];
    const e = r.e;
    const [hi, ho, ci, co] = ['hot_in', 'hot_out', 'cold_in', 'cold_out'].map((n) => r.ref(n));
    const tol = VIOLATION_TOLERANCES.temperature;
    const Q = e.m(hi) * (e.h(hi) - e.h(ho));
    const ends = [e.state(hi), e.state(ho), e.state(ci), e.state(co)];
    // heat from the hot side to the cold needs T_hot ≥ T_cold all along; heat the other way (the sides have changed
    // roles: the hot side entered colder) needs T_cold ≥ T_hot all along — the same profile with the sides swapped
    const back = Q < 0;
    const held = !back && this.params.ttd_min !== undefined && this.params.ttd_min >= 0;
    const pinch =
      held || Q === 0
        ? undefined
        : back
          ? this.checked.pinch(sideOf(e, ci, co), sideOf(e, hi, ho), true, [ends[2], ends[3], ends[0], ends[1]])
          : this.checked.pinch(sideOf(e, hi, ho), sideOf(e, ci, co), false, ends);
    if (pinch && pinch.dT < -tol) {
      const ttd_u = ends[0].T - ends[3].T;
      const ttd_l = ends[1].T - ends[2].T;
      // the position counted from the hot end of the exchanger (where the hot side enters) either way
      const t = back ? 1 - pinch.t : pinch.t;
      const [Th, Tc] = back ? [pinch.Tcold, pinch.Thot] : [pinch.Thot, pinch.Tcold];
      const where = `${(t * 100).toFixed(1)} % of the duty from the hot end (hot ${Th.toFixed(2)} K, cold ${Tc.toFixed(2)} K)`;
      const endsText = ttd_u >= 0 && ttd_l >= 0 ? `, although the ends show ttd_u = ${ttd_u.toFixed(3)} K and ttd_l = ${ttd_l.toFixed(3)} K` : ` (ends: ttd_u = ${ttd_u.toFixed(3)} K, ttd_l = ${ttd_l.toFixed(3)} K)`;
      const what = back
        ? `the heat passes from the cold side to the hot side (Q = ${watts(-Q)} back), yet T_cold − T_hot = ${pinch.dT.toFixed(3)} K at ${where}${endsText}`
        : `T_hot − T_cold = ${pinch.dT.toFixed(3)} K at ${where}${endsText}`;
      out.push({
        kind: 'temperature-cross',
        quantity: back ? 'min(T_cold − T_hot)' : 'pinch',
        value: pinch.dT,
        unit: 'K',
        sensible: back ? 'T_cold − T_hot ≥ 0 all along (heat passing back)' : 'T_hot − T_cold ≥ 0 all along',
        message:
          `temperature cross inside: ${what}, where heat can only pass from the warmer stream to the colder ` +
          `(sensible: T_hot − T_cold ≥ 0 all along; a larger approach, more flow on the side whose temperature changes most, or ttd_min instead of an end difference)`,
      });
    }
    const side = (quantity: string, what: string, i: PortRef, o: PortRef) => {
      const rise = pressureRise(quantity, what, e.p(i), e.p(o));
      if (rise) out.push(rise);
    };
    side('pr1', 'the hot side', hi, ho);
    side('pr2', 'the cold side', ci, co);
    return out;
  }

  /** E_D = m_h (e_h,in − e_h,out) + m_c (e_c,in − e_c,out). Unit: W */
  override exergyDestruction(r: ReportContext): number {
    const e = r.e;
    return e.m(r.ref('hot_in')) * (r.exergy('hot_in') - r.exergy('hot_out')) + e.m(r.ref('cold_in')) * (r.exergy('cold_in') - r.exergy('cold_out'));
  }

  override report(r: ReportContext): ComponentReport {
    const e = r.e;
    const [hi, ho, ci, co] = ['hot_in', 'hot_out', 'cold_in', 'cold_out'].map((n) => r.ref(n));
    const Q = e.m(hi) * (e.h(hi) - e.h(ho));
    const ttd_u = e.state(hi).T - e.state(co).T;
    const ttd_l = e.state(ho).T - e.state(ci).T;
    const { pinch } = this.profile(r);
    const notes: string[] = [];
    const endMin = Math.min(ttd_u, ttd_l);
    const where = `${(pinch.t * 100).toFixed(1)} % of the duty from the hot end (hot ${pinch.Thot.toFixed(2)} K, cold ${pinch.Tcold.toFixed(2)} K)`;
    if (Q < 0) {
      notes.push(`the heat passes from the cold side to the hot side (Q = ${Q.toPrecision(6)} W): the hot side enters colder, and the sides have changed roles`);
    } else if (pinch.dT >= -VIOLATION_TOLERANCES.temperature && pinch.dT < endMin - 1e-6 * Math.max(1, Math.abs(endMin))) {
      notes.push(`internal pinch ${pinch.dT.toFixed(3)} K at ${where}, below both end differences (${ttd_u.toFixed(3)} K, ${ttd_l.toFixed(3)} K)`);
    }
    const tmp = new StreamState();
    let eps = NaN;
    try {
      eps = Q / maxDuty(e, hi, ho, ci, co, tmp);
    } catch {
      // Q_max needs states at the other side's inlet temperature, which may lie outside a medium's range
    }
    const UA = pinch.dT > 0 ? conductance(sideOf(e, hi, ho), sideOf(e, ci, co), Q, HEAT_EXCHANGER_SLICES) : Infinity;
    const exergyDestruction = this.exergyDestruction(r);
    return {
      id: this.id,
      type: this.type,
      Q,
      pr: e.p(ho) / e.p(hi),
      pinch: pinch.dT,
      exergyDestruction,
      values: {
        ttd_u,
        ttd_l,
        pinchPosition: pinch.t,
        pinchThot: pinch.Thot,
        pinchTcold: pinch.Tcold,
        pr2: e.p(co) / e.p(ci),
        UA,
        eps,
        LMTD: ttd_u > 0 && ttd_l > 0 ? logMean(ttd_u, ttd_l) : NaN,
      },
      notes,
      accounting: { work: 0, electric: 0, heat: 0, heatExergy: 0, mass: 0, energy: 0, exergy: 0 },
    };
  }
}

function sideOf(e: Evaluator, i: PortRef, o: PortRef): Side {
  return { fluid: i.fluid, pIn: e.p(i), pOut: e.p(o), hIn: e.h(i), hOut: e.h(o), f: e.f(i) };
}

/**
 * The classical Q_max: each side brought to the other side's inlet temperature, the duty smaller in magnitude —
 * negative where the hot side enters colder than the cold side (the sides have changed roles, and the heat flows
 * from the cold side to the hot). Unit: W
 */
function maxDuty(e: Evaluator, hi: PortRef, ho: PortRef, ci: PortRef, co: PortRef, tmp: StreamState): number {
  const Thi = e.state(hi).T;
  const Tci = e.state(ci).T;
  const hotMax = e.m(hi) * (e.h(hi) - hi.fluid.hTP(Tci, e.p(ho), e.f(hi), tmp));
  const coldMax = e.m(ci) * (ci.fluid.hTP(Thi, e.p(co), e.f(ci), tmp) - e.h(ci));
  return Math.abs(hotMax) <= Math.abs(coldMax) ? hotMax : coldMax;
}

export const HEAT_EXCHANGER = declareComponent('heat-exchanger', 'heat passed from a hot stream (hot_in → hot_out) to a cold one (cold_in → cold_out)', HEAT_EXCHANGER_PARAMETERS, (id, p) => new HeatExchanger(id, p));
