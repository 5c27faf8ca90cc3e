import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cashFlowCsv, evaluate, parseProjectValue, readFromMap, resultsJson, scheduleCsv, type ProjectEvaluation } from '../project/index.js';
import { Store } from './store.js';
import { Run, ScheduleData } from './schemas.js';
import { scheduleData } from '../report/index.js';
import { batteryProject, call, pricesCsv, readEvents, tempDir, testServer, waitFor, type SseEvent } from './testing.js';
import { STAGE_SHARES } from '../project/progress.js';

const files = { 'prices.csv': pricesCsv() };
const FIXTURE_WORKER = new URL(`./testing/fixture-worker.ts`, import.meta.url);

/** results.json without what depends on the clock (wall times of the run and of the solver). */
function timeless(results: unknown): unknown {
  return JSON.parse(JSON.stringify(results), (key, value) => (key === 'seconds' || key === 'solveSeconds' ? undefined : value));
}

/** The run once it has ended, else undefined. */
async function ended(base: string, id: string) {
  const r = (await call(base, 'GET', `/api/runs/${id}`)).body;
  return r.status === 'running' || r.status === 'queued' ? undefined : r;
}

async function createProject(base: string, project: object): Promise<string> {
  const a = await call(base, 'POST', '/api/projects', { project, files });
  assert.equal(a.status, 201, a.text);
  return a.body.id;
}

// the runs mostly wait on their workers: the tests run side by side
describe('runs', { concurrency: true }, () => {
  // the direct evaluation to compare with, first: it holds this process's event loop for a while, which the servers
  // of the tests below (in this process too) must not share
  let direct: ProjectEvaluation;
  before(async () => {
    direct = await evaluate(parseProjectValue(batteryProject()).spec, { readText: readFromMap(files) });
  });

  test('runs queue behind the busy worker (429 beyond the queue), cancel, stream their progress in order, and give the results of a direct evaluation', async () => {
    const server = await testServer({ workerUrl: FIXTURE_WORKER, limits: { concurrentRuns: 1, queueLength: 1 } });
    const base = server.url;
    try {
      const blocker = await createProject(base, batteryProject({ name: 'hang' }));
      const battery = await createProject(base, batteryProject());

      const first = await call(base, 'POST', `/api/projects/${blocker}/runs`);
      assert.deepEqual([first.status, first.body.status], [202, 'running']);
      assert.equal(first.headers.get('location'), `/api/runs/${first.body.id}`);
      const queued = await call(base, 'POST', `/api/projects/${battery}/runs`, undefined, { 'accept-language': 'zh-CN' });
      assert.deepEqual([queued.status, queued.body.status], [202, 'queued']);
      const runId = queued.body.id as string;
      const full = await call(base, 'POST', `/api/projects/${battery}/runs`);
      assert.equal(full.status, 429, full.text);
      assert.equal(full.body.error.code, 'queue_full');
      assert.equal(full.headers.get('retry-after'), '10');

      // follow the queued run from before it starts
      const seen: SseEvent[] = [];
      const stream = readEvents(new URL(`/api/runs/${runId}/events`, base).href, (e) => seen.push(e));
      await waitFor(() => (seen.length >= 2 ? true : undefined), 10, 'the stream to open');

      // nothing to read before it is done; its project cannot be deleted while it waits
      assert.equal((await call(base, 'GET', `/api/runs/${runId}/results`)).body.error.code, 'run_not_done');
      assert.equal((await call(base, 'GET', `/api/runs/${runId}/results/plants/0/schedule`)).body.error.code, 'plant_not_done');
      const busy = await call(base, 'DELETE', `/api/projects/${battery}`);
      assert.deepEqual([busy.status, busy.body.error.code], [409, 'project_busy']);

      // cancelling the running one lets the queued one start
      const cancel = await call(base, 'POST', `/api/runs/${first.body.id}/cancel`);
      assert.deepEqual([cancel.status, cancel.body], [202, { id: first.body.id, status: 'cancelled' }]);
      const cancelled = Run.parse((await call(base, 'GET', `/api/runs/${first.body.id}`)).body);
      assert.equal(cancelled.status, 'cancelled');
      assert.equal(cancelled.error?.code, 'cancelled');
      const again = await call(base, 'POST', `/api/runs/${first.body.id}/cancel`);
      assert.deepEqual([again.status, again.body.error.code], [409, 'run_finished']);
      assert.equal((await call(base, 'GET', `/api/runs/${first.body.id}/results`)).body.error.code, 'run_ended');

      const { status, type, events } = await stream;
      assert.equal(status, 200);
      assert.equal(type, 'text/event-stream; charset=utf-8');
      const names = events.map((e) => (e.event === 'status' ? `status:${e.data.status}` : e.event));
      assert.equal(names[0], 'status:queued');
      assert.equal(names.at(-1), 'status:done', names.join(' '));
      assert.ok(names.indexOf('status:running') > 0);
      assert.ok(names.indexOf('plant') > names.indexOf('status:running') && names.indexOf('plant') < names.indexOf('status:done'));
      assert.deepEqual(events.find((e) => e.event === 'plant')!.data, { index: 0, name: 'battery' });
      const progress = events.filter((e) => e.event === 'progress').map((e) => e.data.progress as number);
      assert.ok(progress.length >= 3, `progress events: ${progress.join(', ')}`);
      for (let k = 1; k < progress.length; k++) assert.ok(progress[k] >= progress[k - 1], `progress never goes back: ${progress.join(', ')}`);
      assert.equal(progress.at(-1), 1);
      // progress is pushed at most every 200 ms (the latest state then), so which stages show depends on how long each
      // takes; whichever shows names one of the evaluation's stages and the plant
      assert.ok(events.some((e) => e.event === 'progress' && Object.hasOwn(STAGE_SHARES, e.data.stage as string) && e.data.plant === 'battery'), 'the stage and plant are named');

      const run = Run.parse((await call(base, 'GET', `/api/runs/${runId}`)).body);
      assert.equal(run.status, 'done');
      assert.equal(run.progress, 1);
      assert.equal(run.lang, 'zh');
      assert.ok(run.seconds! > 0 && run.startedAt! >= run.createdAt && run.finishedAt! >= run.startedAt!);
      assert.deepEqual(run.plantsDone, [{ index: 0, name: 'battery' }]);
      const listed = await call(base, 'GET', `/api/runs?project=${battery}`);
      assert.deepEqual(listed.body.map((r: { id: string; status: string }) => [r.id, r.status]), [[runId, 'done']]);
      const all = (await call(base, 'GET', '/api/runs')).body as { id: string }[];
      assert.deepEqual(all.map((r) => r.id).sort(), [first.body.id, runId].sort());
      assert.deepEqual(((await call(base, 'GET', '/api/runs?limit=1')).body as { id: string }[]).map((r) => r.id), [runId], 'the newest first');

      // the results are those of a direct evaluation of the same project
      const results = await call(base, 'GET', `/api/runs/${runId}/results`);
      assert.equal(results.status, 200);
      assert.deepEqual(timeless(results.body), timeless(resultsJson(direct)));
      const plant = await call(base, 'GET', `/api/runs/${runId}/results/plants/0`);
      assert.deepEqual(timeless(plant.body), (timeless(resultsJson(direct)) as { plants: unknown[] }).plants[0]);
      const schedule = ScheduleData.parse((await call(base, 'GET', `/api/runs/${runId}/results/plants/0/schedule`)).body);
      assert.equal(schedule.charge.length, 8760);
      // every number as the direct evaluation has it (JSON keeps doubles exactly; only −0 becomes 0)
      assert.deepEqual(schedule, JSON.parse(JSON.stringify(scheduleData(direct.plants[0]))));
      const csv = await call(base, 'GET', `/api/runs/${runId}/results/plants/0/schedule?format=csv`);
      assert.equal(csv.headers.get('content-type'), 'text/csv; charset=utf-8');
      assert.match(csv.headers.get('content-disposition')!, /attachment; filename="schedule-1-battery\.csv"/);
      assert.equal(csv.text, scheduleCsv(direct.plants[0], 'CNY'));
      const cashFlow = await call(base, 'GET', `/api/runs/${runId}/results/plants/0/cashflow`);
      assert.deepEqual(cashFlow.body, JSON.parse(JSON.stringify(direct.plants[0].finance.cashFlow)));
      assert.equal((await call(base, 'GET', `/api/runs/${runId}/results/plants/0/cashflow?format=csv`)).text, cashFlowCsv(direct.plants[0], 'CNY'));
      const nope = await call(base, 'GET', `/api/runs/${runId}/results/plants/3/schedule`);
      assert.deepEqual([nope.status, nope.body.error.code], [404, 'not_found']);

      // its report in each format, in either language; a run without results has no report
      const report = async (query: string) => {
        const res = await fetch(new URL(`/api/runs/${runId}/report?${query}`, base));
        return { status: res.status, type: res.headers.get('content-type'), disposition: res.headers.get('content-disposition'), bytes: Buffer.from(await res.arrayBuffer()) };
      };
      const html = await report('format=html&lang=en');
      assert.deepEqual([html.status, html.type], [200, 'text/html; charset=utf-8']);
      assert.match(html.disposition!, /^attachment; filename="battery test\.html"/);
      assert.match(html.bytes.toString('utf8'), /<svg[\s\S]*battery/);
      const zh = await report('format=html&lang=zh');
      assert.match(zh.bytes.toString('utf8'), /净现值/);
      const xlsx = await report('format=xlsx');
      assert.deepEqual([xlsx.status, xlsx.type, xlsx.bytes.subarray(0, 2).toString('latin1')], [200, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'PK']);
      const pdf = await report('format=pdf');
      assert.equal(pdf.status, 200, pdf.bytes.toString('utf8').slice(0, 300));
      assert.deepEqual([pdf.type, pdf.bytes.subarray(0, 5).toString('latin1')], ['application/pdf', '%PDF-']);
      assert.equal((await call(base, 'GET', `/api/runs/${runId}/report?format=docx`)).status, 400);
      assert.equal((await call(base, 'GET', `/api/runs/${first.body.id}/report`)).body.error.code, 'run_ended');

      // a finished run's stream says how it ended and closes
      const late = await readEvents(new URL(`/api/runs/${runId}/events`, base).href);
      assert.deepEqual(late.events, [{ event: 'status', data: { status: 'done' } }]);
      const deleted = await call(base, 'DELETE', `/api/projects/${battery}`);
      assert.equal(deleted.status, 204);
      assert.equal((await call(base, 'GET', `/api/runs/${runId}`)).status, 404, 'its runs went with it');
    } finally {
      await server.close();
    }
  });

  test('a run over the time limit is stopped and fails, naming the limit', async () => {
    const server = await testServer({ workerUrl: FIXTURE_WORKER, limits: { runSeconds: 3 } });
    const base = server.url;
    try {
      const project = await createProject(base, batteryProject({ name: 'hang' }));
      const id = (await call(base, 'POST', `/api/projects/${project}/runs`)).body.id as string;
      const hang = await waitFor(() => ended(base, id), 30, 'the time limit');
      assert.deepEqual([hang.status, hang.error.code], ['failed', 'time_limit']);
      assert.match(hang.error.message, /stopped after 3 s.*--run-seconds/);
    } finally {
      await server.close();
    }
  });

  test('a crashing worker, one out of memory and one that just stops each fail alone, saying why', async () => {
    const server = await testServer({ workerUrl: FIXTURE_WORKER, limits: { concurrentRuns: 3, queueLength: 3, runMemoryMb: 128 } });
    const base = server.url;
    try {
      const ids: Record<string, string> = {};
      for (const mode of ['crash', 'oom', 'exit']) {
        const project = await createProject(base, batteryProject({ name: mode }));
        ids[mode] = (await call(base, 'POST', `/api/projects/${project}/runs`)).body.id;
      }
      const crash = await waitFor(() => ended(base, ids.crash), 60, 'the crash');
      assert.deepEqual([crash.status, crash.error.code], ['failed', 'worker_crashed']);
      assert.match(crash.error.message, /a fault inside the worker/);
      assert.doesNotMatch(crash.error.message, /\n\s+at /, 'no stack');
      const oom = await waitFor(() => ended(base, ids.oom), 60, 'running out of memory');
      assert.deepEqual([oom.status, oom.error.code], ['failed', 'out_of_memory']);
      assert.match(oom.error.message, /128 MB/);
      const exit = await waitFor(() => ended(base, ids.exit), 60, 'the exit');
      assert.deepEqual([exit.status, exit.error.code], ['failed', 'worker_crashed']);
      assert.match(exit.error.message, /exit code 3/);
      assert.equal((await call(base, 'GET', '/api/health')).status, 200, 'the server lives on');
    } finally {
      await server.close();
    }
  });

  test('closing the server marks the running and the queued runs interrupted, tells their streams, and they stay so in the store', async () => {
    const dataDir = tempDir();
    const server = await testServer({ dataDir, workerUrl: FIXTURE_WORKER, limits: { concurrentRuns: 1, queueLength: 2 } });
    const base = server.url;
    const project = await createProject(base, batteryProject({ name: 'hang' }));
    const running = (await call(base, 'POST', `/api/projects/${project}/runs`)).body.id as string;
    const waiting = (await call(base, 'POST', `/api/projects/${project}/runs?lang=zh`)).body.id as string;
    const seen: SseEvent[] = [];
    const stream = readEvents(new URL(`/api/runs/${running}/events`, base).href, (e) => seen.push(e));
    await waitFor(() => (seen.length >= 2 ? true : undefined), 10, 'the stream to open');
    await server.close();
    const { events } = await stream;
    assert.deepEqual(events.at(-1)!.data.status, 'interrupted');
    const store = Store.open(dataDir);
    try {
      const a = store.getRun(running)!;
      const b = store.getRun(waiting)!;
      assert.deepEqual([a.status, b.status], ['interrupted', 'interrupted']);
      assert.match(a.error!.message, /shut down/);
      assert.match(b.error!.message, /服务器被关闭/);
    } finally {
      store.close();
    }
  });
});
