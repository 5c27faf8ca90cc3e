/**
 * GET /api/runs/:id/report: the run's report as a file — the self-contained HTML page, its PDF (printed by Chromium
 * where the machine has one; a 501 naming what is missing otherwise) or the XLSX workbook — in Chinese or English,
 * made by the report layer from the stored results.json and schedules. The report layer is loaded on first use,
 * so starting the server does not pay for ECharts and ExcelJS.
 */
import type { ResultsData, ScheduleData } from '../../report/index.js';
import { HttpError } from '../errors.js';
import { attachment } from '../http.js';
import { route, type Reply } from '../router.js';
import { ReportQuery } from '../schemas.js';
import type { Services } from '../services.js';
import { errors } from './responses.js';

/** A file name from a project name: no path separators or characters that file systems refuse. */
export function fileSafe(name: string): string {
  return name.replace(/[\\/:*?"<>|\x00-\x1f]+/g, '_').trim().slice(0, 120) || 'report';
}

export function reportRoutes(s: Services) {
  return [
    route({
      method: 'GET',
      path: '/api/runs/:id/report',
      operationId: 'runReport',
      summary: 'The report of a finished run: a self-contained HTML page, its PDF, or an XLSX workbook (download)',
      description: 'The language is ?lang= (zh or en). The PDF needs Chromium on the server (a 501 names what is missing); HTML and XLSX need nothing.',
      tag: 'results',
      params: { id: 'The run\'s id' },
      query: ReportQuery,
      responses: {
        200: { description: 'The report file (Content-Disposition: attachment)', types: ['text/html', 'application/pdf', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'] },
        ...errors(400, 404, 409, 501),
      },
      handle: async ({ params, query, lang, m }): Promise<Reply> => {
        const run = s.store.getRun(params.id);
        if (!run) throw new HttpError(404, 'not_found', m.notFound('run', params.id));
        const text = run.status === 'done' ? s.store.getResultsJson(run.id) : undefined;
        if (text === undefined) {
          const going = run.status === 'queued' || run.status === 'running';
          throw new HttpError(409, going ? 'run_not_done' : 'run_ended', going ? m.runNotDone(run.status) : m.runEnded(run.status));
        }
        const results = JSON.parse(text) as ResultsData;
        const schedules = results.plants.map((_, i) => {
          const t = s.store.getPlantText(run.id, i, 'scheduleJson');
          return t && (JSON.parse(t.text) as ScheduleData);
        });
        const { renderReport, ChromiumMissingError } = await import('../../report/node/index.js');
        try {
          const report = await renderReport({ results, schedules }, query.lang ?? lang, query.format);
          const name = `${fileSafe(results.name)}.${query.format}`;
          return { text: report.body, type: report.contentType, headers: { 'Content-Disposition': attachment(name) } };
        } catch (e) {
          if (e instanceof ChromiumMissingError) throw new HttpError(501, 'pdf_unavailable', m.reportFailed(e.message));
          throw e;
        }
      },
    }),
  ];
}
