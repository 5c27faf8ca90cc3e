/**
 * A test campaign of retired cells in one series string, read from the text of its CSV files (browser-safe: no file
 * access here; the CLI reads the files). The format is that of the retired-LFP data set of windcookies/Sorting-and-
 * Regrouping (MIT), as converted in ../shared/data/retired_lfp_cells: per day three "wide" CSV files,
 *   `<kind>_<date>_time_current.csv`   sample, time_s, current_A (the string current, positive while charging)
 *   `<kind>_<date>_voltage_V.csv`      time_s, cell_001 … cell_N (V)
 *   `<kind>_<date>_temperature_C.csv`  time_s, cell_001 … cell_N (°C)
 * with row n of each file the same instant. A campaign has one charge day and one rest day (zero current).
 * Inside: SI (s, A, V, K).
 */

/** One day of the campaign: shared time and current, and per-cell voltage and temperature. */
export interface CampaignDay {
  /** "charge_2021-11-07" etc.: the files' common prefix. */
  readonly label: string;
  /** Time of each sample, s. */
  readonly time: Float64Array;
  /** String current, positive while charging, A. */
  readonly current: Float64Array;
  /** Cell names as in the header (cell_001 …). */
  readonly cells: readonly string[];
  /** voltage[c][k]: cell c at sample k, V. */
  readonly voltage: readonly Float64Array[];
  /** temperature[c][k]: cell c at sample k, K. */
  readonly temperature: readonly Float64Array[];
}

/** The two days a grading needs. */
export interface Campaign {
  readonly charge: CampaignDay;
  readonly rest: CampaignDay;
}

/** The texts of one day's three files. */
export interface CampaignDayTexts {
  readonly timeCurrent: string;
  readonly voltage: string;
  readonly temperature: string;
}

export class CampaignFormatError extends Error {
  override name = 'CampaignFormatError';
}

const CELSIUS_ZERO = 273.15;

interface WideTable {
  readonly header: readonly string[];
  readonly columns: Float64Array[];
}

/** A comma-separated table with a header row, every value a finite number. */
export function parseWideCsv(text: string, file: string): WideTable {
  const lines = text.split(/\r?\n/);
  while (lines.length > 0 && lines[lines.length - 1].trim() === '') lines.pop();
  if (lines.length < 2) throw new CampaignFormatError(`${file}: a header row and at least one data row are needed; found ${lines.length} line(s)`);
  const header = lines[0].split(',').map((h) => h.trim());
  const rows = lines.length - 1;
  const columns = header.map(() => new Float64Array(rows));
  for (let r = 0; r < rows; r++) {
    const cells = lines[r + 1].split(',');
    if (cells.length !== header.length) {
      throw new CampaignFormatError(`${file}: line ${r + 2} has ${cells.length} values; the header has ${header.length}`);
    }
    for (let c = 0; c < cells.length; c++) {
      const v = Number(cells[c]);
      if (cells[c].trim() === '' || !Number.isFinite(v)) {
        throw new CampaignFormatError(`${file}: line ${r + 2}, column "${header[c]}" = "${cells[c]}" is not a finite number`);
      }
      columns[c][r] = v;
    }
  }
  return { header, columns };
}

function column(table: WideTable, name: string, file: string): Float64Array {
  const j = table.header.indexOf(name);
  if (j < 0) throw new CampaignFormatError(`${file}: column "${name}" is missing; found ${table.header.slice(0, 4).join(', ')}${table.header.length > 4 ? ', …' : ''}`);
  return table.columns[j];
}

function sameTime(a: Float64Array, b: Float64Array, file: string): void {
  if (a.length !== b.length) throw new CampaignFormatError(`${file}: ${b.length} rows; the time/current file has ${a.length}`);
  for (let k = 0; k < a.length; k++) {
    if (a[k] !== b[k]) throw new CampaignFormatError(`${file}: time_s = ${b[k]} on line ${k + 2}; the time/current file has ${a[k]} there (rows must be the same instants)`);
  }
}

/** One day from its three files' texts; `label` names the day in messages (e.g. "charge_2021-11-07"). */
export function parseCampaignDay(texts: CampaignDayTexts, label: string): CampaignDay {
  const tcFile = `${label}_time_current.csv`;
  const vFile = `${label}_voltage_V.csv`;
  const tFile = `${label}_temperature_C.csv`;
  const tc = parseWideCsv(texts.timeCurrent, tcFile);
  const time = column(tc, 'time_s', tcFile);
  const current = column(tc, 'current_A', tcFile);
  for (let k = 1; k < time.length; k++) {
    if (!(time[k] > time[k - 1])) throw new CampaignFormatError(`${tcFile}: time_s = ${time[k]} on line ${k + 2} does not follow ${time[k - 1]}; valid: strictly increasing`);
  }
  const v = parseWideCsv(texts.voltage, vFile);
  const t = parseWideCsv(texts.temperature, tFile);
  sameTime(time, column(v, 'time_s', vFile), vFile);
  sameTime(time, column(t, 'time_s', tFile), tFile);
  const cells = v.header.filter((h) => h !== 'time_s');
  const tCells = t.header.filter((h) => h !== 'time_s');
  if (cells.length === 0) throw new CampaignFormatError(`${vFile}: no cell columns besides time_s`);
  if (cells.join() !== tCells.join()) throw new CampaignFormatError(`${tFile}: cell columns differ from ${vFile} (${tCells.length} vs ${cells.length} cells, or another order)`);
  const voltage = cells.map((c) => column(v, c, vFile));
  const temperature = cells.map((c) => column(t, c, tFile).map((x) => x + CELSIUS_ZERO));
  return { label, time, current, cells, voltage, temperature };
}

/** The charge and rest days, checked to hold the same cells in the same order. */
export function parseCampaign(charge: CampaignDayTexts, chargeLabel: string, rest: CampaignDayTexts, restLabel: string): Campaign {
  const c = parseCampaignDay(charge, chargeLabel);
  const r = parseCampaignDay(rest, restLabel);
  if (c.cells.join() !== r.cells.join()) throw new CampaignFormatError(`${restLabel}: cells differ from ${chargeLabel} (${r.cells.length} vs ${c.cells.length}, or another order)`);
  if (!c.current.some((i) => i > 0)) throw new CampaignFormatError(`${chargeLabel}_time_current.csv: current_A is never positive; a charge day needs charging current`);
  const idle = r.current.findIndex((i) => i !== 0);
  if (idle >= 0) throw new CampaignFormatError(`${restLabel}_time_current.csv: current_A = ${r.current[idle]} on line ${idle + 2}; valid: 0 on a rest day`);
  return { charge: c, rest: r };
}

/**
 * The labels of a campaign folder's two days from its file names: exactly one `charge_*` and one `rest_*` day, each
 * with its three files. Returns the labels (e.g. "charge_2021-11-07"), or throws naming what is missing.
 */
export function campaignLabels(fileNames: readonly string[]): { charge: string; rest: string } {
  const suffixes = ['_time_current.csv', '_voltage_V.csv', '_temperature_C.csv'];
  const find = (kind: 'charge' | 'rest'): string => {
    const labels = [...new Set(fileNames.filter((f) => f.startsWith(`${kind}_`) && f.endsWith(suffixes[0])).map((f) => f.slice(0, -suffixes[0].length)))];
    if (labels.length !== 1) throw new CampaignFormatError(`campaign: ${labels.length} ${kind} days found (files ${kind}_<date>${suffixes[0]}); valid: exactly 1`);
    const missing = suffixes.filter((s) => !fileNames.includes(labels[0] + s));
    if (missing.length > 0) throw new CampaignFormatError(`campaign: ${missing.map((s) => labels[0] + s).join(', ')} missing`);
    return labels[0];
  };
  return { charge: find('charge'), rest: find('rest') };
}
