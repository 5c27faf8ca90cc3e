/**
 * The recycling plant as the model reads it: SI numbers, money in the file's currency (yuan), every price dated
 * in ../data/recycling-prices.ts. Built from a file by schema.ts.
 */
import type { RecyclingChemistry } from '../data/recycling-materials.js';
import type { PriceName } from '../data/recycling-prices.js';
import type { RecoverySet, RecyclingRoute } from '../data/recycling-recovery.js';

export interface FeedStream {
  readonly chemistry: RecyclingChemistry;
  /** A label for reports: the unit's mass and energy carry the physics, whatever its form. */
  readonly form: 'pack' | 'module';
  /** Units received per year; 1/yr. */
  readonly unitsPerYear: number;
  /** Mass of one unit; kg. */
  readonly unitMass: number;
  /** Nameplate energy of one unit (the material content follows it, not the faded capacity); J. */
  readonly unitEnergy: number;
  /** Gate fee received per mass of this feed (negative: the plant pays for the batteries); yuan/kg. */
  readonly gateFee: number;
}

/** The automated discharge and dismantling line. */
export interface LineSpec {
  /** Throughput while running; kg/s. */
  readonly capacity: number;
  /** Scheduled operating time per year; s. */
  readonly hoursPerYear: number;
  /** Share of the scheduled time the line runs; 1. */
  readonly availability: number;
  /** Staff of the whole plant; persons. */
  readonly staff: number;
  /** Cost of one person for a year (wages and social charges); yuan. */
  readonly labourCostPerPerson: number;
}

export interface SortingSpec {
  /** Share of the feed (by mass) sold for a second life instead of recycled; 1. */
  readonly secondLifeShare: number;
  /** Where the share came from: a given fraction or the grade counts of a grading campaign. */
  readonly basis: 'share' | 'grading';
  /** Price of second-life units per nameplate energy; yuan/J. */
  readonly secondLifePrice: number;
}

/** Process costs: documented inputs (no hidden defaults; see ../data/recycling-costs.ts for a sourced set). */
export interface ProcessCosts {
  /** yuan/J. */
  readonly electricityPrice: number;
  /** Collection and transport of the feed to the plant (dangerous goods, class 9); yuan/kg of feed. */
  readonly collection: number;
  /** Discharge and dismantling, per mass of feed: energy J/kg, consumables yuan/kg. */
  readonly dismantling: { readonly energy: number; readonly consumables: number };
  /** Shredding and separation to black mass, per mass of cells: energy J/kg, consumables yuan/kg. */
  readonly pretreatment: { readonly energy: number; readonly consumables: number };
  /** The metallurgical route, per mass of black mass: energy J/kg, reagents by chemistry family and other yuan/kg. */
  readonly route: { readonly energy: number; readonly reagentsLFP: number; readonly reagentsNCM: number; readonly other: number };
  /** Disposal of residues (electrolyte, separator, plastics, leach residue, slag); yuan/kg. */
  readonly residueDisposal: number;
  /** Capital cost per annual capacity (line capacity × hours × availability); yuan per kg/yr. */
  readonly capexPerCapacity: number;
  /** Maintenance and insurance per year as a share of capex; 1/yr. */
  readonly fixedOm: number;
  /** Capital charge for the per-tonne economics: rate (1/yr) and life (years). */
  readonly capitalRecovery: { readonly rate: number; readonly years: number };
}

export type RecyclingPrices = Readonly<Record<PriceName, number>>;

export interface RecyclingPlantSpec {
  readonly name: string;
  readonly feed: readonly FeedStream[];
  readonly line: LineSpec;
  readonly sorting: SortingSpec;
  readonly route: RecyclingRoute;
  readonly recovery: RecoverySet;
  readonly costs: ProcessCosts;
  /** yuan/kg (lfpBlackMassPerLiPoint: yuan/kg per % Li; payables: fractions). */
  readonly prices: RecyclingPrices;
  /** Date and source of each price as used (a snapshot's or "given in the file"). */
  readonly priceSources: Readonly<Record<PriceName, { readonly date: string; readonly source: string }>>;
}
