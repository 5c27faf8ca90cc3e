/**
 * What the browser tests share: the built app, the real server (`chuneng serve` on 127.0.0.1, a free port, a fresh
 * data folder) or a plain static file server with no API, Debian's Chromium through playwright-core, screenshots
 * into out/screenshots/, and small steps on the page (load an example, run, read a chart's series lengths).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { DIST_WEB, ROOT, ensureWebBuild } from './build.js';

export { DIST_WEB, ROOT, ensureWebBuild };

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOTS = join(ROOT, 'out', 'screenshots');

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: ['--disable-dev-shm-usage', '--disable-gpu'] });
}

/** A page 1280 px wide that records its errors (a test fails on an uncaught exception in the app). */
export async function newPage(browser: Browser, options: { acceptDownloads?: boolean; lang?: string } = {}): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: options.acceptDownloads ?? true, locale: options.lang ?? 'en-US' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return { page, errors };
}

export async function screenshot(page: Page, name: string, fullPage = true): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage });
  return path;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createNetServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

export interface Running {
  readonly url: string;
  stop(): Promise<void>;
}

/** `chuneng serve` on 127.0.0.1 with a fresh data folder; answers /api/health before this returns. */
export async function startServer(): Promise<Running & { readonly dataDir: string; readonly log: () => string }> {
  ensureWebBuild();
  const dataDir = mkdtempSync(join(tmpdir(), 'chuneng-e2e-'));
  const port = await freePort();
  let output = '';
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve', '--port', String(port), '--data', dataDir], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const url = `http://127.0.0.1:${port}/`;
  const t0 = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`chuneng serve exited (${child.exitCode}): ${output}`);
    try {
      const r = await fetch(`${url}api/health`);
      if (r.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() - t0 > 30_000) throw new Error(`chuneng serve did not answer on ${url} within 30 s: ${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    dataDir,
    log: () => output,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(timer);
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
};

/** A plain static file server for dist/web with no API (/api/health is a 404): the app computes in its worker. */
export async function startStaticServer(root = DIST_WEB): Promise<Running & { readonly requests: string[] }> {
  ensureWebBuild();
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    requests.push(path);
    const file = normalize(join(root, path.endsWith('/') ? `${path}index.html` : path));
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = readFileSync(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}/`,
    requests,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** An element as the page-side callbacks here read it (kept structural: this file is also checked without the DOM types). */
type Attributed = { getAttribute(name: string): string | null; tagName: string };

/** Polls (in Node) until `selector` matches `n` elements. */
export async function waitForCount(page: Page, selector: string, n: number, timeoutMs = 30_000): Promise<void> {
  const t0 = Date.now();
  while ((await page.locator(selector).count()) !== n) {
    if (Date.now() - t0 > timeoutMs) throw new Error(`${selector}: ${await page.locator(selector).count()} elements, not ${n}, after ${timeoutMs / 1000} s`);
    await page.waitForTimeout(50);
  }
}

/** Waits until the app has chosen its back end and shown the first project. */
export async function openApp(page: Page, url: string): Promise<string> {
  await page.goto(url);
  await page.waitForSelector('.plant-card', { timeout: 30_000 });
  return (await page.getAttribute('[data-backend]', 'data-backend')) ?? '';
}

/** Loads an example from the editor's menu and waits for its plants. */
export async function loadExample(page: Page, id: string, plants: number): Promise<void> {
  await page.click('nav button[data-page="editor"]');
  await page.selectOption('select.examples', id);
  await waitForCount(page, '.plant-card', plants);
}

/** Waits for validation to settle and returns the number of problems the run button reports. */
export async function problemCount(page: Page): Promise<number> {
  await page.locator('.editor-run-bar .checking').waitFor({ state: 'detached', timeout: 30_000 });
  return Number(await page.getAttribute('.editor-run-bar .run-button', 'data-problems'));
}

/**
 * Starts a run from the editor and samples the progress bar until it ends; returns the progress values seen and,
 * while the run was still going, how many plants were shown done and whether the result pages could be opened.
 */
export async function runAndWatch(page: Page, timeoutMs = 120_000, midRunScreenshot?: string): Promise<{ status: string; progress: number[]; seconds: number; doneWhileRunning: number[]; resultsWhileRunning: boolean }> {
  await page.waitForSelector('.editor-run-bar .run-button:not([disabled])', { timeout: 30_000 });
  const t0 = Date.now();
  await page.click('.editor-run-bar .run-button');
  const progress: number[] = [];
  const doneWhileRunning: number[] = [];
  let resultsWhileRunning = false;
  for (;;) {
    const status = await page.getAttribute('.run-panel', 'data-run-status').catch(() => null);
    const p = await page.getAttribute('.run-panel progress', 'data-progress').catch(() => null);
    if (p !== null && progress[progress.length - 1] !== Number(p)) progress.push(Number(p));
    if (status === 'running') {
      const done = await page.locator('.plant-progress li[data-plant-state="done"]').count();
      if (doneWhileRunning[doneWhileRunning.length - 1] !== done) {
        doneWhileRunning.push(done);
        if (done === 1 && midRunScreenshot) await screenshot(page, midRunScreenshot, false);
      }
      if (done > 0 && (await page.isEnabled('nav button[data-page="operation"]'))) resultsWhileRunning = true;
    }
    if (status === 'done' || status === 'failed' || status === 'cancelled') return { status, progress, seconds: (Date.now() - t0) / 1000, doneWhileRunning, resultsWhileRunning };
    if (Date.now() - t0 > timeoutMs) throw new Error(`the run did not end within ${timeoutMs / 1000} s (progress ${progress.join(', ')})`);
    await page.waitForTimeout(50);
  }
}

/** Starts a run, waits until it has made progress, cancels it and returns the status it ends with. */
export async function runAndCancel(page: Page): Promise<string> {
  await page.waitForSelector('.editor-run-bar .run-button:not([disabled])', { timeout: 30_000 });
  await page.click('.editor-run-bar .run-button');
  await page.waitForSelector('.run-panel progress:not([data-progress="0.000"])', { timeout: 60_000 });
  await page.click('.run-panel button.cancel');
  await page.waitForSelector('.run-panel[data-run-status="cancelled"], .run-panel[data-run-status="done"], .run-panel[data-run-status="failed"]', { timeout: 30_000 });
  return (await page.getAttribute('.run-panel', 'data-run-status')) ?? '';
}

/** Every chart on the page: its name and the lengths of its series (data-series-length, from the EChart wrapper). */
export async function chartsOnPage(page: Page): Promise<{ name: string; lengths: number[] }[]> {
  return page.locator('[data-chart]').evaluateAll((els: Attributed[]) =>
    els.map((el) => ({
      name: el.getAttribute('data-chart') ?? '',
      lengths: (el.getAttribute('data-series-length') ?? '')
        .split(',')
        .filter((s) => s !== '')
        .map(Number),
    })),
  );
}

/** Opens a result page and waits until its charts — at least those named in `charts` — are drawn. */
export async function openView(page: Page, view: string, plantIndex?: number, charts: readonly string[] = []): Promise<void> {
  await page.click(`nav button[data-page="${view}"]`);
  if (plantIndex !== undefined) {
    const tab = await page.$(`.plant-chooser [data-plant-index="${plantIndex}"]`);
    if (tab) await tab.click();
  }
  await page.waitForSelector(`[data-view-page="${view}"]`);
  for (const name of charts) await page.waitForSelector(`[data-chart="${name}"][data-ready="true"]`, { timeout: 60_000 });
  // every chart on the page drawn (EChart sets data-ready), nothing still loading
  const t0 = Date.now();
  for (;;) {
    const ready = await page.locator('[data-chart]').evaluateAll((els: Attributed[]) => els.filter((el) => el.tagName.toLowerCase() !== 'svg').map((el) => el.getAttribute('data-ready')));
    if ((await page.locator('[data-view-page] .cn-loading').count()) === 0 && ready.every((r) => r === 'true')) break;
    if (Date.now() - t0 > 60_000) throw new Error(`${view}: charts not drawn after 60 s (${ready.join(', ')})`);
    await page.waitForTimeout(50);
  }
}
