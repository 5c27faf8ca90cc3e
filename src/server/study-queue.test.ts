import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { loadStudyFile } from '../project/study/files-node.js';
import { PoolExecutor } from './study-pool.js';
import { QueueExecutor } from './study-queue.js';
import { runStudy } from './study-run.js';
import { StudyStore } from './study-store.js';
import type { CaseExecutor } from './study-executor.js';
import { BATTERY_GRID_STUDY, comparable, spawnCli, studyFolder, waitFor } from './study-testing.js';

let redis: ChildProcess;
let url = '';
const children: ChildProcess[] = [];

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

before(async () => {
  const port = await freePort();
  redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  url = `redis://127.0.0.1:${port}`;
  const client = new Redis(url, { maxRetriesPerRequest: null, retryStrategy: () => 100 });
  client.on('error', () => {}); // refused until redis-server listens
  await waitFor(() => client.status === 'ready', 10_000, 'redis-server');
  assert.equal(await client.ping(), 'PONG');
  client.disconnect();
});

after(async () => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  redis.kill('SIGTERM');
  await new Promise((r) => redis.once('exit', r));
});

function worker(): ReturnType<typeof spawnCli> {
  const w = spawnCli(['worker', '--queue', url, '--concurrency', '1', '--lock-seconds', '2']);
  children.push(w);
  return w;
}

/** Case index → how many times a worker log says the case was finished. */
function finishedCounts(...logs: string[]): Map<number, number> {
  const counts = new Map<number, number>();
  for (const m of logs.join('\n').matchAll(/^case (\d+): (done|failed)/gm)) counts.set(Number(m[1]), (counts.get(Number(m[1])) ?? 0) + 1);
  return counts;
}

async function run(executor: CaseExecutor, dir: string, study: string, db: string) {
  const { input, spec } = loadStudyFile(study);
  const store = StudyStore.openFile(join(dir, db));
  try {
    return await runStudy(input, spec, { store, executor });
  } finally {
    await executor.close();
    store.close();
  }
}

test('two BullMQ workers give the results of the local pool, each case computed once, even when the study is submitted twice', async () => {
  const { dir, study } = studyFolder();
  const a = worker();
  const b = worker();
  const queued = await run(new QueueExecutor(url), dir, study, 'queue.sqlite');
  const local = await run(new PoolExecutor(2), dir, study, 'pool.sqlite');
  assert.equal(queued.cases.length, 4);
  assert.deepEqual(comparable(queued.cases), comparable(local.cases));
  // submitted again (another submitter, its own store): the jobs are the same ids, collected, not computed again
  const again = await run(new QueueExecutor(url), dir, study, 'again.sqlite');
  assert.deepEqual(comparable(again.cases), comparable(local.cases));
  await new Promise((r) => setTimeout(r, 500));
  const counts = finishedCounts(a.stderrText(), b.stderrText());
  assert.deepEqual([...counts.entries()].sort((x, y) => x[0] - y[0]), [[0, 1], [1, 1], [2, 1], [3, 1]], `${a.stderrText()}\n${b.stderrText()}`);
  assert.ok(queued.cases.every((c) => c.error === null));
  for (const w of [a, b]) {
    w.kill('SIGKILL'); // the next test starts its own workers
    if (w.exitCode === null) await new Promise((r) => w.once('exit', r));
  }
});

test('a worker killed mid-case loses its job to another worker and the study still completes', async () => {
  // another study name: other job ids than the first test's
  const { dir, study } = studyFolder(BATTERY_GRID_STUDY.replace('name: battery grid', 'name: battery grid, worker killed'));
  const a = worker();
  const executor = new QueueExecutor(url);
  const done = run(executor, dir, study, 'queue.sqlite');
  await waitFor(() => /case \d+: started/.test(a.stderrText()), 120_000, 'worker A to take a case');
  const taken = Number(/case (\d+): started/.exec(a.stderrText())![1]);
  a.kill('SIGKILL');
  const b = worker();
  const queued = await done;
  assert.equal(queued.cases.length, 4);
  assert.ok(queued.cases.every((c) => c.error === null), JSON.stringify(queued.cases.map((c) => c.error)));
  assert.match(b.stderrText(), new RegExp(`case ${taken}: done`), `the case A held (${taken}) is computed by B`);
  const local = await run(new PoolExecutor(2), dir, study, 'pool.sqlite');
  assert.deepEqual(comparable(queued.cases), comparable(local.cases));
});
