/**
 * Time value of money over yearly cash flows: NPV, IRR, payback, annuity payment.
 *
 * Cash flow `cf[t]` sits at the end of year t (t = 0 is "now"), so NPV(r) = Σ_t cf[t] / (1 + r)^t. The IRR solver
 * brackets its roots and says why there is no single IRR (no sign change; several roots) instead of returning NaN.
 */
import { brent, type SolveResult } from '../numerics/index.js';
import { checkNumber, FinanceInputError } from './check.js';

function checkCashFlows(field: string, cf: ArrayLike<number>): void {
  if (!cf || cf.length === 0) throw new FinanceInputError(field, cf, 'at least one cash flow');
  for (let i = 0; i < cf.length; i++) {
    if (!Number.isFinite(cf[i])) throw new FinanceInputError(`${field}[${i}]`, cf[i], 'a finite amount of money');
  }
}

/**
 * Net present value at `rate` (fraction per year, > −1) of cash flows at the ends of years 0, 1, 2, …; money.
 * Summed with Neumaier compensation.
 */
export function npv(rate: number, cashFlows: ArrayLike<number>): number {
  checkNumber('rate', rate, { min: -1, max: Infinity, minExclusive: true });
  checkCashFlows('cashFlows', cashFlows);
  return npvUnchecked(rate, cashFlows);
}

/** npv without argument checks, for solver inner loops whose arguments are already known good. */
function npvUnchecked(rate: number, cf: ArrayLike<number>): number {
  const v = 1 / (1 + rate);
  let d = 1;
  let sum = 0;
  let c = 0;
  for (let t = 0; t < cf.length; t++) {
    const term = cf[t] * d;
    const s = sum + term;
    c += Math.abs(sum) >= Math.abs(term) ? sum - s + term : term - s + sum;
    sum = s;
    d *= v;
  }
  return sum + c;
}

/** Number of sign changes in a sequence, zeros skipped (the Descartes bound on the number of IRRs). */
export function signChanges(cf: ArrayLike<number>): number {
  let last = 0;
  let changes = 0;
  for (let i = 0; i < cf.length; i++) {
    const s = Math.sign(cf[i]);
    if (s === 0) continue;
    if (last !== 0 && s !== last) changes++;
    last = s;
  }
  return changes;
}

export interface IrrOptions {
  /** Lowest rate searched; fraction per year (> −1). */
  readonly lower: number;
  /** Highest rate searched; fraction per year. */
  readonly upper: number;
  /**
   * What to do when NPV has several roots in [lower, upper]: "unique" reports them and fails (the honest default;
   * use NPV for such cash flows), "closestToGuess" returns the root nearest `guess` (the Excel/numpy-financial habit).
   */
  readonly select: 'unique' | 'closestToGuess';
  /** Rate used by "closestToGuess"; fraction per year. */
  readonly guess: number;
  /** Grid points for locating roots when the cash flows change sign more than once. */
  readonly gridPoints: number;
}

export const IRR_DEFAULTS: IrrOptions = { lower: -0.99, upper: 10, select: 'unique', guess: 0.1, gridPoints: 400 };

/** An IRR (fraction per year) or the reason there is not exactly one, with every root found and the sign-change count. */
export type IrrResult = SolveResult<number> & { readonly roots: readonly number[]; readonly signChanges: number };

/**
 * Internal rate of return: the rate r with NPV(r) = 0.
 *
 * One sign change in the cash flows means exactly one root in (−1, ∞) (Descartes' rule in v = 1/(1+r)); it is
 * bracketed in [lower, upper] and refined by Brent's method. With several sign changes NPV is scanned on a grid
 * uniform in ln(1 + r) and each bracket refined; roots closer together than the grid spacing can be missed.
 */
export function irr(cashFlows: ArrayLike<number>, options: Partial<IrrOptions> = {}): IrrResult {
  const o = { ...IRR_DEFAULTS, ...options };
  checkCashFlows('cashFlows', cashFlows);
  checkNumber('irr.lower', o.lower, { min: -1, max: Infinity, minExclusive: true });
  checkNumber('irr.upper', o.upper, { min: o.lower, max: Infinity, minExclusive: true }, 'upper must exceed lower');
  checkNumber('irr.gridPoints', o.gridPoints, { min: 2, max: 1e6, integer: true });
  const changes = signChanges(cashFlows);
  const f = (r: number) => npvUnchecked(r, cashFlows);
  const fail = (reason: string, iterations: number, roots: number[] = []): IrrResult => ({
    ok: false,
    reason,
    iterations,
    roots,
    signChanges: changes,
  });

  if (changes === 0) {
    const all = Array.prototype.every.call(cashFlows, (x: number) => x === 0);
    return fail(all ? 'no IRR: every cash flow is zero' : 'no IRR: the cash flows never change sign', 0);
  }

  if (changes === 1) {
    const flo = f(o.lower);
    const fhi = f(o.upper);
    if (flo === 0) return { ok: true, value: o.lower, iterations: 0, roots: [o.lower], signChanges: 1 };
    if (fhi === 0) return { ok: true, value: o.upper, iterations: 0, roots: [o.upper], signChanges: 1 };
    if (flo * fhi > 0) {
      // NPV keeps the sign of the last cash flow as r → −1 and of the first as r → ∞: find which end the root is past.
      const below = Math.sign(flo) !== Math.sign(lastNonZero(cashFlows));
      return fail(
        `no IRR in [${o.lower}, ${o.upper}]: the only root lies ${below ? 'below' : 'above'} the search range ` +
          `(NPV = ${flo} at ${o.lower}, ${fhi} at ${o.upper})`,
        0,
      );
    }
    const r = brent(f, o.lower, o.upper);
    if (!r.ok) return fail(r.reason, r.iterations);
    return { ok: true, value: r.value, iterations: r.iterations, roots: [r.value], signChanges: 1 };
  }

  const roots: number[] = [];
  let iterations = 0;
  const x0 = Math.log1p(o.lower);
  const x1 = Math.log1p(o.upper);
  let rPrev = o.lower;
  let fPrev = f(rPrev);
  if (fPrev === 0) roots.push(rPrev);
  for (let i = 1; i < o.gridPoints; i++) {
    const r = i === o.gridPoints - 1 ? o.upper : Math.expm1(x0 + ((x1 - x0) * i) / (o.gridPoints - 1));
    const fr = f(r);
    if (fr === 0) roots.push(r);
    else if (fPrev !== 0 && fPrev * fr < 0) {
      const s = brent(f, rPrev, r);
      iterations += s.iterations;
      if (s.ok) roots.push(s.value);
    }
    rPrev = r;
    fPrev = fr;
  }
  if (roots.length === 0) {
    return fail(`no IRR in [${o.lower}, ${o.upper}]: the cash flows change sign ${changes} times but NPV does not`, iterations);
  }
  if (roots.length === 1) return { ok: true, value: roots[0], iterations, roots, signChanges: changes };
  const nearest = roots.reduce((a, b) => (Math.abs(b - o.guess) < Math.abs(a - o.guess) ? b : a));
  if (o.select === 'closestToGuess') return { ok: true, value: nearest, iterations, roots, signChanges: changes };
  return {
    ok: false,
    reason:
      `multiple IRRs: NPV is zero at ${roots.map((r) => r.toPrecision(6)).join(', ')} ` +
      `(the cash flows change sign ${changes} times); judge this project by NPV`,
    iterations,
    last: nearest,
    roots,
    signChanges: changes,
  };
}

function lastNonZero(cf: ArrayLike<number>): number {
  for (let i = cf.length - 1; i >= 0; i--) if (cf[i] !== 0) return cf[i];
  return 0;
}

/** When cumulative cash first turns non-negative; years from t = 0, interpolated linearly inside the year. */
export type Payback = { readonly reached: true; readonly years: number } | { readonly reached: false; readonly reason: string };

/**
 * Simple payback (rate = 0) or discounted payback (rate > −1): the first time the cumulative (discounted) cash flow
 * reaches zero, interpolated linearly within the year it happens in. Later dips (e.g. a decommissioning cost) are
 * not considered.
 */
export function payback(cashFlows: ArrayLike<number>, rate = 0): Payback {
  checkCashFlows('cashFlows', cashFlows);
  checkNumber('rate', rate, { min: -1, max: Infinity, minExclusive: true });
  const v = 1 / (1 + rate);
  let d = 1;
  let cum = 0;
  for (let t = 0; t < cashFlows.length; t++) {
    const x = cashFlows[t] * d;
    const next = cum + x;
    if (next >= 0 && (t === 0 || cum < 0)) {
      if (t === 0) return { reached: true, years: 0 };
      return { reached: true, years: t - 1 + -cum / x };
    }
    cum = next;
    d *= v;
  }
  return { reached: false, reason: `cumulative ${rate === 0 ? '' : 'discounted '}cash flow is still ${cum} at the last year` };
}

/** Level payment that repays `principal` over `years` at `rate` (annuity, payments at year ends); money per year. */
export function annuityPayment(principal: number, rate: number, years: number): number {
  checkNumber('principal', principal, { min: -Infinity, max: Infinity });
  checkNumber('rate', rate, { min: -1, max: Infinity, minExclusive: true });
  checkNumber('years', years, { min: 1, max: 1000, integer: true });
  if (rate === 0) return principal / years;
  return (principal * rate) / (1 - Math.pow(1 + rate, -years));
}
