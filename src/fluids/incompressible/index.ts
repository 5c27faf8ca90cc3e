export type { StoreMedium } from './medium.js';
export { IncompressibleLiquid } from './liquid.js';
export { userLiquid, type LiquidCorrelations } from './user-liquid.js';
export { SOLAR_SALT, THERMINOL_66, THERMINOL_VP1, DOWTHERM_Q, STORE_LIQUIDS, storeLiquid } from './media.js';
export { INCOMPRESSIBLE_REFERENCE_STATE } from './reference-state.js';
export { FluidInputError } from '../errors.js';
export type { IncompressibleLiquidData, FitFunction } from './types.js';
