import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Store } from './store.js';
import { batteryProject, call, pricesCsv, tempDir, waitFor } from './testing.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const files = { 'prices.csv': pricesCsv() };

interface Serving {
  readonly child: ChildProcess;
  readonly url: string;
  readonly output: () => string;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** `chuneng serve` as its own process (as a user starts it), on a free port, on the given data folder. */
async function serve(dataDir: string): Promise<Serving> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve', '--port', '0', '--data', dataDir], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (c) => (out += c));
  child.stderr!.on('data', (c) => (out += c));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  const url = await Promise.race([
    // the start-up lines end with how to stop it
    waitFor(() => (out.includes('Ctrl+C stops') ? /open (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out)?.[1] : undefined), 60, `chuneng serve to start (output so far: ${out})`),
    exited.then(({ code }) => {
      throw new Error(`chuneng serve exited with ${code} before listening: ${out}`);
    }),
  ]);
  return { child, url, output: () => out, exited };
}

async function runStatus(base: string, id: string): Promise<{ status: string; progress: number; error?: { code: string; message: string } }> {
  return (await call(base, 'GET', `/api/runs/${id}`)).body;
}

test('a server killed mid-run loses nothing: after a restart every version, the finished run and its results are there, the killed run is marked interrupted; SIGTERM stops cleanly', async () => {
  const dataDir = tempDir('chuneng-restart-');
  const first = await serve(dataDir);
  let base = first.url;
  let before = { results: '', schedule: '' };
  try {
    // a project saved twice, and one run of it to the end
    const id = (await call(base, 'POST', '/api/projects', { name: 'kept', project: batteryProject(), files })).body.id as string;
    assert.equal((await call(base, 'PUT', `/api/projects/${id}`, { project: batteryProject({ discountRate: '6 %' }) })).body.version, 2);
    const done = (await call(base, 'POST', `/api/projects/${id}/runs`)).body.id as string;
    await waitFor(async () => ((await runStatus(base, done)).status === 'done' ? true : undefined), 60, 'the first run to finish');
    before = {
      results: (await call(base, 'GET', `/api/runs/${done}/results`)).text,
      schedule: (await call(base, 'GET', `/api/runs/${done}/results/plants/0/schedule?format=csv`)).text,
    };

    // a long run (the Luoyang gas-liquid CO2 example), killed while it computes
    const example = (await call(base, 'GET', '/api/examples/co2-gas-liquid')).body;
    const luoyang = (await call(base, 'POST', '/api/projects', { project: example.project, files: example.files })).body.id as string;
    const long = (await call(base, 'POST', `/api/projects/${luoyang}/runs`)).body.id as string;
    await waitFor(async () => {
      const r = await runStatus(base, long);
      assert.equal(r.status === 'running' || r.status === 'queued', true, `the long run is still going (${r.status})`);
      return r.status === 'running' && (r as { stage?: string | null }).stage ? true : undefined;
    }, 60, 'the long run to be computing');
    first.child.kill('SIGKILL');
    assert.equal((await first.exited).signal, 'SIGKILL');
  } finally {
    first.child.kill('SIGKILL');
  }

  const second = await serve(dataDir);
  base = second.url;
  try {
    assert.match(second.output(), /1 run\(s\) left unfinished by the last server were marked interrupted/);
    const projects = (await call(base, 'GET', '/api/projects')).body as { id: string; name: string; version: number }[];
    const kept = projects.find((p) => p.name === 'kept')!;
    assert.equal(kept.version, 2);
    assert.deepEqual(((await call(base, 'GET', `/api/projects/${kept.id}/versions`)).body as { version: number }[]).map((v) => v.version), [1, 2]);
    assert.equal((await call(base, 'GET', `/api/projects/${kept.id}/versions/1`)).body.project.plants[0].finance.discountRate, '8 %');
    assert.deepEqual((await call(base, 'GET', `/api/projects/${kept.id}`)).body.files, files);
    const runs = (await call(base, 'GET', '/api/runs')).body as { id: string; status: string }[];
    assert.deepEqual(runs.map((r) => r.status).sort(), ['done', 'interrupted']);
    const done = runs.find((r) => r.status === 'done')!.id;
    const interrupted = runs.find((r) => r.status === 'interrupted')!.id;
    assert.equal((await call(base, 'GET', `/api/runs/${done}/results`)).text, before.results, 'the results as they were');
    assert.equal((await call(base, 'GET', `/api/runs/${done}/results/plants/0/schedule?format=csv`)).text, before.schedule);
    assert.equal(JSON.parse(before.results).plants[0].name, 'battery');
    const r = await runStatus(base, interrupted);
    assert.equal(r.error?.code, 'interrupted');
    assert.match(r.error!.message, /server stopped while this run was queued or running/);

    // SIGTERM: the process ends on its own (exit code 0), its run in progress marked interrupted
    const again = (await call(base, 'POST', `/api/projects/${kept.id}/runs`)).body.id as string;
    await waitFor(async () => ((await runStatus(base, again)).status === 'running' ? true : undefined), 60, 'the run to start');
    second.child.kill('SIGTERM');
    const exit = await second.exited;
    assert.deepEqual(exit, { code: 0, signal: null }, second.output());
    assert.match(second.output(), /SIGTERM: stopping/);
    const store = Store.open(dataDir);
    try {
      const stopped = store.getRun(again)!;
      assert.equal(stopped.status, 'interrupted');
      assert.match(stopped.error!.message, /shut down/);
      assert.equal(store.getRun(done)!.status, 'done');
    } finally {
      store.close();
    }
  } finally {
    second.child.kill('SIGKILL');
  }
});
