/**
 * Which charts a report shows for each plant, in order, with their sizes: the plant's physics (p–h, T–s, the
 * cycle) for a template plant, its operation when its schedule is at hand, its money, and the tornado and Monte
 * Carlo when the run made them. The HTML report renders this list; a test checks every chart of it is there.
 */
import type { EChartsOption } from 'echarts';
import { propertyDiagramData, workingFluid } from './diagram.js';
import type { Lang } from './labels.js';
import { realisedPowers, type ResultsData, type ResultsPlant, type ScheduleData } from './results.js';
import {
  cashFlowChart,
  cycleChart,
  monteCarloChart,
  monthlyRevenueChart,
  propertyDiagramChart,
  tornadoChart,
  weekCount,
  weekOperationChart,
  weekRange,
  yearHeatmapChart,
} from './charts/index.js';

export interface ReportInput {
  readonly results: ResultsData;
  /** Per plant, in the order of results.plants; without one a plant's operation charts are left out. */
  readonly schedules: readonly (ScheduleData | undefined)[];
}

export type ChartId = 'ph' | 'Ts' | 'cycle' | 'week' | 'heatmap' | 'monthly' | 'cashflow' | 'tornado' | 'montecarlo'
  | 'battery-life' | 'battery-years' | 'battery-round-trips' | 'recycling-cashflow' | 'recycling-routes-mass' | 'recycling-routes-energy' | 'recycling-mass-balance';

export interface ReportChart {
  readonly id: ChartId;
  readonly option: EChartsOption;
  /** px */
  readonly width: number;
  readonly height: number;
  /** A line under the chart saying what was chosen (the week shown), or nothing. */
  readonly caption?: string;
}

/** The full week with the largest arbitrage margin (what a reader wants to see the plant do). */
export function busiestWeek(s: ScheduleData): number {
  const { charge, discharge } = realisedPowers(s);
  let best = 1;
  let bestMargin = -Infinity;
  const full = Math.floor((s.charge.length * s.stepSeconds) / (7 * 86400));
  for (let w = 1; w <= Math.max(1, Math.min(full, weekCount(s))); w++) {
    const { from, to } = weekRange(s, w);
    let margin = 0;
    for (let i = from; i < to; i++) margin += s.price[i] * (discharge[i] - charge[i]);
    if (margin > bestMargin) {
      bestMargin = margin;
      best = w;
    }
  }
  return best;
}

/** The charts of one plant, grouped as the report's pages show them. */
export function plantCharts(plant: ResultsPlant, schedule: ScheduleData | undefined, lang: Lang): { physics: ReportChart[]; operation: ReportChart[]; money: ReportChart[]; risk: ReportChart[] } {
  const physics: ReportChart[] = [];
  const d = plant.plantDetail;
  const fluidName = d ? workingFluid(d) : undefined;
  if (d && fluidName) {
    const data = propertyDiagramData(fluidName, { paths: [...d.charge.paths, ...d.discharge.paths] });
    physics.push({ id: 'ph', option: propertyDiagramChart(d, data, 'ph', lang), width: 900, height: 470 });
    physics.push({ id: 'Ts', option: propertyDiagramChart(d, data, 'Ts', lang), width: 900, height: 470 });
  }
  const cycle: ReportChart[] = d ? [{ id: 'cycle', option: cycleChart(d, lang), width: 900, height: 820 }] : [];
  const operation: ReportChart[] = [];
  if (schedule) {
    const week = busiestWeek(schedule);
    operation.push({
      id: 'week',
      option: weekOperationChart(schedule, week, lang, plant.finance.currency),
      width: 900,
      height: 470,
      caption: lang === 'zh' ? `所示为套利净收益最高的一周 (第 ${week} 周)。` : `The week shown is the one with the largest arbitrage margin (week ${week}).`,
    });
    operation.push({ id: 'heatmap', option: yearHeatmapChart(schedule, lang), width: 900, height: 420 });
    operation.push({ id: 'monthly', option: monthlyRevenueChart(schedule, lang, plant.finance.currency), width: 900, height: 380 });
  }
  const money: ReportChart[] = [{ id: 'cashflow', option: cashFlowChart(plant, lang), width: 900, height: 480 }];
  const risk: ReportChart[] = [
    ...(plant.finance.tornado ? [{ id: 'tornado' as const, option: tornadoChart(plant, lang), width: 900, height: 360 }] : []),
    ...(plant.finance.monteCarlo ? [{ id: 'montecarlo' as const, option: monteCarloChart(plant, lang), width: 900, height: 400 }] : []),
  ];
  return { physics: [...physics, ...cycle], operation, money, risk };
}
