/**
 * Turbine: expansion from `in` to `out` (TurbomachineParams and equations in turbomachine.ts), 0 < pr ≤ 1 with
 * pr = p_out/p_in as in TESPy. Power is delivered: P = m (h_out − h_in) < 0, P_el = P η_mech η_el.
 * Part load: besides an η_s characteristic, Stodola's cone law ties the mass flow to the pressures:
 *   0 = m − m_d · (p_in/p_in,d) · √(p_in,d v_in,d / (p_in v_in)) · √((1 − (p_out/p_in)²) / (1 − (p_out,d/p_in,d)²))
 * with v the specific volume at the inlet (TESPy's `cone` equation; Stodola 1922).
 */
import { StreamState } from '../fluids/stream-fluid.js';
import { stateVars, uniqueVars } from '../core/equation.js';
import { checkNumber } from '../errors.js';
import type { Builder, Guess } from '../core/component.js';
import { z } from 'zod';
import { declareComponent } from '../core/declaration.js';
import { parameters, requiredQuantity, schemaParameter } from '../core/parameters.js';
import { machineParameters, Turbomachine } from './turbomachine.js';

const positive = (kind: 'pressure' | 'massFlow' | 'temperature', name: string, doc: string) => requiredQuantity(kind, { min: 0, minOpen: true }, doc)(name);

/** Stodola's cone law with the design point it is relative to (p_out below p_in, checked by the turbine). */
const coneLawSchema = z
  .object({
    m: positive('massFlow', 'coneLaw.m', 'Design mass flow. Unit: kg/s'),
    p_in: positive('pressure', 'coneLaw.p_in', 'Design inlet pressure. Unit: Pa'),
    p_out: positive('pressure', 'coneLaw.p_out', 'Design outlet pressure. Unit: Pa'),
    T_in: positive('temperature', 'coneLaw.T_in', 'Design inlet temperature. Unit: K'),
  })
  .strict();

export const TURBINE_PARAMETERS = parameters({
  ...machineParameters(true),
  coneLaw: schemaParameter(coneLawSchema.optional(), 'cone law', 'm, p_in, p_out, T_in of the design point', "Stodola's cone law with the design point it is relative to."),
});

export type TurbineParams = z.output<typeof TURBINE_PARAMETERS>;
export type ConeLaw = z.output<typeof coneLawSchema>;

export class Turbine extends Turbomachine<TurbineParams> {
  readonly type = 'turbine';
  readonly expansion = true;

  constructor(id: string, params: TurbineParams = {}) {
    super(id, params, TURBINE_PARAMETERS);
    this.init();
  }

  override validate(): void {
    super.validate();
    const c = this.params.coneLaw;
    if (c !== undefined) {
      const w = this.label;
      checkNumber(w, 'coneLaw.p_out', c.p_out, { min: 0, max: c.p_in, minOpen: true, maxOpen: true, unit: 'Pa', hint: 'below coneLaw.p_in' });
    }
  }

  override equations(b: Builder): void {
    super.equations(b);
    if (this.params.coneLaw === undefined) return;
    const i = b.port('in');
    const o = b.port('out');
    const s = b.scales;
    const design = { key: '', v: NaN };
    const st = new StreamState();
    b.add({
      name: 'cone law',
      vars: uniqueVars([i.m], stateVars(i), [o.p]),
      residual: (e) => {
        const c = this.params.coneLaw as ConeLaw;
        const key = `${c.p_in}|${c.T_in}|${e.f(i)}`;
        if (design.key !== key) {
          i.fluid.hTP(c.T_in, c.p_in, e.f(i), st);
          design.v = 1 / st.rho;
          design.key = key;
        }
        const pin = e.p(i);
        const vin = 1 / e.state(i).rho;
        // continued through p_out = p_in as reverse flow, so that a poor iterate is not a NaN
        const x = (1 - (e.p(o) / pin) ** 2) / (1 - (c.p_out / c.p_in) ** 2);
        const flow = c.m * (pin / c.p_in) * Math.sqrt((c.p_in * design.v) / (pin * vin)) * Math.sign(x) * Math.sqrt(Math.abs(x));
        return (e.m(i) - flow) / s.m;
      },
    });
  }

  override propagate(g: Guess): void {
    const c = this.params.coneLaw;
    if (c) {
      if (Number.isFinite(g.p('out'))) g.setP('in', (g.p('out') * c.p_in) / c.p_out);
      if (Number.isFinite(g.p('in'))) g.setP('out', (g.p('in') * c.p_out) / c.p_in);
      g.setM('in', c.m);
    }
    super.propagate(g);
  }
}

export const TURBINE = declareComponent('turbine', 'a gas or steam expanded from `in` to `out`', TURBINE_PARAMETERS, (id, p) => new Turbine(id, p));
