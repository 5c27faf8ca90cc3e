/**
 * The project editor against the real server: a bad value is named at its field as it is typed, in English and in
 * Chinese, and the run button counts the problems; a price file with a bad row is refused with the row named (in
 * both languages), a good one is previewed as a plot before it is used.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, loadExample, newPage, openApp, problemCount, runAndCancel, runAndWatch, screenshot, startServer } from './harness.js';
import { priceCsv } from './fixtures.js';

const RATE = 'plants[0].finance.discountRate';

describe('the project editor', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let browser: Browser;
  let page: Page;
  let errors: string[];

  before(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    ({ page, errors } = await newPage(browser));
    assert.equal(await openApp(page, `${server.url}?lang=en`), 'http');
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('a bad discount rate is named at its field as it is typed, in English, and the run button counts it', async () => {
    assert.equal(await problemCount(page), 0);
    await page.locator(`[data-field="${RATE}"] input`).fill('-250');
    await page.waitForSelector(`[data-error-for="${RATE}"]`);
    const message = (await page.textContent(`[data-error-for="${RATE}"]`)) ?? '';
    assert.match(message, /discount/i);
    assert.match(message, /-250 %/);
    assert.equal(await problemCount(page), 1);
    assert.match((await page.textContent('.editor-run-bar .run-button')) ?? '', /1 problem/);
    assert.equal(await page.isDisabled('.editor-run-bar .run-button'), true);
    await screenshot(page, 'editor-field-error-en', false);
  });

  test('the same field error reads in Chinese after the switch, with the typed value kept', async () => {
    await page.click('[data-lang="zh"]');
    await page.waitForFunction(
      (field) => /[\u4e00-\u9fff]/.test(document.querySelector(`[data-error-for="${field}"]`)?.textContent ?? ''),
      RATE,
      { timeout: 10_000 },
    );
    const message = (await page.textContent(`[data-error-for="${RATE}"]`)) ?? '';
    assert.match(message, /折现率/);
    assert.equal(await page.locator(`[data-field="${RATE}"] input`).inputValue(), '-250');
    assert.match((await page.textContent('.editor-run-bar .run-button')) ?? '', /请先解决 1 个问题/);
    await screenshot(page, 'editor-field-error-zh', false);
    // corrected, the problem goes away
    await page.locator(`[data-field="${RATE}"] input`).fill('6');
    await page.waitForSelector(`[data-error-for="${RATE}"]`, { state: 'detached' });
    assert.equal(await problemCount(page), 0);
  });

  test('a template parameter out of range is named at its generated field', async () => {
    const field = page.locator('[data-plant="0"]');
    assert.ok(field);
    await page.selectOption('select.examples', 'co2-gas-liquid');
    await page.waitForSelector('[data-field="plants[0].parameters.charge.power"]');
    await page.locator('[data-field="plants[0].parameters.charge.power"] input').fill('5000');
    const path = 'plants[0].parameters.charge.power';
    await page.waitForSelector(`[data-error-for="${path}"]`);
    assert.match((await page.textContent(`[data-error-for="${path}"]`)) ?? '', /5000 MW|3000 MW/);
    await page.locator(`[data-field="${path}"] input`).fill('100');
    await page.waitForSelector(`[data-error-for="${path}"]`, { state: 'detached' });
  });

  test('a price file with a bad row is refused before it is used, naming the row, in Chinese and in English', async () => {
    await page.click('text=电价文件（CSV：时间,每兆瓦时电价）');
    await page.setInputFiles('[data-testid="price-file"]', { name: 'prices-bad.csv', mimeType: 'text/csv', buffer: Buffer.from(priceCsv(101)) });
    await page.waitForSelector('[data-preview="error"]');
    assert.match((await page.textContent('[data-preview="error"]')) ?? '', /第 101 行/);
    assert.equal(await page.$('[data-preview="ok"]'), null);
    await screenshot(page, 'editor-price-error-zh', false);
    await page.click('[data-lang="en"]');
    await page.setInputFiles('[data-testid="price-file"]', { name: 'prices-bad.csv', mimeType: 'text/csv', buffer: Buffer.from(priceCsv(101)) });
    await page.waitForFunction(() => /row 101/i.test(document.querySelector('[data-preview="error"]')?.textContent ?? ''));
    assert.match((await page.textContent('[data-preview="error"]')) ?? '', /row 101.*"price"|row 101/i);
  });

  test('a good price file is shown as a plot of the year before it is used, then becomes the market', async () => {
    await page.setInputFiles('[data-testid="price-file"]', { name: 'prices.csv', mimeType: 'text/csv', buffer: Buffer.from(priceCsv()) });
    await page.waitForSelector('[data-preview="ok"]');
    assert.equal(await page.getAttribute('[data-chart="price-preview"]', 'data-series-length'), '8760');
    assert.match((await page.textContent('[data-preview="ok"]')) ?? '', /8760 steps/);
    await screenshot(page, 'editor-price-preview-en', false);
    await page.click('text=Use this price file');
    await page.waitForSelector('text=In use: prices.csv');
    assert.equal(await problemCount(page), 0);
  });

  test('the project is exported as YAML and JSON that read back as the same project', async () => {
    const texts: string[] = [];
    for (const label of ['Export YAML', 'Export JSON']) {
      const [download] = await Promise.all([page.waitForEvent('download'), page.click(`text=${label}`)]);
      texts.push(readFileSync(await download.path(), 'utf8'));
    }
    const fromYaml = parse(texts[0]) as { name: string; market: { prices?: string } };
    assert.deepEqual(fromYaml, JSON.parse(texts[1]));
    assert.equal(fromYaml.name, 'Luoyang 100 MW gas-liquid CO2 storage');
    assert.equal(fromYaml.market.prices, 'prices.csv');
  });

  test('each run stores the project as it was run: a second run after an edit is version 2 of the same project', async () => {
    await loadExample(page, 'li-ion', 1);
    assert.equal((await runAndWatch(page)).status, 'done');
    await page.click('nav button[data-page="editor"]');
    await page.locator('[data-field="plants[0].finance.discountRate"] input').fill('7');
    assert.equal((await runAndWatch(page)).status, 'done');
    const projects = (await (await fetch(`${server.url}api/projects`)).json()) as { name: string; version: number }[];
    assert.deepEqual(projects.map((p) => [p.name, p.version]), [['Luoyang 100 MW / 400 MWh Li-ion battery', 2]]);
  });

  test('a run on the server is cancelled from the run page', async () => {
    await page.click('nav button[data-page="editor"]');
    await page.selectOption('select.examples', 'compare');
    await page.waitForFunction(() => document.querySelectorAll('.plant-card').length === 4);
    assert.equal(await runAndCancel(page), 'cancelled');
    await screenshot(page, 'served-run-cancelled-en', false);
  });

  test('the app raised no uncaught error', () => {
    assert.deepEqual(errors, []);
  });
});
