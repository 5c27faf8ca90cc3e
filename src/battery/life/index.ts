/** The battery degradation layer: duties, the life-model interface, the shipped models and life under a duty. */
export * from './duty.js';
export * from './duty-csv.js';
export * from './model.js';
export * from './life-under-duty.js';
export * from './registry.js';
export { Lfp250AhModel, LFP_250AH_INFO } from './blast/lfp-250ah.js';
export { BlastLifeModel } from './blast/blast-model.js';
export { blastBreakpoints, sliceStressors, SliceStressors } from './blast/stepping.js';
export { SamCalendarCycleModel } from './sam/calendar-cycle.js';
export { CycleTable } from './sam/cycle-table.js';
export { SAM_LFP_INFO, SAM_NMC_INFO, samLfpModel, samNmcModel } from './sam/models.js';
export { Nmc111Kokam75AhModel, NMC111_KOKAM_75AH_INFO } from './blast/nmc111-kokam-75ah.js';
export { Nmc811Lgmj1Model, NMC811_LGMJ1_INFO } from './blast/nmc811-lgmj1.js';
export { SamNmcSmith2017Model, SAM_NMC_SMITH2017_INFO } from './sam/nmc-smith2017.js';
export { Nmc622Denso50AhModel, NMC622_DENSO_50AH_INFO, meanChargingRate } from './blast/nmc622-denso-50ah.js';
export { LfpSonyMurata3AhModel, LFP_SONYMURATA_3AH_INFO } from './blast/lfp-sonymurata-3ah.js';
