/**
 * What compressors, pumps and turbines share: one inlet `in`, one outlet `out`, the same fluid, and
 *   mass:        0 = m_out − m_in
 *   pressure:    0 = p_out − pr · p_in                      (pr, or p_out given directly)
 *   isentropic:  0 = (h_s − h_in) − η_s (h_out − h_in)      compression (compressor, pump)
 *                0 = (h_out − h_in) − η_s (h_s − h_in)      expansion (turbine)
 *                with h_s = h(p_out, s(p_in, h_in)), η_s = η_s,design · y(m/m_design) with a characteristic line
 *   polytropic:  0 = h_out − h_poly(p_in, h_in, p_out, η_p)  (the limit of many small stages of efficiency η_p)
 *   power:       0 = m (h_out − h_in) ∓ P                   (P the magnitude of the fluid power)
 *   electric:    0 = m (h_out − h_in) − P_el η_mech η_el     (compression: the motor's draw P_el)
 *                0 = m (h_out − h_in) η_mech η_el + P_el     (expansion: the generator's output P_el)
 * Power figures given by the user are magnitudes; reports are signed (+ into the fluid or drawn from the grid).
 */
import { IsentropicPoint, StreamState } from '../fluids/stream-fluid.js';
import { addStateGradient, stateVars, uniqueVars, type GradientSink, type PortRef } from '../core/equation.js';
import type { Evaluator } from '../core/evaluator.js';
import { PlantInputError } from '../errors.js';
import { z } from 'zod';
import { parameters, quantityParameter, requiredQuantity, schemaParameter } from '../core/parameters.js';
import { Component, type Builder, type ComponentReport, type Guess, type ProcessPath, type ReportContext } from '../core/component.js';
import { bar, num, VIOLATION_TOLERANCES, watts, type Violation } from '../violations.js';
import { checkLine, evaluateLine, type CharacteristicLine } from './characteristic.js';
import { equality, fixed, pressureRatio } from '../core/residuals.js';

const efficiency = (doc: string) => quantityParameter('fraction', { min: 0, max: 1, minOpen: true }, doc);
const positive = (kind: 'pressure' | 'power' | 'massFlow', doc: string, hint = '') => quantityParameter(kind, { min: 0, minOpen: true }, doc, hint);

/** Part load: η_s = eta_s · y(m/m_design), the line's x and y checked by `checkLine`. */
const etaCharSchema = z
  .object({
    m_design: requiredQuantity('massFlow', { min: 0, minOpen: true }, 'Design mass flow the line is relative to. Unit: kg/s')('etaChar.m_design'),
    x: z.array(z.number()).readonly(),
    y: z.array(z.number()).readonly(),
  })
  .strict();

/**
 * The parameters every compressor, pump and turbine takes; `expansion` sets the sense of the pressure ratio
 * (≥ 1 compressing, ≤ 1 expanding, with an expansion ratio written the other way round named in the message).
 */
export function machineParameters(expansion: boolean) {
  return {
    eta_s: efficiency('Isentropic efficiency (design value where `etaChar` is given). Unit: -'),
    eta_poly: efficiency('Polytropic (small-stage) efficiency, instead of eta_s. Unit: -'),
    pr: expansion
      ? quantityParameter('fraction', { min: 0, max: 1, minOpen: true }, 'Pressure ratio p_out/p_in (≤ 1). Unit: -', (x) => `pr = p_out/p_in; an expansion ratio of ${x} is pr = ${(1 / x).toPrecision(6)}`)
      : quantityParameter('fraction', { min: 1 }, 'Pressure ratio p_out/p_in (≥ 1). Unit: -', 'pr = p_out/p_in of a compression'),
    p_out: positive('pressure', 'Outlet pressure. Unit: Pa'),
    P: positive('power', 'Magnitude of the fluid power m |Δh|. Unit: W', 'the magnitude of the power'),
    P_el: positive('power', 'Magnitude of the electric power (motor draw or generator output). Unit: W', 'the magnitude of the electric power'),
    eta_mech: efficiency('Mechanical efficiency (bearings, gear); default 1. Unit: -'),
    eta_el: efficiency('Motor (compression) or generator (expansion) efficiency; default 1. Unit: -'),
    etaChar: schemaParameter(etaCharSchema.optional(), 'characteristic', 'm_design > 0 kg/s and a line x, y', 'Part load: η_s = eta_s · y(m/m_design).'),
  };
}

/** The parameters of a compressor or pump. */
export const COMPRESSION_PARAMETERS = parameters(machineParameters(false));

export type TurbomachineParams = z.output<typeof COMPRESSION_PARAMETERS>;

export type EfficiencyCharacteristic = z.output<typeof etaCharSchema>;

/** Polytropic path: stages per evaluation (and twice as many, extrapolated to infinitely many). */
const POLYTROPIC_STAGES = 8;

export abstract class Turbomachine<P extends TurbomachineParams = TurbomachineParams> extends Component<P> {
  /** True for turbines. */
  abstract readonly expansion: boolean;

  inlets(): readonly string[] {
    return ['in'];
  }

  outlets(): readonly string[] {
    return ['out'];
  }

  override fluidLinks(): readonly (readonly [string, string])[] {
    return [['in', 'out']];
  }

  override validate(): void {
    const w = this.label;
    const p = this.params;
    if (p.eta_s !== undefined && p.eta_poly !== undefined) throw new PlantInputError(w, 'eta_s/eta_poly', `${p.eta_s}/${p.eta_poly}`, 'only one of eta_s and eta_poly');
    if (p.pr !== undefined && p.p_out !== undefined) throw new PlantInputError(w, 'pr/p_out', `${p.pr}/${p.p_out}`, 'only one of pr and p_out');
    if (p.etaChar !== undefined) {
      if (p.eta_s === undefined) throw new PlantInputError(w, 'etaChar', 'set', 'an etaChar only together with eta_s (its design value)');
      checkLine(w, 'etaChar', p.etaChar);
    }
  }

  /** η_mech · η_el. */
  drivetrain(): number {
    return (this.params.eta_mech ?? 1) * (this.params.eta_el ?? 1);
  }

  /** The signed electric power (+ drawn, − delivered) for a fluid power P = m Δh. Unit: W */
  electricOf(P: number): number {
    return this.expansion ? P * this.drivetrain() : P / this.drivetrain();
  }

  override equations(b: Builder): void {
    const i = b.port('in');
    const o = b.port('out');
    const s = b.scales;
    const p = () => this.params;
    b.add(equality('mass balance', i.m, o.m, () => s.m));
    if (p().pr !== undefined) b.add(pressureRatio('pr', i, o, () => p().pr as number, s));
    if (p().p_out !== undefined) b.add(fixed('p_out', o.p, () => p().p_out as number, () => s.p));
    if (p().eta_s !== undefined) b.add(this.isentropicEquation(i, o, b));
    if (p().eta_poly !== undefined) b.add(this.polytropicEquation(i, o, b));
    if (p().P !== undefined) b.add(this.powerEquation('P', i, o, b, () => (this.expansion ? -1 : 1) * (p().P as number)));
    if (p().P_el !== undefined) b.add(this.powerEquation('P_el', i, o, b, () => (this.expansion ? -(p().P_el as number) / this.drivetrain() : (p().P_el as number) * this.drivetrain())));
  }

  /** η_s now (the design value, or on the characteristic line) and dη/dm. */
  private efficiency(m: number): { eta: number; detadm: number } {
    const p = this.params;
    const eta = p.eta_s as number;
    if (!p.etaChar) return { eta, detadm: 0 };
    const c = evaluateLine(p.etaChar, m / p.etaChar.m_design);
    return { eta: eta * c.y, detadm: (eta * c.dydx) / p.etaChar.m_design };
  }

  private isentropicEquation(i: PortRef, o: PortRef, b: Builder) {
    const s = b.scales;
    const iso = new IsentropicMemo();
    const expansion = this.expansion;
    const hasChar = () => this.params.etaChar !== undefined;
    return {
      name: 'eta_s',
      vars: uniqueVars(stateVars(i), [o.p, o.h], hasChar() ? [i.m] : []),
      residual: (e: Evaluator) => {
        const hin = e.h(i);
        const hs = iso.at(e, i, e.p(o)).h;
        const { eta } = this.efficiency(e.m(i));
        const r = expansion ? e.h(o) - hin - eta * (hs - hin) : hs - hin - eta * (e.h(o) - hin);
        return r / s.h;
      },
      gradient: (e: Evaluator, g: GradientSink) => {
        const st = e.state(i);
        const hin = e.h(i);
        const pt = iso.at(e, i, e.p(o));
        const { eta, detadm } = this.efficiency(e.m(i));
        const dfDirect = i.f >= 0 ? iso.dhdf(e, i, e.p(o)) : 0;
        // ∂h_s/∂(p_in, h_in, f) through s_in, and ∂h_s/∂p_out = v_s
        const dhs_dp = pt.T * st.dsdp;
        const dhs_dh = pt.T * st.dsdh;
        const dhs_df = pt.T * st.dsdf + dfDirect;
        if (expansion) {
          addStateGradient(g, i, (-eta * dhs_dp) / s.h, (-1 + eta - eta * dhs_dh) / s.h, (-eta * dhs_df) / s.h);
          g.add(o.p, (-eta * pt.v) / s.h);
          g.add(o.h, 1 / s.h);
          if (detadm !== 0) g.add(i.m, (-detadm * (pt.h - hin)) / s.h);
        } else {
          addStateGradient(g, i, dhs_dp / s.h, (dhs_dh - 1 + eta) / s.h, dhs_df / s.h);
          g.add(o.p, pt.v / s.h);
          g.add(o.h, -eta / s.h);
          if (detadm !== 0) g.add(i.m, (-detadm * (e.h(o) - hin)) / s.h);
        }
      },
      solveFor: (e: Evaluator, v: number) => {
        if (v !== o.h) return undefined;
        const hin = e.h(i);
        const hs = iso.at(e, i, e.p(o)).h;
        const { eta } = this.efficiency(e.m(i));
        return expansion ? hin + eta * (hs - hin) : hin + (hs - hin) / eta;
      },
    };
  }

  private polytropicEquation(i: PortRef, o: PortRef, b: Builder) {
    const s = b.scales;
    const memo = { p: NaN, h: NaN, f: NaN, pout: NaN, eta: NaN, hout: NaN };
    const outlet = (e: Evaluator): number => {
      const eta = this.params.eta_poly as number;
      const [p, h, f, pout] = [e.p(i), e.h(i), e.f(i), e.p(o)];
      if (memo.p !== p || memo.h !== h || memo.f !== f || memo.pout !== pout || memo.eta !== eta) {
        const hN = polytropicMarch(i, p, h, f, pout, eta, this.expansion, POLYTROPIC_STAGES);
        const h2N = polytropicMarch(i, p, h, f, pout, eta, this.expansion, 2 * POLYTROPIC_STAGES);
        Object.assign(memo, { p, h, f, pout, eta, hout: 2 * h2N - hN });
      }
      return memo.hout;
    };
    return {
      name: 'eta_poly',
      vars: uniqueVars(stateVars(i), [o.p, o.h]),
      residual: (e: Evaluator) => (e.h(o) - outlet(e)) / s.h,
      solveFor: (e: Evaluator, v: number) => (v === o.h ? outlet(e) : undefined),
    };
  }

  private powerEquation(name: string, i: PortRef, o: PortRef, b: Builder, target: () => number) {
    const s = b.scales;
    return {
      name,
      vars: [i.m, i.h, o.h],
      residual: (e: Evaluator) => (e.m(i) * (e.h(o) - e.h(i)) - target()) / s.E,
      gradient: (e: Evaluator, g: GradientSink) => {
        g.add(i.m, (e.h(o) - e.h(i)) / s.E);
        g.add(i.h, -e.m(i) / s.E);
        g.add(o.h, e.m(i) / s.E);
      },
      solveFor: (e: Evaluator, v: number) => {
        const dh = e.h(o) - e.h(i);
        if (v === i.m) return dh === 0 ? undefined : target() / dh;
        if (v === o.h) return e.h(i) + target() / e.m(i);
        if (v === i.h) return e.h(o) - target() / e.m(i);
        return undefined;
      },
    };
  }

  override propagate(g: Guess): void {
    const p = this.params;
    if (Number.isFinite(g.m('in'))) g.setM('out', g.m('in'));
    if (Number.isFinite(g.m('out'))) g.setM('in', g.m('out'));
    if (p.p_out !== undefined) g.setP('out', p.p_out);
    if (p.pr !== undefined) {
      if (Number.isFinite(g.p('in'))) g.setP('out', g.p('in') * p.pr);
      if (Number.isFinite(g.p('out'))) g.setP('in', g.p('out') / p.pr);
    }
    g.setF('out', g.f('in'));
    if (g.late) {
      // a pressure ratio of 3 where nothing else says
      if (Number.isFinite(g.p('out'))) g.setP('in', this.expansion ? 3 * g.p('out') : g.p('out') / 3);
      if (Number.isFinite(g.p('in'))) g.setP('out', this.expansion ? g.p('in') / 3 : 3 * g.p('in'));
    }
    const [pin, hin, pout] = [g.p('in'), g.h('in'), g.p('out')];
    if (Number.isFinite(pin) && Number.isFinite(hin) && Number.isFinite(pout) && !Number.isFinite(g.h('out'))) {
      const fluid = g.fluid('in');
      const f = Number.isFinite(g.f('in')) ? g.f('in') : 0;
      const st = new StreamState();
      fluid.evaluate(pin, hin, f, st);
      const pt = new IsentropicPoint();
      fluid.isentropic(pout, st.s, f, pt);
      const eta = p.eta_s ?? p.eta_poly ?? 0.85;
      g.setH('out', this.expansion ? hin + eta * (pt.h - hin) : hin + (pt.h - hin) / eta);
    }
  }

  override paths(): readonly ProcessPath[] {
    return [{ from: 'in', to: 'out', kind: 'polytropic' }];
  }

  /** A compressor or pump whose outlet pressure lies below its inlet's, or a turbine whose outlet pressure lies above. */
  protected override senseViolations(r: ReportContext): readonly Violation[] {
    const i = r.ref('in');
    const o = r.ref('out');
    const pIn = r.e.p(i);
    const pOut = r.e.p(o);
    const pr = pOut / pIn;
    const tol = VIOLATION_TOLERANCES.pressure;
    if (this.expansion ? !(pr > 1 + tol) : !(pr < 1 - tol)) return [];
    const [does, needs, other] = this.expansion
      ? ['compresses instead of expanding', 'pr ≤ 1', 'a compressor raises the pressure']
      : ['expands instead of compressing', 'pr ≥ 1', 'a turbine or a valve lowers it'];
    return [
      {
        kind: this.expansion ? 'compression-in-turbine' : 'expansion-in-compressor',
        quantity: 'pr',
        value: pr,
        unit: '-',
        sensible: needs,
        message: `${does}: pr = p_out/p_in = ${num(pr)} (${bar(pIn)} → ${bar(pOut)}), fluid power P = ${watts(r.e.m(i) * (r.e.h(o) - r.e.h(i)))}, where a ${this.type} needs ${needs} (${other})`,
      },
    ];
  }

  /** E_D = P_el + m (e_in − e_out): the drivetrain's losses included. Unit: W */
  override exergyDestruction(r: ReportContext): number {
    const m = r.e.m(r.ref('in'));
    return this.electricOf(m * (r.e.h(r.ref('out')) - r.e.h(r.ref('in')))) + m * (r.exergy('in') - r.exergy('out'));
  }

  protected override exergyScale(r: ReportContext): number {
    return super.exergyScale(r) + Math.abs(this.electricOf(r.e.m(r.ref('in')) * (r.e.h(r.ref('out')) - r.e.h(r.ref('in')))));
  }

  override report(r: ReportContext): ComponentReport {
    const e = r.e;
    const i = r.ref('in');
    const o = r.ref('out');
    const m = e.m(i);
    const P = m * (e.h(o) - e.h(i));
    const P_el = this.electricOf(P);
    const st = e.state(i);
    const pt = new IsentropicPoint();
    i.fluid.isentropic(e.p(o), st.s, e.f(i), pt);
    const dh = e.h(o) - e.h(i);
    const dhs = pt.h - e.h(i);
    const eta_s = this.expansion ? dh / dhs : dhs / dh;
    const exergyDestruction = this.exergyDestruction(r);
    const shaft = this.expansion ? P * (this.params.eta_mech ?? 1) : P / (this.params.eta_mech ?? 1);
    return {
      id: this.id,
      type: this.type,
      P,
      P_el,
      pr: e.p(o) / e.p(i),
      eta_s,
      ...(this.params.eta_poly !== undefined ? { eta_poly: this.params.eta_poly } : {}),
      exergyDestruction,
      values: { P_shaft: shaft, h_s: pt.h, T_s: pt.T },
      notes: [],
      accounting: { work: P, electric: P_el, heat: 0, heatExergy: 0, mass: 0, energy: 0, exergy: 0 },
    };
  }
}

/** h_s = h(p_out, s_in) remembered for the last (p_in, h_in, f, p_out). */
class IsentropicMemo {
  private key = [NaN, NaN, NaN, NaN];
  private readonly point = new IsentropicPoint();
  private readonly tmp = new IsentropicPoint();

  at(e: Evaluator, i: PortRef, pout: number): IsentropicPoint {
    const p = e.p(i);
    const h = e.h(i);
    const f = e.f(i);
    const k = this.key;
    if (k[0] !== p || k[1] !== h || k[2] !== f || k[3] !== pout) {
      const st = e.state(i);
      i.fluid.isentropic(pout, st.s, f, this.point);
      k[0] = p;
      k[1] = h;
      k[2] = f;
      k[3] = pout;
    }
    return this.point;
  }

  /** (∂h_s/∂f) at fixed p_out and s_in (flue gas only), by a short difference. */
  dhdf(e: Evaluator, i: PortRef, pout: number): number {
    const st = e.state(i);
    const f = e.f(i);
    const df = 1e-7;
    i.fluid.isentropic(pout, st.s, f + df, this.tmp);
    return (this.tmp.h - this.at(e, i, pout).h) / df;
  }
}

const marchState = new StreamState();
const marchPoint = new IsentropicPoint();

/** Outlet enthalpy of n stages of efficiency η at equal pressure ratios from (p, h) to p_out. Unit: J/kg */
export function polytropicMarch(port: PortRef, p: number, h: number, f: number, pout: number, eta: number, expansion: boolean, n: number): number {
  const ratio = Math.pow(pout / p, 1 / n);
  let pk = p;
  let hk = h;
  for (let k = 0; k < n; k++) {
    port.fluid.evaluate(pk, hk, f, marchState);
    const pNext = k === n - 1 ? pout : pk * ratio;
    port.fluid.isentropic(pNext, marchState.s, f, marchPoint);
    hk = expansion ? hk + eta * (marchPoint.h - hk) : hk + (marchPoint.h - hk) / eta;
    pk = pNext;
  }
  return hk;
}
