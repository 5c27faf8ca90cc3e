/**
 * A part-load file: the efficiency of each converter at grid powers, as plant data sheets give it. CSV with a
 * header `side,power,efficiency` and one row per point:
 *   side,power,efficiency
 *   charge,40MW,0.54        # grid power drawn; stored ÷ drawn
 *   charge,100MW,0.665
 *   discharge,30MW,0.87     # grid power delivered; delivered ÷ withdrawn
 *   discharge,100MW,0.99
 * The first point of a side is its minimum load (a point at 0 W means none); curves are kept as they are (an
 * efficiency that rises with load is allowed). `#` starts a comment.
 */
import { parseQuantity, UnitError } from '../../units/index.js';
import { PriceFileError } from '../errors.js';
import { partLoadCurve, type CurveConverter } from '../model.js';

export interface PartLoadFile {
  readonly charge?: CurveConverter;
  readonly discharge?: CurveConverter;
}

export function parsePartLoadCsv(text: string, source = 'part-load file'): PartLoadFile {
  const rows = text.split(/\r?\n/).map((l) => l.replace(/#.*/, '').trim());
  const header = rows[0]?.split(',').map((c) => c.trim().toLowerCase());
  if (!header || header.join(',') !== 'side,power,efficiency') throw new PriceFileError(source, 1, 'header', rows[0] ?? '', 'expected the header "side,power,efficiency"');
  const points: Record<'charge' | 'discharge', { power: number; efficiency: number }[]> = { charge: [], discharge: [] };
  for (let i = 1; i < rows.length; i++) {
    if (!rows[i]) continue;
    const cells = rows[i].split(',').map((c) => c.trim());
    if (cells.length !== 3) throw new PriceFileError(source, i + 1, 'row', rows[i], 'expected 3 cells: side,power,efficiency');
    const [side, power, efficiency] = cells;
    if (side !== 'charge' && side !== 'discharge') throw new PriceFileError(source, i + 1, 'side', side, 'expected "charge" or "discharge"');
    const read = (column: string, cell: string, kind: 'power' | 'fraction') => {
      try {
        return parseQuantity(cell, kind, column);
      } catch (e) {
        if (e instanceof UnitError) throw new PriceFileError(source, i + 1, column, cell, e.message.replace(/^[^:]*: /, ''));
        throw e;
      }
    };
    const p = read('power', power, 'power');
    const eta = read('efficiency', efficiency, 'fraction');
    const list = points[side];
    if (list.length && !(p > list[list.length - 1].power)) throw new PriceFileError(source, i + 1, 'power', power, `expected powers of a side to increase (previous ${list[list.length - 1].power} W)`);
    if (!(eta > 0 && eta <= 1)) throw new PriceFileError(source, i + 1, 'efficiency', efficiency, 'expected 0 < efficiency ≤ 1');
    list.push({ power: p, efficiency: eta });
  }
  const curve = (side: 'charge' | 'discharge') => {
    const list = points[side];
    if (list.length === 0) return undefined;
    if (list.length < 2) throw new PriceFileError(source, rows.length, side, String(list.length), `expected at least two ${side} points`);
    return partLoadCurve(side, list);
  };
  const charge = curve('charge');
  const discharge = curve('discharge');
  return { ...(charge ? { charge } : {}), ...(discharge ? { discharge } : {}) };
}
