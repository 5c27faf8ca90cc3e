/**
 * Throttle valve: adiabatic, no work, so the enthalpy is kept while the pressure falls.
 *   mass:      0 = m_out − m_in
 *   enthalpy:  0 = h_out − h_in
 *   pressure:  0 = p_out − pr · p_in  (pr ≤ 1), or 0 = p_out − p_in + Δp, or the outlet pressure given
 *              (p_out here or on the outlet stream)
 */
import { z } from 'zod';
import { PlantInputError } from '../errors.js';
import { declareComponent } from '../core/declaration.js';
import { parameters, quantityParameter } from '../core/parameters.js';
import { Component, type Builder, type ComponentReport, type Guess, type ProcessPath, type ReportContext } from '../core/component.js';
import { pressureRise, type Violation } from '../violations.js';
import { equality, fixed, pressureDrop, pressureRatio } from '../core/residuals.js';

/** Pressure ratio, drop or outlet pressure of a one-path element (one of them; `checkPressureChoice`). */
export const PRESSURE_CHOICE = {
  pr: quantityParameter('fraction', { min: 0, max: 1, minOpen: true }, 'Pressure ratio p_out/p_in. Unit: -', 'p_out/p_in'),
  dp: quantityParameter('pressureDifference', { min: 0 }, 'Pressure drop. Unit: Pa'),
  p_out: quantityParameter('pressure', { min: 0, minOpen: true }, 'Outlet pressure. Unit: Pa'),
};

export const VALVE_PARAMETERS = parameters(PRESSURE_CHOICE);

export type ValveParams = z.output<typeof VALVE_PARAMETERS>;

/** Only one of pr, dp and p_out (each range is the declaration's). */
export function checkPressureChoice(where: string, p: { pr?: number; dp?: number; p_out?: number }): void {
  const given = (['pr', 'dp', 'p_out'] as const).filter((k) => p[k] !== undefined);
  if (given.length > 1) throw new PlantInputError(where, given.join('/'), given.map((k) => p[k]).join('/'), 'only one of pr, dp and p_out');
}

/** The pressure equation of a one-path element from whichever of pr, dp, p_out is given. */
export function addPressureChoice(b: Builder, params: () => { pr?: number; dp?: number; p_out?: number }): void {
  const i = b.port('in');
  const o = b.port('out');
  const s = b.scales;
  const p = params();
  if (p.pr !== undefined) b.add(pressureRatio('pr', i, o, () => params().pr as number, s));
  else if (p.dp !== undefined) b.add(pressureDrop('dp', i, o, () => params().dp as number, s));
  else if (p.p_out !== undefined) b.add(fixed('p_out', o.p, () => params().p_out as number, () => s.p));
}

export function propagatePressureChoice(g: Guess, p: { pr?: number; dp?: number; p_out?: number }): void {
  if (Number.isFinite(g.m('in'))) g.setM('out', g.m('in'));
  if (Number.isFinite(g.m('out'))) g.setM('in', g.m('out'));
  g.setF('out', g.f('in'));
  if (p.p_out !== undefined) g.setP('out', p.p_out);
  if (p.pr !== undefined) {
    if (Number.isFinite(g.p('in'))) g.setP('out', g.p('in') * p.pr);
    if (Number.isFinite(g.p('out'))) g.setP('in', g.p('out') / p.pr);
  }
  if (p.dp !== undefined) {
    if (Number.isFinite(g.p('in'))) g.setP('out', g.p('in') - p.dp);
    if (Number.isFinite(g.p('out'))) g.setP('in', g.p('out') + p.dp);
  }
}

export class Valve extends Component<ValveParams> {
  readonly type = 'valve';

  constructor(id: string, params: ValveParams = {}) {
    super(id, params, VALVE_PARAMETERS);
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
    b.add(equality('mass balance', i.m, o.m, () => b.scales.m));
    b.add(equality('isenthalpic', i.h, o.h, () => b.scales.h));
    addPressureChoice(b, () => this.params);
  }

  override propagate(g: Guess): void {
    propagatePressureChoice(g, this.params);
    if (Number.isFinite(g.h('in'))) g.setH('out', g.h('in'));
    if (Number.isFinite(g.h('out'))) g.setH('in', g.h('out'));
  }

  override paths(): readonly ProcessPath[] {
    return [{ from: 'in', to: 'out', kind: 'isenthalpic' }];
  }

  /** A pressure loss element whose pressure rises. */
  protected override senseViolations(r: ReportContext): readonly Violation[] {
    const v = pressureRise('pr', 'the valve', r.e.p(r.ref('in')), r.e.p(r.ref('out')));
    return v ? [v] : [];
  }

  override report(r: ReportContext): ComponentReport {
    const e = r.e;
    const i = r.ref('in');
    const o = r.ref('out');
    return {
      id: this.id,
      type: this.type,
      pr: e.p(o) / e.p(i),
      exergyDestruction: e.m(i) * (r.exergy('in') - r.exergy('out')),
      values: { dT: e.state(o).T - e.state(i).T },
      notes: [],
      accounting: { work: 0, electric: 0, heat: 0, heatExergy: 0, mass: 0, energy: 0, exergy: 0 },
    };
  }
}

export const VALVE = declareComponent('valve', 'an isenthalpic throttle from `in` to `out`', VALVE_PARAMETERS, (id, p) => new Valve(id, p));
