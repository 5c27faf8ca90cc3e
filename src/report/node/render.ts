/**
 * One entry for the adapters (the `report` command, the HTTP server): a report of a format as bytes, with its media
 * type and file name (written atomically by src/project/durable-write.node.ts).
 */
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
