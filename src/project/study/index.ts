/**
 * Design-space studies (issue 16), browser-safe: the study file and its parsing, the cases (design rows → parameter
 * values → the project changed at its paths → evaluate → outputs by path), the plant cache, the analysis and the
 * texts. The numerical methods are H5's (./methods); the Node edge is ./files-node.ts; running on threads, on
 * BullMQ and into SQLite is src/server/study-*.ts.
 */
export { StudySchema, OUTPUT_ALIASES, type StudyFile, type DesignSpec } from './schema.js';
export { parseStudyText, parseStudyValue, projectValue, type StudySpec, type StudyParameter, type StudyOutput, type StudyConstraint } from './spec.js';
export { planStudy, caseValues, type StudyPlan } from './plan.js';
export { evaluateCase, caseProject, readOutputs, type StudyContext, type CaseInput, type CaseResult } from './case.js';
export { TemplatePlantCache, plantKey, dispatchKey, PLANT_CACHE_DEFAULTS, type PlantCache } from './plant-cache.js';
export { PRICE_FACTOR_PATHS, STUDY_PRICE_FILE, withPriceFactors, type PriceFactors } from './price-factors.js';
export { analyseStudy, type StudyAnalysis, type OutputAnalysis, type ParetoPoint } from './analysis.js';
export { runNsga2 } from './nsga.js';
export { casesCsv, ProgressCounter, progressLine, formatDuration, type StudyProgress } from './results.js';
export { canonicalJson, hashText, hashValue } from './hash.js';
