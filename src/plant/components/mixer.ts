/**
 * Mixer: inlets in1 … inN (N = `inlets`, default 2) of one fluid into `out`, adiabatic, all at one pressure.
 *   mass:      0 = Σ m_in − m_out
 *   energy:    0 = Σ m_in h_in − m_out h_out
 *   pressure:  0 = p_out − min_k p_in,k
 * The outlet takes the lowest inlet pressure (as Aspen Plus's mixer does): parallel branches whose pressures are
 * each fixed upstream then stay consistent however they are specified, and a higher inlet is throttled to the
 * outlet pressure, a loss the exergy balance counts (and the report notes).
 */
import { z } from 'zod';
import { declareComponent } from '../core/declaration.js';
import { integerParameter, parameters } from '../core/parameters.js';
import { Component, type Builder, type ComponentReport, type Guess, type ReportContext } from '../core/component.js';
import type { Evaluator } from '../core/evaluator.js';
import { energyBalance, massBalance } from '../core/residuals.js';

export const MIXER_PARAMETERS = parameters({
  inlets: integerParameter(2, 64, 'Number of inlets (in1 … inN); default 2. Unit: -'),
});

export type MixerParams = z.output<typeof MIXER_PARAMETERS>;

export class Mixer extends Component<MixerParams> {
  readonly type = 'mixer';

  constructor(id: string, params: MixerParams = {}) {
    super(id, params, MIXER_PARAMETERS);
    this.init();
  }

  inlets(): readonly string[] {
    return Array.from({ length: this.params.inlets ?? 2 }, (_, k) => `in${k + 1}`);
  }

  outlets(): readonly string[] {
    return ['out'];
  }

  override fluidLinks(): readonly (readonly [string, string])[] {
    return this.inlets().map((i) => [i, 'out'] as const);
  }

  override validate(): void {}

  override signature(): string {
    return `${super.signature()}|${this.params.inlets ?? 2}`;
  }

  override equations(b: Builder): void {
    const ins = this.inlets().map((n) => b.port(n));
    const o = b.port('out');
    b.add(massBalance(ins, [o], b.scales));
    b.add(energyBalance(ins, [o], b.scales));
    const s = b.scales;
    const lowest = (e: Evaluator) => {
      let best = ins[0];
      for (const i of ins) if (e.p(i) < e.p(best)) best = i;
      return best;
    };
    b.add({
      name: 'pressure',
      spec: false,
      vars: [...ins.map((i) => i.p), o.p],
      residual: (e) => (e.p(o) - e.p(lowest(e))) / s.p,
      gradient: (e, g) => {
        g.add(o.p, 1 / s.p);
        g.add(lowest(e).p, -1 / s.p);
      },
      solveFor: (e, v) => (v === o.p ? e.p(lowest(e)) : undefined),
    });
  }

  override propagate(g: Guess): void {
    const ins = this.inlets();
    const pin = ins.map((n) => g.p(n));
    if (pin.every(Number.isFinite)) g.setP('out', Math.min(...pin));
    const p = [...ins, 'out'].map((n) => g.p(n)).find(Number.isFinite);
    if (p !== undefined && g.late) for (const n of [...ins, 'out']) g.setP(n, p);
    for (const n of ins) g.setF('out', g.f(n));
    const ms = ins.map((n) => g.m(n));
    if (ms.every(Number.isFinite)) g.setM('out', ms.reduce((a, v) => a + v, 0));
    const hs = ins.map((n) => g.h(n));
    if (ms.every(Number.isFinite) && hs.every(Number.isFinite)) {
      const m = ms.reduce((a, v) => a + v, 0);
      if (m !== 0) g.setH('out', ms.reduce((a, v, k) => a + v * hs[k], 0) / m);
    } else if (g.late) {
      const Ts = ins.map((n) => g.T(n)).filter(Number.isFinite);
      if (Ts.length > 0) g.setT('out', Ts.reduce((a, v) => a + v, 0) / Ts.length);
    }
  }

  override report(r: ReportContext): ComponentReport {
    const e = r.e;
    let ed = 0;
    for (const n of this.inlets()) ed += e.m(r.ref(n)) * r.exergy(n);
    ed -= e.m(r.ref('out')) * r.exergy('out');
    const pressures = this.inlets().map((n) => e.p(r.ref(n)));
    const pOut = e.p(r.ref('out'));
    const notes = pressures.some((p) => p > pOut * (1 + 1e-9)) ? [`inlets at different pressures (${pressures.map((p) => p.toPrecision(6)).join(', ')} Pa): the higher ones are throttled to ${pOut.toPrecision(6)} Pa`] : [];
    return {
      id: this.id,
      type: this.type,
      exergyDestruction: ed,
      values: {},
      notes,
      accounting: { work: 0, electric: 0, heat: 0, heatExergy: 0, mass: 0, energy: 0, exergy: 0 },
    };
  }
}

export const MIXER = declareComponent('mixer', 'streams in1 … inN mixed adiabatically into `out`', MIXER_PARAMETERS, (id, p) => new Mixer(id, p));
