export { parseQuantity, parseUnit, toSI, UnitError, type ResolvedUnit } from './parse.js';
export { fromSI, formatQuantity, formatNumber } from './format.js';
export { QUANTITY_KINDS, type QuantityKind, type KindSpec } from './kinds.js';
export type { Dimension } from './dimensions.js';
export { SECONDS_PER_YEAR } from './symbols.js';
