/**
 * Every parameter of the grading, with its default and why. SI: V, C (= A s), Ω, s, V/s.
 */

export interface GradingOptions {
  /** Interval credited to the first sample of the charge (the source scripts use the nominal 5 s), s. */
  readonly firstSampleInterval: number;
  /**
   * Voltage limits of the capacity proxy (charge passed between the cell's smoothed voltage first reaching `lower`
   * and first reaching `upper`), V. Defaults 3.26–3.33 V: on the retired-LFP charge every cell crosses both on the
   * sloped stretch between the low-SOC knee and the flat plateau, well after the start transient (3.26 V at
   * ≥ 4.9 Ah) and before the current step (3.32 V at ≤ 49.5 Ah of 104 Ah), so at the same near-constant 22.5–25 A.
   * Higher limits fall on the plateau's edge or on the plateau itself (3.34 V is crossed anywhere from 50 to
   * 104 Ah), where a hot cell's lower polarization rather than its charge decides the crossing (with 3.33 V the
   * proxy of the hottest cells, 34.6 °C, rose by up to 40 %); lower ones meet the start transient of cells that
   * began near 3.2 V. Even so the proxy correlates with the mean charge temperature (r ≈ 0.4): it is a proxy.
   */
  readonly capacityProxyLimits: { readonly lower: number; readonly upper: number };
  /** dQ/dV smoothing: centred difference over ±halfWindow on a grid of `step`, V. */
  readonly ic: { readonly halfWindow: number; readonly step: number };
  /**
   * Internal resistance from the charge's largest current step: ΔV/ΔI between the means of the `samples` samples
   * before and after the step; no resistance when the step rises less than `minRise` (A).
   */
  readonly resistance: { readonly samples: number; readonly minRise: number };
  readonly rejection: RejectionOptions;
  readonly grouping: GroupingOptions;
  readonly grades: GradeThresholds;
}

export interface RejectionOptions {
  /**
   * A cell is an outlier when a feature's robust z-score |x − median| / (1.4826 MAD) exceeds this (3.5: the
   * modified z-score limit of Iglewicz & Hoaglin, "How to Detect and Handle Outliers", ASQC 1993).
   */
  readonly zLimit: number;
  /** Absolute limits, each a reason of its own: relaxed voltage below this on the rest day (over-discharged), V. */
  readonly minRestVoltage: number;
  /** Rest-voltage fall faster than this (a self-discharge proxy), V/s (default 5 mV/day; the string's median is −0.3 mV/day). */
  readonly maxVoltageFallRate: number;
}

export interface GroupingOptions {
  /** Cells per module: groups are this size exactly; kept cells beyond a multiple are spares. */
  readonly moduleSize: number;
  /** Seed of the k-means++ seeding and of the random partitions the groups are compared with. */
  readonly seed: number;
  /** k-means++ restarts; the partition with the least within-group sum of squares is kept. */
  readonly restarts: number;
  /** Assignment–update rounds per restart at most. */
  readonly maxIterations: number;
  /**
   * Weights of the feature blocks in the clustering distance (each scalar standardised by its robust z; the DV vector
   * standardised per position and divided by √length, so the whole vector weighs as one scalar).
   */
  readonly weights: { readonly capacityProxy: number; readonly resistance: number; readonly dvVector: number };
  /** Random partitions of the kept cells into the same sizes, the baseline of the tightness ratio. */
  readonly randomPartitions: number;
}

/** Grade thresholds, relative to the string's median over kept cells. */
export interface GradeThresholds {
  /** Recycle below this fraction of the median capacity proxy. */
  readonly recycleCapacityFraction: number;
  /** Recycle above this multiple of the median resistance. */
  readonly recycleResistanceFactor: number;
  /** Reuse at low power above this multiple of the median resistance (or when rejected as an outlier only). */
  readonly lowPowerResistanceFactor: number;
}

export const GRADING_DEFAULTS: GradingOptions = {
  firstSampleInterval: 5,
  capacityProxyLimits: { lower: 3.26, upper: 3.32 },
  ic: { halfWindow: 0.005, step: 0.0005 },
  resistance: { samples: 3, minRise: 5 },
  rejection: { zLimit: 3.5, minRestVoltage: 3.0, maxVoltageFallRate: 0.005 / 86400 },
  grouping: {
    moduleSize: 16,
    seed: 1,
    restarts: 10,
    maxIterations: 100,
    weights: { capacityProxy: 1, resistance: 1, dvVector: 1 },
    randomPartitions: 1000,
  },
  grades: { recycleCapacityFraction: 0.85, recycleResistanceFactor: 3, lowPowerResistanceFactor: 1.5 },
};
