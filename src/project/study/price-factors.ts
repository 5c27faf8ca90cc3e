/**
 * Study parameters that act on the project's price series rather than on a field of its file: `prices.scale`
 * multiplies every price, `prices.spread` stretches the prices about their mean of the year (the arbitrage margin a
 * storage plant lives on):
 *
 *   p'(t) = scale · (mean + spread · (p(t) − mean))
 *
 * The case's series (from the tariff or the price file, src/project/market.ts) is computed, changed, and handed to
 * the project as a price file (STUDY_PRICE_FILE) in place of the tariff, so dispatch and the money see it as any
 * other year of prices.
 */
import { formatIsoTime } from '../../dispatch/index.js';
import { parseUnit } from '../../units/index.js';
import { priceSeries } from '../market.js';
import { parseProjectValue, readFromMap } from '../parse.js';
import { ProjectError } from '../errors.js';

export const PRICE_FACTOR_PATHS = ['prices.scale', 'prices.spread'] as const;
export type PriceFactorPath = (typeof PRICE_FACTOR_PATHS)[number];

/** The name of the changed series among the case's files. */
export const STUDY_PRICE_FILE = 'study-prices.csv';

/** Whether a parameter path names a price factor (a path under `prices.` that is not one is an error). */
export function isPriceFactor(path: string, field: string): path is PriceFactorPath {
  if (!path.startsWith('prices.')) return false;
  if (!(PRICE_FACTOR_PATHS as readonly string[]).includes(path)) throw new ProjectError(field, path, `one of ${PRICE_FACTOR_PATHS.join(', ')} (factors on the price series), or a path into the project`);
  return true;
}

export interface PriceFactors {
  /** Multiplies every price (1: as is). */
  readonly scale: number;
  /** Stretches the prices about their yearly mean (1: as is, 0: flat at the mean). */
  readonly spread: number;
}

/** The case's project and files with its price series changed by the factors. */
export function withPriceFactors(raw: unknown, files: Readonly<Record<string, string>>, factors: PriceFactors, source: string): { project: unknown; files: Record<string, string> } {
  const { spec, readText } = parseProjectValue(raw, source, readFromMap(files));
  const series = priceSeries(spec.market, spec.site, readText);
  const n = series.prices.length;
  let mean = 0;
  for (const p of series.prices) mean += p / n;
  const money = spec.market.prices !== undefined ? spec.market.priceUnit.text.slice(0, spec.market.priceUnit.text.indexOf('/')).trim() : 'yuan';
  const perMWh = 3.6e9 / parseUnit(money).factor; // money/J → the currency's money unit per MWh
  const lines = ['time,price'];
  for (let i = 0; i < n; i++) {
    const p = factors.scale * (mean + factors.spread * (series.prices[i] - mean));
    lines.push(`${formatIsoTime(series.startMs + i * series.stepSeconds * 1000, series.utcOffsetMinutes)},${p * perMWh}`);
  }
  const market = { ...((raw as { market?: object }).market ?? {}), prices: STUDY_PRICE_FILE, priceUnit: `${money}/MWh` } as Record<string, unknown>;
  delete market.tariff;
  return { project: { ...(raw as object), market }, files: { ...files, [STUDY_PRICE_FILE]: lines.join('\n') + '\n' } };
}
