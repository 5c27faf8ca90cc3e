export { fluid, Fluid, INPUT_PAIRS, type InputPair, type InputKey, type Saturation } from './fluid.js';
export { CRITICAL_POINT_ZONE, type FluidState, type Phase } from './state.js';
export { FLASH_TOLERANCE, type FlashInput } from './flash/verify.js';
export { FLUID_NAMES } from './registry.js';
export { REFERENCE_STATES, type ReferenceStateName } from './reference-state.js';
export { FluidInputError, FluidSolveError } from './errors.js';
export * as incompressible from './incompressible/index.js';
export * as idealgas from './idealgas/index.js';
