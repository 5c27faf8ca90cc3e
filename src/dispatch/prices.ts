/**
 * Price series: a regular time grid and one price per step, in money per joule inside (a file's "per MWh" is
 * converted here, at the edge). The CSV reader checks everything a hand-edited or exported file gets wrong —
 * header, times, gaps, duplicates, order, length, non-numeric cells — and names the row, column and value.
 */
import { toSI } from '../units/index.js';
import { DispatchInputError, PriceFileError } from './errors.js';
import { formatIsoTime, parseIsoTime, utcOffsetMinutes } from './time.js';

/** Prices on a regular grid. */
export interface PriceSeries {
  /** Start of the first step, ms since the Unix epoch (UTC). */
  readonly startMs: number;
  /** Length of every step, s. */
  readonly stepSeconds: number;
  /** Price in each step, money/J (positive: the plant is paid for delivering energy). */
  readonly prices: Float64Array;
  /** Offset of the series' local clock (its time zone) from UTC, min; days and months are counted on it. */
  readonly utcOffsetMinutes: number;
}

export interface PriceCsvOptions {
  /** Name used in error messages, normally the file path. */
  readonly source: string;
  /** Zone of times written without an offset, and the local clock of the result. */
  readonly timeZone: string;
  /** Accept any regular series (any step, any length), not only a year of hours or quarter hours. */
  readonly allowAnyLength: boolean;
  /** The energy unit prices in the file are quoted per ("MWh": yuan/MWh when the file is in yuan). */
  readonly priceEnergyUnit: string;
}

export const PRICE_CSV_DEFAULTS: PriceCsvOptions = {
  source: 'prices.csv',
  timeZone: 'Asia/Shanghai',
  allowAnyLength: false,
  priceEnergyUnit: 'MWh',
};

/** Steps and lengths of a complete year: hourly (365 or 366 days) or quarter-hourly. */
const YEAR_SHAPES: readonly { stepSeconds: number; lengths: readonly number[]; label: string }[] = [
  { stepSeconds: 3600, lengths: [8760, 8784], label: 'hourly' },
  { stepSeconds: 900, lengths: [35040, 35136], label: '15-minute' },
];

const NUMBER_RE = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

function splitCsvLine(line: string): string[] {
  if (!line.includes('"')) return line.split(',').map((c) => c.trim());
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      cells.push(cell.trim());
      cell = '';
    } else cell += ch;
  }
  cells.push(cell.trim());
  return cells;
}

/**
 * Reads a price CSV: a header naming the columns `time` and `price` (other columns are ignored), then one row per
 * step. Times are ISO 8601, with an explicit offset or in `timeZone`; prices are numbers per `priceEnergyUnit`.
 * Blank lines are skipped. Throws a PriceFileError naming the row, column and value of the first problem.
 */
export function parsePriceCsv(text: string, options: Partial<PriceCsvOptions> = {}): PriceSeries {
  const opts = { ...PRICE_CSV_DEFAULTS, ...options };
  const src = opts.source;
  const offset = utcOffsetMinutes(opts.timeZone);
  const joulesPerUnit = toSI(1, opts.priceEnergyUnit, 'energy', 'priceEnergyUnit');
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);

  let headerRow = 0;
  while (headerRow < lines.length && lines[headerRow].trim() === '') headerRow++;
  if (headerRow === lines.length) throw new PriceFileError(src, 1, 'header', '', 'the file is empty; expected a header "time,price"');
  const header = splitCsvLine(lines[headerRow]).map((h) => h.toLowerCase());
  for (const [i, name] of header.entries()) {
    if (name !== '' && header.indexOf(name) !== i) {
      throw new PriceFileError(src, headerRow + 1, name, lines[headerRow], `column "${name}" appears twice in the header`);
    }
  }
  const timeCol = header.indexOf('time');
  const priceCol = header.indexOf('price');
  if (timeCol < 0 || priceCol < 0) {
    const missing = timeCol < 0 ? 'time' : 'price';
    throw new PriceFileError(src, headerRow + 1, missing, lines[headerRow], `the header has no column "${missing}"; expected "time,price"`);
  }

  const times: number[] = [];
  const values: number[] = [];
  const rows: number[] = [];
  const timeTexts: string[] = [];
  for (let i = headerRow + 1; i < lines.length; i++) {
    if (lines[i].trim() === '') continue;
    const row = i + 1;
    const cells = splitCsvLine(lines[i]);
    if (cells.length !== header.length) {
      throw new PriceFileError(src, row, 'row', lines[i], `expected ${header.length} cells like the header, found ${cells.length}`);
    }
    const timeText = cells[timeCol];
    const time = parseIsoTime(timeText, offset);
    if (typeof time === 'string') throw new PriceFileError(src, row, 'time', timeText, time);
    const priceText = cells[priceCol];
    if (!NUMBER_RE.test(priceText)) {
      throw new PriceFileError(src, row, 'price', priceText, priceText === '' ? 'empty cell; expected a number' : 'not a number');
    }
    times.push(time);
    timeTexts.push(timeText);
    values.push(Number(priceText));
    rows.push(row);
  }
  const n = times.length;
  if (n === 0) throw new PriceFileError(src, headerRow + 2, 'time', '', 'no data rows after the header');
  if (n === 1) throw new PriceFileError(src, rows[0], 'time', timeTexts[0], 'a single row gives no time step');

  const stepMs = typicalStep(times);
  const rowOf = new Map<number, number>();
  for (let k = n - 1; k >= 0; k--) rowOf.set(times[k], rows[k]);
  for (let k = 1; k < n; k++) {
    const diff = times[k] - times[k - 1];
    if (diff === stepMs) continue;
    const cell = timeTexts[k];
    const first = rowOf.get(times[k])!;
    if (first !== rows[k]) throw new PriceFileError(src, rows[k], 'time', cell, `duplicate time; row ${first} has the same instant`);
    const expectedMs = times[k - 1] + stepMs;
    const expected = formatIsoTime(expectedMs, offset);
    const later = rowOf.get(expectedMs);
    if (diff < 0 || (later !== undefined && later > rows[k])) {
      throw new PriceFileError(src, rows[k], 'time', cell, `out of order: expected ${expected} after row ${rows[k - 1]}${later !== undefined ? `, which is at row ${later}` : ''}`);
    }
    if (diff % stepMs === 0) {
      throw new PriceFileError(src, rows[k], 'time', cell, `gap: ${diff / stepMs - 1} step(s) of ${stepMs / 1000} s missing after row ${rows[k - 1]}; expected ${expected}`);
    }
    throw new PriceFileError(src, rows[k], 'time', cell, `irregular step of ${diff / 1000} s after row ${rows[k - 1]}; the file's step is ${stepMs / 1000} s, so expected ${expected}`);
  }

  const stepSeconds = stepMs / 1000;
  if (!opts.allowAnyLength) {
    const shape = YEAR_SHAPES.find((s) => s.stepSeconds === stepSeconds);
    const lastRow = rows[n - 1];
    if (!shape) {
      throw new PriceFileError(src, rows[1], 'time', timeTexts[1],
        `step of ${stepSeconds} s; expected 1 h (3600 s) or 15 min (900 s), or allow any regular series`);
    }
    if (!shape.lengths.includes(n)) {
      throw new PriceFileError(src, lastRow, 'rows', String(n),
        `${n} ${shape.label} rows; a year needs ${shape.lengths.join(' or ')} (or allow any regular series)`);
    }
  }

  const prices = new Float64Array(n);
  for (let k = 0; k < n; k++) prices[k] = values[k] / joulesPerUnit;
  return { startMs: times[0], stepSeconds, prices, utcOffsetMinutes: offset };
}

/** The most frequent positive spacing: robust to one gap or duplicate near the start of the file. */
function typicalStep(times: readonly number[]): number {
  const counts = new Map<number, number>();
  for (let k = 1; k < times.length; k++) {
    const d = times[k] - times[k - 1];
    if (d > 0) counts.set(d, (counts.get(d) ?? 0) + 1);
  }
  let best = 0;
  let bestCount = 0;
  for (const [d, c] of counts) if (c > bestCount || (c === bestCount && d < best)) [best, bestCount] = [d, c];
  if (best === 0) return 1; // every time equal or decreasing: the duplicate/order checks report it
  return best;
}

/** Checks a series built in code (not from a file) before it reaches the optimiser. */
export function checkPriceSeries(series: PriceSeries, field = 'prices'): void {
  if (!Number.isFinite(series.startMs)) throw new DispatchInputError(`${field}.startMs`, series.startMs, 'expected a finite time in ms');
  if (!(series.stepSeconds > 0) || !Number.isFinite(series.stepSeconds)) {
    throw new DispatchInputError(`${field}.stepSeconds`, series.stepSeconds, 'expected a positive step in s');
  }
  if (series.prices.length === 0) throw new DispatchInputError(`${field}.prices`, 0, 'expected at least one step');
  for (let t = 0; t < series.prices.length; t++) {
    if (!Number.isFinite(series.prices[t])) throw new DispatchInputError(`${field}.prices[${t}]`, series.prices[t], 'expected a finite price in money/J');
  }
  if (!Number.isInteger(series.utcOffsetMinutes) || Math.abs(series.utcOffsetMinutes) > 14 * 60) {
    throw new DispatchInputError(`${field}.utcOffsetMinutes`, series.utcOffsetMinutes, 'expected whole minutes in [-840, 840]');
  }
}
