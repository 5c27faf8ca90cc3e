/**
 * Term debt on the project time line (see conventions.ts): drawn with the capital spending, interest during
 * construction either capitalised (rolled into the loan) or paid by equity, then repaid over the tenor after an
 * optional interest-only grace period, by equal principal (等额本金) or equal total payments (annuity, 等额本息).
 *
 *   balance after the draw at t:            B_t = B_{t−1} + draw_t (+ interest_t if capitalised)
 *   interest accrued in year t (ending t):  interest_t = rate · B_{t−1}
 *   operating year n = 1 … grace:           principal = 0
 *   n = grace + 1 … grace + tenor:          equal principal: B_C / tenor;  annuity: pmt(B_C) − interest
 */
import { checkChoice, checkNumber, FinanceInputError, RANGES } from './check.js';
import { annuityPayment } from './money.js';

export interface DebtTerms {
  /** Share of the capital spending (VAT included) financed by debt; fraction. */
  readonly fraction: number;
  /** Interest rate; fraction per year. */
  readonly rate: number;
  /** Repayment years after the grace period; integer. */
  readonly tenorYears: number;
  /** Interest-only operating years before repayment starts; integer. */
  readonly graceYears: number;
  readonly repayment: 'equalPrincipal' | 'annuity';
  /** Interest accrued before the first operating year: added to the loan, or paid in cash by equity. */
  readonly constructionInterest: 'capitalise' | 'payByEquity';
}

export const DEBT_REPAYMENTS = ['equalPrincipal', 'annuity'] as const;
export const CONSTRUCTION_INTEREST = ['capitalise', 'payByEquity'] as const;

export function checkDebt(d: DebtTerms, operatingYears: number, field = 'debt'): void {
  checkNumber(`${field}.fraction`, d.fraction, RANGES.fraction);
  checkNumber(`${field}.rate`, d.rate, { min: 0, max: 1 });
  checkNumber(`${field}.tenorYears`, d.tenorYears, { min: 1, max: operatingYears, integer: true }, 'repayment must end within the operating life');
  checkNumber(`${field}.graceYears`, d.graceYears, { min: 0, max: operatingYears - d.tenorYears, integer: true }, 'grace + tenor must not exceed the operating years');
  checkChoice(`${field}.repayment`, d.repayment, DEBT_REPAYMENTS);
  checkChoice(`${field}.constructionInterest`, d.constructionInterest, CONSTRUCTION_INTEREST);
}

/** Debt flows on the project time line; every array has one slot per year t; money. */
export interface DebtSchedule {
  readonly draw: Float64Array;
  /** Interest accrued in construction years and added to the loan. */
  readonly interestCapitalised: Float64Array;
  /** Interest accrued in construction years and paid in cash by equity. */
  readonly interestPaidByEquity: Float64Array;
  /** Interest paid in operating years (tax-deductible). */
  readonly interest: Float64Array;
  readonly principal: Float64Array;
  /** Balance at the end of each year, after draws, capitalised interest and repayment. */
  readonly balance: Float64Array;
  /** interest + principal in operating years. */
  readonly service: Float64Array;
  /** Balance at the end of construction (t = C), which is repaid; money. */
  readonly amountAtCommissioning: number;
}

/**
 * Builds the schedule from the capital spending (VAT included) on the time line, with C construction years and N
 * operating years (operating year n at t = C + n).
 */
export function debtSchedule(terms: DebtTerms, capitalSpending: ArrayLike<number>, constructionYears: number, operatingYears: number): DebtSchedule {
  checkDebt(terms, operatingYears);
  const T = capitalSpending.length;
  const C = constructionYears;
  if (T < C + operatingYears + 1) {
    throw new FinanceInputError('capitalSpending', `${T} years`, `at least ${C + operatingYears + 1} years`);
  }
  const draw = new Float64Array(T);
  const interestCapitalised = new Float64Array(T);
  const interestPaidByEquity = new Float64Array(T);
  const interest = new Float64Array(T);
  const principal = new Float64Array(T);
  const balance = new Float64Array(T);
  const service = new Float64Array(T);

  let b = 0;
  for (let t = 0; t <= C; t++) {
    const accrued = t > 0 ? terms.rate * b : 0;
    if (terms.constructionInterest === 'capitalise') {
      interestCapitalised[t] = accrued;
      b += accrued;
    } else {
      interestPaidByEquity[t] = accrued;
    }
    draw[t] = terms.fraction * capitalSpending[t];
    b += draw[t];
    balance[t] = b;
  }
  const amount = b;
  const g = terms.graceYears;
  const R = terms.tenorYears;
  const payment = terms.repayment === 'annuity' ? annuityPayment(amount, terms.rate, R) : 0;
  for (let n = 1; n <= operatingYears; n++) {
    const t = C + n;
    const i = terms.rate * b;
    let p = 0;
    if (n > g && n <= g + R) {
      p = n === g + R ? b : terms.repayment === 'equalPrincipal' ? amount / R : payment - i;
    }
    interest[t] = i;
    principal[t] = p;
    service[t] = i + p;
    b -= p;
    balance[t] = b;
  }
  return { draw, interestCapitalised, interestPaidByEquity, interest, principal, balance, service, amountAtCommissioning: amount };
}

/** Debt-service cover ratio by year (null where no debt is serviced) and its minimum with the year it occurs. */
export interface DscrResult {
  readonly byYear: readonly (number | null)[];
  readonly min: { readonly value: number; readonly year: number } | null;
}

/**
 * Ratios equal to this relative difference count as a tie. A level annuity against a level CFADS gives every year the
 * same ratio to round-off, and the year reported must not jump with the last bit of an input.
 */
const DSCR_TIE = 1e-9;

/** DSCR_t = CFADS_t / debt service_t for every year with debt service; the minimum's year is the first of a tie. */
export function dscr(cfads: ArrayLike<number>, service: ArrayLike<number>): DscrResult {
  const byYear: (number | null)[] = [];
  let lowest = Infinity;
  for (let t = 0; t < service.length; t++) {
    if (service[t] > 0) {
      const v = cfads[t] / service[t];
      byYear.push(v);
      lowest = Math.min(lowest, v);
    } else {
      byYear.push(null);
    }
  }
  if (lowest === Infinity) return { byYear, min: null };
  const year = byYear.findIndex((v) => v !== null && v <= lowest + DSCR_TIE * Math.abs(lowest));
  return { byYear, min: { value: lowest, year } };
}
