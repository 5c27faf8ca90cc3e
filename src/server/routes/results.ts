/**
 * Results of a run: results.json when the run is done; per plant, as soon as that plant is done, its entry of
 * results.json, its hourly schedule and its yearly cash flow (JSON, or with ?format=csv the CSV `evaluate --out` writes).
 */
import { HttpError } from '../errors.js';
import { attachment } from '../http.js';
import type { Messages } from '../messages.js';
import { route, type Reply } from '../router.js';
import { resultFileName } from '../results.js';
import { FormatQuery, PlantResults, Results, ScheduleData, YearlyCashFlow } from '../schemas.js';
import type { Services } from '../services.js';
import type { PlantResultColumn, RunRecord } from '../store.js';
import { errors } from './responses.js';

const JSON_TYPE = 'application/json; charset=utf-8';
const CSV_TYPE = 'text/csv; charset=utf-8';

export function resultRoutes(s: Services) {
  const { store } = s;
  const runOr404 = (id: string, m: Messages): RunRecord => {
    const r = store.getRun(id);
    if (!r) throw new HttpError(404, 'not_found', m.notFound('run', id));
    return r;
  };
  /** A stored text of plant `i`, or the reason there is none (404 no such plant, 409 not done yet or no results). */
  const plantText = (runId: string, i: string, column: PlantResultColumn, m: Messages) => {
    const run = runOr404(runId, m);
    const index = /^\d{1,6}$/.test(i) ? Number(i) : -1;
    const row = index >= 0 ? store.getPlantText(runId, index, column) : undefined;
    if (row) return { index, ...row };
    if (run.status === 'done') throw new HttpError(404, 'not_found', m.noPlant(i, store.plantsDone(runId).length));
    if (run.status === 'queued' || run.status === 'running') {
      if (index < 0) throw new HttpError(404, 'not_found', m.noPlant(i, Math.max(1, store.plantsDone(runId).length)));
      throw new HttpError(409, 'plant_not_done', m.plantNotDone(index, run.status));
    }
    throw new HttpError(409, 'run_ended', m.runEnded(run.status));
  };
  const params = { id: 'The run\'s id', i: 'The plant\'s index in the project (0, 1, …)' };
  const perPlant = (kind: 'schedule' | 'cashflow', json: PlantResultColumn, csv: PlantResultColumn, summary: string, schema: typeof ScheduleData | typeof YearlyCashFlow) =>
    route({
      method: 'GET',
      path: `/api/runs/:id/results/plants/:i/${kind}`,
      operationId: kind === 'schedule' ? 'plantSchedule' : 'plantCashFlow',
      summary,
      tag: 'results',
      params,
      query: FormatQuery,
      responses: { 200: { description: 'JSON (SI), or CSV in display units with ?format=csv', schema, types: ['text/csv'] }, ...errors(400, 404, 409) },
      handle: ({ params: p, query, m }): Reply => {
        if (query.format === 'csv') {
          const t = plantText(p.id, p.i, csv, m);
          return { text: t.text, type: CSV_TYPE, headers: { 'Content-Disposition': attachment(resultFileName(kind, t.index, t.name, 'csv')) } };
        }
        return { text: plantText(p.id, p.i, json, m).text, type: JSON_TYPE };
      },
    });
  return [
    route({
      method: 'GET',
      path: '/api/runs/:id/results',
      operationId: 'runResults',
      summary: 'results.json of a finished run (the same object `evaluate --json` prints)',
      tag: 'results',
      params: { id: 'The run\'s id' },
      responses: { 200: { description: 'results.json', schema: Results }, ...errors(404, 409) },
      handle: ({ params: p, m }): Reply => {
        const run = runOr404(p.id, m);
        const text = run.status === 'done' ? store.getResultsJson(p.id) : undefined;
        if (text !== undefined) return { text, type: JSON_TYPE };
        throw new HttpError(409, run.status === 'queued' || run.status === 'running' ? 'run_not_done' : 'run_ended', run.status === 'queued' || run.status === 'running' ? m.runNotDone(run.status) : m.runEnded(run.status));
      },
    }),
    route({
      method: 'GET',
      path: '/api/runs/:id/results/plants/:i',
      operationId: 'plantResults',
      summary: 'One plant\'s entry of results.json, as soon as that plant is done',
      tag: 'results',
      params,
      responses: { 200: { description: 'The plant\'s results', schema: PlantResults }, ...errors(404, 409) },
      handle: ({ params: p, m }): Reply => ({ text: plantText(p.id, p.i, 'plantJson', m).text, type: JSON_TYPE }),
    }),
    perPlant('schedule', 'scheduleJson', 'scheduleCsv', 'A plant\'s hourly schedule: price, charge, discharge, stored energy (and the powers its model realises)', ScheduleData),
    perPlant('cashflow', 'cashFlowJson', 'cashFlowCsv', 'A plant\'s yearly cash flow: revenue, charging cost, O&M, tax, interest, principal, …, DSCR', YearlyCashFlow),
  ];
}
