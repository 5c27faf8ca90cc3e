/**
 * A sparse matrix gathered as (row, column, value) triplets and packed into compressed sparse columns, the form
 * HiGHS takes without parsing anything. Each (row, column) pair must be added once.
 */
export interface CscMatrix {
  readonly numRows: number;
  readonly numCols: number;
  /** Column j's entries sit at [starts[j], starts[j + 1]). */
  readonly starts: Int32Array;
  /** Row of each entry. */
  readonly indices: Int32Array;
  readonly values: Float64Array;
}

export class TripletBuilder {
  private rows: Int32Array;
  private cols: Int32Array;
  private vals: Float64Array;
  private n = 0;

  constructor(capacity = 1024) {
    this.rows = new Int32Array(capacity);
    this.cols = new Int32Array(capacity);
    this.vals = new Float64Array(capacity);
  }

  get size(): number {
    return this.n;
  }

  add(row: number, col: number, value: number): void {
    if (value === 0) return;
    if (this.n === this.rows.length) this.grow();
    this.rows[this.n] = row;
    this.cols[this.n] = col;
    this.vals[this.n] = value;
    this.n++;
  }

  private grow(): void {
    const size = this.rows.length * 2;
    const rows = new Int32Array(size);
    const cols = new Int32Array(size);
    const vals = new Float64Array(size);
    rows.set(this.rows);
    cols.set(this.cols);
    vals.set(this.vals);
    [this.rows, this.cols, this.vals] = [rows, cols, vals];
  }

  /** Packs by column with a counting sort; entries keep their insertion order within a column. */
  toCsc(numRows: number, numCols: number): CscMatrix {
    const starts = new Int32Array(numCols + 1);
    for (let k = 0; k < this.n; k++) starts[this.cols[k] + 1]++;
    for (let j = 0; j < numCols; j++) starts[j + 1] += starts[j];
    const next = starts.slice(0, numCols);
    const indices = new Int32Array(this.n);
    const values = new Float64Array(this.n);
    for (let k = 0; k < this.n; k++) {
      const at = next[this.cols[k]]++;
      indices[at] = this.rows[k];
      values[at] = this.vals[k];
    }
    return { numRows, numCols, starts, indices, values };
  }
}
