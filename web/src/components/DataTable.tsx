/**
 * A plain scrollable table: a header row, rows of cells, the first column (the row's name) kept in view while the
 * others scroll. Cells are text already formatted; a negative number is shown in red when `signed`, a zero in grey.
 */
import type { ReactNode } from 'react';

export interface TableRow {
  readonly key: string;
  readonly cells: readonly ReactNode[];
  readonly strong?: boolean;
}

export interface DataTableProps {
  readonly name: string;
  readonly head: readonly ReactNode[];
  readonly rows: readonly TableRow[];
  /** Colour negative numbers. */
  readonly signed?: boolean;
  readonly maxHeight?: number | string;
  readonly caption?: ReactNode;
}

export function DataTable({ name, head, rows, signed, maxHeight, caption }: DataTableProps) {
  return (
    <div className="cn-table-wrap" style={maxHeight !== undefined ? { maxHeight } : undefined} data-table={name} data-rows={rows.length} data-columns={head.length}>
      <table className="cn-table">
        {caption ? <caption className="cn-muted">{caption}</caption> : null}
        <thead>
          <tr>
            {head.map((h, j) => (
              <th key={j} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} data-row={r.key} className={r.strong ? 'cn-row-strong' : undefined}>
              {r.cells.map((c, j) =>
                j === 0 ? (
                  <th key={j} scope="row" style={{ fontWeight: r.strong ? 600 : 400 }}>
                    {c}
                  </th>
                ) : (
                  <td key={j} className={typeof c !== 'string' ? undefined : c === '0' ? 'cn-zero' : signed && /^[-−]\d/.test(c) ? 'cn-neg' : undefined}>
                    {c}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
