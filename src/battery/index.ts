/**
 * The battery layer (between plant and dispatch): cells, their layout into a plant with PCS, transformer and
 * container HVAC; rainflow counting and the semi-empirical life models; a plant's life under its dispatch; second-life
 * grading of retired cells; the recycling line and its economics. Browser-safe: files that read folders are named
 * `*.node.ts` and are not exported here.
 */
export * from './rainflow.js';
export * from './life/index.js';
export { CELL_PRESETS, CELL_PRESET_IDS, cellPreset } from './cell/presets.js';
export { openCircuitVoltage, cellResistance, pointAtPower, newCellPoint, type CellPoint } from './cell/equivalent-circuit.js';
export type { CellPreset } from './cell/types.js';
export { layoutSystem, deliverableEnergy, NAMEPLATE_TEMPERATURE, type BatterySystem, type BatterySystemSpec } from './system/layout.js';
export { roundTripAt, type RoundTrip } from './system/efficiency.js';
export { operate, OPERATE_DEFAULTS, type Fleet, type OperationResult } from './system/operate.js';
export { plantLife, type PlantLifePolicy, type PlantLifeInputs, type PlantLifeYear, type PlantLifeResult, type DispatchYear } from './plant-life.js';
export * from './grading/index.js';
export * from './recycling/index.js';
