/**
 * Revenue that does not depend on the schedule: capacity payments (money per kW-year or per kW-month) and a
 * simple ancillary-service option (a fixed power held back from arbitrage all the time, paid per MW and hour).
 * Rates are SI inside, money/(W s): parseQuantity("100 yuan/(kW yr)", "pricePerPowerTime") or
 * parseQuantity("8 yuan/(kW mo)", ...) — the units define a year as 365 d and a month as a twelfth of it.
 */
import { checkRange, DispatchInputError } from './errors.js';
import type { StorageParams } from './model.js';

/** 365 days, s: the year of the units' "yr", so "yuan/(kW yr)" × one year is the annual payment. */
import { SECONDS_PER_YEAR } from '../units/index.js';

/** The calendar year of capacity payments (the project's year: 365 days). Unit: s */
export const YEAR_SECONDS = SECONDS_PER_YEAR;

/** rate × power × duration: a capacity payment (or any per-power-and-time payment), money. */
export function capacityRevenue(power: number, rate: number, durationSeconds: number = YEAR_SECONDS): number {
  checkRange('power', power, 0, Infinity, { maxOpen: true, unit: 'W' });
  checkRange('rate', rate, -Infinity, Infinity, { minOpen: true, maxOpen: true, unit: 'money/(W s)' });
  checkRange('durationSeconds', durationSeconds, 0, Infinity, { maxOpen: true, unit: 's' });
  return rate * power * durationSeconds;
}

/** A constant ancillary-service commitment: power held back both ways and its price. */
export interface AncillaryReserve {
  /** Power reserved for the service in both directions, W. */
  readonly power: number;
  /** Payment per reserved power and time (e.g. "6 yuan/(MW h)"), money/(W s). */
  readonly rate: number;
}

/**
 * The store left for arbitrage after reserving `reserve.power` both ways, and the reserve's revenue over the
 * duration. Simple by design: the reserve's energy use and any SOC headroom it needs are not modelled.
 * Linear converters only (a part-load curve has no single place to cut).
 */
export function withAncillaryReserve(
  storage: StorageParams,
  reserve: AncillaryReserve,
  durationSeconds: number = YEAR_SECONDS,
): { storage: StorageParams; revenue: number } {
  const revenue = capacityRevenue(reserve.power, reserve.rate, durationSeconds);
  const reduce = (side: 'charge' | 'discharge') => {
    const c = storage[side];
    if (c.kind !== 'linear') throw new DispatchInputError(`storage.${side}.kind`, c.kind, 'an ancillary reserve needs linear converters');
    checkRange('reserve.power', reserve.power, 0, c.powerMax - (c.powerMin ?? 0), { maxOpen: true, unit: `W (below the ${side} power range)` });
    return { ...c, powerMax: c.powerMax - reserve.power };
  };
  return { storage: { ...storage, charge: reduce('charge'), discharge: reduce('discharge') }, revenue };
}
