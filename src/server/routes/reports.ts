/**
 * GET /api/runs/:id/report: the run's report as a file — the self-contained HTML page, its PDF (printed by Chromium
 * where the machine has one; a 501 naming what is missing otherwise) or the XLSX workbook — in Chinese or English,
 * made by the report layer from the stored results.json and schedules, in a worker thread (../report-jobs.ts).
 */
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
        const plants = s.store.plantsDone(run.id);
        const count = plants.length ? plants[plants.length - 1].index + 1 : 0;
        const schedulesJson = Array.from({ length: count }, (_, i) => s.store.getPlantText(run.id, i, 'scheduleJson')?.text ?? null);
        const outcome = await s.reports.render({ resultsJson: text, schedulesJson, lang: query.lang ?? lang, format: query.format });
        if (!outcome.ok) {
          if (outcome.chromiumMissing) throw new HttpError(501, 'pdf_unavailable', m.reportFailed(outcome.message));
          throw new Error(`report ${query.format} of run ${run.id}: ${outcome.message}`);
        }
        const saved = s.store.listVersions(run.projectId)?.find((v) => v.version === run.version);
        const name = `${fileSafe(saved?.name ?? 'report')}.${query.format}`;
        return { text: outcome.body, type: outcome.contentType, headers: { 'Content-Disposition': attachment(name) } };
      },
    }),
  ];
}
