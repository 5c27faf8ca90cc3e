/** The chart builders: pure functions from results data and a language to ECharts options (plain objects). */
export { FONT_FAMILY, COLORS, axisName } from './common.js';
export { weekOperationChart, weekCount, weekRange } from './week.js';
export { yearHeatmapChart, hourlyNetPower } from './heatmap.js';
export { monthlyRevenueChart, monthlyRevenue } from './monthly.js';
export { cashFlowChart, cumulativeAfterTax, CASH_FLOW_BARS } from './cashflow.js';
export { tornadoChart, metricAxis, METRIC_DISPLAY } from './tornado.js';
export { monteCarloChart, histogram, metricDraws, drawStatistics, type Histogram } from './montecarlo.js';
export { propertyDiagramChart, type DiagramKind } from './property.js';
export { cycleChart, cyclePanels, phaseSpans } from './cycle.js';
export { compareTable, verdict, replayVerdict, type CompareTable } from './compare.js';
