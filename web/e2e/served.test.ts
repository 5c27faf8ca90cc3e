/**
 * The web app as `chuneng serve` serves it (the real server on 127.0.0.1 with a fresh database): the Luoyang
 * comparison loaded from the example menu, run with the progress moving, every result chart drawn with data, the
 * pages in Chinese with the investors' and the bureau's terms and money in 万元, and each report format exported.
 * Screenshots of every page go to out/screenshots/.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { chartsOnPage, launchBrowser, loadExample, newPage, openApp, openView, runAndWatch, screenshot, startServer } from './harness.js';
import { compareWithRisk } from './fixtures.js';

/** The charts each page must draw for the comparison, with data (the names the result pages give their charts). */
const CHARTS: Readonly<Record<string, readonly string[]>> = {
  plant: ['ph-diagram', 'ts-diagram', 'cycle'],
  operation: ['week-operation', 'year-heatmap', 'monthly-revenue'],
  money: ['cash-flow', 'tornado', 'monte-carlo'],
};
const PLANTS = ['gas-liquid CO2', 'adiabatic CAES', 'Li-ion (LFP)', 'liquid CO2'];

describe('the web app served by chuneng serve', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let browser: Browser;
  let page: Page;
  let errors: string[];
  const downloads = mkdtempSync(join(tmpdir(), 'chuneng-downloads-'));

  before(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    ({ page, errors } = await newPage(browser));
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('the app says it computes on the server and loads the Luoyang comparison from the example menu', async () => {
    assert.equal(await openApp(page, `${server.url}?lang=en`), 'http');
    assert.match(await page.textContent('[data-backend]') ?? '', /computed on the server/);
    await loadExample(page, 'compare', PLANTS.length);
    const names = await page.$$eval('.plant-card > header [data-field] input', (els) => els.map((e) => (e as HTMLInputElement).value));
    assert.deepEqual(names, PLANTS);
    // the generated template forms show units, defaults and sources
    const volume = page.locator('[data-field="plants[0].parameters.liquidTank.volume"]');
    assert.equal(await volume.locator('.field-unit').textContent(), 'm3');
    assert.match((await volume.locator('.field-help').textContent()) ?? '', /valid: /);
    await screenshot(page, 'served-editor-en');
  });

  test('the comparison runs on the server with the progress bar moving, and each plant appears as it is done', async () => {
    // the comparison with a tornado and a Monte Carlo in each finance section, imported as a YAML file
    await page.setInputFiles('[data-testid="import-file"]', { name: 'luoyang-compare.yaml', mimeType: 'application/yaml', buffer: Buffer.from(compareWithRisk()) });
    await page.waitForFunction(() => document.querySelectorAll('.plant-card').length === 4);
    const run = await runAndWatch(page, 240_000, 'served-run-midway-en');
    assert.equal(run.status, 'done', `run ended ${run.status}: ${await page.textContent('.run-panel')}`);
    const between = run.progress.filter((p) => p > 0 && p < 1);
    assert.ok(new Set(between).size >= 3, `progress seen: ${run.progress.join(', ')}`);
    assert.deepEqual(run.progress, [...run.progress].sort((a, b) => a - b), 'progress never goes back');
    assert.deepEqual(await page.$$eval('.plant-progress li', (els) => els.map((e) => e.getAttribute('data-plant-state'))), PLANTS.map(() => 'done'));
    // results arrive as they are computed: plants shown done, and the result pages open, before the run ends
    assert.ok(run.doneWhileRunning.includes(1) && run.doneWhileRunning.includes(2), `plants done seen while running: ${run.doneWhileRunning.join(', ')}`);
    assert.ok(run.resultsWhileRunning, 'the result pages opened before the run ended');
    assert.equal(await page.getAttribute('.kpi-table', 'data-kpi-table'), String(PLANTS.length));
    await screenshot(page, 'served-run-en');
  });

  test('every chart of the plant, operation and money pages has data for every plant, and the compare page has them all', async () => {
    for (const [view, required] of Object.entries(CHARTS)) {
      for (const [i, name] of PLANTS.entries()) {
        const template = name !== 'Li-ion (LFP)';
        // a battery has no thermodynamic cycle to draw
        await openView(page, view, i, view === 'plant' && !template ? [] : required);
        const charts = await chartsOnPage(page);
        for (const c of required) {
          if (view === 'plant' && !template) continue;
          const chart = charts.find((x) => x.name === c);
          assert.ok(chart, `${view} page of ${name}: no chart "${c}" (charts: ${charts.map((x) => x.name).join(', ')})`);
          assert.ok(chart.lengths.length > 0 && chart.lengths.some((n) => n > 0), `${view}/${name}/${c}: series lengths ${chart.lengths.join(',')}`);
        }
        if (view === 'operation') {
          const week = charts.find((x) => x.name === 'week-operation')!;
          assert.ok(week.lengths.includes(168), `a week of hours in the operation chart (${week.lengths.join(',')})`);
          const monthly = charts.find((x) => x.name === 'monthly-revenue')!;
          assert.ok(monthly.lengths.includes(12), `12 months (${monthly.lengths.join(',')})`);
        }
        if (view === 'plant' && template) {
          const nodes = Number(await page.getAttribute('[data-flowsheet]', 'data-nodes'));
          assert.ok(nodes >= 4, `flowsheet of ${name} has ${nodes} components`);
          // the stores' balance over the periodic design cycle, one row per store part (a cavern or tank, each tank of a store)
          const stores = Number(await page.getAttribute('[data-table="store-balance"]', 'data-rows'));
          assert.ok(stores >= 3, `store balance of ${name} has ${stores} rows`);
        }
        await screenshot(page, `served-${view}-${i}-en`);
      }
    }
    await openView(page, 'compare');
    const text = (await page.textContent('[data-view-page="compare"]')) ?? '';
    for (const name of PLANTS) assert.ok(text.includes(name), `compare page names ${name}`);
    await screenshot(page, 'served-compare-en');
  });

  test('switching to Chinese changes every label at once, keeps the inputs, and shows money in 万元', async () => {
    await page.click('nav button[data-page="editor"]');
    const nameInput = page.locator('[data-field="name"] input');
    await nameInput.fill('洛阳储能方案比较 test');
    const rate = page.locator('[data-field="plants[2].finance.discountRate"] input');
    await rate.fill('7');
    await page.click('[data-lang="zh"]');
    assert.equal(await page.textContent('nav button[data-page="money"]'), '经济性');
    assert.equal(await page.textContent('[data-section="site"] h3'), '场址');
    assert.equal(await nameInput.inputValue(), '洛阳储能方案比较 test');
    assert.equal(await rate.inputValue(), '7');
    assert.match((await page.textContent('[data-backend]')) ?? '', /服务器/);
    await screenshot(page, 'served-editor-zh');
    await openView(page, 'money', 0, CHARTS.money);
    const money = (await page.textContent('[data-view-page="money"]')) ?? '';
    assert.ok(money.includes('万元'), 'money page in 万元');
    await screenshot(page, 'served-money-0-zh');
    await openView(page, 'compare');
    const compare = (await page.textContent('[data-view-page="compare"]')) ?? '';
    for (const term of ['总投资', '度电成本', '净现值', '内部收益率', '投资回收期', '最小偿债覆盖率']) assert.ok(compare.includes(term), `compare page says ${term}`);
    await screenshot(page, 'served-compare-zh');
    await page.click('nav button[data-page="run"]');
    const run = (await page.textContent('.run-panel')) ?? '';
    assert.ok(run.includes('万元') && run.includes('净现值'), 'run page key figures in Chinese');
    await screenshot(page, 'served-run-zh');
  });

  test('each report format is exported: the HTML report, a PDF with pages of charts, and a workbook with the cash-flow sheet', async () => {
    await page.click('nav button[data-page="run"]');
    const files: Record<string, string> = {};
    for (const format of ['html', 'pdf', 'xlsx']) {
      const failed = page.waitForSelector('.reports .field-error', { timeout: 120_000 }).then(async (el) => {
        throw new Error(`the ${format} report failed: ${await el.textContent()}`);
      });
      const [download] = await Promise.race([Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.click(`[data-report="${format}"]`)]), failed]);
      failed.catch(() => undefined);
      const path = join(downloads, download.suggestedFilename());
      await download.saveAs(path);
      files[format] = path;
      assert.match(download.suggestedFilename(), new RegExp(`\\.${format}$`));
    }
    const html = readFileSync(files.html, 'utf8');
    assert.ok(html.includes('<svg') && html.includes('净现值'), 'HTML report in Chinese with charts as SVG');
    const pdf = readFileSync(files.pdf);
    assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [files.pdf], { encoding: 'utf8' }))?.[1]);
    assert.ok(pages >= 2, `the PDF has ${pages} pages`);
    const pdfText = execFileSync('pdftotext', ['-layout', files.pdf, '-'], { encoding: 'utf8' });
    assert.ok(pdfText.includes('现金流') || pdfText.includes('净现值'), 'the PDF carries the report text');
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(files.xlsx);
    const names = book.worksheets.map((w) => w.name);
    const cash = book.worksheets.find((w) => /现金流|cash/i.test(w.name));
    assert.ok(cash, `a cash-flow sheet among ${names.join(', ')}`);
    assert.ok(cash.rowCount >= 30, `the cash-flow sheet has ${cash.rowCount} rows`);
    writeFileSync(join(downloads, 'sheets.txt'), names.join('\n'));
  });

  test('the app raised no uncaught error', () => {
    assert.deepEqual(errors, []);
  });
});
