/**
 * The browser tests run against the built app (dist/web). This builds it when it is missing or older than anything
 * it is made from (web/, the library under src/, the examples), once even when several test files ask at the same
 * time (a lock folder). `node --import tsx web/e2e/build.ts` does the same from the command line.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const DIST_WEB = join(ROOT, 'dist', 'web');
const OUTPUTS = [join(DIST_WEB, 'index.html'), join(DIST_WEB, 'offline.html')];
const SOURCES = ['web/src', 'web/index.html', 'web/vite.config.ts', 'src', 'examples/luoyang', 'package.json'];
const LOCK = join(ROOT, 'dist', '.web-build.lock');

function newest(path: string): number {
  let s;
  try {
    s = statSync(path);
  } catch {
    return 0;
  }
  if (!s.isDirectory()) return s.mtimeMs;
  let t = s.mtimeMs;
  for (const name of readdirSync(path)) {
    if (name === 'node_modules' || name.endsWith('.test.ts') || name === 'e2e') continue;
    t = Math.max(t, newest(join(path, name)));
  }
  return t;
}

/** Why the build is out of date, or null when it is current. */
export function staleReason(): string | null {
  const built = Math.min(...OUTPUTS.map((p) => newest(p)));
  if (built === 0) return 'dist/web is not built';
  for (const s of SOURCES) if (newest(join(ROOT, s)) > built) return `${s} changed since dist/web was built`;
  return null;
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Builds dist/web (both outputs) unless it is current. Under scripts/run-tests.mjs, which builds once before the
 * test files start (CHUNENG_WEB_BUILT is set), only a missing build is made: a rebuild while other test files have
 * pages open would take their lazy chunks away (a source edited during the run would otherwise trigger one).
 */
export function ensureWebBuild(log: (line: string) => void = (l) => process.stderr.write(l + '\n')): void {
  const reason = staleReason();
  if (!reason || (process.env.CHUNENG_WEB_BUILT === '1' && !reason.endsWith('not built'))) return;
  mkdirSync(join(ROOT, 'dist'), { recursive: true });
  // one builder at a time; the others wait for it and then find the build current
  const t0 = Date.now();
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      if (Date.now() - t0 > 180_000) throw new Error(`web build lock ${LOCK} held for 3 minutes; remove it if no build is running`);
      sleep(500);
      if (!staleReason()) return;
    }
  }
  try {
    if (!staleReason()) return;
    log(`building the web app (${reason})…`);
    const vite = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
    for (const args of [[], ['--mode', 'offline']]) {
      const r = spawnSync(process.execPath, [vite, 'build', '-c', 'web/vite.config.ts', '--logLevel', 'warn', ...args], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
      if (r.status !== 0) throw new Error(`vite build ${args.join(' ')} failed (exit ${r.status})`);
    }
    log(`web app built in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  } finally {
    rmdirSync(LOCK);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) ensureWebBuild();
