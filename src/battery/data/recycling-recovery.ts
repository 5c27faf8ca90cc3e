/**
 * Recovery rates of the recycling line by stage and route: the share of each material entering a stage that
 * leaves it in a saleable product. Sources as quoted in ../shared/research/recycling_sources.md (read 2026-12-07).
 *
 * Default "CN-2024": China MIIT 《新能源汽车废旧动力电池综合利用行业规范条件》(2024 edition, published 2024-12-24,
 * replacing 2019): electrode powder recovered after crushing/separation ≥ 98 %; Li recovered in smelting ≥ 90 %;
 * Ni, Co, Mn ≥ 98 %; Cu and Al ≥ 98 % and other valuable metals ≥ 97 % (August 2024 draft). Reported by
 * 中国汽车报网 2024-12-26 (http://58.48.99.36:8000/pc/content/202412/26/content_16570.html) and SMM
 * (https://news.metal.com/newscontent/103104248/); draft: http://couhuai.cn/news/display_pid_11-cid_32-news_id_226249.html.
 * The standard sets floors; a plant that meets it recovers at least these.
 */
import type { Material } from './recycling-materials.js';

export const RECYCLING_ROUTES = ['pyro', 'hydro', 'direct'] as const;
export type RecyclingRoute = (typeof RECYCLING_ROUTES)[number];

/** Recovery of the dismantling and pre-treatment stages; fractions. */
export interface FrontEndRecovery {
  /** Electrode powder (CAM + graphite) into black mass; 1. */
  readonly blackMassYield: number;
  /** Cu (foils, tabs, busbars) recovered as scrap; 1. */
  readonly copper: number;
  /** Al (foils, cases, housings) recovered as scrap; 1. */
  readonly aluminium: number;
  /** Steel (housings) recovered as scrap; 1. */
  readonly steel: number;
}

/** Recovery of the metallurgical route from black mass into its products; fractions by CAM material. */
export type RouteRecovery = Readonly<Partial<Record<Material, number>>>;

export interface RecoverySet {
  readonly id: string;
  readonly frontEnd: FrontEndRecovery;
  readonly routes: Readonly<Record<RecyclingRoute, RouteRecovery>>;
  readonly source: string;
}

/**
 * China's 2024 industry standard as the default. Route by route:
 * - hydro: Li 0.90, Ni/Co/Mn 0.98, the iron phosphate of LFP (Fe, P and its O) 0.97 ("other valuable metals").
 * - pyro: Ni, Co 0.98 into the alloy (our assumption, borrowed from the CN floor — no published pyro figure in the
 *   sources); Li, Mn, Fe, P, graphite 0: they report to slag or burn (Battery Associates, citing Umicore,
 *   https://battery.associates/post/lithium-ion-battery-recycling-scale-up-and-battery-qualification).
 * - direct: the whole CAM relithiated/regenerated at 0.90 (our assumption: the standard's Li floor taken as the
 *   yield of regenerated cathode; no published yield in the sources).
 * Graphite is recovered by none of the routes here (it leaves with the leach residue or burns).
 */
export const CN_2024: RecoverySet = {
  id: 'CN-2024',
  frontEnd: { blackMassYield: 0.98, copper: 0.98, aluminium: 0.98, steel: 0.98 },
  routes: {
    hydro: { Li: 0.9, Ni: 0.98, Co: 0.98, Mn: 0.98, Fe: 0.97, P: 0.97, O: 0.97 },
    pyro: { Ni: 0.98, Co: 0.98 },
    direct: { Li: 0.9, Ni: 0.9, Co: 0.9, Mn: 0.9, Fe: 0.9, P: 0.9, O: 0.9 },
  },
  source: 'China MIIT industry specification for recycling NEV power batteries, 2024 edition (2024-12-24) and its Aug-2024 draft; pyro and direct as stated in the comment',
};

/** EU Regulation 2023/1542, targets for end-2027: Li 50 %, Co/Ni/Cu 90 % (Fastmarkets; Waste Management World). */
export const EU_2027: RecoverySet = {
  id: 'EU-2027',
  frontEnd: { blackMassYield: 0.98, copper: 0.9, aluminium: 0.9, steel: 0.9 },
  routes: {
    hydro: { Li: 0.5, Ni: 0.9, Co: 0.9, Mn: 0.9, Fe: 0.9, P: 0.9, O: 0.9 },
    pyro: { Ni: 0.9, Co: 0.9 },
    direct: { Li: 0.5, Ni: 0.5, Co: 0.5, Mn: 0.5, Fe: 0.5, P: 0.5, O: 0.5 },
  },
  source: 'EU Regulation 2023/1542 material-recovery targets for end-2027; black-mass yield kept at the CN value (the EU sets none)',
};

export const RECOVERY_SETS: Readonly<Record<string, RecoverySet>> = { 'CN-2024': CN_2024, 'EU-2027': EU_2027 };
