/**
 * ECharts rendered to an SVG string on the server (no DOM: ECharts' own SSR), for the HTML report and the PDF.
 * Animation is off so the SVG is the final picture, not its first frame.
 */
import * as echarts from 'echarts';
import type { EChartsOption } from 'echarts';

export function renderChartSvg(option: EChartsOption, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ ...option, animation: false });
    // ecmeta_* attributes serve ECharts' client-side hydration; a static report has no use for them (they are 40 %
    // of a heat map's 8760 cells)
    return chart.renderToSVGString().replace(/ ecmeta_[a-z_]+="[^"]*"/g, '');
  } finally {
    chart.dispose();
  }
}
