import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { StudyStore, STUDY_MIGRATIONS } from './study-store.js';

const dir = () => mkdtempSync(join(tmpdir(), 'chuneng-study-store-'));

test('a case computed twice keeps its first result; failed cases keep their error', () => {
  const store = StudyStore.openFile(join(dir(), 'study.sqlite'));
  store.registerStudy('h1', 'study one', { any: 'input' }, 3);
  assert.equal(store.saveCase('h1', { index: 0, values: [1], outputs: [10, null], error: null, seconds: 1 }, 'w1'), true);
  assert.equal(store.saveCase('h1', { index: 0, values: [1], outputs: [11, null], error: null, seconds: 1 }, 'w2'), false);
  assert.equal(store.saveCase('h1', { index: 2, values: [3], outputs: null, error: 'plants[0].x: bad', seconds: 0.5 }, 'w1'), true);
  const cases = store.cases('h1');
  assert.deepEqual(
    cases.map((c) => [c.index, c.outputs, c.error, c.worker]),
    [
      [0, [10, null], null, 'w1'],
      [2, null, 'plants[0].x: bad', 'w1'],
    ],
  );
  assert.deepEqual([...store.finishedIndices('h1')].sort(), [0, 2]);
  assert.deepEqual(
    store.listStudies().map((s) => [s.hash, s.cases, s.finished, s.failed]),
    [['h1', 3, 2, 1]],
  );
  // registered again without a count (an NSGA-II study resumed): the count stays
  store.registerStudy('h1', 'study one', { any: 'input' }, null);
  assert.equal(store.getStudy('h1')!.cases, 3);
  store.close();
});

test('the study tables migrate once, beside other tables, whatever the database’s user_version', () => {
  const path = join(dir(), 'other.sqlite');
  const db = new Database(path);
  db.exec('CREATE TABLE projects (id TEXT PRIMARY KEY); PRAGMA user_version = 7;');
  const a = StudyStore.on(db);
  a.registerStudy('h', 'n', {}, 1);
  const b = StudyStore.on(db); // opened again: nothing re-created, nothing lost
  assert.equal(b.getStudy('h')!.name, 'n');
  assert.equal(db.pragma('user_version', { simple: true }), 7);
  assert.deepEqual(
    (db.prepare('SELECT version FROM study_migrations').all() as { version: number }[]).map((r) => r.version),
    STUDY_MIGRATIONS.map((m) => m.version),
  );
  b.close(); // a borrowed connection stays open
  assert.equal(db.open, true);
  db.close();
});
