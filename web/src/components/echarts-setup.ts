/**
 * ECharts, tree-shaken to what the result pages draw (lines, bars, heat maps, scatter, the custom series of a
 * histogram or a range band) and registered once. Loaded on demand by EChart.tsx, so none of it is in the first page
 * load.
 */
import { init, use, registerTheme, type ECharts } from 'echarts/core';
import { BarChart, CustomChart, HeatmapChart, LineChart, ScatterChart } from 'echarts/charts';
import {
  AriaComponent,
  DataZoomComponent,
  DatasetComponent,
  GraphicComponent,
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  MarkPointComponent,
  TitleComponent,
  TooltipComponent,
  VisualMapComponent,
} from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

use([
  BarChart,
  CustomChart,
  HeatmapChart,
  LineChart,
  ScatterChart,
  AriaComponent,
  DataZoomComponent,
  DatasetComponent,
  GraphicComponent,
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  MarkPointComponent,
  TitleComponent,
  TooltipComponent,
  VisualMapComponent,
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
