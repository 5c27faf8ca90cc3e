export { ProjectSchema, type ProjectSpec, type PlantSpec, type MarketSpec, type DispatchSpec, type SiteSpec, type PerformanceSpec } from './schema.js';
export { parseProjectText, loadProjectFile, type LoadedProject } from './load.js';
export { evaluate, CONVENTIONS, type ProjectEvaluation, type PlantEvaluation, type EvaluateOptions, type ProjectProgress } from './evaluate.js';
export { summaryText, resultsJson, writeResults } from './output.js';
export { linearPerformance, type PlantPerformance, type PartLoadCurve } from './performance.js';
export { storageParams } from './storage.js';
export { ProjectError, ProjectFileError } from './errors.js';
