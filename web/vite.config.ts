/**
 * The web app's build. Two outputs in dist/web (at the package root), both with relative asset paths (`base: './'`):
 *
 * - `index.html` + `assets/`: ES modules, the result pages, ECharts, xyflow and the library's Web Worker loaded on
 *   demand. Served by `chuneng serve`, or by any static file server (then the app computes in the worker).
 * - `offline.html` (`--mode offline`): the same app as ONE self-contained file — scripts, styles, the worker and
 *   HiGHS's WebAssembly inlined — because Chromium refuses module scripts, workers and fetches from file:// URLs.
 *   Opened from a folder, index.html forwards to it (a two-line inline script in index.html).
 *
 * The library is imported from ../src: TypeScript ES modules whose imports name `.js` files; Vite resolves a `.js`
 * specifier in a TypeScript importer to the `.ts` file beside it.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const webRoot = fileURLToPath(new URL('.', import.meta.url));
const outDir = fileURLToPath(new URL('../dist/web', import.meta.url));
const offlineStaging = fileURLToPath(new URL('../dist/.web-offline', import.meta.url));

/** In the offline build the Web Worker is inlined (a Blob URL), not a separate module file. */
function inlineWorker(): Plugin {
  const inline = fileURLToPath(new URL('./src/backend/worker-factory-inline.ts', import.meta.url));
  return {
    name: 'chuneng:inline-worker',
    enforce: 'pre',
    resolveId(source) {
      return /(^|\/)worker-factory\.js$/.test(source) ? inline : null;
    },
  };
}

/**
 * HiGHS's loader names its wasm beside itself (`new URL("highs.wasm", import.meta.url)`) when no `locateFile` is
 * given; the worker always gives one, so in the one-file build that second copy (4.7 MB as base64) is left out.
 */
function highsSingleWasm(): Plugin {
  return {
    name: 'chuneng:highs-single-wasm',
    enforce: 'pre',
    transform(code, id) {
      if (!/highs\/build\/highs\.mjs$/.test(id)) return null;
      const next = code.replace('new URL("highs.wasm",import.meta.url).href', '""');
      if (next === code) this.warn('highs.mjs: the default wasm location was not found; offline.html may carry the wasm twice');
      return { code: next, map: null };
    },
  };
}

/**
 * Makes offline.html: the offline build goes to a staging folder; when it is complete, its page gets every script and
 * style inlined (module scripts inline run from file://), is written as dist/web/offline.html, and the staging folder
 * is removed.
 */
function singleFile(): Plugin {
  return {
    name: 'chuneng:single-file',
    apply: 'build',
    closeBundle() {
      let html = readFileSync(join(offlineStaging, 'index.html'), 'utf8');
      const read = (ref: string) => readFileSync(join(offlineStaging, ref.replace(/^\.\//, '')), 'utf8');
      const scripts: string[] = [];
      html = html.replace(/<script type="module" crossorigin src="([^"]+)"><\/script>\s*/g, (_m, src: string) => {
        scripts.push(read(src));
        return '';
      });
      html = html.replace(/<link rel="stylesheet" crossorigin href="([^"]+)">/g, (_m, href: string) => `<style>${read(href)}</style>`);
      if (/<script[^>]+src=|<link[^>]+stylesheet/.test(html)) throw new Error('offline.html: a script or style was left as a file reference');
      // the code goes at the end of <body>, where the page's elements exist
      const inline = scripts.map((code) => `<script type="module">${code.replace(/<\/script/gi, '<\\/script')}</script>`).join('\n');
      html = html.replace('</body>', () => `${inline}\n</body>`);
      mkdirSync(outDir, { recursive: true });
      writeFileSync(join(outDir, 'offline.html'), html);
      rmSync(offlineStaging, { recursive: true, force: true });
    },
  };
}

export default defineConfig(({ mode }) => {
  const offline = mode === 'offline';
  return {
    root: webRoot,
    base: './',
    plugins: [react(), ...(offline ? [inlineWorker(), highsSingleWasm(), singleFile()] : [])],
    resolve: {
      // one copy of React for the app and the views
      dedupe: ['react', 'react-dom'],
    },
    worker: {
      // a classic worker runs from a Blob URL in a page opened from file://
      format: offline ? 'iife' : 'es',
      plugins: () => (offline ? [highsSingleWasm()] : []),
    },
    build: {
      // the offline build is staged elsewhere and adds offline.html to dist/web when it is complete
      outDir: offline ? offlineStaging : outDir,
      emptyOutDir: true,
      target: 'es2022',
      sourcemap: false,
      // .vite/manifest.json: which chunks each page and lazy part loads (read by bench/web.bench.ts)
      manifest: !offline,
      reportCompressedSize: false,
      // the library's worker is 1.5 MB before gzip, and offline.html is everything in one file, by design
      chunkSizeWarningLimit: offline ? 20_000 : 1600,
      // offline: everything inline, HiGHS's wasm as a data: URL (a file:// page cannot fetch it)
      assetsInlineLimit: offline ? () => true : undefined,
      rolldownOptions: offline ? { output: { codeSplitting: false } } : undefined,
    },
    server: {
      fs: { allow: [fileURLToPath(new URL('..', import.meta.url))] },
      // `npm run dev:web` beside `chuneng serve` (its default port) uses the API; without it, the worker
      proxy: { '/api': { target: 'http://127.0.0.1:8640', changeOrigin: false } },
    },
  };
});
