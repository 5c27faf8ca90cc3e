/**
 * Distributions of study parameters and their inverse CDFs, which map a coordinate u ∈ [0, 1] of a design (grid,
 * Latin hypercube, Sobol) to a parameter value with the intended distribution: x = F⁻¹(u).
 *
 * The continuous kinds are the finance layer's `Distribution` (src/finance/random.ts; declared there once, checked
 * by its checkDistribution): uniform, triangular, normal (truncated to [min, max] when either is given), lognormal
 * (given the mean and standard deviation of the variable itself). This file adds `discrete` (values with weights).
 * PERT is not offered here: its inverse CDF needs the inverse incomplete beta function, which the project lacks.
 *
 * A distribution without a finite end has no value at u = 0 or u = 1: fromUnit refuses those (an unscrambled Sobol
 * sequence starts at the origin; skip a point or give a seed).
 */
import { checkDistribution, type Distribution } from '../../../finance/random.js';
import { ProjectError } from '../../errors.js';
import { checkFinite } from './checks.js';
import { normalCdf, normalQuantile } from '../../../numerics/normal.js';

/** Values with relative weights (equal weights when absent); F⁻¹(u) is the first value whose cumulative weight exceeds u. */
export interface DiscreteDistribution {
  readonly kind: 'discrete';
  /** The values the parameter takes, in the parameter's SI unit. */
  readonly values: readonly number[];
  /** Relative weights, one per value, ≥ 0 with a positive sum; normalised here. */
  readonly weights?: readonly number[];
}

export type StudyDistribution = Exclude<Distribution, { kind: 'pert' }> | DiscreteDistribution;

export const STUDY_DISTRIBUTION_KINDS = ['uniform', 'triangular', 'normal', 'lognormal', 'discrete'] as const;

/** Smallest probability a truncation range may hold (below it the inverse CDF has no digits left). */
const MIN_TRUNCATED_MASS = 1e-12;

/** Throws (naming `field`) unless d is a valid study distribution. */
export function checkStudyDistribution(d: StudyDistribution, field = 'distribution'): void {
  if (!d || typeof d !== 'object' || !(STUDY_DISTRIBUTION_KINDS as readonly string[]).includes(d.kind)) {
    throw new ProjectError(`${field}.kind`, d?.kind, `one of ${STUDY_DISTRIBUTION_KINDS.map((k) => `"${k}"`).join(', ')}`);
  }
  if (d.kind === 'discrete') {
    if (!Array.isArray(d.values) || d.values.length === 0) throw new ProjectError(`${field}.values`, d.values, 'a non-empty list of numbers');
    d.values.forEach((v, i) => checkFinite(`${field}.values[${i}]`, v));
    if (d.weights !== undefined) {
      if (!Array.isArray(d.weights) || d.weights.length !== d.values.length) {
        throw new ProjectError(`${field}.weights`, d.weights, `${d.values.length} weights, one per value`);
      }
      d.weights.forEach((w, i) => checkFinite(`${field}.weights[${i}]`, w, 0));
      if (!(d.weights.reduce((s, w) => s + w, 0) > 0)) throw new ProjectError(`${field}.weights`, d.weights, 'weights with a positive sum');
    }
    return;
  }
  checkDistribution(d, field);
  if (d.kind === 'normal' && (d.min !== undefined || d.max !== undefined)) {
    const mass = truncatedMass(d.mean, d.sd, d.min ?? -Infinity, d.max ?? Infinity);
    if (!(mass >= MIN_TRUNCATED_MASS)) {
      throw new ProjectError(field, d, `a truncation range holding at least ${MIN_TRUNCATED_MASS} of the normal distribution (it holds ${mass})`);
    }
  }
}

function truncatedMass(mean: number, sd: number, lo: number, hi: number): number {
  const a = (lo - mean) / sd;
  const b = (hi - mean) / sd;
  // In the upper tail the mass is taken from the survival function, which keeps its digits there.
  return a > 0 ? normalCdf(-a) - normalCdf(-b) : normalCdf(b) - normalCdf(a);
}

/** Standard normal truncated to [a, b] (a < b), at probability u, computed in the lower tail for accuracy. */
function truncatedStandardQuantile(a: number, b: number, u: number): number {
  if (a > 0) return -truncatedStandardQuantile(-b, -a, 1 - u);
  const pa = normalCdf(a);
  const pb = normalCdf(b);
  const z = normalQuantile(pa + u * (pb - pa));
  // Φ and Φ⁻¹ round trip within ulps; this keeps a value on the edge inside the range it was drawn for.
  return Math.min(b, Math.max(a, z));
}

/** F⁻¹(u): the parameter value at probability u ∈ [0, 1] (open at an infinite end). Assumes a checked distribution. */
export function fromUnit(d: StudyDistribution, u: number, field = 'u'): number {
  checkFinite(field, u, 0, 1);
  switch (d.kind) {
    case 'uniform':
      return d.min + u * (d.max - d.min);
    case 'triangular': {
      const w = d.max - d.min;
      const fc = (d.mode - d.min) / w;
      return u < fc ? d.min + Math.sqrt(u * w * (d.mode - d.min)) : d.max - Math.sqrt((1 - u) * w * (d.max - d.mode));
    }
    case 'normal': {
      const lo = d.min ?? -Infinity;
      const hi = d.max ?? Infinity;
      if (lo === -Infinity && hi === Infinity) {
        checkFinite(field, u, 0, 1, true);
        return d.mean + d.sd * normalQuantile(u, field);
      }
      if (u === 0 && lo > -Infinity) return lo;
      if (u === 1 && hi < Infinity) return hi;
      if ((u === 0 && lo === -Infinity) || (u === 1 && hi === Infinity)) checkFinite(field, u, 0, 1, true);
      return d.mean + d.sd * truncatedStandardQuantile((lo - d.mean) / d.sd, (hi - d.mean) / d.sd, u);
    }
    case 'lognormal': {
      const s2 = Math.log(1 + (d.sd * d.sd) / (d.mean * d.mean));
      const mu = Math.log(d.mean) - s2 / 2;
      checkFinite(field, u, 0, 1, true);
      return Math.exp(mu + Math.sqrt(s2) * normalQuantile(u, field));
    }
    case 'discrete': {
      const w = d.weights ?? d.values.map(() => 1);
      const total = w.reduce((s, x) => s + x, 0);
      let cumulative = 0;
      for (let k = 0; k < d.values.length; k++) {
        cumulative += w[k];
        if (u * total < cumulative) return d.values[k];
      }
      for (let k = d.values.length - 1; k >= 0; k--) if (w[k] > 0) return d.values[k];
      return d.values[d.values.length - 1];
    }
  }
}

/** One design row mapped to parameter values: column i through distributions[i]. */
export function valuesFromUnit(row: readonly number[], distributions: readonly StudyDistribution[], field = 'row'): number[] {
  if (row.length !== distributions.length) throw new ProjectError(field, `${row.length} coordinates`, `${distributions.length} coordinates, one per parameter`);
  return row.map((u, i) => fromUnit(distributions[i], u, `${field}[${i}]`));
}
