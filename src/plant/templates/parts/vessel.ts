/**
 * Rigid tanks of a working fluid (the CO2 templates' high- and low-pressure stores): their parameters, their wall
 * (vertical cylinders three diameters high), the storage-vessel component a tank group is in each mode's network with
 * its per-step boundary (VesselComponent), and the working window of a tank filled adiabatically.
 */
import { z } from 'zod';
import { brent } from '../../../numerics/roots.js';
import type { Fluid } from '../../../fluids/index.js';
import type { StorePort } from '../../transient/mode.js';
import type { Store } from '../../transient/stores.js';
import type { NetworkBuilder, Update } from '../doc.js';
import type { Node } from './paths.js';
import { integer, optionalQuantity, quantity } from '../parameters.js';

/** A group of equal tanks: volume (or sized by the template), pressure window, count, wall. */
export function vesselSchema(d: { pressureMin: number; pressureMax: number; volume?: number; doc: string; U: number; wallDoc: string }) {
  return z
    .object({
      volume: d.volume !== undefined ? quantity('volume', d.volume, { min: 1, max: 1e8 }, d.doc) : optionalQuantity('volume', { min: 1, max: 1e9 }, `${d.doc} (default: sized for the high-pressure store's mass swing, with the margin)`),
      pressureMin: quantity('pressure', d.pressureMin, { min: 1e5, max: 500e5 }, 'lowest pressure'),
      pressureMax: quantity('pressure', d.pressureMax, { min: 1e5, max: 500e5 }, 'highest pressure'),
      tanks: integer(10, 1, 100000, 'number of tanks (vertical cylinders, height = 3 diameters), for their surface'),
      heatTransferCoefficient: quantity('heatTransferCoefficient', d.U, { min: 0, max: 50 }, d.wallDoc),
    })
    .strict()
    .prefault({});
}

/** Wall area of n vertical cylinders three diameters high holding V together (mantle and both ends). Unit: m² */
export function tankWallArea(V: number, n: number): number {
  const D = Math.cbrt((4 * (V / n)) / (Math.PI * 3));
  return n * (Math.PI * D * 3 * D + (Math.PI * D * D) / 2);
}

/**
 * The working window of a rigid tank of volume V filled from pMin at T with fluid at T through an insulated wall:
 * its contents are compressed and warm up (u M = u₀ M₀ + h_in (M − M₀)), so it holds far less at pMax than at T —
 * dense CO2 near its critical temperature is that sensitive. Returns the mass at pMin and at pMax. Unit: kg
 */
export function adiabaticFillWindow(template: string, fl: Fluid, V: number, T: number, pMin: number, pMax: number): { empty: number; full: number } {
  const start = fl.tp(T, pMin);
  const M0 = V * start.rho;
  const pFilled = (M: number) => fl.du(M / V, (start.u * M0 + start.h * (M - M0)) / M).p;
  const full = brent((M) => pFilled(M) - pMax, M0, V * fl.tp(T, pMax).rho, { xtol: 1e-6 * M0 });
  if (!full.ok) throw new RangeError(`${template}: the high-pressure store's filled mass was not found (${full.reason})`);
  return { empty: M0, full: full.value };
}

/**
 * What a tank of volume V will still hold when a blow-down through an insulated wall ends at pEnd: its contents
 * expand at about constant entropy as it empties. Returns the mass above that at store states x, or NaN where the
 * end state is not single-phase (no allowance then: the discharge stops on the two-phase store). Unit: kg
 */
export function blowDownRemainder(fl: Fluid, V: number, pEnd: number, state: (x: Float64Array) => { readonly M: number; readonly s: number }): (x: Float64Array) => number {
  return (x) => {
    const st = state(x);
    try {
      return st.M - V * fl.ps(pEnd, st.s).rho;
    } catch {
      return Number.NaN;
    }
  };
}

/** A tank group's storage-vessel component in a mode's network: it supplies or receives the working fluid. */
export class VesselComponent {
  constructor(
    readonly id: string,
    private readonly fluidName: string,
  ) {}

  /** Adds it supplying (at p and T, or saturated at p with quality Q) or receiving (at p) the working fluid. Unit: Pa, K, - */
  add(d: NetworkBuilder, state: { mode: 'supply'; p: number; T: number } | { mode: 'supply'; p: number; Q: number } | { mode: 'receive'; p: number }): Node {
    d.add('storage-vessel', this.id, { fluid: this.fluidName, ...state });
    return { id: this.id };
  }

  /** Its boundary: the pressure, and the temperature of what it supplies. Unit: Pa, K */
  update(p: number, T?: number): Update {
    return { component: this.id, set: T === undefined ? { p } : { p, T } };
  }

  /** Its boundary as its store supplies: at a temperature or, saturated, at a quality — the other cleared. */
  supplyUpdate(b: { p: number; T?: number; Q?: number }): Update {
    return { component: this.id, set: b.Q !== undefined ? { p: b.p, Q: b.Q, T: undefined } : { p: b.p, T: b.T, Q: undefined } };
  }

  /** The working fluid into (+1) or out of (−1) its store on `connection`. */
  port(store: Store, connection: string, sign: 1 | -1): StorePort {
    return { store, part: 0, connection, sign };
  }
}
