/**
 * Combustor: fuel (`fuel`) burnt completely in an oxidiser (`air`: air, or flue gas still holding oxygen for a
 * reheat) to flue gas (`out`), adiabatic, with a pressure loss. The flue gas is the combustion-gas family of its fuel
 * and oxidiser (fluids/combustion-gas.ts) whose composition variable f — kg of fuel burnt per kg — this component
 * sets; downstream components carry it.
 *   mass:         0 = m_out − m_air − m_fuel
 *   composition:  0 = m_out f_out − m_air f_air − m_fuel           (f_air = 0 for fresh air)
 *   energy:       0 = m_air h_abs,air + m_fuel h_abs,fuel − m_out h_out
 *   pressure:     0 = p_out − pr · p_air   (default pr = 1; or dp)
 *   lambda:       0 = f_out − f(λ)   (optional; λ = O2 supplied / O2 needed)
 * h_abs is the enthalpy on the formation basis (elements at 298.15 K: h = 0): a real-gas inlet (Air or Methane from
 * their equations of state) is matched to its ideal-gas counterpart in the dilute gas at 298.15 K, so the real-gas
 * departure of the inlet counts and the balance stays exact; only the flue gas is an ideal-gas mixture (NASA-7
 * data), which is what a real-gas model gives to within its departure at the combustor's pressure (≤ 0.1 % of the
 * sensible enthalpy at 10 bar and 1500 K). The outlet temperature or the fuel flow is a stream specification.
 * Reported: λ, the thermal input m_fuel · LHV (298.15 K, from the same data) and the fuel's chemical exergy.
 */
import { heatingValues, type IdealGasMixture } from '../../fluids/idealgas/index.js';
import { CombustionGas } from '../fluids/combustion-gas.js';
import type { StreamFluid } from '../fluids/stream-fluid.js';
import { uniqueVars, type GradientSink, type PortRef } from '../core/equation.js';
import type { Evaluator } from '../core/evaluator.js';
import { z } from 'zod';
import { PlantInputError } from '../errors.js';
import { declareComponent } from '../core/declaration.js';
import { parameters, quantityParameter } from '../core/parameters.js';
import { Component, type Builder, type ComponentReport, type Guess, type ReportContext } from '../core/component.js';
import { pressureDrop, pressureRatio } from '../core/residuals.js';

export const COMBUSTOR_PARAMETERS = parameters({
  pr: quantityParameter('fraction', { min: 0, max: 1, minOpen: true }, 'Pressure ratio p_out/p_air (default 1). Unit: -', 'p_out/p_air'),
  dp: quantityParameter('pressureDifference', { min: 0 }, 'Pressure drop, instead of pr. Unit: Pa'),
  lambda: quantityParameter('fraction', { min: 1 }, 'Air ratio λ = O2 supplied / O2 needed (a specification instead of the outlet temperature or fuel flow). Unit: -', 'complete combustion needs λ ≥ 1'),
});

export type CombustorParams = z.output<typeof COMBUSTOR_PARAMETERS>;

const families: CombustionGas[] = [];

/** One flue-gas family per fuel and oxidiser, shared by every combustor that burns them. */
function family(fuel: IdealGasMixture, oxidiser: IdealGasMixture, fuelName: string, oxidiserName: string): CombustionGas {
  const made = new CombustionGas(fuel, oxidiser, fuelName, oxidiserName);
  const hit = families.find((f) => f.sameAs(made));
  if (hit) return hit;
  families.push(made);
  return made;
}

export class Combustor extends Component<CombustorParams> {
  readonly type = 'combustor';

  constructor(id: string, params: CombustorParams = {}) {
    super(id, params, COMBUSTOR_PARAMETERS);
    this.init();
  }

  inlets(): readonly string[] {
    return ['air', 'fuel'];
  }

  outlets(): readonly string[] {
    return ['out'];
  }

  override validate(): void {
    const w = this.label;
    const p = this.params;
    if (p.pr !== undefined && p.dp !== undefined) throw new PlantInputError(w, 'pr/dp', `${p.pr}/${p.dp}`, 'only one of pr and dp');
  }

  override derivedFluid(port: string, inlet: (port: string) => StreamFluid | undefined): StreamFluid | undefined {
    if (port !== 'out') return undefined;
    const air = inlet('air');
    const fuel = inlet('fuel');
    if (!air || !fuel) return undefined;
    const fuelMix = fuel.reactionMixture(0);
    if (!fuelMix) throw new PlantInputError(this.label, 'fuel', fuel.name, 'a gaseous fuel (Methane, or an ideal-gas mixture of CH4, C2H6, C3H8, H2, CO with inerts)');
    try {
      if (air instanceof CombustionGas) {
        const again = family(fuelMix, air.oxidiser, fuel.name, air.name);
        if (again !== air) throw new PlantInputError(this.label, 'fuel', fuel.name, `the fuel already burnt upstream in ${air.name} (a reheat burns the same fuel)`);
        return air;
      }
      const oxMix = air.reactionMixture(0);
      if (!oxMix) throw new PlantInputError(this.label, 'air', air.name, 'an oxidiser gas (Air, Oxygen, or an ideal-gas mixture with O2)');
      return family(fuelMix, oxMix, fuel.name, air.name);
    } catch (error) {
      if (error instanceof PlantInputError) throw error;
      throw new PlantInputError(this.label, 'fuel/air', `${fuel.name}/${air.name}`, (error as Error).message);
    }
  }

  override equations(b: Builder): void {
    const a = b.port('air');
    const fu = b.port('fuel');
    const o = b.port('out');
    const s = b.scales;
    const gas = o.fluid as CombustionGas;
    b.add({
      name: 'mass balance',
      spec: false,
      vars: [a.m, fu.m, o.m],
      residual: (e) => (e.m(o) - e.m(a) - e.m(fu)) / s.m,
      gradient: (_e, g) => {
        g.add(o.m, 1 / s.m);
        g.add(a.m, -1 / s.m);
        g.add(fu.m, -1 / s.m);
      },
      solveFor: (e, v) => (v === o.m ? e.m(a) + e.m(fu) : v === a.m ? e.m(o) - e.m(fu) : e.m(o) - e.m(a)),
    });
    b.add(this.compositionEquation(a, fu, o, b));
    b.add(this.energyEquation(a, fu, o, b));
    if (this.params.dp !== undefined) b.add(pressureDrop('dp', a, o, () => this.params.dp as number, s));
    else b.add(pressureRatio('pr', a, o, () => this.params.pr ?? 1, s));
    if (this.params.lambda !== undefined) {
      const fOf = () => 1 / (1 + ((this.params.lambda as number) * (1 - gas.fStoichiometric)) / gas.fStoichiometric);
      b.add({
        name: 'lambda',
        vars: [o.f],
        residual: (e) => (e.f(o) - fOf()) / 0.01,
        gradient: (_e, g) => g.add(o.f, 100),
        solveFor: () => fOf(),
      });
    }
  }

  private compositionEquation(a: PortRef, fu: PortRef, o: PortRef, b: Builder) {
    const s = b.scales;
    return {
      name: 'composition',
      spec: false,
      vars: uniqueVars([o.m, o.f, a.m, fu.m], a.f >= 0 ? [a.f] : []),
      residual: (e: Evaluator) => (e.m(o) * e.f(o) - e.m(a) * e.f(a) - e.m(fu)) / s.m,
      gradient: (e: Evaluator, g: GradientSink) => {
        g.add(o.m, e.f(o) / s.m);
        g.add(o.f, e.m(o) / s.m);
        g.add(a.m, -e.f(a) / s.m);
        if (a.f >= 0) g.add(a.f, -e.m(a) / s.m);
        g.add(fu.m, -1 / s.m);
      },
      solveFor: (e: Evaluator, v: number) => {
        if (v === o.f) return e.m(o) === 0 ? undefined : (e.m(a) * e.f(a) + e.m(fu)) / e.m(o);
        if (v === fu.m) return e.m(o) * e.f(o) - e.m(a) * e.f(a);
        return undefined;
      },
    };
  }

  private energyEquation(a: PortRef, fu: PortRef, o: PortRef, b: Builder) {
    const s = b.scales;
    const offset = (port: PortRef, e: Evaluator) => {
      const off = port.fluid.formationOffset(e.f(port));
      if (off === undefined) throw new PlantInputError(this.label, 'inlet', port.fluid.name, 'a medium with an ideal-gas counterpart');
      return off;
    };
    return {
      name: 'energy balance',
      spec: false,
      vars: [a.m, a.h, fu.m, fu.h, o.m, o.h],
      residual: (e: Evaluator) => (e.m(a) * (e.h(a) + offset(a, e)) + e.m(fu) * (e.h(fu) + offset(fu, e)) - e.m(o) * e.h(o)) / s.E,
      gradient: (e: Evaluator, g: GradientSink) => {
        g.add(a.m, (e.h(a) + offset(a, e)) / s.E);
        g.add(a.h, e.m(a) / s.E);
        g.add(fu.m, (e.h(fu) + offset(fu, e)) / s.E);
        g.add(fu.h, e.m(fu) / s.E);
        g.add(o.m, -e.h(o) / s.E);
        g.add(o.h, -e.m(o) / s.E);
      },
      solveFor: (e: Evaluator, v: number) => {
        const Ha = e.m(a) * (e.h(a) + offset(a, e));
        const Hf = e.m(fu) * (e.h(fu) + offset(fu, e));
        const Ho = e.m(o) * e.h(o);
        if (v === o.h) return (Ha + Hf) / e.m(o);
        if (v === fu.m) return (Ho - Ha) / (e.h(fu) + offset(fu, e));
        if (v === a.m) return (Ho - Hf) / (e.h(a) + offset(a, e));
        if (v === o.m) return (Ha + Hf) / e.h(o);
        return undefined;
      },
    };
  }

  override propagate(g: Guess): void {
    const [ma, mf, mo] = [g.m('air'), g.m('fuel'), g.m('out')];
    if (Number.isFinite(ma) && Number.isFinite(mf)) g.setM('out', ma + mf);
    if (Number.isFinite(mo) && Number.isFinite(mf)) g.setM('air', mo - mf);
    if (Number.isFinite(ma) && Number.isFinite(mo)) g.setM('fuel', mo - ma);
    const pr = this.params.pr ?? 1;
    const dp = this.params.dp;
    if (Number.isFinite(g.p('air'))) g.setP('out', dp !== undefined ? g.p('air') - dp : g.p('air') * pr);
    if (Number.isFinite(g.p('out'))) g.setP('air', dp !== undefined ? g.p('out') + dp : g.p('out') / pr);
    const gas = g.fluid('out') as CombustionGas;
    if (this.params.lambda !== undefined) g.setF('out', 1 / (1 + (this.params.lambda * (1 - gas.fStoichiometric)) / gas.fStoichiometric));
    if (Number.isFinite(ma) && Number.isFinite(mf) && ma + mf > 0) g.setF('out', (ma * (Number.isFinite(g.f('air')) ? g.f('air') : 0) + mf) / (ma + mf));
    if (g.late) {
      // a lean gas-turbine combustor: λ ≈ 2.5, about 1100–1500 K
      g.setF('out', 1 / (1 + (2.5 * (1 - gas.fStoichiometric)) / gas.fStoichiometric));
      g.setT('out', 1400);
      if (Number.isFinite(g.m('air')) && Number.isFinite(g.f('out'))) g.setM('fuel', (g.m('air') * g.f('out')) / (1 - g.f('out')));
    }
  }

  /** The adiabatic flame temperature at λ = 1 for the present inlet states: no outlet can be hotter. */
  override diagnose(e: Evaluator, port: (name: string) => PortRef): string | undefined {
    const a = port('air');
    const fu = port('fuel');
    const o = port('out');
    const gas = o.fluid as CombustionGas;
    try {
      const fa = e.f(a);
      const fSt = gas.fStoichiometric;
      // per kg of oxidiser stream: fuel to reach f_st at the outlet, (f_st − f_a)/(1 − f_st) kg
      const r = (fSt - fa) / (1 - fSt);
      const hOut = (e.h(a) + (a.fluid.formationOffset(fa) ?? 0) + r * (e.h(fu) + (fu.fluid.formationOffset(0) ?? 0))) / (1 + r);
      const T = gas.mixtureAt(fSt).T_hMass(hOut);
      return `${this.label}: the adiabatic flame temperature at λ = 1 for these inlets is ${T.toFixed(1)} K; no outlet can be hotter (rich combustion is not modelled)`;
    } catch {
      return undefined;
    }
  }

  override report(r: ReportContext): ComponentReport {
    const e = r.e;
    const a = r.ref('air');
    const fu = r.ref('fuel');
    const o = r.ref('out');
    const gas = o.fluid as CombustionGas;
    const fuelMix = fu.fluid.reactionMixture(0) as IdealGasMixture;
    const lhv = heatingValues(fuelMix).lhvMass;
    const mf = e.m(fu);
    const lambda = gas.lambda(e.f(o));
    const notes: string[] = [];
    if (lambda < 1) notes.push(`rich combustion (λ = ${lambda}) is outside the complete-combustion model`);
    const exergyDestruction = e.m(a) * r.exergy('air') + mf * r.exergy('fuel') - e.m(o) * r.exergy('out');
    return {
      id: this.id,
      type: this.type,
      pr: e.p(o) / e.p(a),
      exergyDestruction,
      values: { lambda, thermalInput: mf * lhv, LHV: lhv, fuelFraction: e.f(o), T_out: e.state(o).T },
      notes,
      accounting: { work: 0, electric: 0, heat: 0, heatExergy: 0, mass: 0, energy: 0, exergy: 0 },
    };
  }
}

export const COMBUSTOR = declareComponent('combustor', 'a fuel (`fuel`) burnt in air (`in`) to flue gas (`out`)', COMBUSTOR_PARAMETERS, (id, p) => new Combustor(id, p));
