/**
 * What every boundary shares — sources, sinks, gas holders, storage vessels, store tanks: ports through which mass
 * enters or leaves the network, a state they may impose there, and their part in the network's mass, energy and
 * exergy balances (m, m h_abs and m e entering, negative where leaving).
 */
import { FluidInputError } from '../../fluids/index.js';
import { resolveFluid, type FluidSpec } from '../fluids/resolve.js';
import type { StreamFluid } from '../fluids/stream-fluid.js';
import { PlantInputError } from '../errors.js';
import type { Accounting, ReportContext } from '../core/component.js';

/** The medium for a fluid spec, or a PlantInputError naming the component. */
export function boundaryMedium(where: string, spec: FluidSpec | undefined): StreamFluid {
  if (spec === undefined) throw new PlantInputError(where, 'fluid', spec, 'a fluid: a name such as Air, CO2, Water, a store liquid such as TVP1, or { idealGas: … }');
  try {
    return resolveFluid(spec, where);
  } catch (error) {
    if (error instanceof FluidInputError) throw new PlantInputError(where, 'fluid', spec, error.valid);
    throw error;
  }
}

/** Mass, energy and exergy entering through `inflows` and leaving through `outflows`. */
export function boundaryAccounting(r: ReportContext, inflows: readonly string[], outflows: readonly string[]): Accounting {
  let mass = 0;
  let energy = 0;
  let exergy = 0;
  for (const [ports, sign] of [
    [inflows, 1],
    [outflows, -1],
  ] as const) {
    for (const n of ports) {
      const m = r.e.m(r.ref(n));
      mass += sign * m;
      energy += sign * m * r.hAbs(n);
      exergy += sign * m * r.exergy(n);
    }
  }
  return { work: 0, electric: 0, heat: 0, heatExergy: 0, mass, energy, exergy };
}
