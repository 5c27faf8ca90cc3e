/**
 * The market of a project: the price series of the year dispatched (a built-in tariff or a price file), and the
 * revenues that do not depend on dispatch (capacity payment, an ancillary-service reserve).
 */
import { henanTou2024, parsePriceCsv, tariffSeries, utcOffsetMinutes, type PriceSeries } from '../dispatch/index.js';
import { SECONDS_PER_YEAR } from '../units/index.js';
import type { MarketSpec, SiteSpec } from './schema.js';
import { ProjectError } from './errors.js';
import type { ReadText } from './parse.js';

/** Hourly prices of the project year, from 1 January 00:00 local time. Money/J. */
export function priceSeries(market: MarketSpec, site: SiteSpec, readText: ReadText): PriceSeries {
  if (market.prices !== undefined) {
    let text: string;
    try {
      text = readText(market.prices);
    } catch (e) {
      throw new ProjectError('market.prices', market.prices, `a readable CSV file (${(e as Error).message})`);
    }
    return parsePriceCsv(text, { source: market.prices, timeZone: site.timeZone });
  }
  const tariff = henanTou2024(market.tariff!.henan2024.basePrice);
  const offset = utcOffsetMinutes(site.timeZone);
  const startMs = Date.UTC(market.year, 0, 1) - offset * 60_000;
  const hours = (Date.UTC(market.year + 1, 0, 1) - Date.UTC(market.year, 0, 1)) / 3_600_000;
  return tariffSeries({ ...tariff, utcOffsetMinutes: offset }, startMs, hours, 3600);
}

/** Revenue per year from the capacity payment on the discharge power, money. */
export function capacityRevenuePerYear(market: MarketSpec, dischargePower: number): number {
  return market.capacityPayment * dischargePower * SECONDS_PER_YEAR;
}

/** Revenue per year from the ancillary-service reserve, money (the power is held back from arbitrage). */
export function ancillaryRevenuePerYear(market: MarketSpec): number {
  return market.ancillary ? market.ancillary.rate * market.ancillary.power * SECONDS_PER_YEAR : 0;
}
