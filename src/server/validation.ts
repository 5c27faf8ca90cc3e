/**
 * A project as the API receives it (the project file as JSON and its files as content), checked before anything
 * is computed: the library's validation (every field with its path, value, valid range, in the requested
 * language), then the files the project names — given with it, and a price file read as the evaluation reads it
 * (every row, the project's year, its unit).
 */
import { priceSeries, readFromMap, validateProject, type ProjectSpec } from '../project/index.js';
import { libraryIssues, type FieldIssue } from './errors.js';
import { messages } from './messages.js';
import type { Lang, ProjectFiles } from './store.js';

export type ProjectCheck = { readonly ok: true; readonly spec: ProjectSpec } | { readonly ok: false; readonly issues: readonly FieldIssue[] };

export function checkProject(raw: unknown, files: ProjectFiles, lang: Lang): ProjectCheck {
  const v = validateProject(raw, { lang });
  if (!v.ok) return { ok: false, issues: v.issues };
  const spec: ProjectSpec = v.spec;
  const name = spec.market.prices;
  if (name !== undefined) {
    const text = files[name];
    if (text === undefined) {
      const message = messages(lang).fileMissing(name, Object.keys(files).join(', '));
      return { ok: false, issues: [{ field: 'market.prices', path: ['market', 'prices'], value: name, code: 'file_missing', message }] };
    }
    try {
      priceSeries(spec.market, spec.site, readFromMap(files));
    } catch (e) {
      // a PriceFileError names a row of the file (put under market.prices); a ProjectError names its field itself
      const issues = libraryIssues(e, typeof (e as { row?: unknown }).row === 'number' ? 'market.prices' : '');
      if (!issues) throw e;
      return { ok: false, issues: issues.map((i) => priceIssue(i, lang)) };
    }
  }
  return { ok: true, spec };
}

/** A price file's issue: the library's English message names file, row and column; in Chinese the row is framed. */
export function priceIssue(issue: FieldIssue, lang: Lang): FieldIssue {
  if (lang === 'en' || issue.row === undefined) return issue;
  return { ...issue, message: messages(lang).priceRow(issue.row, issue.column ?? '', issue.message) };
}
