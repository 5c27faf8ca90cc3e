/**
 * Power bus: the electric power of several machines together — the motor draw of a compressor train, the generator
 * output of the turbines — fixed at a value (TESPy's Bus). Each member's electric power comes from its own η_mech
 * and η_el (turbomachine.ts): P_el,k = m_k Δh_k / (η_mech η_el) drawn by a compressor, m_k Δh_k η_mech η_el (< 0)
 * by a turbine.
 *   consumed:   0 = Σ P_el,k − P
 *   delivered:  0 = −Σ P_el,k − P
 * `sense` defaults to 'delivered' when every member is a turbine and to 'consumed' when none is.
 */
import { z } from 'zod';
import { PlantInputError } from '../errors.js';
import { declareComponent } from '../core/declaration.js';
import { choiceParameter, parameters, requiredQuantity, schemaParameter } from '../core/parameters.js';
import type { PortRef } from '../core/equation.js';
import { Component, type Builder, type ComponentReport, type ReportContext } from '../core/component.js';
import { Turbomachine } from './turbomachine.js';

export const POWER_BUS_PARAMETERS = parameters({
  members: schemaParameter(
    z.array(z.string()).min(1, 'a list of compressor, pump or turbine ids').readonly(),
    'list',
    'a list of compressor, pump or turbine ids',
    'Ids of the compressors, pumps and turbines on the bus.',
  ),
  P: requiredQuantity('power', { min: 0, minOpen: true }, 'Electric power of the bus (a magnitude). Unit: W', 'the magnitude of the electric power'),
  sense: choiceParameter(['consumed', 'delivered'], "Whether P is drawn from the grid ('consumed', default) or delivered to it ('delivered')."),
});

export type PowerBusParams = z.output<typeof POWER_BUS_PARAMETERS>;

export class PowerBus extends Component<PowerBusParams> {
  readonly type = 'power-bus';

  constructor(id: string, params: PowerBusParams) {
    super(id, params, POWER_BUS_PARAMETERS);
    this.init();
  }

  inlets(): readonly string[] {
    return [];
  }

  outlets(): readonly string[] {
    return [];
  }

  override validate(): void {}

  override signature(): string {
    return `${super.signature()}|${this.params.members.join(',')}`;
  }

  private machines(find: (id: string) => Component | undefined): Turbomachine[] {
    return this.params.members.map((id) => {
      const c = find(id);
      if (!(c instanceof Turbomachine)) throw new PlantInputError(this.label, 'members', id, `ids of compressors, pumps or turbines in the network (${c ? `${id} is a ${c.type}` : `no component ${id}`})`);
      return c;
    });
  }

  /** +1 where P counts power drawn, −1 where it counts power delivered. */
  private sign(machines: readonly Turbomachine[]): number {
    if (this.params.sense) return this.params.sense === 'consumed' ? 1 : -1;
    if (machines.every((m) => m.expansion)) return -1;
    if (machines.every((m) => !m.expansion)) return 1;
    throw new PlantInputError(this.label, 'sense', undefined, "'consumed' or 'delivered' (the bus has both compressors and turbines)");
  }

  override equations(b: Builder): void {
    const machines = this.machines((id) => b.other(id));
    const sign = this.sign(machines);
    const members = machines.map((m) => ({ m, i: b.portOf(m, 'in'), o: b.portOf(m, 'out') }));
    const s = b.scales;
    // dP_el/dP for each member: 1/(η_mech η_el) drawn, η_mech η_el delivered
    const k = (m: Turbomachine) => sign * (m.expansion ? m.drivetrain() : 1 / m.drivetrain());
    const term = (e: { m(p: PortRef): number; h(p: PortRef): number }, x: { m: Turbomachine; i: PortRef; o: PortRef }) => k(x.m) * e.m(x.i) * (e.h(x.o) - e.h(x.i));
    b.add({
      name: 'P',
      vars: members.flatMap((x) => [x.i.m, x.i.h, x.o.h]),
      residual: (e) => (members.reduce((acc, x) => acc + term(e, x), 0) - this.params.P) / s.E,
      gradient: (e, g) => {
        for (const x of members) {
          const kk = k(x.m);
          g.add(x.i.m, (kk * (e.h(x.o) - e.h(x.i))) / s.E);
          g.add(x.i.h, (-kk * e.m(x.i)) / s.E);
          g.add(x.o.h, (kk * e.m(x.i)) / s.E);
        }
      },
      solveFor: (e, v) => {
        const target = members.find((x) => x.i.m === v || x.o.h === v || x.i.h === v);
        if (!target) return undefined;
        const rest = members.reduce((acc, x) => (x === target ? acc : acc + term(e, x)), 0);
        const need = (this.params.P - rest) / k(target.m);
        if (v === target.i.m) return e.h(target.o) === e.h(target.i) ? undefined : need / (e.h(target.o) - e.h(target.i));
        if (v === target.o.h) return e.h(target.i) + need / e.m(target.i);
        return e.h(target.o) - need / e.m(target.i);
      },
    });
  }

  override report(r: ReportContext): ComponentReport {
    const values: Record<string, number> = {};
    let total = 0;
    for (const id of this.params.members) {
      const m = r.other(id) as Turbomachine;
      const i = r.portOf(m, 'in');
      const o = r.portOf(m, 'out');
      const P_el = m.electricOf(r.e.m(i) * (r.e.h(o) - r.e.h(i)));
      values[`P_el:${id}`] = P_el;
      total += P_el;
    }
    return {
      id: this.id,
      type: this.type,
      P_el: total,
      exergyDestruction: 0,
      values,
      notes: [],
      accounting: { work: 0, electric: 0, heat: 0, heatExergy: 0, mass: 0, energy: 0, exergy: 0 },
    };
  }
}

export const POWER_BUS = declareComponent('power-bus', 'the electric power of several compressors, pumps and turbines together', POWER_BUS_PARAMETERS, (id, p) => new PowerBus(id, p));
