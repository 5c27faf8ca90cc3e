export { parseQuantity, parseUnit, toSI, currencyOf, readUnitErrorMessage, UnitError, TEMPERATURE_SCALES, type ResolvedUnit, type QuantityOptions, type UnitErrorReason } from './parse.js';
export { fromSI, formatQuantity, formatNumber } from './format.js';
export { formatMoney, formatNumberLocale, type Lang, type MoneyFormatOptions } from './locale.js';
export { QUANTITY_KINDS, type QuantityKind, type KindSpec } from './kinds.js';
export type { Dimension } from './dimensions.js';
export { SECONDS_PER_YEAR, CURRENCIES, CHINESE_UNIT_SYMBOLS, type Currency } from './symbols.js';
