/**
 * Second-life grading of a campaign of retired cells: features (features.ts), outlier rejection (rejection.ts), a
 * grade per cell, and the storage-grade cells grouped into modules of equal size (grouping.ts) with their
 * within-group spreads against random groupings of the same sizes (spread.ts). The result says what the data cannot
 * say (limitations), from the campaign's own figures.
 *
 * Grades, with the thresholds of GradeThresholds (relative to the medians of the cells kept by the rejection):
 *   recycle          over-discharged or fast self-discharge (rejection's absolute limits), or a capacity proxy
 *                    below recycleCapacityFraction × median, or a resistance above recycleResistanceFactor × median;
 *   reuse-low-power  otherwise, a cell rejected as a statistical outlier (inconsistent with the string, not
 *                    damaged) or with a resistance above lowPowerResistanceFactor × median;
 *   reuse-storage    the rest: these are grouped into modules.
 */
import type { Campaign } from './campaign.js';
import { campaignFeatures, type CellFeatures, type StringFeatures } from './features.js';
import { balancedKMeans } from './grouping.js';
import { GRADING_DEFAULTS, type GradingOptions } from './options.js';
import { reasonText, rejectOutliers, scaleFloors, type RejectionReason, type ZFeature } from './rejection.js';
import { averageSpreads, groupSpreads, meanSpreads, randomPartitionSpreads, type Spreads } from './spread.js';
import { median, robustScale } from './statistics.js';

export type Grade = 'reuse-storage' | 'reuse-low-power' | 'recycle';
export const GRADES: readonly Grade[] = ['reuse-storage', 'reuse-low-power', 'recycle'];

export interface CellGrade {
  readonly features: CellFeatures;
  /** Robust z-score of each judged feature (dvDeviation: of its logarithm). */
  readonly z: Readonly<Record<ZFeature, number | null>>;
  readonly rejected: boolean;
  readonly reasons: readonly RejectionReason[];
  /** Module number from 1, or null (not storage grade, or a spare). */
  readonly group: number | null;
  readonly grade: Grade;
  /** Why this grade, in words. */
  readonly gradeReason: string;
}

export interface GroupSummary {
  /** Module number from 1. */
  readonly group: number;
  readonly cells: readonly string[];
  readonly spreads: Spreads;
}

export interface GradingResult {
  readonly cells: readonly CellGrade[];
  readonly string: StringFeatures;
  readonly groups: readonly GroupSummary[];
  /** Storage-grade cells left over (count not a multiple of the module size). */
  readonly spares: readonly string[];
  /** Cells per grade and the share of all cells. */
  readonly yields: Readonly<Record<Grade, { readonly count: number; readonly share: number }>>;
  /**
   * Mean within-group spreads of the modules; their mean over random partitions of the same cells into the same
   * sizes; the ratio; and the share of random partitions at least as tight as the modules, per spread.
   */
  readonly tightness: { readonly grouped: Spreads; readonly random: Spreads; readonly ratio: Spreads; readonly randomAsTight: Spreads };
  /** Medians over kept cells the grade thresholds are relative to: capacity proxy (C), resistance (Ω). */
  readonly medians: { readonly capacityProxy: number; readonly resistance: number | null };
  /** What the data cannot say, with this campaign's figures. */
  readonly limitations: readonly string[];
  /** The methods and their parameters, in words. */
  readonly methods: readonly string[];
  readonly options: GradingOptions;
}

/** Clustering coordinates: robust z of capacity proxy and resistance; the relative DV vector per position / √m. */
function clusteringPoints(cells: readonly CellFeatures[], options: GradingOptions): Float64Array[] {
  if (cells.length === 0) return [];
  const w = options.grouping.weights;
  const cap = robustScale(cells.map((c) => c.capacityProxy ?? 0), 1e-12);
  const hasR = cells.every((c) => c.resistance !== null);
  const res = hasR ? robustScale(cells.map((c) => c.resistance ?? 0), 1e-12) : null;
  const m = cells[0].dvRelative.length;
  const dv = Array.from({ length: m }, (_, j) => robustScale(cells.map((c) => c.dvRelative[j]), 1e-12));
  return cells.map((c) => {
    const p = [w.capacityProxy * (((c.capacityProxy ?? 0) - cap.centre) / cap.scale)];
    if (res) p.push(w.resistance * (((c.resistance ?? 0) - res.centre) / res.scale));
    for (let j = 0; j < m; j++) p.push((w.dvVector / Math.sqrt(m)) * ((c.dvRelative[j] - dv[j].centre) / dv[j].scale));
    return Float64Array.from(p);
  });
}

/**
 * Above a relative limit by more than round-off: the resistance is quantised (1 mV steps), so a ratio of counts can
 * land exactly on a limit such as 1.5 (12 counts over 8), and exactly on the limit is not beyond it.
 */
const beyond = (ratio: number, limit: number) => ratio > limit * (1 + 1e-9);

function gradeOf(f: CellFeatures, reasons: readonly RejectionReason[], medians: GradingResult['medians'], options: GradingOptions): { grade: Grade; why: string } {
  const t = options.grades;
  const damaged = reasons.filter((r) => r.kind === 'over-discharged' || r.kind === 'self-discharge');
  if (damaged.length > 0) return { grade: 'recycle', why: damaged.map(reasonText).join('; ') };
  if (f.capacityProxy !== null && f.capacityProxy < t.recycleCapacityFraction * medians.capacityProxy) {
    return { grade: 'recycle', why: `capacity proxy ${(f.capacityProxy / medians.capacityProxy).toFixed(3)} × median < ${t.recycleCapacityFraction}` };
  }
  const rRatio = f.resistance !== null && medians.resistance ? f.resistance / medians.resistance : null;
  if (rRatio !== null && beyond(rRatio, t.recycleResistanceFactor)) return { grade: 'recycle', why: `resistance ${rRatio.toFixed(2)} × median > ${t.recycleResistanceFactor}` };
  if (reasons.length > 0) return { grade: 'reuse-low-power', why: `outlier: ${reasons.map(reasonText).join('; ')}` };
  if (rRatio !== null && beyond(rRatio, t.lowPowerResistanceFactor)) return { grade: 'reuse-low-power', why: `resistance ${rRatio.toFixed(2)} × median > ${t.lowPowerResistanceFactor}` };
  return { grade: 'reuse-storage', why: 'consistent with the string' };
}

function correlation(x: readonly number[], y: readonly number[]): number {
  const mx = x.reduce((s, v) => s + v, 0) / x.length;
  const my = y.reduce((s, v) => s + v, 0) / y.length;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  x.forEach((v, i) => {
    sxy += (v - mx) * (y[i] - my);
    sxx += (v - mx) ** 2;
    syy += (y[i] - my) ** 2;
  });
  return sxy / Math.sqrt(sxx * syy);
}

function limitationsOf(campaign: Campaign, cells: readonly CellFeatures[], s: StringFeatures, options: GradingOptions): string[] {
  const { lower, upper } = options.capacityProxyLimits;
  const ends = cells.map((c) => c.chargeEndVoltage);
  const withProxy = cells.filter((c) => c.capacityProxy !== null);
  const r = correlation(withProxy.map((c) => c.capacityProxy as number), withProxy.map((c) => c.chargeMeanTemperature));
  const out = [
    `Partial charge: ${(s.chargeThroughput / 3600).toFixed(1)} Ah passed, ending at ${Math.min(...ends).toFixed(3)}–${Math.max(...ends).toFixed(3)} V on the LFP plateau without an end-of-charge voltage; ` +
      `the "capacity proxy" is the charge between ${lower} and ${upper} V, not a capacity (its correlation with the cell's mean charge temperature is r = ${r.toFixed(2)}).`,
    'No discharge data: no discharge capacity, energy, efficiency or fade trend; grades rest on charge-curve shape, one current step and one rest day.',
  ];
  if (s.currentStep) {
    const di = s.currentStep.after - s.currentStep.before;
    const quantum = 0.001 / (options.resistance.samples * di);
    const rMed = median(cells.map((c) => c.resistance ?? NaN).filter(Number.isFinite));
    out.push(
      `Resistance: one step of ${di.toFixed(1)} A after ${s.currentStep.time} s, ΔV/ΔI between the mean of the samples at ${s.currentStep.windowBefore.join('–')} s and at ${s.currentStep.windowAfter.join('–')} s ` +
        `(the first after the step up to ${s.currentStep.windowAfter[0] - s.currentStep.time} s after it, the sampling interval); the voltage's 1 mV resolution gives a quantum of ` +
        `${(quantum * 1e3).toFixed(3)} mΩ against a median of ${(rMed * 1e3).toFixed(3)} mΩ, and the window holds fast polarisation as well as the ohmic part.`,
    );
  } else {
    out.push('Resistance: no current step in the charge; none estimated.');
  }
  const restHours = s.restDuration / 3600;
  out.push(
    `Self-discharge: a proxy from the rest-voltage slope over ${restHours.toFixed(1)} h of ${campaign.rest.label} (1 mV resolution; temperature changes shift the voltage too), measured on another day than the charge.`,
  );
  return out;
}

function methodsOf(options: GradingOptions): string[] {
  const g = options.grouping;
  const w = g.weights;
  return [
    `Capacity proxy: charge between the smoothed voltage first reaching ${options.capacityProxyLimits.lower} V and ${options.capacityProxyLimits.upper} V.`,
    'DV vector: dV/dQ at the strict local maxima of the across-cell coefficient of variation of dV/dQ (the source paper\'s method); relative to the string mean at each position.',
    `dQ/dV peak: centred difference over ±${options.ic.halfWindow * 1e3} mV on a ${options.ic.step * 1e3} mV grid, before the current step.`,
    `Rejection: robust z = (x − median)/(1.4826 MAD) beyond ±${options.rejection.zLimit} on capacity proxy, resistance and rest-voltage drift, above +${options.rejection.zLimit} on the log DV deviation; rest voltage below ${options.rejection.minRestVoltage} V; voltage falling faster than ${(options.rejection.maxVoltageFallRate * 86400e3).toFixed(1)} mV/day.`,
    `Grouping: balanced k-means into modules of ${g.moduleSize} cells (k-means++ seeding, seed ${g.seed}, ${g.restarts} restarts, at most ${g.maxIterations} rounds), on robust-z capacity proxy (weight ${w.capacityProxy}), resistance (weight ${w.resistance}) and the relative DV vector (weight ${w.dvVector} for the whole vector).`,
    `Baseline: ${g.randomPartitions} random partitions of the same cells into the same sizes (seed ${g.seed}).`,
  ];
}

export function gradeCampaign(campaign: Campaign, options: GradingOptions = GRADING_DEFAULTS): GradingResult {
  const features = campaignFeatures(campaign, options);
  const rejection = rejectOutliers(features, options.rejection, scaleFloors(features, { resistanceSamples: options.resistance.samples }));
  const kept = features.cells.filter((_, i) => rejection.cells[i].reasons.length === 0);
  if (kept.length === 0) throw new RangeError('grading: every cell was rejected; nothing to group');
  const resistances = kept.map((c) => c.resistance).filter((r): r is number => r !== null);
  const medians = { capacityProxy: median(kept.map((c) => c.capacityProxy as number)), resistance: resistances.length > 0 ? median(resistances) : null };
  const graded = features.cells.map((f, i) => ({ f, i, ...gradeOf(f, rejection.cells[i].reasons, medians, options) }));
  const storage = graded.filter((g) => g.grade === 'reuse-storage');
  const size = options.grouping.moduleSize;
  const grouping = balancedKMeans(clusteringPoints(storage.map((g) => g.f), options), { ...options.grouping, size });
  const groupOf = new Map<number, number>();
  storage.forEach((g, j) => grouping.group[j] >= 0 && groupOf.set(g.i, grouping.group[j]));
  // modules numbered by falling median capacity proxy, so module 1 is the strongest
  const members = Array.from({ length: grouping.groups }, (_, k) => storage.filter((_, j) => grouping.group[j] === k).map((g) => g.f));
  const order = members.map((m, k) => ({ k, q: median(m.map((c) => c.capacityProxy as number)) })).sort((a, b) => b.q - a.q || a.k - b.k);
  const number = new Map(order.map((o, n) => [o.k, n + 1]));
  const groups = order.map(({ k }) => ({ group: number.get(k) as number, cells: members[k].map((c) => c.cell), spreads: groupSpreads(members[k]) }));

  const cells = graded.map(({ f, i, grade, why }): CellGrade => {
    const k = groupOf.get(i);
    return { features: f, z: rejection.cells[i].z, rejected: rejection.cells[i].reasons.length > 0, reasons: rejection.cells[i].reasons, group: k === undefined ? null : (number.get(k) as number), grade, gradeReason: why };
  });
  const yields = Object.fromEntries(
    GRADES.map((g) => {
      const count = cells.filter((c) => c.grade === g).length;
      return [g, { count, share: count / cells.length }];
    }),
  ) as Record<Grade, { count: number; share: number }>;
  const grouped = meanSpreads(members);
  const runs = randomPartitionSpreads(storage.map((g) => g.f), members.map((m) => m.length), options.grouping.randomPartitions, options.grouping.seed);
  const random = averageSpreads(runs);
  const per = (f: (key: keyof Spreads) => number): Spreads => ({ capacityProxy: f('capacityProxy'), resistance: f('resistance'), dvVector: f('dvVector'), restVoltage: f('restVoltage') });
  const ratio = per((key) => grouped[key] / random[key]);
  const randomAsTight = per((key) => runs.filter((r) => r[key] <= grouped[key]).length / runs.length);
  return {
    cells,
    string: features.string,
    groups,
    spares: cells.filter((c) => c.grade === 'reuse-storage' && c.group === null).map((c) => c.features.cell),
    yields,
    tightness: { grouped, random, ratio, randomAsTight },
    medians,
    limitations: limitationsOf(campaign, features.cells, features.string, options),
    methods: methodsOf(options),
    options,
  };
}
