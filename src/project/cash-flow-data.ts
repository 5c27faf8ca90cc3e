/** The finance layer's cash-flow table as plain data for results (JSON), shared by every kind of plant. */
import type { CashFlowTable } from '../finance/index.js';

/** The cash-flow table as plain arrays (JSON), with the DSCR of each year (null where no debt is served). */
export type YearlyCashFlow = { readonly [K in keyof CashFlowTable]: readonly number[] } & { readonly dscr: readonly (number | null)[] };

export function yearlyCashFlow(table: CashFlowTable, dscr: readonly (number | null)[]): YearlyCashFlow {
  const out: Record<string, readonly (number | null)[]> = {};
  for (const [k, v] of Object.entries(table)) out[k] = Array.from(v as ArrayLike<number>);
  out.dscr = [...dscr];
  return out as YearlyCashFlow;
}
