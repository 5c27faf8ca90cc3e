/**
 * Splitter: `in` divided into out1 … outN (N = `outlets`, default 2) of the same state.
 *   mass:      0 = m_in − Σ m_out
 *   state:     0 = h_out,k − h_in,  0 = p_out,k − p_in   for every outlet k
 *   fractions: 0 = m_out,k − x_k m_in   for k < N, where `fractions` x (summing to 1) is given
 */
import { z } from 'zod';
import { PlantInputError } from '../errors.js';
import { declareComponent } from '../core/declaration.js';
import { integerParameter, parameters, requiredQuantity, schemaParameter } from '../core/parameters.js';
import { Component, type Builder, type ComponentReport, type Guess, type ReportContext } from '../core/component.js';
import { equality, massBalance } from '../core/residuals.js';

export const SPLITTER_PARAMETERS = parameters({
  outlets: integerParameter(2, 64, 'Number of outlets (out1 … outN); default 2. Unit: -'),
  fractions: schemaParameter(
    z.array(requiredQuantity('fraction', { min: 0, max: 1 }, 'Mass fraction to one outlet. Unit: -')('fractions[]')).readonly().optional(),
    'list',
    'N fractions in [0, 1] summing to 1',
    'Mass fraction going to each outlet (N values summing to 1). Unit: -',
  ),
});

export type SplitterParams = z.output<typeof SPLITTER_PARAMETERS>;

export class Splitter extends Component<SplitterParams> {
  readonly type = 'splitter';

  constructor(id: string, params: SplitterParams = {}) {
    super(id, params, SPLITTER_PARAMETERS);
    this.init();
  }

  inlets(): readonly string[] {
    return ['in'];
  }

  outlets(): readonly string[] {
    return Array.from({ length: this.params.outlets ?? this.params.fractions?.length ?? 2 }, (_, k) => `out${k + 1}`);
  }

  override fluidLinks(): readonly (readonly [string, string])[] {
    return this.outlets().map((o) => ['in', o] as const);
  }

  override validate(): void {
    const w = this.label;
    const p = this.params;
    if (p.fractions !== undefined) {
      const n = p.outlets ?? p.fractions.length;
      if (!Array.isArray(p.fractions) || p.fractions.length !== n) throw new PlantInputError(w, 'fractions', p.fractions, `${n} fractions, one per outlet`);
      const sum = p.fractions.reduce((a, v) => a + v, 0);
      if (Math.abs(sum - 1) > 1e-9) throw new PlantInputError(w, 'fractions', p.fractions, `fractions summing to 1 (they sum to ${sum})`);
    }
  }

  override signature(): string {
    return `${super.signature()}|${this.outlets().length}`;
  }

  override equations(b: Builder): void {
    const i = b.port('in');
    const names = this.outlets();
    const outs = names.map((n) => b.port(n));
    const s = b.scales;
    b.add(massBalance([i], outs, s));
    outs.forEach((o, k) => {
      b.add({ ...equality(`enthalpy ${names[k]}`, i.h, o.h, () => s.h), spec: false });
      b.add({ ...equality(`pressure ${names[k]}`, i.p, o.p, () => s.p), spec: false });
    });
    if (this.params.fractions !== undefined) {
      outs.slice(0, -1).forEach((o, k) => {
        const x = () => (this.params.fractions as readonly number[])[k];
        b.add({
          name: `fraction ${names[k]}`,
          vars: [i.m, o.m],
          residual: (e) => (e.m(o) - x() * e.m(i)) / s.m,
          gradient: (_e, g) => {
            g.add(o.m, 1 / s.m);
            g.add(i.m, -x() / s.m);
          },
          solveFor: (e, v) => (v === o.m ? x() * e.m(i) : x() === 0 ? undefined : e.m(o) / x()),
        });
      });
    }
  }

  override propagate(g: Guess): void {
    const names = this.outlets();
    const all = ['in', ...names];
    const p = all.map((n) => g.p(n)).find(Number.isFinite);
    if (p !== undefined) for (const n of all) g.setP(n, p);
    const h = all.map((n) => g.h(n)).find(Number.isFinite);
    if (h !== undefined) for (const n of all) g.setH(n, h);
    const T = all.map((n) => g.T(n)).find(Number.isFinite);
    if (T !== undefined) for (const n of all) g.setT(n, T);
    for (const n of names) g.setF(n, g.f('in'));
    const fr = this.params.fractions;
    const m = g.m('in');
    if (Number.isFinite(m)) {
      names.forEach((n, k) => {
        if (fr) g.setM(n, fr[k] * m);
        else if (g.late) g.setM(n, m / names.length);
      });
    } else {
      const ms = names.map((n) => g.m(n));
      if (ms.every(Number.isFinite)) g.setM('in', ms.reduce((a, v) => a + v, 0));
    }
  }

  override report(r: ReportContext): ComponentReport {
    const e = r.e;
    let ed = e.m(r.ref('in')) * r.exergy('in');
    for (const n of this.outlets()) ed -= e.m(r.ref(n)) * r.exergy(n);
    return {
      id: this.id,
      type: this.type,
      exergyDestruction: ed,
      values: {},
      notes: [],
      accounting: { work: 0, electric: 0, heat: 0, heatExergy: 0, mass: 0, energy: 0, exergy: 0 },
    };
  }
}

export const SPLITTER = declareComponent('splitter', 'a stream `in` split into out1 … outN of the same state', SPLITTER_PARAMETERS, (id, p) => new Splitter(id, p));
