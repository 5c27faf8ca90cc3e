/**
 * Restating costs between years and currencies: by a cost index (CEPCI-style), by a constant escalation rate, and
 * by an exchange rate and a location factor.
 *
 * No index values are shipped. The project could not check published annual index values against their primary
 * publisher (Chemical Engineering magazine for the CEPCI), so an index table is a user input:
 *
 *     { name: "CEPCI", source: "Chem. Eng. magazine, annual averages", values: { 2001: 394.3, 2024: 800.0 } }
 *
 * (the numbers above only show the format). A cost correlation states the index value its coefficients were
 * fitted at (e.g. Turton et al.: CEPCI = 397, September 2001); restating it needs the index value for the target
 * date, which the user supplies.
 */
import { checkNumber, FinanceInputError, RANGES } from './check.js';

/** A cost index by year, supplied by the user with its source. */
export interface CostIndexTable {
  readonly name: string;
  readonly source: string;
  /** Index value by calendar year; dimensionless. */
  readonly values: Readonly<Record<number, number>>;
}

/** The basis a cost was stated in. */
export interface CostBasis {
  /** ISO currency code, e.g. "USD". */
  readonly currency: string;
  /** Calendar year (or the year of the index value below). */
  readonly year: number;
  /** Name of the cost index the value refers to, e.g. "CEPCI". */
  readonly indexName: string;
  /** Index value at the basis date; dimensionless. */
  readonly indexValue: number;
}

/** Where to restate a cost to: the project's currency and cost date. */
export interface CostRestatement {
  /** Must match the basis' index name. */
  readonly indexName: string;
  /** Index value at the project's cost date; dimensionless. */
  readonly indexValue: number;
  /** Project currency per unit of the basis currency (e.g. yuan per USD); dimensionless. */
  readonly exchangeRate: number;
  /** Location factor from the correlation's region to the project's (1 = none); dimensionless. */
  readonly locationFactor: number;
}

function indexValue(table: CostIndexTable, year: number, field: string): number {
  const v = table.values[year];
  if (v === undefined) {
    const years = Object.keys(table.values).map(Number).sort((a, b) => a - b);
    throw new FinanceInputError(field, year, `a year present in ${table.name} (${years.join(', ') || 'no years given'})`);
  }
  checkNumber(`${field}: ${table.name}[${year}]`, v, RANGES.positive);
  return v;
}

/** cost × I(toYear) / I(fromYear); money. */
export function escalateByIndex(cost: number, fromYear: number, toYear: number, table: CostIndexTable): number {
  checkNumber('cost', cost, RANGES.finite);
  return (cost * indexValue(table, toYear, 'toYear')) / indexValue(table, fromYear, 'fromYear');
}

/** cost × (1 + rate)^(toYear − fromYear), rate a fraction per year; money. */
export function escalateByRate(cost: number, fromYear: number, toYear: number, rate: number): number {
  checkNumber('cost', cost, RANGES.finite);
  checkNumber('fromYear', fromYear, { min: -1e4, max: 1e4, integer: true });
  checkNumber('toYear', toYear, { min: -1e4, max: 1e4, integer: true });
  checkNumber('rate', rate, RANGES.escalation);
  return cost * Math.pow(1 + rate, toYear - fromYear);
}

/**
 * A cost stated in `basis` restated to the project: cost × (I_target / I_basis) × exchange rate × location factor;
 * money in the project's currency.
 */
export function restateCost(cost: number, basis: CostBasis, target: CostRestatement, field = 'restatement'): number {
  if (target.indexName !== basis.indexName) {
    throw new FinanceInputError(
      `${field}.indexName`,
      target.indexName,
      `"${basis.indexName}", the index the cost basis is stated in`,
    );
  }
  checkNumber(`${field}.indexValue`, target.indexValue, RANGES.positive);
  checkNumber(`${field}.exchangeRate`, target.exchangeRate, RANGES.positive);
  checkNumber(`${field}.locationFactor`, target.locationFactor, RANGES.positive);
  return ((cost * target.indexValue) / basis.indexValue) * target.exchangeRate * target.locationFactor;
}
