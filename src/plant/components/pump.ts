/**
 * Pump: a liquid (or liquid CO2, or a store liquid) raised in pressure from `in` to `out`, pr ≥ 1; the same
 * equations as a compressor (turbomachine.ts), with the isentropic end point from the medium's own s(p, h), which
 * for an incompressible liquid gives the familiar h_s − h_in = v Δp.
 */
import { declareComponent } from '../core/declaration.js';
import { COMPRESSION_PARAMETERS, Turbomachine, type TurbomachineParams } from './turbomachine.js';

export type PumpParams = TurbomachineParams;

export class Pump extends Turbomachine<PumpParams> {
  readonly type = 'pump';
  readonly expansion = false;

  constructor(id: string, params: PumpParams = {}) {
    super(id, params, COMPRESSION_PARAMETERS);
    this.init();
  }
}

export const PUMP = declareComponent('pump', 'a liquid raised in pressure from `in` to `out`', COMPRESSION_PARAMETERS, (id, p) => new Pump(id, p));
