/**
 * Per-cell features of a campaign: from the charge day a capacity proxy, the DV curve and vector, the main dQ/dV
 * peak, the internal resistance at the current step and the temperature rise; from the rest day the relaxed voltage
 * and its drift (a self-discharge proxy). Every cell of a series string sees the same current, so charges are the
 * string's and voltages the cell's.
 */
import type { Campaign, CampaignDay } from './campaign.js';
import { chargeAtVoltage, COULOMBS_PER_AH, cumulativeCharge, differentialVoltage, icPeak, monotoneEnvelope, voltageLevels, type IcPeak } from './charge-curve.js';
import { dvVariation, dvVectors, type DvVariation } from './dv-vector.js';
import type { GradingOptions } from './options.js';
import { mean } from './statistics.js';

export interface CellFeatures {
  /** Column name, e.g. "cell_001". */
  readonly cell: string;
  /** Raw voltage at the first and last sample of the charge, V. */
  readonly chargeStartVoltage: number;
  readonly chargeEndVoltage: number;
  /** Distinct levels of the smoothed charge curve. */
  readonly voltageLevels: number;
  /** Charge passed between the smoothed voltage reaching the proxy's lower and upper limits; null if not spanned, C. */
  readonly capacityProxy: number | null;
  /** dV/dQ on the string's grid of whole ampere-hours, V/C. */
  readonly dvCurve: Float64Array;
  /** dV/dQ at the string's DV feature positions (the paper's DV vector), V/C. */
  readonly dvVector: Float64Array;
  /**
   * The DV vector relative to the string's mean at each position, dv_j / mean_j − 1 (dimensionless): the shape of
   * the cell's curve against the string's.
   */
  readonly dvRelative: Float64Array;
  /** Root mean square of dvRelative: how far the cell's DV vector lies from the string mean (dimensionless). */
  readonly dvDeviation: number;
  /** Main dQ/dV peak of the charge before the current step (or the whole charge without one). */
  readonly icPeak: IcPeak | null;
  /** ΔV/ΔI at the current step; null without a step, Ω. */
  readonly resistance: number | null;
  /** Temperature at the end minus at the start of the charge, K. */
  readonly temperatureRise: number;
  /** Mean temperature over the charge, K. */
  readonly chargeMeanTemperature: number;
  /** Mean relaxed voltage over the rest day, V. */
  readonly restVoltage: number;
  /** Least-squares slope of the rest-day voltage over time, V/s (negative: falling). */
  readonly restVoltageDrift: number;
}

/** What the features share across the string. */
export interface StringFeatures {
  /** Charge passed over the charge day (scripts' rectangle rule), C. */
  readonly chargeThroughput: number;
  /** Grid of the DV curves: whole ampere-hours from 1 Ah to floor(Q) − 1 Ah, in C. */
  readonly dvGrid: Float64Array;
  readonly dvVariation: DvVariation;
  /** Charges of the DV feature positions, C. */
  readonly dvPositions: Float64Array;
  /**
   * The current step used for the resistance: time of the last sample before it (s), the charge passed by then (C),
   * the mean currents over the windows before and after it (A), and the first and last sample times of each window (s).
   */
  readonly currentStep: {
    readonly time: number;
    readonly charge: number;
    readonly before: number;
    readonly after: number;
    readonly windowBefore: readonly [number, number];
    readonly windowAfter: readonly [number, number];
  } | null;
  /** Span of the rest-day record, s. */
  readonly restDuration: number;
}

export interface FeatureSet {
  readonly cells: readonly CellFeatures[];
  readonly string: StringFeatures;
}

/** Index of the sample before the largest one-sample current rise, if it rises at least `minRise` (A). */
function currentStepIndex(current: Float64Array, minRise: number): number | null {
  let best = -1;
  let rise = -Infinity;
  for (let k = 0; k + 1 < current.length; k++) {
    if (current[k + 1] - current[k] > rise) {
      rise = current[k + 1] - current[k];
      best = k;
    }
  }
  return rise >= minRise ? best : null;
}

function windowMean(x: Float64Array, from: number, to: number): number {
  return mean(x.subarray(from, to));
}

/** Least-squares slope of y over t. */
function slope(t: Float64Array, y: Float64Array): number {
  const tm = mean(t);
  const ym = mean(y);
  let num = 0;
  let den = 0;
  for (let k = 0; k < t.length; k++) {
    num += (t[k] - tm) * (y[k] - ym);
    den += (t[k] - tm) ** 2;
  }
  return num / den;
}

function checkOptions(options: GradingOptions, charge: CampaignDay, rest: CampaignDay): void {
  const { lower, upper } = options.capacityProxyLimits;
  if (!(lower < upper)) throw new RangeError(`capacityProxyLimits.lower = ${lower} V is not below upper = ${upper} V; valid: lower < upper`);
  const w = options.resistance.samples;
  if (!Number.isInteger(w) || w < 1) throw new RangeError(`resistance.samples = ${w} is not valid; valid: a whole number ≥ 1`);
  if (!(options.firstSampleInterval > 0)) throw new RangeError(`firstSampleInterval = ${options.firstSampleInterval} s is not valid; valid: > 0`);
  if (charge.time.length < 3) throw new RangeError(`${charge.label}: ${charge.time.length} samples; valid: at least 3`);
  if (rest.time.length < 2) throw new RangeError(`${rest.label}: ${rest.time.length} sample; valid: at least 2 for a voltage drift`);
}

export function campaignFeatures(campaign: Campaign, options: GradingOptions): FeatureSet {
  const { charge, rest } = campaign;
  checkOptions(options, charge, rest);
  const q = cumulativeCharge(charge.time, charge.current, options.firstSampleInterval);
  const chargeThroughput = q[q.length - 1];
  const qMaxAh = Math.floor(chargeThroughput / COULOMBS_PER_AH);
  if (qMaxAh < 3) throw new RangeError(`${charge.label}: ${(chargeThroughput / COULOMBS_PER_AH).toFixed(3)} Ah charged; valid: at least 3 Ah for a DV curve`);
  const dvGrid = Float64Array.from({ length: qMaxAh - 1 }, (_, i) => (i + 1) * COULOMBS_PER_AH);

  const step = currentStepIndex(charge.current, options.resistance.minRise);
  const w = options.resistance.samples;
  const stepUsable = step !== null && step - w + 1 >= 0 && step + w < charge.time.length;
  const before = stepUsable ? windowMean(charge.current, step - w + 1, step + 1) : NaN;
  const after = stepUsable ? windowMean(charge.current, step + 1, step + 1 + w) : NaN;
  const icEnd = step === null ? charge.time.length : step + 1;

  const envelopes = charge.voltage.map(monotoneEnvelope);
  const levels = envelopes.map((e) => voltageLevels(e, q));
  const dvCurves = levels.map((l) => differentialVoltage(l, dvGrid));
  const variation = dvVariation(dvCurves);
  if (variation.positions.length === 0) throw new RangeError(`${charge.label}: no DV feature positions (no local maximum of the across-cell variation of dV/dQ); a DV vector needs at least one`);
  const vectors = dvVectors(dvCurves, variation.positions);
  const meanVector = Float64Array.from(variation.positions, (_, j) => mean(vectors.map((v) => v[j])));
  const relative = vectors.map((v) => v.map((x, j) => x / meanVector[j] - 1));
  const restDuration = rest.time[rest.time.length - 1] - rest.time[0];

  const cells = charge.cells.map((cell, c): CellFeatures => {
    const env = envelopes[c];
    const lo = chargeAtVoltage(env, q, options.capacityProxyLimits.lower);
    const hi = chargeAtVoltage(env, q, options.capacityProxyLimits.upper);
    const preStep = monotoneEnvelope(charge.voltage[c].subarray(0, icEnd));
    const v = charge.voltage[c];
    const temp = charge.temperature[c];
    return {
      cell,
      chargeStartVoltage: v[0],
      chargeEndVoltage: v[v.length - 1],
      voltageLevels: levels[c].voltage.length,
      capacityProxy: lo !== null && hi !== null ? hi - lo : null,
      dvCurve: dvCurves[c],
      dvVector: vectors[c],
      dvRelative: relative[c],
      dvDeviation: Math.sqrt(mean(relative[c].map((r) => r * r))),
      icPeak: icPeak(voltageLevels(preStep, q), options.ic.halfWindow, options.ic.step),
      resistance: stepUsable ? (windowMean(v, step + 1, step + 1 + w) - windowMean(v, step - w + 1, step + 1)) / (after - before) : null,
      temperatureRise: temp[temp.length - 1] - temp[0],
      chargeMeanTemperature: mean(temp),
      restVoltage: mean(rest.voltage[c]),
      restVoltageDrift: slope(rest.time, rest.voltage[c]),
    };
  });
  return {
    cells,
    string: {
      chargeThroughput,
      dvGrid,
      dvVariation: variation,
      dvPositions: Float64Array.from(variation.positions, (g) => dvGrid[g]),
      currentStep: stepUsable
        ? {
            time: charge.time[step],
            charge: q[step],
            before,
            after,
            windowBefore: [charge.time[step - w + 1], charge.time[step]],
            windowAfter: [charge.time[step + 1], charge.time[step + w]],
          }
        : null,
      restDuration,
    },
  };
}
