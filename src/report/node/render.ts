/**
 * One entry for the adapters (the `report` command, the HTTP server): a report of a format as bytes, with its media
 * type and file name, and its atomic write beside a results folder.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { ReportInput } from '../figures.js';
import type { Lang } from '../labels.js';
import { htmlReport } from './html.js';
import { pdfReport } from './pdf.js';
import { xlsxReport } from './xlsx.js';

export const REPORT_FORMATS = ['html', 'pdf', 'xlsx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const REPORT_MEDIA_TYPES: Readonly<Record<ReportFormat, string>> = {
  html: 'text/html; charset=utf-8',
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** Refuses a format the reports do not come in, naming the valid ones. */
export function checkFormat(format: unknown, field = 'format'): ReportFormat {
  if (REPORT_FORMATS.includes(format as ReportFormat)) return format as ReportFormat;
  throw new RangeError(`${field}: "${String(format)}" is not a report format; use one of ${REPORT_FORMATS.join(', ')}`);
}

export async function renderReport(input: ReportInput, lang: Lang, format: ReportFormat): Promise<{ readonly body: Buffer; readonly contentType: string; readonly fileName: string }> {
  const body =
    format === 'html' ? Buffer.from(htmlReport(input, lang), 'utf8') : format === 'pdf' ? await pdfReport(htmlReport(input, lang)) : await xlsxReport(input, lang);
  return { body, contentType: REPORT_MEDIA_TYPES[format], fileName: `report.${format}` };
}

/** Writes `bytes` to `path` so that a reader sees the old file or the whole new one: a temporary file beside it, synced, then renamed. */
export function writeFileAtomic(path: string, bytes: Buffer): void {
  const temp = join(dirname(path), `.${basename(path)}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    const fd = openSync(temp, 'w');
    try {
      let done = 0;
      // writeSync may write less than asked (a file-size limit): loop until every byte is out, or fail
      while (done < bytes.length) done += writeSync(fd, bytes, done, bytes.length - done);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, path);
  } catch (e) {
    rmSync(temp, { force: true });
    throw e;
  }
}
