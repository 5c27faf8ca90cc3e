export { SECONDS_PER_YEAR, JOULES_PER_MWH } from './conventions.js';
export { FinanceInputError, describeRange, type Range } from './check.js';
export { npv, irr, payback, annuityPayment, signChanges, IRR_DEFAULTS, type IrrOptions, type IrrResult, type Payback } from './money.js';
export { escalateByIndex, escalateByRate, restateCost, type CostIndexTable, type CostBasis, type CostRestatement } from './escalation.js';
export {
  estimateCapex,
  purchasedCost,
  describeCorrelation,
  heatExchangerArea,
  CORRELATION_IDS,
  type CorrelationId,
  type CostCorrelation,
  type CapexItem,
  type CapexInputs,
  type CapexEstimate,
  type CapexLine,
  type PurchasedCost,
} from './capex.js';
export {
  CHINA_TAX_DEFAULTS,
  CHINA_TAX_SOURCES,
  resolveTax,
  straightLine,
  carryLossesForward,
  vatLedger,
  surchargeRate,
  incomeTaxRateInYear,
  type TaxSettings,
  type SurchargeRates,
  type TaxHoliday,
} from './tax.js';
export { debtSchedule, dscr, type DebtTerms, type DebtSchedule, type DscrResult } from './debt.js';
export { parametricOperation, type OperationParameters, type OperationSeries } from './operation.js';
export {
  buildCashFlows,
  evaluateProject,
  checkProject,
  PROJECT_DEFAULTS,
  type ProjectFinanceInputs,
  type ProjectResult,
  type ProjectSummary,
  type CashFlowTable,
  type CashFlowModel,
  type RevenueStream,
  type CostStream,
  type Replacement,
  type EndOfLife,
  type TaxOverrides,
} from './cashflow.js';
export { levelisedCost, type LevelisedStreams, type LevelisedCost } from './levelised.js';
export {
  lcosSchmidt,
  schmidtStreams,
  schmidtLifetime,
  lcosNominalReal,
  lcosLazard,
  withLevelisedPrice,
  LAZARD_DEFAULTS,
  type SchmidtInputs,
  type LazardOptions,
  type LazardResult,
} from './lcos.js';
export { tornado, sweep, type SensitivityVariable, type Tornado, type TornadoBar, type Metric, type Progress } from './sensitivity.js';
export { sample, standardNormal, distributionMean, type Distribution } from './random.js';
export { Xoshiro128, SplitMix64 } from '../numerics/random.js';
export { monteCarlo, percentile, MONTE_CARLO_DEFAULTS, type McVariable, type MonteCarloOptions, type MonteCarloResult, type MetricSummary } from './montecarlo.js';
export {
  FINANCE_KNOBS,
  FINANCE_KNOB_NAMES,
  FINANCE_METRICS,
  FINANCE_METRIC_NAMES,
  financeTornado,
  financeMonteCarlo,
  type FinanceKnob,
  type FinanceKnobName,
  type FinanceMetricName,
  type KnobRange,
  type KnobDistribution,
} from './knobs.js';
export { FinanceSectionSchema, parseFinanceSection, type FinanceSection, type FinanceSectionInput, type FinanceIssue, type FinanceParse } from './schema.js';
export { chineseEvaluation, CN_EVALUATION_DEFAULTS, CN_INDICATOR_TEXT, CN_METHOD, type CnEvaluation, type CnEvaluationOptions, type CnIndicator, type CnIndicatorKey, type CnIndicatorText, type CnUnit, type CnStatement, type CnStatementKey, type CnStatementRow } from './cn-evaluation.js';
