/** Runs: start one (queued, 429 when the queue is full), list, read, follow as server-sent events, cancel. */
import { z } from 'zod';
import { HttpError } from '../errors.js';
import type { Messages } from '../messages.js';
import { route } from '../router.js';
import { QueueFullError, type RunEvent } from '../runs.js';
import { Run, RunCreated, RunsQuery, RunSummary, StartRunRequest } from '../schemas.js';
import type { Services } from '../services.js';
import { FINISHED_STATUSES, type RunRecord } from '../store.js';
import { openEventStream } from '../sse.js';
import { errors } from './responses.js';

function summary(r: RunRecord) {
  return { id: r.id, projectId: r.projectId, version: r.version, status: r.status, progress: r.progress, createdAt: r.createdAt };
}

export function runRoutes(s: Services) {
  const { store, runs } = s;
  const runOr404 = (id: string, m: Messages) => {
    const r = store.getRun(id);
    if (!r) throw new HttpError(404, 'not_found', m.notFound('run', id));
    return r;
  };
  return [
    route({
      method: 'POST',
      path: '/api/projects/:id/runs',
      operationId: 'startRun',
      summary: 'Evaluate a project (its latest version unless one is given) as a queued job',
      description: 'The run starts when a worker is free. Follow it with GET /api/runs/:id or the events stream; its messages are in the request\'s language.',
      tag: 'runs',
      params: { id: 'The project\'s id' },
      body: StartRunRequest,
      bodyOptional: true,
      responses: { 202: { description: 'Queued', schema: RunCreated }, ...errors(400, 404, 429) },
      handle: ({ params, body, lang, m }) => {
        const project = store.getProject(params.id, body.version);
        if (!project) {
          if (body.version !== undefined && store.getProject(params.id)) throw new HttpError(404, 'not_found', m.notFound('project version', `${params.id} v${body.version}`));
          throw new HttpError(404, 'not_found', m.notFound('project', params.id));
        }
        try {
          const run = runs.start(project.id, project.version, lang);
          return { status: 202, json: { id: run.id, status: store.getRun(run.id)?.status ?? run.status }, headers: { Location: `/api/runs/${run.id}` } };
        } catch (e) {
          if (e instanceof QueueFullError) throw new HttpError(429, 'queue_full', m.queueFull(e.queueLength), undefined, { 'Retry-After': '10' });
          throw e;
        }
      },
    }),
    route({
      method: 'GET',
      path: '/api/runs',
      operationId: 'listRuns',
      summary: 'Runs, the newest first (of one project with ?project=; at most ?limit=, default 100)',
      tag: 'runs',
      query: RunsQuery,
      responses: { 200: { description: 'The runs', schema: z.array(RunSummary) }, ...errors(404) },
      handle: ({ query, m }) => {
        if (query.project !== undefined && !store.getProject(query.project)) throw new HttpError(404, 'not_found', m.notFound('project', query.project));
        return { json: store.listRuns(query.project, query.limit).map(summary) };
      },
    }),
    route({
      method: 'GET',
      path: '/api/runs/:id',
      operationId: 'getRun',
      summary: 'A run: status, progress, stage, timings, its error, and the plants whose results are ready',
      tag: 'runs',
      params: { id: 'The run\'s id' },
      responses: { 200: { description: 'The run', schema: Run }, ...errors(404) },
      handle: ({ params, m }) => ({ json: { ...runOr404(params.id, m), plantsDone: store.plantsDone(params.id) } }),
    }),
    route({
      method: 'POST',
      path: '/api/runs/:id/cancel',
      operationId: 'cancelRun',
      summary: 'Cancel a queued or running run (409 when it has already ended)',
      tag: 'runs',
      params: { id: 'The run\'s id' },
      responses: { 202: { description: 'Cancelled', schema: RunCreated }, ...errors(404, 409) },
      handle: ({ params, m }) => {
        const r = runOr404(params.id, m);
        const outcome = runs.cancel(params.id);
        if (outcome === 'cancelled') return { status: 202, json: { id: r.id, status: 'cancelled' } };
        const now = store.getRun(params.id) ?? r;
        throw new HttpError(409, 'run_finished', m.runFinished(now.status));
      },
    }),
    route({
      method: 'GET',
      path: '/api/runs/:id/events',
      operationId: 'runEvents',
      summary: 'The run as server-sent events: status, progress, plant (each plant as it is done); closes when the run ends',
      description:
        'text/event-stream. Events: `status` {status, error?}, `progress` {progress 0…1, stage, plant}, `plant` {index, name}. On connecting the stream ' +
        'first repeats the current status, progress and the plants already done; it closes after done, failed, cancelled or interrupted.',
      tag: 'runs',
      params: { id: 'The run\'s id' },
      responses: { 200: { description: 'The event stream', types: ['text/event-stream'] }, ...errors(404, 429) },
      handle: ({ params, res, m }) => {
        const r = runOr404(params.id, m);
        if (runs.subscriberCount() >= s.limits.sseClients) throw new HttpError(429, 'too_many_streams', m.tooManyStreams(s.limits.sseClients));
        const stream = openEventStream<RunEvent>(res);
        stream.send({ event: 'status', data: { status: r.status, ...(r.error ? { error: r.error } : {}) } });
        if (FINISHED_STATUSES.has(r.status)) {
          stream.end();
          return { streamed: true };
        }
        stream.send({ event: 'progress', data: { progress: r.progress, stage: r.stage, plant: r.plant } });
        for (const p of store.plantsDone(r.id)) stream.send({ event: 'plant', data: p });
        stream.follow(
          (listener) => runs.subscribe(r.id, listener),
          (e) => e.event === 'status' && FINISHED_STATUSES.has(e.data.status),
        );
        return { streamed: true };
      },
    }),
  ];
}
