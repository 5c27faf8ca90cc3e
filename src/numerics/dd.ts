/**
 * Double-double arithmetic: a number as an unevaluated sum hi + lo of two doubles, about 32 significant digits
 * (Dekker 1971; Hida, Li & Bailey, "Algorithms for quad-double precision floating point arithmetic", 2001).
 * Slow and allocating — for the few computations whose answer is a small difference of large quantities,
 * such as phase equilibrium within microkelvins of a critical point.
 */
export class DD {
  constructor(
    readonly hi: number,
    readonly lo = 0,
  ) {}

  static of(x: number): DD {
    return new DD(x, 0);
  }

  toNumber(): number {
    return this.hi + this.lo;
  }

  add(b: DD | number): DD {
    const B = typeof b === 'number' ? new DD(b) : b;
    let [s, e] = twoSum(this.hi, B.hi);
    const [t, f] = twoSum(this.lo, B.lo);
    e += t;
    [s, e] = quickTwoSum(s, e);
    e += f;
    const [h, l] = quickTwoSum(s, e);
    return new DD(h, l);
  }

  sub(b: DD | number): DD {
    const B = typeof b === 'number' ? new DD(b) : b;
    return this.add(new DD(-B.hi, -B.lo));
  }

  neg(): DD {
    return new DD(-this.hi, -this.lo);
  }

  mul(b: DD | number): DD {
    const B = typeof b === 'number' ? new DD(b) : b;
    let [p, e] = twoProd(this.hi, B.hi);
    e += this.hi * B.lo + this.lo * B.hi;
    [p, e] = quickTwoSum(p, e);
    return new DD(p, e);
  }

  div(b: DD | number): DD {
    const B = typeof b === 'number' ? new DD(b) : b;
    const q1 = this.hi / B.hi;
    let r = this.sub(B.mul(q1));
    const q2 = r.hi / B.hi;
    r = r.sub(B.mul(q2));
    const q3 = r.hi / B.hi;
    const [h, l] = quickTwoSum(q1, q2);
    return new DD(h, l).add(q3);
  }

  /** this^n for an integer n ≥ 0, by repeated squaring. */
  powInt(n: number): DD {
    let result = DD.of(1);
    let base: DD = this;
    let k = n;
    while (k > 0) {
      if (k & 1) result = result.mul(base);
      base = base.mul(base);
      k >>= 1;
    }
    return result;
  }

  /** this^e for a real exponent (this > 0); exact for integer e. */
  pow(e: number): DD {
    if (Number.isInteger(e) && e >= 0) return this.powInt(e);
    if (Number.isInteger(e)) return DD.of(1).div(this.powInt(-e));
    return ddExp(ddLog(this).mul(e));
  }
}

const SPLITTER = 134217729; // 2^27 + 1

function twoSum(a: number, b: number): [number, number] {
  const s = a + b;
  const bb = s - a;
  return [s, a - (s - bb) + (b - bb)];
}

function quickTwoSum(a: number, b: number): [number, number] {
  const s = a + b;
  return [s, b - (s - a)];
}

function split(a: number): [number, number] {
  const t = SPLITTER * a;
  const hi = t - (t - a);
  return [hi, a - hi];
}

function twoProd(a: number, b: number): [number, number] {
  const p = a * b;
  const [ah, al] = split(a);
  const [bh, bl] = split(b);
  return [p, ah * bh - p + ah * bl + al * bh + al * bl];
}

const LN2 = new DD(0.6931471805599453, 2.3190468138462996e-17);

/** e^x in double-double: x = k ln 2 + r, e^r from its Taylor series after scaling r by 2^-10. */
export function ddExp(x: DD): DD {
  if (x.hi > 709) return DD.of(Infinity);
  if (x.hi < -745) return DD.of(0);
  const k = Math.round(x.hi / LN2.hi);
  const r = x.sub(LN2.mul(k)).mul(1 / 1024);
  let term = DD.of(1);
  let sum = DD.of(1);
  for (let n = 1; n < 30; n++) {
    term = term.mul(r).div(n);
    sum = sum.add(term);
    if (Math.abs(term.hi) < 1e-34 * Math.abs(sum.hi)) break;
  }
  for (let i = 0; i < 10; i++) sum = sum.mul(sum);
  return sum.mul(Math.pow(2, k));
}

/** ln x in double-double (x > 0): two Newton steps y ← y + x e^−y − 1 from the double logarithm. */
export function ddLog(x: DD): DD {
  if (!(x.hi > 0)) throw new RangeError(`ddLog of a non-positive number ${x.hi}`);
  let y = DD.of(Math.log(x.hi));
  for (let i = 0; i < 2; i++) y = y.add(x.mul(ddExp(y.neg()))).sub(1);
  return y;
}
