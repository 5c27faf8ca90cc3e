/**
 * A documented set of process costs for a Chinese recycling plant, in the units of a file (strings parsed at the
 * edge): what the example and the tests state explicitly. Compiled 2026-12-07 for issue 15.
 *
 * What is sourced and what is not. EverBatt's cost tables were not reachable (../shared/research/recycling_sources.md,
 * "Gap, stated first"), so only one figure here is published: the capital cost of a hydrometallurgical plant,
 * Neometals' scoping study (50 t/d ≈ 18,250 t/yr, US$66 M incl. 25 % contingency, S&P Global 2019,
 * https://www.spglobal.com/marketintelligence/en/news-insights/trending/ltntbucbsnso_752-moymq2):
 * 66e6 / 18,250 = 3,616 US$ per t/yr × 7.0 CNY/USD (2019) ≈ 25,300 yuan per t/yr. Every other figure is OUR
 * ESTIMATE, each with its reasoning, to be replaced by EverBatt's defaults or a plant's data:
 * - electricity 0.6 yuan/kWh: a Henan large-industry tariff level (src/market tariffs give the detail);
 * - collection and transport 500 yuan/t of feed (dangerous goods, a few hundred km by road);
 * - dismantling 20 kWh/t and 100 yuan/t consumables: discharge to 0 V and robotic unscrewing are light duty;
 * - pre-treatment 150 kWh/t of cells (inert shredding, drying of electrolyte, sieving, eddy-current and density
 *   separation) and 150 yuan/t (nitrogen, screens, blades);
 * - hydro per t of black mass: 1,200 kWh (leaching at 60-80 °C, evaporation); reagents for NCM 5,000 yuan
 *   (≈1.5 t H2SO4, 0.3 t H2O2, 1 t NaOH for precipitation and extraction, 0.5 t Na2CO3 for Li2CO3 at 2025 Chinese
 *   bulk prices) and for LFP 2,000 yuan (selective leaching: less acid, H2O2, Na2CO3); wastewater and other 800 yuan;
 * - pyro per t of black mass: 2,500 kWh (smelting at about 1,450 °C and refining of the alloy), reagents (flux,
 *   reductant) 1,500 yuan, refining the alloy to salts and other 2,500 yuan; capital 30,000 yuan per t/yr;
 * - direct per t of black mass: 800 kWh (relithiation and annealing), reagents LFP 1,500 / NCM 2,500 yuan (Li
 *   top-up, froth flotation of graphite), other 1,000 yuan; capital 15,000 yuan per t/yr;
 * - residue disposal 2,000 yuan/t (hazardous-waste fees in China);
 * - maintenance and insurance 3 % of capex per year; capital charge 8 %/yr over 15 years.
 */

const common = {
  electricityPrice: '0.6 yuan/kWh',
  collection: '500 yuan/t',
  dismantling: { energy: '20 kWh/t', consumables: '100 yuan/t' },
  pretreatment: { energy: '150 kWh/t', consumables: '150 yuan/t' },
  residueDisposal: '2000 yuan/t',
  fixedOm: '3 %',
  capitalRecovery: { rate: '8 %', years: 15 },
} as const;

export const PROCESS_COSTS_CN_ESTIMATE = {
  hydro: { ...common, route: { energy: '1200 kWh/t', reagentsLFP: '2000 yuan/t', reagentsNCM: '5000 yuan/t', other: '800 yuan/t' }, capexPerCapacity: '25300 yuan/t' },
  pyro: { ...common, route: { energy: '2500 kWh/t', reagentsLFP: '1500 yuan/t', reagentsNCM: '1500 yuan/t', other: '2500 yuan/t' }, capexPerCapacity: '30000 yuan/t' },
  direct: { ...common, route: { energy: '800 kWh/t', reagentsLFP: '1500 yuan/t', reagentsNCM: '2500 yuan/t', other: '1000 yuan/t' }, capexPerCapacity: '15000 yuan/t' },
} as const;
