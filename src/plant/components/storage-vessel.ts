/**
 * Storage vessel: a cavern, a pressure tank or a liquid-CO2 tank, whose state (p, and T or a quality Q) is the
 * boundary of one steady state — a snapshot of charging (`receive`: the stream arrives at the vessel pressure) or
 * discharging (`supply`: the stream leaves at the vessel state). The vessel's own transient lies outside one steady
 * state; reported are the mass and volume rates at this instant (store-boundary.ts).
 */
import { PlantInputError } from '../errors.js';
import { declareComponent } from '../core/declaration.js';
import { STORE_BOUNDARY_PARAMETERS, StoreBoundary, type StoreBoundaryParams } from './store-boundary.js';

export type StorageVesselParams = StoreBoundaryParams;

export class StorageVessel extends StoreBoundary<StorageVesselParams> {
  readonly type = 'storage-vessel';

  constructor(id: string, params: StorageVesselParams) {
    super(id, params, STORE_BOUNDARY_PARAMETERS);
    this.init();
  }

  override validate(): void {
    super.validate();
    if (this.params.p === undefined) throw new PlantInputError(this.label, 'p', undefined, 'the vessel pressure in Pa');
    if (this.params.mode === 'supply' && this.params.T === undefined && this.params.Q === undefined) {
      throw new PlantInputError(this.label, 'T', undefined, 'the vessel temperature (or its quality Q when saturated) when it supplies the network');
    }
  }
}

export const STORAGE_VESSEL = declareComponent('storage-vessel', 'a pressure vessel or cavern supplying `out` or receiving at `in`', STORE_BOUNDARY_PARAMETERS, (id, p) => new StorageVessel(id, p));
