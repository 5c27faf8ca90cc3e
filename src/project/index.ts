/** The project layer, free of file access (it runs in a browser too); the Node edge is './node.js'. */
export { ProjectSchema, type ProjectSpec, type PlantSpec, type MarketSpec, type DispatchSpec, type SiteSpec, type PerformanceSpec } from './schema.js';
export { parseProjectText, parseProjectValue, readFromMap, type LoadedProject, type ReadText } from './parse.js';
export { evaluate, CONVENTIONS, type ProjectEvaluation, type PlantEvaluation, type EvaluateOptions, type ProjectProgress, type YearlyCashFlow, type MonteCarloData } from './evaluate.js';
export { summaryText, resultsJson, plantResultsJson, type ResultsData, type ResultsPlant, resultFiles, scheduleCsv, cashFlowCsv, CASH_FLOW_COLUMNS, type ResultFile } from './output.js';
export { type PlantDetail, type DesignPointData, DETAIL_CYCLE } from './template-plant.js';
export { linearPerformance, type PlantPerformance, type PartLoadCurve } from './performance.js';
export { storageParams } from './storage.js';
export { ProjectError, ProjectFileError } from './errors.js';
export { validateProject, FINANCE_PLACEHOLDERS, ISSUE_CODES, MESSAGES, message, type FieldIssue, type ProjectValidation, type ValidateOptions, type Lang, type IssueCode } from './validate.js';
export { priceSeries, PRICE_MAGNITUDE } from './market.js';
