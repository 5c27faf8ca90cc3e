import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkWritable, loadProjectFile, MANIFEST, withFolderLock, writeFolder, ResultsFolderError } from './node.js';
import { ProjectFileError } from './errors.js';
import { PROJECT_LIMITS } from './limits.js';

const root = new URL('../..', import.meta.url).pathname;

/** A fast project: a battery given by its performance on the Henan tariff. */
const PROJECT = `name: write test
market: { year: 2025, tariff: { henan2024: { basePrice: 0.38 yuan/kWh } } }
plants:
  - name: battery
    performance: { power: 10 MW, energy: 40 MWh, roundTripEfficiency: 85 % }
    finance: { discountRate: 8 %, operatingYears: 10 years, capex: { items: [ { kind: perEnergy, name: system, energy: 40 MWh, unitCost: 800 yuan/kWh } ] } }
`;

/** A folder is complete when its manifest lists every file with the bytes and hash it has. */
function complete(dir: string): boolean {
  if (!existsSync(join(dir, MANIFEST))) return false;
  const m = JSON.parse(readFileSync(join(dir, MANIFEST), 'utf8')) as { files: { name: string; bytes: number; sha256: string }[] };
  const names = new Set(readdirSync(dir));
  if (names.size !== m.files.length + 1) return false;
  return m.files.every((f) => {
    const text = readFileSync(join(dir, f.name));
    return text.length === f.bytes && createHash('sha256').update(text).digest('hex') === f.sha256;
  });
}

test('a results folder is written whole with a manifest of every file, and an old folder is replaced, never mixed', () => {
  const dir = join(mkdtempSync(join(tmpdir(), 'chuneng-write-')), 'out');
  writeFolder(dir, [
    { name: 'results.json', text: '{"run":1}\n' },
    { name: 'schedule-1-old.csv', text: 'a\n' },
  ]);
  assert.ok(complete(dir));
  writeFolder(dir, [{ name: 'results.json', text: '{"run":2}\n' }]);
  assert.deepEqual(readdirSync(dir).sort(), ['manifest.json', 'results.json']);
  assert.equal(readFileSync(join(dir, 'results.json'), 'utf8'), '{"run":2}\n');
  assert.ok(complete(dir));
  // nothing is left beside it: no staging or old folders
  assert.deepEqual(readdirSync(join(dir, '..')), ['out']);
});

test('a folder that cannot be written is refused before anything is computed', () => {
  assert.throws(() => checkWritable('/proc/chuneng-results'), (e: unknown) => e instanceof ResultsFolderError && /cannot write here/.test((e as Error).message));
  const base = mkdtempSync(join(tmpdir(), 'chuneng-write-'));
  writeFileSync(join(base, 'file'), 'x');
  assert.throws(() => checkWritable(join(base, 'file')), /exists and is not a folder/);
});

test('a second run into a folder that is being written is refused with the lock named', async () => {
  const dir = join(mkdtempSync(join(tmpdir(), 'chuneng-write-')), 'out');
  let inner: unknown;
  await withFolderLock(dir, async () => {
    inner = await withFolderLock(dir, async () => 'second').catch((e: unknown) => e);
  });
  assert.ok(inner instanceof ResultsFolderError);
  assert.match((inner as Error).message, new RegExp(`another run is writing this folder \\(process ${process.pid}, lock .*\\.out\\.lock`));
  // the lock is released after the run
  assert.equal(await withFolderLock(dir, async () => 'again'), 'again');
});

test('two runs into one folder at once: one is refused or they follow each other, and the folder is whole', { timeout: 60_000 }, async () => {
  const base = mkdtempSync(join(tmpdir(), 'chuneng-twice-'));
  writeFileSync(join(base, 'p.yaml'), PROJECT);
  const run = () =>
    new Promise<{ code: number | null; stderr: string }>((done) => {
      const c = spawn(process.execPath, ['--import', 'tsx', join(root, 'src/cli/main.ts'), 'evaluate', join(base, 'p.yaml'), '--out', join(base, 'out')], { cwd: root });
      let stderr = '';
      c.stderr.on('data', (d) => (stderr += d));
      c.on('exit', (code) => done({ code, stderr }));
    });
  const [a, b] = await Promise.all([run(), run()]);
  const refused = [a, b].filter((r) => r.code !== 0);
  assert.ok(refused.length <= 1);
  for (const r of refused) assert.match(r.stderr, /another run is writing this folder/);
  assert.ok(complete(join(base, 'out')));
});

test('a run that hits a file-size limit leaves no results folder, and the next run cleans up after it', { timeout: 60_000 }, () => {
  const base = mkdtempSync(join(tmpdir(), 'chuneng-full-'));
  writeFileSync(join(base, 'p.yaml'), PROJECT);
  const cmd = `ulimit -f 200; exec "${process.execPath}" --import tsx "${join(root, 'src/cli/main.ts')}" evaluate "${join(base, 'p.yaml')}" --out "${join(base, 'out')}"`;
  const full = spawnSync('bash', ['-c', cmd], { cwd: root, encoding: 'utf8' });
  assert.notEqual(full.status, 0);
  assert.equal(existsSync(join(base, 'out')), false);
  const again = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'src/cli/main.ts'), 'evaluate', join(base, 'p.yaml'), '--out', join(base, 'out')], { cwd: root, encoding: 'utf8' });
  assert.equal(again.status, 0, again.stderr);
  assert.ok(complete(join(base, 'out')));
  assert.deepEqual(readdirSync(base).sort(), ['out', 'p.yaml']);
});

test('the lock of a run that was killed is taken over by the next run', async () => {
  const base = mkdtempSync(join(tmpdir(), 'chuneng-write-'));
  const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  writeFileSync(join(base, '.out.lock'), `${dead.stdout}\n`);
  assert.equal(await withFolderLock(join(base, 'out'), async () => 'taken over'), 'taken over');
  assert.deepEqual(readdirSync(base), []);
});

test('evaluate --out killed at random moments never leaves a folder that looks complete and is not', { timeout: 120_000 }, async () => {
  const base = mkdtempSync(join(tmpdir(), 'chuneng-kill-'));
  const project = join(base, 'p.yaml');
  writeFileSync(project, PROJECT);
  const cli = join(root, 'src/cli/main.ts');
  // how long a whole run takes, to spread the kills over it
  const t0 = Date.now();
  const whole = spawnSync(process.execPath, ['--import', 'tsx', cli, 'evaluate', project, '--out', join(base, 'whole')], { cwd: root, encoding: 'utf8' });
  assert.equal(whole.status, 0, whole.stderr);
  const span = Date.now() - t0;
  assert.ok(complete(join(base, 'whole')));
  let cut = 0;
  for (let k = 0; k < 6; k++) {
    const out = join(base, `run-${k}`);
    // an old complete folder is there: a killed run must leave it whole or replace it whole
    if (k % 2 === 1) writeFolder(out, [{ name: 'results.json', text: '{"old":true}\n' }]);
    const child = spawn(process.execPath, ['--import', 'tsx', cli, 'evaluate', project, '--out', out], { cwd: root, stdio: 'ignore' });
    const exited = new Promise((r) => child.on('exit', r));
    const at = Math.round(span * (0.5 + (k / 6) * 0.6));
    await new Promise((r) => setTimeout(r, at));
    child.kill('SIGKILL');
    await exited;
    if (existsSync(out)) assert.ok(complete(out), `run ${k} killed at ${at} ms left an incomplete folder: ${readdirSync(out).join(', ')}`);
    const old = existsSync(out) && readFileSync(join(out, 'results.json'), 'utf8').includes('"old"');
    if (!existsSync(out) || old) cut++;
    // nothing half-written is left beside it either (staging folders are removed or hidden with a leading dot)
    assert.deepEqual(readdirSync(base).filter((n) => !n.startsWith('.') && !/^(p\.yaml|whole|run-\d+)$/.test(n)), []);
  }
  // the kills did cut runs short (otherwise this test would have tested nothing)
  assert.ok(cut > 0, 'every run finished before its kill');
});

test('a project file larger than the limit is refused before it is read whole', () => {
  const base = mkdtempSync(join(tmpdir(), 'chuneng-big-'));
  const path = join(base, 'big.yaml');
  writeFileSync(path, `name: big\n# ${'x'.repeat(PROJECT_LIMITS.projectFileBytes)}\n`);
  const t0 = performance.now();
  assert.throws(() => loadProjectFile(path), (e: unknown) => e instanceof ProjectFileError && /MiB; at most 1 MiB is read as a project file/.test((e as Error).message));
  assert.ok(performance.now() - t0 < 200);
});
