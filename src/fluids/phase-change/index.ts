export { N_DECANE, PHASE_CHANGE_MATERIALS, phaseChangeMaterial, type PhaseChangeMaterial, type PhaseChangeMaterialId } from './materials.js';
export { enthalpyAt, stateAt, type PhaseChangeState } from './bed.js';
