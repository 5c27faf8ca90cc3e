import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { evaluate, parseProjectText, resultsJson } from '../../../src/project/index.js';
import { previewPrices, runDocument, validateDocument } from './library.js';

const example = (id: string) => readFileSync(new URL(`../../../examples/luoyang/${id}.yaml`, import.meta.url), 'utf8');

function prices(badRow?: number): string {
  const lines = ['time,price'];
  for (let h = 0; h < 8760; h++) {
    const t = new Date(Date.UTC(2025, 0, 1) + h * 3_600_000).toISOString().slice(0, 19);
    lines.push(`${t}+08:00,${lines.length + 1 === badRow ? 'n/a' : 300 + (h % 24) * 10}`);
  }
  return lines.join('\n');
}

test('a price file is read for its preview: every step, its range and mean, in money per joule', () => {
  const r = previewPrices(prices(), 'Asia/Shanghai');
  assert.ok(r.ok);
  assert.equal(r.preview.steps, 8760);
  assert.equal(r.preview.price.length, 8760);
  assert.ok(Math.abs(r.preview.min * 3.6e9 - 300) < 1e-9 && Math.abs(r.preview.max * 3.6e9 - 530) < 1e-9);
});

test('a price file with a bad row is refused naming the row and column, framed in Chinese when asked', () => {
  const en = previewPrices(prices(57), 'Asia/Shanghai', 'en');
  assert.ok(!en.ok);
  assert.equal(en.issues[0].row, 57);
  assert.equal(en.issues[0].field, 'market.prices');
  assert.match(en.issues[0].message, /row 57, column "price"/);
  const zh = previewPrices(prices(57), 'Asia/Shanghai', 'zh');
  assert.ok(!zh.ok);
  assert.match(zh.issues[0].message, /^第 57 行，“price”列：/);
});

test('a bad discount rate is an issue at its field path, in English and in Chinese', () => {
  const project = parse(example('li-ion')) as { plants: { finance: Record<string, unknown> }[] };
  project.plants[0].finance.discountRate = 'six percent';
  for (const lang of ['en', 'zh'] as const) {
    const v = validateDocument(project, {}, lang);
    assert.ok(!v.ok);
    const issue = v.issues.find((i) => i.field === 'plants[0].finance.discountRate');
    assert.ok(issue, JSON.stringify(v.issues));
    assert.match(issue.message, lang === 'zh' ? /[\u4e00-\u9fff]/ : /discount/i);
  }
});

test('a project naming a price file that was not given with it is an issue at market.prices', () => {
  const project = parse(example('li-ion')) as { market: Record<string, unknown> };
  delete project.market.tariff;
  project.market.prices = 'prices.csv';
  const missing = validateDocument(project, {}, 'en');
  assert.ok(!missing.ok);
  assert.equal(missing.issues[0].field, 'market.prices');
  assert.deepEqual(validateDocument(project, { 'prices.csv': prices() }, 'en'), { ok: true });
  const bad = validateDocument(project, { 'prices.csv': prices(9) }, 'zh');
  assert.ok(!bad.ok);
  assert.equal(bad.issues[0].row, 9);
});

test('a run posts each plant with its hourly schedule as soon as it is done, and its results are what results.json holds', async () => {
  const text = example('li-ion');
  const plants: { index: number; name: string; steps: number }[] = [];
  const progress: number[] = [];
  const results = await runDocument(parse(text), {}, {
    onProgress: (p) => progress.push(p.progress),
    onPlant: (index, plant, schedule) => plants.push({ index, name: plant.name, steps: schedule.charge.length }),
  });
  assert.deepEqual(plants, [{ index: 0, name: 'Li-ion (LFP)', steps: 8760 }]);
  assert.deepEqual(progress, [...progress].sort((a, b) => a - b));
  const node = JSON.parse(JSON.stringify(resultsJson(await evaluate(parseProjectText(text).spec)))) as typeof results;
  // the same evaluation: every figure but the wall-clock times
  const strip = (r: typeof results) => JSON.parse(JSON.stringify(r, (k, v) => (k === 'seconds' || k === 'solveSeconds' ? undefined : v))) as unknown;
  assert.deepEqual(strip(results), strip(node));
});
