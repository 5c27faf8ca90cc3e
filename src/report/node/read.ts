/**
 * Reading a results folder written by `evaluate --out` (src/project/write.ts) back into report data: results.json,
 * each plant's hourly schedule from its CSV (display units back to SI) and its yearly cash-flow CSV. A folder
 * without its manifest (written last) is refused, and so is one whose files differ from what the manifest lists.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MANIFEST } from '../../project/node.js';
import { MW, MWH } from '../display.js';
import type { ResultsData, ScheduleData } from '../results.js';

/** A results folder that cannot be read as one. */
export class ResultsFolderReadError extends Error {
  readonly folder: string;
  constructor(folder: string, message: string) {
    super(`${folder}: ${message}`);
    this.name = 'ResultsFolderReadError';
    this.folder = folder;
  }
}

/** A CSV file's header and numeric rows (empty cells → null, the time column kept as text in `times`). */
export interface CsvTable {
  readonly name: string;
  readonly header: readonly string[];
  readonly rows: readonly (readonly (number | null)[])[];
}

export interface ResultsFolder {
  readonly results: ResultsData;
  /** Per plant, in the order of results.plants. */
  readonly schedules: readonly ScheduleData[];
  /** Per plant, the cash-flow CSV as written (money in the currency, energy in MWh). */
  readonly cashFlows: readonly CsvTable[];
}

interface Manifest {
  readonly complete: boolean;
  readonly files: readonly { readonly name: string; readonly bytes: number; readonly sha256: string }[];
}

export function readResultsFolder(dir: string): ResultsFolder {
  const manifestPath = join(dir, MANIFEST);
  if (!existsSync(manifestPath)) {
    throw new ResultsFolderReadError(dir, `incomplete results folder (no ${MANIFEST}, which a run writes last; run \`chuneng evaluate PROJECT --out ${dir}\` again)`);
  }
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
  if (!manifest.complete || !Array.isArray(manifest.files)) throw new ResultsFolderReadError(dir, `incomplete results folder (${MANIFEST} does not say complete)`);
  const texts = new Map<string, string>();
  for (const f of manifest.files) {
    const path = join(dir, f.name);
    if (!existsSync(path)) throw new ResultsFolderReadError(dir, `incomplete results folder (${f.name} is listed in ${MANIFEST} but missing)`);
    const bytes = readFileSync(path);
    if (bytes.length !== f.bytes || createHash('sha256').update(bytes).digest('hex') !== f.sha256) {
      throw new ResultsFolderReadError(dir, `${f.name} was changed after the run wrote it (its size or SHA-256 differs from ${MANIFEST})`);
    }
    texts.set(f.name, bytes.toString('utf8'));
  }
  const resultsText = texts.get('results.json');
  if (resultsText === undefined) throw new ResultsFolderReadError(dir, `incomplete results folder (no results.json in ${MANIFEST})`);
  const results = JSON.parse(resultsText) as ResultsData;
  const fileOf = (prefix: string, i: number) => {
    const name = [...texts.keys()].find((n) => n.startsWith(`${prefix}-${i + 1}-`) && n.endsWith('.csv'));
    if (!name) throw new ResultsFolderReadError(dir, `incomplete results folder (no ${prefix}-${i + 1}-*.csv for plant "${results.plants[i].name}")`);
    return { name, text: texts.get(name)! };
  };
  const schedules = results.plants.map((p, i) => {
    const f = fileOf('schedule', i);
    return scheduleFromCsv(parseCsv(f.name, f.text), p.performance.energyCapacity, dir);
  });
  const cashFlows = results.plants.map((_, i) => {
    const f = fileOf('cashflow', i);
    return parseCsv(f.name, f.text);
  });
  return { results, schedules, cashFlows };
}

/** Parses the project's CSVs (no quoting: numbers, ISO times and plain names). The first column stays text in `times`. */
export function parseCsv(name: string, text: string): CsvTable & { readonly times: readonly string[] } {
  const lines = text.split('\n').filter((l) => l.length > 0);
  const header = lines[0].split(',');
  const times: string[] = [];
  const rows = lines.slice(1).map((line) => {
    const cells = line.split(',');
    times.push(cells[0]);
    return cells.map((c) => (c === '' ? null : Number(c)));
  });
  return { name, header, rows, times };
}

/** "+08:00" → 480. */
function offsetMinutes(iso: string): number {
  const m = /([+-])(\d{2}):(\d{2})$/.exec(iso);
  if (!m) return 0;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
}

function scheduleFromCsv(t: CsvTable & { times: readonly string[] }, energyCapacity: number, dir: string): ScheduleData {
  const col = (prefix: string) => {
    const j = t.header.findIndex((h) => h.startsWith(prefix));
    if (j < 0) throw new ResultsFolderReadError(dir, `${t.name} has no ${prefix}… column`);
    return j;
  };
  const values = (j: number, f: number) => t.rows.map((r) => (r[j] ?? 0) * f);
  const start = Date.parse(t.times[0]);
  const step = t.times.length > 1 ? (Date.parse(t.times[1]) - start) / 1000 : 3600;
  const plant = t.header.includes('plant_charge_MW');
  return {
    startMs: start,
    stepSeconds: step,
    utcOffsetMinutes: offsetMinutes(t.times[0]),
    energyCapacity,
    price: values(col('price_'), 1 / MWH),
    charge: values(col('charge_MW'), MW),
    discharge: values(col('discharge_MW'), MW),
    energy: values(col('stored_MWh'), MWH),
    ...(plant ? { plantCharge: values(col('plant_charge_MW'), MW), plantDischarge: values(col('plant_discharge_MW'), MW) } : {}),
  };
}
