#!/usr/bin/env node
// Bundles the commands whose whole process should start fast (props, solve, dispatch, evaluate) from the built
// dist/cli into dist/cli/fast/<command>.js plus shared chunks: one or two files for Node to load instead of ~260
// modules (zod alone is 95). Measured on 2 busy cores: `chuneng solve examples/networks/tespy-acaes-2stage-charge.yaml`
// 0.37 s of CPU from dist's modules, 0.25 s bundled, same output. dist/cli/main.js uses a bundle only when it is
// newer than itself (a later `tsc` build without this step falls back to the modules). Run after
// `tsc -p tsconfig.build.json`. The library's own entry points in dist/ stay unbundled for those who import them.
//
// The worker threads evaluate starts (the dispatch thread, the plant threads) are bundled beside the commands, as
// dist/cli/fast/<worker>.js: the modules that start them (WORKER_STARTERS) find them next to themselves, as they do
// in dist/project/, so a bundled evaluate starts bundled threads and the modules' evaluate starts the modules.
// Every other module that finds a file through import.meta.url (the disk cache's build id and package.json, the
// example plants) is given its own dist/ URL (ownUrl below): in a bundle import.meta.url is the bundle's.
// Kept out of the bundle: packages with native code or WebAssembly found beside their own files (highs,
// better-sqlite3) and the server's heavy ones.
import { build } from 'esbuild';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = `${root}dist`;
const cli = `${dist}/cli`;
const out = `${cli}/fast`;
const commands = ['props', 'solve', 'dispatch', 'evaluate'];
/** Worker threads' entry modules (dist/project/<name>.js), bundled as dist/cli/fast/<name>.js. */
const workers = ['dispatch-worker-node', 'plant-worker-node'];
/** The modules that start those workers from a URL beside their own: in a bundle, beside the bundle's. */
const WORKER_STARTERS = new Set(['project/dispatch-thread-node.js', 'project/parallel-node.js']);
const entries = [...commands.map((c) => `${cli}/commands/${c}.js`), ...workers.map((w) => `${dist}/project/${w}.js`)];
const missing = entries.filter((f) => !existsSync(f));
if (missing.length > 0) {
  console.error(`bundle-cli: ${missing.join(', ')} missing — run tsc -p tsconfig.build.json first`);
  process.exit(1);
}

/** A dist/ module's import.meta.url, written relative to the bundle's chunk (every chunk is in dist/cli/fast/). */
const ownUrl = {
  name: 'own-import-meta-url',
  setup(b) {
    b.onLoad({ filter: /\.js$/ }, (args) => {
      const path = relative(dist, args.path).split(sep).join('/');
      if (path.startsWith('..') || WORKER_STARTERS.has(path)) return undefined;
      const text = readFileSync(args.path, 'utf8');
      if (!text.includes('import.meta.url')) return undefined;
      const from = relative(out, args.path).split(sep).join('/');
      return { contents: text.replaceAll('import.meta.url', `new URL(${JSON.stringify(from)}, import.meta.url).href`), loader: 'js' };
    });
  },
};

rmSync(out, { recursive: true, force: true });
await build({
  entryPoints: {
    ...Object.fromEntries(commands.map((c) => [c, `${cli}/commands/${c}.js`])),
    ...Object.fromEntries(workers.map((w) => [w, `${dist}/project/${w}.js`])),
  },
  outdir: out,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: ['highs', 'better-sqlite3', 'playwright-core', 'exceljs', 'bullmq', 'ioredis', 'echarts'],
  plugins: [ownUrl],
  // CommonJS packages inside an ES module bundle call require(): give them Node's
  banner: { js: "import { createRequire as __chunengRequire } from 'node:module'; const require = __chunengRequire(import.meta.url);" },
  logLevel: 'warning',
});
console.log(`bundle-cli: ${commands.join(', ')} and the threads ${workers.join(', ')} → dist/cli/fast/`);
