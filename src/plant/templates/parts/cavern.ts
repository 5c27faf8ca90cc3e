/**
 * The air store of a CAES plant: a salt cavern (constant volume, sliding pressure; walls at the rock temperature)
 * or a water-compensated store (constant pressure). Its parameters, its store (transient/stores.ts) with the air
 * mass between its limits, and the storage-vessel component it is in each mode's network, with its per-step
 * boundary (its pressure, and in discharge the temperature of the air it supplies).
 *
 * Wall heat transfer: a constant coefficient over the cavern's wall (n cylinders of the given height-to-diameter
 * ratio: mantle and both ends) to rock at a constant temperature — an assumption; published cavern models fit
 * coefficients of a few to some tens of W/(m² K) to Huntorf's data.
 */
import { z } from 'zod';
import { PlantInputError } from '../../errors.js';
import { fluid } from '../../../fluids/index.js';
import { ConstantPressureStore, RigidVessel, type Ambient } from '../../transient/stores.js';
import type { StorePort } from '../../transient/mode.js';
import { resolveFluid } from '../../fluids/resolve.js';
import type { NetworkBuilder, Update } from '../doc.js';
import { choice, integer, quantity } from '../parameters.js';
import type { Node } from './paths.js';

/** Air storage: a salt cavern (constant volume, sliding pressure) or a water-compensated store (constant pressure). */
export function cavernSchema(d: { volume: number; volumeSource: string; pressureMin: number; pressureMax: number; windowSource: string }) {
  return z
    .object({
      kind: choice(['cavern', 'compensated'] as const, 'cavern', 'salt cavern at constant volume (sliding pressure) or water-compensated store at constant pressure'),
      volume: quantity('volume', d.volume, { min: 100, max: 1e8 }, 'geometric volume of the cavern(s)', d.volumeSource),
      caverns: integer(1, 1, 20, 'number of caverns (for the wall area)'),
      pressureMin: quantity('pressure', d.pressureMin, { min: 2e5, max: 300e5 }, 'lowest cavern pressure', d.windowSource),
      pressureMax: quantity('pressure', d.pressureMax, { min: 2e5, max: 300e5 }, 'highest cavern pressure', d.windowSource),
      pressure: quantity('pressure', 70e5, { min: 2e5, max: 300e5 }, 'store pressure of a compensated store'),
      cushion: quantity('fraction', 0.05, { min: 0, max: 0.9 }, 'gas volume a compensated store keeps when empty (fraction of its volume)'),
      wallTemperature: quantity('temperature', 308.15, { min: 250, max: 400 }, 'rock (wall) temperature, also the cavern’s temperature when empty', 'assumption (rock at 600–1000 m)'),
      wallHeatTransferCoefficient: quantity('heatTransferCoefficient', 10, { min: 0, max: 1000 }, 'heat-transfer coefficient air–wall (0: adiabatic cavern)', 'assumption (cavern models fit a few to some tens of W/(m² K) to Huntorf data)'),
      heightToDiameter: quantity('fraction', 4, { min: 0.2, max: 50 }, 'height ÷ diameter of each cavern (cylinders), for the wall area'),
    })
    .strict()
    .prefault({});
}

export type CavernParams = z.infer<ReturnType<typeof cavernSchema>>;

export function checkCavern(template: string, S: CavernParams): void {
  if (S.kind === 'cavern' && !(S.pressureMin < S.pressureMax)) throw new PlantInputError(template, 'storage.pressureMin', S.pressureMin, `below storage.pressureMax (${S.pressureMax} Pa)`);
}

/**
 * The air store of a CAES plant, with the air mass between its limits at the wall temperature and its wall area
 * (n cylinders of the given height-to-diameter ratio: mantle and both ends).
 */
export function makeCavern(id: string, ambient: Ambient, S: CavernParams): { store: RigidVessel | ConstantPressureStore; massWindow: number; wallArea: number; fillEmpty(x: Float64Array): void } {
  const air = fluid('Air');
  const Tw = S.wallTemperature;
  const perCavern = S.volume / S.caverns;
  const D = Math.cbrt((4 * perCavern) / (Math.PI * S.heightToDiameter));
  const wallArea = S.caverns * (Math.PI * D * D * S.heightToDiameter + (Math.PI * D * D) / 2);
  const wall = { area: wallArea, U: S.wallHeatTransferCoefficient, T: Tw };
  if (S.kind === 'cavern') {
    const store = new RigidVessel(id, ambient, { kind: 'cavern', fluid: 'Air', volume: S.volume, wall, outlet: 'vapour', pMin: S.pressureMin, pMax: S.pressureMax });
    return { store, wallArea, massWindow: S.volume * (air.tp(Tw, S.pressureMax).rho - air.tp(Tw, S.pressureMin).rho), fillEmpty: (x) => store.fill(x, { T: Tw, p: S.pressureMin }) };
  }
  const store = new ConstantPressureStore(id, ambient, { kind: 'compensated', fluid: 'Air', p: S.pressure, volumeMax: S.volume, volumeMin: S.cushion * S.volume, wall });
  return { store, wallArea, massWindow: S.volume * (1 - S.cushion) * air.tp(Tw, S.pressure).rho, fillEmpty: (x) => store.fill(x, Tw, S.cushion * S.volume) };
}


/** A cavern in a plant: its design pressure (the middle of its window), its store, and its component in either mode's network. */
export class Cavern {
  /** Lowest and highest pressure, and the design point's (the middle). Unit: Pa */
  readonly pLow: number;
  readonly pHigh: number;
  readonly pDesign: number;
  /** Unit: K */
  readonly wallTemperature: number;
  readonly store: RigidVessel | ConstantPressureStore;
  /** Air between the limits at the wall temperature. Unit: kg */
  readonly massWindow: number;
  /** Unit: m² */
  readonly wallArea: number;
  readonly fillEmpty: (x: Float64Array) => void;

  constructor(
    template: string,
    readonly params: CavernParams,
    ambient: Ambient,
    readonly id = 'cavern',
  ) {
    checkCavern(template, params);
    const cavern = params.kind === 'cavern';
    this.pLow = cavern ? params.pressureMin : params.pressure;
    this.pHigh = cavern ? params.pressureMax : params.pressure;
    this.pDesign = 0.5 * (this.pLow + this.pHigh);
    this.wallTemperature = params.wallTemperature;
    const made = makeCavern(id, ambient, params);
    this.store = made.store;
    this.massWindow = made.massWindow;
    this.wallArea = made.wallArea;
    this.fillEmpty = made.fillEmpty;
  }

  /** Adds the cavern receiving air (charge) at its design pressure. */
  receiver(d: NetworkBuilder): Node {
    d.add('storage-vessel', this.id, { fluid: 'Air', mode: 'receive', p: this.pDesign });
    return { id: this.id };
  }

  /** Adds the cavern supplying air (discharge) at its design pressure and wall temperature. */
  supply(d: NetworkBuilder): Node {
    d.add('storage-vessel', this.id, { fluid: 'Air', mode: 'supply', p: this.pDesign, T: this.wallTemperature });
    return { id: this.id };
  }

  /** Its boundary at a cavern pressure (charge) and also temperature (discharge). */
  update(p: number, T?: number): Update {
    return { component: this.id, set: T === undefined ? { p } : { p, T } };
  }

  /** Air into (charge: +1) or out of (discharge: −1) the cavern on `connection`. */
  port(connection: string, sign: 1 | -1): StorePort {
    return { store: this.store, part: 0, connection, sign };
  }
}

/** h_abs of air at the dead state: the zero of the energy an open air cycle (taken from and given back to the ambient) carries across the boundary. Unit: J/kg */
export function airReference(ambient: Ambient): number {
  const air = resolveFluid('Air');
  return air.hTP(ambient.T, ambient.p, 0) + (air.formationOffset(0) ?? 0);
}
