/**
 * The web app: JavaScript sizes against the stated budget, the first page load on loopback from `chuneng serve`,
 * and the time from pressing Run to the first chart, on the server and in the browser's worker. Print only.
 *
 * Budget (gzip): the first page load ≤ 250 KB of JavaScript (the shell: React, the editor, the back ends' clients);
 * everything else is loaded on demand — ECharts with the first chart, xyflow with the plant page, the library's
 * worker (≤ 1 MB gzip, plus HiGHS's 1.2 MB of WebAssembly) when the page computes without a server, the HTML report
 * builder on its button — and all JavaScript together ≤ 2.5 MB gzip. A first page load under 1 s on loopback.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { DIST_WEB, ensureWebBuild, launchBrowser, startServer, startStaticServer, waitForCount } from '../web/e2e/harness.js';

const BUDGET_INITIAL_KB = 250;
const BUDGET_WORKER_KB = 1024;
const BUDGET_TOTAL_KB = 2560;
const TARGET_FIRST_LOAD_MS = 1000;

const kb = (bytes: number) => bytes / 1024;
const gz = (path: string) => gzipSync(readFileSync(path), { level: 9 }).length;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

interface ManifestChunk {
  readonly file: string;
  readonly src?: string;
  readonly isEntry?: boolean;
  readonly imports?: readonly string[];
  readonly dynamicImports?: readonly string[];
  readonly css?: readonly string[];
}

/** What each lazy part is, by the module Vite made it from. */
const PARTS: readonly [RegExp, string][] = [
  [/worker_assets\/worker/, 'library worker (computing in the browser)'],
  [/echarts-setup/, 'ECharts (first chart)'],
  [/Flowsheet/, 'xyflow flowsheet (plant page)'],
  [/PlantView/, 'plant page'],
  [/_property/, 'p–h / T–s diagram builder (plant page)'],
  [/OperationView/, 'operation page'],
  [/MoneyView/, 'money page'],
  [/CompareView/, 'compare page'],
  [/report\/node\/html/, 'HTML report builder (static build)'],
  [/worker-backend/, 'worker back end client'],
  [/_browser/, 'YAML import/export'],
];

function bundleSizes(): void {
  const manifest = JSON.parse(readFileSync(join(DIST_WEB, '.vite', 'manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
  const size = new Map<string, number>();
  const gzOf = (file: string) => {
    if (!size.has(file)) size.set(file, gz(join(DIST_WEB, file)));
    return size.get(file)!;
  };
  const closure = (key: string, seen = new Set<string>()): Set<string> => {
    if (seen.has(key) || !manifest[key]) return seen;
    seen.add(key);
    for (const i of manifest[key].imports ?? []) closure(i, seen);
    return seen;
  };
  const js = (keys: Iterable<string>) => [...keys].map((k) => manifest[k].file).filter((f) => f.endsWith('.js'));
  const initial = closure('index.html');
  const initialKb = kb(js(initial).reduce((s, f) => s + gzOf(f), 0));
  const verdict = (v: number, budget: number) => (v <= budget ? `within ${budget} KB` : `OVER the ${budget} KB budget`);
  console.log('  JavaScript, gzip -9 (what each step adds to what is loaded already)');
  console.log(`    first page load ${initialKb.toFixed(1).padStart(28)} KB  (${verdict(initialKb, BUDGET_INITIAL_KB)})`);
  const lazyRoots = new Set<string>();
  // (a module's stubs for Node built-ins and one-line helper chunks are left out: they ride along with their importer)
  for (const c of Object.values(manifest)) for (const d of c.dynamicImports ?? []) if (!/browser-external|_output/.test(d)) lazyRoots.add(d);
  for (const key of Object.keys(manifest)) if (/worker_assets\/worker-/.test(key)) lazyRoots.add(key);
  const rows = [...lazyRoots].map((key) => {
    const extra = [...closure(key)].filter((k) => !initial.has(k));
    const part = PARTS.find(([re]) => re.test(key))?.[1] ?? key;
    return { part, kb: kb(js(extra).reduce((s, f) => s + gzOf(f), 0)) };
  });
  for (const r of rows.sort((a, b) => b.kb - a.kb)) {
    const note = r.part.startsWith('library worker') ? ` (${verdict(r.kb, BUDGET_WORKER_KB)})` : '';
    console.log(`    + ${r.part.padEnd(42)} ${r.kb.toFixed(1).padStart(7)} KB on demand${note}`);
  }
  const assets = join(DIST_WEB, 'assets');
  const all = readdirSync(assets).filter((f) => f.endsWith('.js'));
  const total = kb(all.reduce((s, f) => s + gzOf(`assets/${f}`), 0));
  console.log(`    all JavaScript ${total.toFixed(1).padStart(29)} KB  (${verdict(total, BUDGET_TOTAL_KB)}, ${kb(all.reduce((s, f) => s + statSync(join(assets, f)).size, 0)).toFixed(0)} KB raw)`);
  const wasm = readdirSync(assets).filter((f) => f.endsWith('.wasm'));
  console.log(`    HiGHS WebAssembly (worker only) ${kb(wasm.reduce((s, f) => s + gzOf(`assets/${f}`), 0)).toFixed(0)} KB gzip, ${kb(wasm.reduce((s, f) => s + statSync(join(assets, f)).size, 0)).toFixed(0)} KB raw`);
  const offline = join(DIST_WEB, 'offline.html');
  console.log(`    offline.html (one file, everything inlined) ${kb(statSync(offline).size).toFixed(0)} KB, ${kb(gz(offline)).toFixed(0)} KB gzip`);
}

/** Navigation to the editor showing its first project, in a fresh context (cold cache) each time. */
async function firstLoads(page: () => Promise<Page>, url: string, repeats: number): Promise<{ load: number; fcp: number; ready: number }[]> {
  const out: { load: number; fcp: number; ready: number }[] = [];
  for (let i = 0; i < repeats; i++) {
    const p = await page();
    const t0 = Date.now();
    await p.goto(url);
    await p.waitForSelector('.plant-card');
    const ready = Date.now() - t0;
    // page-side code as text: this file is checked without the DOM types
    const timing = (await p.evaluate(`(() => {
      const nav = performance.getEntriesByType('navigation')[0];
      const fcp = performance.getEntriesByName('first-contentful-paint')[0];
      return { load: nav.loadEventEnd - nav.startTime, fcp: fcp ? fcp.startTime : NaN };
    })()`)) as { load: number; fcp: number };
    out.push({ ...timing, ready });
    await p.context().close();
  }
  return out;
}

/** Run pressed → the first plant's operation chart drawn (the page opened as soon as a plant is done). */
async function runToFirstChart(p: Page, example: string, plants: number): Promise<{ firstPlant: number; firstChart: number; done: number }> {
  await p.selectOption('select.examples', example);
  await waitForCount(p, '.plant-card', plants);
  await p.waitForSelector('.editor-run-bar .run-button:not([disabled])');
  const t0 = Date.now();
  await p.click('.editor-run-bar .run-button');
  await p.waitForSelector('nav button[data-page="operation"]:not([disabled])', { timeout: 300_000 });
  const firstPlant = Date.now() - t0;
  await p.click('nav button[data-page="operation"]');
  await p.waitForSelector('[data-chart="week-operation"][data-ready="true"]', { timeout: 120_000 });
  const firstChart = Date.now() - t0;
  await p.click('nav button[data-page="run"]');
  await p.waitForSelector('[data-run-status="done"]', { timeout: 300_000 });
  return { firstPlant, firstChart, done: Date.now() - t0 };
}

export async function run(): Promise<void> {
  ensureWebBuild();
  bundleSizes();
  const [server, statics, browser] = await Promise.all([startServer(), startStaticServer(), launchBrowser()]);
  try {
    const fresh = async () => (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await firstLoads(fresh, server.url, 1); // the server's first answers warm its caches
    for (const [what, url] of [
      ['chuneng serve', server.url],
      ['static server (worker)', `${statics.url}?backend=worker`],
    ] as const) {
      const loads = await firstLoads(fresh, url, 5);
      const ready = median(loads.map((l) => l.ready));
      console.log(
        `  first page load, ${what.padEnd(22)} median of 5: load event ${median(loads.map((l) => l.load)).toFixed(0)} ms, first paint ${median(loads.map((l) => l.fcp)).toFixed(0)} ms, editor with its project ${ready} ms (target < ${TARGET_FIRST_LOAD_MS} ms: ${ready < TARGET_FIRST_LOAD_MS ? 'met' : 'MISSED'})`,
      );
    }
    for (const [what, url] of [
      ['server', server.url],
      ['browser worker', `${statics.url}?backend=worker`],
    ] as const) {
      for (const [example, plants] of [
        ['li-ion', 1],
        ['compare', 3],
      ] as const) {
        const p = await fresh();
        await p.goto(`${url}${url.includes('?') ? '&' : '?'}lang=en`);
        await p.waitForSelector('.plant-card');
        const t = await runToFirstChart(p, example, plants);
        console.log(`  run → first chart, ${what.padEnd(14)} ${example.padEnd(8)} first plant ${(t.firstPlant / 1000).toFixed(2)} s, its week chart ${(t.firstChart / 1000).toFixed(2)} s, run done ${(t.done / 1000).toFixed(2)} s`);
        await p.context().close();
      }
    }
  } finally {
    await browser.close();
    await Promise.all([server.stop(), statics.stop()]);
  }
}
