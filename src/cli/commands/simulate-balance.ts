/**
 * `chuneng simulate`'s table of the stores over the periodic design cycle, as measured (src/plant/templates/balance.ts):
 * one row per store part, masses in t and a basin's heat in MWh, the row of the store whose limit ended the
 * discharge marked, and a line saying which cycle it is and how each phase ended.
 */
import { formatNumber } from '../../units/index.js';
import type { StoreBalance, StorePartBalance } from '../../plant/templates/index.js';
import { textTable } from '../output.js';

const HEAD = ['store', 'filled by', 'in', 'out', 'out/in', 'left after emptying', 'restored', 'heat lost', 'end − start', ''];

/** A mass in t or a heat in MWh, by the part's quantity. */
function amount(p: StorePartBalance, v: number): string {
  return p.quantity === 'heat' ? `${formatNumber(v / 3.6e9, 4)} MWh` : `${formatNumber(v / 1e3, 5)} t`;
}

/** The rows of the table, one per store part. */
export function storeBalanceRows(b: StoreBalance): string[][] {
  const count = new Map<string, number>();
  for (const p of b.parts) count.set(p.store, (count.get(p.store) ?? 0) + 1);
  const ended = new Map(b.stores.map((s) => [s.store, s]));
  return b.parts.map((p) => {
    const e = ended.get(p.store);
    const mark = e?.endedDischarge !== undefined ? '← ended the discharge' : e?.endedCharge !== undefined && p.filledBy !== 'discharge' ? '← ended the charge' : '';
    return [
      count.get(p.store) === 1 ? p.store : `${p.store}.${p.part}`,
      p.filledBy,
      amount(p, p.in),
      amount(p, p.out),
      p.in > 0 ? formatNumber(p.ratio, 5) : '—',
      amount(p, p.remnant),
      amount(p, p.restored),
      `${formatNumber(p.heatLost / 3.6e9, 4)} MWh`,
      amount(p, p.atEnd - p.atStart),
      mark,
    ];
  });
}

/** The table with its heading and the line under it. */
export function storeBalanceText(b: StoreBalance): string {
  let text = `\nStores over the periodic design cycle (measured from its states and flows; cycle ${b.cycle}, ${b.periodic ? 'periodic' : 'NOT periodic'} within ${b.tolerance.toExponential(0)})\n`;
  text += textTable(storeBalanceRows(b), HEAD);
  text += `  charge ended: ${b.chargeStop || 'ran its whole time'}; discharge ended: ${b.dischargeStop || 'ran its whole time'}\n`;
  text += '  in: what the filling phase brought; out: what the other phase took; left: what the emptying phase left; restored: moved by the restoring units after the discharge (trim coolers, basin cooler); heat lost: to the surroundings over the cycle (negative: gained); a store in MWh holds heat relative to the ambient (negative: cold)\n';
  return text;
}
