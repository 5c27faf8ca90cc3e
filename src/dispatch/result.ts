/**
 * A dispatch result: the schedule (what the plant layer replays) and the money and energy recomputed from it —
 * never taken from the solver's objective, so the two can be checked against each other.
 */
import { compensatedSum, KahanAccumulator } from '../numerics/index.js';
import type { StorageParams } from './model.js';
import { usableEnergy } from './model.js';

/** Step-by-step schedule on the price series' grid, SI. */
export interface DispatchSchedule {
  /** Start of the first step, ms since the Unix epoch (UTC). */
  readonly startMs: number;
  /** s. */
  readonly stepSeconds: number;
  /** Local clock of the series, min east of UTC. */
  readonly utcOffsetMinutes: number;
  /** True price of each step (what revenue is counted at), money/J. */
  readonly price: Float64Array;
  /** Grid power drawn, W. */
  readonly charge: Float64Array;
  /** Grid power delivered, W. */
  readonly discharge: Float64Array;
  /** Power into the store (after charge losses), W. */
  readonly inflow: Float64Array;
  /** Power withdrawn from the store (before discharge losses), W. */
  readonly withdrawal: Float64Array;
  /** Stored energy at the end of each step, J. */
  readonly energy: Float64Array;
  /** Stored energy before the first step, J. */
  readonly energyInitial: number;
  /** On/off states of the converters (MILP only); both off before the first step. */
  readonly chargeOn?: Uint8Array;
  readonly dischargeOn?: Uint8Array;
}

export interface DispatchSummary {
  /** price × (discharge − charge) × Δt per step, money. */
  readonly revenueByStep: Float64Array;
  /** Energy arbitrage revenue, money. */
  readonly revenue: number;
  /** Energy drawn from the grid, J. */
  readonly chargedEnergy: number;
  /** Energy delivered to the grid, J. */
  readonly dischargedEnergy: number;
  /** Energy withdrawn from the store, J. */
  readonly withdrawnEnergy: number;
  /** Withdrawn energy ÷ usable energy ((socMax − socMin)·capacity): one full swing is one cycle. */
  readonly equivalentFullCycles: number;
  /** degradationCost × delivered energy, money. */
  readonly degradationCost: number;
  /** Starts from standstill (MILP schedules; 0 otherwise). */
  readonly starts: { readonly charge: number; readonly discharge: number };
  /** Start-up costs, money. */
  readonly startupCost: number;
  /** chargeCost × drawn energy (a surcharge on charging), money. */
  readonly chargeCost: number;
  /** revenue − degradationCost − startupCost − chargeCost: what the optimiser maximises, money. */
  readonly netRevenue: number;
}

/** How the horizon was optimised. */
export type HorizonReport =
  | { readonly kind: 'full' }
  | {
      readonly kind: 'rolling';
      /** Look-ahead of each window, s. */
      readonly windowSeconds: number;
      /** Steps kept from each window, s. */
      readonly commitSeconds: number;
      readonly windows: number;
      /** Perfect: windows saw the true prices. Imperfect: they saw `forecast`. */
      readonly foresight: 'perfect' | 'imperfect';
      /** Name of the forecast the windows saw (imperfect foresight). */
      readonly forecast?: string;
    };

export interface DispatchResult extends DispatchSummary {
  readonly schedule: DispatchSchedule;
  readonly horizon: HorizonReport;
  readonly formulation: 'lp' | 'milp';
  /** HiGHS model status of the (last) solve: "optimal", or a limit with a feasible schedule. */
  readonly status: string;
  /** The solver's objective, money (full horizon only; rolling windows each had their own). */
  readonly objective?: number;
  /** Largest relative MIP gap over the solves (MILP only). */
  readonly mipGap?: number;
  /** Building the sparse models, s. */
  readonly buildSeconds: number;
  /** Running HiGHS, s. */
  readonly solveSeconds: number;
}

function countStarts(on: Uint8Array | undefined): number {
  if (!on) return 0;
  let starts = 0;
  for (let t = 0; t < on.length; t++) if (on[t] && (t === 0 || !on[t - 1])) starts++;
  return starts;
}

/**
 * The hourly loop of summarizeSchedule in a function of its own, with nothing after the loop: V8 compiles a long loop
 * on its own (on-stack replacement), and when that code held the calls after the loop, which had not yet run, each
 * later summary left it there ('insufficient type feedback', 28 times an evaluation of the Luoyang comparison).
 */
function accumulateSteps(schedule: DispatchSchedule, revenueByStep: Float64Array, charged: KahanAccumulator, delivered: KahanAccumulator, withdrawn: KahanAccumulator): void {
  const { price, charge, discharge, withdrawal, stepSeconds: dt } = schedule;
  const T = price.length;
  for (let t = 0; t < T; t++) {
    revenueByStep[t] = price[t] * (discharge[t] - charge[t]) * dt;
    charged.add(charge[t] * dt);
    delivered.add(discharge[t] * dt);
    withdrawn.add(withdrawal[t] * dt);
  }
}

/** Revenue, energies, cycles and costs recomputed from a schedule with compensated sums. */
export function summarizeSchedule(schedule: DispatchSchedule, storage: StorageParams): DispatchSummary {
  const revenueByStep = new Float64Array(schedule.price.length);
  const charged = new KahanAccumulator();
  const delivered = new KahanAccumulator();
  const withdrawn = new KahanAccumulator();
  accumulateSteps(schedule, revenueByStep, charged, delivered, withdrawn);
  const revenue = compensatedSum(revenueByStep);
  const degradationCost = storage.degradationCost * delivered.value;
  const starts = { charge: countStarts(schedule.chargeOn), discharge: countStarts(schedule.dischargeOn) };
  const startupCost = starts.charge * (storage.charge.startupCost ?? 0) + starts.discharge * (storage.discharge.startupCost ?? 0);
  const chargeCost = (storage.chargeCost ?? 0) * charged.value;
  return {
    revenueByStep,
    revenue,
    chargedEnergy: charged.value,
    dischargedEnergy: delivered.value,
    withdrawnEnergy: withdrawn.value,
    equivalentFullCycles: withdrawn.value / usableEnergy(storage),
    degradationCost,
    starts,
    startupCost,
    chargeCost,
    netRevenue: revenue - degradationCost - startupCost - chargeCost,
  };
}
