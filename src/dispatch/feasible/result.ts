/**
 * A plant-feasible dispatch: the schedule (what the replay runs), the money recomputed from it with compensated
 * sums, and the bound it is measured against.
 */
import { KahanAccumulator } from '../../numerics/index.js';
import type { DispatchSchedule, HorizonReport } from '../result.js';
import type { DpSettings } from './dp.js';
import type { OperatingEnvelope } from './envelope.js';

export interface FeasibleDispatchResult {
  readonly method: 'dp';
  readonly schedule: DispatchSchedule & { readonly chargeOn: Uint8Array; readonly dischargeOn: Uint8Array };
  /** Fuel (LHV) burnt in each step, W. */
  readonly fuelRate: Float64Array;
  /** price × (discharge − charge) × Δt summed, money. */
  readonly revenue: number;
  /** J */
  readonly chargedEnergy: number;
  readonly dischargedEnergy: number;
  readonly withdrawnEnergy: number;
  /** Fuel (LHV), J. */
  readonly fuel: number;
  /** Withdrawn ÷ usable energy. */
  readonly equivalentFullCycles: number;
  readonly starts: { readonly charge: number; readonly discharge: number };
  /** money */
  readonly costs: { readonly fuel: number; readonly wear: number; readonly surcharge: number; readonly starts: number };
  /** revenue − every cost: what the DP maximises, money. */
  readonly netRevenue: number;
  /**
   * The LP relaxation's optimum from the same start to the same end (perfect foresight): no plant-feasible schedule
   * earns more; undefined when not asked for. money
   */
  readonly bound?: number;
  /** (bound − netRevenue) ÷ |bound|: how far from optimal the schedule can at most be. */
  readonly gap?: number;
  readonly grid: DpSettings;
  readonly horizon: HorizonReport;
  /** How far the end state lies below the required end, J (0 when met). */
  readonly endShortfall: number;
  /** Net revenue of the perfect-foresight DP, and what knowing the prices is worth (rolling forecasts only). money */
  readonly perfectForesight?: { readonly netRevenue: number; readonly value: number };
  /** Tabulating the transitions, the DP, the bound. s */
  readonly seconds: { readonly tables: number; readonly dp: number; readonly bound: number };
}

function countStarts(on: Uint8Array): number {
  let n = 0;
  for (let t = 0; t < on.length; t++) if (on[t] && (t === 0 || !on[t - 1])) n++;
  return n;
}

export type FeasibleSummary = Pick<
  FeasibleDispatchResult,
  'revenue' | 'chargedEnergy' | 'dischargedEnergy' | 'withdrawnEnergy' | 'fuel' | 'equivalentFullCycles' | 'starts' | 'costs' | 'netRevenue'
>;

/** The money and energies of a schedule under an envelope's costs. */
export function summarizeFeasible(x: FeasibleDispatchResult['schedule'], fuelRate: Float64Array, e: OperatingEnvelope): FeasibleSummary {
  const dt = x.stepSeconds;
  const revenue = new KahanAccumulator();
  const charged = new KahanAccumulator();
  const delivered = new KahanAccumulator();
  const withdrawn = new KahanAccumulator();
  const fuel = new KahanAccumulator();
  for (let t = 0; t < x.price.length; t++) {
    revenue.add(x.price[t] * (x.discharge[t] - x.charge[t]) * dt);
    charged.add(x.charge[t] * dt);
    delivered.add(x.discharge[t] * dt);
    withdrawn.add(x.withdrawal[t] * dt);
    fuel.add(fuelRate[t] * dt);
  }
  const starts = { charge: countStarts(x.chargeOn), discharge: countStarts(x.dischargeOn) };
  const costs = {
    fuel: e.fuelPrice * fuel.value,
    wear: e.wearCost * delivered.value,
    surcharge: e.chargeSurcharge * charged.value,
    starts: starts.charge * e.startCost.charge + starts.discharge * e.startCost.discharge,
  };
  return {
    revenue: revenue.value,
    chargedEnergy: charged.value,
    dischargedEnergy: delivered.value,
    withdrawnEnergy: withdrawn.value,
    fuel: fuel.value,
    equivalentFullCycles: withdrawn.value / ((e.socMax - e.socMin) * e.maps.capacity),
    starts,
    costs,
    netRevenue: revenue.value - costs.fuel - costs.wear - costs.surcharge - costs.starts,
  };
}
