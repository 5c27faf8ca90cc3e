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
  /**
   * price × (energy sold − energy bought) summed, money: a step sells or buys its setpoint × Δt, a start step its
   * setpoint × (Δt − t_start) and buys the start-up energy.
   */
  readonly revenue: number;
  /** Drawn from the grid (start-up energy included), J. */
  readonly chargedEnergy: number;
  /** Start-up energy drawn from the grid, J. */
  readonly startUpEnergy: number;
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
  'revenue' | 'chargedEnergy' | 'startUpEnergy' | 'dischargedEnergy' | 'withdrawnEnergy' | 'fuel' | 'equivalentFullCycles' | 'starts' | 'costs' | 'netRevenue'
>;

/** The money and energies of a schedule under an envelope's costs (start steps by the envelope's start-up rule). */
export function summarizeFeasible(x: FeasibleDispatchResult['schedule'], fuelRate: Float64Array, e: OperatingEnvelope, modeBefore = 0): FeasibleSummary {
  const dt = x.stepSeconds;
  const revenue = new KahanAccumulator();
  const charged = new KahanAccumulator();
  const startUp = new KahanAccumulator();
  const delivered = new KahanAccumulator();
  const withdrawn = new KahanAccumulator();
  const fuel = new KahanAccumulator();
  let before = modeBefore;
  for (let t = 0; t < x.price.length; t++) {
    const mode = x.chargeOn[t] ? 1 : x.dischargeOn[t] ? 2 : 0;
    const start = mode !== 0 && mode !== before ? (mode === 1 ? e.startUp.charge : e.startUp.discharge) : undefined;
    const seconds = start ? dt - start.seconds : dt;
    const extra = start ? start.energy : 0;
    const bought = x.charge[t] * seconds + extra;
    const sold = x.discharge[t] * seconds;
    revenue.add(x.price[t] * (sold - bought));
    charged.add(bought);
    startUp.add(extra);
    delivered.add(sold);
    withdrawn.add(x.withdrawal[t] * seconds);
    fuel.add(fuelRate[t] * seconds);
    before = mode;
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
    startUpEnergy: startUp.value,
    dischargedEnergy: delivered.value,
    withdrawnEnergy: withdrawn.value,
    fuel: fuel.value,
    equivalentFullCycles: withdrawn.value / ((e.socMax - e.socMin) * e.maps.capacity),
    starts,
    costs,
    netRevenue: revenue.value - costs.fuel - costs.wear - costs.surcharge - costs.starts,
  };
}
