/** The recycling line and its economics (issue 15): browser-safe, no node: imports. */
export { RecyclingInputError } from './errors.js';
export { camFractions, cellContentPerEnergy, cellMassPerEnergy, camPerEnergy, unitComposition, type MaterialMasses } from './materials.js';
export { streamBalance, type StreamBalance, type Product, type MaterialFlow, type Stage } from './mass-balance.js';
export { evaluateRecycling, blackMassMarketValue, capitalRecoveryFactor, type RecyclingResult, type StreamEconomics, type MoneyLine } from './economics.js';
export { compareRoutes, estimatedCosts, type RouteComparison } from './compare.js';
export { gradeCountsFromGrading, secondLifeShareOf, type GradeCounts } from './sorting.js';
export { annualStatement, type AnnualStatement } from './statement.js';
export { RecyclingPlantSchema, ProcessCostsSchema, parseRecyclingPlant, PRICE_SNAPSHOTS, type RecyclingPlantInput, type RecyclingParse, type RecyclingIssue } from './schema.js';
export type { RecyclingPlantSpec, FeedStream, LineSpec, SortingSpec, ProcessCosts, RecyclingPrices } from './spec.js';
export { RECYCLING_CHEMISTRIES, MATERIALS, type RecyclingChemistry, type Material } from '../data/recycling-materials.js';
export { RECYCLING_ROUTES, CN_2024, EU_2027, RECOVERY_SETS, type RecyclingRoute, type RecoverySet } from '../data/recycling-recovery.js';
export { PRICES_CN_2025_06, PRICES_CN_2025_11, LITHIUM_CARBONATE_2025_11, LITHIUM_CARBONATE_PER_LITHIUM, PRICE_NAMES, type PriceName, type DatedPrice } from '../data/recycling-prices.js';
export { PROCESS_COSTS_CN_ESTIMATE } from '../data/recycling-costs.js';
