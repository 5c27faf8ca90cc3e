/**
 * Pressure-loss element (a pipe, duct, well or filter): the pressure falls by pr, dp or to p_out; adiabatic unless a
 * heat exchange with the ambient is given.
 *   mass:      0 = m_out − m_in
 *   pressure:  0 = p_out − pr · p_in, or 0 = p_out − p_in + Δp, or the outlet pressure given
 *   energy:    0 = m (h_out − h_in) − Q     (Q signed, + into the fluid; default 0: h_out = h_in)
 */
import { z } from 'zod';
import { declareComponent } from '../core/declaration.js';
import { parameters, quantityParameter } from '../core/parameters.js';
import { Component, type Builder, type ComponentReport, type Guess, type ProcessPath, type ReportContext } from '../core/component.js';
import { pressureRise, type Violation } from '../violations.js';
import { equality } from '../core/residuals.js';
import { addPressureChoice, checkPressureChoice, PRESSURE_CHOICE, propagatePressureChoice } from './valve.js';

export const PIPE_PARAMETERS = parameters({
  ...PRESSURE_CHOICE,
  Q: quantityParameter('power', {}, 'Heat into the fluid (+) or lost from it (−) on the way; default 0. Unit: W'),
});

export type PipeParams = z.output<typeof PIPE_PARAMETERS>;

export class Pipe extends Component<PipeParams> {
  readonly type = 'pipe';

  constructor(id: string, params: PipeParams = {}) {
    super(id, params, PIPE_PARAMETERS);
    this.init();
  }

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
    checkPressureChoice(this.label, this.params);
  }

  override equations(b: Builder): void {
    const i = b.port('in');
    const o = b.port('out');
    const s = b.scales;
    b.add(equality('mass balance', i.m, o.m, () => s.m));
    addPressureChoice(b, () => this.params);
    if (this.params.Q === undefined) {
      b.add(equality('adiabatic', i.h, o.h, () => s.h));
      return;
    }
    b.add({
      name: 'Q',
      vars: [i.m, i.h, o.h],
      residual: (e) => (e.m(i) * (e.h(o) - e.h(i)) - (this.params.Q ?? 0)) / s.E,
      gradient: (e, g) => {
        g.add(i.m, (e.h(o) - e.h(i)) / s.E);
        g.add(i.h, -e.m(i) / s.E);
        g.add(o.h, e.m(i) / s.E);
      },
      solveFor: (e, v) => {
        const Q = this.params.Q ?? 0;
        if (v === o.h) return e.h(i) + Q / e.m(i);
        if (v === i.h) return e.h(o) - Q / e.m(i);
        return undefined;
      },
    });
  }

  override propagate(g: Guess): void {
    propagatePressureChoice(g, this.params);
    const Q = this.params.Q ?? 0;
    if (Number.isFinite(g.h('in')) && (Q === 0 || Number.isFinite(g.m('in')))) g.setH('out', g.h('in') + (Q === 0 ? 0 : Q / g.m('in')));
    if (Q === 0 && Number.isFinite(g.h('out'))) g.setH('in', g.h('out'));
  }

  override paths(): readonly ProcessPath[] {
    return [{ from: 'in', to: 'out', kind: 'linear' }];
  }

  /** A pressure loss element whose pressure rises. */
  protected override senseViolations(r: ReportContext): readonly Violation[] {
    const v = pressureRise('pr', 'the pipe', r.e.p(r.ref('in')), r.e.p(r.ref('out')));
    return v ? [v] : [];
  }

  override report(r: ReportContext): ComponentReport {
    const e = r.e;
    const i = r.ref('in');
    const o = r.ref('out');
    const Q = e.m(i) * (e.h(o) - e.h(i));
    return {
      id: this.id,
      type: this.type,
      Q,
      pr: e.p(o) / e.p(i),
      exergyDestruction: e.m(i) * (r.exergy('in') - r.exergy('out')),
      values: { dp: e.p(i) - e.p(o) },
      notes: [],
      accounting: { work: 0, electric: 0, heat: Q, heatExergy: 0, mass: 0, energy: 0, exergy: 0 },
    };
  }
}

export const PIPE = declareComponent('pipe', 'a pressure loss and a heat gain or loss from `in` to `out`', PIPE_PARAMETERS, (id, p) => new Pipe(id, p));
