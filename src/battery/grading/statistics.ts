/**
 * The few statistics the grading needs: mean, sample standard deviation (N − 1, as MATLAB's std), median, the median
 * absolute deviation and robust z-scores, and Euclidean distances between feature vectors.
 */

export function mean(x: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i];
  return s / x.length;
}

/** Sample standard deviation (N − 1); 0 for fewer than two values. */
export function sampleStd(x: ArrayLike<number>): number {
  if (x.length < 2) return 0;
  const m = mean(x);
  let s = 0;
  for (let i = 0; i < x.length; i++) s += (x[i] - m) ** 2;
  return Math.sqrt(s / (x.length - 1));
}

export function median(x: ArrayLike<number>): number {
  const s = Float64Array.from(x).sort();
  const n = s.length;
  if (n === 0) return NaN;
  return n % 2 === 1 ? s[(n - 1) / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
}

/**
 * The consistency constant that makes 1.4826 · MAD estimate the standard deviation of a normal sample
 * (1 / Φ⁻¹(3/4); Rousseeuw & Croux, JASA 88 (1993) 1273).
 */
export const MAD_TO_SIGMA = 1.4826;

/** The robust centre and scale of a feature: median and 1.4826 · MAD, the scale floored at `minScale`. */
export interface RobustScale {
  readonly centre: number;
  readonly scale: number;
}

export function robustScale(x: ArrayLike<number>, minScale: number): RobustScale {
  const centre = median(x);
  const deviations = Array.from(x, (v) => Math.abs(v - centre));
  return { centre, scale: Math.max(MAD_TO_SIGMA * median(deviations), minScale) };
}

export function euclidean(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] - b[i]) ** 2;
  return Math.sqrt(s);
}

/** Each vector's mean Euclidean distance to all vectors, itself included (divides by N, as the paper's script). */
export function meanDistances(vectors: readonly ArrayLike<number>[]): Float64Array {
  const n = vectors.length;
  const sums = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const d = euclidean(vectors[i], vectors[j]);
      sums[i] += d;
      sums[j] += d;
    }
  }
  return sums.map((s) => s / n);
}
