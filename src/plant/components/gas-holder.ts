/**
 * Gas holder: a dome (membrane or water-sealed) holding gas at near-constant pressure, the low-pressure store of a
 * CO2 battery. Pressure and temperature default to the dead state (a dome a little above ambient pressure is
 * given by `p`). Equations and reports as store-boundary.ts; `volumeRate` is the dome's volume change (m³/s, +
 * filling).
 */
import type { DeadState } from '../core/component.js';
import { declareComponent } from '../core/declaration.js';
import { STORE_BOUNDARY_PARAMETERS, StoreBoundary, type StoreBoundaryParams } from './store-boundary.js';

export type GasHolderParams = StoreBoundaryParams;

export class GasHolder extends StoreBoundary<GasHolderParams> {
  readonly type = 'gas-holder';

  constructor(id: string, params: GasHolderParams) {
    super(id, params, STORE_BOUNDARY_PARAMETERS);
    this.init();
  }

  protected override defaults(d: DeadState): { p?: number; T?: number } {
    return { p: d.p, T: d.T };
  }
}

export const GAS_HOLDER = declareComponent('gas-holder', 'a low-pressure gas store (dome) supplying `out` or receiving at `in`', STORE_BOUNDARY_PARAMETERS, (id, p) => new GasHolder(id, p));
