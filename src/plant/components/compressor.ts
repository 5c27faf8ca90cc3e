/**
 * Compressor: a gas compressed from `in` to `out` (TurbomachineParams and equations in turbomachine.ts), pr ≥ 1.
 * Power is drawn: P = m (h_out − h_in) > 0, P_el = P/(η_mech η_el).
 */
import { declareComponent } from '../core/declaration.js';
import { COMPRESSION_PARAMETERS, Turbomachine, type TurbomachineParams } from './turbomachine.js';

export type CompressorParams = TurbomachineParams;

export class Compressor extends Turbomachine<CompressorParams> {
  readonly type = 'compressor';
  readonly expansion = false;

  constructor(id: string, params: CompressorParams = {}) {
    super(id, params, COMPRESSION_PARAMETERS);
    this.init();
  }
}

export const COMPRESSOR = declareComponent('compressor', 'a gas compressed from `in` to `out`', COMPRESSION_PARAMETERS, (id, p) => new Compressor(id, p));
