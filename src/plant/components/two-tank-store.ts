/**
 * Two-tank sensible thermal store, as its port to the plant: the store liquid leaves one tank through `supply`
 * (the cold tank when charging, the hot tank when discharging) at the tank's temperature and pressure, passes the
 * heat exchangers, and returns through `return` into the other tank:
 *   0 = T_supply − T,   0 = p_supply − p
 * The mass that leaves one tank enters the other by the network's own mass balances, so the store adds no mass
 * equation (it would be redundant around the loop).
 * Reported: the heat taken into the store, Q = m (h_return − h_supply) (+ charging), the return (other tank's)
 * temperature, the volume flows at both tanks, and the exergy stored per second. Pressurised water ('Water') comes
 * from its equation of state; a state that is not liquid in either tank is flagged.
 */
import type { StreamFluid } from '../fluids/stream-fluid.js';
import { z } from 'zod';
import { declareComponent } from '../core/declaration.js';
import { choiceParameter, fluidParameter, parameters, requiredQuantity } from '../core/parameters.js';
import { Component, type Builder, type ComponentReport, type Guess, type ReportContext } from '../core/component.js';
import { boundaryAccounting, boundaryMedium } from './boundary.js';
import { streamSpecEquations } from '../core/specs.js';

export const TWO_TANK_STORE_PARAMETERS = parameters({
  fluid: fluidParameter('The store liquid (TVP1, T66, DowQ, NaK, or Water).'),
  T: requiredQuantity('temperature', { min: 0, minOpen: true }, 'Temperature of the supplying tank. Unit: K'),
  p: requiredQuantity('pressure', { min: 0, minOpen: true }, 'Pressure at the supply. Unit: Pa'),
  mode: choiceParameter(['charge', 'discharge'], "'charge' (cold tank supplies, hot tank receives) or 'discharge'; a label for reports."),
});

export type TwoTankStoreParams = z.output<typeof TWO_TANK_STORE_PARAMETERS>;

export class TwoTankStore extends Component<TwoTankStoreParams> {
  readonly type = 'two-tank-store';
  private medium!: StreamFluid;

  constructor(id: string, params: TwoTankStoreParams) {
    super(id, params, TWO_TANK_STORE_PARAMETERS);
    this.init();
  }

  inlets(): readonly string[] {
    return ['return'];
  }

  outlets(): readonly string[] {
    return ['supply'];
  }

  override validate(): void {
    const w = this.label;
    this.medium = boundaryMedium(w, this.params.fluid);
  }

  override signature(): string {
    return `${super.signature()}|${this.medium.name}`;
  }

  override boundaryFluid(): StreamFluid {
    return this.medium;
  }

  override equations(b: Builder): void {
    const s = b.port('supply');
    for (const eq of streamSpecEquations(s, () => ({ T: this.params.T, p: this.params.p }), b.scales)) b.add(eq);
  }

  override propagate(g: Guess): void {
    g.setP('supply', this.params.p);
    g.setT('supply', this.params.T);
    if (Number.isFinite(g.m('supply'))) g.setM('return', g.m('supply'));
    if (Number.isFinite(g.m('return'))) g.setM('supply', g.m('return'));
  }

  override report(r: ReportContext): ComponentReport {
    const e = r.e;
    const s = r.ref('supply');
    const ret = r.ref('return');
    const m = e.m(s);
    const stS = e.state(s);
    const stR = e.state(ret);
    // a store liquid from an equation of state (pressurised water) must stay liquid in both tanks
    const notes = [stS, stR]
      .filter((st) => st.phase !== 'liquid' && st.phase !== 'supercritical_liquid')
      .map((st) => `the store medium is ${st.phase} at ${st.T.toFixed(2)} K and ${st.p.toPrecision(6)} Pa, not liquid: raise the store pressure`);
    return {
      id: this.id,
      type: this.type,
      Q: m * (e.h(ret) - e.h(s)),
      exergyDestruction: 0,
      values: {
        T_supply: stS.T,
        T_return: stR.T,
        massRate: m,
        volumeRateSupply: m / stS.rho,
        volumeRateReturn: m / stR.rho,
        exergyStored: m * (r.exergy('return') - r.exergy('supply')),
      },
      notes,
      accounting: boundaryAccounting(r, ['supply'], ['return']),
    };
  }
}

export const TWO_TANK_STORE = declareComponent('two-tank-store', 'a hot and a cold tank of a store liquid: one supplies `out`, the other receives at `in`', TWO_TANK_STORE_PARAMETERS, (id, p) => new TwoTankStore(id, p));
