import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { Command } from 'commander';
import ExcelJS from 'exceljs';
import { cashFlowCsv } from '../../project/index.js';
import { writeResults } from '../../project/node.js';
import { registerReportCommand } from '../../cli/commands/report.js';
import { cashFlowChart } from '../charts/index.js';
import { plantCharts } from '../figures.js';
import { scheduleData } from '../results.js';
import { resultsJson } from '../../project/index.js';
import { htmlReport } from './html.js';
import { pdfReport, ChromiumMissingError, chromiumPath } from './pdf.js';
import { readResultsFolder } from './read.js';
import { renderChartSvg } from './svg.js';
import { sheetName, xlsxReport, XLSX_HEADER_ROWS } from './xlsx.js';
import { luoyang } from './testing.js';

/** A results folder of the Luoyang example, written as `evaluate --out` writes it. */
const folder = (async () => {
  const e = await luoyang();
  const dir = mkdtempSync(join(tmpdir(), 'chuneng-report-'));
  writeResults(e, join(dir, 'out'));
  return join(dir, 'out');
})();

/** Where the test leaves the PDF's first pages as PNG, to be looked at. */
const SHOTS = join(tmpdir(), 'chuneng-report-shots');

test('a chart rendered to SVG on the server carries its Chinese labels and units', async () => {
  const e = await luoyang();
  const svg = renderChartSvg(cashFlowChart(resultsJson(e).plants[0], 'zh'), 900, 480);
  assert.match(svg, /^<svg[^>]+width="900" height="480"/);
  for (const text of ['现金流 — gas-liquid CO2', '累计税后现金流', '现金流 (万元)', '偿债覆盖率 (DSCR)', '年份 (0 = 开工年)']) assert.ok(svg.includes(text), text);
  // one bar per year of each of the eight cash rows: 34 years
  assert.ok((svg.match(/<path d="M[^"]*Z" [^>]*fill="#38a169"/g) ?? []).length >= 30);
});

test('a results folder reads back: results.json whole, the schedules from the CSVs to their eight digits', async () => {
  const e = await luoyang();
  const dir = await folder;
  const f = readResultsFolder(dir);
  assert.equal(f.results.plants.length, e.plants.length);
  assert.equal(e.plants.length, 4);
  assert.equal(f.results.plants[0].finance.npvProjectAfterTax, e.plants[0].finance.npvProjectAfterTax);
  for (const [i, p] of e.plants.entries()) {
    const want = scheduleData(p);
    const got = f.schedules[i];
    assert.equal(got.charge.length, 8760);
    assert.equal(got.startMs, want.startMs);
    assert.equal(got.stepSeconds, 3600);
    assert.equal(got.utcOffsetMinutes, 480);
    for (const k of [0, 17, 4000, 8759]) {
      for (const key of ['price', 'charge', 'discharge', 'energy'] as const) {
        const a = got[key][k];
        const b = want[key][k];
        assert.ok(Math.abs(a - b) <= 1e-7 * Math.abs(b) + 1e-9 * want.energyCapacity, `${p.name} ${key}[${k}]: ${a} vs ${b}`);
      }
    }
    assert.equal(Boolean(got.plantCharge), Boolean(p.replay));
  }
  assert.equal(f.cashFlows[0].header[0], 'year');
  assert.equal(f.cashFlows[0].rows.length, e.plants[0].finance.cashFlow.year.length);
});

test('a folder without its manifest, or with a file changed after the run, is refused', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'chuneng-report-bad-'));
  try {
    writeFileSync(join(dir, 'results.json'), '{}');
    assert.throws(() => readResultsFolder(dir), /incomplete results folder \(no manifest\.json/);
    const good = await folder;
    const copy = join(dir, 'copy');
    spawnSync('cp', ['-r', good, copy]);
    writeFileSync(join(copy, 'summary.txt'), 'edited');
    assert.throws(() => readResultsFolder(copy), /summary\.txt was changed after the run wrote it/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the HTML report is one self-contained file with every chart of every plant, in Chinese', async () => {
  const f = readResultsFolder(await folder);
  const html = htmlReport(f, 'zh', { date: new Date('2026-12-07T00:00:00Z') });
  // no request leaves the file: no external src/href, no scripts, no CSS urls
  assert.ok(!/(src|href)\s*=\s*["']?(https?:)?\/\//i.test(html), 'an external src or href');
  // ECharts' SVG refers to its own clip paths as url(#…); anything else would be a request
  assert.ok(!/<script|<link|<img|<image|url\((?!#)/i.test(html), 'a script, link, image or external url()');
  f.results.plants.forEach((p, i) => {
    const c = plantCharts(p, f.schedules[i], 'zh');
    const ids = [...c.physics, ...c.operation, ...c.money, ...c.risk].map((x) => x.id);
    const found = [...html.matchAll(new RegExp(`<figure class="chart" data-chart="(\\w+)" data-plant="${i}"><svg`, 'g'))].map((m) => m[1]);
    assert.deepEqual(found, ids, p.name);
  });
  // template plants show their physics, the battery does not; the battery has its tornado and Monte Carlo
  assert.equal((html.match(/data-chart="ph"/g) ?? []).length, 3);
  assert.equal((html.match(/data-chart="tornado"/g) ?? []).length, 1);
  assert.equal((html.match(/data-chart="montecarlo"/g) ?? []).length, 1);
  for (const text of ['储能项目评价报告', '方案比较', '总投资', '净现值', '内部收益率', '投资回收期', '最小偿债覆盖率', '度电成本', '万元', '亿元', '压焓图', '温熵图', '项目投资现金流量表', '借款还本付息计划表', '计算约定', '2026-12-07']) {
    assert.ok(html.includes(text), text);
  }
  // the verdicts come from the numbers
  assert.match(html, /adiabatic CAES<\/b>: 按 6% 折现率净现值为负 \(-1\.15 亿元\)/);
});

test('the workbook’s cash-flow sheet holds the numbers of the cash-flow CSV, in 万元 in Chinese and M CNY in English', async () => {
  const e = await luoyang();
  const f = readResultsFolder(await folder);
  for (const [lang, factor] of [['zh', 1e4], ['en', 1e6]] as const) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await xlsxReport(f, lang)) as unknown as ArrayBuffer);
    assert.deepEqual(
      wb.worksheets.map((w) => w.name),
      [sheetName('kpis', lang), ...e.plants.map((_, i) => i).flatMap((i) => [sheetName('cashFlow', lang, i), sheetName('schedule', lang, i), sheetName('statements', lang, i)])],
    );
    for (const [i, p] of e.plants.entries()) {
      const ws = wb.getWorksheet(sheetName('cashFlow', lang, i))!;
      const view = ws.views[0] as { state: string; xSplit: number; ySplit: number };
      assert.deepEqual([view.state, view.xSplit, view.ySplit], ['frozen', 1, XLSX_HEADER_ROWS]);
      const csv = cashFlowCsv(p).trim().split('\n').map((l) => l.split(','));
      const header = (ws.getRow(XLSX_HEADER_ROWS).values as unknown[]).slice(1) as string[];
      assert.equal(header.length, csv[0].length);
      assert.match(header[3], lang === 'zh' ? /^营业收入 \(万元\)$/ : /^Revenue \(M CNY\)$/);
      assert.match(header[2], /\(MWh\)$/);
      assert.equal(ws.rowCount, XLSX_HEADER_ROWS + csv.length - 1);
      for (let r = 1; r < csv.length; r++) {
        const cells = (ws.getRow(XLSX_HEADER_ROWS + r).values as unknown[]).slice(1);
        csv[r].forEach((text, j) => {
          if (text === '') return assert.equal(cells[j] ?? null, null, `${p.name} row ${r} col ${csv[0][j]}`);
          const want = Number(text) / (j >= 3 && j < csv[0].length - 1 ? factor : 1);
          const got = cells[j] as number;
          // the CSV keeps ten significant digits
          assert.ok(Math.abs(got - want) <= 1e-9 * Math.abs(want) + 1e-12, `${p.name} ${lang} row ${r} ${csv[0][j]}: ${got} vs ${want}`);
        });
      }
      const money = ws.getRow(XLSX_HEADER_ROWS + 4).getCell(4);
      assert.equal(money.numFmt, lang === 'zh' ? '#,##0.00' : '#,##0.000');
    }
    const schedule = wb.getWorksheet(sheetName('schedule', lang, 0))!;
    assert.equal(schedule.rowCount, XLSX_HEADER_ROWS + 8760);
    assert.match(String((schedule.getRow(2).values as unknown[])[2]), /\((元|CNY)\/MWh\)$/);
  }
});

test('the PDF report prints every section on its own A4 page, with its charts', { timeout: 600_000 }, async (t) => {
  if (!existsSync(chromiumPath())) {
    await assert.rejects(pdfReport('<p>x</p>'), ChromiumMissingError);
    t.skip(`no Chromium at ${chromiumPath()} (apt-get install -y chromium fonts-wqy-microhei): only its clear error is checked`);
    return;
  }
  const f = readResultsFolder(await folder);
  const html = htmlReport(f, 'zh');
  const pdf = await pdfReport(html);
  assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
  const sections = (html.match(/<section class="page/g) ?? []).length;
  // print CSS starts every section on a new page and each fits on one: as many pages as sections
  assert.equal(pages, sections);
  assert.ok(sections > 40, `${sections} sections`);
  const pdfPath = join(SHOTS, 'report-zh.pdf');
  rmSync(SHOTS, { recursive: true, force: true });
  spawnSync('mkdir', ['-p', SHOTS]);
  writeFileSync(pdfPath, pdf);
  const render = spawnSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '8', pdfPath, join(SHOTS, 'page')]);
  if (render.error) return t.diagnostic('pdftoppm not installed (apt-get install poppler-utils): no page images');
  const pngs = readdirSync(SHOTS).filter((n) => n.endsWith('.png'));
  assert.equal(pngs.length, 8);
  for (const n of pngs) assert.equal(readFileSync(join(SHOTS, n)).subarray(1, 4).toString('latin1'), 'PNG');
  t.diagnostic(`page images in ${SHOTS}`);
});

test('`chuneng report DIR --format html` writes DIR/report.html atomically and refuses an unknown language', async () => {
  const dir = await folder;
  const said: string[] = [];
  const program = new Command().exitOverride();
  registerReportCommand(program, { out: (s) => said.push(s) });
  await program.parseAsync(['node', 'chuneng', 'report', dir, '--lang', 'en', '--format', 'html']);
  const path = join(dir, 'report.html');
  assert.match(said[0], new RegExp(`^wrote ${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(\\d+ bytes\\)`));
  assert.match(readFileSync(path, 'utf8'), /<h1>Storage project evaluation<\/h1>/);
  // nothing half-written is left beside it
  assert.deepEqual(readdirSync(dir).filter((n) => n.includes('.tmp-')), []);
  await assert.rejects(program.parseAsync(['node', 'chuneng', 'report', dir, '--lang', 'fr']), /--lang: "fr" is not a report language; use one of en, zh/);
  await assert.rejects(program.parseAsync(['node', 'chuneng', 'report', dir, '--format', 'docx']), /--format: "docx" is not a report format; use one of html, pdf, xlsx/);
});
