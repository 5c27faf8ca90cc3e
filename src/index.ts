/**
 * Chuneng's library entry: one namespace per layer (each also importable on its own, e.g. 'chuneng/fluids/index.js').
 */
export * as units from './units/index.js';
export * as numerics from './numerics/index.js';
export * as fluids from './fluids/index.js';
export * as plant from './plant/index.js';
export * as dispatch from './dispatch/index.js';
export * as finance from './finance/index.js';
export { fluid } from './fluids/index.js';
