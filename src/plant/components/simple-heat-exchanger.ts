/**
 * Heater and cooler: one stream `in` → `out` gaining or losing heat to something outside the network — the ambient
 * or a named heat source or sink (`sink`, e.g. 'district heating', 'TES'), at temperature T_external.
 *   mass:      0 = m_out − m_in
 *   pressure:  0 = p_out − pr · p_in   (default pr = 1; 'free'; or dp: 0 = p_out − p_in + Δp)
 *   duty:      0 = m (h_out − h_in) ∓ Q   (Q the magnitude: added by a heater, removed by a cooler)
 * The heat's exergy is Q (1 − T0/T_external) (T_external defaults to the dead-state temperature: heat to or from
 * the ambient carries none). With T_external given, heat against it — a heater whose fluid gets hotter than
 * T_external, a cooler whose fluid gets colder — is a violation (violations.ts); without, a result that needs heat
 * hotter than the ambient is flagged in the notes.
 */
import { z } from 'zod';
import { PlantInputError } from '../errors.js';
import { declareComponent } from '../core/declaration.js';
import { freeRatioParameter, nameParameter, parameters, quantityParameter } from '../core/parameters.js';
import { Component, type Builder, type ComponentReport, type Guess, type OutsideHeat, type ProcessPath, type ReportContext } from '../core/component.js';
import { num, pressureRise, VIOLATION_TOLERANCES, watts, type Violation } from '../violations.js';
import { equality, pressureDrop, pressureRatio } from '../core/residuals.js';

/** A heater's (+1) or a cooler's (−1) parameters: the same keys, the heat's sense named in its message. */
function simpleParameters(direction: 1 | -1) {
  return parameters({
    pr: freeRatioParameter({ min: 0, max: 1, minOpen: true }, "Pressure ratio p_out/p_in (default 1; 'free'). Unit: -", 'p_out/p_in'),
    dp: quantityParameter('pressureDifference', { min: 0 }, 'Pressure drop, instead of pr. Unit: Pa'),
    Q: quantityParameter('power', { min: 0 }, `Heat ${direction > 0 ? 'added' : 'removed'}, a magnitude. Unit: W`, `the magnitude of the heat ${direction > 0 ? 'added' : 'removed'}`),
    T_external: quantityParameter('temperature', { min: 0, minOpen: true }, "Temperature of the outside heat source or sink (default: the dead state's). Unit: K"),
    sink: nameParameter("Name of the outside heat source or sink, for the network's heat totals ('ambient' when none)."),
  });
}

export const HEATER_PARAMETERS = simpleParameters(1);
export const COOLER_PARAMETERS = simpleParameters(-1);

export type SimpleHeatExchangerParams = z.output<typeof HEATER_PARAMETERS>;

abstract class SimpleHeatExchanger extends Component<SimpleHeatExchangerParams> {
  /** +1 heater, −1 cooler. */
  protected abstract readonly direction: 1 | -1;

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
    if (p.pr !== undefined && p.dp !== undefined) throw new PlantInputError(w, 'pr/dp', `${p.pr}/${p.dp}`, 'only one of pr and dp');
  }

  override equations(b: Builder): void {
    const i = b.port('in');
    const o = b.port('out');
    const s = b.scales;
    const p = () => this.params;
    b.add(equality('mass balance', i.m, o.m, () => s.m));
    if (p().dp !== undefined) b.add(pressureDrop('dp', i, o, () => p().dp as number, s));
    else if (p().pr !== 'free') b.add(pressureRatio('pr', i, o, () => (p().pr ?? 1) as number, s));
    if (p().Q !== undefined) {
      const target = () => this.direction * (p().Q as number);
      b.add({
        name: 'Q',
        vars: [i.m, i.h, o.h],
        residual: (e) => (e.m(i) * (e.h(o) - e.h(i)) - target()) / s.E,
        gradient: (e, g) => {
          g.add(i.m, (e.h(o) - e.h(i)) / s.E);
          g.add(i.h, -e.m(i) / s.E);
          g.add(o.h, e.m(i) / s.E);
        },
        solveFor: (e, v) => {
          if (v === o.h) return e.h(i) + target() / e.m(i);
          if (v === i.h) return e.h(o) - target() / e.m(i);
          if (v === i.m) return e.h(o) === e.h(i) ? undefined : target() / (e.h(o) - e.h(i));
          return undefined;
        },
      });
    }
  }

  override propagate(g: Guess): void {
    const p = this.params;
    if (Number.isFinite(g.m('in'))) g.setM('out', g.m('in'));
    if (Number.isFinite(g.m('out'))) g.setM('in', g.m('out'));
    g.setF('out', g.f('in'));
    if (p.dp !== undefined) {
      if (Number.isFinite(g.p('in'))) g.setP('out', g.p('in') - p.dp);
      if (Number.isFinite(g.p('out'))) g.setP('in', g.p('out') + p.dp);
    } else if (p.pr !== 'free') {
      const r = (p.pr ?? 1) as number;
      if (Number.isFinite(g.p('in'))) g.setP('out', g.p('in') * r);
      if (Number.isFinite(g.p('out'))) g.setP('in', g.p('out') / r);
    }
    if (p.Q !== undefined && Number.isFinite(g.h('in')) && Number.isFinite(g.m('in')) && g.m('in') !== 0) {
      g.setH('out', g.h('in') + (this.direction * p.Q) / g.m('in'));
    }
    if (g.late && Number.isFinite(g.T('in'))) g.setT('out', g.T('in') + this.direction * 10);
  }

  override paths(): readonly ProcessPath[] {
    return [{ from: 'in', to: 'out', kind: 'linear' }];
  }

  override report(r: ReportContext): ComponentReport {
    const e = r.e;
    const i = r.ref('in');
    const o = r.ref('out');
    const m = e.m(i);
    const Q = m * (e.h(o) - e.h(i));
    const T0 = r.deadState.T;
    const Text = this.params.T_external ?? T0;
    const heatExergy = Q * (1 - T0 / Text);
    const exergyDestruction = heatExergy + m * (r.exergy('in') - r.exergy('out'));
    const notes: string[] = [];
    if (Q * this.direction < 0) notes.push(`a ${this.type} with heat flowing the other way: Q = ${Q} W`);
    const scale = Math.abs(Q) + Math.abs(m * r.exergy('in'));
    if (this.params.T_external === undefined && exergyDestruction < -1e-9 * scale) {
      notes.push(
        `the heat would have to come from above T_external = ${Text} K (negative exergy destruction ${exergyDestruction.toExponential(3)} W): set T_external to the temperature of the real source or sink`,
      );
    }
    return {
      id: this.id,
      type: this.type,
      Q,
      pr: e.p(o) / e.p(i),
      exergyDestruction,
      values: { T_external: Text },
      notes,
      accounting: { work: 0, electric: 0, heat: Q, heatExergy, mass: 0, energy: 0, exergy: 0 },
    };
  }

  /**
   * A pressure rise; with T_external given, heat against it: heat comes in from a source at T_external only while
   * the fluid is colder (every temperature along the way, so both ends, ≤ T_external), and goes out to a sink at
   * T_external only while the fluid is hotter — which also keeps the entropy generation m Δs − Q/T_external ≥ 0.
   * The default T_external (the ambient) stands for a source or sink not described, so it is not held against the
   * heat (the notes say when the heat would need one hotter).
   */
  override violations(r: ReportContext): readonly Violation[] {
    const out: Violation[] = [];
    const i = r.ref('in');
    const o = r.ref('out');
    const rise = pressureRise('pr', `the ${this.type}`, r.e.p(i), r.e.p(o));
    if (rise) out.push(rise);
    const Text = this.params.T_external;
    const Q = r.e.m(i) * (r.e.h(o) - r.e.h(i));
    if (Text === undefined || Q === 0) return out;
    const [Tin, Tout] = [r.e.state(i).T, r.e.state(o).T];
    const tol = VIOLATION_TOLERANCES.temperature;
    const heating = Q > 0;
    const [T, end] = heating ? (Tout >= Tin ? [Tout, 'T_out'] : [Tin, 'T_in']) : Tout <= Tin ? [Tout, 'T_out'] : [Tin, 'T_in'];
    if (heating ? T > Text + tol : T < Text - tol) {
      const sensible = `${end} ${heating ? '≤' : '≥'} T_external = ${num(Text)} K`;
      out.push({
        kind: 'heat-against-temperature',
        quantity: end,
        value: T,
        unit: 'K',
        sensible,
        message: heating
          ? `takes in Q = ${watts(Q)} from a source at T_external = ${num(Text)} K, yet the fluid reaches ${end} = ${num(T)} K: heat cannot flow from a colder source (sensible: ${sensible}, or T_external the temperature of the real source)`
          : `rejects Q = ${watts(-Q)} to a sink at T_external = ${num(Text)} K, yet the fluid reaches ${end} = ${num(T)} K: heat cannot flow into a hotter sink (sensible: ${sensible}, or T_external the temperature of the real sink)`,
      });
    }
    return out;
  }

  /** The named outside source or sink ('ambient' when none is named). */
  sinkName(): string {
    return this.params.sink ?? 'ambient';
  }

  override outsideHeat(report: ComponentReport): readonly OutsideHeat[] {
    return [{ sink: this.sinkName(), Q: report.Q ?? 0 }];
  }
}

export class Heater extends SimpleHeatExchanger {
  readonly type = 'heater';
  protected readonly direction = 1 as const;

  constructor(id: string, params: SimpleHeatExchangerParams = {}) {
    super(id, params, HEATER_PARAMETERS);
    this.init();
  }
}

export class Cooler extends SimpleHeatExchanger {
  readonly type = 'cooler';
  protected readonly direction = -1 as const;

  constructor(id: string, params: SimpleHeatExchangerParams = {}) {
    super(id, params, COOLER_PARAMETERS);
    this.init();
  }
}

export { SimpleHeatExchanger };

export const HEATER = declareComponent('heater', 'heat added to a stream from `in` to `out`', HEATER_PARAMETERS, (id, p) => new Heater(id, p));
export const COOLER = declareComponent('cooler', 'heat removed from a stream from `in` to `out`', COOLER_PARAMETERS, (id, p) => new Cooler(id, p));
