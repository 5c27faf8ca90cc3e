/**
 * Conventions shared by the finance layer.
 *
 * Time line: cash flows sit at the ends of whole years t = 0, 1, 2, … counted from the start of construction
 * (t = 0 is financial close). With C construction years, capital is spent at t = 0 … max(C, 1) − 1 (the start of
 * each construction year), operating year n (1 … N) ends at t = C + n, and end-of-life flows sit at t = C + N
 * ("lastOperatingYear") or t = C + N + 1 ("yearAfter"). C = 0 is the usual spreadsheet convention (capex at year 0,
 * operation in years 1 … N); C ≥ 1 reproduces the construction offset of Schmidt et al. (2019). NPVs are discounted
 * to t = 0.
 *
 * Money is a plain number in the project's currency, VAT-exclusive unless a name says otherwise; prices are money
 * per SI unit (money/J, money/W, money/(W s)); rates are fractions per year.
 */

/** One year as the units module defines it (`yr` = 365 d); s. */
export { SECONDS_PER_YEAR } from '../units/index.js';

/** One MWh; J. For display at the edges only. */
export const JOULES_PER_MWH = 3.6e9;
