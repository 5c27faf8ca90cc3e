/**
 * A study started from the Studies page of the served app (the real server on 127.0.0.1, a fresh database): a
 * Monte Carlo over the money of a battery given by its performance (seconds), followed until it is done; the
 * outputs' P10/P50/P90 and P(NPV > 0) shown equal the library's own analysis of the same study computed case by case
 * in this process; the plots drawn with data; the cases' table and the CSV complete; the page in English and Chinese.
 * The offline app says studies need the server. Screenshots go to out/screenshots/.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import type { Browser, Page } from 'playwright-core';
import { analyseStudy } from '../../src/project/study/analysis.js';
import { evaluateCase, type CaseResult } from '../../src/project/study/case.js';
import { studyInput } from '../../src/project/study/files-node.js';
import { caseValues, planStudy } from '../../src/project/study/plan.js';
import { casesCsv } from '../../src/project/study/results.js';
import { parseStudyText } from '../../src/project/study/spec.js';
import { formatPercent } from '../../src/report/display.js';
import { studyNumber } from '../../src/report/study-section.js';
import { studyContext } from '../../src/server/study-executor.js';
import { BATTERY_PROJECT } from '../../src/server/study-testing.js';
import { chartsOnPage, launchBrowser, newPage, openApp, screenshot, startServer, startStaticServer } from './harness.js';

const STUDY = `name: battery money
project: study test battery
parameters:
  - name: unit cost
    path: plants[0].finance.capex.items[0].unitCost
    unit: yuan/kWh
    distribution: { kind: normal, mean: 700, sd: 250 }
  - name: discount rate
    path: plants[0].finance.discountRate
    unit: "%"
    range: [4, 10]
design: { kind: monte-carlo, samples: 12, seed: 3, threshold: { NPV: 0 } }
outputs:
  NPV: { path: "plants[0].npv", unit: 万元 }
  LCOS: { path: "plants[0].lcos", unit: yuan/MWh }
`;

/** The library's analysis of the study, every case computed here one after another. */
async function libraryAnalysis() {
  const spec = parseStudyText(STUDY);
  const context = studyContext(studyInput(parseYaml(STUDY), parseYaml(BATTERY_PROJECT), {}));
  const plan = planStudy(spec);
  const cases: CaseResult[] = [];
  for (const [index, row] of plan.rows.entries()) cases.push(await evaluateCase(context, { index, values: caseValues(spec, row, index) }));
  return { spec, cases, analysis: analyseStudy(spec, plan, cases) };
}

/** The outputs table as shown: output name → its cells. */
async function outputsShown(page: Page): Promise<Record<string, string[]>> {
  const rows = await page.$$eval('[data-table="study-outputs"] tbody tr', (trs) => trs.map((tr) => [...tr.querySelectorAll('th,td')].map((c) => (c.textContent ?? '').trim())));
  return Object.fromEntries(rows.map((r) => [r[0], r.slice(1)]));
}

describe('a study from the Studies page of the served app', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let browser: Browser;
  let page: Page;
  let errors: string[];
  let reference: Awaited<ReturnType<typeof libraryAnalysis>>;

  before(async () => {
    [server, browser, reference] = await Promise.all([startServer(), launchBrowser(), libraryAnalysis()]);
    ({ page, errors } = await newPage(browser));
    const saved = await fetch(new URL('api/projects', server.url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ project: parseYaml(BATTERY_PROJECT) }) });
    assert.equal(saved.status, 201);
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('a Monte Carlo study is started on a stored project, followed to its end, and shows the library\'s P10/P50/P90 and P(NPV > 0)', async () => {
    assert.equal(await openApp(page, `${server.url}?lang=en`), 'http');
    await page.click('nav button[data-page="studies"]');
    await page.waitForSelector('[data-study-page="served"]');
    await page.waitForSelector('[data-field="study-project"] option:has-text("study test battery")', { state: 'attached' });
    const value = await page.$eval('[data-field="study-project"] option:nth-child(2)', (o) => (o as unknown as { value: string }).value);
    await page.selectOption('[data-field="study-project"]', value);
    await page.fill('[data-field="study-text"]', STUDY);
    await page.click('[data-action="start-study"]');
    // progress sampled as the page shows it, until the study is done
    const seen: string[] = [];
    const t0 = Date.now();
    let shotMidway = false;
    for (;;) {
      const counts = await page.getAttribute('[data-study-counts]', 'data-study-counts', { timeout: 30_000 }).catch(() => null);
      if (counts && seen.at(-1) !== counts) seen.push(counts);
      const status = await page.getAttribute('[data-study-status]', 'data-study-status');
      if (!shotMidway && status === 'running' && counts && !counts.startsWith('0,') && counts !== '12,0,12') {
        shotMidway = true;
        await screenshot(page, 'study-running-en', false);
      }
      if (status === 'done') break;
      assert.ok(Date.now() - t0 < 120_000, `the study did not finish in 120 s (status ${status}, counts ${counts})`);
      await page.waitForTimeout(100);
    }
    const finished = seen.map((c) => Number(c.split(',')[0]) + Number(c.split(',')[1]));
    assert.ok(finished.some((n) => n > 0 && n < 12), `progress seen while running: ${seen.join(' | ')}`);
    assert.deepEqual(finished, [...finished].sort((a, b) => a - b), 'progress never goes back');
    await page.waitForSelector('[data-table="study-cases"][data-rows="12"]', { timeout: 30_000 });
    assert.equal(await page.getAttribute('[data-study-counts]', 'data-study-counts'), '12,0,12');

    const shown = await outputsShown(page);
    reference.spec.outputs.forEach((o, k) => {
      const a = reference.analysis.outputs[k];
      const q = (p: number) => studyNumber(a.summary!.quantiles.find((x) => x.p === p)!.value, 'en');
      assert.deepEqual(shown[o.name].slice(1, 5), [q(0.1), q(0.5), q(0.9), studyNumber(a.summary!.mean, 'en')], `${o.name}: P10, P50, P90, mean`);
    });
    const npv = reference.analysis.outputs[0].exceedance!;
    assert.equal(shown.NPV[5], `${formatPercent(npv.probability, 'en')} (> 0)`, 'P(NPV > 0)');
    assert.ok(npv.probability > 0 && npv.probability < 1, `the draws straddle NPV = 0 (P = ${npv.probability}), so the check can fail`);

    await page.waitForSelector('[data-chart="study-histogram-0"][data-ready="true"]', { timeout: 30_000 });
    await page.waitForSelector('[data-chart="study-scatter-matrix"][data-ready="true"]', { timeout: 30_000 });
    const charts = Object.fromEntries((await chartsOnPage(page)).map((c) => [c.name, c.lengths]));
    assert.equal(charts['study-histogram-0'].length, 1);
    assert.ok(charts['study-histogram-0'][0] >= 10, 'the histogram has its bins');
    assert.deepEqual(charts['study-scatter-matrix'], [12, 12, 12, 12], 'each output against each parameter, every case');
    assert.deepEqual(errors, []);
    await screenshot(page, 'study-done-en');
  });

  test('the CSV download holds every case as the library writes it', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-link="study-csv"]')]);
    const text = readFileSync((await download.path())!, 'utf8');
    assert.equal(text, casesCsv(reference.spec, reference.cases));
  });

  test('in Chinese the page keeps the study and shows its numbers in Chinese', async () => {
    await page.click('.lang-switch button[data-lang="zh"]');
    await page.waitForSelector('[data-study-status="done"]');
    assert.match((await page.textContent('[data-study-status]')) ?? '', /已完成/);
    assert.match((await page.textContent('[data-study-counts]')) ?? '', /12 个算例中已完成 12 个/);
    assert.match((await page.textContent('[data-card="study-summary"] h3')) ?? '', /输出/);
    const shown = await outputsShown(page);
    const a = reference.analysis.outputs[0];
    assert.equal(shown.NPV[2], studyNumber(a.summary!.quantiles[1].value, 'zh'), 'P50 of NPV in Chinese digits');
    await page.waitForSelector('[data-chart="study-histogram-0"][data-ready="true"]');
    await screenshot(page, 'study-done-zh');
    assert.deepEqual(errors, []);
  });
});

describe('the short form of a study\'s design', () => {
  test('rewrites the study file\'s design and counts its cases', async () => {
    const [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    try {
      const { page } = await newPage(browser);
      await openApp(page, `${server.url}?lang=en`);
      await page.click('nav button[data-page="studies"]');
      await page.fill('[data-field="study-text"]', STUDY);
      assert.equal(await page.getAttribute('[data-case-count]', 'data-case-count'), '12');
      await page.selectOption('[data-field="design.kind"]', 'saltelli');
      assert.equal(await page.getAttribute('[data-case-count]', 'data-case-count'), '48', 'Saltelli: N (d + 2) = 12 × 4');
      const text = await page.inputValue('[data-field="study-text"]');
      assert.match(text, /design: \{ kind: saltelli, samples: 12, seed: 3 \}/);
      assert.match(text, /path: plants\[0\]\.finance\.discountRate/, 'the rest of the file as written');
      await page.fill('[data-field="design.samples"]', '64');
      assert.equal(await page.getAttribute('[data-case-count]', 'data-case-count'), '256');
      await screenshot(page, 'study-design-form-en', false);
    } finally {
      await browser.close();
      await server.stop();
    }
  });
});

describe('the Studies page of the offline app', () => {
  test('says that studies need the server', async () => {
    const [server, browser] = await Promise.all([startStaticServer(), launchBrowser()]);
    try {
      const { page } = await newPage(browser);
      assert.equal(await openApp(page, `${server.url}?lang=en`), 'worker');
      await page.click('nav button[data-page="studies"]');
      await page.waitForSelector('[data-note="study-needs-server"]');
      assert.match((await page.textContent('[data-note="study-needs-server"]')) ?? '', /chuneng serve/);
      await screenshot(page, 'study-offline-en', false);
    } finally {
      await browser.close();
      await server.stop();
    }
  });
});
