/**
 * The thermal-store liquids the project ships, built once from the generated data modules, and a lookup by id.
 * Pressurised water is not here: it comes from the IAPWS-95 equation of state behind the same `StoreMedium`.
 */
import { DOWTHERM_Q_DATA, SOLAR_SALT_DATA, THERMINOL_66_DATA, THERMINOL_VP1_DATA } from './data/index.js';
import { FluidInputError } from '../errors.js';
import { IncompressibleLiquid } from './liquid.js';

/** Solar salt, 60 % NaNO3 / 40 % KNO3 by mass (CoolProp `INCOMP::NaK`, after Zavoico 2001), 573.15–873.15 K. */
export const SOLAR_SALT = new IncompressibleLiquid(SOLAR_SALT_DATA);
/** Therminol 66 (CoolProp `INCOMP::T66`), 273.15–653.15 K. */
export const THERMINOL_66 = new IncompressibleLiquid(THERMINOL_66_DATA);
/** Therminol VP-1 (CoolProp `INCOMP::TVP1`), 285.15–670.15 K. */
export const THERMINOL_VP1 = new IncompressibleLiquid(THERMINOL_VP1_DATA);
/** Dowtherm Q (CoolProp `INCOMP::DowQ`), 238.15–633.15 K. */
export const DOWTHERM_Q = new IncompressibleLiquid(DOWTHERM_Q_DATA);

/** The liquids by their CoolProp id. */
export const STORE_LIQUIDS: Readonly<Record<string, IncompressibleLiquid>> = Object.freeze({
  [SOLAR_SALT.id]: SOLAR_SALT,
  [THERMINOL_66.id]: THERMINOL_66,
  [THERMINOL_VP1.id]: THERMINOL_VP1,
  [DOWTHERM_Q.id]: DOWTHERM_Q,
});

/** The liquid with CoolProp id `id` (e.g. "TVP1"); throws naming the known ids otherwise. */
export function storeLiquid(id: string): IncompressibleLiquid {
  const medium = Object.hasOwn(STORE_LIQUIDS, id) ? STORE_LIQUIDS[id] : undefined;
  if (!medium) throw new FluidInputError('storeLiquid', 'id', id, `one of ${Object.keys(STORE_LIQUIDS).join(', ')}`);
  return medium;
}
