/**
 * The battery, recycling and grading pages in the browser (the static build from a plain file server: the library
 * runs in the app's worker and, for the grading, in the page). A li-ion plant with a recycling plant beside it
 * (examples/luoyang/li-ion.yaml plus examples/recycling/luoyang-recycling.yaml as its `recycling` entry) is
 * imported, run and shown in English and Chinese; the retired-cell campaign (../shared/data/retired_lfp_cells) is
 * dropped on the grading page. The numbers shown are the Node library's, formatted as the report layer formats them.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import type { Browser, Page } from 'playwright-core';
import { evaluate, parseProjectText, resultsJson } from '../../src/project/index.js';
import { gradeCampaign, GRADES, type GradingResult } from '../../src/battery/grading/index.js';
import { readCampaignDir } from '../../src/battery/grading/read-campaign.node.js';
import { batteryOf, capacityAfter } from '../../src/report/battery-section.js';
import type { BatteryDetail } from '../../src/project/li-ion-evaluate.js';
import { recyclingOf } from '../../src/report/recycling-section.js';
import type { RecyclingReportData } from '../../src/report/charts/recycling.js';
import { formatMoney, formatNumber, formatPercent } from '../../src/report/display.js';
import { chartsOnPage, ensureWebBuild, launchBrowser, newPage, openApp, openView, ROOT, runAndWatch, screenshot, startStaticServer } from './harness.js';
import { exampleText } from './fixtures.js';

const CAMPAIGN = join(ROOT, '..', 'shared', 'data', 'retired_lfp_cells');
const CAMPAIGN_FILES = ['charge_2021-11-07', 'rest_2022-05-29'].flatMap((d) => ['time_current', 'voltage_V', 'temperature_C'].map((k) => join(CAMPAIGN, `${d}_${k}.csv`)));

/**
 * The Luoyang li-ion example with the Luoyang recycling plant as its `recycling` entry, its battery held at its
 * nameplate by augmentation (racks added as it fades, so the page has replacements to list).
 */
function projectText(): string {
  const project = parse(exampleText('li-ion')) as { plants: { parameters: Record<string, unknown> }[] } & Record<string, unknown>;
  project.plants[0].parameters.policy = 'augmentation';
  const { kind: _kind, ...recycling } = parse(readFileSync(join(ROOT, 'examples', 'recycling', 'luoyang-recycling.yaml'), 'utf8')) as Record<string, unknown>;
  project.recycling = [recycling];
  return stringify(project);
}

interface Expected {
  readonly plantName: string;
  readonly battery: BatteryDetail;
  readonly currency: string;
  readonly recycling: RecyclingReportData;
}

async function nodeResults(text: string): Promise<Expected> {
  const e = JSON.parse(JSON.stringify(resultsJson(await evaluate(parseProjectText(text, 'battery-e2e.yaml').spec)))) as object & { plants: { name: string; finance: { currency: string } }[] };
  const plant = e.plants[0];
  return { plantName: plant.name, battery: batteryOf(plant)!, currency: plant.finance.currency, recycling: recyclingOf(e)[0] };
}

/** The text of a key-figure card (number and unit). */
async function kpi(page: Page, key: string): Promise<string> {
  return ((await page.textContent(`[data-kpi="${key}"] .cn-kpi-value`)) ?? '').trim();
}

async function setLang(page: Page, lang: 'en' | 'zh'): Promise<void> {
  await page.click(`.lang-switch button[data-lang="${lang}"]`);
  await page.waitForSelector(`.app[data-lang="${lang}"]`);
}

function close(actual: number, expected: number, what: string): void {
  assert.ok(Math.abs(actual - expected) <= 1e-12 * Math.max(Math.abs(expected), 1e-300), `${what}: browser ${actual}, Node ${expected}`);
}

describe('the battery, recycling and grading pages', () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof startStaticServer>>;
  const text = projectText();
  let expected: Promise<Expected>;
  let graded: GradingResult;

  before(async () => {
    ensureWebBuild();
    // computed before the page is driven: the Node evaluation is CPU-bound and would hold up this process's
    // conversation with the browser (a wait timed out under load while it ran)
    expected = nodeResults(text);
    await expected;
    browser = await launchBrowser();
    server = await startStaticServer();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('a li-ion plant’s battery and its recycling plant are shown in English and Chinese with the library’s numbers', async () => {
    const { page, errors } = await newPage(browser);
    assert.equal(await openApp(page, `${server.url}?lang=en`), 'worker');
    await page.setInputFiles('[data-testid="import-file"]', { name: 'battery-e2e.yaml', mimeType: 'text/yaml', buffer: Buffer.from(text) });
    await page.waitForFunction(() => document.querySelectorAll('.plant-card').length === 1);
    const run = await runAndWatch(page, 240_000);
    assert.equal(run.status, 'done', (await page.textContent('.run-panel')) ?? '');
    // the run's results.json: the browser's battery and recycling plant are Node's to round-off
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-report="json"]')]);
    const browserResults = JSON.parse(readFileSync(await download.path(), 'utf8')) as object & { plants: object[] };
    const x = await expected;
    const b = batteryOf(browserResults.plants[0])!;
    assert.equal(b.capacity.length, x.battery.capacity.length);
    b.capacity.forEach((q, k) => close(q, x.battery.capacity[k], `capacity[${k}]`));
    close(b.endOfLife.value, x.battery.endOfLife.value, 'end-of-life value');
    close(recyclingOf(browserResults)[0].finance!.npvProjectAfterTax, x.recycling.finance!.npvProjectAfterTax, 'recycling NPV');

    const after10 = capacityAfter(x.battery, 10)!;
    const own = x.battery.spread.find((s) => s.model === x.battery.lifeModel)!;
    for (const lang of ['en', 'zh'] as const) {
      await setLang(page, lang);
      await openView(page, 'battery', 0, ['battery-life', 'battery-years']);
      assert.equal(await kpi(page, 'capacityAfter10'), `${formatNumber(after10 * 100, lang, 1)}%`);
      assert.equal(await kpi(page, 'endOfLifeValue'), formatMoney(x.battery.endOfLife.value, lang, x.currency));
      assert.equal(await kpi(page, 'replacements'), formatNumber(x.battery.replacements.length, lang, 0));
      assert.equal(await kpi(page, 'yearsTo80'), own.yearsTo80 === null ? (lang === 'zh' ? '未达到' : 'not reached') : `${formatNumber(own.yearsTo80, lang, 1)}${lang === 'zh' ? '年' : 'years'}`);
      const charts = await chartsOnPage(page);
      const life = charts.find((c) => c.name === 'battery-life')!;
      // the spread's models over years + 1 points, then the plant's capacity (each year's start and end), its usable energy (each year) and resistance
      assert.deepEqual(life.lengths, [...x.battery.spread.map((s) => s.capacity.length), 2 * x.battery.years.length, x.battery.years.length, 2 * x.battery.years.length]);
      assert.deepEqual(charts.find((c) => c.name === 'battery-years')!.lengths, [x.battery.years.length, x.battery.years.length, x.battery.years.length]);
      assert.equal(await page.locator('[data-table="round-trips"]').getAttribute('data-rows'), String(x.battery.roundTrips.length));
      // every augmentation listed: operating year, kind, racks, energy and cost as the library has them
      assert.ok(x.battery.replacements.length > 0, 'augmentation adds racks as the battery fades');
      assert.equal(await page.locator('[data-table="replacements"]').getAttribute('data-rows'), String(x.battery.replacements.length));
      const first = x.battery.replacements[0];
      const cells = await page.locator('[data-table="replacements"] tbody tr').first().locator('th, td').allTextContents();
      assert.deepEqual(cells, [String(first.year + 1), lang === 'zh' ? '增容' : 'Augmentation', formatNumber(first.racks, lang, 0), formatNumber(first.energy / 3.6e9, lang, 1), formatMoney(first.cost, lang, x.currency)]);
      const head = (await page.textContent('[data-view="battery"] .cn-page-head')) ?? '';
      assert.ok(head.includes(x.battery.lifeModel), head);
      if (lang === 'zh') assert.match(head, /寿命模型/);
      await screenshot(page, `battery-${lang}`);

      await openView(page, 'recycling', undefined, ['recycling-routes', 'recycling-cashflow', 'recycling-mass-balance']);
      const r = x.recycling;
      const money = r.finance!.currency;
      assert.equal(await kpi(page, 'netValuePerMass'), `${formatNumber(r.result.netValuePerMass * 1000, lang, 0)}${lang === 'zh' ? '元' : money}/t`);
      assert.equal(await kpi(page, 'breakEvenGateFee'), `${formatNumber(r.result.breakEvenGateFee * 1000, lang, 0)}${lang === 'zh' ? '元' : money}/t`);
      assert.equal(await kpi(page, 'npvProjectAfterTax'), formatMoney(r.finance!.npvProjectAfterTax, lang, money));
      assert.equal(await kpi(page, 'irrProjectAfterTax'), formatPercent(r.finance!.irrProjectAfterTax, lang));
      assert.equal(await page.locator('[data-table="routes"]').getAttribute('data-rows'), String(r.routes.length));
      const rc = await chartsOnPage(page);
      assert.deepEqual(rc.find((c) => c.name === 'recycling-routes')!.lengths, [4, 4, 4]);
      assert.ok(rc.find((c) => c.name === 'recycling-cashflow')!.lengths.every((n) => n === r.finance!.cashFlow.year.length));
      await screenshot(page, `recycling-${lang}`);
    }
    // the HTML report the browser makes (language zh, the last one shown) has the battery's and the recycling plant's pages
    await page.click('nav button[data-page="run"]');
    const [report] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.click('[data-report="html"]')]);
    const html = readFileSync(await report.path(), 'utf8');
    for (const id of ['battery-life', 'battery-years', 'battery-round-trips', 'recycling-mass-balance', 'recycling-routes-mass', 'recycling-routes-energy', 'recycling-cashflow']) {
      assert.match(html, new RegExp(`data-chart="${id}"`), id);
    }
    assert.match(html, /10 年后容量保持率/);
    const reader = await page.context().newPage();
    await reader.setViewportSize({ width: 900, height: 1200 });
    await reader.setContent(html);
    for (const kind of ['battery', 'battery-operation', 'recycling', 'recycling-routes']) {
      await reader.locator(`section[data-page="${kind}"]`).first().screenshot({ path: join(ROOT, 'out', 'screenshots', `report-${kind}-zh.png`) });
    }
    await reader.close();
    assert.deepEqual(errors, []);
    await page.context().close();
  });

  test('the grading page grades the dropped campaign in the browser: the rejected cells, modules and yields are the library’s, in both languages', async () => {
    graded ??= gradeCampaign(readCampaignDir(CAMPAIGN));
    const { page, errors } = await newPage(browser);
    await openApp(page, `${server.url}?lang=zh`);
    await page.click('nav button[data-page="grading"]');
    await page.waitForSelector('[data-view="grading"][data-grading-state="idle"]', { timeout: 30_000 }).catch(async (e: Error) => {
      await screenshot(page, 'grading-failed');
      throw new Error(`${e.message}; page ${await page.getAttribute('.app', 'data-page')}, errors ${errors.join('; ')}`);
    });
    // the charge day alone: refused, naming what is missing
    await page.setInputFiles('input[data-input="campaign"]', CAMPAIGN_FILES.slice(0, 3));
    await page.waitForSelector('[data-view="grading"][data-grading-state="failed"]', { timeout: 60_000 });
    assert.match((await page.textContent('[data-note="grading-error"]')) ?? '', /无法完成分选: campaign: 0 rest days found/);
    await page.setInputFiles('input[data-input="campaign"]', CAMPAIGN_FILES);
    await page.waitForSelector('[data-view="grading"][data-grading-state="done"]', { timeout: 120_000 });
    const rejected = graded.cells.filter((c) => c.rejected).map((c) => c.features.cell);
    for (const lang of ['zh', 'en'] as const) {
      if (lang === 'en') await setLang(page, 'en');
      await page.waitForSelector('[data-chart="grading-dv"][data-ready="true"]', { timeout: 60_000 });
      assert.equal(await kpi(page, 'cells'), formatNumber(graded.cells.length, lang, 0));
      assert.equal(await kpi(page, 'rejected'), formatNumber(rejected.length, lang, 0));
      assert.equal(await kpi(page, 'groups'), formatNumber(graded.groups.length, lang, 0));
      for (const g of GRADES) assert.equal(await kpi(page, `yield-${g}`), formatNumber(graded.yields[g].count, lang, 0));
      const rows = await page.locator('[data-table="rejected"] tbody tr').evaluateAll((els: { getAttribute(n: string): string | null }[]) => els.map((e) => e.getAttribute('data-row')));
      assert.deepEqual(rows, rejected);
      assert.equal(await page.locator('[data-table="groups"]').getAttribute('data-rows'), String(graded.groups.length));
      const charts = await chartsOnPage(page);
      assert.equal(charts.find((c) => c.name === 'grading-dv')!.lengths.length, graded.cells.length);
      assert.deepEqual(charts.find((c) => c.name === 'grading-yields')!.lengths, [3]);
      const title = (await page.textContent('[data-view="grading"] h2')) ?? '';
      assert.equal(title, lang === 'zh' ? '退役电芯梯次利用分选' : 'Second-life grading of retired cells');
      await screenshot(page, `grading-${lang}`);
    }
    assert.deepEqual(errors, []);
    await page.context().close();
  });
});
