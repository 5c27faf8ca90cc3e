import type { FluidData } from './eos/types.js';
import type { SuperancillaryData } from './pure/superancillary.js';
import { ARGON, AIR, CO2, METHANE, NITROGEN, OXYGEN, WATER } from './data/index.js';
import { ARGON_SATURATION } from './data/argon.saturation.js';
import { CO2_SATURATION } from './data/co2.saturation.js';
import { METHANE_SATURATION } from './data/methane.saturation.js';
import { NITROGEN_SATURATION } from './data/nitrogen.saturation.js';
import { OXYGEN_SATURATION } from './data/oxygen.saturation.js';
import { WATER_SATURATION } from './data/water.saturation.js';

/** The built-in pure and pseudo-pure fluids: their EOS data and our saturation expansions. */
export const FLUID_DATA: readonly { readonly data: FluidData; readonly saturation?: SuperancillaryData }[] = [
  { data: CO2, saturation: CO2_SATURATION },
  { data: AIR },
  { data: WATER, saturation: WATER_SATURATION },
  { data: NITROGEN, saturation: NITROGEN_SATURATION },
  { data: OXYGEN, saturation: OXYGEN_SATURATION },
  { data: ARGON, saturation: ARGON_SATURATION },
  { data: METHANE, saturation: METHANE_SATURATION },
];

/** The project's fluid names. */
export const FLUID_NAMES: readonly string[] = FLUID_DATA.map((f) => f.data.name);

/** Finds a fluid by its name or any alias (CoolProp's names included), ignoring case. */
export function findFluidData(name: string): (typeof FLUID_DATA)[number] | undefined {
  const key = name.trim().toLowerCase();
  return FLUID_DATA.find((f) => f.data.name.toLowerCase() === key || f.data.aliases.some((a) => a.toLowerCase() === key));
}
