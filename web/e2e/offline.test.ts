/**
 * The static build with no server at all: offline.html opened from the folder (file://) and index.html from a plain
 * static file server with no API. Both compute in the browser's Web Worker, and the results are the Node library's
 * to 1e-12 relative (NPV, LCOS, IRR, energies), for a battery and for a template plant (Luoyang examples).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { evaluate, parseProjectText, resultsJson } from '../../src/project/index.js';
import { DIST_WEB, ensureWebBuild, launchBrowser, loadExample, newPage, openApp, openView, chartsOnPage, runAndCancel, runAndWatch, screenshot, startStaticServer } from './harness.js';
import { exampleText } from './fixtures.js';

type Plant = {
  name: string;
  dispatch: { charged: number; discharged: number; revenue: number };
  replay?: { energyIn: number; energyOut: number };
  finance: { npvProjectAfterTax: number; npvEquity: number; lcosSchmidt: number | null; lcosLazard: number | null; irrProjectAfterTax: number | null; capex: number };
  performance: { energyCapacity: number; roundTripEfficiency: number };
};

/**
 * The figures compared, by name. Chromium's V8 and Node 20's compute Math.exp, Math.log, Math.pow … differently in
 * the last bit for some arguments, so a template plant's thermodynamics (and everything after it) agree to round-off,
 * not bitwise: about 1e-15 relative. The equity NPV is a small difference of large cash flows, so its error is
 * measured against the investment (the scale of its terms) rather than against itself.
 */
function figures(p: Plant): Record<string, number | null> {
  return {
    npvProjectAfterTax: p.finance.npvProjectAfterTax,
    npvEquity: p.finance.npvEquity,
    lcosSchmidt: p.finance.lcosSchmidt,
    lcosLazard: p.finance.lcosLazard,
    irrProjectAfterTax: p.finance.irrProjectAfterTax,
    capex: p.finance.capex,
    charged: p.dispatch.charged,
    discharged: p.dispatch.discharged,
    revenue: p.dispatch.revenue,
    replayIn: p.replay?.energyIn ?? null,
    replayOut: p.replay?.energyOut ?? null,
    energyCapacity: p.performance.energyCapacity,
    roundTripEfficiency: p.performance.roundTripEfficiency,
  };
}

async function nodeResults(id: string): Promise<{ plants: Plant[] }> {
  const e = await evaluate(parseProjectText(exampleText(id), `${id}.yaml`).spec);
  return JSON.parse(JSON.stringify(resultsJson(e))) as { plants: Plant[] };
}

function assertSameNumbers(browser: { plants: Plant[] }, node: { plants: Plant[] }): void {
  assert.equal(browser.plants.length, node.plants.length);
  for (const [i, p] of node.plants.entries()) {
    const a = figures(browser.plants[i]);
    const b = figures(p);
    const capex = p.finance.capex;
    for (const [k, expected] of Object.entries(b)) {
      const actual = a[k];
      const scale = k.startsWith('npv') ? Math.max(Math.abs(expected ?? 0), capex) : Math.abs(expected ?? 0);
      if (expected === null) {
        assert.equal(actual, null, `${p.name} ${k}`);
        continue;
      }
      assert.ok(actual !== null, `${p.name} ${k}: browser has none, Node ${expected}`);
      const rel = Math.abs(actual - expected) / Math.max(scale, 1e-300);
      assert.ok(rel <= 1e-12, `${p.name} ${k}: browser ${actual}, Node ${expected} (relative ${rel})`);
    }
  }
}

/** Runs the loaded project and downloads its results.json from the run page. */
async function runToResults(page: Page): Promise<{ plants: Plant[] }> {
  const run = await runAndWatch(page);
  assert.equal(run.status, 'done', await page.textContent('.run-panel') ?? '');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-report="json"]')]);
  return JSON.parse(readFileSync(await download.path(), 'utf8')) as { plants: Plant[] };
}

describe('the static build with no server', () => {
  let browser: Browser;
  const expected = new Map<string, Promise<{ plants: Plant[] }>>();

  before(async () => {
    ensureWebBuild();
    // the Node evaluations run while the browser works
    for (const id of ['li-ion', 'a-caes']) expected.set(id, nodeResults(id));
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });

  test('offline.html opened from the folder computes the Luoyang battery in the browser to the Node numbers', async () => {
    const { page, errors } = await newPage(browser);
    // index.html opened from file:// forwards to offline.html
    assert.equal(await openApp(page, pathToFileURL(join(DIST_WEB, 'index.html')).href + '?lang=en'), 'worker');
    assert.match(page.url(), /offline\.html/);
    assert.match((await page.textContent('[data-backend]')) ?? '', /computed in this browser/);
    await loadExample(page, 'li-ion', 1);
    const results = await runToResults(page);
    assertSameNumbers(results, await expected.get('li-ion')!);
    // the HTML report is made in the browser by the report layer's builder; PDF and XLSX need the server, and the page says so
    const [report] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.click('[data-report="html"]')]);
    const html = readFileSync(await report.path(), 'utf8');
    assert.ok((html.match(/<svg/g) ?? []).length >= 4, 'the report carries its charts as SVG');
    assert.ok(html.includes('Li-ion (LFP)'));
    assert.equal(await page.$('[data-report="pdf"]'), null);
    assert.match((await page.textContent('.reports')) ?? '', /made by the server/);
    await screenshot(page, 'offline-run-en');
    await openView(page, 'operation', 0, ['week-operation']);
    const charts = await chartsOnPage(page);
    assert.ok(charts.find((c) => c.name === 'week-operation')?.lengths.includes(168));
    await screenshot(page, 'offline-operation-en');
    assert.deepEqual(errors, []);
    await page.context().close();
  });

  test('a run in the browser is cancelled by stopping its worker, and the next run starts a fresh one', async () => {
    const server = await startStaticServer();
    try {
      const { page, errors } = await newPage(browser);
      await openApp(page, `${server.url}?lang=en`);
      await loadExample(page, 'compare', 4);
      assert.equal(await runAndCancel(page), 'cancelled');
      assert.match((await page.textContent('.run-panel')) ?? '', /cancelled/);
      await loadExample(page, 'li-ion', 1);
      const run = await runAndWatch(page);
      assert.equal(run.status, 'done', `${(await page.textContent('.run-panel')) ?? ''} (progress ${run.progress.join(', ')})`);
      assert.deepEqual(errors, []);
      await page.context().close();
    } finally {
      await server.stop();
    }
  });

  test('index.html from a static file server with no API computes a template plant (A-CAES) in its worker to the Node numbers', async () => {
    const server = await startStaticServer();
    try {
      const { page, errors } = await newPage(browser);
      assert.equal(await openApp(page, `${server.url}?lang=zh`), 'worker');
      assert.match((await page.textContent('[data-backend]')) ?? '', /本地计算/);
      await loadExample(page, 'a-caes', 1);
      const results = await runToResults(page);
      assertSameNumbers(results, await expected.get('a-caes')!);
      // the DP and its bound (the exact recursion) need no general LP solver: HiGHS is not even fetched
      assert.ok(!server.requests.some((r) => r.endsWith('.wasm')), `HiGHS fetched for a year that needs no LP: ${server.requests.filter((r) => r.endsWith('.wasm')).join(', ')}`);
      await screenshot(page, 'static-run-zh');
      await openView(page, 'plant', 0, ['ph-diagram', 'ts-diagram', 'cycle']);
      const charts = await chartsOnPage(page);
      for (const name of ['ph-diagram', 'ts-diagram', 'cycle']) assert.ok(charts.find((c) => c.name === name)?.lengths.some((n) => n > 0), `${name} drawn`);
      await screenshot(page, 'static-plant-zh');
      // back in the editor, the store volume is sized in energy: the last run's energy per m³ turns a target into a volume
      await page.click('nav button[data-page="editor"]');
      const hint = page.locator('[data-sizing="plants[0].parameters.storage.volume"]');
      assert.match((await hint.textContent()) ?? '', /每立方米 1\.88 千瓦时 → 562\.9 兆瓦时/);
      await hint.locator('input').fill('1000');
      assert.match((await hint.textContent()) ?? '', /约 532\d{3} 立方米/);
      await hint.locator('button').click();
      assert.match(await page.locator('[data-field="plants[0].parameters.storage.volume"] input').inputValue(), /^532\d{3}$/);
      await screenshot(page, 'static-editor-sizing-zh', false);
      assert.deepEqual(errors, []);
      await page.context().close();
    } finally {
      await server.stop();
    }
  });

  test('a dispatch that needs the general LP (a daily cycle limit) loads HiGHS as its own asset in the worker and gives the Node numbers', async () => {
    // a plant given by its performance with at most one full cycle a day: the dedicated storage solver does not take
    // a cycle limit, so the year goes to HiGHS (src/dispatch/flow/storage-lp.ts flowUnsupported)
    const text = [
      'name: cycle-limited storage',
      'site: { name: Luoyang, timeZone: Asia/Shanghai, ambientTemperature: 15 degC }',
      'market: { year: 2025, tariff: { henan2024: { basePrice: 0.38 yuan/kWh } } }',
      'dispatch: { horizon: year, dailyCycleLimit: 1 }',
      'plants:',
      '  - name: storage',
      '    performance: { power: 10 MW, energy: 40 MWh, roundTripEfficiency: 85 % }',
      '    finance: { currency: CNY, discountRate: 6 %, operatingYears: 15 years, capex: { items: [ { kind: perEnergy, name: system, energy: 40 MWh, unitCost: 900 yuan/kWh } ] } }',
      '',
    ].join('\n');
    const node = JSON.parse(JSON.stringify(resultsJson(await evaluate(parseProjectText(text, 'cycle-limited.yaml').spec)))) as { plants: Plant[] };
    const server = await startStaticServer();
    try {
      const { page, errors } = await newPage(browser);
      assert.equal(await openApp(page, `${server.url}?lang=en`), 'worker');
      await page.setInputFiles('[data-testid="import-file"]', { name: 'cycle-limited.yaml', mimeType: 'application/yaml', buffer: Buffer.from(text) });
      await page.waitForFunction(() => document.querySelectorAll('.plant-card').length === 1);
      assertSameNumbers(await runToResults(page), node);
      assert.ok(server.requests.some((r) => r.endsWith('.wasm')), 'HiGHS loaded as its own asset');
      assert.deepEqual(errors, []);
      await page.context().close();
    } finally {
      await server.stop();
    }
  });
});
