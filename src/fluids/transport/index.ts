/**
 * Transport properties (viscosity, thermal conductivity) of the pure fluids, at (T, ρ), as CoolProp 8.0.0
 * evaluates them:
 *
 * | fluid | viscosity | thermal conductivity |
 * |---|---|---|
 * | CO2 | Laesecke & Muzny 2017 | Huber et al. 2016 (+ Olchowy–Sengers) |
 * | Water | IAPWS 2008 (Huber et al. 2009) | IAPWS 2011 (Huber et al. 2012) |
 * | Air, Nitrogen, Oxygen, Argon | Lemmon & Jacobsen 2004 | Lemmon & Jacobsen 2004 (+ Olchowy–Sengers) |
 *
 *   const eos = new HelmholtzEOS(CO2);
 *   const co2 = transportModel('CO2');            // undefined for a fluid without correlations (Methane)
 *   co2?.viscosity(eos, 300, 20000);               // Pa s
 *   co2?.conductivity(eos, 300, 20000);            // W/(m K)
 */
import { AIR_TRANSPORT, ARGON_TRANSPORT, CO2_TRANSPORT, NITROGEN_TRANSPORT, OXYGEN_TRANSPORT, WATER_TRANSPORT } from './data/index.js';
import type { TransportData } from './types.js';
import { FluidTransport } from './model.js';

export { FluidTransport } from './model.js';
export type { Citation, TransportData, TransportRange } from './types.js';

const DATA: readonly TransportData[] = [CO2_TRANSPORT, AIR_TRANSPORT, NITROGEN_TRANSPORT, WATER_TRANSPORT, OXYGEN_TRANSPORT, ARGON_TRANSPORT];

/** The fluids (project names, as in `src/fluids/data`) that have transport correlations. */
export const TRANSPORT_FLUIDS: readonly string[] = DATA.map((d) => d.fluid);

/**
 * A new transport model of the fluid with this project name (`CO2`, `Water`, `Air`, `Nitrogen`, `Oxygen`, `Argon`),
 * or undefined where the project has no correlations for it. Each call builds a fresh model with its own scratch
 * space (no shared state); build one per fluid and reuse it.
 */
export function transportModel(name: string): FluidTransport | undefined {
  const data = DATA.find((d) => d.fluid === name);
  return data ? new FluidTransport(data) : undefined;
}
