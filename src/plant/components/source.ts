/**
 * Source: where a fluid enters the network through `out`. Its state and flow are specifications on the outgoing
 * stream (m, p, T …); `ambient: true` fixes p and T at the dead state (air drawn from the surroundings).
 *   ambient:  0 = p − p0,  0 = T − T0
 */
import type { FluidSpec } from '../fluids/resolve.js';
import type { StreamFluid } from '../fluids/stream-fluid.js';
import { PlantInputError } from '../errors.js';
import { Component, type Builder, type ComponentReport, type Guess, type ReportContext } from '../core/component.js';
import { boundaryAccounting, boundaryMedium } from './boundary.js';
import { streamSpecEquations } from '../core/specs.js';

export interface SourceParams {
  /** The fluid that enters. */
  fluid: FluidSpec;
  /** Take p and T from the dead state (the ambient). */
  ambient?: boolean;
}

export class Source extends Component<SourceParams> {
  readonly type = 'source';
  private medium!: StreamFluid;

  constructor(id: string, params: SourceParams) {
    super(id, params);
    this.validate();
  }

  inlets(): readonly string[] {
    return [];
  }

  outlets(): readonly string[] {
    return ['out'];
  }

  override validate(): void {
    this.medium = boundaryMedium(this.label, this.params.fluid);
    if (this.params.ambient !== undefined && typeof this.params.ambient !== 'boolean') throw new PlantInputError(this.label, 'ambient', this.params.ambient, 'true or false');
  }

  override signature(): string {
    return `${super.signature()}|${this.medium.name}|${this.params.ambient === true}`;
  }

  override boundaryFluid(): StreamFluid {
    return this.medium;
  }

  override equations(b: Builder): void {
    if (this.params.ambient) for (const eq of streamSpecEquations(b.port('out'), () => ({ p: b.deadState.p, T: b.deadState.T }), b.scales)) b.add(eq);
  }

  override propagate(g: Guess): void {
    if (this.params.ambient) {
      g.setP('out', g.deadState.p);
      g.setT('out', g.deadState.T);
    }
  }

  override report(r: ReportContext): ComponentReport {
    return { id: this.id, type: this.type, exergyDestruction: 0, values: {}, notes: [], accounting: boundaryAccounting(r, ['out'], []) };
  }
}
