/**
 * ECharts, tree-shaken to what the report layer's chart builders (src/report/charts) draw — lines, bars, a heat map
 * with its continuous visual map, scatter points, mark lines and areas — and registered once. Loaded on demand by
 * EChart.tsx, so none of it is in the first page load. A builder that starts using another series type or component
 * needs it added here (ECharts then says which in the console).
 */
import { init, use, registerTheme, type ECharts } from 'echarts/core';
import { BarChart, HeatmapChart, LineChart, ScatterChart } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  TitleComponent,
  TooltipComponent,
  VisualMapContinuousComponent,
} from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

use([
  BarChart,
  HeatmapChart,
  LineChart,
  ScatterChart,
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  TitleComponent,
  TooltipComponent,
  VisualMapContinuousComponent,
  CanvasRenderer,
]);

/** Readable Chinese first where it exists, then the system's sans-serif. */
export const CHART_FONT = "system-ui, -apple-system, 'Segoe UI', 'PingFang SC', 'Microsoft YaHei', 'WenQuanYi Micro Hei', 'Noto Sans CJK SC', sans-serif";

registerTheme('chuneng', {
  textStyle: { fontFamily: CHART_FONT },
  title: { textStyle: { fontFamily: CHART_FONT, fontWeight: 600, fontSize: 14 } },
});

export function createChart(element: HTMLElement): ECharts {
  return init(element, 'chuneng', { renderer: 'canvas' });
}

export type { ECharts };
