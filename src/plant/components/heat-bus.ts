/**
 * Heat bus: the heat duty of several heaters, coolers and heat exchangers together — the reheaters drawing on one
 * thermal store, the coolers rejecting to one cooling tower — fixed at a value or left free and reported (TESPy's
 * Bus over heat duties). Each member's duty is counted in its own sense, as a positive number when it works:
 *   heater:          Q_k = m (h_out − h_in)              (heat added to its stream)
 *   cooler:          Q_k = m (h_in − h_out)              (heat removed from its stream)
 *   heat-exchanger:  Q_k = m_hot (h_hot,in − h_hot,out)  (heat passed from the hot to the cold side)
 *   with Q given:    0 = Σ Q_k − Q
 * Without Q the bus adds no equation and reports Σ Q_k. Fans and pumps that move the heat (air coolers, a store's
 * loop) may be charged to the bus as a fraction of its duty, P_aux = auxiliary · |Σ Q_k|: electric power drawn and
 * dissipated (it counts in the network's net power and exergy destruction, not in its fluid energy balance).
 */
import { z } from 'zod';
import { PlantInputError } from '../errors.js';
import type { PortRef } from '../core/equation.js';
import { declareComponent } from '../core/declaration.js';
import { parameters, quantityParameter, schemaParameter } from '../core/parameters.js';
import { Component, type Builder, type ComponentReport, type ReportContext } from '../core/component.js';

export const HEAT_BUS_PARAMETERS = parameters({
  members: schemaParameter(
    z.array(z.string()).min(1, 'a list of heater, cooler or heat-exchanger ids').readonly(),
    'list',
    'a list of heater, cooler or heat-exchanger ids',
    'Ids of the heaters, coolers and heat exchangers on the bus.',
  ),
  Q: quantityParameter('power', { min: 0 }, 'Total duty of the bus, a magnitude (absent: free, reported). Unit: W', 'the magnitude of the total duty; leave Q out to have it reported'),
  auxiliary: quantityParameter('fraction', { min: 0, max: 1 }, 'Electric power of fans and pumps as a fraction of the bus duty. Unit: -', 'fan and pump power per unit of heat duty'),
});

export type HeatBusParams = z.output<typeof HEAT_BUS_PARAMETERS>;

/** How a member's duty is read from its ports: Q_k = sign · m(from) · (h(to) − h(from)). */
interface Member {
  readonly id: string;
  readonly from: PortRef;
  readonly to: PortRef;
  readonly sign: 1 | -1;
}

const DUTY_PORTS: Readonly<Record<string, { from: string; to: string; sign: 1 | -1 }>> = Object.freeze({
  heater: { from: 'in', to: 'out', sign: 1 },
  cooler: { from: 'in', to: 'out', sign: -1 },
  'heat-exchanger': { from: 'hot_in', to: 'hot_out', sign: -1 },
});

type Lookup = { other(id: string): Component | undefined; portOf(component: Component, port: string): PortRef };
type States = { m(p: PortRef): number; h(p: PortRef): number };

const duty = (e: States, x: Member) => x.sign * e.m(x.from) * (e.h(x.to) - e.h(x.from));

export class HeatBus extends Component<HeatBusParams> {
  readonly type = 'heat-bus';

  constructor(id: string, params: HeatBusParams) {
    super(id, params, HEAT_BUS_PARAMETERS);
    this.init();
  }

  inlets(): readonly string[] {
    return [];
  }

  outlets(): readonly string[] {
    return [];
  }

  override validate(): void {
    const members = this.params.members;
    const twice = members.find((m, k) => members.indexOf(m) !== k);
    if (twice !== undefined) throw new PlantInputError(this.label, 'members', twice, 'each member once (a duty counted twice would not be the bus total)');
  }

  override signature(): string {
    return `${super.signature()}|${this.params.members.join(',')}`;
  }

  private members(b: Lookup): Member[] {
    return this.params.members.map((id) => {
      const c = b.other(id);
      const ports = c ? DUTY_PORTS[c.type] : undefined;
      if (!c || !ports) throw new PlantInputError(this.label, 'members', id, `ids of heaters, coolers or heat exchangers in the network (${c ? `${id} is a ${c.type}` : `no component ${id}`})`);
      return { id, from: b.portOf(c, ports.from), to: b.portOf(c, ports.to), sign: ports.sign };
    });
  }

  override equations(b: Builder): void {
    const members = this.members(b);
    if (this.params.Q === undefined) return;
    const s = b.scales;
    const target = () => this.params.Q as number;
    b.add({
      name: 'Q',
      vars: members.flatMap((x) => [x.from.m, x.from.h, x.to.h]),
      residual: (e) => (members.reduce((acc, x) => acc + duty(e, x), 0) - target()) / s.E,
      gradient: (e, g) => {
        for (const x of members) {
          g.add(x.from.m, (x.sign * (e.h(x.to) - e.h(x.from))) / s.E);
          g.add(x.from.h, (-x.sign * e.m(x.from)) / s.E);
          g.add(x.to.h, (x.sign * e.m(x.from)) / s.E);
        }
      },
      solveFor: (e, v) => {
        const one = members.find((x) => x.from.m === v || x.from.h === v || x.to.h === v);
        if (!one) return undefined;
        const need = (target() - members.reduce((acc, x) => (x === one ? acc : acc + duty(e, x)), 0)) / one.sign;
        if (v === one.from.m) return e.h(one.to) === e.h(one.from) ? undefined : need / (e.h(one.to) - e.h(one.from));
        if (v === one.to.h) return e.h(one.from) + need / e.m(one.from);
        return e.h(one.to) - need / e.m(one.from);
      },
    });
  }

  /** Σ Q_k of the solved members. Unit: W */
  total(r: ReportContext): number {
    return this.members(r).reduce((acc, x) => acc + duty(r.e, x), 0);
  }

  override exergyDestruction(r: ReportContext): number {
    return (this.params.auxiliary ?? 0) * Math.abs(this.total(r));
  }

  override report(r: ReportContext): ComponentReport {
    const members = this.members(r);
    const values: Record<string, number> = {};
    let total = 0;
    for (const x of members) {
      const Q = duty(r.e, x);
      values[`Q:${x.id}`] = Q;
      total += Q;
    }
    const P_aux = (this.params.auxiliary ?? 0) * Math.abs(total);
    const notes = members.filter((x) => values[`Q:${x.id}`] < 0).map((x) => `member ${x.id} works against its sense (Q = ${values[`Q:${x.id}`]} W), which lowers the bus total`);
    return {
      id: this.id,
      type: this.type,
      Q: total,
      ...(this.params.auxiliary !== undefined ? { P_el: P_aux } : {}),
      exergyDestruction: P_aux,
      values: { ...values, ...(this.params.auxiliary !== undefined ? { P_aux } : {}) },
      notes,
      accounting: { work: 0, electric: P_aux, heat: 0, heatExergy: 0, mass: 0, energy: 0, exergy: 0 },
    };
  }

  /** No ports of its own: the exergy scale is its auxiliary power (round-off of nothing else). Unit: W */
  protected override exergyScale(r: ReportContext): number {
    return this.exergyDestruction(r);
  }
}

export const HEAT_BUS = declareComponent('heat-bus', 'the heat duty of several heaters, coolers and heat exchangers together, given or reported', HEAT_BUS_PARAMETERS, (id, p) => new HeatBus(id, p));
