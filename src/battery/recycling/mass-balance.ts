/**
 * The mass balance of one feed stream through the line, per year:
 *   feed → sorting (second life | recycle) → discharge and dismantling (housing: steel, Al, Cu scrap; plastics)
 *        → pre-treatment of the cells (black mass = electrode powder × yield; Cu, Al scrap; electrolyte, separator …)
 *        → the route (hydro: Li2CO3, Ni, Co, Mn salts, FePO4; pyro: Ni, Co alloy; direct: regenerated cathode).
 * Conservation by material: in = second life + recovered + lost, exactly (lost = residue, slag, off-gas).
 * Product masses are compounds (Li2CO3 carries C and O from the reagents), so they are derived from the
 * recovered material, not summed with it.
 */
import { MATERIALS, type Material, type RecyclingChemistry } from '../data/recycling-materials.js';
import { LITHIUM_CARBONATE_PER_LITHIUM, type PriceName } from '../data/recycling-prices.js';
import type { RecoverySet, RecyclingRoute } from '../data/recycling-recovery.js';
import { unitComposition, zeroMasses, type MaterialMasses } from './materials.js';
import type { FeedStream } from './spec.js';

export type Stage = 'dismantling' | 'pretreatment' | 'route';

export interface Product {
  readonly name: string;
  /** kg/yr. */
  readonly mass: number;
  /** The price it sells at. */
  readonly price: PriceName;
  readonly stage: Stage;
}

export interface MaterialFlow {
  /** kg/yr. */
  readonly in: number;
  readonly secondLife: number;
  readonly recovered: number;
  readonly lost: number;
}

export interface StreamBalance {
  readonly chemistry: RecyclingChemistry;
  /** kg/yr. */
  readonly feedMass: number;
  /** Nameplate energy received; J/yr. */
  readonly feedEnergy: number;
  /** kg/yr and J/yr sold for a second life. */
  readonly secondLifeMass: number;
  readonly secondLifeEnergy: number;
  /** Cells sent to pre-treatment; kg/yr. */
  readonly cellMass: number;
  /** Black mass and its content; kg/yr. */
  readonly blackMass: number;
  readonly blackMassContent: MaterialMasses;
  /** Everything not sold: residues, slag, off-gas, leach residue; kg/yr. */
  readonly residue: number;
  readonly products: readonly Product[];
  readonly byMaterial: Readonly<Record<Material, MaterialFlow>>;
}

const CAM_ELEMENTS: readonly Material[] = ['Li', 'Ni', 'Co', 'Mn', 'Fe', 'P', 'O'];
const isLfp = (c: RecyclingChemistry) => c === 'LFP';

/** The mass balance of one feed stream by `route` at `recovery`, with `secondLifeShare` of it sorted out. */
export function streamBalance(feed: FeedStream, field: string, route: RecyclingRoute, recovery: RecoverySet, secondLifeShare: number): StreamBalance {
  const unit = unitComposition(feed.chemistry, feed.unitMass, feed.unitEnergy, field);
  const n = feed.unitsPerYear;
  const keep = 1 - secondLifeShare;
  const fe = recovery.frontEnd;
  const inflow = zeroMasses();
  const second = zeroMasses();
  const recovered = zeroMasses();
  for (const m of MATERIALS) {
    inflow[m] = (unit.cells[m] + unit.housing[m]) * n;
    second[m] = inflow[m] * secondLifeShare;
  }
  const cells = zeroMasses();
  const housing = zeroMasses();
  for (const m of MATERIALS) {
    cells[m] = unit.cells[m] * n * keep;
    housing[m] = unit.housing[m] * n * keep;
  }
  const products: Product[] = [];
  const add = (name: string, mass: number, price: PriceName, stage: Stage) => mass > 0 && products.push({ name, mass, price, stage });

  // dismantling and pre-treatment: metals as scrap (housing and cell foils/cases together)
  const scrap = (m: 'steel' | 'Al' | 'Cu', rate: number) => {
    recovered[m] += (housing[m] + cells[m]) * rate;
    return (housing[m] + cells[m]) * rate;
  };
  add('steel scrap', scrap('steel', fe.steel), 'steelScrap', 'dismantling');
  add('Cu scrap', scrap('Cu', fe.copper), 'copperScrap', 'pretreatment');
  add('Al scrap', scrap('Al', fe.aluminium), 'aluminiumScrap', 'pretreatment');

  // black mass: the electrode powder (CAM elements and graphite) at the pre-treatment yield
  const bm = zeroMasses();
  let blackMass = 0;
  for (const m of [...CAM_ELEMENTS, 'graphite'] as Material[]) {
    bm[m] = cells[m] * fe.blackMassYield;
    blackMass += bm[m];
  }

  // the route
  const r = recovery.routes[route];
  const rec = (m: Material) => {
    const x = bm[m] * (r[m] ?? 0);
    recovered[m] += x;
    return x;
  };
  if (route === 'direct') {
    let cam = 0;
    for (const m of CAM_ELEMENTS) cam += rec(m);
    add(`regenerated ${feed.chemistry}`, cam, `regenerated${feed.chemistry}` as PriceName, 'route');
  } else if (route === 'hydro') {
    add('Li2CO3', rec('Li') * LITHIUM_CARBONATE_PER_LITHIUM, 'lithiumCarbonate', 'route');
    add('Ni (in sulphate)', rec('Ni'), 'nickel', 'route');
    add('Co (in sulphate)', rec('Co'), 'cobalt', 'route');
    add('Mn (in sulphate)', rec('Mn'), 'manganese', 'route');
    // LFP's iron phosphate keeps its oxygen; an NCM's oxygen leaves the oxide as water and sulphate counter-ion
    if (isLfp(feed.chemistry)) add('FePO4', rec('Fe') + rec('P') + rec('O'), 'ironPhosphate', 'route');
  } else {
    add('Ni (in alloy)', rec('Ni'), 'nickel', 'route');
    add('Co (in alloy)', rec('Co'), 'cobalt', 'route');
  }

  const byMaterial = {} as Record<Material, MaterialFlow>;
  let residue = 0;
  for (const m of MATERIALS) {
    const lost = inflow[m] - second[m] - recovered[m];
    residue += lost;
    byMaterial[m] = { in: inflow[m], secondLife: second[m], recovered: recovered[m], lost };
  }
  let cellMass = 0;
  for (const m of MATERIALS) cellMass += cells[m];
  const feedMass = n * feed.unitMass;
  return {
    chemistry: feed.chemistry,
    feedMass,
    feedEnergy: n * feed.unitEnergy,
    secondLifeMass: feedMass * secondLifeShare,
    secondLifeEnergy: n * feed.unitEnergy * secondLifeShare,
    cellMass,
    blackMass,
    blackMassContent: bm,
    residue,
    products,
    byMaterial,
  };
}
