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
import type { FluidSpec } from '../fluids/resolve.js';
import type { StreamFluid } from '../fluids/stream-fluid.js';
import { checkNumber, PlantInputError } from '../errors.js';
import { Component, type Builder, type ComponentReport, type Guess, type ReportContext } from '../core/component.js';
import { boundaryAccounting, boundaryMedium } from './boundary.js';
import { streamSpecEquations } from '../core/specs.js';

export interface TwoTankStoreParams {
  /** The store liquid (TVP1, T66, DowQ, NaK, or Water). */
  fluid: FluidSpec;
  /** Temperature of the supplying tank. Unit: K */
  T: number;
  /** Pressure at the supply. Unit: Pa */
  p: number;
  /** 'charge' (cold tank supplies, hot tank receives) or 'discharge'; a label for reports. */
  mode?: 'charge' | 'discharge';
}

export class TwoTankStore extends Component<TwoTankStoreParams> {
  readonly type = 'two-tank-store';
  private medium!: StreamFluid;

  constructor(id: string, params: TwoTankStoreParams) {
    super(id, params);
    this.validate();
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
    checkNumber(w, 'T', this.params.T, { min: 0, minOpen: true, unit: 'K' });
    checkNumber(w, 'p', this.params.p, { min: 0, minOpen: true, unit: 'Pa' });
    const mode = this.params.mode;
    if (mode !== undefined && mode !== 'charge' && mode !== 'discharge') throw new PlantInputError(w, 'mode', mode, "'charge' or 'discharge'");
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
