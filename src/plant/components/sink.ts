/**
 * Sink: where a fluid leaves the network through `in` (to the ambient, a stack, a drain). `ambient: true` fixes the
 * pressure at the dead state's.
 *   ambient:  0 = p − p0
 */
import { z } from 'zod';
import { declareComponent } from '../core/declaration.js';
import { flagParameter, parameters } from '../core/parameters.js';
import { Component, type Builder, type ComponentReport, type Guess, type ReportContext } from '../core/component.js';
import { boundaryAccounting } from './boundary.js';
import { streamSpecEquations } from '../core/specs.js';

export const SINK_PARAMETERS = parameters({
  ambient: flagParameter('Discharge at the dead-state pressure.'),
});

export type SinkParams = z.output<typeof SINK_PARAMETERS>;

export class Sink extends Component<SinkParams> {
  readonly type = 'sink';

  constructor(id: string, params: SinkParams = {}) {
    super(id, params, SINK_PARAMETERS);
    this.init();
  }

  inlets(): readonly string[] {
    return ['in'];
  }

  outlets(): readonly string[] {
    return [];
  }

  override validate(): void {}

  override equations(b: Builder): void {
    if (this.params.ambient) for (const eq of streamSpecEquations(b.port('in'), () => ({ p: b.deadState.p }), b.scales)) b.add(eq);
  }

  override propagate(g: Guess): void {
    if (this.params.ambient) g.setP('in', g.deadState.p);
  }

  override report(r: ReportContext): ComponentReport {
    return { id: this.id, type: this.type, exergyDestruction: 0, values: {}, notes: [], accounting: boundaryAccounting(r, [], ['in']) };
  }
}

export const SINK = declareComponent('sink', 'where a fluid leaves the network (port `in`)', SINK_PARAMETERS, (id, p) => new Sink(id, p));
