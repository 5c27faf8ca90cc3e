#!/usr/bin/env node
// Runs every `*.test.ts` beside the code (src/, scripts/, web/) with Node's own test runner through tsx.
// Node 20's runner does not expand globs itself, so the file list is collected here.
// The browser tests (web/e2e/) drive the built app: it is built first when dist/web is missing or older than its sources.
// Usage: node scripts/run-tests.mjs [substring ...]   (only files whose path contains one of the substrings)
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { spawnSync } from 'node:child_process';
import { availableParallelism, tmpdir } from 'node:os';

const root = new URL('..', import.meta.url).pathname;
const roots = ['src', 'scripts', 'web'];
const skip = new Set(['node_modules', 'dist']);

function collect(dir, out) {
  for (const name of readdirSync(dir)) {
    if (skip.has(name)) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) collect(path, out);
    else if (name.endsWith('.test.ts')) out.push(relative(root, path));
  }
  return out;
}

const filters = process.argv.slice(2);
const files = roots
  .flatMap((r) => collect(join(root, r), []))
  .filter((f) => filters.length === 0 || filters.some((s) => f.includes(s)))
  .sort();
if (files.length === 0) {
  console.error(`no test files matched ${filters.join(', ') || '(all)'}`);
  process.exit(1);
}
// the tests' disk cache (chuneng evaluate keeps plant designs and dispatches in $XDG_CACHE_HOME/chuneng) is a fresh
// folder of this run: shared by its tests, never the user's cache, removed after
const cache = mkdtempSync(join(tmpdir(), 'chuneng-test-cache-'));
const env = { ...process.env, XDG_CACHE_HOME: cache };
if (files.some((f) => f.startsWith(join('web', 'e2e')))) {
  const build = spawnSync(process.execPath, ['--import', 'tsx', join('web', 'e2e', 'build.ts')], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
  // built once for the whole run: the browser tests do not rebuild under each other's open pages
  env.CHUNENG_WEB_BUILT = '1';
}
const concurrency = Math.max(2, availableParallelism());
const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', `--test-concurrency=${concurrency}`, '--test-reporter=spec', ...files],
  { cwd: root, stdio: 'inherit', env },
);
rmSync(cache, { recursive: true, force: true });
process.exit(result.status ?? 1);
