/**
 * Pump: a liquid (or liquid CO2, or a store liquid) raised in pressure from `in` to `out`, pr ≥ 1; the same
 * equations as a compressor (turbomachine.ts), with the isentropic end point from the medium's own s(p, h), which
 * for an incompressible liquid gives the familiar h_s − h_in = v Δp.
 */
import { Turbomachine, type TurbomachineParams } from './turbomachine.js';

export type PumpParams = TurbomachineParams;

export class Pump extends Turbomachine<PumpParams> {
  readonly type = 'pump';
  readonly expansion = false;

  constructor(id: string, params: PumpParams = {}) {
    super(id, params);
    this.validate();
  }
}
