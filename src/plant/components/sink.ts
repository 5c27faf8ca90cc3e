/**
 * Sink: where a fluid leaves the network through `in` (to the ambient, a stack, a drain). `ambient: true` fixes the
 * pressure at the dead state's.
 *   ambient:  0 = p − p0
 */
import { PlantInputError } from '../errors.js';
import { Component, type Builder, type ComponentReport, type Guess, type ReportContext } from '../core/component.js';
import { boundaryAccounting } from './boundary.js';
import { streamSpecEquations } from '../core/specs.js';

export interface SinkParams {
  /** Discharge at the dead-state pressure. */
  ambient?: boolean;
}

export class Sink extends Component<SinkParams> {
  readonly type = 'sink';

  constructor(id: string, params: SinkParams = {}) {
    super(id, params);
    this.validate();
  }

  inlets(): readonly string[] {
    return ['in'];
  }

  outlets(): readonly string[] {
    return [];
  }

  override validate(): void {
    if (this.params.ambient !== undefined && typeof this.params.ambient !== 'boolean') throw new PlantInputError(this.label, 'ambient', this.params.ambient, 'true or false');
  }

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
