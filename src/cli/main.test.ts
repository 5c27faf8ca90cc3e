/**
 * The command line loads only the command it runs. Each case runs `chuneng` in a child process with a module
 * hook that records every module it loads (../shared is not needed), then checks which of the library's parts
 * came in: `--version` none, `props` the fluids but no plant, dispatch, report or server code, `dispatch` HiGHS
 * but no fluids; help and a misspelt command load every command.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'chuneng-main-'));
const hooks = join(dir, 'hooks.mjs');
writeFileSync(
  hooks,
  `import { appendFileSync } from 'node:fs';
export async function load(url, context, next) {
  appendFileSync(process.env.CHUNENG_LOAD_LOG, url + '\\n');
  return next(url, context);
}
`,
);
const preload = join(dir, 'preload.mjs');
writeFileSync(preload, `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(hooks).href)});\n`);

let runs = 0;
/** Runs the command line; returns its output and the paths (under the repository) or packages it loaded. */
function chuneng(args: string[]): { status: number | null; stdout: string; stderr: string; loaded: string[] } {
  const log = join(dir, `loaded-${++runs}.txt`);
  writeFileSync(log, '');
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--import', pathToFileURL(preload).href, join(root, 'src/cli/main.ts'), ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, CHUNENG_LOAD_LOG: log },
  });
  const loaded = readFileSync(log, 'utf8')
    .split('\n')
    .filter((u) => u.startsWith('file:'))
    .map((u) => fileURLToPath(u).slice(root.length).replace(/^node_modules\/([^/]+).*$/, 'package:$1'));
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, loaded };
}

const loads = (loaded: string[], part: string) => loaded.some((p) => p.startsWith(part));

test('chuneng --version prints the version and loads no command, no fluids and none of zod, yaml or HiGHS', () => {
  const r = chuneng(['--version']);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, '0.1.0\n');
  assert.ok(loads(r.loaded, 'src/cli/main.ts'), `the hook saw the entry point: ${r.loaded.join(', ')}`);
  for (const part of ['src/cli/commands/', 'src/fluids/', 'src/plant/', 'src/dispatch/', 'src/project/', 'package:zod', 'package:yaml', 'package:highs']) {
    assert.ok(!loads(r.loaded, part), `--version loaded ${part}: ${r.loaded.filter((p) => p.startsWith(part)).join(', ')}`);
  }
});

test('chuneng props loads the fluids and its own command only (no plant, dispatch, project, report or HiGHS)', () => {
  const r = chuneng(['props', 'CO2', 'T=25degC', 'p=70bar']);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /rho/);
  assert.ok(loads(r.loaded, 'src/cli/commands/props.ts'));
  assert.ok(loads(r.loaded, 'src/fluids/'));
  for (const part of ['src/cli/commands/solve.ts', 'src/cli/commands/evaluate.ts', 'src/cli/commands/report.ts', 'src/plant/', 'src/dispatch/', 'src/project/', 'src/report/', 'src/server/', 'package:highs', 'package:zod']) {
    assert.ok(!loads(r.loaded, part), `props loaded ${part}: ${r.loaded.filter((p) => p.startsWith(part)).join(', ')}`);
  }
});

test('chuneng --help lists every command, and a misspelt command is answered with the nearest one', () => {
  const help = chuneng(['--help']);
  assert.equal(help.status, 0, help.stderr);
  for (const name of ['props', 'evaluate', 'simulate', 'solve', 'dispatch', 'serve', 'report', 'battery', 'grade', 'recycle', 'study', 'worker']) assert.match(help.stdout, new RegExp(`^  ${name}\\b`, 'm'));
  const typo = chuneng(['prop', 'CO2']);
  assert.equal(typo.status, 1);
  assert.match(typo.stderr, /unknown command 'prop'[\s\S]*Did you mean props\?/);
});
