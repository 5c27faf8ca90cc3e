/**
 * The comparison of a site's plants: the KPIs in rows, the plants in columns, and under each plant one plain
 * sentence of verdict derived from its numbers (NPV's sign and what drives it, the IRR against the benchmark, the
 * payback, a DSCR below 1). Plain data, so the web app, the HTML report and the workbook lay it out as they need.
 */
import { formatMoney, formatNumber, formatPercent } from '../display.js';
import { BATTERY_KPIS, KPIS, kpiValues, type KpiValue } from '../kpis.js';
import { type Lang, type LabelKey } from '../labels.js';
import type { ResultsData, ResultsPlant } from '../results.js';

export interface CompareTable {
  readonly columns: readonly { readonly name: string; readonly technology: string }[];
  readonly rows: readonly { readonly key: LabelKey; readonly label: string; readonly unit: string; readonly values: readonly (number | null)[]; readonly texts: readonly string[] }[];
  readonly verdicts: readonly string[];
}

export function compareTable(results: Pick<ResultsData, 'plants'>, lang: Lang): CompareTable {
  const kpis = results.plants.some((p) => p.battery) ? [...KPIS, ...BATTERY_KPIS] : KPIS;
  const perPlant: KpiValue[][] = results.plants.map((p) => kpiValues(p, lang, kpis));
  const rows = (perPlant[0] ?? []).map((k, i) => ({
    key: k.key,
    label: k.label,
    unit: k.unit,
    values: perPlant.map((ks) => ks[i].value),
    texts: perPlant.map((ks) => ks[i].text),
  }));
  return {
    columns: results.plants.map((p) => ({ name: p.name, technology: p.performance.technology })),
    rows,
    verdicts: results.plants.map((p) => verdict(p, lang)),
  };
}

/** The first operating year's margin before capex: revenue − charging − O&M (money). */
function operatingMargin(p: ResultsPlant): number {
  const c = p.finance.cashFlow;
  const t = c.operatingYear.indexOf(1);
  if (t < 0) return 0;
  return c.revenue[t] - c.chargingCost[t] - c.omFixed[t] - c.omVariable[t] - c.otherCosts[t];
}

/** One sentence on whether the plant pays, and why, from its figures. */
export function verdict(p: ResultsPlant, lang: Lang): string {
  const f = p.finance;
  const zh = lang === 'zh';
  const rate = f.discountRate;
  const benchmark = f.cn?.benchmarkRate ?? rate;
  const npv = formatMoney(f.npvProjectAfterTax, lang, f.currency);
  const irr = f.irrProjectAfterTax;
  const irrText =
    irr === null
      ? zh
        ? '项目投资税后内部收益率不存在 (现金流始终未转正)'
        : 'there is no project IRR (the cash flow never turns positive)'
      : zh
        ? `项目投资税后内部收益率 ${formatPercent(irr, lang)} ${irr >= benchmark ? '高于' : '低于'}基准 ${formatPercent(benchmark, lang, 0)}`
        : `the project IRR after tax, ${formatPercent(irr, lang)}, is ${irr >= benchmark ? 'above' : 'below'} the ${formatPercent(benchmark, lang, 0)} benchmark`;
  const parts: string[] = [];
  if (f.npvProjectAfterTax >= 0) {
    const payback = f.paybackYears === null ? '' : zh ? `，第 ${formatNumber(f.paybackYears, lang, 1)} 年收回投资` : `; it pays back after ${formatNumber(f.paybackYears, lang, 1)} years`;
    parts.push(zh ? `净现值为正 (${npv})，${irrText}${payback}` : `NPV is positive (${npv}) at a ${formatPercent(rate, lang, 0)} discount rate: ${irrText}${payback}`);
  } else {
    const cause =
      operatingMargin(p) <= 0
        ? zh
          ? '年收益不足以覆盖充电和运维成本'
          : 'revenue does not even cover charging and O&M'
        : zh
          ? '年收益不足以收回总投资'
          : 'revenue does not cover the capex';
    parts.push(zh ? `按 ${formatPercent(rate, lang, 0)} 折现率净现值为负 (${npv})：${cause}，${irrText}` : `NPV is negative (${npv}) at a ${formatPercent(rate, lang, 0)} discount rate: ${cause}; ${irrText}`);
  }
  if (f.minDscr !== null && f.minDscr < 1) {
    parts.push(
      zh
        ? `最小偿债覆盖率 ${formatNumber(f.minDscr, lang, 2)} 低于 1，部分年份的经营现金流不足以还本付息`
        : `the minimum DSCR of ${formatNumber(f.minDscr, lang, 2)} is below 1, so in some years the cash flow does not serve the debt`,
    );
  }
  return zh ? `${parts.join('；')}。` : `${parts.join('; ')}.`;
}

/**
 * The replay in words: how much of the dispatch the plant model could not follow (share of the steps with a
 * violation, share of the discharged energy it could not deliver). Undefined for a plant without a replay.
 */
export function replayVerdict(p: ResultsPlant, lang: Lang): string | undefined {
  const r = p.replay;
  if (!r) return undefined;
  const zh = lang === 'zh';
  const steps = p.scheduleSteps || 1;
  // violations are counted per step and limit: a step can break two limits, so the share is an upper bound
  const stepShare = Math.min(1, r.violationCount / steps);
  const energyShare = r.dispatchEnergyOut > 0 ? Math.max(0, 1 - r.energyOut / r.dispatchEnergyOut) : 0;
  if (r.feasible && r.violationCount === 0) {
    return zh ? '电站模型能完整执行调度计划。' : 'The plant model follows the whole dispatch schedule.';
  }
  return zh
    ? `电站模型在约 ${formatPercent(stepShare, lang)} 的时段无法按计划运行，少放电 ${formatPercent(energyShare, lang)}。`
    : `The plant model could not follow the schedule in about ${formatPercent(stepShare, lang)} of the hours and delivered ${formatPercent(energyShare, lang)} less energy than dispatched.`;
}
