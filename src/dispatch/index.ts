export { DispatchInputError, PriceFileError } from './errors.js';
export { FIXED_OFFSET_ZONES, utcOffsetMinutes, parseIsoTime, formatIsoTime, localTime, type LocalTime } from './time.js';
export { parsePriceCsv, checkPriceSeries, PRICE_CSV_DEFAULTS, type PriceSeries, type PriceCsvOptions } from './prices.js';
export {
  tariffSeries,
  tariffPeriodAt,
  validateTariff,
  parseTariff,
  DAY_TYPES,
  type TouTariff,
  type TouPeriod,
  type TouRule,
  type DayType,
} from './tariff.js';
export { henanTou2024, HENAN_TOU_2024_RATIOS } from './henan.js';
export { capacityRevenue, withAncillaryReserve, YEAR_SECONDS, type AncillaryReserve } from './capacity.js';
export {
  simpleStorage,
  batteryStorage,
  partLoadCurve,
  validateStorage,
  converterSegments,
  usableEnergy,
  STORAGE_DEFAULTS,
  type StorageParams,
  type SimpleStorageSpec,
  type Converter,
  type LinearConverter,
  type CurveConverter,
  type ConverterSegments,
  type EndState,
} from './model.js';
export { DISPATCH_DEFAULTS, type DispatchOptions } from './lp.js';
export { highsRuntime, configureHighs, type HighsSettings } from './solver.js';
export { solveDispatch } from './solve.js';
export { solveRollingDispatch, persistenceForecast, type Foresight, type RollingOptions } from './rolling.js';
export {
  summarizeSchedule,
  type DispatchResult,
  type DispatchSchedule,
  type DispatchSummary,
  type HorizonReport,
} from './result.js';
