/**
 * The workbook ("send to Excel"): the KPIs of every plant with its verdict, and per plant its yearly cash flow (the
 * columns of the cash-flow CSV, in display units: money in 万元 in Chinese and M CNY in English, energy in MWh),
 * its hourly schedule (MW, MWh, price per MWh, SOC in %), and, when the run has them, the Chinese method's
 * indicators and statements. Numbers stay numbers (with a number format), units are named in the headers, header
 * rows are frozen.
 */
import ExcelJS from 'exceljs';
import { CASH_FLOW_COLUMNS } from '../../project/index.js';
import { compareTable } from '../charts/index.js';
import { cumulativeAfterTax } from '../charts/cashflow.js';
import { MW, MWH, moneyUnit, priceUnit } from '../display.js';
import type { ReportInput } from '../figures.js';
import { BATTERY_KPIS, KPIS } from '../kpis.js';
import { CASH_FLOW_NAMES, label, type Lang } from '../labels.js';
import type { ResultsPlant, ScheduleData } from '../results.js';
import { cnIndicatorRows, cnStatementTable } from '../tables.js';

/** Sheet names; per-plant sheets carry the plant's number (1, 2, …) after the name. */
export const XLSX_SHEETS = {
  kpis: { en: 'KPIs', zh: '主要指标' },
  cashFlow: { en: 'Cash flow', zh: '现金流量' },
  schedule: { en: 'Schedule', zh: '逐时运行' },
  statements: { en: 'CN statements', zh: '财务报表' },
} as const;

/** The sheet of plant `index` (0-based) of a kind. */
export function sheetName(kind: keyof typeof XLSX_SHEETS, lang: Lang, index?: number): string {
  return index === undefined ? XLSX_SHEETS[kind][lang] : `${XLSX_SHEETS[kind][lang]} ${index + 1}`;
}

/** Rows above the data of a per-plant sheet: a title row (plant name) and the header row. */
export const XLSX_HEADER_ROWS = 2;

const FORMATS = {
  moneyZh: '#,##0.00',
  moneyEn: '#,##0.000',
  energy: '#,##0.0',
  power: '0.000',
  price: '0.00',
  percent: '0.0',
  ratio: '0.00',
  integer: '0',
  time: 'yyyy-mm-dd hh:mm',
} as const;

export async function xlsxReport(input: ReportInput, lang: Lang): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Chuneng';
  wb.title = `${label('report', lang)} — ${input.results.name}`;
  kpiSheet(wb, input, lang);
  input.results.plants.forEach((p, i) => {
    cashFlowSheet(wb, p, i, lang);
    const s = input.schedules[i];
    if (s) scheduleSheet(wb, p, s, i, lang);
    if (p.finance.cn) statementsSheet(wb, p, i, lang);
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function titled(ws: ExcelJS.Worksheet, title: string, header: string[], widths: number[]): void {
  ws.getRow(1).values = [title];
  ws.getRow(1).font = { bold: true, size: 12 };
  const h = ws.getRow(2);
  h.values = header;
  h.font = { bold: true };
  h.alignment = { wrapText: true, vertical: 'top' };
  ws.columns = widths.map((width) => ({ width }));
  ws.views = [{ state: 'frozen', xSplit: 1, ySplit: XLSX_HEADER_ROWS }];
}

function kpiSheet(wb: ExcelJS.Workbook, input: ReportInput, lang: Lang): void {
  const ws = wb.addWorksheet(sheetName('kpis', lang));
  const t = compareTable(input.results, lang);
  titled(ws, `${input.results.name} — ${input.results.site.name}`, [label('indicator', lang), label('unit', lang), ...t.columns.map((c) => c.name)], [34, 12, ...t.columns.map(() => 22)]);
  t.rows.forEach((r) => {
    const kind = [...KPIS, ...BATTERY_KPIS].find((x) => x.key === r.key)!.kind;
    const row = ws.addRow([r.label, r.unit, ...r.values.map((v) => (v === null ? null : v))]);
    const fmt = kind === 'money' ? (lang === 'zh' ? FORMATS.moneyZh : FORMATS.moneyEn) : kind === 'energy' ? FORMATS.energy : kind === 'power' ? FORMATS.power : kind === 'fraction' ? FORMATS.percent : FORMATS.ratio;
    for (let j = 3; j < 3 + t.columns.length; j++) row.getCell(j).numFmt = fmt;
  });
  const v = ws.addRow([label('verdict', lang), '', ...t.verdicts]);
  v.alignment = { wrapText: true, vertical: 'top' };
}

/** The cash-flow CSV's columns (src/project/output.ts cashFlowCsv) in display units, so the sheet and the CSV agree. */
function cashFlowSheet(wb: ExcelJS.Workbook, p: ResultsPlant, i: number, lang: Lang): void {
  const ws = wb.addWorksheet(sheetName('cashFlow', lang, i));
  const c = p.finance.cashFlow;
  const { unit, factor } = moneyUnit(lang, p.finance.currency);
  const name = (k: keyof typeof CASH_FLOW_NAMES, u?: string) => `${CASH_FLOW_NAMES[k][lang]}${u ? ` (${u})` : ''}`;
  const header = [
    name('year'),
    name('operatingYear'),
    ...CASH_FLOW_COLUMNS.map((k) => name(k, k === 'energyDischarged' ? 'MWh' : unit)),
    name('cumulativeAfterTax', unit),
    name('dscr', '–'),
  ];
  titled(ws, `${p.name} — ${label('cashFlow', lang)}`, header, header.map((_, j) => (j < 2 ? 8 : 14)));
  const cumulative = cumulativeAfterTax(c);
  for (let t = 0; t < c.year.length; t++) {
    ws.addRow([
      c.year[t],
      c.operatingYear[t],
      ...CASH_FLOW_COLUMNS.map((k) => (k === 'energyDischarged' ? c[k][t] / MWH : c[k][t] / factor)),
      cumulative[t] / factor,
      c.dscr[t] ?? null,
    ]);
  }
  const money = lang === 'zh' ? FORMATS.moneyZh : FORMATS.moneyEn;
  ws.columns.forEach((col, j) => {
    col.numFmt = j < 2 ? FORMATS.integer : j === 2 ? FORMATS.energy : j === header.length - 1 ? FORMATS.ratio : money;
  });
}

function scheduleSheet(wb: ExcelJS.Workbook, p: ResultsPlant, s: ScheduleData, i: number, lang: Lang): void {
  const ws = wb.addWorksheet(sheetName('schedule', lang, i));
  const plant = Boolean(s.plantCharge && s.plantDischarge);
  const header = [
    `${label('time', lang)} (UTC${s.utcOffsetMinutes >= 0 ? '+' : '−'}${Math.abs(s.utcOffsetMinutes / 60)})`,
    `${label('price', lang)} (${priceUnit(lang, p.finance.currency)})`,
    `${label('charge', lang)} (MW)`,
    `${label('discharge', lang)} (MW)`,
    `${label('storedEnergy', lang)} (MWh)`,
    `${label('soc', lang)} (%)`,
    ...(plant ? [`${label('plantCharge', lang)} (MW)`, `${label('plantDischarge', lang)} (MW)`] : []),
  ];
  titled(ws, `${p.name} — ${label('schedule', lang)}`, header, [18, 14, 12, 12, 14, 10, ...(plant ? [16, 16] : [])]);
  const rows: (Date | number)[][] = [];
  for (let k = 0; k < s.charge.length; k++) {
    // Excel has no time zones: the site's wall-clock time is written as is
    const wall = new Date(s.startMs + k * s.stepSeconds * 1000 + s.utcOffsetMinutes * 60_000);
    rows.push([
      wall,
      s.price[k] * MWH,
      s.charge[k] / MW,
      s.discharge[k] / MW,
      s.energy[k] / MWH,
      (100 * s.energy[k]) / s.energyCapacity,
      ...(plant ? [s.plantCharge![k] / MW, s.plantDischarge![k] / MW] : []),
    ]);
  }
  ws.addRows(rows);
  const formats = [FORMATS.time, FORMATS.price, FORMATS.power, FORMATS.power, FORMATS.energy, FORMATS.percent, FORMATS.power, FORMATS.power];
  ws.columns.forEach((col, j) => {
    col.numFmt = formats[j];
  });
}

function statementsSheet(wb: ExcelJS.Workbook, p: ResultsPlant, i: number, lang: Lang): void {
  const cn = p.finance.cn!;
  const ws = wb.addWorksheet(sheetName('statements', lang, i));
  const years = cn.statements[0]?.years ?? [];
  titled(ws, `${p.name} — ${label('chineseMethod', lang)}`, [label('indicator', lang), label('value', lang), label('benchmark', lang), label('passes', lang)], [40, 12, ...years.map(() => 12)]);
  ws.views = [{ state: 'frozen', xSplit: 1, ySplit: XLSX_HEADER_ROWS }];
  for (const r of cnIndicatorRows(cn, lang, p.finance.currency)) ws.addRow([r.name, r.value, r.benchmark, r.passes]);
  const money = lang === 'zh' ? FORMATS.moneyZh : FORMATS.moneyEn;
  for (const s of cn.statements) {
    const t = cnStatementTable(s, lang, p.finance.currency);
    ws.addRow([]);
    ws.addRow([t.name]).font = { bold: true };
    ws.addRow([label('indicator', lang), label('unit', lang), ...t.years.map((y) => `t = ${y}`)]).font = { bold: true };
    for (const r of t.rows) {
      const row = ws.addRow([`${r.code} ${r.name}`, r.unit, ...r.values]);
      const fmt = r.unit === '%' ? FORMATS.percent : r.unit === '–' ? FORMATS.ratio : money;
      for (let j = 3; j < 3 + r.values.length; j++) row.getCell(j).numFmt = fmt;
    }
  }
}
