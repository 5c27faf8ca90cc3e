/** GET /api/runs/:id/report: the run's report as a file (HTML, PDF or XLSX) in Chinese or English. */
import { HttpError } from '../errors.js';
import { route } from '../router.js';
import { ReportQuery } from '../schemas.js';
import type { Services } from '../services.js';
import { errors } from './responses.js';

export function reportRoutes(s: Services) {
  return [
    route({
      method: 'GET',
      path: '/api/runs/:id/report',
      operationId: 'runReport',
      summary: 'The report of a finished run: a self-contained HTML page, its PDF, or an XLSX workbook (download)',
      tag: 'results',
      params: { id: 'The run\'s id' },
      query: ReportQuery,
      responses: {
        200: { description: 'The report file (Content-Disposition: attachment)', types: ['text/html', 'application/pdf', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'] },
        ...errors(400, 404, 409, 501),
      },
      handle: ({ params, m }) => {
        const run = s.store.getRun(params.id);
        if (!run) throw new HttpError(404, 'not_found', m.notFound('run', params.id));
        if (run.status !== 'done') throw new HttpError(409, run.status === 'queued' || run.status === 'running' ? 'run_not_done' : 'run_ended', run.status === 'queued' || run.status === 'running' ? m.runNotDone(run.status) : m.runEnded(run.status));
        throw new HttpError(501, 'not_implemented', m.reportUnavailable());
      },
    }),
  ];
}
