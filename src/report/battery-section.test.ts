import { test } from 'node:test';
import assert from 'node:assert/strict';
import { batteryPages, batteryRows, capacityAfter } from './battery-section.js';
import { batteryData, recyclingData } from './charts/battery-testing.js';
import { recyclingRows } from './recycling-section.js';
import { htmlReport } from './node/html.js';
import { renderChartSvg } from './node/svg.js';
import { batteryCharts } from './battery-section.js';
import type { ResultsData } from './results.js';

const detail = batteryData;

const parts = {
  page: (kind: string, body: string) => `<section data-page="${kind}">${body}</section>`,
  chart: (c: { id: string }, i: number) => `<figure data-chart="${c.id}" data-plant="${i}"></figure>`,
  esc: (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;'),
};

test('the capacity after 10 years is the fleet’s at the end of the tenth operating year', () => {
  const d = detail();
  assert.equal(capacityAfter(d, 10), d.years[9].capacityEnd);
  assert.ok(Math.abs(capacityAfter(d, 10)! - 0.95) < 1e-12);
  assert.equal(capacityAfter(d, 11), null);
});

test('the battery pages show the layout, the life model, the capacity after 10 years, every replacement and the end-of-life value', () => {
  const d = detail();
  const html = batteryPages('Li-ion', d, 2, 'en', 'CNY', parts).join('\n');
  for (const id of ['battery-life', 'battery-years', 'battery-round-trips']) assert.match(html, new RegExp(`data-chart="${id}" data-plant="2"`));
  assert.match(html, /200 racks × 416 cells/);
  assert.match(html, /lfp-250ah/);
  assert.match(html, /Capacity after 10 years<\/th><td>95\.0 %/);
  // augmentation at the start of operating year 5 (year index 4), replacement at the start of year 9
  assert.match(html, /<th>5<\/th><td class="num">Augmentation<\/td><td class="num">8<\/td><td class="num">9\.6 MWh/);
  assert.match(html, /<th>9<\/th><td class="num">Replacement<\/td><td class="num">200<\/td>/);
  // 180 MWh at 200 yuan/kWh = 36 M CNY
  assert.match(html, /End-of-life value<\/th><td>36\.00 M CNY \(200 CNY\/kWh\)/);
  assert.equal(batteryPages('Li-ion', undefined, 0, 'en', 'CNY', parts).length, 0);
  const zh = batteryRows(d, 'zh', 'CNY');
  assert.ok(zh.every(([k]) => /[\u4e00-\u9fff]/.test(k)), zh.map(([k]) => k).join());
  assert.equal(zh.find(([k]) => k === '退役残值')![1], '3600 万元 (200 元/kWh)');
});

test('the battery charts render to SVG in Chinese with their titles and units', () => {
  for (const c of batteryCharts(detail(), 'zh')) {
    const svg = renderChartSvg(c.option, c.width, c.height);
    assert.match(svg, /<svg/);
    assert.match(svg, /[\u4e00-\u9fff]/, c.id);
    assert.match(svg, /\(%\)/, c.id);
  }
});

test('a recycling-plant project’s report has its key figures, mass balance, routes, statement and cash flow, and no plant comparison', () => {
  const r = recyclingData();
  const results = { name: 'Luoyang recycling plant', site: { name: 'Luoyang' }, prices: { startMs: 0, stepSeconds: 3600, steps: 0, mean: 0, min: 0, max: 0 }, plants: [], conventions: [], seconds: 0, recycling: [r] } as unknown as ResultsData;
  for (const lang of ['en', 'zh'] as const) {
    const html = htmlReport({ results, schedules: [] }, lang, { date: new Date('2026-12-07') });
    assert.doesNotMatch(html, /data-page="comparison"/);
    for (const p of ['recycling', 'recycling-routes', 'recycling-statement', 'recycling-cashflow']) assert.match(html, new RegExp(`data-page="${p}"`));
    for (const c of ['recycling-mass-balance', 'recycling-routes-mass', 'recycling-routes-energy', 'recycling-cashflow']) assert.match(html, new RegExp(`data-chart="${c}"`));
    assert.match(html, /<table class="grid cashflow">/);
  }
  const rows = recyclingRows(r, 'en');
  const npv = rows.find(([k]) => k === 'Project NPV after tax')![1];
  assert.equal(npv, `${(r.finance!.npvProjectAfterTax / 1e6).toFixed(2)} M CNY (8.0 %)`);
  // the example's NPV of 96.7 M yuan at 8 % (examples/recycling/luoyang-recycling.yaml), its break-even gate fee the net value per t with the sign turned
  assert.equal(npv, '96.66 M CNY (8.0 %)');
  assert.ok(Math.abs(r.result.breakEvenGateFee + r.result.netValuePerMass) < 1e-9);
  const fee = rows.find(([k]) => k === 'Break-even gate fee')![1];
  assert.equal(fee, `${(r.result.breakEvenGateFee * 1000).toLocaleString('en-GB', { maximumFractionDigits: 0 })} CNY/t (negative: the recycler can pay for the batteries)`);
});
