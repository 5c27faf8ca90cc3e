/**
 * What a plant template gives: a PlantModel with its design points, its performance for dispatch and finance, its
 * charge–hold–discharge transient, the replay of a dispatch schedule, and the network files of its design points.
 * SI units everywhere (W, J, s, Pa, K, kg, m³).
 */
import type { Solution } from '../network/solution.js';
import type { CycleOptions, CycleResult } from '../transient/cycle.js';
import type { ReplayOptions, ReplayResult, ReplaySchedule } from '../transient/replay.js';
import type { EfficiencyFigure } from './efficiency.js';
import type { StoreBalance } from './balance.js';
import type { HeldCycle } from './design-cycle.js';

/** The site of a plant. */
export interface Site {
  /** Ambient (dead-state) temperature. Unit: K */
  readonly ambientTemperature: number;
  /** Ambient pressure (default 101325 Pa). Unit: Pa */
  readonly ambientPressure?: number;
}

/** A part-load curve: input ascending, the first breakpoint the minimum run point. Unit: W → W */
export interface PartLoadCurve {
  readonly input: number[];
  readonly output: number[];
}

export type EquipmentKind = 'compressor' | 'turbine' | 'pump' | 'heat-exchanger' | 'thermal-store' | 'tank' | 'cavern' | 'dome' | 'combustor' | 'other';

/** One item for capital-cost correlations. */
export interface Equipment {
  readonly id: string;
  readonly kind: EquipmentKind;
  /** The size in `unit`: electric power (W) of machines, duty (W) or UA (W/K) of heat exchangers, medium mass (kg), volume (m³), thermal input (W). */
  readonly size: number;
  readonly unit: string;
  readonly note?: string;
}

/** A key figure of the design, with its unit (SI) and what it means. */
export interface Figure {
  readonly value: number;
  readonly unit: string;
  readonly note?: string;
}

export interface PlantDesign {
  readonly template: string;
  readonly technology: string;
  /** The charge network solved at its design point (stores at their design state, design power). */
  readonly charge: Solution;
  /** The discharge network at its design point. */
  readonly discharge: Solution;
  /** Key figures: powers, flows, temperatures, sizes, efficiencies (SI). */
  readonly figures: Readonly<Record<string, Figure>>;
  /** How the design point was chosen and what was assumed. */
  readonly notes: readonly string[];
}

/** Plain data for dispatch and finance (no functions). */
export interface PlantPerformance {
  readonly technology: string;
  /** Electric power drawn while charging at design, auxiliaries included. Unit: W */
  readonly chargePower: number;
  /** Net electric power delivered while discharging at design. Unit: W */
  readonly dischargePower: number;
  /** Electricity deliverable at design from full to empty. Unit: J */
  readonly energyCapacity: number;
  /** Electric input (W) → rate of storage filling in W of deliverable electricity, at half charge. */
  readonly chargeCurve: PartLoadCurve;
  /** Withdrawal rate in W of deliverable electricity → net electric output (W), at half charge. */
  readonly dischargeCurve: PartLoadCurve;
  /** Fraction of the stored (deliverable) energy lost per second while holding. Unit: 1/s */
  readonly standingLoss: number;
  /** Fuel (LHV) per electricity delivered; 0 without fuel. Unit: J/J */
  readonly fuelPerOutput: number;
  /** E_out / E_in over the design cycle (electric; above 1 for a plant that burns fuel). Unit: - */
  readonly roundTripEfficiency: number;
  /** E_out / (E_in + E_fuel,LHV) over the design cycle (equal to the electric one without fuel). Unit: - */
  readonly roundTripEfficiencyWithFuel: number;
  /** (E_out + ΔX_stores) / (E_in + X_fuel) over the design cycle. Unit: - */
  readonly exergyEfficiency: number;
  /** Energy per volume on `energyDensityBasis`. Unit: J/m³ */
  readonly energyDensity: number;
  readonly energyDensityBasis: string;
  /** Every basis the plant counts density on (e.g. liquid tanks alone, tanks and dome). Unit: J/m³ */
  readonly energyDensities: readonly { readonly basis: string; readonly volume: number; readonly value: number }[];
  /** Durations of the design cycle (full charge from empty, full discharge). Unit: s */
  readonly chargeDuration: number;
  readonly dischargeDuration: number;
  readonly equipment: readonly Equipment[];
  /** Efficiency figures of the design cycle with their formulas (efficiency.ts): for diabatic CAES also heat rate, fuel and electricity per electricity out, and the reference-plant figures. */
  readonly efficiencies: readonly EfficiencyFigure[];
  /** How the periodic design cycle behind these figures was found. */
  readonly designCycle: DesignCycleReport;
  /** What the figures must be read with: a design cycle that did not become periodic, what drifts and what to change. */
  readonly warnings: readonly string[];
}

/** The search for the periodic design cycle (templates/periodic.ts). */
export interface DesignCycleReport {
  /** Cycles run from the empty state, the design cycle the last. */
  readonly cycles: number;
  /** Whether the last cycle's end state agrees with its start state within the tolerance. */
  readonly periodic: boolean;
  /** Unit: - */
  readonly tolerance: number;
  /** The largest relative mismatch between the last cycle's start and end states. Unit: - */
  readonly mismatch: number;
  /** Where it is and the change over the cycle ('tank.contents mass +0.012 t'). */
  readonly mismatchAt: string;
  /** E_out / E_in of each cycle run, the first from the empty state. Unit: - */
  readonly roundTripEfficiencies: readonly number[];
  /** How the design cycle's phases ended. */
  readonly stops: readonly string[];
  /** What the restoring units did after its discharge. */
  readonly restore: readonly string[];
  /** The design cycle's conservation residuals: working fluid and energy, relative (cycle.ts). Unit: - */
  readonly conservation: { readonly mass: number; readonly energy: number };
  /** Every store part's balance over the design cycle, measured from its states and flows (balance.ts). */
  readonly storeBalance: StoreBalance;
}

/** A template plant. */
export interface PlantModel {
  readonly template: string;
  readonly technology: string;
  /** The parameters after defaults (SI). */
  readonly parameters: unknown;
  design(): PlantDesign;
  /** Computed once (a design cycle, part-load maps, a hold test) and cached. */
  performance(): PlantPerformance;
  /** The charge–hold–discharge transient from the empty state. */
  cycle(options: CycleOptions): CycleResult;
  /**
   * The plant's own repeatable cycle with a hold: the periodic design cycle's charge as it was run, a hold of
   * `holdSeconds` and a discharge at design power from the state the hold leaves, of at most `dischargeSeconds`.
   * Unit: s
   */
  heldCycle(holdSeconds: number, dischargeSeconds: number): HeldCycle;
  /** A dispatch schedule through the transient model (part-load maps computed once; stores stepped exactly). */
  replay(schedule: ReplaySchedule, options?: ReplayOptions): ReplayResult;
  /** The network file (YAML) of the design point of a mode: `chuneng solve` accepts it. */
  network(mode: 'charge' | 'discharge'): string;
}
