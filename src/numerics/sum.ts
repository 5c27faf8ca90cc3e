/** Neumaier's compensated sum: long sums (a year of hourly energies) without losing the small terms. */
export function compensatedSum(values: ArrayLike<number>): number {
  let sum = 0;
  let c = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    const t = sum + v;
    c += Math.abs(sum) >= Math.abs(v) ? sum - t + v : v - t + sum;
    sum = t;
  }
  return sum + c;
}

/** An accumulator with the same compensation, for sums built up one term at a time. */
export class KahanAccumulator {
  private sum = 0;
  private c = 0;
  add(v: number): this {
    const t = this.sum + v;
    this.c += Math.abs(this.sum) >= Math.abs(v) ? this.sum - t + v : v - t + this.sum;
    this.sum = t;
    return this;
  }
  get value(): number {
    return this.sum + this.c;
  }
}
