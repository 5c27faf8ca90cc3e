/**
 * Cycle closer: cuts a closed loop (a closed gas cycle, a heat-transfer loop) so that its mass balances are not
 * redundant: the state is passed on, the mass flow is not (TESPy's CycleCloser does the same).
 *   0 = p_out − p_in,   0 = h_out − h_in
 * The mass flow around the loop then needs one specification; the report gives the mismatch m_in − m_out, which a
 * converged loop closes to round-off.
 */
import { Component, type Builder, type ComponentReport, type Guess, type ReportContext } from '../core/component.js';
import { equality } from '../core/residuals.js';
import { z } from 'zod';
import { declareComponent } from '../core/declaration.js';
import { parameters } from '../core/parameters.js';

export const CYCLE_CLOSER_PARAMETERS = parameters({});

export class CycleCloser extends Component<z.output<typeof CYCLE_CLOSER_PARAMETERS>> {
  readonly type = 'cycle-closer';

  constructor(id: string, params: z.output<typeof CYCLE_CLOSER_PARAMETERS> = {}) {
    super(id, params, CYCLE_CLOSER_PARAMETERS);
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

  override validate(): void {}

  override equations(b: Builder): void {
    const i = b.port('in');
    const o = b.port('out');
    b.add({ ...equality('pressure', i.p, o.p, () => b.scales.p), spec: false });
    b.add({ ...equality('enthalpy', i.h, o.h, () => b.scales.h), spec: false });
  }

  override propagate(g: Guess): void {
    for (const [a, b] of [
      ['in', 'out'],
      ['out', 'in'],
    ] as const) {
      if (Number.isFinite(g.p(a))) g.setP(b, g.p(a));
      if (Number.isFinite(g.h(a))) g.setH(b, g.h(a));
      if (Number.isFinite(g.T(a))) g.setT(b, g.T(a));
      if (Number.isFinite(g.m(a))) g.setM(b, g.m(a));
    }
  }

  override report(r: ReportContext): ComponentReport {
    const e = r.e;
    return {
      id: this.id,
      type: this.type,
      exergyDestruction: 0,
      values: { massMismatch: e.m(r.ref('in')) - e.m(r.ref('out')) },
      notes: [],
      accounting: { work: 0, electric: 0, heat: 0, heatExergy: 0, mass: 0, energy: 0, exergy: 0 },
    };
  }
}

export const CYCLE_CLOSER = declareComponent('cycle-closer', 'closes a cycle: `out` takes the pressure and enthalpy of `in`, the loop keeps its mass free', CYCLE_CLOSER_PARAMETERS, (id, p) => new CycleCloser(id, p));
