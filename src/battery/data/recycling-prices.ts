/**
 * Dated market prices for the recycling line's products and for black mass, China, VAT-exclusive where the source
 * says so (spot quotes in China are usually VAT-inclusive; the sources below do not all say): a snapshot, not a
 * forecast. Every figure is from ../shared/research/recycling_sources.md or a page found the same way
 * (stored public pages, searched 2026-12-07); the date is the quote's, the value the midpoint of the quoted range.
 * Money in yuan, SI: prices per kg.
 *
 * The June-2025 snapshot is the "low lithium" market (battery-grade Li2CO3 ≈ 60 kyuan/t, the lowest since 2021).
 */

export interface DatedPrice {
  /** yuan/kg, or the unit named in `unit`. */
  readonly value: number;
  readonly unit: string;
  /** Date of the quote, ISO. */
  readonly date: string;
  readonly source: string;
}

/** The price names the recycling model reads. */
export const PRICE_NAMES = [
  'lithiumCarbonate',
  'nickel',
  'cobalt',
  'manganese',
  'ironPhosphate',
  'regeneratedLFP',
  'regeneratedNCM523',
  'regeneratedNCM622',
  'regeneratedNCM811',
  'copperScrap',
  'aluminiumScrap',
  'steelScrap',
  'lfpBlackMassPerLiPoint',
  'ncmPayableNiCo',
  'ncmPayableLi',
] as const;
export type PriceName = (typeof PRICE_NAMES)[number];
export type PriceSnapshot = Readonly<Record<PriceName, DatedPrice>>;

/** CNY per USD used to turn SMM's USD quotes of 2025-06-16 into yuan: assumed mid-June 2025 central parity. */
export const CNY_PER_USD_2025_06 = 7.18;
/** Regenerated ("restorative") LFP over mid-end storage-grade LFP, SMM 2025-06-16: 2,721.16 / 3,551.37 USD/t. */
export const REGENERATED_OVER_NEW_2025_06 = 2721.16 / 3551.37;

const SMM_CATHODE = 'SMM cathode material prices 2025-06-16 (USD/mt), as reproduced at https://nenpower.com/blog/current-trends-and-pricing-analysis-of-cathode-materials-in-the-metal-market';
const regeneratedNcm = (usdPerTonne: number, series: string): DatedPrice => ({
  value: (usdPerTonne * CNY_PER_USD_2025_06 * REGENERATED_OVER_NEW_2025_06) / 1000,
  unit: 'yuan/kg',
  date: '2025-06-16',
  source: `${series} ternary cathode ${usdPerTonne} USD/t (${SMM_CATHODE}) × ${CNY_PER_USD_2025_06} CNY/USD × the regenerated/new ratio of LFP on the same day (our assumption: no regenerated-NCM quote found)`,
});

export const PRICES_CN_2025_06: PriceSnapshot = {
  lithiumCarbonate: { value: 60.2, unit: 'yuan/kg', date: '2025-06-05', source: 'SMM daily review: battery-grade Li2CO3 59,400-61,000 yuan/mt, average 60,200 (https://news.metal.com/newscontent/103361403/)' },
  nickel: { value: 120.59, unit: 'yuan/kg', date: '2025-07-11', source: 'SHFE NI2508 120,590 CNY/mt (SMM home page snapshot, https://www.metal.com/en/home)' },
  cobalt: { value: 45 / 0.205, unit: 'yuan/kg', date: '2025-06-23', source: 'Platts battery-grade cobalt sulfate (20.5 % Co) 45,000 yuan/mt DDP China, per kg of contained Co (https://spglobal.com/commodity-insights/en/news-research/latest-news/metals/062425-drc-extends-cobalt-export-ban-tightening-supply-to-impact-china)' },
  manganese: { value: 0, unit: 'yuan/kg', date: '2025-06-16', source: 'not priced: no dated manganese-sulphate quote found; its value is small beside Ni and Co (set it to credit Mn)' },
  ironPhosphate: { value: 0, unit: 'yuan/kg', date: '2024-04-17', source: 'Mysteel, "A complete guide through LFP battery hydrometallurgical recycling cost": recovered iron phosphate "usually brings little profit" — priced at 0 net of its upgrading (https://www.mysteel.net/market-insights/5052497-a-complete-guide-through-lfp-battery-hydrometallurgical-recycling-cost)' },
  regeneratedLFP: { value: (2721.16 * CNY_PER_USD_2025_06) / 1000, unit: 'yuan/kg', date: '2025-06-16', source: `restorative (regenerated) LFP 2,721.16 USD/mt (${SMM_CATHODE}) × ${CNY_PER_USD_2025_06} CNY/USD` },
  regeneratedNCM523: regeneratedNcm(14079.54, '5-series'),
  regeneratedNCM622: regeneratedNcm(14878.29, '6-series'),
  regeneratedNCM811: regeneratedNcm(17640.13, '8-series'),
  copperScrap: { value: (78.32 * 0.9), unit: 'yuan/kg', date: '2025-07-11', source: 'SHFE CU2508 78,320 CNY/mt (SMM home page) × 0.9, our assumed payable for shredded Cu foil granules' },
  aluminiumScrap: { value: (20.645 * 0.7), unit: 'yuan/kg', date: '2025-07-11', source: 'SHFE AL2508 20,645 CNY/mt (SMM home page) × 0.7, our assumed payable for shredded Al foil/case scrap' },
  steelScrap: { value: 2.0, unit: 'yuan/kg', date: '2025-06-16', source: 'assumption: heavy steel scrap about 2,000 yuan/t in 2025 (no quote in the sources)' },
  lfpBlackMassPerLiPoint: { value: 2.075, unit: 'yuan/kg per % Li', date: '2025-06-19', source: 'SMM weekly review: LFP battery black mass 2,000-2,150 yuan/mtu (per 1 % Li per tonne) (https://news.metal.com/newscontent/103387673/)' },
  ncmPayableNiCo: { value: 0.71, unit: 'fraction', date: '2025-06-19', source: 'SMM weekly review: ternary battery black mass Ni-Co coefficient 70-72 % (https://news.metal.com/newscontent/103387673/)' },
  ncmPayableLi: { value: 0.705, unit: 'fraction', date: '2025-06-19', source: 'SMM weekly review: ternary pole-piece black mass Li coefficient 69-72 % (https://news.metal.com/newscontent/103387673/)' },
};

/** Battery-grade Li2CO3 in November 2025: 85,000-87,900 yuan/t (Fastmarkets, "LFP black mass and battery scrap prices surge in China"). */
export const LITHIUM_CARBONATE_2025_11: DatedPrice = {
  value: 86.45,
  unit: 'yuan/kg',
  date: '2025-11',
  source: 'Fastmarkets: battery-grade Li2CO3 85,000-87,900 yuan/t (https://www.fastmarkets.com/insights/lfp-black-mass-and-battery-scrap-prices-surge-in-china)',
};

/** Li carbonate per Li: M(Li2CO3) / (2 M(Li)) = 73.89 / 13.88 (Fastmarkets uses 5.323). */
export const LITHIUM_CARBONATE_PER_LITHIUM = (2 * 6.94 + 12.011 + 3 * 15.999) / (2 * 6.94);

/**
 * November 2025 ("lithium recovering", Li2CO3 ≈ 86 kyuan/t): metals and black mass re-quoted; the regenerated
 * cathodes, manganese, iron phosphate and steel scrap have no November quote in the sources and keep June's.
 */
export const PRICES_CN_2025_11: PriceSnapshot = {
  ...PRICES_CN_2025_06,
  lithiumCarbonate: LITHIUM_CARBONATE_2025_11,
  nickel: { value: 119.44, unit: 'yuan/kg', date: '2025-11-07', source: 'Mysteel: SHFE most-traded nickel 119,440 yuan/t (https://www.mysteel.net/analysis/5103552-shfe-copper-nickel-futures-weaken-aluminum-strengthens)' },
  cobalt: { value: 60 / 0.205, unit: 'yuan/kg', date: '2025-09-21', source: 'SMM: cobalt sulphate offers raised above 60,000 yuan/t (20.5 % Co), per kg of contained Co; the latest quote found (https://news.metal.com/newscontent/103542675/)' },
  copperScrap: { value: 85.94 * 0.9, unit: 'yuan/kg', date: '2025-11-07', source: 'Mysteel: SHFE copper 85,940 yuan/t × 0.9, our assumed payable for shredded Cu foil granules' },
  aluminiumScrap: { value: 21.625 * 0.7, unit: 'yuan/kg', date: '2025-11-07', source: 'Mysteel: SHFE aluminium 21,625 yuan/t × 0.7, our assumed payable for shredded Al scrap' },
  lfpBlackMassPerLiPoint: { value: 3.175, unit: 'yuan/kg per % Li', date: '2025-11-13', source: 'SMM weekly review: LFP pole-piece black mass 3,050-3,300 yuan/mtu (no battery black-mass quote that week) (https://news.metal.com/newscontent/103619897/)' },
  ncmPayableNiCo: { value: 0.76, unit: 'fraction', date: '2025-11-13', source: 'SMM weekly review: ternary black mass Ni-Co payables 75-77 % (https://news.metal.com/newscontent/103619897/)' },
  ncmPayableLi: { value: 0.725, unit: 'fraction', date: '2025-11-13', source: 'SMM weekly review: ternary black mass Li payables 71-74 % (https://news.metal.com/newscontent/103619897/)' },
};
