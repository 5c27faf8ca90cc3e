/**
 * Source: where a fluid enters the network through `out`. Its state and flow are specifications on the outgoing
 * stream (m, p, T …); `ambient: true` fixes p and T at the dead state (air drawn from the surroundings).
 *   ambient:  0 = p − p0,  0 = T − T0
 */
import type { StreamFluid } from '../fluids/stream-fluid.js';
import { z } from 'zod';
import { declareComponent } from '../core/declaration.js';
import { flagParameter, fluidParameter, parameters } from '../core/parameters.js';
import { Component, type Builder, type ComponentReport, type Guess, type ReportContext } from '../core/component.js';
import { boundaryAccounting, boundaryMedium } from './boundary.js';
import { streamSpecEquations } from '../core/specs.js';

export const SOURCE_PARAMETERS = parameters({
  fluid: fluidParameter('The fluid that enters.'),
  ambient: flagParameter('Take p and T from the dead state (the ambient).'),
});

export type SourceParams = z.output<typeof SOURCE_PARAMETERS>;

export class Source extends Component<SourceParams> {
  readonly type = 'source';
  private medium!: StreamFluid;

  constructor(id: string, params: SourceParams) {
    super(id, params, SOURCE_PARAMETERS);
    this.init();
  }

  inlets(): readonly string[] {
    return [];
  }

  outlets(): readonly string[] {
    return ['out'];
  }

  override validate(): void {
    this.medium = boundaryMedium(this.label, this.params.fluid);
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

export const SOURCE = declareComponent('source', 'where a fluid enters the network (port `out`)', SOURCE_PARAMETERS, (id, p) => new Source(id, p));
