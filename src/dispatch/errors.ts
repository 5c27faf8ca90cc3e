/** A bad dispatch, tariff or storage parameter: names the field, the value and the valid range. */
export class DispatchInputError extends Error {
  readonly field: string;
  readonly value: unknown;
  constructor(field: string, value: unknown, message: string) {
    super(`${field}: ${message} (got ${show(value)})`);
    this.name = 'DispatchInputError';
    this.field = field;
    this.value = value;
  }
}

/** A bad cell or row in a price file: names the file, the row (1-based file line), the column and the value. */
export class PriceFileError extends Error {
  readonly source: string;
  readonly row: number;
  readonly column: string;
  readonly value: string;
  constructor(source: string, row: number, column: string, value: string, message: string) {
    super(`${source} row ${row}, column "${column}": ${message} (got ${JSON.stringify(value)})`);
    this.name = 'PriceFileError';
    this.source = source;
    this.row = row;
    this.column = column;
    this.value = value;
  }
}

function show(value: unknown): string {
  if (typeof value === 'number') return String(value);
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** Throws unless `value` is a finite number in [min, max] (bounds inclusive unless said otherwise). */
export function checkRange(
  field: string,
  value: unknown,
  min: number,
  max: number,
  { minOpen = false, maxOpen = false, unit = '' }: { minOpen?: boolean; maxOpen?: boolean; unit?: string } = {},
): number {
  const range = `${minOpen ? '(' : '['}${min}, ${max}${maxOpen ? ')' : ']'}${unit ? ' ' + unit : ''}`;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new DispatchInputError(field, value, `expected a finite number in ${range}`);
  }
  if (value < min || value > max || (minOpen && value === min) || (maxOpen && value === max)) {
    throw new DispatchInputError(field, value, `must lie in ${range}`);
  }
  return value;
}
