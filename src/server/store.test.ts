import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { DATABASE_FILE, StaleVersionError, Store, StoreLockedError } from './store.js';
import { MIGRATIONS } from './migrations.js';
import { batteryProject, tempDir } from './testing.js';

test('the store is durable by configuration: WAL, synchronous FULL, foreign keys on, held exclusively, schema up to date', () => {
  const store = Store.open(tempDir());
  assert.deepEqual(store.settings(), { journalMode: 'wal', synchronous: 2, foreignKeys: 1, lockingMode: 'exclusive', userVersion: MIGRATIONS.length });
  store.close();
});

test('every saved version is kept; a save based on an older version than the latest is refused', () => {
  const store = Store.open(tempDir());
  const files = { 'prices.csv': 'time,price\n' };
  const p = store.createProject({ name: 'one', project: batteryProject(), files });
  assert.equal(p.version, 1);
  const v2 = store.updateProject(p.id, { project: batteryProject({ discountRate: '6 %' }), baseVersion: 1 })!;
  assert.equal(v2.version, 2);
  assert.equal(v2.name, 'one', 'the name carries over when not given');
  assert.throws(() => store.updateProject(p.id, { project: batteryProject(), baseVersion: 1 }), (e: unknown) => e instanceof StaleVersionError && e.latest === 2 && e.base === 1);
  const v3 = store.updateProject(p.id, { name: 'renamed', project: batteryProject({ discountRate: '5 %' }) })!;
  assert.equal(v3.version, 3);
  assert.deepEqual(
    store.listVersions(p.id)!.map((v) => [v.version, v.name]),
    [
      [1, 'one'],
      [2, 'one'],
      [3, 'renamed'],
    ],
  );
  assert.equal((store.getProject(p.id, 1)!.project as ReturnType<typeof batteryProject>).plants[0].finance.discountRate, '8 %');
  assert.equal((store.getProject(p.id)!.project as ReturnType<typeof batteryProject>).plants[0].finance.discountRate, '5 %');
  assert.deepEqual(store.getProject(p.id, 3)!.files, files, 'files carry over when not given');
  assert.equal(store.getProject(p.id, 4), undefined);
  assert.equal(store.updateProject('nope', { project: {} }), undefined);
  store.close();
});

test('a run goes queued → running → done with its results; a finished run is never changed again', () => {
  const store = Store.open(tempDir());
  const p = store.createProject({ name: 'p', project: batteryProject() });
  const run = store.createRun(p.id, 1, 'zh');
  assert.equal(run.status, 'queued');
  store.markRunning(run.id);
  store.setProgress(run.id, 0.5, 'dispatch', 'battery');
  assert.deepEqual([store.getRun(run.id)!.status, store.getRun(run.id)!.progress, store.getRun(run.id)!.stage], ['running', 0.5, 'dispatch']);
  store.savePlant(run.id, 0, { name: 'battery', plantJson: '{"a":1}', scheduleJson: '{}', cashFlowJson: '{}', scheduleCsv: 'time\n', cashFlowCsv: 'year\n' });
  assert.deepEqual(store.plantsDone(run.id), [{ index: 0, name: 'battery' }]);
  assert.deepEqual(store.getPlantText(run.id, 0, 'plantJson'), { name: 'battery', text: '{"a":1}' });
  assert.equal(store.finishRun(run.id, '{"plants":[]}', 1.5), true);
  const done = store.getRun(run.id)!;
  assert.deepEqual([done.status, done.progress, done.seconds, done.lang], ['done', 1, 1.5, 'zh']);
  assert.equal(store.getResultsJson(run.id), '{"plants":[]}');
  assert.equal(store.endRun(run.id, 'cancelled', null), false, 'a done run cannot be cancelled');
  assert.equal(store.finishRun(run.id, '{}', 2), false, 'nor finished twice');
  assert.equal(store.getRun(run.id)!.status, 'done');
  store.close();
});

test('runs left queued or running by a killed server are marked interrupted, each with a message in its language', () => {
  const store = Store.open(tempDir());
  const p = store.createProject({ name: 'p', project: batteryProject() });
  const queued = store.createRun(p.id, 1, 'en');
  const running = store.createRun(p.id, 1, 'zh');
  store.markRunning(running.id);
  const done = store.createRun(p.id, 1, 'en');
  store.markRunning(done.id);
  store.finishRun(done.id, '{}', 1);
  const n = store.interruptUnfinished((lang) => ({ code: 'interrupted', message: lang === 'zh' ? '中断' : 'interrupted' }));
  assert.equal(n, 2);
  assert.deepEqual(
    [queued, running, done].map((r) => [store.getRun(r.id)!.status, store.getRun(r.id)!.error?.message ?? null]),
    [
      ['interrupted', 'interrupted'],
      ['interrupted', '中断'],
      ['done', null],
    ],
  );
  store.close();
});

test('deleting a project deletes its versions, runs and results with it', () => {
  const store = Store.open(tempDir());
  const p = store.createProject({ name: 'p', project: batteryProject() });
  store.updateProject(p.id, { project: batteryProject() });
  const run = store.createRun(p.id, 2, 'en');
  store.markRunning(run.id);
  store.savePlant(run.id, 0, { name: 'b', plantJson: '{}', scheduleJson: '{}', cashFlowJson: '{}', scheduleCsv: '', cashFlowCsv: '' });
  store.finishRun(run.id, '{}', 1);
  assert.equal(store.deleteProject(p.id), true);
  assert.equal(store.getProject(p.id), undefined);
  assert.equal(store.getRun(run.id), undefined);
  assert.equal(store.getResultsJson(run.id), undefined);
  assert.equal(store.getPlantText(run.id, 0, 'plantJson'), undefined);
  assert.equal(store.deleteProject(p.id), false);
  store.close();
});

test('a run must name a saved version of its project (foreign keys are enforced)', () => {
  const store = Store.open(tempDir());
  const p = store.createProject({ name: 'p', project: batteryProject() });
  assert.throws(() => store.createRun(p.id, 7, 'en'), /FOREIGN KEY/);
  store.close();
});

test('a second store on the same data folder is refused while the first is open, and opens once it is closed', () => {
  const dir = tempDir();
  const first = Store.open(dir);
  const p = first.createProject({ name: 'kept', project: {} });
  assert.throws(() => Store.open(dir), StoreLockedError);
  first.close();
  const second = Store.open(dir);
  assert.equal(second.getProject(p.id)!.name, 'kept');
  second.close();
});

test('a database written by a newer schema is refused rather than misread', () => {
  const dir = tempDir();
  const db = new Database(join(dir, DATABASE_FILE));
  db.pragma(`user_version = ${MIGRATIONS.length + 1}`);
  db.close();
  assert.throws(() => Store.open(dir), /newer chuneng/);
});
