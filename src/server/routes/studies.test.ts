import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parse as parseYaml } from 'yaml';
import { analyseStudy } from '../../project/study/analysis.js';
import { evaluateCase, type CaseResult } from '../../project/study/case.js';
import { planStudy, caseValues } from '../../project/study/plan.js';
import { casesCsv } from '../../project/study/results.js';
import { parseStudyText } from '../../project/study/spec.js';
import { studyContext } from '../study-executor.js';
import { studyInput } from '../../project/study/files-node.js';
import { BATTERY_PROJECT } from '../study-testing.js';
import { call, readEvents, tempDir, testServer, waitFor, type SseEvent } from '../testing.js';
import type { RunningServer } from '../app.js';

/** Finance-only parameters of a battery given by its performance: a case is one year of dispatch and the money. */
const MONTE_CARLO_STUDY = `name: battery money
project: study test battery
parameters:
  - name: unit cost
    path: plants[0].finance.capex.items[0].unitCost
    unit: yuan/kWh
    distribution: { kind: normal, mean: 800, sd: 150 }
  - name: discount rate
    path: plants[0].finance.discountRate
    unit: "%"
    range: [5, 10]
design: { kind: monte-carlo, samples: 8, seed: 7, threshold: { NPV: 0 } }
outputs:
  NPV: { path: "plants[0].npv", unit: 万元 }
  LCOS: { path: "plants[0].lcos", unit: yuan/MWh }
`;

const GRID_STUDY = `name: battery grid
project: study test battery
parameters:
  - { name: unit cost, path: "plants[0].finance.capex.items[0].unitCost", unit: yuan/kWh, range: [600, 1000], levels: 3 }
  - { name: discount rate, path: "plants[0].finance.discountRate", unit: "%", range: [6, 8], levels: 2 }
design: { kind: grid }
outputs:
  NPV: { path: "plants[0].npv", unit: 万元 }
`;

/** The study computed by the library alone, case by case in this thread: what the server must show. */
async function libraryRun(studyText: string) {
  const spec = parseStudyText(studyText);
  const input = studyInput(parseYaml(studyText), parseYaml(BATTERY_PROJECT), {});
  const context = studyContext(input);
  const plan = planStudy(spec);
  const cases: CaseResult[] = [];
  for (const [index, row] of plan.rows.entries()) cases.push(await evaluateCase(context, { index, values: caseValues(spec, row, index) }));
  return { spec, input, cases, analysis: analyseStudy(spec, plan, cases) };
}

const comparable = (cases: readonly { index: number; values: readonly number[]; outputs: readonly (number | null)[] | null; error: string | null }[]) =>
  cases.map((c) => ({ index: c.index, values: [...c.values], outputs: c.outputs && [...c.outputs], error: c.error }));

describe('studies on a real server', () => {
  let server: RunningServer;
  let base: string;
  before(async () => {
    server = await testServer();
    base = server.url;
    const saved = await call(base, 'POST', '/api/projects', { project: parseYaml(BATTERY_PROJECT) });
    assert.equal(saved.status, 201, saved.text);
  });
  after(() => server.close());

  test('a Monte Carlo study named after a stored project runs to the end; cases, analysis and CSV equal the library computing it alone', async () => {
    const created = await call(base, 'POST', '/api/studies', { study: MONTE_CARLO_STUDY });
    assert.equal(created.status, 202, created.text);
    assert.equal(created.body.cases, 8);
    const id = created.body.id as string;
    const events: SseEvent[] = (await readEvents(new URL(`/api/studies/${id}/events`, base).href)).events;
    assert.equal(events.at(-1)?.event, 'status');
    assert.equal(events.at(-1)?.data.status, 'done');
    const progress = events.filter((e) => e.event === 'progress').map((e) => e.data.done + e.data.failed);
    assert.deepEqual(progress, [...progress].sort((a, b) => a - b), 'progress never goes back');
    assert.equal(progress.at(-1), 8);

    const reference = await libraryRun(MONTE_CARLO_STUDY);
    assert.equal(id, reference.input.hash, 'the study\'s id is its hash over the study and the project');
    const study = await call(base, 'GET', `/api/studies/${id}`);
    assert.equal(study.body.status, 'done');
    assert.deepEqual(study.body.progress, { total: 8, done: 8, failed: 0, resumed: 0, etaSeconds: null });
    assert.deepEqual(study.body.outputs, [{ name: 'NPV', unit: '万元' }, { name: 'LCOS', unit: 'yuan/MWh' }]);

    const cases = await call(base, 'GET', `/api/studies/${id}/cases`);
    assert.deepEqual(comparable(cases.body.cases), comparable(reference.cases));
    const analysis = await call(base, 'GET', `/api/studies/${id}/analysis`);
    assert.equal(analysis.body.final, true);
    assert.deepEqual(analysis.body.analysis, JSON.parse(JSON.stringify(reference.analysis)));
    const npv = reference.analysis.outputs[0];
    assert.equal(npv.exceedance?.count, 8, 'P(NPV > 0) over all eight draws');

    const csv = await call(base, 'GET', `/api/studies/${id}/cases?format=csv`);
    assert.equal(csv.text, casesCsv(reference.spec, reference.cases));
    assert.match(csv.headers.get('content-disposition') ?? '', /battery money\.csv/);

    const again = await call(base, 'POST', '/api/studies', { study: MONTE_CARLO_STUDY });
    assert.deepEqual([again.status, again.body.id, again.body.status], [200, id, 'done'], 'the same study given again is the same, done study');

    const report = await call(base, 'GET', `/api/studies/${id}/report?lang=zh`);
    assert.equal(report.status, 200);
    for (const chart of ['histogram-0', 'histogram-1', 'scatter-matrix']) assert.match(report.text, new RegExp(`data-chart="${chart}"`), chart);
    assert.match(report.text, /分布 — NPV: P\(NPV &gt; 0\) = /);
    const pdf = await fetch(new URL(`/api/studies/${id}/report?format=pdf`, base));
    assert.equal(pdf.status, 200);
    assert.equal(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString(), '%PDF-', 'the report printed to PDF by Chromium');
  });

  test('a study with a bad parameter is refused with a 400 naming the field as written', async () => {
    const bad = MONTE_CARLO_STUDY.replace('range: [5, 10]', 'range: [5]');
    const a = await call(base, 'POST', '/api/studies?lang=en', { study: bad });
    assert.equal(a.status, 400, a.text);
    assert.equal(a.body.error.code, 'invalid_study');
    assert.ok(a.body.error.issues.some((i: { field: string }) => i.field.startsWith('study.parameters[1].range')), JSON.stringify(a.body.error.issues));
  });

  test('a study naming no stored project is a 404 that says how to give one', async () => {
    const a = await call(base, 'POST', '/api/studies', { study: GRID_STUDY.replace('project: study test battery', 'project: nowhere') });
    assert.equal(a.status, 404);
    assert.match(a.body.error.message, /"nowhere".*projectId/);
  });

  test('a running study can be stopped: it reads interrupted, a second stop is a 409, and started again it finishes', async () => {
    const study = GRID_STUDY.replace('name: battery grid', 'name: battery grid to stop');
    const created = await call(base, 'POST', '/api/studies', { study });
    assert.equal(created.status, 202, created.text);
    const id = created.body.id as string;
    const stopped = await call(base, 'POST', `/api/studies/${id}/cancel`);
    assert.deepEqual([stopped.status, stopped.body.status], [202, 'interrupted']);
    assert.equal((await call(base, 'GET', `/api/studies/${id}`)).body.status, 'interrupted');
    const again = await call(base, 'POST', `/api/studies/${id}/cancel?lang=zh`);
    assert.equal(again.status, 409);
    assert.match(again.body.error.message, /只有排队或运行中的研究可以停止/);
    assert.equal((await call(base, 'POST', `/api/studies/${id}/start`)).status, 202);
    const events = (await readEvents(new URL(`/api/studies/${id}/events`, base).href)).events;
    assert.equal(events.at(-1)?.data.status, 'done');
    assert.equal((await call(base, 'GET', `/api/studies/${id}/cases`)).body.cases.length, 6);
  });

  test('the OpenAPI document lists the study endpoints with their schemas', async () => {
    const doc = (await call(base, 'GET', '/api/openapi.json')).body;
    for (const [path, method] of [
      ['/api/studies', 'post'],
      ['/api/studies', 'get'],
      ['/api/studies/{id}', 'get'],
      ['/api/studies/{id}/events', 'get'],
      ['/api/studies/{id}/cases', 'get'],
      ['/api/studies/{id}/analysis', 'get'],
      ['/api/studies/{id}/start', 'post'],
      ['/api/studies/{id}/cancel', 'post'],
      ['/api/studies/{id}/report', 'get'],
    ]) {
      assert.ok(doc.paths[path]?.[method], `${method} ${path}`);
    }
    assert.ok(doc.components.schemas.CreateStudyRequest && doc.components.schemas.StudyProgress && doc.components.schemas.StudyCases);
  });
});

describe('a study and a restarted server', () => {
  test('a study stopped by the server going away is marked interrupted, keeps its finished cases and, started again, computes only the rest', async () => {
    const dataDir = tempDir();
    let server = await testServer({ dataDir });
    const saved = await call(server.url, 'POST', '/api/projects', { project: parseYaml(BATTERY_PROJECT) });
    assert.equal(saved.status, 201);
    const created = await call(server.url, 'POST', '/api/studies', { study: GRID_STUDY, projectId: saved.body.id });
    const id = created.body.id as string;
    await waitFor(async () => ((await call(server.url, 'GET', `/api/studies/${id}`)).body.progress.done >= 1 ? true : undefined), 60, 'a first finished case');
    await server.close();

    server = await testServer({ dataDir });
    try {
      const after = await call(server.url, 'GET', `/api/studies/${id}`);
      assert.equal(after.body.status, 'interrupted');
      const before = (await call(server.url, 'GET', `/api/studies/${id}/cases`)).body.cases as { index: number; seconds: number }[];
      assert.ok(before.length >= 1 && before.length < 6, `${before.length} cases kept`);
      const restarted = await call(server.url, 'POST', `/api/studies/${id}/start`);
      assert.equal(restarted.status, 202, restarted.text);
      const events = (await readEvents(new URL(`/api/studies/${id}/events`, server.url).href)).events;
      assert.equal(events.at(-1)?.data.status, 'done');
      const resumed = events.filter((e) => e.event === 'progress').at(-1)?.data;
      assert.equal(resumed.resumed, before.length, 'the cases finished before are counted as resumed, not computed again');
      const cases = (await call(server.url, 'GET', `/api/studies/${id}/cases`)).body.cases as { index: number; seconds: number }[];
      assert.equal(cases.length, 6);
      for (const c of before) assert.equal(cases.find((x) => x.index === c.index)?.seconds, c.seconds, `case ${c.index} kept as it was`);
      const reference = await libraryRun(GRID_STUDY);
      assert.deepEqual(comparable(cases as never), comparable(reference.cases));
      const again = await call(server.url, 'POST', `/api/studies/${id}/start`);
      assert.equal(again.status, 409);
    } finally {
      await server.close();
    }
  });
});
