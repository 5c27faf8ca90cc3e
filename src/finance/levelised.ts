/**
 * The levelised cost of discharged energy from yearly cost streams on the project time line (conventions.ts):
 *
 *   LCOS = Σ_t (capital_t + operating_t + charging_t + endOfLife_t) / (1 + r_c)^t  /  Σ_t E_dis,t / (1 + r_e)^t
 *
 * With r_c = r_e this is the Schmidt et al. (2019) form; SAM's lcos_real discounts energy at the real rate instead
 * (lcos.ts). Each component is reported on its own, levelised over the same discounted energy.
 */
import { FinanceInputError } from './check.js';
import { npv } from './money.js';

/** Yearly streams, one slot per year t of the time line. Costs in money (VAT-exclusive), energy in J. */
export interface LevelisedStreams {
  /** Initial capital and replacements; money. */
  readonly capital: Float64Array;
  /** Fixed and variable O&M and other operating costs; money. */
  readonly operating: Float64Array;
  /** Cost of charging electricity; money. */
  readonly charging: Float64Array;
  /** Decommissioning cost less salvage value; money. */
  readonly endOfLife: Float64Array;
  /** Energy discharged; J. */
  readonly energyDischarged: Float64Array;
}

export interface LevelisedCost {
  /** Levelised cost of storage; money/J. */
  readonly value: number;
  /** The same split by stream; money/J each, summing to value. */
  readonly components: { readonly capital: number; readonly operating: number; readonly charging: number; readonly endOfLife: number };
  /** Present value of all costs; money. */
  readonly discountedCost: number;
  /** Present value of discharged energy; J. */
  readonly discountedEnergy: number;
}

/** Costs discounted at costRate, energy at energyRate (default: the same); rates fractions per year. */
export function levelisedCost(s: LevelisedStreams, costRate: number, energyRate = costRate): LevelisedCost {
  const energy = npv(energyRate, s.energyDischarged);
  if (!(energy > 0)) {
    throw new FinanceInputError('energyDischarged', energy, 'a positive present value of discharged energy (some energy must be discharged)');
  }
  const capital = npv(costRate, s.capital);
  const operating = npv(costRate, s.operating);
  const charging = npv(costRate, s.charging);
  const endOfLife = npv(costRate, s.endOfLife);
  const cost = capital + operating + charging + endOfLife;
  return {
    value: cost / energy,
    components: { capital: capital / energy, operating: operating / energy, charging: charging / energy, endOfLife: endOfLife / energy },
    discountedCost: cost,
    discountedEnergy: energy,
  };
}
