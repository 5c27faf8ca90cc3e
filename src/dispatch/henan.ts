/**
 * Henan's industrial and commercial time-of-use schedule, effective 2024-06-01.
 *
 * Source: Henan Provincial Development and Reform Commission, 《关于调整工商业分时电价有关事项的通知》
 * (reposted 2024-05-31; replaces 豫发改价管〔2022〕867号), as summarised in ../shared/research/techno_economics.md §5.1.
 *
 * Periods, Beijing time (UTC+8), every day of the week (the notice makes no weekday/holiday distinction):
 * - peak 16:00–24:00, all year;
 * - valley 00:00–06:00, all year, and also 11:00–14:00 in March–May and September–November;
 * - critical peak (inside the peak) 17:00–18:00 in January and December, 20:00–23:00 in July and August;
 * - flat: every other hour.
 *
 * Ratios peak : flat : valley = 1.69 : 1 : 0.46; critical peak = 1.2 × peak = 2.028.
 *
 * Assumptions and limits:
 * - The 0.46 valley ratio is the draft's (January 2024); the final notice's text available to us was cut off after
 *   "1.69:1:0.", so confirm it against the primary document before quoting results.
 * - Only the energy component (the market / agent-purchase on-grid price) is multiplied by the ratios. Line-loss,
 *   transmission and distribution, system-operation charges and government funds are added on top, unmultiplied,
 *   so they cancel out of every peak–valley spread; add them to `basePrice` only if a study needs absolute bills.
 * - The base (flat) energy price is an input — one value or twelve monthly values — because State Grid Henan
 *   publishes it monthly per voltage class (代理购电价格表); none is built in.
 */
import type { TouTariff } from './tariff.js';

export const HENAN_TOU_2024_RATIOS = { peak: 1.69, flat: 1, valley: 0.46, criticalPeak: 1.2 * 1.69 } as const;

const SPRING_AUTUMN = [3, 4, 5, 9, 10, 11];

/**
 * The Henan 2024-06-01 TOU tariff over a base (flat) energy price: one value, or twelve monthly values January
 * first, money/J (e.g. parseQuantity("380 yuan/MWh", "pricePerEnergy")).
 */
export function henanTou2024(basePrice: number | readonly number[]): TouTariff {
  const r = HENAN_TOU_2024_RATIOS;
  return {
    name: 'Henan industrial & commercial TOU (2024-06-01)',
    source: 'Henan DRC, 关于调整工商业分时电价有关事项的通知, effective 2024-06-01; valley ratio 0.46 from the January 2024 draft',
    utcOffsetMinutes: 480,
    basePrice,
    periods: [
      { name: 'flat', ratio: r.flat },
      { name: 'valley', ratio: r.valley },
      { name: 'peak', ratio: r.peak },
      { name: 'critical peak', ratio: r.criticalPeak },
    ],
    defaultPeriod: 'flat',
    rules: [
      { period: 'valley', hours: [[0, 6]] },
      { period: 'valley', months: SPRING_AUTUMN, hours: [[11, 14]] },
      { period: 'peak', hours: [[16, 24]] },
      { period: 'critical peak', months: [1, 12], hours: [[17, 18]] },
      { period: 'critical peak', months: [7, 8], hours: [[20, 23]] },
    ],
  };
}
