/**
 * Chart options (ECharts) of a grading: the features coloured by module, every cell's dV/dQ curve, and a histogram of
 * the capacity proxy by grade. Options only (browser-safe); the CLI renders them to SVG.
 */
import type { EChartsOption } from 'echarts';
import { COULOMBS_PER_AH } from './charge-curve.js';
import { GRADES, type GradingResult, type CellGrade } from './grade.js';

/**
 * Module colours: K. L. Kelly's colours of maximum contrast ("Twenty-two colors of maximum contrast", Color
 * Engineering 3 (1965) 26), without white and black, so up to 20 modules each get their own.
 */
const PALETTE = [
  '#0067a5', '#f38400', '#008856', '#be0032', '#875692', '#a1caf1', '#f3c300', '#848482', '#e68fac', '#c2b280',
  '#f99379', '#604e97', '#f6a600', '#b3446c', '#dcd300', '#882d17', '#8db600', '#654522', '#e25822', '#2b3d26',
];
const GRADE_COLOURS = { 'reuse-storage': '#2f855a', 'reuse-low-power': '#d69e2e', recycle: '#c53030' } as const;
const r5 = (v: number) => Number(v.toPrecision(5));

function frame(title: string, subtitle: string): EChartsOption {
  return {
    animation: false,
    backgroundColor: '#ffffff',
    title: { text: title, subtext: subtitle, left: 'center', top: 4, textStyle: { fontSize: 15 }, subtextStyle: { fontSize: 11 } },
    legend: { bottom: 4, type: 'scroll', textStyle: { fontSize: 10 } },
    grid: { left: 70, right: 30, top: 70, bottom: 80 },
  };
}

/** A log axis from the decade below the smallest value to the decade above the largest. */
function decades(values: readonly number[]): { min: number; max: number } {
  const positive = values.filter((v) => v > 0);
  return { min: 10 ** Math.floor(Math.log10(Math.min(...positive))), max: 10 ** Math.ceil(Math.log10(Math.max(...positive))) };
}

const label = (c: CellGrade) => (c.group !== null ? `module ${c.group}` : c.grade === 'reuse-storage' ? 'spare' : c.grade);

/** Capacity proxy (Ah) against the DV deviation from the string mean, one series per module; others by grade. */
export function featureScatterOption(result: GradingResult): EChartsOption {
  const names = [...result.groups.map((g) => `module ${g.group}`), 'spare', 'reuse-low-power', 'recycle'];
  const series = names
    .map((name, i) => {
      const cells = result.cells.filter((c) => label(c) === name && c.features.capacityProxy !== null);
      const colour = name in GRADE_COLOURS ? GRADE_COLOURS[name as keyof typeof GRADE_COLOURS] : name === 'spare' ? '#1a202c' : PALETTE[i % PALETTE.length];
      return {
        name,
        type: 'scatter' as const,
        symbol: name.startsWith('module') ? 'circle' : 'diamond',
        symbolSize: name.startsWith('module') ? 6 : 10,
        itemStyle: { color: colour },
        data: cells.map((c) => [r5((c.features.capacityProxy as number) / COULOMBS_PER_AH), r5(c.features.dvDeviation), c.features.cell]),
      };
    })
    .filter((s) => s.data.length > 0);
  return {
    ...frame('Cell features by module', 'capacity proxy (a partial-charge proxy, not a capacity) against the DV vector’s deviation from the string mean'),
    xAxis: { type: 'value', name: 'capacity proxy (Ah)', nameLocation: 'middle', nameGap: 28, scale: true },
    yAxis: { type: 'log', name: 'DV deviation (RMS of dv/mean − 1)', nameLocation: 'middle', nameGap: 50, ...decades(result.cells.map((c) => c.features.dvDeviation)) },
    series,
  };
}

/** Every cell's dV/dQ over the charge (log scale), coloured by module; the DV feature positions marked. */
export function dvCurvesOption(result: GradingResult): EChartsOption {
  const grid = Array.from(result.string.dvGrid, (q) => q / COULOMBS_PER_AH);
  const colourOf = (c: CellGrade) => (c.group !== null ? PALETTE[(c.group - 1) % PALETTE.length] : c.grade === 'reuse-storage' ? '#1a202c' : GRADE_COLOURS[c.grade]);
  const series = result.cells.map((c, i) => ({
    name: label(c),
    type: 'line' as const,
    showSymbol: false,
    lineStyle: { width: c.grade === 'reuse-storage' ? 0.6 : 1.5, color: colourOf(c), opacity: c.grade === 'reuse-storage' ? 0.5 : 1 },
    itemStyle: { color: colourOf(c) },
    data: grid.map((q, g) => [q, r5(c.features.dvCurve[g] * COULOMBS_PER_AH * 1e3)]),
    ...(i === 0
      ? { markLine: { silent: true, symbol: 'none', lineStyle: { color: '#a0aec0', type: 'dashed' as const, width: 0.8 }, label: { show: false }, data: Array.from(result.string.dvPositions, (q) => ({ xAxis: q / COULOMBS_PER_AH })) } }
      : {}),
  }));
  return {
    ...frame(
      'Differential voltage dV/dQ of every cell',
      `dashed: the DV vector’s positions (largest across-cell variation)${result.string.currentStep ? `; the spike at ${(result.string.currentStep.charge / COULOMBS_PER_AH).toFixed(0)} Ah is the current step, not the cells` : ''}`,
    ),
    legend: { show: false },
    xAxis: { type: 'value', name: 'charge passed (Ah)', nameLocation: 'middle', nameGap: 28, min: grid[0], max: grid[grid.length - 1] },
    yAxis: { type: 'log', name: 'dV/dQ (mV/Ah)', nameLocation: 'middle', nameGap: 50 },
    series,
  };
}

/** Histogram of the capacity proxy, stacked by grade, in `bins` equal bins. */
export function capacityHistogramOption(result: GradingResult, bins = 30): EChartsOption {
  const values = result.cells.filter((c) => c.features.capacityProxy !== null).map((c) => ({ q: (c.features.capacityProxy as number) / COULOMBS_PER_AH, grade: c.grade }));
  const lo = Math.min(...values.map((v) => v.q));
  const hi = Math.max(...values.map((v) => v.q));
  const width = (hi - lo) / bins || 1;
  const centres = Array.from({ length: bins }, (_, b) => (lo + (b + 0.5) * width).toFixed(2));
  const series = GRADES.map((grade) => {
    const counts = new Array<number>(bins).fill(0);
    for (const v of values) if (v.grade === grade) counts[Math.min(bins - 1, Math.floor((v.q - lo) / width))]++;
    return { name: grade, type: 'bar' as const, stack: 'grade', barCategoryGap: '5%', itemStyle: { color: GRADE_COLOURS[grade] }, data: counts };
  });
  return {
    ...frame('Capacity proxy of the cells', 'charge between the proxy’s voltage limits; stacked by grade'),
    xAxis: { type: 'category', data: centres, name: 'capacity proxy (Ah)', nameLocation: 'middle', nameGap: 28 },
    yAxis: { type: 'value', name: 'cells', nameLocation: 'middle', nameGap: 40, minInterval: 1 },
    series,
  };
}
