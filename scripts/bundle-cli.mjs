#!/usr/bin/env node
// Bundles the commands whose whole process should start fast (props, solve, dispatch) from the built dist/cli into
// dist/cli/fast/<command>.js plus shared chunks: one or two files for Node to load instead of ~260 modules (zod alone
// is 95). Measured on 2 busy cores: `chuneng solve examples/networks/tespy-acaes-2stage-charge.yaml` 0.37 s of CPU
// from dist's modules, 0.25 s bundled, same output. dist/cli/main.js uses a bundle only when it is newer than itself
// (a later `tsc` build without this step falls back to the modules). Run after `tsc -p tsconfig.build.json`.
// Kept out of the bundle: packages with native code or WebAssembly found beside their own files (highs,
// better-sqlite3) and the server's heavy ones. Commands that find files through import.meta.url (serve, evaluate's
// cache, reports) are not bundled: a bundle moves every module's URL.
import { build } from 'esbuild';
import { existsSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = `${root}dist/cli`;
const commands = ['props', 'solve', 'dispatch'];
if (!commands.every((c) => existsSync(`${cli}/commands/${c}.js`))) {
  console.error('bundle-cli: dist/cli/commands/*.js missing — run tsc -p tsconfig.build.json first');
  process.exit(1);
}
rmSync(`${cli}/fast`, { recursive: true, force: true });
await build({
  entryPoints: Object.fromEntries(commands.map((c) => [c, `${cli}/commands/${c}.js`])),
  outdir: `${cli}/fast`,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: ['highs', 'better-sqlite3', 'playwright-core', 'exceljs', 'bullmq', 'ioredis', 'echarts'],
  // CommonJS packages inside an ES module bundle call require(): give them Node's
  banner: { js: "import { createRequire as __chunengRequire } from 'node:module'; const require = __chunengRequire(import.meta.url);" },
  logLevel: 'warning',
});
console.log(`bundle-cli: ${commands.join(', ')} → dist/cli/fast/`);
