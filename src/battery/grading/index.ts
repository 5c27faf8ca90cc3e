/**
 * Second-life grading of retired cells from a test campaign (browser-safe; read-campaign.node.ts reads a folder).
 */
export { parseCampaign, parseCampaignDay, parseWideCsv, campaignLabels, CampaignFormatError, type Campaign, type CampaignDay, type CampaignDayTexts } from './campaign.js';
export { COULOMBS_PER_AH, cumulativeCharge, monotoneEnvelope, voltageLevels, differentialVoltage, icPeak, chargeAtVoltage, type VoltageLevels, type IcPeak } from './charge-curve.js';
export { localMaxima, dvVariation, dvVectors, threeSigmaDistanceRejection, type DvVariation, type ThreeSigmaRejection } from './dv-vector.js';
export { dbscan, zScoreColumns, type DbscanResult } from './dbscan.js';
export { campaignFeatures, type CellFeatures, type StringFeatures, type FeatureSet } from './features.js';
export { GRADING_DEFAULTS, type GradingOptions, type RejectionOptions, type GroupingOptions, type GradeThresholds } from './options.js';
export { rejectOutliers, reasonText, scaleFloors, Z_FEATURES, type ZFeature, type RejectionReason, type RejectionResult } from './rejection.js';
export { balancedKMeans, type Grouping, type BalancedKMeansOptions } from './grouping.js';
export { groupSpreads, meanSpreads, randomPartitionSpreads, averageSpreads, type Spreads } from './spread.js';
export { gradeCampaign, GRADES, type Grade, type CellGrade, type GroupSummary, type GradingResult } from './grade.js';
export { gradingCsv } from './table.js';
export { featureScatterOption, dvCurvesOption, capacityHistogramOption } from './charts.js';
