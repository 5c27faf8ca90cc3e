/**
 * The report's tables as plain data in display units (the HTML report, the workbook and the web app lay them out):
 * the yearly cash flow, the design-point figures, the Chinese method's indicators and statements, and the
 * conventions in the reader's language.
 */
import { CONVENTIONS } from '../project/index.js';
import { formatNumber, formatPercent, formatValue, moneyUnit, displayUnit, type DisplayKind } from './display.js';
import { channelName, figureName, label, type Lang } from './labels.js';
import type { CnEvaluation, CnStatement, ResultsPlant } from './results.js';
import { CASH_FLOW_BARS, cumulativeAfterTax } from './charts/cashflow.js';

export interface Table {
  readonly columns: readonly { readonly label: string; readonly unit: string }[];
  /** Cells in the columns' units (text for a label column). */
  readonly rows: readonly (readonly (number | string | null)[])[];
}

/** The yearly cash flow as the report shows it: the chart's rows, the after-tax cash flow, its running sum and the DSCR. */
export function cashFlowTable(plant: { readonly finance: Pick<ResultsPlant['finance'], 'currency' | 'cashFlow'> }, lang: Lang): Table {
  const c = plant.finance.cashFlow;
  const { unit, factor } = moneyUnit(lang, plant.finance.currency);
  const cumulative = cumulativeAfterTax(c);
  const money = (v: number) => v / factor;
  const columns = [
    { label: lang === 'zh' ? '年份' : 'Year', unit: '' },
    { label: lang === 'zh' ? '运营年' : 'Operating year', unit: '' },
    ...CASH_FLOW_BARS.map((b) => ({ label: label(b.key, lang), unit })),
    { label: lang === 'zh' ? '税后项目现金流' : 'Project cash flow after tax', unit },
    { label: label('cumulativeCashFlow', lang), unit },
    { label: 'DSCR', unit: '–' },
  ];
  const rows = c.year.map((year, t) => [
    year,
    c.operatingYear[t] || null,
    ...CASH_FLOW_BARS.map((b) => money(b.value(c, t))),
    money(c.projectCashFlowAfterTax[t]),
    money(cumulative[t]),
    c.dscr[t] ?? null,
  ]);
  return { columns, rows };
}

/** A figure's SI unit → the display unit and factor (temperatures shift to °C). */
const FIGURE_UNITS: Readonly<Record<string, { unit: string; scale: (v: number) => number }>> = {
  W: { unit: 'MW', scale: (v) => v / 1e6 },
  Pa: { unit: 'bar', scale: (v) => v / 1e5 },
  K: { unit: '°C', scale: (v) => v - 273.15 },
  J: { unit: 'MWh', scale: (v) => v / 3.6e9 },
  s: { unit: 'h', scale: (v) => v / 3600 },
  kg: { unit: 't', scale: (v) => v / 1e3 },
  'J/kg': { unit: 'kJ/kg', scale: (v) => v / 1e3 },
  m3: { unit: 'm³', scale: (v) => v },
  m2: { unit: 'm²', scale: (v) => v },
  '-': { unit: '–', scale: (v) => v },
};

export interface FigureRow {
  readonly key: string;
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  readonly text: string;
  readonly note?: string;
}

/**
 * The design ESTIMATE of a gas-liquid plant's liquid balance (`<store>.chargeMass` …: design flow × design duration,
 * gas-liquid/balance.ts): left out of the figures, the report shows the balance the periodic cycle measured instead.
 */
const ESTIMATE = ['chargeMass', 'dischargeMass', 'remnant', 'dischargeToChargeRatio'] as const;
const ESTIMATE_KEY = new RegExp(`^(.+)\\.(${ESTIMATE.join('|')})$`);

/** The design-point figures of a template plant in display units (the liquid balance's design estimate left out: balanceRows measures it). */
export function figureRows(plant: Pick<ResultsPlant, 'plantModel'>, lang: Lang): FigureRow[] {
  const figures = plant.plantModel?.figures ?? {};
  return Object.entries(figures)
    .filter(([key]) => !ESTIMATE_KEY.test(key))
    .map(([key, f]) => {
    const u = FIGURE_UNITS[f.unit] ?? { unit: f.unit, scale: (v: number) => v };
    const v = u.scale(f.value);
    const digits = Math.abs(v) >= 1000 ? 0 : Math.abs(v) >= 100 ? 1 : Math.abs(v) >= 10 ? 2 : 3;
      return { key, name: figureName(key, lang), value: v, unit: u.unit, text: `${formatNumber(v, lang, digits)} ${u.unit}`, ...(f.note ? { note: f.note } : {}) };
    });
}

/** One store part over the periodic design cycle, measured (src/plant/templates/balance.ts): display texts in the order of BALANCE_COLUMNS. */
export interface BalanceRow {
  readonly store: string;
  /** Display texts in the order of BALANCE_COLUMNS after the store's name. */
  readonly texts: readonly string[];
  /** Whether this store's limit ended the discharge (the store the discharge emptied). */
  readonly endedDischarge: boolean;
}

/** The columns of the stores' balance table, as label keys (the store's name first). */
export const BALANCE_COLUMNS = ['balanceStore', 'balanceFilledBy', 'balanceIn', 'balanceOut', 'balanceRatio', 'balanceLeft', 'balanceRestored', 'balanceStanding', 'balanceChange', 'balanceEnded'] as const;

/** The stores' balance as the periodic design cycle measured it, one row per store part (masses in t, a basin's heat in MWh). */
export function balanceRows(plant: Pick<ResultsPlant, 'plantModel'>, lang: Lang): BalanceRow[] {
  const b = plant.plantModel?.designCycle.storeBalance;
  if (!b) return [];
  const ended = new Map(b.stores.map((s) => [s.store, s]));
  const single = new Map<string, number>();
  for (const p of b.parts) single.set(p.store, (single.get(p.store) ?? 0) + 1);
  return b.parts.map((p) => {
    const q = (v: number) => (p.quantity === 'heat' ? `${formatNumber(v / 3.6e9, lang, Math.abs(v) >= 3.6e11 ? 0 : 2)} MWh` : `${formatNumber(v / 1e3, lang, Math.abs(v) >= 1e6 ? 0 : 1)} t`);
    const e = ended.get(p.store);
    const endedDischarge = e?.endedDischarge !== undefined;
    return {
      store: channelName(single.get(p.store) === 1 ? `${p.store}.x` : `${p.store}.${p.part}.x`, lang),
      texts: [
        label(p.filledBy === 'charge' ? 'balanceByCharge' : p.filledBy === 'discharge' ? 'balanceByDischarge' : 'balanceByNeither', lang),
        q(p.in),
        q(p.out),
        p.in > 0 ? formatNumber(p.ratio, lang, 4) : '—',
        q(p.remnant),
        q(p.restored),
        `${formatNumber(p.heatLost / 3.6e9, lang, 2)} MWh`,
        q(p.atEnd - p.atStart),
        endedDischarge ? label('balanceEndedDischarge', lang) : e?.endedCharge !== undefined ? label('balanceEndedCharge', lang) : '',
      ],
      endedDischarge,
    };
  });
}

/** The line under the balance table: which cycle it is, whether periodic, and how each phase ended. */
export function balanceCaption(plant: Pick<ResultsPlant, 'plantModel'>, lang: Lang): string {
  const b = plant.plantModel?.designCycle.storeBalance;
  if (!b) return '';
  const periodic = label(b.periodic ? 'balancePeriodic' : 'balanceNotPeriodic', lang);
  const stop = (s: string) => s || label('balanceNoStop', lang);
  return `${label('balanceCycle', lang)} ${b.cycle} (${periodic} ${b.tolerance.toExponential(0)}); ${label('chargeProcess', lang)}: ${stop(b.chargeStop)}; ${label('dischargeProcess', lang)}: ${stop(b.dischargeStop)}.`;
}

const CN_KIND: Readonly<Record<string, DisplayKind>> = { fraction: 'fraction', money: 'money', years: 'years', ratio: 'ratio' };

/** The Chinese method's indicators: name, value, benchmark and verdict as text in the reader's language. */
export function cnIndicatorRows(cn: CnEvaluation, lang: Lang, currency: string): { key: string; name: string; value: string; benchmark: string; passes: string; definition: string; source: string; note?: string }[] {
  return cn.indicators.map((i) => {
    const kind = CN_KIND[i.unit] ?? 'ratio';
    const fmt = (v: number | null | undefined) => (v === null || v === undefined ? '—' : kind === 'money' ? formatValue(v, 'money', lang, currency) : kind === 'fraction' ? formatPercent(v, lang, 2) : formatValue(v, kind, lang, currency));
    return {
      key: i.key,
      name: lang === 'zh' ? i.nameZh : i.nameEn,
      value: fmt(i.value),
      benchmark: fmt(i.benchmark),
      passes: i.passes === undefined || i.passes === null ? '—' : label(i.passes ? 'yes' : 'no', lang),
      definition: lang === 'zh' ? i.definitionZh : i.definitionEn,
      source: i.source,
      ...(i.note ? { note: i.note } : {}),
    };
  });
}

/** Statement rows that are not money (their values are shown as they are, or in %). */
const CN_RATIO_ROWS: Readonly<Record<string, 'ratio' | 'fraction'>> = { interestCover: 'ratio', debtServiceCover: 'ratio', liabilityToAssets: 'fraction' };

/** A statement in display units: money in the table unit (万元 in Chinese), ratios as they are, fractions in %. */
export function cnStatementTable(s: CnStatement, lang: Lang, currency: string): { name: string; years: readonly number[]; rows: { code: string; name: string; unit: string; values: (number | null)[] }[] } {
  const { unit, factor } = moneyUnit(lang, currency);
  return {
    name: lang === 'zh' ? s.nameZh : s.nameEn,
    years: s.years,
    rows: s.rows.map((r) => {
      const kind = CN_RATIO_ROWS[r.key];
      const scale = kind === 'fraction' ? 100 : kind === 'ratio' ? 1 : 1 / factor;
      return {
        code: r.code,
        name: lang === 'zh' ? r.nameZh : r.nameEn,
        unit: kind === 'fraction' ? '%' : kind === 'ratio' ? '–' : unit,
        values: r.values.map((v) => (v === null ? null : v * scale)),
      };
    }),
  };
}

/** The conventions of results.json in Chinese (by their English text, so a new convention shows in English rather than wrongly). */
const CONVENTIONS_ZH: Readonly<Record<string, string>> = {
  [CONVENTIONS[0]]: '以调度计算的一年代表每个运营年；电池的电量和收入按年衰减率递减。',
  [CONVENTIONS[1]]: '收入 = 按市场电价的峰谷套利 + 按放电功率计的容量补偿 + 辅助服务备用收入；充电成本 = Σ 电价 × 充电功率 × Δt。',
  [CONVENTIONS[2]]: '电池每 MWh 的衰减成本只用于引导调度；在现金流中，电池损耗体现为容量衰减和财务参数中的更换投资。',
  [CONVENTIONS[3]]: '热力学模板电站按厂址年平均气温设计；其效率、功率限值和部分负荷特性来自电站自身的设计循环和部分负荷特性图，调度计划再经其瞬态模型复核。',
  [CONVENTIONS[4]]: '模板电站的电量和收支按复核后的运行计划 (电站模型能够执行的部分) 计算，而非优化器本身的计划。',
  [CONVENTIONS[5]]: '度电成本 (Schmidt 等, 2019)：折现的建设投资、运维、充电和寿命期末费用除以折现的放电量，税前，按折现率计算。',
  [CONVENTIONS[6]]: '度电成本 (Lazard)：在含税收和债务的完整现金流模型中，使资本金税后内部收益率达到目标值 (默认为资本金折现率) 的每 MWh 放电恒定价格。',
};

/** The conventions in the reader's language, with the report's own (display units, time axis). */
export function reportConventions(conventions: readonly string[], lang: Lang, currency: string): string[] {
  const money = moneyUnit(lang, currency).unit;
  const own =
    lang === 'zh'
      ? [
          `金额单位：表格和图表为${money}，文字中大于 1 亿时用亿元；电价和度电成本为 ${displayUnit('pricePerEnergy', lang, currency)}；功率 MW，电量 MWh。`,
          '年份 t = 0 为开工年；运营年 n 的现金流计在 t = 建设期 + n；寿命期末的残值和拆除费用计在其后一年。',
          '时间为厂址当地时间；热图和周运行图按小时显示。',
        ]
      : [
          `Money in tables and charts in ${money}; prices and LCOS in ${displayUnit('pricePerEnergy', lang, currency)}; power in MW, energy in MWh.`,
          'Year t = 0 is the start of construction; operating year n falls at t = construction years + n; end-of-life salvage and decommissioning in the year after.',
          'Times are the site’s local time; the heat map and the week chart are hourly.',
        ];
  return [...conventions.map((c) => (lang === 'zh' ? (CONVENTIONS_ZH[c] ?? c) : c)), ...own];
}

