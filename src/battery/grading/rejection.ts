/**
 * Outlier rejection: robust z-scores (median and 1.4826 · MAD over all cells, so the outliers themselves hardly move
 * the centre and scale) on the scalar features, plus two absolute limits that mean a damaged cell whatever the
 * string looks like (over-discharged; fast self-discharge). Each feature's scale is floored at its measurement
 * quantum, so a string measured to 1 mV does not reject a cell for one count of the voltmeter.
 */
import type { FeatureSet, CellFeatures } from './features.js';
import type { RejectionOptions } from './options.js';
import { robustScale, type RobustScale } from './statistics.js';

/** The scalar features judged by robust z-score, and which side of the centre is suspect. */
export const Z_FEATURES = ['capacityProxy', 'resistance', 'restVoltageDrift', 'dvDeviation', 'temperatureRise'] as const;
export type ZFeature = (typeof Z_FEATURES)[number];

/** Which deviations reject: temperature rise is reported only (0.5 K resolution over a 1.5 K range). */
const SIDES: Record<ZFeature, 'both' | 'upper' | 'none'> = {
  capacityProxy: 'both',
  resistance: 'both',
  restVoltageDrift: 'both',
  dvDeviation: 'upper',
  temperatureRise: 'none',
};

export type RejectionReason =
  | { readonly kind: 'robust-z'; readonly feature: ZFeature; readonly z: number; readonly limit: number }
  | { readonly kind: 'over-discharged'; readonly restVoltage: number; readonly limit: number }
  | { readonly kind: 'self-discharge'; readonly fallRate: number; readonly limit: number }
  | { readonly kind: 'capacity-proxy-undefined' };

export interface CellRejection {
  /** Robust z-score of each feature; null where the feature is undefined. */
  readonly z: Readonly<Record<ZFeature, number | null>>;
  readonly reasons: readonly RejectionReason[];
}

export interface RejectionResult {
  readonly cells: readonly CellRejection[];
  /** Centre (median) and scale (1.4826 MAD, floored) of each feature, in its SI unit (dvDeviation: of its logarithm). */
  readonly scales: Readonly<Record<ZFeature, RobustScale>>;
}

/** Measurement quanta that floor each feature's scale: 1 mV of voltage, 1 count of current-step ΔV, 0.5 K. */
export function scaleFloors(features: FeatureSet, rejection: { resistanceSamples: number }): Record<ZFeature, number> {
  const step = features.string.currentStep;
  const voltQuantum = 0.001;
  return {
    // the crossing of a 1 mV-quantised curve moves by about 0.1 Ah on the proxy's sloped stretch (≈ 2.3 mV/Ah)
    capacityProxy: 0.1 * 3600,
    resistance: step ? voltQuantum / (rejection.resistanceSamples * (step.after - step.before)) : 0,
    restVoltageDrift: voltQuantum / features.string.restDuration,
    dvDeviation: 0,
    temperatureRise: 0.5,
  };
}

/**
 * The value judged: the DV deviation is a root mean square, positive and right-skewed (a few cells lie 5–10 times
 * farther than the median), so it is judged on its logarithm, where its spread is near-symmetric.
 */
function value(cell: CellFeatures, feature: ZFeature): number | null {
  return feature === 'dvDeviation' ? Math.log(cell.dvDeviation) : cell[feature];
}

export function rejectOutliers(features: FeatureSet, options: RejectionOptions, floors: Record<ZFeature, number>): RejectionResult {
  const scales = {} as Record<ZFeature, RobustScale>;
  for (const f of Z_FEATURES) {
    const values = features.cells.map((c) => value(c, f)).filter((v): v is number => v !== null);
    scales[f] = values.length > 0 ? robustScale(values, floors[f]) : { centre: NaN, scale: NaN };
  }
  const cells = features.cells.map((cell): CellRejection => {
    const z = {} as Record<ZFeature, number | null>;
    const reasons: RejectionReason[] = [];
    if (cell.restVoltage < options.minRestVoltage) reasons.push({ kind: 'over-discharged', restVoltage: cell.restVoltage, limit: options.minRestVoltage });
    if (-cell.restVoltageDrift > options.maxVoltageFallRate) reasons.push({ kind: 'self-discharge', fallRate: -cell.restVoltageDrift, limit: options.maxVoltageFallRate });
    if (cell.capacityProxy === null) reasons.push({ kind: 'capacity-proxy-undefined' });
    for (const f of Z_FEATURES) {
      const v = value(cell, f);
      const s = scales[f];
      z[f] = v === null || !(s.scale > 0) ? null : (v - s.centre) / s.scale;
      const zf = z[f];
      if (zf === null) continue;
      const out = SIDES[f] === 'both' ? Math.abs(zf) > options.zLimit : SIDES[f] === 'upper' ? zf > options.zLimit : false;
      if (out) reasons.push({ kind: 'robust-z', feature: f, z: zf, limit: options.zLimit });
    }
    return { z, reasons };
  });
  return { cells, scales };
}

/** A reason in words, with the values in the units a battery engineer reads (mV/day, Ah, mΩ). */
export function reasonText(r: RejectionReason): string {
  switch (r.kind) {
    case 'over-discharged':
      return `rest voltage ${r.restVoltage.toFixed(3)} V below ${r.limit} V (over-discharged)`;
    case 'self-discharge':
      return `rest voltage falls ${(r.fallRate * 86400e3).toFixed(1)} mV/day, more than ${(r.limit * 86400e3).toFixed(1)} mV/day (self-discharge)`;
    case 'capacity-proxy-undefined':
      return 'charge curve does not span the capacity-proxy limits';
    case 'robust-z':
      return `${r.feature === 'dvDeviation' ? 'log DV deviation from the string mean' : r.feature} robust z = ${r.z.toFixed(1)} beyond ±${r.limit}`;
  }
}
