/**
 * The common interface of the semi-empirical life models: what a model is (id, name, chemistry, source, validity),
 * its state (relative capacity q, relative resistance r where the model has one, plus its own internal states),
 * a step over a chunk of a duty, and one pass over a year of duty with the model's own time stepping (the
 * conventions of the published implementation it reproduces).
 */
import { formatNumber } from '../../units/index.js';
import type { Duty } from './duty.js';
import type { LifeResult } from './life-under-duty.js';

/** Where a model and its coefficients come from. */
export interface LifeModelSource {
  /** The publication the model was fitted in. */
  readonly reference: string;
  /** The implementation reproduced: repository, commit and file. */
  readonly implementation: string;
}

/** The conditions the model was fitted over (outside them it extrapolates). */
export interface LifeModelValidity {
  /** Cell temperature range of the ageing tests, °C (null: not stated). */
  readonly temperatureC: readonly [number, number] | null;
  /** Depth-of-discharge range of the cycling tests, 0–1 (null: not stated). */
  readonly dod: readonly [number, number] | null;
  /** State-of-charge range, 0–1 (null: not stated). */
  readonly soc: readonly [number, number] | null;
  /** Highest charge rate tested, 1/h (null: not stated). */
  readonly maxChargeRate: number | null;
  /** Highest discharge rate tested, 1/h (null: not stated). */
  readonly maxDischargeRate: number | null;
}

/** "temperature 10–45 °C, DOD 80–100 %, SOC 0–100 %, charge ≤ 0.65 C, discharge ≤ 1 C" ("not stated" where so). */
export function describeValidity(v: LifeModelValidity): string {
  const range = (r: readonly [number, number] | null, scale: number, unit: string) =>
    r === null ? 'not stated' : `${formatNumber(r[0] * scale, 4)}–${formatNumber(r[1] * scale, 4)} ${unit}`;
  const rate = (x: number | null) => (x === null ? 'not stated' : `≤ ${x} C`);
  return (
    `temperature ${range(v.temperatureC, 1, '°C')}, DOD ${range(v.dod, 100, '%')}, SOC ${range(v.soc, 100, '%')}, ` +
    `charge ${rate(v.maxChargeRate)}, discharge ${rate(v.maxDischargeRate)}`
  );
}

export interface LifeModelInfo {
  /** Id used on the command line and in project files, e.g. "lfp-250ah". */
  readonly id: string;
  readonly name: string;
  /** Positive/negative electrode, e.g. "LFP/graphite". */
  readonly chemistry: string;
  readonly source: LifeModelSource;
  readonly validity: LifeModelValidity;
  /** Whether the model has a resistance-growth state. */
  readonly hasResistance: boolean;
  /** Rated capacity of the cell the model was fitted to, A h (information only). */
  readonly cellCapacityAh: number;
}

/** The state the life layer reports after every model update. */
export interface LifeSnapshot {
  /** Age counted by the model, days. */
  tDays: number;
  /** Capacity relative to the rated capacity, –. */
  q: number;
  /** DC resistance relative to the beginning of life, – (NaN when the model has none). */
  r: number;
  /** Equivalent full cycles: charge throughput over the rated capacity, Σ|ΔSOC|/2 × q, –. */
  efc: number;
}

export interface LifeModel {
  readonly info: LifeModelInfo;
  /** Present relative capacity, –. */
  readonly q: number;
  /** Present relative resistance, – (null when the model has none). */
  readonly r: number | null;
  /** Age counted by the model, days. */
  readonly tDays: number;
  /** Equivalent full cycles so far, –. */
  readonly efc: number;
  /** The model's own states by name (capacity-loss terms, counters), for reports and tests. */
  internalStates(): Record<string, number>;
  /** Back to the beginning of life. */
  reset(): void;
  /**
   * Advances the model over samples from..to (inclusive) of a duty, sample `from` giving the starting state: one
   * update for a BLAST-Lite model (a slice: its stressors from the samples), one per time step for SAM's models.
   * Age and equivalent full cycles count the steps inside from..to.
   */
  step(duty: Duty, from: number, to: number): void;
  /**
   * One pass over a year of duty with the model's own time stepping, calling `record` after each update the model
   * reports; stops early once the age reaches `untilDays`.
   */
  runDuty(duty: Duty, untilDays: number, record: (s: LifeSnapshot) => void): void;
  /** From the beginning of life, the one-year duty repeated `years` years (life-under-duty.ts). */
  lifeUnderDuty(duty: Duty, years: number): LifeResult;
}
