/**
 * The annual operating statement of a recycling plant, in the terms a cash-flow model takes: revenue streams
 * (products, second-life units, gate fees when received), cost streams (gate fees when paid, i.e. buying the
 * batteries; energy, reagents, consumables, disposal, labour, maintenance) and the capital cost. yuan/yr, VAT-exclusive.
 * The capital charge of the per-tonne economics is not a cash flow and is left out: the cash-flow model has capex.
 */
import type { RecyclingResult } from './economics.js';

export interface StatementLine {
  readonly name: string;
  /** yuan/yr. */
  readonly amount: number;
}

export interface AnnualStatement {
  readonly revenues: readonly StatementLine[];
  readonly costs: readonly StatementLine[];
  /** yuan. */
  readonly capex: number;
  /** kg/yr. */
  readonly feedMass: number;
  /** Revenues − costs; yuan/yr. */
  readonly operatingMargin: number;
}

export function annualStatement(r: RecyclingResult): AnnualStatement {
  const revenues: StatementLine[] = r.revenue.filter((x) => x.amount !== 0).map((x) => ({ ...x }));
  const costs: StatementLine[] = r.costs.filter((x) => x.amount !== 0).map((x) => ({ ...x }));
  if (r.gateFees > 0) revenues.push({ name: 'gate fees', amount: r.gateFees });
  if (r.gateFees < 0) costs.unshift({ name: 'batteries bought', amount: -r.gateFees });
  const operatingMargin = revenues.reduce((s, x) => s + x.amount, 0) - costs.reduce((s, x) => s + x.amount, 0);
  return { revenues, costs, capex: r.capex, feedMass: r.feedMass, operatingMargin };
}
