/**
 * The report layer, browser-safe part: labels in English and Chinese, display units, the KPI list, the property
 * diagram data, and the chart builders (ECharts options as plain objects). The Node edge (SVG rendering, HTML, PDF,
 * XLSX, reading a results folder) is './node/index.js'.
 */
export { LABELS, LANGS, CHANNEL_WORDS, label, labelOr, channelName, checkLang, type Lang, type LabelKey, type Term } from './labels.js';
export {
  MW,
  MWH,
  currencyName,
  moneyUnit,
  priceUnit,
  displayUnit,
  toDisplay,
  formatNumber,
  formatMoney,
  formatPercent,
  formatValue,
  decimalsFor,
  localTime,
  type DisplayKind,
} from './display.js';
export { KPIS, kpiValues, resultsInDisplayUnits, annualDischarge, type Kpi, type KpiValue } from './kpis.js';
export { scheduleData, realisedPowers, type ScheduleData, type ResultsData, type ResultsPlant, type CnEvaluation, type CnIndicator, type CnStatement, type CnStatementRow } from './results.js';
export {
  propertyDiagramData,
  workingFluid,
  pathsOf,
  diagramFluidName,
  roundTemperatures,
  roundPressures,
  DIAGRAM_DEFAULTS,
  type PropertyDiagramData,
  type PropertyDiagramOptions,
  type DiagramPoint,
} from './diagram.js';
export * from './charts/index.js';
