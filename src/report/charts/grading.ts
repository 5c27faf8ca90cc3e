/**
 * A second-life grading's figures in the report's languages: the grading library's own charts
 * (src/battery/grading/charts.ts: features coloured by module, every cell's dV/dQ, the capacity proxy by grade)
 * with their words put in the language and the report's fonts, and the yields by grade. The data and the drawing
 * are the library's; only the words change here.
 */
import type { EChartsOption } from 'echarts';
import { capacityHistogramOption, dvCurvesOption, featureScatterOption, GRADES, type GradingResult } from '../../battery/grading/index.js';
import { gradeName, term } from '../battery-labels.js';
import type { Lang } from '../labels.js';
import { axisName, baseOption, FONT_FAMILY } from './common.js';

/** A series name of the library's charts ("module 3", "spare", a grade) in `lang`. */
export function gradingSeriesName(name: string, lang: Lang): string {
  const m = /^module (\d+)$/.exec(name);
  if (m) return lang === 'zh' ? `${term('module', lang)} ${m[1]}` : name;
  if (name === 'spare') return term('spare', lang);
  return gradeName(name, lang);
}

interface Words {
  readonly title: string;
  readonly subtitle: string;
  readonly x: string;
  readonly y: string;
}

type Axis = { name?: string } & Record<string, unknown>;

function localise(o: EChartsOption, lang: Lang, w: Words): EChartsOption {
  const title = o.title as Record<string, unknown>;
  const series = (o.series as { name?: string }[]).map((s) => ({ ...s, ...(s.name !== undefined ? { name: gradingSeriesName(s.name, lang) } : {}) }));
  return {
    ...o,
    textStyle: { fontFamily: FONT_FAMILY },
    tooltip: { trigger: 'item', confine: true },
    title: { ...title, text: w.title, subtext: w.subtitle },
    xAxis: { ...(o.xAxis as Axis), name: w.x },
    yAxis: { ...(o.yAxis as Axis), name: w.y },
    series: series as EChartsOption['series'],
  };
}

/** Capacity proxy (Ah) against the DV deviation, one colour per module; the rest by grade. */
export function gradingFeatureChart(result: GradingResult, lang: Lang): EChartsOption {
  return localise(featureScatterOption(result), lang, {
    title: term('featuresByModule', lang),
    subtitle:
      lang === 'zh'
        ? '容量代理量 (部分充电推算, 非实际容量) 与 DV 向量相对串均值的偏差; 圆点: 模组, 菱形: 备用与剔除电芯'
        : "capacity proxy (a partial-charge proxy, not a capacity) against the DV vector's deviation from the string mean; dots: modules, diamonds: spares and rejected cells",
    x: axisName(lang === 'zh' ? '容量代理量' : 'capacity proxy', 'Ah'),
    y: term('dvDeviation', lang),
  });
}

/** Every cell's dV/dQ over the charge, coloured by module, the DV feature positions dashed. */
export function gradingDvChart(result: GradingResult, lang: Lang): EChartsOption {
  const step = result.string.currentStep;
  const stepNote = step ? (lang === 'zh' ? `; ${(step.charge / 3600).toFixed(0)} Ah 处的尖峰为电流阶跃, 非电芯特性` : `; the spike at ${(step.charge / 3600).toFixed(0)} Ah is the current step, not the cells`) : '';
  return localise(dvCurvesOption(result), lang, {
    title: term('dvCurves', lang),
    subtitle: (lang === 'zh' ? '虚线: DV 向量的取点位置 (各电芯间差异最大处)' : "dashed: the DV vector's positions (largest across-cell variation)") + stepNote,
    x: axisName(term('chargePassed', lang), 'Ah'),
    y: axisName('dV/dQ', 'mV/Ah'),
  });
}

/** The capacity proxy's histogram, stacked by grade. */
export function gradingHistogramChart(result: GradingResult, lang: Lang): EChartsOption {
  return localise(capacityHistogramOption(result), lang, {
    title: term('capacityHistogram', lang),
    subtitle: lang === 'zh' ? '容量代理量: 代理电压区间内的充入电量; 按等级堆叠' : "charge between the proxy's voltage limits; stacked by grade",
    x: axisName(lang === 'zh' ? '容量代理量' : 'capacity proxy', 'Ah'),
    y: axisName(term('cells', lang), ''),
  });
}

export const GRADE_COLOURS = { 'reuse-storage': '#2f855a', 'reuse-low-power': '#d69e2e', recycle: '#c53030' } as const;

/** Cells per grade with their share of the campaign. */
export function gradingYieldChart(result: GradingResult, lang: Lang): EChartsOption {
  const total = GRADES.reduce((a, g) => a + result.yields[g].count, 0);
  return {
    ...baseOption(term('yields', lang), lang === 'zh' ? `共 ${total} 个电芯; 标注: 电芯数 (占比)` : `${total} cells; labels: cells (share)`),
    tooltip: { trigger: 'axis', confine: true, axisPointer: { type: 'shadow' } },
    legend: { show: false },
    grid: { left: 70, right: 30, top: 70, bottom: 50 },
    xAxis: { type: 'category', data: GRADES.map((g) => gradeName(g, lang)) },
    yAxis: { type: 'value', name: axisName(term('cells', lang), ''), minInterval: 1 },
    series: [
      {
        name: term('cells', lang),
        type: 'bar',
        barMaxWidth: 60,
        data: GRADES.map((g) => ({
          value: result.yields[g].count,
          itemStyle: { color: GRADE_COLOURS[g] },
          label: { show: true, position: 'top' as const, formatter: `${result.yields[g].count} (${(result.yields[g].share * 100).toFixed(1)}${lang === 'zh' ? '%' : ' %'})` },
        })),
      },
    ],
  };
}
