/**
 * The duty file as text (browser-safe: the caller reads the file): a header `time_h, soc, temperature_C, c_rate`
 * (any order, no other column) and one row per sample, as in
 * ../shared/reference/battery/*.csv. Errors name the line, the column and the value.
 */
import { makeDuty, type Duty } from './duty.js';

export const DUTY_COLUMNS = ['time_h', 'soc', 'temperature_C', 'c_rate'] as const;

/** Parses a duty CSV; `source` names the file in errors. */
export function parseDutyCsv(text: string, source = 'duty'): Duty {
  const table = parseNumericCsv(text, source, DUTY_COLUMNS);
  const other = table.header.filter((c) => !(DUTY_COLUMNS as readonly string[]).includes(c));
  if (other.length) throw new Error(`${source}: unknown column(s) ${other.join(', ')}; a duty has exactly ${DUTY_COLUMNS.join(', ')}`);
  const [timeH, soc, tC, rate] = DUTY_COLUMNS.map((c) => table.columns[c]);
  const n = timeH.length;
  const time = new Float64Array(n);
  const temperature = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const line = table.lines[i];
    if (i > 0 && !(timeH[i] > timeH[i - 1]))
      throw new Error(`${source} line ${line}, column time_h: ${timeH[i]} is not after the previous row's ${timeH[i - 1]}; times must increase`);
    if (!(soc[i] >= 0 && soc[i] <= 1)) throw new Error(`${source} line ${line}, column soc: ${soc[i]} is outside the valid range 0 to 1`);
    if (!(tC[i] > -273.15)) throw new Error(`${source} line ${line}, column temperature_C: ${tC[i]} is below absolute zero`);
    time[i] = timeH[i] * 3600;
    temperature[i] = tC[i] + 273.15;
  }
  return makeDuty(time, soc, temperature, rate);
}

/** A numeric CSV: the named columns as Float64Arrays, and the file's line number of each row. */
export interface NumericCsv {
  readonly columns: Record<string, Float64Array>;
  readonly lines: number[];
  /** The header's column names, in file order. */
  readonly header: string[];
}

/**
 * Reads the `required` columns of a comma-separated table with a header row. Blank lines are skipped; every other
 * row must have as many fields as the header and a finite number in each required column.
 */
export function parseNumericCsv(text: string, source: string, required: readonly string[]): NumericCsv {
  const rows = text.split(/\r?\n/);
  let h = 0;
  while (h < rows.length && rows[h].trim() === '') h++;
  if (h === rows.length) throw new Error(`${source} is empty; expected a header row with ${required.join(', ')}`);
  const header = rows[h].split(',').map((s) => s.trim().replace(/^\uFEFF/, ''));
  const index: Record<string, number> = {};
  for (const name of required) {
    const j = header.indexOf(name);
    if (j < 0) throw new Error(`${source} line ${h + 1}: no column "${name}" in the header (${header.join(', ')}); required: ${required.join(', ')}`);
    index[name] = j;
  }
  const values: Record<string, number[]> = Object.fromEntries(required.map((c) => [c, [] as number[]]));
  const lines: number[] = [];
  for (let r = h + 1; r < rows.length; r++) {
    if (rows[r].trim() === '') continue;
    const fields = rows[r].split(',');
    if (fields.length !== header.length)
      throw new Error(`${source} line ${r + 1}: ${fields.length} fields where the header has ${header.length}`);
    for (const name of required) {
      const raw = fields[index[name]].trim();
      const v = raw === '' ? Number.NaN : Number(raw);
      if (!Number.isFinite(v)) throw new Error(`${source} line ${r + 1}, column ${name}: "${raw}" is not a finite number`);
      values[name].push(v);
    }
    lines.push(r + 1);
  }
  if (lines.length < 2) throw new Error(`${source} has ${lines.length} data row(s); a duty needs at least 2`);
  return { columns: Object.fromEntries(required.map((c) => [c, Float64Array.from(values[c])])), lines, header };
}
