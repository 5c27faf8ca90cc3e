/**
 * x^e for a fixed list of exponents e, formed without Math.pow (about 50 ns a call in V8 against 1–3 ns for a
 * multiplication). Every exponent is a product of two earlier table entries (an addition chain planned once):
 * integer powers by halving (x^28 = x^14 · x^14, a chain of depth 5 instead of 27 multiplications one after the
 * other), multiples of 1/8 from √x, √√x and √√√x (only the roots some exponent needs), negative powers from 1/x,
 * and any other fractional part by one exp(f ln x) shared by every exponent that has it.
 */
export class PowerTable {
  /** The table after update(x): x^e for each exponent e is table[slot[i]] (other entries are intermediates). */
  readonly table: Float64Array;
  /** Per exponent, in the order given to the constructor: where its power sits in `table`. */
  readonly slot: Int32Array;
  /** The chain: table[stepTo[k]] = table[stepA[k]] · table[stepB[k]], in order. */
  private readonly stepTo: Int32Array;
  private readonly stepA: Int32Array;
  private readonly stepB: Int32Array;
  /** How many square roots of x are needed (0–3): table[3 + k] = x^(1/2^(k+1)). */
  private readonly roots: number;
  private readonly needInverse: boolean;
  /** Fractional parts that are not multiples of 1/8, with their table entries. */
  private readonly otherFractions: Float64Array;
  private readonly otherSlot: Int32Array;

  constructor(exponents: ArrayLike<number>) {
    // fixed entries: 0 → x^0, 1 → x, 2 → 1/x, 3..5 → x^(1/2), x^(1/4), x^(1/8)
    const memo = new Map<number, number>([
      [0, 0],
      [1, 1],
    ]);
    let size = 6;
    let roots = 0;
    let needInverse = false;
    const steps: [number, number, number][] = [];
    const others: number[] = [];
    const otherSlot: number[] = [];
    const product = (a: number, b: number): number => {
      steps.push([size, a, b]);
      return size++;
    };
    const need = (e: number): number => {
      const known = memo.get(e);
      if (known !== undefined) return known;
      let s: number;
      const floor = Math.floor(e);
      const fraction = e - floor;
      if (fraction !== 0) {
        const eighths = fraction * 8;
        let f: number;
        if (Math.abs(eighths - Math.round(eighths)) < 1e-12 && Math.round(eighths) % 8 !== 0) {
          const j = Math.round(eighths);
          // j/8 = bits of 1/2, 1/4, 1/8
          const bits = [j & 4 ? 3 : -1, j & 2 ? 4 : -1, j & 1 ? 5 : -1].filter((b) => b >= 0);
          roots = Math.max(roots, ...bits.map((b) => b - 2));
          f = bits[0];
          for (let k = 1; k < bits.length; k++) f = product(f, bits[k]);
        } else {
          let j = others.findIndex((o) => Math.abs(o - fraction) < 1e-15);
          if (j < 0) {
            others.push(fraction);
            otherSlot.push(size++);
            j = others.length - 1;
          }
          f = otherSlot[j];
        }
        s = floor === 0 ? f : product(need(floor), f);
      } else if (e === -1) {
        needInverse = true;
        s = 2;
      } else {
        const half = e > 0 ? Math.floor(e / 2) : Math.ceil(e / 2);
        s = product(need(half), need(e - half));
      }
      memo.set(e, s);
      return s;
    };
    this.slot = Int32Array.from(Array.from(exponents, (e) => need(e)));
    this.table = new Float64Array(size);
    this.stepTo = Int32Array.from(steps, (s) => s[0]);
    this.stepA = Int32Array.from(steps, (s) => s[1]);
    this.stepB = Int32Array.from(steps, (s) => s[2]);
    this.roots = roots;
    this.needInverse = needInverse;
    this.otherFractions = Float64Array.from(others);
    this.otherSlot = Int32Array.from(otherSlot);
  }

  /** Fills `table` for x > 0. */
  update(x: number): void {
    const table = this.table;
    table[0] = 1;
    table[1] = x;
    if (this.needInverse) table[2] = 1 / x;
    const roots = this.roots;
    if (roots > 0) {
      const half = Math.sqrt(x);
      table[3] = half;
      if (roots > 1) {
        const quarter = Math.sqrt(half);
        table[4] = quarter;
        if (roots > 2) table[5] = Math.sqrt(quarter);
      }
    }
    const others = this.otherFractions;
    if (others.length > 0) {
      const lnx = Math.log(x);
      const otherSlot = this.otherSlot;
      for (let j = 0; j < others.length; j++) table[otherSlot[j]] = Math.exp(others[j] * lnx);
    }
    const to = this.stepTo;
    const a = this.stepA;
    const b = this.stepB;
    for (let k = 0; k < to.length; k++) table[to[k]] = table[a[k]] * table[b[k]];
  }

  /**
   * The same computation as `update`, as JavaScript statements for a generated kernel: x is the name of the base,
   * and entry i of the table becomes the constant named name(i).
   */
  source(x: string, name: (slot: number) => string): string {
    const lines = [`const ${name(0)} = 1;`, `const ${name(1)} = ${x};`];
    if (this.needInverse) lines.push(`const ${name(2)} = 1 / ${x};`);
    if (this.roots > 0) lines.push(`const ${name(3)} = Math.sqrt(${x});`);
    if (this.roots > 1) lines.push(`const ${name(4)} = Math.sqrt(${name(3)});`);
    if (this.roots > 2) lines.push(`const ${name(5)} = Math.sqrt(${name(4)});`);
    if (this.otherFractions.length > 0) {
      lines.push(`const ${name(0)}ln = Math.log(${x});`);
      this.otherFractions.forEach((f, j) => lines.push(`const ${name(this.otherSlot[j])} = Math.exp(${f} * ${name(0)}ln);`));
    }
    for (let k = 0; k < this.stepTo.length; k++) lines.push(`const ${name(this.stepTo[k])} = ${name(this.stepA[k])} * ${name(this.stepB[k])};`);
    return lines.join('\n');
  }
}
