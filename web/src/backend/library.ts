/**
 * What the Web Worker does with the library, as plain functions (so Node tests run them too): validate a project,
 * read a price file for a preview, evaluate a project and turn its evaluation into the objects the HTTP API returns
 * (results.json per plant, ScheduleData). No physics, finance or validation here: the library does all of it.
 */
import { evaluate, parseProjectValue, readFromMap, plantResultsJson as plantEntry, resultsJson, validateProject, ProjectError, type PlantEvaluation, type ProjectEvaluation } from '../../../src/project/index.js';
import { priceSeries } from '../../../src/project/market.js';
import { runProgress } from '../../../src/project/progress.js';
import { scheduleData } from '../../../src/report/results.js';
import { translate } from '../i18n/translate.js';
import { parsePriceCsv, PriceFileError, DispatchInputError } from '../../../src/dispatch/index.js';
import { compensatedSum } from '../../../src/numerics/index.js';
import type { FieldIssue, Lang, PlantResultsJson, PricePreviewResult, ResultsJson, RunProgress, ScheduleData, Validation } from './types.js';

/**
 * Every field problem of a project, in `lang`: the library's validateProject (schema, finance sections, template
 * parameters), then the files it names — given with it, and a price file read as the run reads it.
 */
export function validateDocument(project: unknown, files: Readonly<Record<string, string>>, lang: Lang): Validation {
  const v = validateProject(project, { lang });
  if (!v.ok) return { ok: false, issues: v.issues };
  const name = v.spec.market.prices;
  if (name === undefined) return { ok: true };
  if (files[name] === undefined) {
    return { ok: false, issues: [{ field: 'market.prices', path: ['market', 'prices'], value: name, code: 'file_missing', message: translate(lang, 'market.fileMissing', { name }) }] };
  }
  try {
    priceSeries(v.spec.market, v.spec.site, readFromMap(files));
    return { ok: true };
  } catch (e) {
    if (e instanceof PriceFileError) return { ok: false, issues: [priceIssue(e, lang)] };
    if (e instanceof ProjectError || e instanceof DispatchInputError) return { ok: false, issues: [{ field: 'market.prices', path: ['market', 'prices'], code: 'price_file', message: e.message }] };
    throw e;
  }
}

/** A bad row of a price file as an issue of `market.prices`, naming the row (framed in the user's language). */
function priceIssue(e: PriceFileError, lang: Lang): FieldIssue & { row: number; column: string } {
  const detail = e.message.replace(/^.*? row \d+, column "[^"]*": /, '');
  const message = lang === 'en' ? e.message : translate(lang, 'market.badRow', { row: e.row, column: e.column, message: detail });
  return { field: 'market.prices', path: ['market', 'prices'], value: e.value, code: 'price_file', message, row: e.row, column: e.column };
}

/** A price CSV read the way a run reads it (a complete year); a bad row becomes an issue naming the row. */
export function previewPrices(text: string, timeZone: string, lang: Lang = 'en', source = 'prices.csv'): PricePreviewResult {
  try {
    const s = parsePriceCsv(text, { source, timeZone });
    let min = Infinity;
    let max = -Infinity;
    for (const p of s.prices) {
      min = Math.min(min, p);
      max = Math.max(max, p);
    }
    return {
      ok: true,
      preview: { steps: s.prices.length, startMs: s.startMs, stepSeconds: s.stepSeconds, min, max, mean: compensatedSum(s.prices) / s.prices.length, price: Array.from(s.prices) },
    };
  } catch (e) {
    if (e instanceof PriceFileError) return { ok: false, issues: [priceIssue(e, lang)] };
    if (e instanceof DispatchInputError) return { ok: false, issues: [{ field: 'market.prices', path: ['market', 'prices'], code: 'price_series', message: e.message }] };
    throw e;
  }
}

/** A plant's entry of results.json (the library's plantResultsJson), as JSON carries it. */
export function plantResultsJson(plant: PlantEvaluation): PlantResultsJson {
  return asJson(plantEntry(plant)) as PlantResultsJson;
}

/** results.json of an evaluation, as the API sends it (through JSON: no typed arrays, no undefined, NaN → null). */
export function resultsObject(e: ProjectEvaluation): ResultsJson {
  return asJson(resultsJson(e)) as ResultsJson;
}

function asJson(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value));
}

export interface RunCallbacks {
  readonly onProgress: (p: RunProgress) => void;
  readonly onPlant: (index: number, plant: PlantResultsJson, schedule: ScheduleData) => void;
}

/** Evaluates a project given as a value with its files; plants and progress reported as they come. */
export async function runDocument(project: unknown, files: Readonly<Record<string, string>>, callbacks: RunCallbacks): Promise<ResultsJson> {
  const loaded = parseProjectValue(project, 'project', readFromMap(files));
  const count = loaded.spec.plants.length;
  let index = 0;
  const e = await evaluate(loaded.spec, {
    readText: loaded.readText,
    onProgress: (event) => callbacks.onProgress({ progress: runProgress(index, count, event), stage: event.stage, plant: event.plant }),
    onPlant: (plant, i) => {
      callbacks.onPlant(i, plantResultsJson(plant), scheduleData(plant));
      index = i + 1;
    },
  });
  return resultsObject(e);
}
