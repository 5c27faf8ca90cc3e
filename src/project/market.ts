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
    const series = parsePriceCsv(text, { source: market.prices, timeZone: site.timeZone, priceEnergyUnit: market.priceUnit.energyUnit });
    const scaled = market.priceUnit.moneyFactor === 1 ? series : { ...series, prices: series.prices.map((p) => p * market.priceUnit.moneyFactor) };
    checkYear(scaled, market.year, site);
    checkMagnitude(scaled, market.priceUnit.text);
    return scaled;
  }
  const tariff = henanTou2024(market.tariff!.henan2024.basePrice);
  const offset = utcOffsetMinutes(site.timeZone);
  const startMs = Date.UTC(market.year, 0, 1) - offset * 60_000;
  const hours = (Date.UTC(market.year + 1, 0, 1) - Date.UTC(market.year, 0, 1)) / 3_600_000;
  return tariffSeries({ ...tariff, utcOffsetMinutes: offset }, startMs, hours, 3600);
}

/** A price file covers the project year: it starts on 1 January 00:00 local time and ends on 1 January of the next. */
function checkYear(series: PriceSeries, year: number, site: SiteSpec): void {
  const offsetMs = series.utcOffsetMinutes * 60_000;
  const start = Date.UTC(year, 0, 1) - offsetMs;
  const end = Date.UTC(year + 1, 0, 1) - offsetMs;
  const seriesEnd = series.startMs + series.prices.length * series.stepSeconds * 1000;
  const local = (ms: number) => new Date(ms + offsetMs).toISOString().slice(0, 16).replace('T', ' ');
  if (series.startMs !== start || seriesEnd !== end) {
    throw new ProjectError(
      'market.prices',
      `${local(series.startMs)} to ${local(seriesEnd)} (${site.timeZone})`,
      `prices from ${local(start)} to ${local(end)}: the year ${year} of market.year, every step of it`,
    );
  }
}

/**
 * Electricity prices lie between a few and some thousands of yuan per MWh (Chinese spot and time-of-use tariffs:
 * about 0–1,500 yuan/MWh; scarcity prices elsewhere to 10,000 and more). A median outside PRICE_MAGNITUDE is a unit
 * mistake far more often than a market: a file in yuan/kWh read as yuan/MWh gives a median near 0.4.
 */
export const PRICE_MAGNITUDE = { minMedianPerMWh: 2, maxMedianPerMWh: 20_000 } as const;

function checkMagnitude(series: PriceSeries, unit: string): void {
  const abs = Float64Array.from(series.prices, (p) => Math.abs(p) * 3.6e9).sort();
  const median = abs.length ? abs[abs.length >> 1] : 0;
  const { minMedianPerMWh: lo, maxMedianPerMWh: hi } = PRICE_MAGNITUDE;
  if (median > 0 && (median < lo || median > hi)) {
    const hint = median < lo ? 'the file looks like prices per kWh: set market.priceUnit, e.g. "yuan/kWh"' : 'the file looks like prices per Wh or in another currency unit: set market.priceUnit';
    throw new ProjectError('market.prices', `a median price of ${formatMagnitude(median)} yuan/MWh (read as ${unit})`, `a median between ${lo} and ${hi} yuan/MWh; ${hint}`);
  }
}

function formatMagnitude(v: number): string {
  return Number(v.toPrecision(4)).toString();
}

/** Revenue per year from the capacity payment on the discharge power, money. */
export function capacityRevenuePerYear(market: MarketSpec, dischargePower: number): number {
  return market.capacityPayment * dischargePower * SECONDS_PER_YEAR;
}

/** Revenue per year from the ancillary-service reserve, money (the power is held back from arbitrage). */
export function ancillaryRevenuePerYear(market: MarketSpec): number {
  return market.ancillary ? market.ancillary.rate * market.ancillary.power * SECONDS_PER_YEAR : 0;
}
