export { N_DECANE, N_NONANE, PHASE_CHANGE_MATERIALS, phaseChangeMaterial, type PhaseChangeMaterial, type PhaseChangeMaterialId } from './materials.js';
export { enthalpyAt, stateAt, type PhaseChangeState } from './bed.js';
