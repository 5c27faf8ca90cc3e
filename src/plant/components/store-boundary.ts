/**
 * A store seen by one steady state: a boundary whose state is the store's (a gas holder's dome, a cavern, a tank),
 * either supplying the network through `out` or receiving from it through `in`.
 *   supply:   0 = p − p_store,  0 = T − T_store  (or 0 = h − h(p, Q) for a saturated store)
 *   receive:  0 = p − p_store   (the stream arrives at the store pressure; its temperature is its own)
 * Reported: the mass and volume flow (at the store state) in or out — the store's rate of change at this instant.
 */
import { StreamState, type StreamFluid } from '../fluids/stream-fluid.js';
import { z } from 'zod';
import { PlantInputError } from '../errors.js';
import { fluidParameter, parameters, quantityParameter, requiredChoice } from '../core/parameters.js';
import { Component, type Builder, type ComponentReport, type DeadState, type Guess, type ReportContext } from '../core/component.js';
import { boundaryAccounting, boundaryMedium } from './boundary.js';
import { qualityEnthalpy, streamSpecEquations, type StreamSpecs } from '../core/specs.js';

export const STORE_BOUNDARY_PARAMETERS = parameters({
  fluid: fluidParameter('The stored medium.'),
  mode: requiredChoice(['supply', 'receive'], "'supply' (the store gives fluid, port `out`) or 'receive' (port `in`)."),
  p: quantityParameter('pressure', { min: 0, minOpen: true }, 'Store pressure. Unit: Pa'),
  T: quantityParameter('temperature', { min: 0, minOpen: true }, 'Store temperature. Unit: K'),
  Q: quantityParameter('fraction', { min: 0, max: 1 }, 'Vapour quality of a saturated store (0: saturated liquid). Unit: -'),
});

export type StoreBoundaryParams = z.output<typeof STORE_BOUNDARY_PARAMETERS>;

export abstract class StoreBoundary<P extends StoreBoundaryParams = StoreBoundaryParams> extends Component<P> {
  protected medium!: StreamFluid;

  inlets(): readonly string[] {
    return this.params.mode === 'receive' ? ['in'] : [];
  }

  outlets(): readonly string[] {
    return this.params.mode === 'receive' ? [] : ['out'];
  }

  protected get port(): string {
    return this.params.mode === 'receive' ? 'in' : 'out';
  }

  /** Pressure and temperature when not given (gas holders default to the dead state). */
  protected defaults(_d: DeadState): { p?: number; T?: number } {
    return {};
  }

  override validate(): void {
    const w = this.label;
    const p = this.params;
    this.medium = boundaryMedium(w, p.fluid);
    if (p.Q !== undefined && p.T !== undefined) throw new PlantInputError(w, 'T/Q', `${p.T}/${p.Q}`, 'only one of T and Q (a saturated store has the temperature of its pressure)');
  }

  override signature(): string {
    return `${super.signature()}|${this.medium.name}|${this.params.mode}`;
  }

  override boundaryFluid(): StreamFluid {
    return this.medium;
  }

  /** The specifications this store imposes on its stream. */
  protected imposed(d: DeadState): StreamSpecs {
    const p = this.params;
    const def = this.defaults(d);
    const pressure = p.p ?? def.p;
    if (p.mode === 'receive') return pressure === undefined ? {} : { p: pressure };
    const T = p.T ?? (p.Q === undefined ? def.T : undefined);
    return { ...(pressure !== undefined ? { p: pressure } : {}), ...(T !== undefined ? { T } : {}), ...(p.Q !== undefined ? { Q: p.Q } : {}) };
  }

  override equations(b: Builder): void {
    for (const eq of streamSpecEquations(b.port(this.port), () => this.imposed(b.deadState), b.scales)) b.add(eq);
  }

  override propagate(g: Guess): void {
    const s = this.imposed(g.deadState);
    if (s.p !== undefined) g.setP(this.port, s.p);
    if (s.T !== undefined) g.setT(this.port, s.T);
  }

  override report(r: ReportContext): ComponentReport {
    const e = r.e;
    const ref = r.ref(this.port);
    const m = e.m(ref);
    const sign = this.params.mode === 'receive' ? 1 : -1;
    const values: Record<string, number> = { massRate: sign * m };
    // volume at the store's own state where it is known, else at the stream's
    const st = new StreamState();
    const p = this.params;
    let rho = e.state(ref).rho;
    try {
      const pressure = p.p ?? e.p(ref);
      if (p.T !== undefined) {
        ref.fluid.hTP(p.T, pressure, e.f(ref), st);
        rho = st.rho;
      } else if (p.Q !== undefined) {
        ref.fluid.evaluate(pressure, qualityEnthalpy(ref, pressure, p.Q), e.f(ref), st);
        rho = st.rho;
      }
    } catch {
      // the stream's density stands in
    }
    values.volumeRate = (sign * m) / rho;
    return {
      id: this.id,
      type: this.type,
      exergyDestruction: 0,
      values,
      notes: [],
      accounting: this.params.mode === 'receive' ? boundaryAccounting(r, [], ['in']) : boundaryAccounting(r, ['out'], []),
    };
  }
}
